"""A meeting calendar as frozen data: what `calendar/yaml_reader.py` and `calendar/ics_reader.py` produce
and every check reads. Seat references stay as written (`SeatRef`); the checks resolve them.

People: a calendar's `roster` names persons (`Person`), each holding a seat line (member and role) as
`ledamot` or `ersattare`. A meeting's `present` says who was there (`Presence`: a person, or an anonymous
holder of a seat line) and who of them served; `attendees` is derived from it: the seat line of every one
who served (a ledamot present, or an ersättare serving), once per person, so a seat line held by three
persons may appear three times. Built in Python, a meeting may give `attendees` alone (seat references,
as before persons existed); then everyone listed served as a ledamot.

Plain strings are accepted where a date or a seat reference is expected (`Meeting(date="2025-02-11",
attendees=["halmstad/kso"])`, `present=["vara/ledamot"]`); a string that is neither, or a value of a wrong
type in any field (a number for an id, a string where a `Matter` or `Minutes` belongs), raises
`CalendarError` here, never anything deeper (tests/test_people.py tries any value in every field).
"""
from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt
from datetime import date, datetime
from typing import Literal, get_args

from ..limits import FIRST_YEAR, LAST_YEAR, year_problem
from ..model.types import SeatRef
from ..span import NO_SPAN, Span
from .errors import CalendarError, CalendarIssue

ACTIONS = ("prepare", "propose", "decide", "inform")
OUTCOMES = ("consensus", "objection", "majority")
Status = Literal["held", "planned", "cancelled"]
STATUSES: tuple[str, ...] = get_args(Status)
Kind = Literal["ledamot", "ersattare"]
KINDS: tuple[str, ...] = get_args(Kind)
Choice = Literal["ja", "nej", "avstar"]
CHOICES: tuple[str, ...] = get_args(Choice)


def _problem(message: str, span: Span = NO_SPAN) -> CalendarError:
    return CalendarError([CalendarIssue(span.file or "<calendar>", span.line or 1, span.col or 0, message)])


def as_seat_ref(value, what: str = "a seat reference") -> SeatRef:
    """A SeatRef from a SeatRef or its text (`halmstad/kso`, `samordnare`); CalendarError otherwise."""
    if isinstance(value, SeatRef):
        return value
    if isinstance(value, str):
        from .refs import parse_seat_ref, seat_ref_problem
        ref = parse_seat_ref(value.strip())
        if ref is not None:
            return ref
        raise _problem(f"{what}: {seat_ref_problem(value)}")
    raise _problem(f"{what} must be a seat reference such as 'halmstad/kso', not {type(value).__name__}")


def as_day(value, what: str = "date") -> date:
    """A day from a date, a datetime or ISO text, in the years a meeting can be in (as the readers take them:
    a day near year 1 or 9999 overflowed the checks' date arithmetic); CalendarError otherwise."""
    day = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        try:
            day = datetime.fromisoformat(value.strip()).date() if len(value.strip()) > 10 \
                else date.fromisoformat(value.strip())
        except ValueError:
            pass
    if day is not None:
        problem = year_problem(day.year)
        if problem:
            raise _problem(f"{what} {day}: {problem}")
        return day
    from .written_dates import how_to_write
    raise _problem(f"{what} '{value}' is not an ISO date (2025-02-11)"
                   + (how_to_write(value, time=False) if isinstance(value, str) else ""))


def _second(items, key):
    """The first item whose key an earlier item has already."""
    seen = set()
    for item in items:
        if key(item) in seen:
            return item
        seen.add(key(item))
    raise ValueError("no key is repeated")


def _tuple(value, what: str) -> tuple:
    if value is None:
        return ()
    if isinstance(value, (str, bytes)):
        return (value,)
    try:
        return tuple(value)
    except TypeError:
        raise _problem(f"{what} must be a list, not {type(value).__name__}") from None


def _text(obj, name: str, what: str, optional: bool = True) -> None:
    """Refuses a field that must be text (or None where `optional`): checked here, not deep in a check."""
    value = getattr(obj, name)
    if value is None and optional or type(value) is str and value.strip():
        return
    raise _problem(f"{what} must be non-empty text, not {type(value).__name__} {value!r}")


