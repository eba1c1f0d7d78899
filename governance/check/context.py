"""What every check reads: the bylaw, the calendar, and indexes built once per run.

Checks never search the bylaw or the calendar per meeting: meetings are grouped by body and year once,
attendees are resolved to seats once (shared by quorum, unknown-seat, secretary and chair), and matter
events are indexed by matter id once (for preparation).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Mapping

from ..calendar.model import Calendar, Meeting
from ..loader import shipped_dir
from ..model.types import Body, Bylaw, Node, SeatRef
from ..report.citation import cite
from ..report.finding import Citation, Finding

# What an attendee resolves to: a seat index in the body (>= 0), or one of these.
UNKNOWN_SEAT = -1     # no such seat in this body
UNKNOWN_MEMBER = -2   # the member is not a member of the bylaw
OFFICE = -3           # the office that serves this body (its secretary or convener), present as itself
AMBIGUOUS = -4        # a bare ROLE that several members hold here: it names no single seat


@dataclass(frozen=True, slots=True)
class Resolved:
    """One seat reference resolved against a body: the seat's index (or a code above) and the member."""

    seat: int
    member: str | None
    name: str = ""  # the reference as written, MEMBER/ROLE or ROLE (for matching names cheaply)
    ref: SeatRef | None = None  # the same, as a seat reference (for messages)


@dataclass(frozen=True, slots=True)
class BodyIndex:
    """One body's meetings, with every attendee and chair resolved once. A distinct reference (MEMBER,
    ROLE) is resolved once per body into a *slot* of `slots`; a meeting's attendees are its slots, so the
    checks ask set questions of small ints (present, misnamed, the secretary's) without resolving again."""

    body: Body
    meetings: tuple[Meeting, ...]                    # sorted by date, then id
    by_year: Mapping[int, tuple[Meeting, ...]]
    present: tuple[tuple[int, ...], ...]             # parallel to `meetings`: its attendees' slots
    chairs: tuple[int | None, ...]                   # parallel to `meetings`: its chair's slot, or None
    slots: tuple[Resolved, ...]                      # slot → what that reference resolves to
    seat_max: tuple[int, ...]                        # per seat index: how many may sit
    seat_min: tuple[int, ...]
    seat_adjunct: tuple[bool, ...]
    seat_member: tuple[str | None, ...]
    misnamed: frozenset[int] = frozenset()           # slots naming no seat here (nor the serving office)


@dataclass(frozen=True, slots=True)
class MatterEvent:
    date: date
    body: str
    action: str
    meeting: str


