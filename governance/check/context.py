"""What every check reads: the bylaw, the calendar, and indexes built once per run.

Checks never search the bylaw or the calendar per meeting: meetings are grouped by body and year once,
and attendees are resolved to seats once per distinct reference and kind of body (bodies seated alike
share it; the result is shared by quorum, unknown-seat, secretary and chair). Whatever else the checks
read of a meeting (its matters, flat; notice date; convener) is read in the same pass over the body's
meetings: on a large calendar a body's meetings are spread through memory, and each later pass would
fetch them again. Indexes that only some checks need (matter events, matter types, the global meeting
order) are built on first use and kept in `memo`.
"""
from __future__ import annotations

import os
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import MAXYEAR, date, timedelta
from functools import lru_cache
from itertools import chain, compress, count, islice, repeat
from operator import attrgetter, lt, ne, sub
from pathlib import Path
from typing import Iterator, Mapping, NamedTuple

from ..calendar.model import Calendar, Matter, Meeting
from ..graph.from_model import compiled
from ..loader import shipped_dir
from ..model.types import Body, Bylaw, Node, SeatRef
from ..report.citation import cite
from ..report.finding import Citation, Finding

# What an attendee resolves to: a seat index in the body (>= 0), or one of these.
UNKNOWN_SEAT = -1     # no such seat in this body
UNKNOWN_MEMBER = -2   # the member is not a member of the bylaw
OFFICE = -3           # the office that serves this body (its secretary or convener), present as itself
AMBIGUOUS = -4        # a bare ROLE that several members hold here: it names no single seat

FEW = 4  # attendee lists of one length compared one by one before hashing is cheaper (see build)


class Resolved(NamedTuple):
    """One seat reference resolved against a body: the seat's index (or a code above) and the member.
    (A NamedTuple: a large calendar resolves thousands, and tuples are built faster.)"""

    seat: int
    member: str | None
    name: str = ""  # the reference as written, MEMBER/ROLE or ROLE (for matching names cheaply)
    ref: SeatRef | None = None  # the same, as a seat reference (for messages)


