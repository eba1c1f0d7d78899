"""notice: a meeting must be called at least N days ahead (`notice at least N days`). Judged when the
calendar gives the notice date."""
from __future__ import annotations

from datetime import timedelta
from itertools import compress, repeat
from operator import attrgetter, gt, is_not, sub
from typing import Iterator

from ..model.types import Notice
from ..report.finding import Finding
from .context import Context

notice_of = attrgetter("notice_date")


def notice(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        clause = index.body.first(Notice)
        if clause is None:
            continue
        need = clause.days
        meetings, dates = index.meetings, index.dates
        called = list(map(notice_of, meetings))
        if None in called:  # judged only when the calendar gives the notice date
            given = list(map(is_not, called, repeat(None)))
            meetings, dates, called = (list(compress(c, given)) for c in (meetings, dates, called))
        # Too short: called after the day `need` days before the meeting (C-level, no loop of our own;
        # a meeting in the first days of year 1 has no such day and takes the slow way).
        try:
            late = list(compress(meetings, map(gt, called, map(sub, dates, repeat(timedelta(days=need))))))
        except OverflowError:
            late = [m for m, c in zip(meetings, called) if (m.date - c).days < need]
        cite = None
        for meeting in late:
            days = (meeting.date - meeting.notice_date).days
            cite = cite or ctx.cite(clause)
            yield ctx.finding("notice", "error",
                              f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                              f"({meeting.notice_date}); {body_id} needs at least {need} days' "
                              "notice", cite, meeting=meeting)
