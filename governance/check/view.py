"""What every rule reads: the calendar seen body by body, with its references to seats resolved.

`CalendarView` is built once per check run (per call: nothing here outlives it but what is kept with the
bylaw object itself, see `Bylaw.derived`). A rule walks `view.bodies` — each a `BodyView` of one body's
meetings in date order — and asks `body.seated(ref)` what a calendar's `MEMBER/ROLE` means at that body;
`view.agenda(body_id, action)` and `view.recorded(body_id)` are read in one pass over the calendar.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import MAXYEAR, date
from itertools import compress, count, islice
from operator import attrgetter, ne
from typing import Callable, Iterable, Iterator, Literal, Mapping, NamedTuple, TypeVar, get_args

from ..calendar.model import Calendar, Matter, Meeting
from ..paths import stable_path
from ..model.types import Body, Bylaw, Convener, Member, Node, Seat, SeatRef, Secretary
from ..model.citation import cite_in
from ..report.finding import Citation, Finding
from .rule import Lang, Rule, Severity, Text

T = TypeVar("T")

# Why a reference names no seat at a body (None: it names one, or the office serving the body).
Problem = Literal["unknown-seat", "unknown-member", "ambiguous"]

KL_SFS = "2017:725"  # Kommunallagen

# The actions `CalendarView.agenda` lists: decisions and the steps before them (no rule reads `inform`,
# and a large calendar has tens of thousands of matters).
Action = Literal["decide", "prepare", "propose"]
AGENDA: tuple[str, ...] = get_args(Action)


class Treated:
    """Matters with the meeting each was treated at, in meeting order: iterating gives (meeting, matter)
    pairs. Held flat (meeting, matter, meeting, matter, …) rather than as a tuple of pairs: a large
    calendar's decisions are tens of thousands, and a pair apiece is as many more objects that the cyclic
    garbage collector goes through again and again while a run lasts (see `CalendarView.agenda`)."""

    __slots__ = ("_flat",)

    def __init__(self, flat: Iterable[Meeting | Matter] = ()) -> None:
        self._flat: tuple = tuple(flat)

    def __iter__(self) -> Iterator[tuple[Meeting, Matter]]:
        pairwise = iter(self._flat)
        return zip(pairwise, pairwise)

    def __reversed__(self) -> Iterator[tuple[Meeting, Matter]]:
        return zip(self._flat[-2::-2], self._flat[::-2])

    def __len__(self) -> int:
        return len(self._flat) // 2

    def __eq__(self, other: object) -> bool:  # as the tuple of pairs it stands for
        return isinstance(other, Treated) and self._flat == other._flat

    def __hash__(self) -> int:
        return hash(self._flat)

    def __repr__(self) -> str:
        return f"Treated({list(self)!r})"


NOTHING_TREATED = Treated()


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


NOTHING_RECORDED = Recorded()


class Read(NamedTuple):
    """What one pass over the calendar's meetings and their matters finds, by body id (`CalendarView.agenda`,
    `CalendarView.recorded`): one pass, not one for each (alone, two passes cost a quarter more; a whole
    check of 10,000 / 100,000 meetings 2-4 %)."""

    agenda: Mapping[str, Mapping[str, Treated]]  # body id → action (of AGENDA) → the matters so treated
    recorded: Mapping[str, Recorded]             # body id → what its meetings record about people


class Seated(NamedTuple):
    """A calendar's seat reference as one body sees it: the seat it holds there (its index in
    `body.seats`), the member it sits for, or why it names no seat. `office`: the office that serves the
    body (its secretary or convener), present as itself."""

    ref: SeatRef
    seat: int | None = None
    member: str | None = None
    office: bool = False
    problem: Problem | None = None


@dataclass(frozen=True, slots=True)
class BodyView:
    """One body of the bylaw and its meetings in the calendar, by date (then id)."""

    body: Body
    meetings: tuple[Meeting, ...]
    members: Mapping[str, Member] = field(repr=False)
    serving: frozenset[str] = frozenset()  # offices that serve this body (may attend as themselves)
    _seated: dict[SeatRef, Seated] = field(default_factory=dict, repr=False, compare=False)
    _years: dict[int, tuple[Meeting, ...]] = field(default_factory=dict, repr=False, compare=False)
    # Where in `meetings` each year after the first begins, when `view()` saw it while grouping; None: not seen.
    _turns: tuple[int, ...] | None = field(default=None, repr=False, compare=False)
    _runs: list[tuple] = field(default_factory=list, repr=False, compare=False)  # see `attendee_runs`
    _refs: dict[str, frozenset] = field(default_factory=dict, repr=False, compare=False)
    _agenda: dict[str, tuple[tuple[Meeting, Matter], ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.body.id

    def years(self) -> Mapping[int, tuple[Meeting, ...]]:
        """Calendar year → the body's meetings that year, by date."""
        if not self._years and self.meetings and self._turns is not None:
            meetings, bounds = self.meetings, (0, *self._turns, len(self.meetings))
            self._years.update((meetings[start].date.year, meetings[start:stop])
                               for start, stop in zip(bounds, bounds[1:]))
        if not self._years and self.meetings:
            # Each year's end found by bisection, not by reading every meeting's year: half the time on
            # a large calendar, whose meetings lie spread through memory.
            meetings, start, end = self.meetings, 0, len(self.meetings)
            while start < end:
                year = meetings[start].date.year
                stop = end if year == MAXYEAR else bisect_left(meetings, date(year + 1, 1, 1), start, end,
                                                               key=attrgetter("date"))
                self._years[year] = meetings[start:stop]
                start = stop
        return self._years

    def matters(self) -> tuple[tuple[Meeting, Matter], ...]:
        """Every matter on the body's agenda, with its meeting, in meeting order (listed once per run)."""
        got = self._agenda.get("all")
        if got is None:
            got = self._agenda["all"] = tuple([(meeting, matter) for meeting in self.meetings
                                               for matter in meeting.matters])
        return got

    def seated(self, ref: SeatRef) -> Seated:
        """What `ref` (MEMBER/ROLE, or ROLE alone) means at this body; the same references recur at
        every meeting and in every run, so each is worked out once per bylaw object."""
        got = self._seated.get(ref)
        if got is None:
            got = self._seated[ref] = _resolve(self.body, self.members, self.serving, SeatRef(*ref))
        return got

    def attendance(self, attendees: tuple[SeatRef, ...]) -> tuple[Seated, ...]:
        """An attendee list as seated here."""
        return tuple(map(self.seated, attendees))

    def unseated(self, attendees: tuple[SeatRef, ...]) -> tuple[Seated, ...] | None:
        """The attendees of a list that name no seat here (with why), or None when every one does."""
        if self._unseated_refs().isdisjoint(attendees):  # (the usual answer, found in C)
            return None
        return tuple(a for a in map(self.seated, attendees) if a.problem is not None)

    def attendee_refs(self) -> frozenset[SeatRef]:
        """Every reference among the body's attendees (a few dozen, however many meetings)."""
        if "refs" not in self._refs:
            self._refs["refs"] = frozenset().union(*self.attendee_runs()[0])
        return self._refs["refs"]

    def chairs(self) -> frozenset[SeatRef | None]:
        """Every chair named at the body's meetings (None: a meeting that names none)."""
        if "chairs" not in self._refs:
            self.attendee_runs()
        return self._refs["chairs"]

    def _unseated_refs(self) -> frozenset[SeatRef]:
        if "unseated" not in self._refs:
            self._refs["unseated"] = frozenset(r for r in self.attendee_refs() if self.seated(r).problem is not None)
        return self._refs["unseated"]

    def attendee_runs(self) -> tuple[tuple[tuple[SeatRef, ...], ...], tuple[tuple[int, int, int], ...]]:
        """The distinct attendee lists of the body's meetings, and the runs of meetings in a row that have
        the same list: (first position in `meetings`, the position after its last, the list's index).
        The same people meet again and again, and comparing a meeting's list with the one before costs
        a fraction of hashing it (half a microsecond for fifteen attendees), so each run's list is
        hashed once. Worked out once per run."""
        if not self._runs:
            listed = [m.attendees for m in self.meetings]
            # The chairs too, while the body's meetings are in the processor's cache (a large calendar's
            # lie spread through memory: a pass of their own later costs several times as much).
            chaired = [m.chair for m in self.meetings]
            self._refs["chairs"] = frozenset(chaired)
            # Where the list differs from the one before (compared in C, by identity first), and the end.
            starts = [0, *compress(count(1), map(ne, listed, islice(listed, 1, None))), len(listed)]
            index: dict[tuple[SeatRef, ...], int] = {}
            runs = tuple((a, b, index.setdefault(listed[a], len(index))) for a, b in zip(starts, starts[1:]) if a < b)
            self._runs[:] = [tuple(index), runs, tuple(chaired)]
        return self._runs[0], self._runs[1]

    def chaired(self) -> tuple[SeatRef | None, ...]:
        """Who chaired each meeting (None: not said), in the order of `meetings`."""
        if not self._runs:
            self.attendee_runs()
        return self._runs[2]

    def where_attendees(self, judge: Callable[[tuple[SeatRef, ...]], T | None]) -> Iterator[tuple[Meeting, T]]:
        """Each meeting whose attendee list `judge` says something about (not None), in order, with what
        it said. `judge` sees each distinct list once (see `attendee_runs`)."""
        lists, runs = self.attendee_runs()
        said = [judge(attendees) for attendees in lists]
        meetings = self.meetings
        for start, end, k in runs:
            verdict = said[k]
            if verdict is not None:
                for meeting in meetings[start:end]:
                    yield meeting, verdict


