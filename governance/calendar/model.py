"""A meeting calendar as frozen data: what `calendar/yaml_reader.py` and `calendar/ics_reader.py` produce
and every check reads. Seat references stay as written (`SeatRef`); the checks resolve them."""
from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt

from ..model.types import SeatRef
from ..span import NO_SPAN, Span
from .errors import CalendarIssue

ACTIONS = ("prepare", "propose", "decide", "inform")
OUTCOMES = ("consensus", "objection", "majority")


@dataclass(frozen=True, slots=True)
class Matter:
    id: str
    title: str | None = None
    type: str | None = None
    action: str = "decide"
    outcome: str | None = None
    participants: tuple[str, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    body: str
    date: dt.date  # (dt.: a field named `date` hides the type inside the class)
    start: dt.datetime | None = None  # when the calendar gave a time of day
    chair: SeatRef | None = None
    convened_by: str | None = None
    notice_date: dt.date | None = None
    attendees: tuple[SeatRef, ...] = ()
    matters: tuple[Matter, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)

    @property
    def year(self) -> int:
        return self.date.year


@dataclass(frozen=True, slots=True)
class Calendar:
    path: str
    bylaw: str | None = None
    roster: tuple[tuple[str, SeatRef], ...] = ()  # person's name → the seat they hold
    meetings: tuple[Meeting, ...] = ()
    # What a reader could not place but did not refuse (an .ics event that maps to no body, an attendee
    # not in the mapping): warnings with file:line, for the report to show. Never part of equality.
    unmapped: tuple[CalendarIssue, ...] = field(default=(), compare=False)