@dataclass(frozen=True, slots=True)
class Context:
    bylaw: Bylaw
    calendar: Calendar
    as_of: date
    year: int | None                                 # only findings about this year are reported
    meetings: tuple[Meeting, ...]                    # every meeting, sorted by date, id, body
    bodies: Mapping[str, BodyIndex]                  # only bodies the bylaw defines
    unknown_bodies: Mapping[str, tuple[Meeting, ...]]  # body ids the bylaw does not define → their meetings
    members: Mapping[str, object]                    # member id → Member
    years: tuple[int, ...]                           # calendar years judged
    bylaw_file: str                                  # stable, relative path for citations
    planned_only: bool                               # the calendar holds nothing on or before as_of
    paths: dict = field(default_factory=dict, compare=False)  # memo of stable_path for this run
    memo: dict = field(default_factory=dict, compare=False)   # indexes only some checks need, built on use

    @property
    def matter_events(self) -> Mapping[str, tuple[MatterEvent, ...]]:
        """Matter id → its steps, in date order."""
        got = self.memo.get("events")
        if got is None:
            events: dict[str, list[MatterEvent]] = {}
            for m in self.meetings:
                for matter in m.matters:
                    events.setdefault(matter.id, []).append(MatterEvent(m.date, m.body, matter.action, m.id))
            got = self.memo["events"] = {k: tuple(v) for k, v in events.items()}
        return got

    @property
    def matter_types(self) -> Mapping[str, str]:
        """Matter id → the first type the calendar gives it."""
        got = self.memo.get("types")
        if got is None:
            got = self.memo["types"] = {}
            for m in self.meetings:
                for matter in m.matters:
                    if matter.type and matter.id not in got:
                        got[matter.id] = matter.type
        return got

    def cite(self, node: Node, *, law_from: Node | None = None) -> Citation:
        """The citation of a clause, with a stable file path; `law_from` supplies the quote when the
        clause rests on a statutory default (e.g. `quorum default`)."""
        base = cite(self.bylaw, node)
        quote = base.quote
        law = base.law
        if law_from is not None and not node.notes.cite:
            quote = law_from.notes.law or law_from.notes.cite
            law = law_from.notes.law
        return Citation(file=self.bylaw_file, line=node.span.line, quote=quote, law=law,
                        assumption=base.assumption or (law_from.notes.assume if law_from else None))

    def stamp(self, citation: Citation) -> Citation:
        """A citation made elsewhere (e.g. by the graph), with the stable file path reports print."""
        path = self.paths.get(citation.file)
        if path is None:
            path = self.paths[citation.file] = stable_path(citation.file)
        return replace(citation, file=path)

    def cite_first(self, *nodes: Node) -> Citation:
        """Cite the first node that quotes the statute; otherwise the first node given."""
        chosen = next((n for n in nodes if n is not None and n.notes.cite), None)
        return self.cite(chosen or next(n for n in nodes if n is not None))

    def location(self, meeting: Meeting) -> str | None:
        line = meeting.span.line
        return f"{self.calendar.path}:{line}" if line else self.calendar.path

    def finding(self, rule: str, severity: str, message: str, citation: Citation, *,
                body: str | None = None, meeting: Meeting | None = None, matter: str | None = None,
                year: int | None = None) -> Finding:
        return Finding(rule=rule, severity=severity, message=message, citation=citation,
                       body=body if body is not None else (meeting.body if meeting else None),
                       meeting=meeting.id if meeting else None, matter=matter,
                       year=year if year is not None else (meeting.date.year if meeting else None),
                       location=self.location(meeting) if meeting else None)