def _resolve(body: Body, members: Mapping[str, Member], serving: frozenset[str], ref: SeatRef) -> Seated:
    if ref.member is None:
        return _resolve_role(body, serving, ref)
    if ref.member not in members:
        return Seated(ref, member=ref.member, problem="unknown-member")
    return _resolve_member(body, members[ref.member], ref)


def _lines(body: Body, role: str, member: str | None = None, pools: tuple[str, ...] = ()) -> list[int]:
    """The seat lines of `role`: the member's own (`member`), or, without one, the fixed lines (no
    `pools`) or the pool lines open to one of `pools`."""
    if member is not None:
        return [i for i, s in enumerate(body.seats) if s.role == role and s.member == member]
    return [i for i, s in enumerate(body.seats)
            if s.role == role and s.member is None and (s.pool in pools if pools else s.pool is None)]


def _resolve_role(body: Body, serving: frozenset[str], ref: SeatRef) -> Seated:
    """ROLE alone: a fixed seat, the office serving the body, or the one seat line of that role."""
    fixed = _lines(body, ref.role)
    if fixed:
        return Seated(ref, fixed[-1])
    if ref.role in serving:
        return Seated(ref, office=True, member=ref.role)
    holding = [i for i, s in enumerate(body.seats) if s.role == ref.role]
    if len(holding) == 1:
        return Seated(ref, holding[0], body.seats[holding[0]].member)
    return Seated(ref, problem="ambiguous" if holding else "unknown-seat")


