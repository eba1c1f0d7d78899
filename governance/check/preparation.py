"""preparation: a matter decided by a body must first have passed every step of its preparation chain
(governance.graph.queries.preparation_chain: every `rule all matters [of type T] to B prepared|proposed
by A`, followed back transitively). Each step must appear EARLIER in the calendar (strictly before the
decision's date) for the same matter id at a meeting of the preparing body: a `prepare` or a `propose`
(a proposal includes its preparation) for `prepared by`, a `propose` for `proposed by`.

A matter's type is the one given where it is decided, else the first the calendar gives it anywhere.
Chains are asked once per (body, matter type), never per meeting.
"""
from __future__ import annotations

from datetime import date
from typing import Iterator

from ..graph.queries import Step, preparation_chain
from ..model.types import Requirement
from ..report.finding import Finding
from .context import Context

ACCEPTED = {"prepared": ("prepare", "propose"), "proposed": ("propose",)}


def preparation(ctx: Context) -> Iterator[Finding]:
    if not any(isinstance(r, Requirement) for r in ctx.bylaw.rules):
        return
    chains: dict[tuple[str, str | None], tuple[Step, ...]] = {}
    earliest: dict[str, dict[tuple[str, str], date]] = {}
    for body_id, index in ctx.bodies.items():
        for meeting in index.meetings:
            for matter in meeting.matters:
                if matter.action != "decide":
                    continue
                mtype = matter.type or ctx.matter_types.get(matter.id)
                key = (body_id, mtype)
                chain = chains.get(key)
                if chain is None:
                    chain = chains[key] = preparation_chain(ctx.bylaw, body_id, mtype)
                if not chain:
                    continue
                done = earliest.get(matter.id)
                if done is None:
                    done = earliest[matter.id] = _earliest(ctx, matter.id)
                for step in chain:
                    if not any(done.get((step.by, a), meeting.date) < meeting.date for a in ACCEPTED[step.step]):
                        yield ctx.finding("preparation", "error",
                                          f"{step.by} has not {step.step} '{matter.id}' before {meeting.date}",
                                          ctx.stamp(step.citation), meeting=meeting, matter=matter.id)


def _earliest(ctx: Context, matter_id: str) -> dict[tuple[str, str], date]:
    """(body, action) → the first date it happened to this matter."""
    out: dict[tuple[str, str], date] = {}
    for event in ctx.matter_events.get(matter_id, ()):
        out.setdefault((event.body, event.action), event.date)  # events are in date order
    return out
