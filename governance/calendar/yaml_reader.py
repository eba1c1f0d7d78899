"""Reading a calendar YAML file (DESIGN.md, "Calendar file") into a frozen `Calendar`.

Every value keeps its line, so every problem is reported as `calendar.yaml:LINE: error: …`, all at once.
The reader never constructs YAML tags: it walks the composed node tree (see yaml_compose.py) against the
schema below and reads each scalar as what its key needs (an id, a date, a seat reference …).
"""
from __future__ import annotations

import calendar as _cal
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from ..limits import DEFAULT, EXCEEDED, Limits, year_problem
from ..model.types import SeatRef
from ..span import Span
from .errors import CalendarError, CalendarIssue
from .model import (ACTIONS, CHOICES, KINDS, OUTCOMES, STATUSES, Anslag, Calendar, Matter, Meeting, Minutes,
                    Person, Presence, Vote)
from .refs import id_problem, is_slug, parse_seat_ref, seat_ref_problem
from .source import read_source
from .yaml_compose import Map, Node, Scalar, Seq, compose

LOCAL = "Europe/Stockholm"  # times with an offset are read as Swedish wall-clock time

TOP_KEYS = ("bylaw", "roster", "meetings")
MEETING_KEYS = ("id", "body", "date", "status", "chair", "convened_by", "notice_date", "attendees", "serving",
                "matters", "minutes")
MATTER_KEYS = ("id", "title", "type", "action", "outcome", "participants", "jav", "votes", "reservations")
PERSON_KEYS = ("seat", "member", "role", "as", "party", "from", "until", "for")
MINUTES_KEYS = ("justering", "justerare", "anslag")
# A roster file may name its bylaw (for the reader's eyes) and its mandate period (`period: {from, until}`),
# which every person without a period of their own takes.
ROSTER_FILE_KEYS = ("bylaw", "period", "roster")
PERIOD_KEYS = ("from", "until")
# `3 × halmstad/ledamot` (or `3 x …`): three anonymous holders of one seat line
_COUNTED = re.compile(r"\s*(\d+)\s*[×x*]\s*(\S+)\s*\Z")
_REQUIRED = {"calendar": ("meetings",), "meeting": ("id", "body", "date"), "matter": ("id",),
             "roster file": ("roster",)}
_ALLOWED_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq",
                           "tag:yaml.org,2002:map", "tag:yaml.org,2002:timestamp",
                           "tag:yaml.org,2002:null", "tag:yaml.org,2002:int"})
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def read_calendar(path: str | Path, max_bytes: int | None = None, limits: Limits = DEFAULT) -> Calendar:
    """Read a YAML calendar file. Raises `CalendarError` with every problem found (never anything else).
    `limits` bounds the work (governance.limits); `max_bytes`, if given, overrides its size limit."""
    name = str(path)
    return parse_calendar(read_source(path, limits.max_bytes if max_bytes is None else max_bytes), name, limits)


def parse_calendar(text: str, name: str = "<calendar>", limits: Limits = DEFAULT) -> Calendar:
    """Read calendar YAML given as text; `name` is the file name used in messages and spans."""
    return SchemaReader(name, limits).calendar(compose(text, name))


