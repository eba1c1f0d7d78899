"""secretary: the one who keeps the minutes is among the attendees.

When the body has a secretary (governance.graph.queries.who_keeps_minutes) and the meeting lists its
attendees, the secretary's seat or office must be among them; a secretary who is `chair` is present
whenever the meeting names its chair.
"""
from __future__ import annotations

from typing import Iterator

from ...graph.queries import who_keeps_minutes
from ...report.finding import Finding
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        parties = who_keeps_minutes(view.bylaw, body.id) if body.meetings else ()
        if not parties:
            continue
        party = parties[0]
        if party.ref == "chair":
            absent = [m for m in body.meetings if m.attendees and m.chair is None]
        else:
            names = view.bylaw_memo(("secretary-names", body.id), party.names)
            keeping = {ref for ref in body.attendee_refs() if str(ref) in names}  # who may keep the minutes
            absent = [m for m, _ in body.where_attendees(  # each distinct list looked through once
                lambda attendees: None if not attendees or not keeping.isdisjoint(attendees) else True)]
        for meeting in absent:
            yield view.finding(RULE, view.stamp(party.citation), meeting=meeting,
                               sv=f"sekreteraren ({party.ref}) är inte bland de närvarande vid '{meeting.id}'; "
                                  "ingen för protokollet",
                               en=f"the secretary ({party.ref}) is not among the attendees of '{meeting.id}'; "
                                  "nobody keeps the minutes")


_BYLAW = '''\
body kansliet "Kansliet" office

body radet "Rådet"
  seat kso "KSO" from each municipality
  secretary kansliet
'''

RULE = Rule(
    id="secretary",
    summary=Text(sv="Den som för protokollet är närvarande vid sammanträdet.",
                 en="The one who keeps the minutes attends the meeting."),
    why=Text(sv="`secretary …` anger vem som för protokollet; utan sekreterare förs inget protokoll. Bedöms när "
                "sammanträdet anger de närvarande.",
             en="`secretary …` names who keeps the minutes; without them no minutes are kept. Judged when the "
                "meeting lists its attendees."),
    severity="error",
    basis=Basis("agreement", "secretary SEAT"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/kso, beta/kso]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, "
                                           "attendees: [alfa/kso, beta/kso, kansliet]}\n"),),
    fix=Text(sv="Ange sekreteraren bland de närvarande, eller se till att hen deltar.",
             en="List the secretary among the attendees, or have them attend."),
    check=check,
)