def _each(value, kind: type, what: str, make=None) -> tuple:
    """`value` as a tuple of `kind`; an item of another type is made with `make` (plain strings), else refused."""
    out = []
    for item in _tuple(value, what):
        if not isinstance(item, kind):
            if make is None or not isinstance(item, str):
                raise _problem(f"{what} must be {kind.__name__} objects, not {type(item).__name__} {item!r}")
            item = make(item)
        out.append(item)
    return tuple(out)


def _set(obj, name: str, value) -> None:
    object.__setattr__(obj, name, value)  # frozen: only __post_init__ normalises its own fields


@dataclass(frozen=True, slots=True)
class Person:
    """One person of a roster: the seat line they hold (member/role) as ledamot or ersättare, optionally
    their party and the period they hold it (from, to; either may be open)."""

    name: str
    seat: SeatRef
    kind: Kind = "ledamot"
    party: str | None = None
    start: date | None = None
    end: date | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    stands_for: str | None = None  # an ersättare's own ledamot, where the seat line's substitutes are personal

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise _problem("a person's name must be non-empty text")
        _set(self, "seat", as_seat_ref(self.seat, f"the seat of {self.name}"))
        if self.kind not in KINDS:
            raise _problem(f"{self.name}: '{self.kind}' is not one of {' | '.join(KINDS)}")
        _text(self, "party", f"{self.name}'s party")
        _text(self, "stands_for", f"{self.name}'s ledamot (for)")
        for key in ("start", "end"):
            if getattr(self, key) is not None:
                _set(self, key, as_day(getattr(self, key), f"{self.name}'s {key}"))

    @property
    def member(self) -> str | None:
        return self.seat.member

    @property
    def role(self) -> str:
        return self.seat.role

    def holds_on(self, day: date) -> bool:
        """Whether the period held (when given) covers `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Presence:
    """One holder of a seat line at a meeting: a person of the roster (`person`: the name) or an
    anonymous holder (None). `serving`: took part with a voice (a ledamot present, or an ersättare
    tjänstgörande); an ersättare present without serving is here with `serving` False."""

    seat: SeatRef
    person: str | None = None
    kind: Kind = "ledamot"
    serving: bool = True

    def __post_init__(self) -> None:
        _set(self, "seat", as_seat_ref(self.seat))
        if self.kind not in KINDS:
            raise _problem(f"'{self.kind}' is not one of {' | '.join(KINDS)}")
        _text(self, "person", "a person present")
        if type(self.serving) is not bool:
            raise _problem(f"serving must be True or False, not {self.serving!r}")

    def __str__(self) -> str:
        return self.person or str(self.seat)


@dataclass(frozen=True, slots=True)
class Vote:
    """How one voter voted on a matter: a person, a seat line or a member (`who`, as written), and
    ja | nej | avstar. `member`: the member the voice is of (resolved by the reader), when known."""

    who: str
    choice: Choice
    member: str | None = None
    seat: SeatRef | None = None

    def __post_init__(self) -> None:
        _text(self, "who", "a voter", optional=False)
        if self.choice not in CHOICES:
            raise _problem(f"vote '{self.choice}' of {self.who} is not one of {' | '.join(CHOICES)}")
        _text(self, "member", f"the member of {self.who}'s vote")
        if self.seat is not None:
            _set(self, "seat", as_seat_ref(self.seat, f"the seat of {self.who}'s vote"))


@dataclass(frozen=True, slots=True)
class Anslag:
    """The day the justering of the minutes was announced on an anslagstavla: the member's (for a
    gemensam nämnd, one per member municipality), or the body's own (member None)."""

    date: date
    member: str | None = None

    def __post_init__(self) -> None:
        _set(self, "date", as_day(self.date, "anslag"))