class SchemaReader:
    """Walks composed YAML nodes against a schema, collecting every problem with its line."""

    def __init__(self, name: str, limits: Limits = DEFAULT):
        self.name, self.limits = name, limits
        self.issues: list[CalendarIssue] = []
        self.people: dict[str, Person] = {}
        # A text → its holder, as `holder` read it before (who was there, a chair, a convener; never a text
        # that also reads as `N × …`): a calendar names the same seats and persons in meeting after meeting
        # (a Presence is immutable; equal ones may be one object).
        self.held: dict[str, Presence] = {}
        self.slugs: dict[str, str] = {}  # ids read before, each as one string

    # ---- reporting -------------------------------------------------------------------------------
    def err(self, node: Node, message: str) -> None:
        self.issues.append(CalendarIssue(self.name, node.line, node.col, message))

    def span(self, node: Node) -> Span:
        return Span(self.name, node.start, node.end, node.line, node.col)

    # ---- structure -------------------------------------------------------------------------------
    def fields(self, node: Map, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[Node, Node]]:
        """A mapping's keys → (key node, value node); unknown, duplicate and missing keys reported."""
        out: dict[str, tuple[Node, Node]] = {}
        meant: set[str] = set()  # keys a misspelt key was taken for: not reported missing as well
        for key, value in node.pairs:
            if not isinstance(key, Scalar) or key.is_null:
                self.err(key, f"a key in a {what} must be a word, not a {key.kind}")
                continue
            name = key.value
            if name in out:
                self.err(key, f"duplicate key '{name}' in a {what} (first given on line {out[name][0].line})")
                continue
            if name not in allowed:
                hint = suggest(name, allowed)
                meant.update(k for k in allowed if hint == f"did you mean '{k}'?")
                self.err(key, f"unknown key '{name}' in a {what}; "
                              + (hint if hint else "expected one of " + ", ".join(allowed)))
                continue
            if value.tag is not None:
                self.tag_ok(value)
            out[name] = (key, value)
        for need in _REQUIRED.get(what, ()):
            if need in meant:
                continue
            if need not in out or (isinstance(out[need][1], Scalar) and out[need][1].is_null):
                where = out[need][0] if need in out else node
                self.err(where, f"the {what} has no '{need}'")
        return out

    def tag_ok(self, node: Node) -> bool:
        if node.tag in _ALLOWED_TAGS:
            return True
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.err(node, f"YAML tag '{shown}' is not allowed in a calendar")
        node.tag = None  # report once
        return True

    def expect(self, node: Node, kind: type, what: str) -> bool:
        if isinstance(node, kind):
            return True
        article = "an" if kind.kind[0] in "aeiou" else "a"
        shown = f"'{node.value}'" if isinstance(node, Scalar) and not node.is_null else (
            "nothing" if isinstance(node, Scalar) else f"a {node.kind}")
        self.err(node, f"{what} must be {article} {kind.kind}, not {shown}")
        return False

    def text(self, node: Node, what: str) -> str | None:
        """A scalar's text (a plain number is text too); None for null or a wrong type (reported)."""
        if isinstance(node, Scalar):
            return None if node.is_null else node.value
        self.expect(node, Scalar, what)
        return None

    def items(self, node: Node, what: str) -> list[Node]:
        """A list's items; a single scalar stands for a one-item list; null for none."""
        if isinstance(node, Seq):
            return node.items
        if isinstance(node, Scalar):
            return [] if node.is_null else [node]
        self.expect(node, Seq, what)
        return []

    # ---- values ----------------------------------------------------------------------------------
    def slug(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value in self.slugs:  # the same few ids (members, bodies, types) in meeting after meeting
            return self.slugs[value]
        if value != value.strip() and is_slug(value.strip()):  # a no-break space Word left after it
            self.slugs[value] = value.strip()
            return value.strip()
        if not is_slug(value):
            self.err(node, id_problem(what, value))
            return None
        self.slugs[value] = value
        return value

    def ident(self, node: Node, what: str) -> str | None:
        """A meeting or matter id: any single-line text without spaces at either end."""
        value = self.text(node, what)
        if value is None:
            return None
        if not value.strip() or "\n" in value or value != value.strip():
            self.err(node, f"'{value}' is not a valid {what}: use letters, digits and '-'")
            return None
        return value

    def seat(self, node: Node, what: str) -> SeatRef | None:
        value = self.text(node, what)
        if value is None:
            return None
        ref = parse_seat_ref(value.strip())
        if ref is None:
            self.err(node, f"{what}: {seat_ref_problem(value)}")
        return ref

    def choice(self, node: Node, what: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value not in allowed:
            hint = suggest(value, allowed)
            self.err(node, f"{what} '{value}' is not one of {' | '.join(allowed)}" + (f"; {hint}" if hint else ""))
            return None
        return allowed[allowed.index(value)]  # the one string: equal ones in every meeting are the same object

    def when(self, node: Node, what: str) -> tuple[date, datetime | None] | None:
        """An ISO date, or a date-time (T or space; seconds and offset optional) → (day, start)."""
        value = self.text(node, what)
        if value is None:
            if isinstance(node, Scalar):
                self.err(node, f"{what} is empty; write an ISO date such as 2025-02-11")
            return None
        value = value.strip()
        day_part = _ISO_DAY.match(value)
        if day_part and year_problem(int(day_part.group(1))):  # refused before date arithmetic overflows
            self.err(node, f"{what} {day_part.group(0)}: {year_problem(int(day_part.group(1)))}")
            return None
        try:
            if len(value) == 10:
                return date.fromisoformat(value), None
            start = datetime.fromisoformat(value.replace("t", "T"))
        except ValueError:
            if day_part:
                problem = impossible_date(*map(int, day_part.groups()))
                if problem:
                    self.err(node, f"{what} {day_part.group(0)} does not exist: {problem}")
                    return None
            from .written_dates import how_to_write  # on use: only a date written otherwise needs it
            self.err(node, f"{what} '{value}' is not an ISO date (2025-02-11) or date-time (2025-02-11T13:00)"
                           + how_to_write(value))
            return None
        if start.tzinfo is not None:
            from zoneinfo import ZoneInfo  # here: most calendars give no offset (zoneinfo loads sysconfig)
            start = start.astimezone(ZoneInfo(LOCAL)).replace(tzinfo=None)
        return start.date(), start

    # ---- the schema ------------------------------------------------------------------------------
    def calendar(self, root: Node) -> Calendar:
        if isinstance(root, Scalar) and root.is_null:  # only "---", or only a comment after it
            raise CalendarError([CalendarIssue(self.name, 1, 0, "the calendar is empty")])
        if not isinstance(root, Map):
            self.err(root, f"the top level of a calendar must be a mapping with 'meetings:', not a {root.kind}")
            raise CalendarError(self.issues)
        self.tag_ok(root)
        f = self.fields(root, "calendar", TOP_KEYS)
        bylaw = self.slug(f["bylaw"][1], "bylaw id") if "bylaw" in f else None
        roster = self.roster(f["roster"][1]) if "roster" in f else ()
        self.people = {p.name: p for p in roster}
        self.held = {}
        meetings: list[Meeting] = []
        if "meetings" in f:
            seen: dict[str, int] = {}
            items = self.items(f["meetings"][1], "'meetings'")
            if len(items) > self.limits.max_occurrences:
                self.err(items[self.limits.max_occurrences], f"{EXCEEDED} the calendar lists {len(items):,} "
                         f"meetings; the limit is {self.limits.max_occurrences:,}")
                raise CalendarError(self.issues)
            for item in items:
                meeting = self.meeting(item, seen)
                if meeting is not None:
                    meetings.append(meeting)
        if self.issues:
            raise CalendarError(self.issues)
        return Calendar(self.name, bylaw, roster, tuple(meetings))

    def roster(self, node: Node) -> tuple[Person, ...]:
        """The roster: a mapping of names to seats, or the name of a roster file beside the calendar
        (shared by a collaboration's calendars for a mandate period) holding one under `roster:`."""
        if isinstance(node, Scalar) and node.is_null:
            return ()
        if isinstance(node, Scalar) and node.value.strip().lower().endswith((".yaml", ".yml")):
            return self.roster_file(node)
        if not self.expect(node, Map, "'roster'"):
            return ()
        out: list[Person] = []
        seen: dict[str, int] = {}
        for key, value in node.pairs:
            person = self.text(key, "a person's name in the roster")
            if person is not None:  # "Bo Ek " (a space Excel left) is Bo Ek, as every reference to him reads
                person = spoken(person) or None
            if person is None:
                if isinstance(key, Scalar):
                    self.err(key, "a person's name in the roster is empty")
                continue
            if person in seen:
                self.err(key, f"duplicate key '{person}' in the roster (first given on line {seen[person]})")
                continue
            seen[person] = key.line
            got = self.person(person, key, value)
            if got is not None:
                out.append(got)
        by_name = {p.name: p for p in out}
        for p in out:  # a personal ersättare's ledamot: in the roster, a ledamot of the same seat line
            own = by_name.get(p.stands_for) if p.stands_for else None
            if p.stands_for and (own is None or own.kind != "ledamot" or own.seat != p.seat):
                where = next(k for k, _ in node.pairs if isinstance(k, Scalar) and spoken(k.value) == p.name)
                self.err(where, f"{p.name} stands in for '{p.stands_for}', who is not a ledamot of {p.seat} "
                                "in the roster")
        return tuple(out)

    def person(self, name: str, key: Node, value: Node) -> Person | None:
        """`Name: halmstad/kso`, or `Name: {seat: halmstad/ledamot, as: ersattare, party: S, from: DATE,
        until: DATE}` (`member:` and `role:` may stand for `seat:`)."""
        if isinstance(value, Scalar) and value.is_null:
            self.err(value, f"the roster gives no seat for {name}")
            return None
        if not isinstance(value, Map):
            ref = self.seat(value, f"the seat of {name}")
            return Person(name, ref, span=self.span(key)) if ref is not None else None
        before = len(self.issues)
        f = self.fields(value, "roster entry", PERSON_KEYS)
        ref = None
        if "seat" in f:
            ref = self.seat(f["seat"][1], f"the seat of {name}")
            if "member" in f or "role" in f:
                self.err(f["seat"][0], f"{name}: give either 'seat' or 'member' and 'role', not both")
        elif "role" in f:
            role = self.slug(f["role"][1], "role")
            member = self.slug(f["member"][1], "member id") if "member" in f else None
            ref = SeatRef(member, role) if role else None
        else:
            self.err(value, f"the roster gives no seat for {name}: write seat: MEMBER/ROLE")
        kind = (self.choice(f["as"][1], f"what {name} is", KINDS) if "as" in f else None) or "ledamot"
        # Spaces around a party or a name are no part of it: "S " and "S" are one party group.
        party = spoken(self.text(f["party"][1], "party") or "") or None if "party" in f else None
        start = self.when(f["from"][1], "from") if "from" in f else None
        end = self.when(f["until"][1], "until") if "until" in f else None
        if len(self.issues) > before or ref is None:
            return None
        stands_for = spoken(self.text(f["for"][1], "for") or "") or None if "for" in f else None
        if stands_for is not None and kind != "ersattare":
            self.err(f["for"][0], f"{name}: only an ersättare stands in 'for' a ledamot")
            return None
        return Person(name, ref, kind, party, start[0] if start else None, end[0] if end else None,
                      self.span(key), stands_for)

    def roster_file(self, node: Scalar) -> tuple[Person, ...]:
        """A roster kept in a file of its own, named relative to the calendar (never outside its folder)."""
        given = node.value.strip()
        here = Path(self.name).parent
        target = (here / given)
        if Path(given).is_absolute() or ".." in Path(given).parts:
            self.err(node, f"the roster file '{given}' must be named relative to the calendar's folder")
            return ()
        try:
            text = read_source(target, kind="roster file")
        except CalendarError as exc:  # said at the calendar's `roster:` line: that is where it is named
            why = exc.issues[0].message if exc.issues else "it cannot be read"
            self.err(node, f"the roster file '{given}': {why}")
            return ()
        try:
            root = compose(text, str(target))
        except CalendarError as exc:
            self.issues.extend(exc.issues)
            return ()
        reader = SchemaReader(str(target))
        if not isinstance(root, Map):
            self.err(node, f"the roster file '{given}' must be a mapping with 'roster:'")
            return ()
        f = reader.fields(root, "roster file", ROSTER_FILE_KEYS)
        people = reader.roster(f["roster"][1]) if "roster" in f else ()
        if "roster" in f and isinstance(f["roster"][1], Scalar) and not f["roster"][1].is_null:
            reader.err(f["roster"][1], "a roster file holds the roster itself, not the name of another")
            people = ()
        if "period" in f and reader.expect(f["period"][1], Map, "'period'"):
            period = reader.fields(f["period"][1], "period", PERIOD_KEYS)
            start = reader.when(period["from"][1], "from") if "from" in period else None
            end = reader.when(period["until"][1], "until") if "until" in period else None
            if start and end and end[0] < start[0]:
                reader.err(f["period"][1], f"the period ends ({end[0]}) before it begins ({start[0]})")
            people = tuple(replace(p, start=p.start or (start[0] if start else None),
                                   end=p.end or (end[0] if end else None)) for p in people)
        self.issues.extend(reader.issues)
        return people

    def meeting(self, node: Node, seen: dict[str, int]) -> Meeting | None:
        """One meeting; `seen` maps the meeting ids read so far to their lines (ids are unique)."""
        if not self.expect(node, Map, "a meeting"):
            return None
        f = self.fields(node, "meeting", MEETING_KEYS)
        before = len(self.issues)
        mid = self.ident(f["id"][1], "meeting id") if "id" in f else None
        if mid is not None:
            if mid in seen:
                self.err(f["id"][1], f"duplicate meeting id '{mid}' (first used on line {seen[mid]})")
            else:
                seen[mid] = f["id"][1].line
        body = self.slug(f["body"][1], "body id") if "body" in f else None
        when = self.when(f["date"][1], "date") if "date" in f else None
        status = self.choice(f["status"][1], "status", STATUSES) if "status" in f else None
        chair = chair_person = None
        if "chair" in f:
            holder = self.holder(f["chair"][1], "chair")
            if holder is not None:
                chair, chair_person = holder.seat, holder.person
        convened_by = None
        if "convened_by" in f:
            holder = self.holder(f["convened_by"][1], "convened_by")
            if holder is not None:
                convened_by = str(holder.seat) if holder.person else f["convened_by"][1].value
        notice = self.when(f["notice_date"][1], "notice_date") if "notice_date" in f else None
        present = self.presences(f["attendees"][1], "attendees") if "attendees" in f else []
        if "serving" in f:
            present = self.serving(f["serving"][1], present)
        matters = self.matters(f["matters"][1]) if "matters" in f else ()
        minutes = self.minutes(f["minutes"][1]) if "minutes" in f else None
        if len(self.issues) > before or mid is None or body is None or when is None:
            return None
        attendees = tuple(p.seat for p in present if p.serving)
        return Meeting(mid, body, when[0], when[1], chair, convened_by, notice[0] if notice else None,
                       attendees, matters, self.span(node), status, tuple(present), minutes, chair_person)

    def holder(self, node: Node, what: str) -> Presence | None:
        """A person of the roster (by name) or a seat reference, as one holder of a seat line."""
        value = self.text(node, what)
        if value is None:
            return None
        held = self.held.get(value)
        if held is not None:
            return held
        person = self.people.get(spoken(value))
        if person is not None:
            held = Presence(person.seat, person.name, person.kind, person.kind == "ledamot")
        else:
            ref = parse_seat_ref(value.strip())  # a no-break space after it (Word) is no part of it
            if ref is None:
                close = suggest(value, tuple(self.people)) if self.people else ""
                if close:
                    self.err(node, f"{what}: '{value}' is no one in the roster; {close}")
                elif self.people:
                    self.err(node, f"{what}: no one in the roster is called '{value}', and {seat_ref_problem(value)}")
                else:
                    self.err(node, f"{what}: {seat_ref_problem(value)}")
                return None
            held = Presence(ref)
        # Kept for the next meeting that names it, unless the text also reads as `N × …`: a list of who was
        # there counts those (`presences` looks here first).
        if person is not None or not _COUNTED.match(value):
            self.held[value] = held
        return held

    def presences(self, node: Node, what: str) -> list[Presence]:
        """Who was there: persons of the roster, seat references (one anonymous holder each), or
        `N × MEMBER/ROLE` for N anonymous holders of one seat line. A person is listed once."""
        out: list[Presence] = []
        seen: dict[str, int] = {}
        held = self.held
        for item in self.items(node, what):
            if type(item) is Scalar and not item.is_null and item.value in held:  # a holder read before
                holder = held[item.value]
                if holder.person is None:
                    out.append(holder)
                    continue
            else:
                value = self.text(item, f"an entry in {what}")
                if value is None:
                    continue
                holder = None
                several = self.several(value)
                if several:  # `attendees: a/b, c/d`: a list written without its brackets
                    self.err(item, f"an entry in {what}: '{value}' names several; write them as a list in "
                                   f"brackets: [{', '.join(several)}]")
                    continue
            counted = None if holder is not None or spoken(value) in self.people else _COUNTED.match(value)
            if counted:
                ref = parse_seat_ref(counted.group(2))
                if ref is None:
                    self.err(item, f"an entry in {what}: {seat_ref_problem(counted.group(2))}")
                elif int(counted.group(1)) == 0 or int(counted.group(1)) > 1000:
                    self.err(item, f"an entry in {what}: {counted.group(1)} holders of {ref} is not a count "
                                   "a seat line can have")
                else:
                    out += [Presence(ref)] * int(counted.group(1))
                continue
            if holder is None:
                holder = self.holder(item, f"an entry in {what}")  # kept in `held` for the next meeting
                if holder is None:
                    continue
            if holder.person is not None:
                if holder.person in seen:
                    self.err(item, f"{holder.person} is listed twice in {what} (first on line "
                                   f"{seen[holder.person]})")
                    continue
                seen[holder.person] = item.line
            out.append(holder)
        return out

    def several(self, value: str) -> list[str]:
        """The holders in `value` when it names several, separated by commas (each a person of the roster, a
        seat reference or `N × …`); [] otherwise."""
        if "," not in value or spoken(value) in self.people:
            return []
        parts = [spoken(part) for part in value.split(",")]
        each = all(part in self.people or parse_seat_ref(part) or _COUNTED.match(part) for part in parts)
        return parts if each else []

    def serving(self, node: Node, present: list[Presence]) -> list[Presence]:
        """`serving:` the ersättare who served (tjänstgjorde): persons of the roster, or seat references
        for anonymous ones (`N × …` for several). Someone serving was present, listed there or not."""
        out = list(present)
        for item in self.presences(node, "serving"):
            if item.person is None:
                out.append(Presence(item.seat, None, "ersattare", True))
                continue
            at = next((i for i, p in enumerate(out) if p.person == item.person), None)
            served = Presence(item.seat, item.person, item.kind, True)
            if at is None:
                out.append(served)
            else:
                out[at] = served
        return out

    def persons(self, node: Node, what: str) -> tuple[Presence, ...]:
        return tuple(self.presences(node, what))

    def minutes(self, node: Node) -> Minutes | None:
        """`minutes: {justering: DATE, justerare: [NAME, …], anslag: DATE | {MEMBER: DATE, …}}`."""
        if not self.expect(node, Map, "'minutes'"):
            return None
        f = self.fields(node, "minutes", MINUTES_KEYS)
        before = len(self.issues)
        justering = self.when(f["justering"][1], "justering") if "justering" in f else None
        justerare = tuple(str(p) for p in self.presences(f["justerare"][1], "justerare")) \
            if "justerare" in f else ()
        anslag: list[Anslag] = []
        if "anslag" in f:
            value = f["anslag"][1]
            if isinstance(value, Map):
                for key, day in value.pairs:
                    member = self.slug(key, "member id")
                    got = self.when(day, f"anslag in {member}")
                    if member is not None and got is not None:
                        anslag.append(Anslag(got[0], member))
            else:
                for item in self.items(value, "anslag"):
                    got = self.when(item, "anslag")
                    if got is not None:
                        anslag.append(Anslag(got[0]))
        if len(self.issues) > before:
            return None
        return Minutes(justering[0] if justering else None, justerare, tuple(anslag), self.span(node))

    def matters(self, node: Node) -> tuple[Matter, ...]:
        out: list[Matter] = []
        seen: dict[str, int] = {}
        for item in self.items(node, "'matters'"):
            matter = self.matter(item)
            if matter is None:
                continue
            if matter.id in seen:
                self.err(item, f"matter '{matter.id}' appears twice in this meeting (first on line {seen[matter.id]})")
                continue
            seen[matter.id] = item.line
            out.append(matter)
        return tuple(out)

    def matter(self, node: Node) -> Matter | None:
        if not self.expect(node, Map, "a matter"):
            return None
        f = self.fields(node, "matter", MATTER_KEYS)
        before = len(self.issues)
        mid = self.ident(f["id"][1], "matter id") if "id" in f else None
        title = self.text(f["title"][1], "title") if "title" in f else None
        mtype = self.slug(f["type"][1], "matter type") if "type" in f else None
        action = (self.choice(f["action"][1], "action", ACTIONS) if "action" in f else None) or "decide"
        outcome = self.choice(f["outcome"][1], "outcome", OUTCOMES) if "outcome" in f else None
        participants: list[str] = []
        if "participants" in f:
            seen: dict[str, int] = {}
            for item in self.items(f["participants"][1], "participants"):
                member = self.slug(item, "member id")
                if member is None:
                    continue
                if member in seen:
                    self.err(item, f"{member} is listed twice in participants (first on line {seen[member]})")
                    continue
                seen[member] = item.line
                participants.append(member)
        jav = self.persons(f["jav"][1], "jav") if "jav" in f else ()
        votes = self.votes(f["votes"][1]) if "votes" in f else ()
        reservations = tuple(str(p) for p in self.presences(f["reservations"][1], "reservations")) \
            if "reservations" in f else ()
        if len(self.issues) > before or mid is None:
            return None
        return Matter(mid, title, mtype, action, outcome, tuple(participants), self.span(node), jav, votes,
                      reservations)

    def votes(self, node: Node) -> tuple[Vote, ...]:
        """`votes: {ja: [WHO, …], nej: […], avstar: […]}`; WHO a person, a seat reference or a member id
        (`N × WHO` for N voices alike)."""
        if not self.expect(node, Map, "'votes'"):
            return ()
        f = self.fields(node, "votes", CHOICES)
        out: list[Vote] = []
        seen: dict[str, int] = {}
        for choice in CHOICES:
            if choice not in f:
                continue
            for item in self.items(f[choice][1], f"votes {choice}"):
                value = self.text(item, f"a vote {choice}")
                if value is None:
                    continue
                counted = _COUNTED.match(value) if spoken(value) not in self.people else None
                times, value = (int(counted.group(1)), counted.group(2)) if counted else (1, spoken(value))
                person = self.people.get(value)
                if person is not None:
                    if value in seen:
                        self.err(item, f"{value} voted twice (first on line {seen[value]})")
                        continue
                    seen[value] = item.line
                    out.append(Vote(value, choice, person.member, person.seat))
                    continue
                ref = parse_seat_ref(value)
                if ref is None:
                    self.err(item, f"a vote {choice}: '{value}' is neither a person of the roster, a seat "
                                   "reference nor a member id")
                    continue
                out += [Vote(value, choice, ref.member, ref if ref.member else None)] * times
        return tuple(out)


def spoken(text: str) -> str:
    """A name as said: the spaces around it dropped and those inside it one space each, whatever kind
    (Word and Excel put no-break spaces in names, which look the same and compared unequal)."""
    return " ".join(text.split())


def impossible_date(year: int, month: int, day: int) -> str | None:
    """Why a YYYY-MM-DD that looks like a date is not one, or None if it is one."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    last = _cal.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"{_MONTHS[month]} {year} has {last} days"
    return None


def suggest(name: str, candidates) -> str | None:
    """"did you mean 'X'?" for a misspelt key or value (found on use: rapidfuzz loads only then)."""
    from ..model.from_ast import suggest as nearest_hint
    return nearest_hint(name, candidates)
