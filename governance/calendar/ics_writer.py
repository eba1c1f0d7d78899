"""Writing a calendar as iCalendar (.ics) with the mapping file that `ics_reader` needs to read it back.

One event per meeting: UID the meeting id and the bylaw's (`direktionen-2027-1@vattenforbundet`: UIDs are
global, and a calendar program takes an event with a UID it holds for a change of that event, so two
collaborations' `direktionen-2027-1` must not share one; `ics_reader` reads the meeting id back), SUMMARY the body's name, CATEGORIES its id, DTSTART its time of
day (Swedish wall-clock time, written in UTC: every calendar program shows it in its user's zone, and no
VTIMEZONE with a limited range of years is needed) and DTEND `length` later (an all-day event only for a
meeting without a time). People are invited only when their address is known: `people` (a
mapping file's `people:`, whose keys may be `Name <e-mail>`) gives each seat its persons, and each is an
ATTENDEE for one of the seat's places (CN the name, mailto: the address; ROLE=CHAIR for the chair) and the
convener the ORGANIZER.
A seat with no known address is no attendee — no made-up address pretends to be a person — but is
written in the event's DESCRIPTION, in lines that people read and `ics_reader` reads back:

    chair: halmstad/kso
    seats: laholm/kso, hylte/kso
    convened by: sekretariatet
    notice: 2026-01-20
    justering: 2026-02-03
    anslag: vara 2026-02-04, grastorp 2026-02-04

followed by matter lines. The mapping file written beside maps each body id to itself and each invited
person (`Name <e-mail>`) to the seat, so that `check` reads the .ics back as the same meetings.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import yaml

from ..lang import Lang
from ..model.types import Bylaw, SeatRef
from .mapping import Contact, Mapping
from .model import Calendar, Meeting

PRODID = "-//governance//plan//SV"
LOCAL = ZoneInfo("Europe/Stockholm")
DEFAULT_LENGTH = timedelta(hours=2)


def to_ics(calendar: Calendar, bylaw: Bylaw, stamp: datetime, people: Mapping | None = None,
           length: timedelta = DEFAULT_LENGTH) -> str:
    """The calendar as .ics text; `stamp` (UTC) is every event's DTSTAMP, when the file was made: given,
    not read from the clock, so that the same plan gives the same file."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{bylaw.title} ({bylaw.id})")
    names = {b.id: b.name for b in bylaw.bodies}
    contacts = contacts_of(people)
    for m in calendar.meetings:
        event = _event(m, f"{m.id}@{bylaw.id}", names.get(m.body, m.body), contacts, length)
        event.add("dtstamp", stamp)
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def contacts_of(people: Mapping | None) -> dict[str, list[Contact]]:
    """Seat (as written) → the persons `people` gives it with an e-mail address, in file order (a seat line
    of three ledamöter has three)."""
    out: dict[str, list[Contact]] = {}
    for contact in people.contacts() if people is not None else ():
        if contact.email:
            out.setdefault(str(contact.seat), []).append(contact)
    return out


def _holders(seats: list[SeatRef], contacts: dict[str, list[Contact]]) -> list[tuple[SeatRef, Contact | None]]:
    """Each place of `seats` with its person: a seat line listed three times is held by its first three
    persons with an address, in order; a place beyond them (or with none) has None."""
    used: dict[str, int] = {}
    out: list[tuple[SeatRef, Contact | None]] = []
    for seat in seats:
        persons = contacts.get(str(seat), [])
        k = used.get(str(seat), 0)
        used[str(seat)] = k + 1
        out.append((seat, persons[k] if k < len(persons) else None))
    return out


def _seats(m: Meeting, contacts: dict[str, list[Contact]]) -> list[SeatRef]:
    """The places of a meeting's event: its attendees, and first its chair when not among them but known."""
    seats = list(m.attendees)
    if m.chair is not None and m.chair not in seats and str(m.chair) in contacts:
        seats.insert(0, m.chair)
    return seats


