"""notice: a meeting is called at least N days ahead (`notice at least N days`), judged when the calendar
gives the notice date."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator

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
    # The same days recur (one day's notice goes out for many meetings): how long ahead a meeting was
    # called, and the fix, worded once per meeting day, notice day and period, in the run's language only
    # (a large calendar has thousands of these).
    worded: dict[tuple, tuple[str, str]] = {}
    for meeting in late:
        body, clause, sent = meeting.body, clauses[meeting.body], meeting.notice_date
        if sent is None:
            continue  # (not among them: said for the type checker)
        cite = cites.get(body) or cites.setdefault(body, view.cite(clause))
        on = (meeting.date, sent, clause.days)
        ahead, fixed = worded.get(on) or worded.setdefault(on, _worded(meeting.date, sent, periods[body], view.lang))
        yield view.finding(RULE, cite, meeting=meeting, fix=fixed,
                           message=f"'{meeting.id}' was called {ahead}; {body} needs at least {clause.days} days' "
                                   f"notice" if view.english else
                                   f"'{meeting.id}' kallades {ahead}; {body} kräver minst {clause.days} dagars "
                                   f"kallelse")


NO_CLAUSE = timedelta.min  # a body without a notice clause: no meeting is called too late


def _worded(day: date, sent: date, period: timedelta, lang: Lang) -> tuple[str, str]:
    """How long ahead a meeting on `day` was called ("10 days ahead (2025-03-01)"), and the fix: the last
    day the notice should have gone out, and the first free day the meeting could move to with the
    notice as `sent`; in `lang` only."""
    days, latest = (day - sent).days, day - period
    move = first_free_on_or_after(sent + period, july=day.month == 7)
    if lang == "en":
        return (f"{days} day{'' if days == 1 else 's'} ahead ({sent.isoformat()})",
                f"the notice should have gone out by {latest.isoformat()}; with the notice as sent, the meeting "
                f"can be held on {WEEKDAYS[move.weekday()].en} {move.isoformat()} at the earliest")
    return (f"{days} {'dag' if days == 1 else 'dagar'} i förväg ({sent.isoformat()})",
            f"kallelsen skulle ha gått ut senast {latest.isoformat()}; med kallelsen som den gick ut kan "
            f"sammanträdet hållas tidigast {WEEKDAYS[move.weekday()].sv} {move.isoformat()}")


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
