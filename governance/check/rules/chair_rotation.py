"""chair-rotation: the meeting is chaired by the seat the bylaw gives the chair that year. A wrong chair
while the year's chair was there is said so, naming whose year it is and who of that seat attended."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..chairing import chair_named, present_on, who, who_chairs, why, wrong_chairs
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for wrong in wrong_chairs(view):
        if wrong.kind != "wrong-chair":
            continue
        meeting, want = wrong.meeting, wrong.want
        en = view.english
        should, because = who(want, en), why(want, wrong.year, en)
        there = present_on(meeting, want)  # the year's chair was there: said, with who of that seat came
        also = "" if there is None else f", and {want.ref} attended{there}" if en else \
            f", och {want.ref} var närvarande{there}"
        yield view.finding(RULE, view.cite(want.clause or view.bylaw), meeting=meeting,
                           fix=who_chairs(view, wrong),
                           message=f"{chair_named(meeting)} chaired '{meeting.id}', but the chair is {should} "
                                   f"({because}){also}" if en else
                                   f"{chair_named(meeting)} var ordförande vid '{meeting.id}', men ordförande är "
                                   f"{should} ({because}){also}")


_BYLAW = '''\
body radet "Rådet"
  seat kso "KSO" from each municipality
  chair kso rotating among alfa, beta every 1 year from 2025
'''

RULE = Rule(
    id="chair-rotation",
    summary=Text(sv="Den som avtalet utser är ordförande vid sammanträdet.",
                 en="The meeting is chaired by the seat the bylaw names for that year."),
    why=Text(sv="`chair …` anger ordföranden: en fast plats, någon av en roll (`one of`), eller den medlem vars "
                "tur det är i en rotation (per kalenderår). År som avtalet inte säger något om bedöms inte.",
             en="`chair …` names the chair: a fixed seat, any holder of a role (`one of`), or the member whose "
                "turn it is in a rotation (by calendar year). Years the bylaw says nothing about are not judged."),
    severity="error",
    basis=Basis("agreement", "chair ROLE rotating among …"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, chair: beta/kso}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, chair: alfa/kso}\n"),),
    fix=Text(sv="Låt den som har turen leda sammanträdet (se `governance chairs`).",
             en="Let the one whose turn it is chair (see `governance chairs`)."),
    check=check,
)
