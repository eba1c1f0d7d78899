"""participation: a voluntary collaboration needs at least the stated number of participating members."""
from __future__ import annotations

from typing import Iterator

from ..report.finding import Finding
from .context import Context


def participation(ctx: Context) -> Iterator[Finding]:
    clause = ctx.bylaw.participation
    if clause is None or not clause.minimum:
        return
    for meeting in ctx.meetings:
        for matter in meeting.matters:
            if not matter.participants:
                continue  # not a voluntary collaboration of some members: everyone takes part
            joined = sorted(set(matter.participants) & ctx.members.keys())
            if len(joined) < clause.minimum:
                who = ", ".join(joined) or "no member"
                yield ctx.finding("participation", "error",
                                  f"'{matter.id}' has {len(joined)} participating member"
                                  f"{'' if len(joined) == 1 else 's'} ({who}); at least {clause.minimum} "
                                  "are needed", ctx.cite(clause), meeting=meeting, matter=matter.id)
