"""Reading an iCalendar file (.ics, e.g. an Outlook export) into a frozen `Calendar`.

How an event becomes a meeting (README "Calendars" shows an example):
- recurring events (RRULE, RDATE, EXDATE, moved occurrences) are expanded with `recurring-ical-events`
  over an explicit `window`, else from the first year an event starts in to the last year a meeting of the
  file falls in: a series that ends (COUNT or UNTIL) is read to its end, one without end through `through`
  (the year being checked) or the last year another event starts in, and a warning says how far;
- an occurrence whose STATUS is CANCELLED, and every event of a cancellation (METHOD:CANCEL), is a meeting
  with status `cancelled` (listed, never counted);
- the body comes from the mapping file (mapping.py) by CATEGORIES or SUMMARY; an event that maps to no
  body is left out and reported in `Calendar.unmapped` as a warning (an error with `strict=True`);
- meeting id: the UID (less an ending `@BYLAW-ID` of the mapping's bylaw, as `ics_writer` writes it), and
  for an occurrence of a recurring event the UID plus `-YYYYMMDD` of the occurrence's original date (its
  RECURRENCE-ID), so ids stay stable when one occurrence is moved;
- DTSTART → date and start (converted to Swedish wall-clock time); ATTENDEE (by CN or e-mail through
  `people:`) → attendees, leaving out rooms/resources and those who declined; an attendee with
  ROLE=CHAIR → chair; ORGANIZER → convened_by (or chair, per the mapping's `organizer:`);
- DESCRIPTION lines of the form below carry matters, the notice date, and the seats that were called
  without an address (as `governance plan` writes them: the chair, further attendees, the convener, each
  a seat reference as the bylaw has it, not a name looked up in the mapping); other lines are ignored:

      ACTION[/OUTCOME]: MATTER-ID [(TYPE)] [TITLE] [[MEMBER, MEMBER …]]
      notice: 2025-01-28
      chair: halmstad/kso
      seats: laholm/kso, hylte/kso
      convened by: sekretariatet
      justering: 2025-02-18
      justerare: Anna Berg, Ivar Lind
      anslag: 2025-02-19  (or one per member: anslag: vara 2025-02-19, grastorp 2025-02-20)

  e.g. `decide/consensus: upphandling-it (budget) Gemensam upphandling av IT-stöd [halmstad, laholm]`,
  where ACTION is prepare | propose | decide | inform and OUTCOME consensus | objection | majority.

icalendar reports no positions, so the reader indexes the text itself (unfolding continuation lines) and
points every problem at the line of the event's property, or of its UID.
"""
from __future__ import annotations

import itertools
import re
import time
from typing import Literal, NoReturn
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from ..limits import DEFAULT, EXCEEDED, FIRST_YEAR, LAST_YEAR, Limits, year_problem
from ..model.types import SeatRef
from ..span import Span
from .errors import CalendarError, CalendarIssue, refuse
from .mapping import Mapping, find_mapping, read_mapping
from .model import OUTCOMES, Anslag, Calendar, Matter, Meeting, Minutes, Person
from .refs import id_problem, is_slug, parse_seat_ref, slugify
from .yaml_reader import impossible_date
from .source import read_source

LOCAL = ZoneInfo("Europe/Stockholm")

_CONTENT_LINE = re.compile(r'[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:')
_MATTER_LINE = re.compile(r"\s*(prepare|propose|decide|inform)\s*(?:/\s*([A-Za-z]+)\s*)?:\s*(.*)\Z", re.I)
_NOTICE_LINE = re.compile(r"\s*notice\s*:\s*(.*)\Z", re.I)
_SEATS_LINE = re.compile(r"\s*(chair|seats|convened[ _]by)\s*:\s*(.*)\Z", re.I)
# The protokoll's justering, justerare and anslag (minutes), as `ics_writer` writes them.
_MINUTES_LINE = re.compile(r"\s*(justering|justerare|anslag)\s*:\s*(.*)\Z", re.I)
_MATTER_BODY = re.compile(r"(?P<id>\S+)(?:\s+\((?P<type>[^)]*)\))?(?P<title>.*?)(?:\[(?P<members>[^\]]*)\])?\s*\Z")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|\Z)")
MAX_OCCURRENCES = DEFAULT.max_occurrences  # years of weekly meetings fit; an RRULE every minute does not
# RFC 5545 allows each of these once in an event; a second one is a broken file, not a choice to make.
_ONCE = ("UID", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "STATUS", "SUMMARY", "DESCRIPTION",
         "ORGANIZER")
