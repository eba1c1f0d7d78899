"""notice: a meeting must be called at least N days ahead (`notice at least N days`). Judged when the
calendar gives the notice date."""
from __future__ import annotations

from datetime import date, timedelta
from itertools import compress
from operator import gt
from typing import Iterator

from ..model.types import Notice
from ..report.finding import Finding
from .context import Context

EARLY = date.min  # before any day a meeting may be called


def _last_days(days, need: int) -> dict | None:
    """Day → the last day a meeting that day may be called (`need` days before); None if one of the
    days is too early in year 1 to have such a day."""
    period = timedelta(days=need)
    try:
        return {day: day - period for day in days}
    except OverflowError:
        return None


def notice(ctx: Context) -> Iterator[Finding]:
    last_days: dict[int, dict | None] = {}  # notice period → its _last_days
    for body_id, index in ctx.bodies.items():
        clause = ctx.clause(index.body, Notice)
        if clause is None:
            continue
        need = clause.days
        # Too short: called after the last day `need` days before the meeting. That day is worked out
        # once per day of the calendar (it has few, and bodies meet on the same days) for each notice
        # period, not per meeting; judged only when the calendar gives the notice date.
        if need not in last_days:
            last_days[need] = _last_days(ctx.days, need)
        last_day = last_days[need]
        if last_day is not None:
            # Compared in C, meeting by meeting; a meeting with no notice date is not judged (EARLY).
            called = [day or EARLY for day in index.notices]
            late = compress(index.meetings, map(gt, called, map(last_day.__getitem__, index.dates)))
        else:  # a meeting in the first days of year 1 has no such day
            late = [m for m in index.meetings if m.notice_date is not None and (m.date - m.notice_date).days < need]
        cite = None
        for meeting in late:
            days = (meeting.date - meeting.notice_date).days
            cite = cite or ctx.cite(clause)
            yield ctx.finding("notice", "error",
                              f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                              f"({ctx.iso(meeting.notice_date)}); {body_id} needs at least {need} days' "
                              "notice", cite, meeting=meeting)