@dataclass(frozen=True, slots=True)
class BodyIndex:
    """One body's meetings, with every attendee and chair resolved once. A distinct reference (MEMBER,
    ROLE) is resolved once per body into a *slot* of `slots`, and a meeting's attendees are a *pattern*
    of slots; the same people meet again and again, so a body has few distinct patterns, and the checks
    judge attendance once per pattern (quorum, misnamed attendees, the secretary's presence) rather than
    once per meeting."""

    body: Body
    meetings: tuple[Meeting, ...]                    # sorted by date, then id
    dates: tuple[date, ...]                          # parallel to `meetings`: their dates, for bisection
    spans: Mapping[int, range]                       # year → the positions of its meetings in `meetings`
    patterns: tuple[tuple[int, ...], ...]            # distinct attendee lists, as slots
    pattern_of: tuple[int, ...]                      # parallel to `meetings`: its attendees' pattern
    chairs: tuple[int | None, ...]                   # parallel to `meetings`: its chair's slot, or None
    slots: tuple[Resolved, ...]                      # slot → what that reference resolves to
    misnamed: frozenset[int] = frozenset()           # slots naming no seat here (nor the serving office)
    runs: tuple[int, ...] = ()                       # where each run of equal attendee lists starts, and the end
    run_patterns: tuple[int, ...] = ()               # each run's pattern
    # The body's matters in meeting order, flat, and the meeting each is on, each one's participants, and
    # the positions of those decided there (action `decide`): read with the meetings, while they are
    # still in the processor's cache (a body's meetings are spread through a large calendar).
    matters: list[Matter] = field(default_factory=list)
    owners: list[Meeting] = field(default_factory=list)
    participants: list[tuple[str, ...]] = field(default_factory=list)
    distinct: frozenset[tuple[str, ...]] = frozenset()  # the distinct lists among `participants`
    decided: list[int] = field(default_factory=list)
    outcomes: list[str | None] = field(default_factory=list)  # parallel to `decided`: each one's outcome
    # Parallel to `meetings`: how long before its date each was called (one that gives no notice date
    # counts as called on date.min, long enough before anything; `notice` judges only those given).
    ahead: list[timedelta] = field(default_factory=list)
    conveners: list[str | None] = field(default_factory=list)  # parallel to `meetings`: who convened each

    def where(self, flags) -> list[int]:
        """Positions (in `meetings`, ascending) of the meetings whose pattern p has a true flags[p]: run by
        run, so that only the flagged meetings are visited when the same people meet again and again."""
        runs, patterns = self.runs, self.run_patterns
        if 2 * len(patterns) > len(self.meetings):  # runs are short: meeting by meeting is cheaper
            return [i for i, p in enumerate(self.pattern_of) if flags[p]]
        out: list[int] = []
        for k in [k for k, p in enumerate(patterns) if flags[p]]:
            out += range(runs[k], runs[k + 1])
        return out


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
    bodies: Mapping[str, BodyIndex]                  # only bodies the bylaw defines
    unknown_bodies: Mapping[str, tuple[Meeting, ...]]  # body ids the bylaw does not define → their meetings
    members: Mapping[str, object]                    # member id → Member
    years: tuple[int, ...]                           # calendar years judged
    bylaw_file: str                                  # stable, relative path for citations
    planned_only: bool                               # the calendar holds nothing on or before as_of
    successor: Bylaw | None = None                   # the version that takes this bylaw's place, if known
    memo: dict = field(default_factory=dict, compare=False)   # indexes only some checks need, built on use
    days: frozenset[date] = frozenset()              # every day with a meeting: checks judge a day once
    first: date | None = None                        # the earliest meeting date
    last: date | None = None                         # the latest
    # What depends on the bylaw alone (clause lookups, seat tables, citations), kept with its compiled
    # graph (graph.from_model.compiled): a federation has hundreds of bodies, and a check of a small
    # calendar would otherwise spend most of its time finding the same clauses again.
    shared: dict = field(default_factory=dict, compare=False)  # keys of the checks begin "check-"
    body_ids: Mapping[str, str] = field(default_factory=dict, compare=False)  # body id → the bylaw's own string

    def once(self, key: tuple, compute):
        """`compute()` for the bylaw, remembered with it under `key` (see `shared`)."""
        return _kept(self.shared, key, compute)

    def clause(self, body: Body, kind: type):
        """The body's first clause of `kind` (e.g. Quorum), or None; found once per bylaw."""
        return _kept(self.shared, ("check-clause", body.id, kind), lambda: body.first(kind))

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """Every meeting, sorted by date, id, body (built on first use: checks go body by body)."""
        return _kept(self.memo, "meetings",
                     lambda: tuple(sorted(self.calendar.meetings, key=attrgetter("date", "id", "body"))))

    def iso(self, day: date) -> str:
        """A day as messages print it (YYYY-MM-DD). Formatting a date costs more than the rest of a
        finding's message; a calendar has few distinct days, so each is formatted once per run."""
        texts = self.memo.get("iso")
        if texts is None:
            texts = self.memo["iso"] = {}
        text = texts.get(day)
        if text is None:
            text = texts[day] = day.isoformat()
        return text

    def meetings_on(self, days) -> list[Meeting]:
        """Every meeting on one of `days`, by date (ties in calendar order): for checks that judge a day
        once and then need the meetings of the few days they flag."""
        wanted = frozenset(days)
        if not wanted:
            return []
        return sorted([m for m in self.calendar.meetings if m.date in wanted], key=attrgetter("date"))

    def matters_of(self, body_id: str) -> tuple[list[Matter], list[Meeting]]:
        """A body's matters in meeting order, flat, and the meeting each is on (parallel): for the checks
        that go matter by matter. (A body the bylaw does not have: built on first use.)"""
        index = self.bodies.get(body_id)
        if index is not None:
            return index.matters, index.owners
        return _kept(self.memo, ("matters", body_id), lambda: _flat(self.unknown_bodies[body_id]))

    def participants_of(self, body_id: str) -> tuple[list[tuple[str, ...]], frozenset[tuple[str, ...]]]:
        """Parallel to `matters_of(body_id)`: each matter's participants; and the distinct lists among
        them (the same few recur on every matter, so checks judge each distinct list once)."""
        index = self.bodies.get(body_id)
        if index is not None:
            return index.participants, index.distinct

        def compute():
            lists = [matter.participants for matter in self.matters_of(body_id)[0]]
            return lists, frozenset(lists)
        return _kept(self.memo, ("participants", body_id), compute)

    def listing(self, body_id: str, lists) -> list[int]:
        """Positions in `matters_of(body_id)` of the matters whose participants are one of `lists` (the
        few lists a check flags), ascending. Each list is found by scans in C of the participants
        (`list.index`: a list of another length is passed over at once), not by hashing every matter's."""
        column = self.participants_of(body_id)[0]
        if len(lists) > FEW:
            return [i for i, p in enumerate(column) if p in lists]
        out: list[int] = []
        for wanted in lists:
            i = -1
            try:
                while True:
                    i = column.index(wanted, i + 1)
                    out.append(i)
            except ValueError:  # no more of it
                pass
        out.sort()
        return out

    def by_body(self) -> Iterator[tuple[str, tuple[Meeting, ...]]]:
        """Every meeting, body by body (the bylaw's, then unknown ones), each body's by date and id."""
        for body_id, index in self.bodies.items():
            yield body_id, index.meetings
        yield from self.unknown_bodies.items()

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
            # Most calendars give no types: then the sorted pass (first type in date order) is not needed.
            if any(matter.type for _, ms in self.by_body() for m in ms for matter in m.matters):
                for m in self.meetings:
                    for matter in m.matters:
                        if matter.type and matter.id not in got:
                            got[matter.id] = matter.type
        return got

    def cite(self, node: Node, *, law_from: Node | None = None) -> Citation:
        """The citation of a clause, with a stable file path; `law_from` supplies the quote when the
        clause rests on a statutory default (e.g. `quorum default`). Made once per bylaw and path."""
        # Keyed by id(): the nodes live as long as the bylaw, which the cache entry holds.
        return _kept(self.shared, ("check-cite", id(node), id(law_from), self.bylaw_file),
                     lambda: self._cite(node, law_from))

    def _cite(self, node: Node, law_from: Node | None) -> Citation:
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
        # Keyed by id(): the graph's citations live as long as the bylaw, which the cache entry holds.
        return _kept(self.shared, ("check-stamp", id(citation), self.bylaw_file),
                     lambda: replace(citation, file=stable_path(citation.file)))

    def cite_first(self, *nodes: Node) -> Citation:
        """Cite the first node that quotes the statute; otherwise the first node given."""
        chosen = next((n for n in nodes if n is not None and n.notes.cite), None)
        return self.cite(chosen or next(n for n in nodes if n is not None))

    def finding(self, rule: str, severity: str, message: str, citation: Citation, *,
                body: str | None = None, meeting: Meeting | None = None, matter: str | None = None,
                year: int | None = None) -> Finding:
        if meeting is None:
            return Finding(rule, severity, message, citation, body, None, matter, year, None)
        line = meeting.span.line
        path = self.calendar.path
        # tuple.__new__ straight: a NamedTuple's own __new__ is a Python function, and a large calendar
        # has tens of thousands of findings. The fields are those of Finding, in its order.
        if body is None:  # the bylaw's own id string: report order compares bodies, equal ones at once
            body = self.body_ids.get(meeting.body, meeting.body)
        return _new(Finding, (rule, severity, message, citation, body,
                              meeting.id, matter, meeting.date.year if year is None else year,
                              f"{path}:{line}" if line else path))