_TOO_OFTEN = {"SECONDLY": "every second", "MINUTELY": "every minute", "HOURLY": "every hour"}
MAX_DURATION = timedelta(days=366)  # an event longer than a year is no meeting; it would overlap every window


@dataclass
class _Block:
    """One VEVENT's place in the text: the line of BEGIN and of the first occurrence of each property."""

    begin: int
    lines: dict[str, int] = field(default_factory=dict)
    repeated: dict[str, int] = field(default_factory=dict)  # the line of a property's second occurrence

    def line(self, prop: str | None) -> int:
        return self.lines.get((prop or "").upper(), self.lines.get("UID", self.begin))


def read_ics(path: str | Path, mapping: str | Path | Mapping | None = None,
             window: tuple[date, date] | None = None, strict: bool = False,
             max_bytes: int | None = None, limits: Limits = DEFAULT, through: int | None = None) -> Calendar:
    """Read an .ics file. `mapping` is a mapping file (or a read Mapping); when None, a mapping file beside
    the .ics is used if there is one (mapping.find_mapping), else CATEGORIES name bodies directly.
    `window` = (first day, last day) to expand recurring events over; without it, a recurring event with
    no end is read through the year `through` (e.g. the year checked) if that is later than the file's own
    years. `limits` bounds the work (see governance.limits; `max_bytes`, if given, overrides its size
    limit). Raises CalendarError."""
    name = str(path)
    if mapping is None:
        mapping = find_mapping(path)
    if mapping is not None and not isinstance(mapping, Mapping):
        mapping = read_mapping(mapping)
    text = read_source(path, limits.max_bytes if max_bytes is None else max_bytes)
    return parse_ics(text, name, mapping, window, strict, limits, through)


def parse_ics(text: str, name: str = "<calendar.ics>", mapping: Mapping | None = None,
              window: tuple[date, date] | None = None, strict: bool = False,
              limits: Limits = DEFAULT, through: int | None = None) -> Calendar:
    return _IcsReader(text, name, mapping, strict, limits).calendar(window, through)


@dataclass(frozen=True, slots=True)
class EventTitle:
    """What a mapping's `bodies:` is chosen for: one SUMMARY of an .ics, its CATEGORIES, whether any
    event with it recurs, how many events (masters and moved occurrences) carry it."""

    title: str
    categories: tuple[str, ...]
    recurring: bool
    events: int


def event_titles(text: str, name: str = "<calendar.ics>", limits: Limits = DEFAULT) -> tuple[EventTitle, ...]:
    """The distinct event titles of an .ics text, sorted, for choosing which body each one is before the
    calendar is read. The same structural checks and limits as `parse_ics`; CalendarError otherwise."""
    reader = _IcsReader(text, name, None, False, limits)
    reader.blocks()
    try:
        cal = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # icalendar raises ValueError and others, with no position
        raise refuse(name, f"iCalendar: {exc}") from None
    found: dict[str, tuple[set[str], bool, int]] = {}
    for event in cal.walk("VEVENT"):
        title = str(event.get("SUMMARY", "")).strip()
        categories, recurring, count = found.get(title, (set(), False, 0))
        categories.update(_categories(event))
        recurring = recurring or any(p in event for p in ("RRULE", "RDATE", "RECURRENCE-ID"))
        found[title] = (categories, recurring, count + 1)
    return tuple(EventTitle(t, tuple(sorted(c)), r, n) for t, (c, r, n) in sorted(found.items()))


def _unfold(text: str) -> Iterator[tuple[int, str]]:
    """Logical content lines with the 1-based line each starts on (RFC 5545 §3.1 folding undone), one at a
    time: a calendar of a million lines is not held twice over as a list."""
    number, pending = 0, 0
    parts: list[str] = []
    for number, match in enumerate(_LINE.finditer(text), 1):
        raw = match.group(1)
        if raw[:1] in (" ", "\t") and parts:
            parts.append(raw[1:])
        elif raw.strip():
            if parts:
                yield pending, "".join(parts)
            pending, parts = number, [raw]
    if parts:
        yield pending, "".join(parts)


