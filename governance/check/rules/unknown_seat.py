"""unknown-seat: every attendee and chair holds a seat in the body that meets."""
from __future__ import annotations

from typing import Iterator

from ...model.types import Body, SeatDecl, SeatRef
from ...report.finding import Citation, Finding
from ..naming import hint, misnamed
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView, Seated


def check(view: CalendarView) -> Iterator[Finding]:
    # The same wrong name recurs meeting after meeting: each body's citation, and what is said of each
    # name there, made once per run.
    cites: dict[str, Citation] = {}
    said: dict[tuple[str, SeatRef], str] = {}
    for wrong in misnamed(view):
        seated, body = wrong.seated, wrong.body.body
        if seated.problem not in ("unknown-seat", "ambiguous"):
            continue
        if body.id not in cites:
            cites[body.id] = view.cite_first(*body.of(SeatDecl), body)
        if (body.id, seated.ref) not in said:
            said[body.id, seated.ref] = _why(view, body, seated)(view.lang)
        yield view.finding(RULE, cites[body.id], meeting=wrong.meeting, message=said[body.id, seated.ref])


def _why(view: CalendarView, body: Body, seated: Seated) -> Text:
    name, role = str(seated.ref), seated.ref.role
    if seated.problem == "ambiguous":
        return Text(sv=f"'{name}' anger ingen enskild plats i {body.id}: flera medlemmar har en '{role}'-plats; "
                       f"skriv MEDLEM/{role}",
                    en=f"'{name}' names no single seat in {body.id}: several members hold a '{role}' seat; "
                       f"write MEMBER/{role}")
    close = hint(name, _seat_names(view, body))
    return Text(sv=f"'{name}' har ingen plats i {body.id}{close.sv}", en=f"'{name}' holds no seat in {body.id}{close.en}")


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