_new = tuple.__new__
_MISSING = object()


def _kept(store: dict, key, compute):
    """store[key], made by `compute()` the first time it is asked for (None is a value like any other)."""
    got = store.get(key, _MISSING)
    if got is _MISSING:
        got = store[key] = compute()
    return got


def _flat(meetings) -> tuple[list[Matter], list[Meeting]]:
    """The matters of `meetings` in order, flat, and the meeting each is on (parallel). Plain
    comprehensions: on Python 3.11 they beat map/attrgetter/chain over slots classes."""
    return [matter for m in meetings for matter in m.matters], [m for m in meetings for _ in m.matters]


def stable_path(path: str) -> str:
    """A bylaw's path as reports print it: `bylaws/NAME` or `rules/NAME` for shipped files (so golden
    files and JSON do not depend on the machine), else relative to the working directory if possible."""
    if not path or path.startswith("<"):
        return path
    return _stable_path(path, os.getcwd())


@lru_cache(maxsize=64)
def _stable_path(path: str, cwd: str) -> str:
    # Resolving asks the file system a dozen times: more than a whole check of a small calendar costs,
    # so it is done once per path and working directory.
    p = Path(cwd, path).resolve()
    for kind in ("bylaws", "rules"):
        for folder in _shipped_folders(kind):
            if p.parent == folder:
                return f"{kind}/{p.name}"
    try:
        return str(p.relative_to(Path(cwd).resolve()))
    except ValueError:
        return path


@lru_cache(maxsize=2)
def _shipped_folders(kind: str) -> frozenset[Path]:
    repo = Path(__file__).resolve().parent.parent.parent
    return frozenset({shipped_dir(kind).resolve(), (repo / kind).resolve()})


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


def seat_tables(body: Body) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """A body's member seats, (member, role) → seat index (plain tuples: a SeatRef is equal to one), and
    its fixed seats, role → seat index."""
    seats = body.seats
    return ({(s.member, s.role): i for i, s in enumerate(seats) if s.member is not None},
            {s.role: i for i, s in enumerate(seats) if s.member is None and s.pool is None})


