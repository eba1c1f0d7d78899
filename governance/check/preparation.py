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
from itertools import compress, repeat
from operator import attrgetter, ge, itemgetter
from typing import Iterator

from ..graph.queries import Step, preparation_chain
from ..model.types import Requirement
from ..report.finding import Finding
from .context import Context

ACCEPTED = {"prepared": ("prepare", "propose"), "proposed": ("propose",)}
DECIDE = "decide"
action_of, type_of, id_of, date_of = (attrgetter("action"), attrgetter("type"), attrgetter("id"),
                                      attrgetter("date"))


def preparation(ctx: Context) -> Iterator[Finding]:
    if not any(isinstance(r, Requirement) for r in ctx.bylaw.rules):
        return
    done, typed = _done(ctx)
    types = ctx.matter_types if typed else {}
    required = {r.body for r in ctx.bylaw.rules if isinstance(r, Requirement)}  # others have no chain
    stamped: dict[int, object] = {}  # id(step) → its citation with the stable path
    for body_id, index in ctx.bodies.items():
        if body_id not in required:
            continue
        matters, owners = ctx.matters_of(body_id)
        decided = list(compress(range(len(matters)), map(DECIDE.__eq__, map(action_of, matters))))
        if not decided:
            continue
        # Chains are asked once per matter type; without types, every decision here has the same chain.
        by_type: dict[str | None, list[int]] = {}
        if typed:
            for i in decided:
                by_type.setdefault(matters[i].type or types.get(matters[i].id), []).append(i)
        else:
            by_type[None] = decided
        missing: list[tuple[int, int, Step]] = []  # (matter position, step position, step)
        for mtype, positions in by_type.items():
            for k, step in enumerate(preparation_chain(ctx.bylaw, body_id, mtype)):
                # The step is missing unless the preparing body took it strictly before the decision
                # (date.max: never); C-level, no loop of our own.
                first = done.get((step.step, step.by), {}).get
                firsts = map(first, map(id_of, map(matters.__getitem__, positions)), repeat(date.max))
                days = map(date_of, map(owners.__getitem__, positions))
                missing.extend((i, k, step) for i in compress(positions, map(ge, firsts, days)))
        missing.sort(key=itemgetter(0, 1))  # in meeting order, each decision's steps in chain order
        for i, _, step in missing:
            matter, meeting = matters[i], owners[i]
            cite = stamped.get(id(step))
            if cite is None:
                cite = stamped[id(step)] = ctx.stamp(step.citation)
            yield ctx.finding("preparation", "error",
                              f"{step.by} has not {step.step} '{matter.id}' before {meeting.date}",
                              cite, meeting=meeting, matter=matter.id)


def _done(ctx: Context) -> tuple[dict[tuple[str, str], dict[str, date]], bool]:
    """(step, body) → matter id → the first date that body did something to the matter that counts as
    that step (ACCEPTED); and whether any matter has a type (if none has, the matter types need no pass
    of their own)."""
    out: dict[tuple[str, str], dict[str, date]] = {}
    typed = False
    preparing = {r.by for r in ctx.bylaw.rules if isinstance(r, Requirement)}  # every step's body
    for body_id, _ in ctx.by_body():
        matters, owners = ctx.matters_of(body_id)
        typed = typed or any(map(type_of, matters))
        if body_id not in preparing:
            continue
        actions = list(map(action_of, matters))
        for step, accepted in ACCEPTED.items():
            picked = list(compress(range(len(matters)), map(frozenset(accepted).__contains__, actions)))
            if picked:
                # Matters are in date order; a dict built from the last back keeps the first date.
                picked.reverse()
                out.setdefault((step, body_id), {}).update(
                    zip(map(id_of, map(matters.__getitem__, picked)), map(date_of, map(owners.__getitem__, picked))))
    return out, typed
