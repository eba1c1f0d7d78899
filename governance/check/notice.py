"""notice: a meeting must be called at least N days ahead (`notice at least N days`). Judged when the
calendar gives the notice date."""
from __future__ import annotations

from datetime import timedelta
from itertools import compress, count, repeat
from operator import lt
from typing import Iterator

from ..model.types import Notice
from ..report.finding import Finding
from .context import Context


def notice(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        clause = ctx.clause(index.body, Notice)
        if clause is None:
            continue
        need = clause.days
        # Called less than `need` days ahead: compared in C, meeting by meeting, on how long ahead each
        # was called (context.BodyIndex.ahead); judged only when the calendar gives the notice date.
        period = timedelta(days=min(need, timedelta.max.days))
        meetings, ahead = index.meetings, index.ahead
        cite = None
        for i in compress(count(), map(lt, ahead, repeat(period))):
            meeting = meetings[i]
            if meeting.notice_date is None:
                continue  # (only with a period of thousands of years)
            days = ahead[i].days
            cite = cite or ctx.cite(clause)
            yield ctx.finding("notice", "error",
                              f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                              f"({ctx.iso(meeting.notice_date)}); {body_id} needs at least {need} days' "
                              "notice", cite, meeting=meeting)
