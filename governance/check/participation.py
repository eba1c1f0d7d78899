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
    # The same few participant lists recur on every matter: each distinct list is judged once.
    short: dict[tuple[str, ...], list[str] | None] = {}  # participants → members joined, if too few
    for body_id, _ in ctx.by_body():
        matters, owners = ctx.matters_of(body_id)
        distinct = ctx.participants_of(body_id)[1]
        for participants in distinct.difference(short):
            joined = sorted(set(participants) & ctx.members.keys())
            # no participants: not a voluntary collaboration of some members, everyone takes part
            short[participants] = joined if participants and len(joined) < clause.minimum else None
        flagged = {p for p in distinct if short[p] is not None}
        if not flagged:
            continue
        for i in ctx.listing(body_id, flagged):
            matter, meeting = matters[i], owners[i]
            joined = short[matter.participants]
            cite = cite or ctx.cite(clause)
            who = ", ".join(joined) or "no member"
            yield ctx.finding("participation", "error",
                              f"'{matter.id}' has {len(joined)} participating member"
                              f"{'' if len(joined) == 1 else 's'} ({who}); at least {clause.minimum} "
                              "are needed", cite, meeting=meeting, matter=matter.id)
