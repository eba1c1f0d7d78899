"""vice-chair: the vice chair chairs only in the chair's absence, and is the one who does then."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..chairing import who, who_chairs, why, wrong_chairs
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for wrong in wrong_chairs(view):
        meeting, want, vice, year, given = wrong.meeting, wrong.want, wrong.vice, wrong.year, wrong.given
        en = view.english
        if wrong.kind == "vice-present":
            chair, because = who(want, en), why(want, year, en)
            seen = ("attended" if en else "var närvarande") if meeting.attendees else \
                ("is not recorded as absent" if en else "är inte antecknad som frånvarande")
            yield view.finding(RULE, view.cite(vice.clause or view.bylaw), meeting=meeting,
                               fix=who_chairs(view, wrong),
                               message=f"'{given}' chaired '{meeting.id}' as vice chair, but the chair ({chair}: "
                                       f"{because}) {seen}" if en else
                                       f"'{given}' var ordförande vid '{meeting.id}' som vice ordförande, men "
                                       f"ordföranden ({chair}: {because}) {seen}")
        elif wrong.kind == "vice-skipped":
            chair, stand_in, because = who(want, en), who(vice, en), why(vice, year, en)
            yield view.finding(RULE, view.cite(vice.clause or view.bylaw), meeting=meeting,
                               fix=who_chairs(view, wrong),
                               message=f"'{given}' chaired '{meeting.id}'; with the chair ({chair}) absent, the vice "
                                       f"chair ({stand_in}: {because}) should have" if en else
                                       f"'{given}' var ordförande vid '{meeting.id}'; när ordföranden ({chair}) "
                                       f"var frånvarande skulle vice ordföranden ({stand_in}: {because}) ha varit det")


_BYLAW = '''\
body radet "Rådet"
  seat kso "KSO" from each municipality
  chair kso rotating among alfa, beta every 1 year from 2025
  vice chair kso next in rotation
'''

RULE = Rule(
    id="vice-chair",
    summary=Text(sv="Vice ordföranden leder bara när ordföranden är frånvarande, och är då den som leder.",
                 en="The vice chair chairs only in the chair's absence, and is the one who chairs then."),
    why=Text(sv="`vice chair …` anger vem som ersätter ordföranden. Frånvaro syns bara när sammanträdet anger "
                "de närvarande.",
             en="`vice chair …` names who stands in for the chair. Absence shows only when the meeting lists "
                "its attendees."),
    severity="error",
    basis=Basis("agreement", "vice chair ROLE next in rotation"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, chair: beta/kso, "
                                          "attendees: [alfa/kso, beta/kso]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, chair: beta/kso, "
                                           "attendees: [beta/kso, gamma/kso]}\n"),),
    fix=Text(sv="Låt ordföranden leda när hen är närvarande, annars vice ordföranden.",
             en="Let the chair chair when present, the vice chair otherwise."),
    check=check,
)