def _event(m: Meeting, uid: str, title: str, contacts: dict[str, list[Contact]], length: timedelta
           ) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("summary", title)
    event.add("categories", [m.body])
    if m.start is not None:
        start = m.start.replace(tzinfo=LOCAL).astimezone(timezone.utc)
        event.add("dtstart", start)
        event.add("dtend", start + length)
    else:
        event.add("dtstart", m.date)
        event.add("dtend", m.date + timedelta(days=1))
    seats = _seats(m, contacts)
    lines: list[str] = []
    unknown: list[SeatRef] = []
    chaired = False
    for seat, contact in _holders(seats, contacts):
        if contact is None:
            unknown.append(seat)
            continue
        role = "CHAIR" if seat == m.chair and not chaired else "REQ-PARTICIPANT"
        chaired = chaired or role == "CHAIR"
        params = {"CUTYPE": "INDIVIDUAL", "ROLE": role, "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
        if contact.name:
            params["CN"] = contact.name
        event.add("attendee", f"mailto:{contact.email}", parameters=params)
    if m.chair is not None and str(m.chair) not in contacts:
        lines.append(f"chair: {m.chair}")
    if unknown:
        lines.append("seats: " + ", ".join(str(s) for s in unknown))
    if m.convened_by is not None:
        contact = contacts[m.convened_by][0] if m.convened_by in contacts else None
        if contact is not None:
            params = {"CN": contact.name} if contact.name else {}
            event.add("organizer", f"mailto:{contact.email}", parameters=params)
        else:
            lines.append(f"convened by: {m.convened_by}")
    if m.notice_date:
        lines.append(f"notice: {m.notice_date.isoformat()}")
    if m.minutes is not None:  # the protokoll travels too: a calendar read back is judged on the same minutes
        if m.minutes.justering is not None:
            lines.append(f"justering: {m.minutes.justering.isoformat()}")
        if m.minutes.justerare:
            lines.append("justerare: " + ", ".join(m.minutes.justerare))
        if m.minutes.anslag:
            lines.append("anslag: " + ", ".join(f"{a.member} {a.date.isoformat()}" if a.member else a.date.isoformat()
                                                for a in m.minutes.anslag))
    for x in m.matters:
        head = x.action + (f"/{x.outcome}" if x.outcome else "")
        text = f"{head}: {x.id}" + (f" ({x.type})" if x.type else "") + (f" {x.title}" if x.title else "")
        lines.append(text + (f" [{', '.join(x.participants)}]" if x.participants else ""))
    if lines:
        event.add("description", "\n".join(lines))
    return event


def mapping_for(calendar: Calendar, people: Mapping | None = None, lang: Lang = "sv") -> str:
    """The mapping file (YAML) under which `ics_reader` reads `to_ics`'s output back: every body id to
    itself, every invited person to their seat; its head comment in `lang`."""
    contacts = contacts_of(people)
    used: dict[str, str] = {}
    for m in calendar.meetings:
        for seat, contact in _holders(_seats(m, contacts), contacts):
            if contact is not None:
                used[contact.key] = str(seat)
        if m.convened_by in contacts:
            used[contacts[m.convened_by][0].key] = m.convened_by
    data: dict = {"bylaw": calendar.bylaw,
                  "bodies": {b: b for b in sorted({m.body for m in calendar.meetings})},
                  "organizer": "convened_by"}
    if used:
        data["people"] = dict(sorted(used.items(), key=lambda kv: (kv[1], kv[0])))
    if data["bylaw"] is None:
        del data["bylaw"]
    return HEAD[lang] + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


HEAD = {"sv": ("# Hur .ics-filen bredvid den här filen hör ihop med avtalet: varje händelses kategori är ett organs\n"
               "# id, varje inbjuden person (Namn <e-post>) har en plats. Platser utan e-postadress står i\n"
               "# händelsens beskrivning (chair:, seats:) i stället för att hittas på som deltagare.\n"),
        "en": ("# How the planned .ics beside this file maps onto the bylaw: each event's category is a body id,\n"
               "# each invited person (Name <e-mail>) a seat. Seats without an address are written in each\n"
               "# event's description (chair:, seats:), not invented as attendees.\n")}
