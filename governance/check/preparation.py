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
from operator import itemgetter
from typing import Iterator

from ..graph.queries import Step, preparation_chain
from ..model.types import Requirement
from ..report.finding import Finding
from .context import Context

ACCEPTED = {"prepared": ("prepare", "propose"), "proposed": ("propose",)}
NEVER = date.max  # the first date of a step never taken


def preparation(ctx: Context) -> Iterator[Finding]:
    requirements = [r for r in ctx.bylaw.rules if isinstance(r, Requirement)]
    if not requirements:
        return
    # A matter's type chooses its chain only when some rule names types; otherwise every decision at
    # a body has the same chain and the calendar's types need not be read at all.
    typed = any(r.matters is not None for r in requirements)
    types = ctx.matter_types if typed else {}
    required = {r.body for r in requirements}  # others have no chain
    done: dict[tuple[str, str], dict[str, date]] = {}  # (step, body) → matter id → first date; on use
    stamped: dict[int, object] = {}  # id(step) → its citation with the stable path
    for body_id, index in ctx.bodies.items():
        if body_id not in required:
            continue
        matters, owners, decided = index.matters, index.owners, index.decided
        if not decided:
            continue
        by_type: dict[str | None, list[int]] = {}
        if typed:
            for i in decided:
                by_type.setdefault(matters[i].type or types.get(matters[i].id), []).append(i)
        else:
            by_type[None] = decided
        missing: list[tuple[int, int, Step]] = []  # (matter position, step position, step)
        for mtype, positions in by_type.items():
            chain = preparation_chain(ctx.bylaw, body_id, mtype)
            if not chain:
                continue
            for k, step in enumerate(chain):
                key = (step.step, step.by)
                firsts = done.get(key)
                if firsts is None:
                    firsts = done[key] = _firsts(ctx, step.by, ACCEPTED[step.step])
                # The step is missing unless the preparing body took it strictly before the decision.
                get = firsts.get
                missing += [(i, k, step) for i in positions if get(matters[i].id, NEVER) >= owners[i].date]
        missing.sort(key=itemgetter(0, 1))  # in meeting order, each decision's steps in chain order
        for i, _, step in missing:
            matter, meeting = matters[i], owners[i]
            cite = stamped.get(id(step))
            if cite is None:
                cite = stamped[id(step)] = ctx.stamp(step.citation)
            yield ctx.finding("preparation", "error",
                              f"{step.by} has not {step.step} '{matter.id}' before {ctx.iso(meeting.date)}",
                              cite, meeting=meeting, matter=matter.id)


def _firsts(ctx: Context, body_id: str, accepted: tuple[str, ...]) -> dict[str, date]:
    """Matter id → the first date `body_id` did something to it that counts as the step (ACCEPTED)."""
    if body_id not in ctx.bodies and body_id not in ctx.unknown_bodies:
        return {}
    matters, owners = ctx.matters_of(body_id)
    # Matters are in date order; a dict built from the last back keeps the first date.
    return {matter.id: meeting.date for matter, meeting in zip(reversed(matters), reversed(owners))
            if matter.action in accepted}
