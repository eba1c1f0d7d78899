"""decision-rule: a body that decides by consensus cannot record a decision taken over an objection or
by a majority vote."""
from __future__ import annotations

from typing import Iterator

from ..model.types import Decision
from ..report.finding import Finding
from .context import Context

OVERRULED = frozenset({"objection", "majority"})  # outcomes that are no consensus


def decision_rule(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        clause = ctx.clause(index.body, Decision)
        if clause is None or clause.method != "consensus":
            continue
        cite = None
        matters, owners = index.matters, index.owners
        for i in [i for i, outcome in zip(index.decided, index.outcomes) if outcome in OVERRULED]:
            matter, meeting = matters[i], owners[i]
            how = "over an objection" if matter.outcome == "objection" else "by a majority vote"
            cite = cite or ctx.cite(clause)
            yield ctx.finding("decision-rule", "error",
                              f"'{matter.id}' was decided {how}, but {body_id} decides by consensus",
                              cite, meeting=meeting, matter=matter.id)
