"""notice: a meeting must be called at least N days ahead (`notice at least N days`). Judged when the
calendar gives the notice date."""
from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from ..model.types import Notice
from ..report.finding import Finding
from .context import Context

def notice(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        clause = index.body.first(Notice)
        if clause is None:
            continue
        need = clause.days
        # Too short: called after the last day `need` days before the meeting. That day is worked out
        # once per meeting day (a calendar has few), not per meeting; judged only when the calendar
        # gives the notice date.
        try:
            last_day = {day: day - timedelta(days=need) for day in set(index.dates)}
            late = [m for m, day in zip(index.meetings, index.dates)
                    if m.notice_date is not None and m.notice_date > last_day[day]]
        except OverflowError:  # a meeting in the first days of year 1 has no such day
            late = [m for m in index.meetings if m.notice_date is not None and (m.date - m.notice_date).days < need]
        cite = None
        for meeting in late:
            days = (meeting.date - meeting.notice_date).days
            cite = cite or ctx.cite(clause)
            yield ctx.finding("notice", "error",
                              f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                              f"({meeting.notice_date}); {body_id} needs at least {need} days' "
                              "notice", cite, meeting=meeting)
