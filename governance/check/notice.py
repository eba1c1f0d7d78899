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
        need = clause.days
        cite = None
        for meeting in index.meetings:
            called = meeting.notice_date
            if called is None:
                continue
            days = (meeting.date - called).days
            if days < need:
                cite = cite or ctx.cite(clause)
                yield ctx.finding("notice", "error",
                                  f"'{meeting.id}' was called {days} day{'' if days == 1 else 's'} ahead "
                                  f"({called}); {body_id} needs at least {need} days' "
                                  "notice", cite, meeting=meeting)
