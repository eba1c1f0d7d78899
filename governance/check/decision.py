"""decision-rule: a body that decides by consensus cannot record a decision taken over an objection or
by a majority vote."""
from __future__ import annotations

from typing import Iterator

from ..model.types import Decision
from ..report.finding import Finding
from .context import Context


def decision_rule(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        clause = index.body.first(Decision)
        if clause is None or clause.method != "consensus":
            continue
        for meeting in index.meetings:
            for matter in meeting.matters:
                if matter.action == "decide" and matter.outcome in ("objection", "majority"):
                    how = "over an objection" if matter.outcome == "objection" else "by a majority vote"
                    yield ctx.finding("decision-rule", "error",
                                      f"'{matter.id}' was decided {how}, but {body_id} decides by consensus",
                                      ctx.cite(clause), meeting=meeting, matter=matter.id)