def stable_path(path: str) -> str:
    """A bylaw's path as reports print it: `bylaws/NAME` or `rules/NAME` for shipped files (so golden
    files and JSON do not depend on the machine), else relative to the working directory if possible."""
    if not path or path.startswith("<"):
        return path
    p = Path(path).resolve()
    repo = Path(__file__).resolve().parent.parent.parent
    for kind in ("bylaws", "rules"):
        for folder in {shipped_dir(kind).resolve(), (repo / kind).resolve()}:
            if p.parent == folder:
                return f"{kind}/{p.name}"
    try:
        return str(p.relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


def serving_offices(bylaw: Bylaw) -> dict[str, set[str]]:
    """Body id → the offices that serve it (its secretary or convener, or that `convenes` it): they may
    appear at its meetings as themselves. Computed once per run for all bodies."""
    offices = {b.id for b in bylaw.bodies}
    out: dict[str, set[str]] = {}
    for b in bylaw.bodies:
        for c in b.clauses:
            if type(c).__name__ in ("Secretary", "Convener") and isinstance(c.ref, SeatRef) \
                    and c.ref.member is None and c.ref.role in offices:
                out.setdefault(b.id, set()).add(c.ref.role)
        for r in b.relations("convenes"):
            for target in r.targets:
                out.setdefault(target, set()).add(b.id)
    return out


def resolver(bylaw: Bylaw, body: Body, members: Mapping[str, object], serving: set[str] = frozenset()):
    """For one body: a dict (member, role) → slot, the slot table it indexes, and a function SeatRef →
    slot that resolves a reference the dict does not hold yet (adding it to both)."""
    slots: list[Resolved] = []
    known: dict[tuple[str | None, str], int] = {}
    fixed: dict[str, int] = {}
    pools: dict[str, list[tuple[str, int]]] = {}
    by_role: dict[str, list[int]] = {}
    for i, seat in enumerate(body.seats):
        by_role.setdefault(seat.role, []).append(i)
        if seat.member is not None:
            known[(seat.member, seat.role)] = len(slots)
            slots.append(Resolved(i, seat.member, f"{seat.member}/{seat.role}", SeatRef(seat.member, seat.role)))
        elif seat.pool is not None:
            pools.setdefault(seat.role, []).append((seat.pool, i))
        else:
            fixed[seat.role] = i

    def slow(member: str | None, role: str) -> tuple[int, str | None]:
        if member is None:
            if role in fixed:
                return fixed[role], None
            if role in serving:
                return OFFICE, role
            seats = by_role.get(role, ())
            if len(seats) == 1:
                return seats[0], body.seats[seats[0]].member
            return (AMBIGUOUS if seats else UNKNOWN_SEAT), None
        if member not in members:
            return UNKNOWN_MEMBER, member
        if role in fixed:
            return fixed[role], member
        kind = members[member].kind
        for pool, i in pools.get(role, ()):
            if pool in ("member", kind):
                return i, member
        return UNKNOWN_SEAT, member

    def resolve(ref: SeatRef) -> int:
        key = (ref.member, ref.role)
        hit = known.get(key)
        if hit is None:
            seat, member = slow(*key)
            hit = known[key] = len(slots)
            slots.append(Resolved(seat, member, str(ref), SeatRef(*key)))
        return hit

    return known, slots, resolve


def build(bylaw: Bylaw, calendar: Calendar, *, as_of: date, year: int | None) -> Context:
    members = {m.id: m for m in bylaw.members}
    meetings = tuple(sorted(calendar.meetings, key=attrgetter("date", "id", "body")))
    grouped: dict[str, list[Meeting]] = {}
    for m in meetings:
        own = grouped.get(m.body)
        if own is None:
            own = grouped[m.body] = []
        own.append(m)
    bodies: dict[str, BodyIndex] = {}
    serving = serving_offices(bylaw)
    key_of = attrgetter("member", "role")
    for body in bylaw.bodies:
        own = tuple(grouped.get(body.id, ()))
        by_year: dict[int, list[Meeting]] = {}
        for m in own:
            y = m.date.year
            got = by_year.get(y)
            if got is None:
                got = by_year[y] = []
            got.append(m)
        known, slots, resolve = resolver(bylaw, body, members, serving.get(body.id, frozenset()))
        get = known.get
        # The hot loop of the whole check: per attendee one C-level key and dict lookup, no bytecode;
        # a reference not seen at this body before (a None) is resolved once, then the dict knows it.
        present = []
        for m in own:
            codes = tuple(map(get, map(key_of, m.attendees)))
            if None in codes:
                codes = tuple(map(resolve, m.attendees))
            present.append(codes)
        chairs = tuple(None if m.chair is None else resolve(m.chair) for m in own)
        bodies[body.id] = BodyIndex(
            body=body, meetings=own, by_year={y: tuple(ms) for y, ms in by_year.items()},
            present=tuple(present), chairs=chairs, slots=tuple(slots),
            seat_max=tuple(s.max for s in body.seats), seat_min=tuple(s.min for s in body.seats),
            seat_adjunct=tuple(s.adjunct for s in body.seats),
            seat_member=tuple(s.member for s in body.seats),
            misnamed=frozenset(i for i, r in enumerate(slots) if r.seat < 0 and r.seat != OFFICE))
    years = sorted({m.date.year for m in meetings} | ({year} if year is not None else set()))
    if year is not None:
        years = [year]
    return Context(
        bylaw=bylaw, calendar=calendar, as_of=as_of, year=year, meetings=meetings, bodies=bodies,
        unknown_bodies={b: tuple(ms) for b, ms in grouped.items() if b not in bodies},
        members=members, years=tuple(years), bylaw_file=stable_path(bylaw.path),
        planned_only=bool(meetings) and meetings[0].date > as_of)
