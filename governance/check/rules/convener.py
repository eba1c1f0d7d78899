"""convener: each meeting is called by one who convenes the body.

`convened_by` must name one the bylaw lets convene the body (governance.graph.queries.who_convenes: its
`convener` clause — a seat, an office, or `chair`, meaning whoever chairs that meeting or holds the chair
that year — or an office that `convenes` it). Not judged when the calendar does not say who convened.
"""
from __future__ import annotations

from typing import Iterator

from ...calendar.model import Meeting
from ...graph.queries import Party, who_convenes
from ...model.types import SeatRef
from ...report.finding import Finding
from ...time.rotation import chair_for
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        parties = who_convenes(view.bylaw, body.id) if body.meetings else ()
        if not parties:
            continue
        named = frozenset().union(*(p.names() for p in parties if p.ref != "chair"))
        for meeting in body.meetings:
            given = meeting.convened_by
            if given is None or given in named or _chairs(view, parties, meeting, given):
                continue
            allowed = " or ".join(f"the chair ({meeting.chair})" if p.ref == "chair" and meeting.chair else p.ref
                                  for p in parties)
            allowed_sv = " eller ".join(f"ordföranden ({meeting.chair})" if p.ref == "chair" and meeting.chair
                                        else ("ordföranden" if p.ref == "chair" else p.ref) for p in parties)
            yield view.finding(RULE, view.stamp(parties[0].citation), meeting=meeting,
                               sv=f"'{meeting.id}' kallades av '{given}', men {body.id} kallas av {allowed_sv}",
                               en=f"'{meeting.id}' was convened by '{given}', but {body.id} is convened by {allowed}")


def _chairs(view: CalendarView, parties: tuple[Party, ...], meeting: Meeting, given: str) -> bool:
    """The chair convenes, and `given` is the one chairing this meeting (or, when the calendar does not
    say who chaired, one who may chair that year)."""
    if not any(p.ref == "chair" for p in parties):
        return False
    if given == "chair":
        return True
    if meeting.chair is not None:
        return given == str(meeting.chair)
    member, _, role = given.rpartition("/")
    chair = chair_for(view.bylaw, meeting.body, meeting.date.year).chair
    return bool(chair.admits(SeatRef(member or None, role)))


_BYLAW = '''\
body kansliet "Kansliet" office
  convenes radet

body radet "Rådet"
'''

RULE = Rule(
    id="convener",
    summary=Text(sv="Sammanträdet kallas av den som enligt avtalet kallar organet.",
                 en="The meeting is called by one the bylaw lets convene the body."),
    why=Text(sv="`convener …` eller ett kansli som `convenes` organet. `chair` betyder den som leder "
                "sammanträdet. Bedöms när kalendern anger `convened_by`.",
             en="`convener …` or an office that `convenes` the body. `chair` means whoever chairs the "
                "meeting. Judged when the calendar gives `convened_by`."),
    severity="error",
    basis=Basis("agreement", "convener SEAT | convenes BODY"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, convened_by: alfa/kso}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, convened_by: kansliet}\n"),),
    fix=Text(sv="Låt den som avtalet anger kalla.", en="Have the one the bylaw names call the meeting."),
    check=check,
)