def _resolve_member(body: Body, member: Member, ref: SeatRef) -> Seated:
    """MEMBER/ROLE: the member's own seat, else a fixed seat of the role (the last so declared), else a
    pool seat open to the member's kind."""
    found = (_lines(body, ref.role, member.id)[-1:] or _lines(body, ref.role)[-1:]
             or _lines(body, ref.role, pools=("member", member.kind))[:1])
    if found:
        return Seated(ref, found[0], member.id)
    return Seated(ref, member=member.id, problem="unknown-seat")


def _serving_offices(bylaw: Bylaw) -> dict[str, frozenset[str]]:
    """Body id → the offices that serve it: its secretary or convener, or an office that `convenes` it."""
    offices = {b.id for b in bylaw.bodies}
    out: dict[str, set[str]] = {}
    for b in bylaw.bodies:
        for c in b.clauses:
            if isinstance(c, (Secretary, Convener)) and isinstance(c.ref, SeatRef) \
                    and c.ref.member is None and c.ref.role in offices:
                out.setdefault(b.id, set()).add(c.ref.role)
        for r in b.relations("convenes"):
            for target in r.targets:
                out.setdefault(target, set()).add(b.id)
    return {k: frozenset(v) for k, v in out.items()}


def _meeting_order(pair: tuple[Meeting, Matter]) -> tuple[date, str]:
    return pair[0].date, pair[0].id


def _agenda(listed: dict[str, dict[str, list[Meeting | Matter]]], resorted: frozenset[str]
            ) -> dict[str, dict[str, Treated]]:
    """`CalendarView._read`'s agenda, each body's in meeting order: as the view sorted the meetings of the
    bodies the calendar gives out of order (stable: a meeting's matters keep their order)."""
    for body_id in resorted & listed.keys():
        own = listed[body_id]
        for action, flat in own.items():
            own[action] = [x for pair in sorted(Treated(flat), key=_meeting_order) for x in pair]
    return {body_id: {action: Treated(flat) for action, flat in own.items()} for body_id, own in listed.items()}