class _IcsReader:
    def __init__(self, text: str, name: str, mapping: Mapping | None, strict: bool, limits: Limits = DEFAULT):
        self.text, self.name, self.mapping, self.strict = text, name, mapping, strict
        self.limits = limits
        self.deadline = limits.deadline()
        self.issues: list[CalendarIssue] = []
        self.warnings: list[CalendarIssue] = []
        self.warned: set[str] = set()
        self.cancels = False  # the file is a cancellation (METHOD:CANCEL): read in calendar()

    def err(self, line: int, message: str) -> None:
        self.issues.append(CalendarIssue(self.name, line, 0, message))

    def warn(self, line: int, message: str, key: str) -> None:
        if key in self.warned:
            return
        self.warned.add(key)
        if self.strict:
            self.err(line, message)
        else:
            self.warnings.append(CalendarIssue(self.name, line, 0, message, "warning"))

    # ---- structure, from the text ----------------------------------------------------------------
    def blocks(self) -> list[_Block]:
        lines = _unfold(self.text)
        first = next(lines, None)
        if first is None or first[1].strip().upper() != "BEGIN:VCALENDAR":
            raise refuse(self.name, "not an iCalendar file: it must begin with BEGIN:VCALENDAR",
                         first[0] if first else 1)
        lines = itertools.chain([first], lines)
        ended_at = 0  # the line of the END:VCALENDAR that closed the calendar
        last = 0
        stack: list[tuple[str, int]] = []
        blocks: list[_Block] = []
        current: _Block | None = None
        for number, line in lines:
            last = number
            if not _CONTENT_LINE.match(line):
                self.err(number, f"not an iCalendar content line (NAME:VALUE): '{line[:60]}'")
                continue
            head, _, value = line.partition(":")
            prop = head.split(";", 1)[0].upper()
            if prop == "BEGIN":
                if value.strip().upper() == "VEVENT" and any(k == "VEVENT" for k, _ in stack):
                    outer = next(n for k, n in stack if k == "VEVENT")
                    self.err(number, f"BEGIN:VEVENT inside the event begun on line {outer}; events do not nest")
                    raise CalendarError(self.issues)
                stack.append((value.strip().upper(), number))
                if stack[-1][0] == "VEVENT":
                    current = _Block(number)
                    blocks.append(current)
                    if len(blocks) > self.limits.max_occurrences:  # counted before icalendar builds them
                        raise refuse(self.name, f"{EXCEEDED} the calendar holds more than "
                                                f"{self.limits.max_occurrences:,} events", number)
            elif prop == "END":
                kind = value.strip().upper()
                if not stack or stack[-1][0] != kind:
                    if any(k == kind for k, _ in stack):  # something inside was left open
                        inner, at = stack[-1]
                        self.err(at, f"BEGIN:{inner} is never closed (END:{inner} missing before "
                                     f"END:{kind} on line {number})")
                    else:
                        self.err(number, f"END:{kind} without a matching BEGIN:{kind}")
                    raise CalendarError(self.issues)
                stack.pop()
                if kind == "VEVENT":
                    current = None
                if not stack and kind == "VCALENDAR" and not ended_at:
                    ended_at = number
            elif current is not None and len(stack) and stack[-1][0] == "VEVENT":
                if prop in current.lines:
                    current.repeated.setdefault(prop, number)
                current.lines.setdefault(prop, number)
        if ended_at and last != ended_at:
            self.err(last, "text after END:VCALENDAR; one calendar per file")
        if stack:
            kind, number = stack[-1]
            self.err(number, f"BEGIN:{kind} is never closed (END:{kind} missing)")
        if self.issues:
            raise CalendarError(self.issues)
        return blocks

    # ---- events → meetings -------------------------------------------------------------------------
    def calendar(self, window: tuple[date, date] | None, through: int | None = None) -> Calendar:
        blocks = self.blocks()
        try:
            cal = icalendar.Calendar.from_ical(self.text)
        except Exception as exc:  # icalendar raises ValueError and others, with no position
            raise refuse(self.name, f"iCalendar: {exc}") from None
        events = list(cal.walk("VEVENT"))
        if len(events) != len(blocks):  # cannot happen with a text that passed blocks(); stay safe
            raise refuse(self.name, "iCalendar: the events could not be matched to their lines")
        self.where = {id(e): b for e, b in zip(events, blocks)}
        # A cancellation (iTIP METHOD:CANCEL, RFC 5546 §3.2.5, as Outlook sends and saves it) cancels every
        # event it holds, whether or not each says STATUS:CANCELLED.
        self.cancels = str(cal.get("METHOD", "")).strip().upper() == "CANCEL"
        masters: dict[str, _Block] = {}
        recurring: set[str] = set()
        first_block: dict[str, _Block] = {}
        years: set[int] = set()
        for event, block in zip(events, blocks):
            self.check_event(event, block, masters, recurring, first_block, years)
        overrides = {(_uid(e), _when(e.decoded("RECURRENCE-ID"))): self.where[id(e)]
                     for e in events if "RECURRENCE-ID" in e and not self.issues}
        if self.issues:
            raise CalendarError(self.issues)
        bylaw = self.mapping.bylaw if self.mapping else None
        people = tuple(Person(c.name, c.seat) for c in self.mapping.contacts() if c.name) if self.mapping else ()
        meetings: list[Meeting] = []
        # A series that maps to no body is said once and not expanded: its occurrences would all be left
        # out, and a daily lunch since 2015 would only cost the limits' time and count.
        events = self.placed(events, recurring)
        if events:
            first, last = window or (date(min(years), 1, 1),
                                     date(self.last_year(cal, events, recurring, max(years), through), 12, 31))
            # No meeting lies outside these years (limits.year_problem); a window beyond them holds none.
            first, last = max(first, date(FIRST_YEAR, 1, 1)), min(last, date(LAST_YEAR, 12, 31))
            seen: dict[str, int] = {}
            for occurrence in self.expand(cal, events, recurring, first, last):
                uid = _uid(occurrence)
                block = masters.get(uid) or first_block[uid]
                if "RECURRENCE-ID" in occurrence:  # a changed occurrence has lines of its own
                    block = overrides.get((uid, _when(occurrence.decoded("RECURRENCE-ID"))), block)
                meeting = self.meeting(occurrence, uid, block, uid in recurring)
                if meeting is None:
                    continue
                if meeting.id in seen:
                    self.err(block.line("UID"), f"two occurrences have the meeting id '{meeting.id}'")
                    continue
                seen[meeting.id] = block.begin
                meetings.append(meeting)
        if self.issues:
            raise CalendarError(self.issues)
        meetings.sort(key=lambda m: (m.date, m.start or datetime.min, m.id))
        return Calendar(self.name, bylaw, people, tuple(meetings), tuple(sorted(self.warnings)))

    def placed(self, events: list, recurring: set[str]) -> list:
        """`events` less every recurring event none of whose parts maps to a body; each of those is warned
        about as the occurrences would have been."""
        parts = _series(events, recurring)
        unplaced = {uid for uid, series in parts.items()
                    if all(self.body(str(e.get("SUMMARY", "")).strip(), _categories(e)) is None for e in series)}
        for uid in sorted(unplaced, key=lambda u: self.where[id(parts[u][0])].begin):
            first = parts[uid][0]
            self.no_body(str(first.get("SUMMARY", "")).strip(), uid, self.where[id(first)])
        return [e for e in events if _uid(e) not in unplaced]

    def check_event(self, event, block: _Block, masters: dict[str, _Block], recurring: set[str],
                    first_block: dict[str, _Block], years: set[int]) -> None:
        """What icalendar flagged, and what a meeting needs: a UID, a DTSTART, one master per UID, dates in
        the years a meeting can have, and a recurrence that is bounded (no more than one a day)."""
        errors = list(getattr(event, "errors", ()))
        for prop, message in errors:
            self.err(block.line(prop), _explain(event, prop, message))
        uid = _uid(event)
        twice = [p for p in _ONCE if p in block.repeated]
        for prop in twice:
            self.err(block.repeated[prop], f"event {uid or '(no UID)'} has a second {prop} (the first is on "
                                           f"line {block.lines[prop]}); an event has one {prop}")
        if twice:
            return
        if not uid:
            self.err(block.begin, "this event has no UID; every meeting needs one to be told apart")
            return
        if "DTSTART" not in event:
            self.err(block.begin, f"event {uid} has no DTSTART")
            return
        if any(prop == "DTSTART" for prop, _ in errors):
            return
        broken = {str(prop).upper() for prop, _ in errors}
        for prop in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            if prop in event and prop not in broken and not isinstance(event.decoded(prop), (date, datetime)):
                self.err(block.line(prop), f"event {uid}: {prop} must be one date or date-time")
                return
        if not self.dates_ok(event, block, uid, broken):
            return
        years.add(_when(event.decoded("DTSTART"))[0].year)  # in Swedish time, as the meeting's date is read
        first_block.setdefault(uid, block)
        if "RECURRENCE-ID" in event:  # a moved or changed occurrence of a recurring event
            recurring.add(uid)
            return
        if uid in masters:
            self.err(block.line("UID"), f"UID {uid} is used by two events (first on line "
                                        f"{masters[uid].line('UID')})")
            return
        masters[uid] = block
        if "RRULE" in event or "RDATE" in event:
            recurring.add(uid)
            if "RRULE" not in broken:
                self.check_rule(event, block, uid)

    def dates_ok(self, event, block: _Block, uid: str, broken: set[str]) -> bool:
        """Every date of the event in the years a meeting can have, and a length under MAX_DURATION:
        refused here, with the line, rather than overflowing date arithmetic or every window later."""
        ok = True
        for prop in ("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE", "EXDATE"):
            if prop in broken:
                continue
            for value in _dates(event, prop):
                problem = year_problem(value.year)
                if problem:
                    self.err(block.line(prop), f"event {uid}: {prop} {value:%Y-%m-%d}: {problem}")
                    ok = False
                    break
        if not ok:
            return False
        start = event.decoded("DTSTART")
        try:
            if "DURATION" in event and "DURATION" not in broken:
                length = event.decoded("DURATION")
                prop = "DURATION"
            elif "DTEND" in event and "DTEND" not in broken:
                length = _as_datetime(event.decoded("DTEND")) - _as_datetime(start)
                prop = "DTEND"
            else:
                return True
        except (TypeError, ValueError):
            return True  # icalendar has already said what is wrong with the value
        if isinstance(length, timedelta) and abs(length) > MAX_DURATION:
            self.err(block.line(prop), f"event {uid} lasts {abs(length).days:,} days; a meeting lasts at most "
                                       f"{MAX_DURATION.days} days")
            return False
        return True

    def check_rule(self, event, block: _Block, uid: str) -> None:
        """An RRULE that recurs more than once a day, or never advances, is refused before it is expanded."""
        rule = event.get("RRULE")
        if rule is None:
            return
        line = block.line("RRULE")
        freq = str((rule.get("FREQ") or [""])[0]).upper()
        if freq in _TOO_OFTEN:
            self.err(line, f"event {uid} recurs {_TOO_OFTEN[freq]} (FREQ={freq}); a meeting recurs at most "
                           "daily")
        interval = (rule.get("INTERVAL") or [1])[0]
        if not isinstance(interval, int) or interval < 1:
            self.err(line, f"event {uid}: INTERVAL={interval} never advances; it must be 1 or more")
        for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
            if len(rule.get(part) or ()) > 1:
                self.err(line, f"event {uid} recurs more than once a day ({part} lists several); a meeting "
                               "recurs at most daily")

    def last_year(self, cal, events, recurring: set[str], latest: int, through: int | None) -> int:
        """The last year to read meetings in: the last an event starts in (`latest`), the year each series
        that ends (COUNT, UNTIL, or only RDATEs and moved occurrences) has its last occurrence in, and for
        a series without end `through` if that is later. A series read only to the first of these is a
        meeting the check would never see; how far one without end was read is said in a warning."""
        endless: list = []
        for uid, parts in _series(events, recurring).items():
            master = next((e for e in parts if "RECURRENCE-ID" not in e), None)
            rule = master.get("RRULE") if master is not None else None
            if rule is not None and "COUNT" not in rule and "UNTIL" not in rule:
                endless.append(master)
                continue
            try:
                occurrences = recurring_ical_events.of(_alone(cal, parts)).all()
                for count, occurrence in enumerate(occurrences, 1):
                    latest = max(latest, _when(occurrence.decoded("DTSTART"))[0].year)
                    if count > self.limits.max_occurrences:
                        self.too_many(parts[0])
                    if count % 1000 == 0:
                        self.in_time(parts[0])
            except CalendarError:
                raise
            except Exception as exc:
                self.cannot_expand(uid, parts[0], exc)
        if endless and through is not None:
            latest = max(latest, min(through, LAST_YEAR))
        for master in endless:
            summary = str(master.get("SUMMARY", "")).strip()
            shown = f"'{summary}'" if summary else f"UID {_uid(master)}"
            self.warnings.append(CalendarIssue(self.name, self.where[id(master)].line("RRULE"), 0,
                                               f"event {shown} recurs without an end; its meetings after "
                                               f"{latest} are not read", "warning"))
        return latest

    def expand(self, cal, events, recurring: set[str], first: date, last: date) -> list:
        """The occurrences that start from `first` to `last`. An event that does not recur is taken as it is;
        each recurring one (its master with its changed occurrences) is expanded a year at a time, the count
        and the time budget checked after each year, so no window is built that the limits do not allow."""
        found = []
        series = _series(events, recurring)
        limit = self.limits.max_occurrences
        for event in events:
            if _uid(event) not in recurring and first <= _when(event.decoded("DTSTART"))[0] <= last:
                found.append(event)
                if len(found) > limit:
                    self.too_many(event)
        if not series:
            return found
        if last.year - first.year + 1 > self.limits.max_years:
            block = self.where[id(next(iter(series.values()))[0])]
            raise refuse(self.name, f"{EXCEEDED} the recurring events would be expanded over {first.year}–"
                                    f"{last.year}; the limit is {self.limits.max_years} years: read a shorter "
                                    "window", block.line("RRULE"))
        for uid, parts in series.items():
            single = _alone(cal, parts)
            since = max(first, min(_when(e.decoded("DTSTART"))[0] for e in parts))
            query = None
            for year in range(since.year, last.year + 1):
                low, high = max(first, date(year, 1, 1)), min(last, date(year, 12, 31)) + timedelta(days=1)
                try:
                    query = query or recurring_ical_events.of(single)
                    occurrences = query.between(low, high)
                except Exception as exc:
                    self.cannot_expand(uid, parts[0], exc)
                for occurrence in occurrences:
                    if low <= _when(occurrence.decoded("DTSTART"))[0] < high:  # not one begun before
                        found.append(occurrence)
                if len(found) > limit:
                    self.too_many(parts[0])
                self.in_time(parts[0])
        return found

    def cannot_expand(self, uid: str, event, exc: Exception) -> NoReturn:
        """The library's own complaint about a series, pointed at the event's rule."""
        prop = "RRULE" if "RRULE" in event else "DTSTART"
        raise refuse(self.name, f"event {uid} cannot be expanded: {exc}", self.where[id(event)].line(prop)) from None

    def in_time(self, event) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise refuse(self.name, f"{EXCEEDED} expanding the recurring events took over "
                                    f"{self.limits.seconds:g} s", self.where[id(event)].line("RRULE"))

    def too_many(self, event) -> None:
        block = self.where[id(event)]
        raise refuse(self.name, f"{EXCEEDED} the calendar holds more than {self.limits.max_occurrences:,} "
                                "meetings in the window (recurrences counted); read a shorter window",
                     block.line("RRULE"))

    def meeting(self, event, uid: str, block: _Block, recurring: bool) -> Meeting | None:
        summary = str(event.get("SUMMARY", "")).strip()
        categories = _categories(event)
        body = self.body(summary, categories)
        if body is None:
            self.no_body(summary, uid, block)
            return None
        day, start = _when(event.decoded("DTSTART"))
        mid = uid
        if self.mapping is not None and self.mapping.bylaw and uid.endswith(f"@{self.mapping.bylaw}"):
            mid = uid[:-len(self.mapping.bylaw) - 1] or uid  # as ics_writer writes it: MEETING-ID@BYLAW-ID
        if recurring:
            original = event.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in event else event.decoded("DTSTART")
            mid = f"{uid}-{_when(original)[0]:%Y%m%d}"
        chair = None
        # A cancelled occurrence stays in the calendar as cancelled: it is listed, never counted.
        cancelled = self.cancels or str(event.get("STATUS", "")).strip().upper() == "CANCELLED"
        status: Literal["cancelled"] | None = "cancelled" if cancelled else None
        attendees: list[SeatRef] = []
        people: set[str] = set()  # who is listed, by e-mail or name: a person counts once, a seat line may repeat
        for attendee in _list(event.get("ATTENDEE")):
            params = getattr(attendee, "params", {})
            if str(params.get("CUTYPE", "")).upper() in ("ROOM", "RESOURCE"):
                continue
            seat = self.person(attendee, block, "ATTENDEE")
            if str(params.get("ROLE", "")).upper() == "CHAIR" and seat is not None:
                chair = seat
            if seat is None or str(params.get("PARTSTAT", "")).upper() == "DECLINED":
                continue
            who = (str(attendee).strip().lower() or str(params.get("CN", "")).strip()).casefold()
            if who not in people:
                people.add(who)
                attendees.append(seat)
        convened_by = None
        organizer = event.get("ORGANIZER")
        role = self.mapping.organizer if self.mapping else "convened_by"
        if organizer is not None and role != "ignore":
            seat = self.person(organizer, block, "ORGANIZER")
            if seat is not None and role == "chair":
                chair = chair or seat
            elif seat is not None:
                convened_by = str(seat)
        matters, notice, seats, minutes = self.description(str(event.get("DESCRIPTION", "")), block)
        chair = chair or (seats["chair"][0] if seats.get("chair") else None)
        # Places written out are those no address was invited to (ics_writer): each one more who takes part,
        # so a line of three ledamöter with one invited by address and two written out counts three.
        attendees += seats.get("seats", ())
        if convened_by is None and seats.get("convened by"):
            convened_by = str(seats["convened by"][0])
        return Meeting(mid, body, day, start, chair, convened_by, notice, tuple(attendees), matters,
                       Span(self.name, 0, 0, block.line("UID"), 1), status, minutes=minutes)

    def no_body(self, summary: str, uid: str, block: _Block) -> None:
        shown = f"'{summary}'" if summary else f"UID {uid}"
        where = f" in {Path(self.mapping.path).name}" if self.mapping else " (no mapping file)"
        self.warn(block.line("SUMMARY"), f"event {shown} maps to no body; it is left out. Add its summary "
                                         f"or category under bodies:{where}", f"body:{uid}")

    def body(self, summary: str, categories: tuple[str, ...]) -> str | None:
        if self.mapping is not None:
            return self.mapping.body_for(summary, categories)
        # Without a mapping file, a category that is a body id (or reads as one) names the body.
        return next((slugify(c) for c in categories if slugify(c) and is_slug(slugify(c))), None)

    def person(self, address, block: _Block, prop: str) -> SeatRef | None:
        params = getattr(address, "params", {})
        name = str(params.get("CN", "")).strip() or None
        email = str(address).strip()
        email = email[7:] if email.lower().startswith("mailto:") else email
        seat = self.mapping.seat_for(name, email) if self.mapping else None
        if seat is None:
            who = f"{name} <{email}>" if name else email
            where = f"under people: in {Path(self.mapping.path).name}" if self.mapping else "in a mapping file"
            self.warn(block.line(prop), f"{prop.lower()} {who} holds no known seat; add them {where}",
                      f"person:{(email or name or '').casefold()}")
        return seat

    def description(self, text: str, block: _Block) -> tuple[tuple[Matter, ...], date | None, dict, Minutes | None]:
        """Matter lines, a notice line, seat lines (chair, seats, convened by → their seat references) and
        minutes lines (justering, justerare, anslag) in an event's DESCRIPTION (the format in this module's
        doc)."""
        line = block.line("DESCRIPTION")
        matters: list[Matter] = []
        notice = None
        seats: dict[str, list[SeatRef]] = {}
        minutes: dict[str, object] = {}
        for number, raw in enumerate(_LINE_BREAK.split(text), 1):
            m = _MINUTES_LINE.match(raw)
            if m:
                self.minutes_line(m.group(1).lower(), m.group(2).strip(), minutes, line, number)
                continue
            m = _SEATS_LINE.match(raw)
            if m:
                key = m.group(1).lower().replace("_", " ")
                for ref in (r.strip() for r in m.group(2).split(",")):
                    seat = parse_seat_ref(ref) if ref else None
                    if seat is None:
                        self.err(line, f"DESCRIPTION line {number}: '{ref}' after '{key}:' is no seat reference "
                                       "(MEMBER/ROLE, or ROLE for a seat only one can hold)")
                    else:
                        seats.setdefault(key, []).append(seat)
                continue
            m = _NOTICE_LINE.match(raw)
            if m:
                try:
                    notice = date.fromisoformat(m.group(1).strip())
                except ValueError:
                    self.err(line, f"DESCRIPTION line {number}: notice date '{m.group(1).strip()}' is not an "
                                   "ISO date such as 2025-01-28")
                continue
            m = _MATTER_LINE.match(raw)
            if m:
                matter = self.matter(m.group(1).lower(), m.group(2), m.group(3), line, number)
                if matter is not None:
                    if any(x.id == matter.id for x in matters):
                        self.err(line, f"DESCRIPTION line {number}: matter '{matter.id}' appears twice")
                    else:
                        matters.append(matter)
        return tuple(matters), notice, seats, (Minutes(**minutes) if minutes else None)  # type: ignore[arg-type]

    def minutes_line(self, key: str, value: str, minutes: dict, line: int, number: int) -> None:
        """`justering: DATE`, `justerare: NAME, NAME` or `anslag: DATE` / `anslag: MEMBER DATE, …`."""
        def day(text: str) -> date | None:
            try:
                return date.fromisoformat(text)
            except ValueError:
                self.err(line, f"DESCRIPTION line {number}: {key} date '{text}' is not an ISO date such as "
                               "2025-01-28")
                return None

        if key == "justerare":
            minutes["justerare"] = tuple(x.strip() for x in value.split(",") if x.strip())
        elif key == "justering":
            minutes["justering"] = day(value)
        else:
            posted = []
            for part in (x.strip() for x in value.split(",") if x.strip()):
                member, _, when = part.rpartition(" ")
                if member and not is_slug(member.strip()):
                    self.err(line, f"DESCRIPTION line {number}: {id_problem('member id', member.strip())}")
                    continue
                found = day(when)
                if found is not None:
                    posted.append(Anslag(found, member.strip() or None))
            minutes["anslag"] = tuple(posted)

    def matter(self, action: str, outcome: str | None, rest: str, line: int, number: int) -> Matter | None:
        """One `ACTION[/OUTCOME]: ID [(TYPE)] [TITLE] [[MEMBERS]]` line, the `number`th of the description."""
        def err(message: str) -> None:
            self.err(line, f"DESCRIPTION line {number}: {message}")

        m = _MATTER_BODY.match(rest.strip())
        if not rest.strip() or m is None:
            err(f"'{action}:' needs a matter id, e.g. '{action}: upphandling-it Gemensam upphandling'")
            return None
        before = len(self.issues)
        if outcome is not None:
            outcome = outcome.lower()
            if outcome not in OUTCOMES:
                err(f"outcome '{outcome}' is not one of {' | '.join(OUTCOMES)}")
        mid, mtype = m.group("id"), (m.group("type") or "").strip() or None
        if mtype is not None and not is_slug(mtype):
            err(id_problem("matter type", mtype))
        members = tuple(x.strip() for x in (m.group("members") or "").split(",") if x.strip())
        for member in members:
            if not is_slug(member):
                err(id_problem("member id", member))
        if len(set(members)) != len(members):
            err(f"a member is listed twice in the participants of matter '{mid}'")
        if len(self.issues) > before:
            return None
        title = m.group("title").strip() or None
        return Matter(mid, title, mtype, action, outcome, members, Span(self.name, 0, 0, line, 1))


