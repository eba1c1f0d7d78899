"""notice: a meeting is called at least N days ahead (`notice at least N days`), judged when the calendar
gives the notice date."""
from __future__ import annotations

from typing import Iterator

from ...model.types import Notice
from ...report.finding import Finding
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        clause = body.body.first(Notice)
        if clause is None:
            continue
        for meeting in body.meetings:
            if meeting.notice_date is None:
                continue
            days = (meeting.date - meeting.notice_date).days
            if days < clause.days:
                yield view.finding(RULE, view.cite(clause), meeting=meeting,
                                   sv=f"'{meeting.id}' kallades {days} {'dag' if days == 1 else 'dagar'} i förväg "
                                      f"({meeting.notice_date}); {body.id} kräver minst {clause.days} dagars kallelse",
                                   en=f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                                      f"({meeting.notice_date}); {body.id} needs at least {clause.days} days' notice")


_BYLAW = 'body radet "Rådet"\n  notice at least 14 days\n'

RULE = Rule(
    id="notice",
    summary=Text(sv="Kallelsen går ut minst så många dagar före sammanträdet som avtalet kräver.",
                 en="A meeting is called at least as many days ahead as the bylaw requires."),
    why=Text(sv="`notice at least N days` är avtalets kallelsetid. Bedöms när kalendern anger kallelsedagen "
                "(`notice_date`).",
             en="`notice at least N days` is the bylaw's period of notice. Judged when the calendar gives the "
                "notice date (`notice_date`)."),
    severity="error",
    basis=Basis("agreement", "notice at least N days"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, notice_date: 2025-03-03}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, notice_date: 2025-02-24}\n"),),
    fix=Text(sv="Kalla tidigare, eller flytta sammanträdet.", en="Call the meeting earlier, or move it."),
    check=check,
)