def _recorded(crowded: dict[str, list[Meeting]], minuted: dict[str, list[Meeting]],
              jav: dict[str, list[tuple[Meeting, Matter]]],
              participating: dict[str, dict[tuple[str, ...], list[Meeting | Matter]]]) -> dict[str, Recorded]:
    """`CalendarView._read`'s records about people, by body id."""
    return {body: Recorded(tuple(crowded.get(body, ())), tuple(minuted.get(body, ())), tuple(jav.get(body, ())),
                           frozenset(m.id for m, _ in jav.get(body, ())),
                           {names: Treated(flat) for names, flat in participating.get(body, {}).items()})
            for body in {*crowded, *minuted, *jav, *participating}}


class MatterEvent(NamedTuple):
    date: date
    body: str
    action: str
    meeting: str


@dataclass(frozen=True, slots=True)
class CalendarView:
    """The calendar as the rules read it. Only findings of `year` are reported when it is given."""

    bylaw: Bylaw
    calendar: Calendar
    as_of: date
    year: int | None
    lang: Lang
    bodies: Mapping[str, BodyView]                      # the bylaw's bodies, by id
    unknown_bodies: Mapping[str, tuple[Meeting, ...]]   # body ids the bylaw does not have → meetings
    successor: Bylaw | None = None                      # the version that takes this bylaw's place
    bylaw_file: str = ""                                # the bylaw's path as reports print it
    # Meetings the calendar gives as cancelled: `calendar` holds none of them (they count towards nothing),
    # the report lists them. By date, then id.
    cancelled: tuple[Meeting, ...] = ()
    resorted: frozenset[str] = frozenset()  # bodies whose meetings the calendar gives out of date order
    body_ids: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)  # each body id → itself
    _run: dict = field(default_factory=dict, repr=False, compare=False)  # what rules share in one run

    def once(self, key: str | tuple, compute: Callable[[], T]) -> T:
        """`compute()`, made once in this run and shared by the rules that ask for it by `key`."""
        if key not in self._run:
            self._run[key] = compute()
        return self._run[key]

    @property
    def members(self) -> Mapping[str, Member]:
        return self.bylaw_memo("members", lambda: {m.id: m for m in self.bylaw.members})

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """Every meeting, sorted by date, id and body."""
        return self.once("meetings", lambda: tuple(sorted(self.calendar.meetings,
                                                          key=attrgetter("date", "id", "body"))))

    @property
    def days(self) -> frozenset[date]:
        """Every day with a meeting."""
        return self.once("days", lambda: frozenset([m.date for m in self.calendar.meetings]))

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years judged: `year` if given, else every year the calendar spans, from its first
        meeting to its last (cancelled ones too): a year without any meeting is judged all the same."""
        if self.year is not None:
            return (self.year,)
        def compute() -> tuple[int, ...]:
            spanned = {day.year for day in self.days} | {m.date.year for m in self.cancelled}
            return tuple(range(min(spanned), max(spanned) + 1)) if spanned else ()
        return self.once("years", compute)

    @property
    def planned_only(self) -> bool:
        """The calendar holds nothing on or before `as_of`: a plan for what is still to come."""
        return bool(self.calendar.meetings) and min(self.days) > self.as_of

    def meetings_of(self, body_id: str) -> tuple[Meeting, ...]:
        """A body's meetings by date, whether or not the bylaw has the body."""
        known = self.bodies.get(body_id)
        return known.meetings if known is not None else self.unknown_bodies.get(body_id, ())

    def meetings_on(self, days: Iterable[date]) -> list[Meeting]:
        """Every meeting on one of `days`, by date (ties in calendar order)."""
        wanted = frozenset(days)
        if not wanted:
            return []  # (the usual answer: not worth a pass over the calendar)
        return sorted((m for m in self.calendar.meetings if m.date in wanted), key=attrgetter("date"))

    def agenda(self, body_id: str, action: Action) -> Treated:
        """The matters `body_id` treated with `action` (one of `AGENDA`), with their meetings, in meeting
        order. Listed for every body in one pass over the calendar in its own order, the order its
        meetings lie in memory: body by body, a large calendar's cost several times as much."""
        if action not in AGENDA:
            raise ValueError(f"agenda lists {', '.join(AGENDA)}, not {action}")
        return self.once("read", self._read).agenda.get(body_id, {}).get(action, NOTHING_TREATED)

    def recorded(self, body_id: str) -> Recorded:
        """What the meetings of `body_id` (a body of the bylaw or not) record about people, in calendar
        order (found in the agenda's pass)."""
        return self.once("read", self._read).recorded.get(body_id, NOTHING_RECORDED)

    def _read(self) -> Read:
        """The agenda and what the meetings record about people, for every body, in one pass over the
        calendar in its own order, the order its meetings lie in memory (see `Read`)."""
        listed: dict[str, dict[str, list[Meeting | Matter]]] = {}  # body id → action → meeting, matter, …
        crowded: dict[str, list[Meeting]] = {}
        minuted: dict[str, list[Meeting]] = {}
        jav: dict[str, list[tuple[Meeting, Matter]]] = {}
        participating: dict[str, dict[tuple[str, ...], list[Meeting | Matter]]] = {}  # by body, then list
        for meeting in self.calendar.meetings:
            own = listed.get(meeting.body)
            if own is None:
                own = listed[meeting.body] = {action: [] for action in AGENDA}
            if meeting.present or meeting.repeated:
                crowded.setdefault(meeting.body, []).append(meeting)
            if meeting.minutes is not None:
                minuted.setdefault(meeting.body, []).append(meeting)
            for matter in meeting.matters:
                treated = own.get(matter.action)
                if treated is not None:
                    treated += meeting, matter
                if matter.jav:
                    jav.setdefault(meeting.body, []).append((meeting, matter))
                if matter.participants:
                    # (get before setdefault: no new dict and list made for every matter that finds its own)
                    lists = participating.get(meeting.body) or participating.setdefault(meeting.body, {})
                    taking_part = lists.get(matter.participants) or lists.setdefault(matter.participants, [])
                    taking_part += meeting, matter
        return Read(_agenda(listed, self.resorted), _recorded(crowded, minuted, jav, participating))

    @property
    def matter_types(self) -> Mapping[str, str]:
        """Matter id → the first type the calendar gives it anywhere."""
        def compute() -> dict[str, str]:
            types: dict[str, str] = {}
            for meeting in self.meetings:
                for matter in meeting.matters:
                    if matter.type:
                        types.setdefault(matter.id, matter.type)
            return types
        return self.once("matter-types", compute)

    @property
    def matter_events(self) -> Mapping[str, tuple[MatterEvent, ...]]:
        """Matter id → what each body did with it, in date order."""
        events: dict[str, list[MatterEvent]] = {}
        for m in self.meetings:
            for matter in m.matters:
                events.setdefault(matter.id, []).append(MatterEvent(m.date, m.body, matter.action, m.id))
        return {k: tuple(v) for k, v in events.items()}

    def bylaw_memo(self, key: str | tuple, compute: Callable[[], T]) -> T:
        """`compute()`, kept with the bylaw object for later runs: what depends on the bylaw alone."""
        return self.bylaw.derived.get(("check", key), compute)

    # ---- citations and findings ----
    def cite(self, node: Node, *, law_from: Node | None = None) -> Citation:
        """The clause's citation with the stable file path; `law_from`: a statutory default the clause
        stands for (`quorum default`), whose law reference is cited unless the clause quotes its own."""
        base = cite_in(self.bylaw_file, node)
        if law_from is None:
            return base  # (one citation made, not two: some rules cite per finding)
        quote, law = base.quote, base.law
        if law_from is not None and not node.notes.cite:
            quote = law_from.notes.statute or law_from.notes.cite
            law = law_from.notes.law
        return Citation(file=self.bylaw_file, line=node.span.line, quote=quote, law=law,
                        assumption=base.assumption or (law_from.notes.assume if law_from else None))

    def cite_first(self, *nodes: Node) -> Citation:
        """Cite the first node that quotes the statute; otherwise the first node given."""
        chosen = next((n for n in nodes if n.notes.cite), None)
        return self.cite(chosen or nodes[0])

    def stamp(self, citation: Citation) -> Citation:
        """A citation made elsewhere (e.g. by the graph), with the file path reports print (once per run:
        rules stamp the same few citations for every finding)."""
        return self.once(("stamp", citation), lambda: replace(citation, file=stable_path(citation.file)))

    def finding(self, rule: Rule, citation: Citation, *, sv: str = "", en: str = "", message: str | None = None,
                severity: Severity | None = None, body: str | None = None, meeting: Meeting | None = None,
                matter: str | None = None, year: int | None = None, fix: Text | str | None = None) -> Finding:
        """A finding of `rule`, its message in the run's language: both are written where it is made (`sv`,
        `en`), or, where a rule makes thousands of findings, only the one asked for (`message`, chosen by
        `english`). `fix`: what would put it right, where the rule can compute it (free days, who chairs,
        by when), in both languages or already in the run's."""
        if message is None:
            message = en if self.lang == "en" else sv
        location = None
        if meeting is not None:
            # The body's id as the view holds it, one string for all its findings: sorting a large calendar's
            # findings then finds equal bodies equal at once, not by reading strings spread through memory.
            body = body or self.body_ids.get(meeting.body, meeting.body)
            year = meeting.date.year if year is None else year
            line = meeting.span.line
            location = f"{self.calendar.path}:{line}" if line else self.calendar.path
        if body is not None and KL_SFS in (citation.law or ""):
            key = ("applies", citation, body)  # (not `once`: a closure per finding costs as much as the rest)
            applied = self._run.get(key)
            citation = applied if applied is not None else self._run.setdefault(key, self._applied(citation, body))
        return Finding(rule.id, severity or rule.severity, message, citation, body,
                       meeting.id if meeting is not None else None, matter, year, location,
                       fix if fix is None or isinstance(fix, str) else fix(self.lang))

    @property
    def english(self) -> bool:
        """Whether the run's findings are in English (else Swedish)."""
        return self.lang == "en"

    def _applied(self, citation: Citation, body: str) -> Citation:
        """The form decides how the statute reaches the body: said with every finding resting on it."""
        organ = self.bylaw.form.organ(body)
        return replace(citation, applies="direct" if organ else "analogy", organ=organ)


