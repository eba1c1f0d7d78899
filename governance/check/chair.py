"""chair-rotation and vice-chair: who chairs each meeting.

The chair must hold the seat the bylaw gives for that meeting's date (governance.rotation: a fixed seat,
any holder of ROLE for `one of ROLE`, or the member whose turn it is in a rotation, by calendar year).
The vice chair may chair only when the chair is absent (the meeting lists attendees and the chair's seat
is not among them). Not judged: a meeting that names no chair, and a year for which the bylaw does not
say who chairs (a rotation before its start year, or without one).
"""
from __future__ import annotations

from typing import Iterator

from ..rotation import Seating, seating_of, seatings
from ..report.finding import Finding
from .context import Context


def _who(seat: Seating) -> str:
    if seat.kind == "elected":
        return f"any {seat.role} seat"
    return f"{seat.member}/{seat.role}"


def _why(seat: Seating, year: int) -> str:
    if seat.kind == "rotating":
        return f"{seat.member}'s turn in the rotation in {year}"
    if seat.kind == "next":
        return f"{seat.member} is next in the rotation in {year}"
    if seat.kind == "elected":
        return "the body elects its chair among them"
    return "the bylaw names this seat"


def chair(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        body = index.body
        clause, vice_clause = ctx.once(("check-chairs", body_id), lambda: (body.chair, body.vice_chair))
        if clause is None or not index.meetings:
            continue
        meetings, chairs, slots, spans = index.meetings, index.chairs, index.slots, index.spans
        known = ctx.once(("check-seatings", body_id), dict)  # year → Seating, for this bylaw
        if not known.keys() >= spans.keys():
            known.update(seatings(ctx.bylaw, body, clause, [y for y in spans if y not in known]))
        # Who may chair changes only with the turn: per turn (Seating), the slots of those who may, and
        # None (a meeting that names no chair is not judged); a year passes when all its chairs are among them.
        right: dict[int, frozenset | None] = {}  # id(seating) → those slots; None: nothing to judge
        slot_of: dict | None = None  # reference → slot, made when a turn names its seat
        for year, span in spans.items():
            want = known[year]
            if id(want) not in right:
                if want.kind == "none" or not want.known:
                    right[id(want)] = None  # the bylaw does not say who chairs this year: nothing to judge
                elif want.member is None:  # any holder of the role (elected)
                    right[id(want)] = frozenset(i for i, r in enumerate(slots) if want.admits(r.ref)) | {None}
                else:  # one seat
                    if slot_of is None:
                        slot_of = {r.ref: i for i, r in enumerate(slots)}
                    right[id(want)] = frozenset({slot_of.get(want.ref), None})
            ok = right[id(want)]
            if ok is None or ok.issuperset(chairs[span.start:span.stop]):
                continue  # the common case: every chair that year was the right one
            vice = ctx.once(("check-vice", body_id, year), lambda: seating_of(ctx.bylaw, body, vice_clause, year))
            for i in [i for i in span if chairs[i] not in ok]:
                meeting = meetings[i]
                yield from _wrong_chair(ctx, meeting, meeting.chair, year, want, vice)


def _wrong_chair(ctx: Context, meeting, given, year: int, want: Seating, vice: Seating) -> Iterator[Finding]:
    # Was the chair absent? Only a named seat can be missed, and only when attendees are listed.
    absent = bool(meeting.attendees) and want.member is not None and want.ref not in meeting.attendees
    if vice.kind != "none" and vice.admits(given):
        if not absent:
            yield ctx.finding(
                "vice-chair", "error",
                f"'{given}' chaired '{meeting.id}' as vice chair, but the chair ({_who(want)}: "
                f"{_why(want, year)}) " + ("attended" if meeting.attendees else "is not recorded as absent"),
                ctx.cite(vice.clause), meeting=meeting)
        return
    if vice.kind != "none" and vice.known and absent:
        yield ctx.finding(
            "vice-chair", "error",
            f"'{given}' chaired '{meeting.id}'; with the chair ({_who(want)}) absent, the vice chair "
            f"({_who(vice)}: {_why(vice, year)}) should have", ctx.cite(vice.clause), meeting=meeting)
        return
    yield ctx.finding("chair-rotation", "error",
                      f"'{given}' chaired '{meeting.id}', but the chair is {_who(want)} "
                      f"({_why(want, year)})", ctx.cite(want.clause), meeting=meeting)
