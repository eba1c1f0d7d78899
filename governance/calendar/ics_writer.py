"""Writing a calendar as iCalendar (.ics) with the mapping file that `ics_reader` needs to read it back.

One all-day event per meeting: UID the meeting id, SUMMARY the body's name, CATEGORIES its id, an
ATTENDEE per seat (ROLE=CHAIR for the chair), ORGANIZER the convener, and the notice date and matters
as DESCRIPTION lines in the reader's format. A planned calendar names seats, not people: each seat is
an attendee whose name (CN) is the seat reference and whose address is a placeholder under `.invalid`
(a domain that never exists), for the secretariat to replace with the people once invitations go out.
The mapping file maps each body's id and each seat reference to itself.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import icalendar
import yaml

from ..model.types import Bylaw
from .model import Calendar, Meeting

PRODID = "-//governance//plan//SV"


def placeholder(name: str) -> str:
    """A placeholder address for a seat or an office: `halmstad.kso@seats.invalid`."""
    return "mailto:" + name.replace("/", ".") + "@seats.invalid"


def to_ics(calendar: Calendar, bylaw: Bylaw, stamp: datetime) -> str:
    """The calendar as .ics text; `stamp` (UTC) is every event's DTSTAMP, when the file was made: given,
    not read from the clock, so that the same plan gives the same file."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{bylaw.title} ({bylaw.id})")
    names = {b.id: b.name for b in bylaw.bodies}
    for m in calendar.meetings:
        event = _event(m, names.get(m.body, m.body))
        event.add("dtstamp", stamp)
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def _event(m: Meeting, title: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", m.id)
    event.add("summary", title)
    event.add("categories", [m.body])
    event.add("dtstart", m.start or m.date)
    if m.start is None:
        event.add("dtend", m.date + timedelta(days=1))
    seats = list(m.attendees)
    if m.chair is not None and m.chair not in seats:
        seats.insert(0, m.chair)
    for seat in seats:
        role = "CHAIR" if seat == m.chair else "REQ-PARTICIPANT"
        event.add("attendee", placeholder(str(seat)), parameters={"CN": str(seat), "ROLE": role})
    if m.convened_by is not None:
        event.add("organizer", placeholder(m.convened_by), parameters={"CN": m.convened_by})
    lines = [f"notice: {m.notice_date.isoformat()}"] if m.notice_date else []
    for x in m.matters:
        head = x.action + (f"/{x.outcome}" if x.outcome else "")
        text = f"{head}: {x.id}" + (f" ({x.type})" if x.type else "") + (f" {x.title}" if x.title else "")
        lines.append(text + (f" [{', '.join(x.participants)}]" if x.participants else ""))
    if lines:
        event.add("description", "\n".join(lines))
    return event


def mapping_for(calendar: Calendar) -> str:
    """The mapping file (YAML) under which `ics_reader` reads `to_ics`'s output back."""
    people: dict[str, str] = {}
    for m in calendar.meetings:
        for seat in (*m.attendees, m.chair):
            if seat is not None:
                people[str(seat)] = str(seat)
        if m.convened_by is not None:
            people.setdefault(m.convened_by, m.convened_by)
    data = {"bylaw": calendar.bylaw, "bodies": {b: b for b in sorted({m.body for m in calendar.meetings})},
            "organizer": "convened_by", "people": people}
    if data["bylaw"] is None:
        del data["bylaw"]
    head = ("# How the planned .ics beside this file maps onto the bylaw: each event's category is a body id,\n"
            "# each attendee's name a seat. Replace the names with people as invitations go out.\n")
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)

