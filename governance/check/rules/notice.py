"""notice: a meeting is called at least N days ahead (`notice at least N days`), judged when the calendar
gives the notice date."""
from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from ...calendar.model import Meeting
from ...model.types import Notice
from ...report.finding import Citation, Finding
from ..free_days import WEEKDAYS, first_free_on_or_after
from ..rule import Basis, Example, Lang, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    clauses = {body.id: clause for body in view.bodies.values() if (clause := body.body.first(Notice)) is not None}
    if not clauses:
        return
    periods = {body: timedelta(days=clause.days) for body, clause in clauses.items()}
    # Called fewer days ahead than the body's clause asks, judged where the calendar gives the notice date;
    # read in calendar order, the order the meetings lie in memory (body by body, a large calendar's
    # meetings are spread through it and reading their dates costs four times as much).
    late = [m for m in view.calendar.meetings
            if m.notice_date is not None and m.date - m.notice_date < periods.get(m.body, NO_CLAUSE)]
    cites: dict[str, Citation] = {}
    for meeting in late:
        body, clause, sent = meeting.body, clauses[meeting.body], meeting.notice_date
        if sent is None:
            continue  # (not among them: said for the type checker)
        cite = cites.get(body) or cites.setdefault(body, view.cite(clause))
        days = (meeting.date - sent).days
        # the same days recur (one day's notice goes out for many meetings): each fix worked out once
        on = ("notice-fix", meeting.date, sent, clause.days)
        # only the run's language: a large calendar has thousands of these
        yield view.finding(RULE, cite, meeting=meeting, fix=view.once(on, lambda: fix(meeting, clause.days, view.lang)),
                           message=f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                                   f"({sent}); {body} needs at least {clause.days} days' notice" if view.english else
                                   f"'{meeting.id}' kallades {days} {'dag' if days == 1 else 'dagar'} i förväg "
                                   f"({sent}); {body} kräver minst {clause.days} dagars kallelse")


NO_CLAUSE = timedelta.min  # a body without a notice clause: no meeting is called too late


def fix(meeting: Meeting, days: int, lang: Lang) -> str:
    """The last day the notice should have gone out, and the first free day the meeting could move to
    with the notice as sent; in `lang` only (a large calendar has hundreds of these to word)."""
    latest = meeting.date - timedelta(days=days)
    sent = meeting.notice_date or meeting.date
    move = first_free_on_or_after(sent + timedelta(days=days), july=meeting.date.month == 7)
    if lang == "en":
        return (f"the notice should have gone out by {latest}; with the notice as sent, the meeting can be "
                f"held on {WEEKDAYS[move.weekday()].en} {move} at the earliest")
    return (f"kallelsen skulle ha gått ut senast {latest}; med kallelsen som den gick ut kan sammanträdet "
            f"hållas tidigast {WEEKDAYS[move.weekday()].sv} {move}")


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
