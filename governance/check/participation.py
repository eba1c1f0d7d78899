"""participation: a voluntary collaboration needs at least the stated number of participating members."""
from __future__ import annotations

from typing import Iterator

from ..report.finding import Finding
from .context import Context


def participation(ctx: Context) -> Iterator[Finding]:
    clause = ctx.bylaw.participation
    if clause is None or not clause.minimum:
        return
    cite = None
    short: dict[tuple[str, ...], list[str] | None] = {}  # participants → members joined if too few
    for _, meetings in ctx.by_body():
        for meeting in meetings:
            for matter in meeting.matters:
                participants = matter.participants
                if not participants:
                    continue  # not a voluntary collaboration of some members: everyone takes part
                if participants in short:  # the same few lists recur on every matter: judged once each
                    joined = short[participants]
                else:
                    joined = sorted(set(participants) & ctx.members.keys())
                    joined = short[participants] = joined if len(joined) < clause.minimum else None
                if joined is not None:
                    cite = cite or ctx.cite(clause)
                    who = ", ".join(joined) or "no member"
                    yield ctx.finding("participation", "error",
                                      f"'{matter.id}' has {len(joined)} participating member"
                                      f"{'' if len(joined) == 1 else 's'} ({who}); at least {clause.minimum} "
                                      "are needed", cite, meeting=meeting, matter=matter.id)
