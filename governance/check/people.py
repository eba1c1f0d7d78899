"""Who served on each seat line at a meeting: shared by the rules seats and substitute.

A seat line (`seat ledamot 3 from each member`) has as many places per member as its count. Those who
served on it are its ledamöter present and the ersättare who served; an ersättare serves in place of an
absent ledamot of the same member, or of one who was jävig in a matter (the jävig ledamot may not take part
in it, KL 6 kap. 30 §, and so is hindered there as an absent one is). Pool seats (`from any …`) and seats the body does not have are other
rules' matter (unknown-seat)."""
from __future__ import annotations

from typing import Iterator, NamedTuple

from ..calendar.model import Meeting, Presence
from ..model.types import SeatDecl
from .view import BodyView, CalendarView


class Line(NamedTuple):
    """One seat line at one meeting: its places, and the ledamöter and ersättare who served on it."""

    meeting: Meeting
    ref: str          # MEMBER/ROLE as written
    role: str
    places: int
    ledamot: tuple[Presence, ...]
    ersattare: tuple[Presence, ...]
    javiga: int = 0   # the most of its ledamöter present who were jäviga in one matter of the meeting

    @property
    def absent(self) -> int:
        """How many of the line's places its ledamöter could not fill, in the matter where they were fewest
        (absent, or present but jäviga in it): the places an ersättare may fill."""
        return max(self.places - len(self.ledamot) + self.javiga, 0)


def lines(view: CalendarView, body: BodyView) -> tuple[Line, ...]:
    """The seat lines where someone may have served beyond the rules, meeting by meeting: those with an
    ersättare serving, or more ledamöter than places (what seats and substitute judge; the rest cannot
    break either). Made once per run for both rules."""
    return view.once(("people.lines", body.id), lambda: tuple(_crowded(view, body)))


def _crowded(view: CalendarView, body: BodyView) -> Iterator[Line]:
    crowded = view.recorded(body.id).crowded
    if not crowded:
        return  # (the usual answer: the seat table is not worth making)
    places = {(s.member, s.role): s.max for s in body.body.seats if s.pool is None}
    for meeting in crowded:
        served: dict[tuple[str | None, str], list[Presence]] = {}
        for p in meeting.people:
            if p.serving:
                served.setdefault((p.seat.member, p.seat.role), []).append(p)
        for (member, role), group in served.items():
            n = places.get((member, role))
            if n is None:
                continue
            ledamot = tuple(p for p in group if p.kind == "ledamot")
            ersattare = tuple(p for p in group if p.kind == "ersattare")
            if ersattare or len(ledamot) > n:
                yield Line(meeting, f"{member}/{role}" if member else role, role, n, ledamot, ersattare,
                           _javiga(meeting, ledamot) if ersattare else 0)


def _javiga(meeting: Meeting, ledamot: tuple[Presence, ...]) -> int:
    """The most of `ledamot` (one seat line's ledamöter present) jäviga in one matter of the meeting: a
    matter's `jav` names a person, or a seat reference for an anonymous holder of the line."""
    if not ledamot:
        return 0
    seat, names = ledamot[0].seat, {p.person for p in ledamot if p.person}
    most = 0
    for matter in meeting.matters:
        javiga = sum(1 for p in matter.jav if p.kind == "ledamot" and (p.person in names if p.person else p.seat == seat))
        most = max(most, min(javiga, len(ledamot)))
    return most


def declaration(body: BodyView, role: str):
    """The `seat ROLE …` clause of the line (what seats and substitute cite)."""
    return next((d for d in body.body.of(SeatDecl) if d.role == role), body.body)