def seat_kinds(bylaw: Bylaw, serving: Mapping[str, set[str]]) -> dict[str, int]:
    """Body id → a number shared by the bodies whose seats and serving offices are the same: a reference
    resolves alike at all of them (a federation's bodies are often seated alike)."""
    kinds: dict[tuple, int] = {}
    return {b.id: kinds.setdefault((b.seats, frozenset(serving.get(b.id, ()))), len(kinds)) for b in bylaw.bodies}


def resolver(body: Body, members: Mapping[str, object], serving: set[str], plain: dict, tables: tuple,
             alike: dict):
    """For one body: a table SeatRef → slot of the references met so far, the slot table it indexes, and
    a function SeatRef → slot that resolves a reference the table does not hold yet (adding it to both).
    Slots are made only for references a calendar uses: a federation's bodies have many seats.
    `plain`: a reference → (itself as a plain SeatRef, its text), shared by the bodies of one run;
    `tables`: the body's `seat_tables`; `alike`: a reference → what it resolves to, shared by the bodies
    of one run that are seated alike (`seat_kinds`)."""
    slots: list[Resolved] = []
    known: dict[SeatRef, int] = {}
    seats = body.seats
    own, fixed = tables

    def slow(member: str | None, role: str) -> tuple[int, str | None]:
        if member is None:
            if role in fixed:
                return fixed[role], None
            if role in serving:
                return OFFICE, role
            holding = [i for i, s in enumerate(seats) if s.role == role]
            if len(holding) == 1:
                return holding[0], seats[holding[0]].member
            return (AMBIGUOUS if holding else UNKNOWN_SEAT), None
        if member not in members:
            return UNKNOWN_MEMBER, member
        if role in fixed:
            return fixed[role], member
        kind = members[member].kind
        for i, s in enumerate(seats):
            if s.role == role and s.member is None and s.pool in ("member", kind):
                return i, member
        return UNKNOWN_SEAT, member

    def resolve(ref: SeatRef) -> int:
        hit = known.get(ref)
        if hit is None:
            got = alike.get(ref)
            if got is None:
                seat = own.get(ref)
                seat, member = (seat, ref.member) if seat is not None else slow(ref.member, ref.role)
                named = plain.get(ref)
                if named is None:  # a plain reference, whatever the calendar gave, and its text
                    named = plain[ref] = (_new(SeatRef, (ref.member, ref.role)), str(ref))
                got = alike[named[0]] = _new(Resolved, (seat, member, named[1], named[0]))
            hit = known[got.ref] = len(slots)
            slots.append(got)
        return hit

    return known, slots, resolve


def _spans(dates: list[date]) -> dict[int, range]:
    """Year → the positions of its meetings, for meetings in date order (`dates` theirs): each year's
    end found by bisection (a body meets many times a year: cheaper than reading every date's year)."""
    out = {}
    start, n = 0, len(dates)
    while start < n:
        year = dates[start].year
        end = bisect_left(dates, date(year + 1, 1, 1), start) if year < MAXYEAR else n
        out[year] = range(start, end)
        start = end
    return out


def _in_order(own: list[Meeting]) -> list[date]:
    """Sorts a body's meetings by date and id, in place, unless they already are (calendars are mostly
    written in date order); their dates, in that order."""
    dates = [m.date for m in own]
    if not all(map(lt, dates, islice(dates, 1, None))):  # not strictly in date order already
        own.sort(key=attrgetter("date", "id"))
        dates = [m.date for m in own]
    return dates


