"""seats: no more persons served on a seat line than it has places (three ledamöter per member: three),
and no one served on a day outside the period the roster gives them (their own, or the roster file's
mandate period)."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..people import declaration, lines
from ..rule import Basis, Example, Rule, Text
from ..view import BodyView, CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        yield from _out_of_period(view, body)
        for line in lines(view, body):
            if len(line.ledamot) <= line.places:
                continue
            named = [p.person for p in line.ledamot if p.person]
            names = ", ".join(named)
            some = len(named) < len(line.ledamot)  # the others are anonymous holders: these are among them
            named_sv = f" ({'bland dem ' if some else ''}{names})" if named else ""
            named_en = f" ({'among them ' if some else ''}{names})" if named else ""
            meeting = line.meeting
            yield view.finding(RULE, view.cite_first(declaration(body, line.role)), meeting=meeting,
                               sv=f"{len(line.ledamot)} ledamöter tjänstgjorde på {line.ref} vid '{meeting.id}'"
                                  f"{named_sv}, men platsen har {line.places}",
                               en=f"{len(line.ledamot)} ledamöter served on {line.ref} at '{meeting.id}'{named_en}, "
                                  f"but the seat line has {line.places}")


def _out_of_period(view: CalendarView, body: BodyView) -> Iterator[Finding]:
    """A person of the roster who served on a day outside the period the roster gives them (their own
    `from`/`until`, or the roster file's mandate period): they held no seat that day."""
    held = view.once("people.roster", lambda: {p.name: p for p in view.calendar.roster})
    for meeting in view.recorded(body.id).crowded:
        for p in meeting.present:
            person = held.get(p.person or "")
            if person is None or not p.serving or person.holds_on(meeting.date):
                continue
            since = f"{person.start}" if person.start else ""
            until = f"{person.end}" if person.end else ""
            yield view.finding(RULE, view.cite_first(declaration(body, p.seat.role)), meeting=meeting,
                               sv=f"{person.name} tjänstgjorde på {p.seat} vid '{meeting.id}' ({meeting.date}), men "
                                  f"förteckningen ger {person.name} platsen bara {since}–{until}",
                               en=f"{person.name} served on {p.seat} at '{meeting.id}' ({meeting.date}), but the "
                                  f"roster gives {person.name} the seat only {since}–{until}")


_BYLAW = 'body direktionen "Direktionen"\n  seat ledamot "Ledamot" 2 from each municipality\n'

RULE = Rule(
    id="seats",
    summary=Text(sv="Fler personer tjänstgör inte på en plats än den har, och ingen tjänstgör utanför sin period.",
                 en="No more persons serve on a seat line than it has places, and no one outside their period."),
    why=Text(sv="`seat ROLE N from each member` ger varje medlem N platser; fler närvarande ledamöter på samma "
                "plats är ett fel i kalendern eller i protokollet. Den som tjänstgör en dag utanför perioden "
                "förteckningen ger (egen `from`/`until` eller förteckningsfilens `period`) hade ingen plats den dagen.",
             en="`seat ROLE N from each member` gives each member N places; more ledamöter serving on the same "
                "line is a mistake in the calendar or the minutes. Whoever serves on a day outside the period the "
                "roster gives them (their own `from`/`until`, or the roster file's `period`) held no seat that day."),
    severity="error",
    basis=Basis("agreement", "seat ROLE N from each member"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: d1, body: direktionen, date: 2025-03-10, "
                                          "attendees: [3 × alfa/ledamot]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: d1, body: direktionen, date: 2025-03-10, "
                                           "attendees: [2 × alfa/ledamot]}\n"),),
    fix=Text(sv="Rätta närvarolistan: den som inte är ledamot på platsen är ersättare eller åhörare.",
             en="Correct the attendance: whoever is not a ledamot of the line is an ersättare or a listener."),
    check=check,
)
