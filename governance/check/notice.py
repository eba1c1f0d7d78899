"""notice: a meeting must be called at least N days ahead (`notice at least N days`). Judged when the
calendar gives the notice date."""
from __future__ import annotations

from typing import Iterator

from ..model.types import Notice
from ..report.finding import Finding
from .context import Context


def notice(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        clause = index.body.first(Notice)
        if clause is None:
            continue
        for meeting in index.meetings:
            if meeting.notice_date is None:
                continue
            days = (meeting.date - meeting.notice_date).days
            if days < clause.days:
                yield ctx.finding("notice", "error",
                                  f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                                  f"({meeting.notice_date}); {body_id} needs at least {clause.days} days' "
                                  "notice", ctx.cite(clause), meeting=meeting)
