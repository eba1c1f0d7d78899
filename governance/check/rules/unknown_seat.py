"""unknown-seat: every attendee and chair holds a seat in the body that meets."""
from __future__ import annotations

from typing import Iterator

from ...model.types import Body, SeatDecl
from ...report.finding import Finding
from ..naming import hint, misnamed
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    said: dict[str, tuple] = {}  # body id → its seats' citation and names, made once per run
    for wrong in misnamed(view):
        seated, body = wrong.seated, wrong.body.body
        if seated.problem not in ("unknown-seat", "ambiguous"):
            continue
        if body.id not in said:
            said[body.id] = (view.cite_first(*body.of(SeatDecl), body), _seat_names(view, body))
        cite, seats = said[body.id]
        name, role = str(seated.ref), seated.ref.role
        if seated.problem == "ambiguous":
            yield view.finding(RULE, cite, meeting=wrong.meeting,
                               sv=f"'{name}' anger ingen enskild plats i {body.id}: flera medlemmar har en "
                                  f"'{role}'-plats; skriv MEDLEM/{role}",
                               en=f"'{name}' names no single seat in {body.id}: several members hold a "
                                  f"'{role}' seat; write MEMBER/{role}")
            continue
        close = hint(name, seats)
        yield view.finding(RULE, cite, meeting=wrong.meeting,
                           sv=f"'{name}' har ingen plats i {body.id}{close.sv}",
                           en=f"'{name}' holds no seat in {body.id}{close.en}")


def _seat_names(view: CalendarView, body: Body) -> tuple[str, ...]:
    """The body's seats as a calendar names them, sorted (kept with the bylaw: they depend on it alone)."""
    return view.bylaw_memo(("seat-names", body.id), lambda: tuple(sorted(str(s.ref) for s in body.seats)))


_BYLAW = 'body radet "Rådet"\n  seat kso "KSO" from each municipality\n'

RULE = Rule(
    id="unknown-seat",
    summary=Text(sv="Varje närvarande och ordförande har en plats i organet som sammanträder.",
                 en="Every attendee and chair holds a seat in the body that meets."),
    why=Text(sv="Organets `seat`-rader anger vilka som sitter i det. MEDLEM/ROLL anger en medlems plats, ROLL "
                "ensamt en plats som bara en kan ha; kansliet som betjänar organet får närvara som sig självt.",
             en="The body's `seat` lines say who sits in it. MEMBER/ROLE names a member's seat, ROLE alone a "
                "seat only one can hold; the office serving the body may attend as itself."),
    severity="error",
    basis=Basis("agreement", 'seat ROLE "TITLE" from …'),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/ksx]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/kso]}\n"),),
    fix=Text(sv="Skriv platsen som avtalet gör, MEDLEM/ROLL.", en="Write the seat as the bylaw does, MEMBER/ROLE."),
    check=check,
)
