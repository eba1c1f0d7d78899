"""unknown-member: every member the calendar names (roster, attendees, participants) is in the bylaw."""
from __future__ import annotations

from typing import Iterator

from ...model.types import SeatRef
from ...report.finding import Finding
from ..naming import hint, misnamed
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    bylaw, members = view.bylaw, view.members
    known = tuple(sorted(members))
    cite = view.cite_first(*bylaw.members, bylaw)
    for name, ref in ((p.name, p.seat) for p in view.calendar.roster):
        if ref.member is not None and ref.member not in members:
            close = hint(ref.member, known)
            yield view.finding(RULE, cite,
                               sv=f"förteckningen ger {name} platsen '{ref}', men '{ref.member}' är inte medlem "
                                  f"i {bylaw.id}{close.sv}",
                               en=f"the roster gives {name} the seat '{ref}', but '{ref.member}' is not a member "
                                  f"of {bylaw.id}{close.en}")
    for body in view.bodies.values():
        for listed, pairs in view.recorded(body.id).participating.items():
            strangers = [member for member in listed if member not in members]
            if not strangers:
                continue  # (the usual list: its matters are not worth a pass)
            for (meeting, matter), member in ((pair, member) for pair in pairs for member in strangers):
                close = hint(member, known)
                yield view.finding(RULE, cite, meeting=meeting, matter=matter.id,
                                   sv=f"deltagaren '{member}' i '{matter.id}' är inte medlem i {bylaw.id}{close.sv}",
                                   en=f"participant '{member}' of '{matter.id}' is not a member of "
                                      f"{bylaw.id}{close.en}")
    said: dict[SeatRef, str] = {}  # the same wrong name recurs meeting after meeting: said once per run
    for wrong in misnamed(view):
        if wrong.seated.problem == "unknown-member":
            ref = wrong.seated.ref
            if ref not in said:
                close = hint(str(ref.member), known)
                said[ref] = Text(sv=f"'{ref}' anger '{ref.member}', som inte är medlem i {bylaw.id}{close.sv}",
                                 en=f"'{ref}' names '{ref.member}', which is not a member of {bylaw.id}{close.en}"
                                 )(view.lang)
            yield view.finding(RULE, cite, meeting=wrong.meeting, message=said[ref])


_BYLAW = 'body radet "Rådet"\n  seat kso "KSO" from each municipality\n'

RULE = Rule(
    id="unknown-member",
    summary=Text(sv="Varje medlem som kalendern nämner finns i avtalet.",
                 en="Every member the calendar names is a member of the bylaw."),
    why=Text(sv="Förteckningen, de närvarande och deltagarna i ärenden får bara nämna avtalets `member`.",
             en="The roster, the attendees and the matters' participants may only name the bylaw's `member`s."),
    severity="error",
    basis=Basis("agreement", 'member ID "NAME" KIND CODE'),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [delta/kso]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/kso]}\n"),),
    fix=Text(sv="Skriv medlemmens id som i avtalet.", en="Write the member's id as the bylaw does."),
    check=check,
)
