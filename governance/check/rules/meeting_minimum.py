"""meeting-minimum: a body meets at least as often in a calendar year as its `meets` clause says."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..counting import counts, too_few
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for count in counts(view, windows=False):
        if count.low is not None and count.count < count.low:
            yield from too_few(view, RULE, count)


RULE = Rule(
    id="meeting-minimum",
    summary=Text(sv="Organet sammanträder minst så många gånger per kalenderår som avtalet kräver.",
                 en="A body meets at least as many times per calendar year as the bylaw requires."),
    why=Text(sv="`meets at least N per year` (och `between`, `exactly`, `about`) är avtalets krav. "
                "`about N` godtar N±1 och ger bara en varning, liksom ett antal som avtalet anger `as a rule` "
                "(\"som regel\"). En kalender som helt ligger efter --as-of är "
                "en plan: ett underskott som kan ha täckts av tidigare möten blir en varning.",
             en="`meets at least N per year` (and `between`, `exactly`, `about`) is the bylaw's requirement. "
                "`about N` accepts N±1 and only warns, as does a number the bylaw sets `as a rule` (\"som "
                "regel\"). A calendar lying wholly after --as-of is a plan: a "
                "shortfall that earlier meetings may have made up is a warning."),
    severity="error",
    basis=Basis("agreement", "meets at least N per year"),
    fires=(Example(bylaw='body radet "Rådet"\n  meets at least 2 per year\n',
                   calendar="- {id: r1, body: radet, date: 2025-03-10}\n", as_of="2025-01-01"),
           Example(bylaw='body radet "Rådet"\n  meets at least 2 per year as a rule\n',
                   calendar="- {id: r1, body: radet, date: 2025-03-10}\n", as_of="2025-01-01")),
    passes=(Example(bylaw='body radet "Rådet"\n  meets at least 2 per year\n',
                    calendar="- {id: r1, body: radet, date: 2025-03-10}\n- {id: r2, body: radet, date: 2025-10-06}\n",
                    as_of="2025-01-01"),),
    fix=Text(sv="Planera fler sammanträden det året.", en="Plan more meetings that year."),
    check=check,
)