def build(bylaw: Bylaw, calendar: Calendar, *, as_of: date, year: int | None,
          successor: Bylaw | None = None) -> Context:
    members = {m.id: m for m in bylaw.members}
    # Grouped by body in calendar order: calendars are mostly written in date order, so a body's
    # meetings usually need no sort at all (and the whole calendar never does).
    grouped: dict[str, list[Meeting]] = {}
    for m in calendar.meetings:
        own = grouped.get(m.body)
        if own is None:
            own = grouped[m.body] = []
        own.append(m)
    bodies: dict[str, BodyIndex] = {}
    shared = compiled(bylaw).memo
    serving = _kept(shared, ("check-serving",), lambda: serving_offices(bylaw))
    plain: dict[SeatRef, tuple[SeatRef, str]] = {}  # shared by every body's resolver
    kinds = _kept(shared, ("check-seat-kinds",), lambda: seat_kinds(bylaw, serving))
    resolved: dict[int, dict[SeatRef, Resolved]] = {}  # seat kind → what its bodies' references resolve to
    years = set()
    days: set[date] = set()
    # In id order: the checks go body by body, so their findings come out nearly in report order, and
    # the final sort has little left to do.
    for body in sorted(bylaw.bodies, key=attrgetter("id")):
        # Everything read of a body's meetings is read here, one after the other, while they are in cache.
        own = grouped.get(body.id, [])  # kept as it is: copying would touch every meeting again
        dates = _in_order(own)
        days.update(dates)
        spans = _spans(dates)
        years.update(spans)
        tables = _kept(shared, ("check-seats", body.id), lambda: seat_tables(body))
        alike = resolved.get(kinds[body.id])
        if alike is None:
            alike = resolved[kinds[body.id]] = {}
        known, slots, resolve = resolver(body, members, serving.get(body.id, frozenset()), plain, tables, alike)
        # The hot loop of the whole check. The same people meet again and again: runs of meetings with
        # equal attendee lists are found in C (each list compared with the one before), a run's list is
        # looked up whole (a tuple of tuples hashes in C), and only a list not seen at this body before is
        # resolved, reference by reference, into its pattern of slots.
        attendees = [m.attendees for m in own]
        seen: dict[tuple[SeatRef, ...], int] = {}
        # Lists of one length → (list, pattern) of each: a run's list is compared with the few lists
        # of its length before it is hashed (equal lists mostly share their references, and comparing
        # them is then several times cheaper than hashing every reference); hashed when there are many.
        by_length: dict[int, list[tuple[tuple[SeatRef, ...], int]]] = {}
        patterns: list[tuple[int, ...]] = []
        pattern_of: list[int] = []
        run_patterns: list[int] = []
        starts = [0]
        if attendees:
            starts = [0, *compress(count(1), map(ne, attendees, islice(attendees, 1, None))), len(attendees)]
            for start in islice(starts, len(starts) - 1):
                listed = attendees[start]
                same = by_length.get(len(listed))
                p = None
                if same is None:
                    same = by_length[len(listed)] = []
                elif len(same) <= FEW:
                    for other, q in same:
                        if other == listed:
                            p = q
                            break
                else:
                    p = seen.get(listed)
                if p is None:
                    p = seen[listed] = len(patterns)
                    same.append((listed, p))
                    patterns.append(tuple(map(resolve, listed)))
                run_patterns.append(p)
            # Each meeting's pattern, its run's: when no two meetings in a row have the same attendees
            # (a calendar with much coming and going), the runs' own list.
            if len(run_patterns) == len(attendees):
                pattern_of = run_patterns
            else:
                lengths = map(sub, islice(starts, 1, None), starts)
                pattern_of = [*chain.from_iterable(map(repeat, run_patterns, lengths))]
        named = [m.chair for m in own]
        for ref in set(named).difference(known):  # a chair who attended none of the body's meetings
            if ref is not None:  # (None: the meeting names no chair)
                resolve(ref)
        chairs = list(map(known.get, named))
        matters, owners = _flat(own)
        participants = [matter.participants for matter in matters]
        decided = [i for i, matter in enumerate(matters) if matter.action == "decide"]
        bodies[body.id] = BodyIndex(
            body=body, meetings=own, dates=dates, spans=spans,
            patterns=tuple(patterns), pattern_of=tuple(pattern_of), chairs=tuple(chairs), slots=tuple(slots),
            misnamed=frozenset(i for i, r in enumerate(slots) if r.seat < 0 and r.seat != OFFICE),
            runs=tuple(starts), run_patterns=tuple(run_patterns), matters=matters, owners=owners,
            participants=participants, distinct=frozenset(participants), decided=decided,
            outcomes=[matters[i].outcome for i in decided],
            ahead=list(map(sub, dates, [m.notice_date or date.min for m in own])),
            conveners=[m.convened_by for m in own])
    unknown = {}
    for body_id, own in grouped.items():
        if body_id not in bodies:
            dates = _in_order(own)
            days.update(dates)
            years.update(d.year for d in dates)
            unknown[body_id] = tuple(own)
    years = [year] if year is not None else sorted(years)
    first = min(days, default=None)
    last = max(days, default=None)
    return Context(
        bylaw=bylaw, calendar=calendar, as_of=as_of, year=year, bodies=bodies, unknown_bodies=unknown,
        members=members, years=tuple(years), bylaw_file=stable_path(bylaw.path),
        planned_only=first is not None and first > as_of, successor=successor, days=frozenset(days),
        first=first, last=last,
        shared=shared, body_ids={b: b for b in bodies})