@dataclass(frozen=True, slots=True)
class Minutes:
    """What a meeting's protokoll records: the day it was justerat, by whom, and its anslag."""

    justering: date | None = None
    justerare: tuple[str, ...] = ()
    anslag: tuple[Anslag, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)

    def __post_init__(self) -> None:
        if self.justering is not None:
            _set(self, "justering", as_day(self.justering, "justering"))
        _set(self, "justerare", _each(self.justerare, str, "justerare"))
        anslag = self.anslag
        if isinstance(anslag, (date, str)):
            anslag = (Anslag(anslag),)
        _set(self, "anslag", tuple(a if isinstance(a, Anslag) else Anslag(a)
                                   for a in _tuple(anslag, "anslag")))

    @property
    def last_anslag(self) -> date | None:
        return max((a.date for a in self.anslag), default=None)


@dataclass(frozen=True, slots=True)
class Matter:
    """One matter a meeting treated: what was done with it (`action`, `outcome`), who took part, who was
    jävig, the votes and reservations."""

    id: str
    title: str | None = None
    type: str | None = None
    action: str = "decide"
    outcome: str | None = None
    participants: tuple[str, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)
    jav: tuple[Presence, ...] = ()  # who was jävig (6 kap. 28–30 §§) and so left the matter
    votes: tuple[Vote, ...] = ()
    reservations: tuple[str, ...] = ()  # who reserved themselves against the decision

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise _problem("a matter's id must be non-empty text", self.span)
        if self.action not in ACTIONS:
            raise _problem(f"action '{self.action}' is not one of {' | '.join(ACTIONS)}", self.span)
        if self.outcome is not None and self.outcome not in OUTCOMES:
            raise _problem(f"outcome '{self.outcome}' is not one of {' | '.join(OUTCOMES)}", self.span)
        _text(self, "title", f"the title of matter '{self.id}'")
        _text(self, "type", f"the type of matter '{self.id}'")
        if type(self.participants) is not tuple:
            _set(self, "participants", _each(self.participants, str, "participants"))
        if self.jav or type(self.jav) is not tuple:  # 0, "" or False is a wrong type too, not "none"
            _set(self, "jav", tuple(p if isinstance(p, Presence) else Presence(p)
                                    for p in _tuple(self.jav, "jav")))
        if self.votes or type(self.votes) is not tuple:
            _set(self, "votes", _each(self.votes, Vote, "votes"))
        if self.reservations or type(self.reservations) is not tuple:
            _set(self, "reservations", _each(self.reservations, str, "reservations"))


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting of a body: its day (and time), chair, who convened it and when, who was present and
    served, the matters treated, its status and minutes."""

    id: str
    body: str
    date: dt.date  # (dt.: a field named `date` hides the type inside the class)
    start: dt.datetime | None = None  # when the calendar gave a time of day
    chair: SeatRef | None = None
    convened_by: str | None = None
    notice_date: dt.date | None = None
    attendees: tuple[SeatRef, ...] = ()  # the seat line of each one who served (see the module's doc)
    matters: tuple[Matter, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)
    status: Status | None = None  # None: held when on or before the check's as-of day, planned after
    present: tuple[Presence, ...] = ()  # who was there; () with attendees: each attendee, serving
    minutes: Minutes | None = None
    chair_person: str | None = None  # the chair's name, when the calendar gave a person
    # Derived: some seat line is among the attendees more than once (several holders of one line). Worked
    # out once here, so the checks pass over the common meeting (each line once, no one named) for free.
    repeated: bool = field(init=False, default=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Readers give exact types; plain Python may give strings and lists. Checked cheaply first.
        if type(self.id) is not str or type(self.body) is not str:
            _text(self, "id", "a meeting's id", optional=False)
            _text(self, "body", f"the body of meeting '{self.id}'", optional=False)
        if type(self.date) is not date or not FIRST_YEAR <= self.date.year <= LAST_YEAR:
            if isinstance(self.date, datetime):
                _set(self, "start", self.start or self.date)
            _set(self, "date", as_day(self.date))
        if self.chair is not None and type(self.chair) is not SeatRef:
            _set(self, "chair", as_seat_ref(self.chair, "chair"))
        if self.notice_date is not None and type(self.notice_date) is not date:
            _set(self, "notice_date", as_day(self.notice_date, "notice_date"))
        if type(self.attendees) is not tuple or not all(type(a) is SeatRef for a in self.attendees):
            _set(self, "attendees", tuple(as_seat_ref(a, "an attendee") for a in _tuple(self.attendees, "attendees")))
        if type(self.matters) is not tuple or not all(type(m) is Matter for m in self.matters):
            _set(self, "matters", _each(self.matters, Matter, "matters"))
        if self.start is not None and not isinstance(self.start, datetime):
            raise _problem(f"start must be a datetime, not {type(self.start).__name__} {self.start!r}", self.span)
        if self.convened_by is not None or self.chair_person is not None:
            _text(self, "convened_by", "convened_by")
            _text(self, "chair_person", "chair_person")
        if self.minutes is not None and type(self.minutes) is not Minutes:
            raise _problem(f"minutes must be a Minutes object, not {type(self.minutes).__name__}", self.span)
        if self.status is not None and self.status not in STATUSES:
            raise _problem(f"status '{self.status}' is not one of {' | '.join(STATUSES)}", self.span)
        if self.present is None:
            _set(self, "present", ())
        if self.present or type(self.present) is not tuple:
            if type(self.present) is not tuple or not all(type(p) is Presence for p in self.present):
                _set(self, "present", _each(self.present, Presence, "present", Presence))
            if not self.attendees:
                _set(self, "attendees", tuple(p.seat for p in self.present if p.serving))
            if all(p.person is None and p.kind == "ledamot" for p in self.present):
                # Anonymous ledamöter only: `attendees` says it all (one canonical form, for equality).
                _set(self, "present", ())
        if len(self.attendees) > 1 and len(set(self.attendees)) < len(self.attendees):
            _set(self, "repeated", True)

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    def status_on(self, as_of: dt.date) -> Status:
        """The meeting's status: as the calendar gives it, else held when on or before `as_of`."""
        return self.status or ("held" if self.date <= as_of else "planned")

    @property
    def people(self) -> tuple[Presence, ...]:
        """Who was there: `present`, or for a meeting that lists attendees only, each as a serving ledamot."""
        return self.present or tuple(Presence(a) for a in self.attendees)