def _explain(event, prop: str | None, message: str) -> str:
    """icalendar's complaint about a property, plainer when it is a date that does not exist."""
    value = str(event.get(prop, "")) if prop else ""
    m = re.match(r"(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?\Z", value)
    if m:
        problem = impossible_date(*map(int, m.groups()))
        if problem:
            return f"{prop} {value}: the date does not exist ({problem})"
    return f"{prop or 'event'}: {message}"


def _series(events, recurring: set[str]) -> dict[str, list]:
    """Each recurring event's UID → its master and its changed occurrences, in file order."""
    series: dict[str, list] = {}
    for event in events:
        if _uid(event) in recurring:
            series.setdefault(_uid(event), []).append(event)
    return series


def _alone(cal, parts: list) -> icalendar.Calendar:
    """One series in a calendar of its own, with the file's time zones, for `recurring_ical_events`."""
    single = icalendar.Calendar()
    for component in (*cal.walk("VTIMEZONE"), *parts):
        single.add_component(component)
    return single


def _uid(event) -> str:
    return str(event.get("UID", "")).strip()


def _as_datetime(value) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone(LOCAL).replace(tzinfo=None)
    return datetime(value.year, value.month, value.day)


def _dates(event, prop: str) -> list:
    """The dates and date-times a property of the event holds (RDATE and EXDATE may hold lists)."""
    out = []
    for value in _list(event.get(prop)):
        dts = getattr(value, "dts", None)
        for item in (dts if dts is not None else [value]):
            dt = getattr(item, "dt", None)
            if isinstance(dt, tuple):  # an RDATE period: (start, end or duration)
                dt = dt[0]
            if isinstance(dt, (date, datetime)):
                out.append(dt)
    return out


def _list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _categories(event) -> tuple[str, ...]:
    out: list[str] = []
    for value in _list(event.get("CATEGORIES")):
        cats = getattr(value, "cats", None)
        out.extend(str(c) for c in (cats if cats is not None else str(value).split(",")))
    return tuple(c.strip() for c in out if str(c).strip())


def _when(value) -> tuple[date, datetime | None]:
    """A DTSTART value → (day, start) in Swedish wall-clock time; an all-day event has no start."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(LOCAL).replace(tzinfo=None)
        return value.date(), value
    return value, None
