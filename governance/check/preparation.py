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
from itertools import compress
from operator import attrgetter
from typing import Iterator

from ..graph.queries import Step, preparation_chain
from ..model.types import Requirement
from ..report.finding import Finding
from .context import Context

ACCEPTED = {"prepared": ("prepare", "propose"), "proposed": ("propose",)}
DECIDE = "decide"
action_of, type_of = attrgetter("action"), attrgetter("type")


def preparation(ctx: Context) -> Iterator[Finding]:
    if not any(isinstance(r, Requirement) for r in ctx.bylaw.rules):
        return
    chains: dict[tuple[str, str | None], tuple[Step, ...]] = {}
    done, typed = _done(ctx)
    types = ctx.matter_types if typed else {}
    stamped: dict[int, object] = {}  # id(step) → its citation with the stable path
    required = {r.body for r in ctx.bylaw.rules if isinstance(r, Requirement)}  # others have no chain
    for body_id, index in ctx.bodies.items():
        if body_id not in required:
            continue
        matters, owners = ctx.matters_of(body_id)
        for matter, meeting in compress(zip(matters, owners), map(DECIDE.__eq__, map(action_of, matters))):
            mtype = matter.type or types.get(matter.id)
            key = (body_id, mtype)
            chain = chains.get(key)
            if chain is None:
                chain = chains[key] = preparation_chain(ctx.bylaw, body_id, mtype)
            if not chain:
                continue
            day = meeting.date
            for step in chain:
                first = done.get((step.step, matter.id, step.by))
                if first is not None and first < day:
                    continue
                cite = stamped.get(id(step))
                if cite is None:
                    cite = stamped[id(step)] = ctx.stamp(step.citation)
                yield ctx.finding("preparation", "error",
                                  f"{step.by} has not {step.step} '{matter.id}' before {day}",
                                  cite, meeting=meeting, matter=matter.id)


def _done(ctx: Context) -> tuple[dict[tuple[str, str, str], date], bool]:
    """(step, matter id, body) → the first date that body did something to the matter that counts as
    that step (ACCEPTED), in one pass over the calendar in date order; and whether any matter has a type
    (if none has, the matter types need no pass of their own)."""
    counts_as: dict[str, tuple[str, ...]] = {}
    for step, actions in ACCEPTED.items():
        for action in actions:
            counts_as[action] = counts_as.get(action, ()) + (step,)
    out: dict[tuple[str, str, str], date] = {}
    typed = False
    for body_id, _ in ctx.by_body():
        matters, owners = ctx.matters_of(body_id)
        typed = typed or any(map(type_of, matters))
        # in date order: the first date seen is the earliest
        for matter, meeting in compress(zip(matters, owners), map(counts_as.__contains__, map(action_of, matters))):
            for step in counts_as[matter.action]:
                key = (step, matter.id, body_id)
                if key not in out:
                    out[key] = meeting.date
    return out, typed