@dataclass(frozen=True, slots=True)
class Calendar:
    """A calendar as read: its file, the bylaw it names, the roster, the meetings, and what the reader
    could not place (`unmapped`)."""

    path: str
    bylaw: str | None = None
    roster: tuple[Person, ...] = ()  # persons and the seat each holds
    meetings: tuple[Meeting, ...] = ()
    # What a reader could not place but did not refuse (an .ics event that maps to no body, an attendee
    # not in the mapping): warnings with file:line, for the report to show. Never part of equality.
    unmapped: tuple[CalendarIssue, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if type(self.path) is not str or self.bylaw is not None and type(self.bylaw) is not str:
            _text(self, "path", "a calendar's path", optional=False)
            _text(self, "bylaw", "a calendar's bylaw")
        if type(self.meetings) is not tuple or not all(type(m) is Meeting for m in self.meetings):
            _set(self, "meetings", _each(self.meetings, Meeting, "meetings"))
        if self.roster is None:
            _set(self, "roster", ())
        if type(self.roster) is not tuple or not all(type(p) is Person for p in self.roster):
            people = []
            items = self.roster.items() if isinstance(self.roster, dict) else _tuple(self.roster, "roster")
            for item in items:
                if isinstance(item, Person):
                    people.append(item)
                elif isinstance(item, tuple) and len(item) == 2:  # (name, seat), as before persons had kinds
                    people.append(Person(item[0], item[1]))
                else:
                    raise _problem(f"a roster entry must be a Person or (name, seat), not {item!r}")
            _set(self, "roster", tuple(people))
        # Unique, as a calendar file must have them (the readers refuse a second): checks link by id and name.
        if len({m.id for m in self.meetings}) < len(self.meetings):
            twice = _second(self.meetings, lambda m: m.id)
            raise _problem(f"duplicate meeting id '{twice.id}'", twice.span)
        if len({p.name for p in self.roster}) < len(self.roster):
            twice = _second(self.roster, lambda p: p.name)
            raise _problem(f"duplicate person '{twice.name}' in the roster", twice.span)

    def person(self, name: str) -> Person | None:
        return next((p for p in self.roster if p.name == name), None)
