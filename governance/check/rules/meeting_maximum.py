"""meeting-maximum: a body meets no more often in a calendar year than its `meets` clause allows."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..counting import counts, too_many
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for count in counts(view, windows=False):
        if count.high is not None and count.count > count.high:
            yield too_many(view, RULE, count)


RULE = Rule(
    id="meeting-maximum",
    summary=Text(sv="Organet sammanträder högst så många gånger per kalenderår som avtalet tillåter.",
                 en="A body meets at most as many times per calendar year as the bylaw allows."),
    why=Text(sv="`meets at most N per year` (och `between`, `exactly`, `about`) sätter ett tak. `about N` "
                "godtar N±1 och ger bara en varning, liksom ett tak som avtalet anger `as a rule` (\"som regel\").",
             en="`meets at most N per year` (and `between`, `exactly`, `about`) sets a ceiling. `about N` "
                "accepts N±1 and only warns, as does a ceiling the bylaw sets `as a rule` (\"som regel\")."),
    severity="error",
    basis=Basis("agreement", "meets at most N per year"),
    fires=(Example(bylaw='body radet "Rådet"\n  meets at most 1 per year\n',
                   calendar="- {id: r1, body: radet, date: 2025-03-10}\n- {id: r2, body: radet, date: 2025-10-06}\n"),),
    passes=(Example(bylaw='body radet "Rådet"\n  meets at most 2 per year\n',
                    calendar="- {id: r1, body: radet, date: 2025-03-10}\n- {id: r2, body: radet, date: 2025-10-06}\n"),),
    fix=Text(sv="Slå ihop eller ställ in sammanträden det året.", en="Merge or cancel meetings that year."),
    check=check,
)
