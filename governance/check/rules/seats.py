"""seats: no more persons served on a seat line than it has places (three ledamöter per member: three)."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..people import declaration, lines
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        for line in lines(view, body):
            if len(line.ledamot) <= line.places:
                continue
            names = [p.person for p in line.ledamot if p.person]
            named = f" ({', '.join(names)})" if names else ""
            meeting = line.meeting
            yield view.finding(RULE, view.cite_first(declaration(body, line.role)), meeting=meeting,
                               sv=f"{len(line.ledamot)} ledamöter tjänstgjorde på {line.ref} vid '{meeting.id}'"
                                  f"{named}, men platsen har {line.places}",
                               en=f"{len(line.ledamot)} ledamöter served on {line.ref} at '{meeting.id}'{named}, "
                                  f"but the seat line has {line.places}")


_BYLAW = 'body direktionen "Direktionen"\n  seat ledamot "Ledamot" 2 from each municipality\n'

RULE = Rule(
    id="seats",
    summary=Text(sv="Fler personer tjänstgör inte på en plats än den har.",
                 en="No more persons serve on a seat line than it has places."),
    why=Text(sv="`seat ROLE N from each member` ger varje medlem N platser; fler närvarande ledamöter på samma "
                "plats är ett fel i kalendern eller i protokollet.",
             en="`seat ROLE N from each member` gives each member N places; more ledamöter serving on the same "
                "line is a mistake in the calendar or the minutes."),
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
