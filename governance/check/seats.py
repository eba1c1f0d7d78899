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
from .context import AMBIGUOUS, UNKNOWN_MEMBER, Context


@lru_cache(maxsize=4096)
def hint(name: str, known: tuple[str, ...]) -> str:
    """" (did you mean 'X'?)" or "". Finding the nearest name is slow, and a misspelt name recurs, in
    a calendar and from one check of it to the next: the answer is remembered (it depends on nothing
    else)."""
    close = nearest(name, known)
    return f" (did you mean '{close}'?)" if close else ""


def unknown_names(ctx: Context) -> Iterator[Finding]:
    bylaw = ctx.bylaw
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
        distinct = ctx.participants_of(body_id)[1]
        for participants in distinct.difference(strangers):
            strangers[participants] = [m for m in participants if m not in ctx.members]
        wrong = {p for p in distinct if strangers[p]}
        if wrong:
            for i in ctx.listing(body_id, wrong):
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
        seat_cite = None
        meetings, patterns, pattern_of, chairs = index.meetings, index.patterns, index.pattern_of, index.chairs
        flagged = [not misnamed.isdisjoint(p) for p in patterns]  # per pattern: names no seat
        if misnamed.isdisjoint(chairs):  # the common case: every chair is a seat here
            picked = index.where(flagged)
        else:
            picked = [i for i, (p, c) in enumerate(zip(pattern_of, chairs)) if flagged[p] or c in misnamed]
        said: dict[int, tuple[str, str, object]] = {}  # slot → (rule, message, citation), for every meeting
        for i in picked:
            meeting, present, chair = meetings[i], patterns[pattern_of[i]], chairs[i]
            bad = [s for s in present if s in misnamed]
            if chair in misnamed and meeting.chair not in meeting.attendees:
                bad.append(chair)
            for s in dict.fromkeys(bad):  # each reference once, in the order given
                what = said.get(s)
                if what is None:
                    if seat_cite is None:
                        seat_cite = ctx.once(("check-seat-cite", body.id),
                                             lambda: ctx.cite_first(*body.of(SeatDecl), body))
                    what = said[s] = _misnamed(ctx, body, slots[s], member_names, member_cite, seat_cite)
                yield ctx.finding(what[0], "error", what[1], what[2], meeting=meeting)


def _misnamed(ctx: Context, body, r, member_names, member_cite, seat_cite) -> tuple[str, str, object]:
    """Rule, message and citation for a reference `r` (context.Resolved) that names no seat in `body`."""
    ref, bylaw = r.ref, ctx.bylaw
    if r.seat == UNKNOWN_MEMBER:
        return ("unknown-member", f"'{r.name}' names '{ref.member}', which is not a member of "
                f"{bylaw.id}{hint(ref.member, member_names)}", member_cite)
    if r.seat == AMBIGUOUS:
        return ("unknown-seat", f"'{r.name}' names no single seat in {body.id}: several members hold a "
                f"'{ref.role}' seat; write MEMBER/{ref.role}", seat_cite)
    names = ctx.once(("check-seat-names", body.id), lambda: tuple(sorted(str(s.ref) for s in body.seats)))
    return "unknown-seat", f"'{r.name}' holds no seat in {body.id}{hint(r.name, names)}", seat_cite
