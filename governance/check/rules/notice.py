"""notice: a meeting is called at least N days ahead (`notice at least N days`), judged when the calendar
gives the notice date."""
from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from ...model.types import Notice
from ...report.finding import Finding
from ..free_days import first_free_on_or_after, said
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        clause = body.body.first(Notice)
        if clause is None:
            continue
        cite = view.cite(clause)
        for meeting in body.meetings:
            if meeting.notice_date is None:
                continue
            days = (meeting.date - meeting.notice_date).days
            if days < clause.days:
                # the same days recur (one day's notice goes out for many meetings): each fix worked out once
                on = ("notice-fix", meeting.date, meeting.notice_date, clause.days)
                yield view.finding(RULE, cite, meeting=meeting, fix=view.once(on, lambda: fix(meeting, clause.days)),
                                   sv=f"'{meeting.id}' kallades {days} {'dag' if days == 1 else 'dagar'} i förväg "
                                      f"({meeting.notice_date}); {body.id} kräver minst {clause.days} dagars kallelse",
                                   en=f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                                      f"({meeting.notice_date}); {body.id} needs at least {clause.days} days' notice")


def fix(meeting, days: int) -> Text:
    """The last day the notice should have gone out, and the first free day the meeting could move to
    with the notice as sent."""
    latest = meeting.date - timedelta(days=days)
    move = said(first_free_on_or_after(meeting.notice_date + timedelta(days=days), july=meeting.date.month == 7))
    return Text(sv=f"kallelsen skulle ha gått ut senast {latest}; med kallelsen som den gick ut kan "
                   f"sammanträdet hållas tidigast {move.sv}",
                en=f"the notice should have gone out by {latest}; with the notice as sent, the meeting can be "
                   f"held on {move.en} at the earliest")


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
