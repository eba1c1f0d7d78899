"""Who served on each seat line at a meeting: shared by the rules seats and substitute.

A seat line (`seat ledamot 3 from each member`) has as many places per member as its count. Those who
served on it are its ledamöter present and the ersättare who served; an ersättare serves in place of an
absent ledamot of the same member. Pool seats (`from any …`) and seats the body does not have are other
rules' matter (unknown-seat)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Mapping, NamedTuple

from ..calendar.model import Matter, Meeting, Presence
from ..model.types import SeatDecl
from .view import BodyView, CalendarView, Treated


class Line(NamedTuple):
    """One seat line at one meeting: its places, and the ledamöter and ersättare who served on it."""

    meeting: Meeting
    ref: str          # MEMBER/ROLE as written
    role: str
    places: int
    ledamot: tuple[Presence, ...]
    ersattare: tuple[Presence, ...]

    @property
    def absent(self) -> int:
        """How many of the line's ledamöter were not there: the places an ersättare may fill."""
        return max(self.places - len(self.ledamot), 0)


@dataclass(frozen=True, slots=True)
class Recorded:
    """What one body's meetings record about people, found in one pass shared by the rules about them
    (seats, substitute, jav, justering, anslag, quorum, participation, unknown-member): most calendars
    name no one, record no minutes and list no matter's participants, and then those rules have nothing
    to read. Each in calendar order."""

    crowded: tuple[Meeting, ...] = ()               # persons named, or a seat line listed more than once
    minuted: tuple[Meeting, ...] = ()               # minutes recorded
    jav: tuple[tuple[Meeting, Matter], ...] = ()    # matters naming the jäviga
    jav_meetings: frozenset[str] = frozenset()      # the ids of their meetings
    # Matters that list the members taking part, by list: the same few lists recur, each judged once.
    participating: Mapping[tuple[str, ...], Treated] = field(default_factory=dict)


NOTHING = Recorded()


def recorded(view: CalendarView, body: BodyView | str) -> Recorded:
    """What the meetings of `body` (or of a body id the bylaw does not have) record about people."""
    return view.once("people.recorded", lambda: _recorded(view)).get(body if isinstance(body, str) else body.id,
                                                                      NOTHING)


def _recorded(view: CalendarView) -> dict[str, Recorded]:
    """Body id → what its meetings record. One pass over the calendar in its own order, the order its
    meetings lie in memory: on a large calendar several times cheaper than body by body."""
    crowded: dict[str, list[Meeting]] = {}
    minuted: dict[str, list[Meeting]] = {}
    jav: dict[str, list[tuple[Meeting, Matter]]] = {}
    participating: dict[str, dict[tuple[str, ...], list[Meeting | Matter]]] = {}  # by body, then list (Treated)
    for meeting in view.calendar.meetings:
        if meeting.present or meeting.repeated:
            crowded.setdefault(meeting.body, []).append(meeting)
        if meeting.minutes is not None:
            minuted.setdefault(meeting.body, []).append(meeting)
        for matter in meeting.matters:
            if matter.jav:
                jav.setdefault(meeting.body, []).append((meeting, matter))
            if matter.participants:
                # (get before setdefault: no new dict and list made for every matter that finds its own)
                lists = participating.get(meeting.body) or participating.setdefault(meeting.body, {})
                treated = lists.get(matter.participants) or lists.setdefault(matter.participants, [])
                treated += meeting, matter
    return {body: Recorded(tuple(crowded.get(body, ())), tuple(minuted.get(body, ())), tuple(jav.get(body, ())),
                           frozenset(m.id for m, _ in jav.get(body, ())),
                           {listed: Treated(flat) for listed, flat in participating.get(body, {}).items()})
            for body in {*crowded, *minuted, *jav, *participating}}


def lines(view: CalendarView, body: BodyView) -> tuple[Line, ...]:
    """The seat lines where someone may have served beyond the rules, meeting by meeting: those with an
    ersättare serving, or more ledamöter than places (what seats and substitute judge; the rest cannot
    break either). Made once per run for both rules."""
    return view.once(("people.lines", body.id), lambda: tuple(_crowded(view, body)))


def _crowded(view: CalendarView, body: BodyView) -> Iterator[Line]:
    crowded = recorded(view, body).crowded
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
                yield Line(meeting, f"{member}/{role}" if member else role, role, n, ledamot, ersattare)


def declaration(body: BodyView, role: str):
    """The `seat ROLE …` clause of the line (what seats and substitute cite)."""
    return next((d for d in body.body.of(SeatDecl) if d.role == role), body.body)
