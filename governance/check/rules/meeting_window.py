"""meeting-window: a body meets as often as its clause says within the months it names (`meets 1 in
april..may`)."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..counting import counts, too_few, too_many
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for count in counts(view, windows=True):
        if count.low is not None and count.count < count.low:
            yield from too_few(view, RULE, count)
        if count.high is not None and count.count > count.high:
            yield too_many(view, RULE, count)


RULE = Rule(
    id="meeting-window",
    summary=Text(sv="Organet sammanträder det antal gånger avtalet kräver under de månader det anger.",
                 en="A body meets as many times as the bylaw requires within the months it names."),
    why=Text(sv="`meets N in MONTH..MONTH` binder sammanträden till en del av året, t.ex. ett möte i april–maj "
                "inför budgeten. Ett antal som avtalet anger `as a rule` (\"som regel\") ger bara en varning.",
             en="`meets N in MONTH..MONTH` ties meetings to part of the year, e.g. one in April–May ahead of "
                "the budget. A number the bylaw sets `as a rule` (\"som regel\") only warns."),
    severity="error",
    basis=Basis("agreement", "meets N in MONTH..MONTH"),
    fires=(Example(bylaw='body radet "Rådet"\n  meets 1 in april..may\n',
                   calendar="- {id: r1, body: radet, date: 2025-03-10}\n", as_of="2025-01-01"),),
    passes=(Example(bylaw='body radet "Rådet"\n  meets 1 in april..may\n',
                    calendar="- {id: r1, body: radet, date: 2025-04-14}\n", as_of="2025-01-01"),),
    fix=Text(sv="Flytta ett sammanträde in i perioden.", en="Move a meeting into the period."),
    check=check,
)
