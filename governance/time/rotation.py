"""Who chairs a body in a given year: the chair clause of a bylaw turned into a person's seat.

Rotation semantics (`chair ROLE rotating among (all members | IDS) every N years from YEAR order IDS`):
the year's period is k = (year - YEAR) // N and the chair is the holder of ROLE for member order[k mod len],
where the order is the `order` list, else the `among` list, else the members in declaration order.
Years are calendar years. `vice chair ROLE next in rotation` is the member after the chair in that order.

Decisions (documented in the README):
- Before the start year the chair is *unknown*: the rotation is a rule of the agreement, and the agreement
  says nothing about the years before its rotation began. No backward extrapolation.
- A rotation without a start year gives *unknown* with a message (lint warns `rotation-start`).
- `chair one of ROLE` is elected by the body: any holder of ROLE may chair (`member` is None, `elected`).
- A fixed chair (`chair halmstad/kso`) is the same every year.

The calendar checks call `chair_for` / `chair_on`; `governance chairs` prints `rotation_table`.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, NamedTuple

from ..model import types as t

KINDS = ("rotating", "next", "fixed", "elected", "none")


class Seating(NamedTuple):
    """One of the two offices (chair or vice chair) in one year.

    `kind`: rotating | next | fixed | elected | none.  `member` is the member whose `role` holder sits in
    the office, or None when any holder of `role` may (elected) or when it is unknown (see `note`)."""

    kind: str
    role: str | None = None
    member: str | None = None
    clause: t.Chair | None = None
    note: str | None = None
    note_sv: str | None = None  # the note in Swedish

    @property
    def known(self) -> bool:
        """True when the bylaw fixes who sits in the office this year (a member, or anyone of a role)."""
        return self.kind == "elected" or self.member is not None

    @property
    def ref(self) -> t.SeatRef | None:
        """The seat `member/role` (or `role` for an elected office); None when unknown or absent."""
        if self.role is None or (self.member is None and self.kind != "elected"):
            return None
        return t.SeatRef(self.member, self.role)

    def admits(self, ref: t.SeatRef) -> bool | None:
        """Whether seat `ref` may hold the office: True/False, or None when the bylaw does not say."""
        if self.kind == "none" or not self.known:
            return None
        if self.kind == "elected":
            return ref.role == self.role
        return ref.role == self.role and ref.member == self.member

    def describe(self, lang: str = "en") -> str:
        if self.kind == "none":
            return "-"
        if self.kind == "elected":
            return f"någon {self.role} (organet väljer)" if lang == "sv" else f"any {self.role} (elected)"
        if self.member is None:
            return "okänd" if lang == "sv" else "unknown"
        return f"{self.member}/{self.role}"


class Assignment(NamedTuple):
    """The chair and vice chair of `body` in `year`, with the clauses they rest on (for citations)."""

    body: str
    year: int
    chair: Seating
    vice: Seating

    # Short names the calendar checks use most.
    @property
    def member(self) -> str | None:
        return self.chair.member

    @property
    def role(self) -> str | None:
        return self.chair.role

    @property
    def vice_member(self) -> str | None:
        return self.vice.member

    @property
    def clause(self) -> t.Chair | None:
        return self.chair.clause

    def to_json(self) -> dict:
        def office(s: Seating) -> dict:
            return {"kind": s.kind, "member": s.member, "role": s.role, "note": s.note,
                    "line": s.clause.span.line if s.clause else None}
        return {"body": self.body, "year": self.year, "chair": office(self.chair), "vice_chair": office(self.vice)}


class RotationError(ValueError):
    """Asked about a body the bylaw does not have."""


def rotation_order(bylaw: t.Bylaw, spec: t.RotatingChair) -> tuple[str, ...]:
    """The members in the order the chair passes between them."""
    if spec.order:
        return spec.order
    if spec.among is not None:
        return spec.among
    return tuple(m.id for m in bylaw.members)


# Why an office is unknown in a year, in English (`Seating.note`, the JSON's) and Swedish (`note_sv`).
NO_START = ("the rotation has no start year, so the chair of a given year is unknown",
            "rotationen har inget startår, så ordföranden ett visst år är okänd")
NOBODY = ("nobody to rotate among", "ingen att rotera mellan")
NO_ROTATION = ("no rotating chair to follow", "ingen roterande ordförande att följa")


def _rotating_index(spec: t.RotatingChair, year: int) -> tuple[int | None, tuple[str, str] | None]:
    """(period index k, None) or (None, why it is unknown: English, Swedish)."""
    if spec.start is None:
        return None, NO_START
    if year < spec.start:
        return None, (f"the rotation starts in {spec.start}", f"rotationen börjar {spec.start}")
    return (year - spec.start) // spec.every, None


def _seating(bylaw: t.Bylaw, body: t.Body, clause: t.Chair | None, year: int) -> Seating:
    if clause is None:
        return Seating("none")
    spec = clause.spec
    if isinstance(spec, t.FixedChair):
        return Seating("fixed", spec.ref.role, spec.ref.member, clause)
    if isinstance(spec, t.ElectedChair):
        return Seating("elected", spec.role, None, clause)
    if isinstance(spec, t.RotatingChair):
        order = rotation_order(bylaw, spec)
        k, why = _rotating_index(spec, year)
        if k is None or not order:
            return Seating("rotating", spec.role, None, clause, *(why or NOBODY))
        return Seating("rotating", spec.role, order[k % len(order)], clause)
    if isinstance(spec, t.NextInRotation):
        chair = body.chair
        if chair is None or not isinstance(chair.spec, t.RotatingChair):
            return Seating("next", spec.role, None, clause, *NO_ROTATION)
        order = rotation_order(bylaw, chair.spec)
        k, why = _rotating_index(chair.spec, year)
        if k is None or not order:
            return Seating("next", spec.role, None, clause, *(why or NOBODY))
        return Seating("next", spec.role, order[(k + 1) % len(order)], clause)
    raise TypeError(f"unknown chair spec {spec!r}")


def chair_for(bylaw: t.Bylaw, body_id: str, year: int) -> Assignment:
    """Chair and vice chair of `body_id` in calendar `year`. Raises RotationError for an unknown body."""
    body = bylaw.body(body_id)
    if body is None:
        raise RotationError(f"bylaw '{bylaw.id}' has no body '{body_id}'")
    return chair_of(bylaw, body, year)


def seating_of(bylaw: t.Bylaw, body: t.Body, clause: t.Chair | None, year: int) -> Seating:
    """One office (the chair clause or vice chair clause of `body`) in `year`; what `chair_of` builds
    twice, for callers that need only one of them most of the time (the calendar checks)."""
    return _seating(bylaw, body, clause, year)


def seatings(bylaw: t.Bylaw, body: t.Body, clause: t.Chair | None, years: Iterable[int]) -> dict[int, Seating]:
    """`seating_of` for many years at once (the calendar checks ask for every year a body met): the
    office changes only from one rotation period to the next, so each period's Seating is made once and
    shared by every year of the same turn (and by every year, when nothing rotates)."""
    spec = clause.spec if clause is not None else None
    if isinstance(spec, t.NextInRotation):
        spec = body.chair.spec if body.chair is not None else None
    rotating = spec if isinstance(spec, t.RotatingChair) else None
    turns = len(rotation_order(bylaw, rotating)) if rotating is not None else 0
    out: dict[int, Seating] = {}
    by_turn: dict[int | None, Seating] = {}  # whose turn (k mod len(order)) → its Seating; None: unknown
    for year in years:
        period = _rotating_index(rotating, year)[0] if rotating is not None and turns else None
        turn = None if period is None else period % turns
        got = by_turn.get(turn)
        if got is None:
            got = by_turn[turn] = _seating(bylaw, body, clause, year)
        out[year] = got
    return out


def chair_of(bylaw: t.Bylaw, body: t.Body, year: int) -> Assignment:
    """`chair_for` when the caller already holds the body (the calendar checks: no search of the bylaw)."""
    return Assignment(body.id, year, _seating(bylaw, body, body.chair, year),
                      _seating(bylaw, body, body.vice_chair, year))


def chair_on(bylaw: t.Bylaw, body_id: str, day: date) -> Assignment:
    """Chair and vice chair on a given day (rotations run by calendar year)."""
    return chair_for(bylaw, body_id, day.year)


def bodies_with_chairs(bylaw: t.Bylaw) -> tuple[str, ...]:
    """Ids of the bodies that have a chair or vice chair clause, in declaration order."""
    return tuple(b.id for b in bylaw.bodies if b.chair is not None or b.vice_chair is not None)


def rotation_table(bylaw: t.Bylaw, body_id: str | None, first_year: int, last_year: int) -> tuple[Assignment, ...]:
    """Assignments for every year in [first_year, last_year], for one body or (None) every chaired body;
    ordered by body (declaration order) then year. Raises `RotationError` for a body the bylaw lacks."""
    ids = (body_id,) if body_id is not None else bodies_with_chairs(bylaw)
    return tuple(chair_for(bylaw, b, y) for b in ids for y in range(first_year, last_year + 1))
