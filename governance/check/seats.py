"""unknown-body, unknown-seat, unknown-member: every name in the calendar must exist in the bylaw.

An attendee or chair must hold a seat in the body that meets: MEMBER/ROLE for a member's seat (a pool
seat `from any municipality` accepts any member of that kind), ROLE alone for a seat only one can hold.
The office that serves a body (its secretary or convener) may attend as itself.
"""
from __future__ import annotations

import difflib
from itertools import compress
from operator import or_
from typing import Iterator

from ..model.types import SeatDecl
from ..report.finding import Finding
from .context import AMBIGUOUS, UNKNOWN_MEMBER, UNKNOWN_SEAT, Context


def _hint(name: str, known) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_names(ctx: Context) -> Iterator[Finding]:
    bylaw = ctx.bylaw
    hints: dict[tuple[str, str], str] = {}  # difflib is slow, and a misspelt name usually recurs

    def hint(name: str, where: str, known) -> str:
        key = (name, where)
        if key not in hints:
            hints[key] = _hint(name, known)
        return hints[key]

    def body_hint(name: str) -> str:
        return hint(name, "", ctx.bodies)

    member_cite = ctx.cite_first(*bylaw.members, bylaw)
    for name, ref in ctx.calendar.roster:
        if ref.member is not None and ref.member not in ctx.members:
            yield ctx.finding("unknown-member", "error",
                              f"the roster gives {name} the seat '{ref}', but '{ref.member}' is not a member "
                              f"of {bylaw.id}{_hint(ref.member, ctx.members)}", member_cite)
    for body_id in ctx.unknown_bodies:
        for meeting in ctx.unknown_bodies[body_id]:
            yield ctx.finding("unknown-body", "error",
                              f"meeting '{meeting.id}' is of '{meeting.body}', which is not a body of "
                              f"{bylaw.id}{body_hint(meeting.body)}", ctx.cite(bylaw),
                              meeting=meeting)
    unknown_participants: dict[tuple[str, ...], list[str]] = {}  # the same few lists recur on every matter
    for body_id, index in ctx.bodies.items():
        for meeting in index.meetings:
            for matter in meeting.matters:
                participants = matter.participants
                if not participants:
                    continue
                strangers = unknown_participants.get(participants)
                if strangers is None:
                    strangers = unknown_participants[participants] = [
                        m for m in participants if m not in ctx.members]
                for member in strangers:
                    yield ctx.finding("unknown-member", "error",
                                      f"participant '{member}' of '{matter.id}' is not a member of "
                                      f"{bylaw.id}{_hint(member, ctx.members)}", member_cite,
                                      meeting=meeting, matter=matter.id)
        misnamed = index.misnamed
        if not misnamed:
            continue  # every name used at this body resolved to a seat
        slots = index.slots
        body = index.body
        seat_cite = None
        meetings, patterns, pattern_of, chairs = index.meetings, index.patterns, index.pattern_of, index.chairs
        flagged = [not misnamed.isdisjoint(p) for p in patterns]  # per pattern: names no seat
        chair_flagged = map(misnamed.__contains__, chairs)
        for i in compress(range(len(meetings)), map(or_, map(flagged.__getitem__, pattern_of), chair_flagged)):
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
                                      f"{bylaw.id}{hint(ref.member, '', ctx.members)}", member_cite,
                                      meeting=meeting)
                elif r.seat == AMBIGUOUS:
                    yield ctx.finding("unknown-seat", "error",
                                      f"'{ref}' names no single seat in {body.id}: several members hold a "
                                      f"'{ref.role}' seat; write MEMBER/{ref.role}", seat_cite, meeting=meeting)
                elif r.seat == UNKNOWN_SEAT:
                    seats = [str(s.ref) for s in body.seats]
                    yield ctx.finding("unknown-seat", "error",
                                      f"'{ref}' holds no seat in {body.id}{hint(str(ref), body.id, seats)}",
                                      seat_cite, meeting=meeting)
