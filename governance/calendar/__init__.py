"""Meeting calendars: YAML (DESIGN.md) and iCalendar (.ics), read into a frozen `Calendar`.

`read(path)` picks the reader by the file's suffix; every problem with the file is raised as one
`CalendarError` listing each issue as `file:line: error: message`.
"""
from __future__ import annotations

from pathlib import Path

from ..limits import DEFAULT, Limits
from .errors import CalendarError, CalendarIssue
from .model import (ACTIONS, OUTCOMES, STATUSES, Anslag, Calendar, Matter, Meeting, Minutes, Person, Presence,
                    Vote)
from .refs import parse_seat_ref
from .yaml_reader import parse_calendar, read_calendar

__all__ = ["ACTIONS", "OUTCOMES", "STATUSES", "Anslag", "Calendar", "CalendarError", "CalendarIssue", "Matter",
           "Meeting", "Minutes", "Person", "Presence", "Vote", "parse_calendar", "parse_seat_ref", "read",
           "read_calendar"]

YAML_SUFFIXES = (".yaml", ".yml")
ICS_SUFFIXES = (".ics", ".ical", ".ifb", ".icalendar")


def read(path: str | Path, mapping: str | Path | None = None, limits: Limits = DEFAULT,
         through: int | None = None) -> Calendar:
    """Read a calendar file: YAML by default, iCalendar for .ics (with an optional mapping file).
    `limits` bounds the work one file may cause (size, meetings, years expanded, seconds: governance.limits).
    `through`: the last year to be checked, to which an .ics event that recurs without end is read.
    Raises `CalendarError` listing every problem with the file (each at file:line; `text("sv")` in Swedish),
    never another error for what the file holds."""
    suffix = Path(path).suffix.lower()
    if suffix in ICS_SUFFIXES:
        from .ics_reader import read_ics
        return read_ics(path, mapping, limits=limits, through=through)
    if mapping is not None:
        raise CalendarError([CalendarIssue(str(mapping), 1, 0, "a mapping file is only used with .ics calendars")])
    return read_calendar(path, limits=limits)
