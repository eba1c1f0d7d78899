"""unknown-body, unknown-seat, unknown-member: every name in the calendar must exist in the bylaw.

An attendee or chair must hold a seat in the body that meets: MEMBER/ROLE for a member's seat (a pool
seat `from any municipality` accepts any member of that kind), ROLE alone for a seat only one can hold.
The office that serves a body (its secretary or convener) may attend as itself.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from ..model.types import SeatDecl
from ..nearest import nearest
from ..report.finding import Finding
from .context import AMBIGUOUS, UNKNOWN_MEMBER, UNKNOWN_SEAT, Context


@lru_cache(maxsize=4096)
def hint(name: str, known: tuple[str, ...]) -> str:
    """" (did you mean 'X'?)" or "". Finding the nearest name is slow, and a misspelt name recurs, in
    a calendar and from one check of it to the next: the answer is remembered (it depends on nothing
    else)."""
    close = nearest(name, known)
    return f" (did you mean '{close}'?)" if close else ""


def unknown_names(ctx: Context) -> Iterator[Finding]:
    bylaw = ctx.bylaw
    names_of: dict[tuple, tuple[str, ...]] = {}  # a body's seats → their names, for hints
    member_names = tuple(sorted(ctx.members))
    body_names = tuple(sorted(ctx.bodies))

    def body_hint(name: str) -> str:
        return hint(name, body_names)

    member_cite = ctx.cite_first(*bylaw.members, bylaw)
    for name, ref in ctx.calendar.roster:
        if ref.member is not None and ref.member not in ctx.members:
            yield ctx.finding("unknown-member", "error",
                              f"the roster gives {name} the seat '{ref}', but '{ref.member}' is not a member "
                              f"of {bylaw.id}{hint(ref.member, member_names)}", member_cite)
    for body_id in ctx.unknown_bodies:
        for meeting in ctx.unknown_bodies[body_id]:
            yield ctx.finding("unknown-body", "error",
                              f"meeting '{meeting.id}' is of '{meeting.body}', which is not a body of "
                              f"{bylaw.id}{body_hint(meeting.body)}", ctx.cite(bylaw),
                              meeting=meeting)
    # The same few participant lists recur on every matter: each distinct list is judged once.
    strangers: dict[tuple[str, ...], list[str]] = {}
    for body_id, index in ctx.bodies.items():
        matters, owners = ctx.matters_of(body_id)
        lists, distinct = ctx.participants_of(body_id)
        for participants in distinct.difference(strangers):
            strangers[participants] = [m for m in participants if m not in ctx.members]
        wrong = {p for p in distinct if strangers[p]}
        if wrong:
            for i in [i for i, p in enumerate(lists) if p in wrong]:
                matter, meeting = matters[i], owners[i]
                for member in strangers[matter.participants]:
                    yield ctx.finding("unknown-member", "error",
                                      f"participant '{member}' of '{matter.id}' is not a member of "
                                      f"{bylaw.id}{hint(member, member_names)}", member_cite,
                                      meeting=meeting, matter=matter.id)
        misnamed = index.misnamed
        if not misnamed:
            continue  # every name used at this body resolved to a seat
        slots = index.slots
        body = index.body
        seat_cite = seat_names = None
        meetings, patterns, pattern_of, chairs = index.meetings, index.patterns, index.pattern_of, index.chairs
        flagged = [not misnamed.isdisjoint(p) for p in patterns]  # per pattern: names no seat
        if misnamed.isdisjoint(chairs):  # the common case: every chair is a seat here
            picked = index.where(flagged)
        else:
            picked = [i for i, (p, c) in enumerate(zip(pattern_of, chairs)) if flagged[p] or c in misnamed]
        for i in picked:
            meeting, present, chair = meetings[i], patterns[pattern_of[i]], chairs[i]
            bad = [slots[s] for s in present if s in misnamed]
            if chair in misnamed and meeting.chair not in meeting.attendees:
                bad.append(slots[chair])
            if not bad:
                continue
            if seat_cite is None:
                seat_cite = ctx.cite_first(*body.of(SeatDecl), body)
            seen = set()
            for r in bad:
                ref = r.ref
                if ref in seen:
                    continue
                seen.add(ref)
                if r.seat == UNKNOWN_MEMBER:
                    yield ctx.finding("unknown-member", "error",
                                      f"'{ref}' names '{ref.member}', which is not a member of "
                                      f"{bylaw.id}{hint(ref.member, member_names)}", member_cite,
                                      meeting=meeting)
                elif r.seat == AMBIGUOUS:
                    yield ctx.finding("unknown-seat", "error",
                                      f"'{ref}' names no single seat in {body.id}: several members hold a "
                                      f"'{ref.role}' seat; write MEMBER/{ref.role}", seat_cite, meeting=meeting)
                elif r.seat == UNKNOWN_SEAT:
                    if seat_names is None:  # bodies of a federation often have the same seats
                        seat_names = names_of.get(body.seats)
                        if seat_names is None:
                            seat_names = names_of[body.seats] = tuple(sorted(str(s.ref) for s in body.seats))
                    yield ctx.finding("unknown-seat", "error",
                                      f"'{ref}' holds no seat in {body.id}{hint(r.name, seat_names)}",
                                      seat_cite, meeting=meeting)