def view(bylaw: Bylaw, calendar: Calendar, *, as_of: date, year: int | None, lang: Lang,
         successor: Bylaw | None = None) -> CalendarView:
    """The calendar grouped by body: the bylaw's bodies (by id), and those it does not have. A cancelled
    meeting is in none of them: no rule sees it (`cancelled` keeps them for the report)."""
    grouped: dict[str, list[Meeting]] = {}
    unsorted: set[str] = set()  # bodies whose meetings the calendar does not give in date order
    # Body → where in its meetings each new year begins (`BodyView.years`), seen while the dates are at
    # hand: finding them later by bisection reads meetings spread through memory (20 ms at 100,000).
    turns: dict[str, list[int]] = {}
    off: list[Meeting] = []  # cancelled (found in the same pass: a large calendar's meetings lie spread in memory)
    for meeting in calendar.meetings:
        if meeting.status == "cancelled":
            off.append(meeting)
            continue
        own = grouped.get(meeting.body)
        if own is None:
            grouped[meeting.body] = [meeting]
            continue
        last, day = own[-1].date, meeting.date
        if last >= day:
            unsorted.add(meeting.body)
        elif last.year != day.year:
            turns.setdefault(meeting.body, []).append(len(own))
        own.append(meeting)
    # Calendars are mostly written in date order: sorting a large one anyway (a key per meeting, its
    # meetings spread through memory) cost more than some rules, so only the bodies out of order are.
    for body_id in unsorted:
        grouped[body_id].sort(key=attrgetter("date", "id"))
    cancelled = tuple(sorted(off, key=attrgetter("date", "id")))
    if cancelled:
        calendar = replace(calendar, meetings=tuple(m for m in calendar.meetings if m.status != "cancelled"))
    derived = bylaw.derived
    members = derived.get(("check", "members"), lambda: {m.id: m for m in bylaw.members})
    serving = derived.get(("check", "serving"), lambda: _serving_offices(bylaw))
    # What a reference means at a body depends on the bylaw alone: worked out once per bylaw object.
    bodies = {body.id: BodyView(body, tuple(grouped.get(body.id, ())), members, serving.get(body.id, frozenset()),
                                _seated=derived.get(("check", "seated", body.id), dict),
                                _turns=None if body.id in unsorted else tuple(turns.get(body.id, ())))
              for body in sorted(bylaw.bodies, key=attrgetter("id"))}
    unknown = {body_id: tuple(own) for body_id, own in sorted(grouped.items()) if body_id not in bodies}
    return CalendarView(bylaw=bylaw, calendar=calendar, as_of=as_of, year=year, lang=lang, bodies=bodies,
                        unknown_bodies=unknown, successor=successor, bylaw_file=stable_path(bylaw.path),
                        cancelled=cancelled, resorted=frozenset(unsorted),
                        body_ids={body_id: body_id for body_id in (*bodies, *unknown)})


__all__ = ["BodyView", "CalendarView", "MatterEvent", "Read", "Recorded", "Seated", "Seat", "Treated", "stable_path",
           "view"]
