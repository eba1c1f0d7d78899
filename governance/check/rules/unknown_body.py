"""unknown-body: every meeting is of a body the bylaw has."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..naming import hint
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    bylaw = view.bylaw
    known = tuple(sorted(view.bodies))
    for body_id, meetings in view.unknown_bodies.items():
        close = hint(body_id, known)
        for meeting in meetings:
            yield view.finding(RULE, view.cite(bylaw), meeting=meeting,
                               sv=f"sammanträdet '{meeting.id}' hör till '{body_id}', som inte är ett organ i "
                                  f"{bylaw.id}{close.sv}",
                               en=f"meeting '{meeting.id}' is of '{body_id}', which is not a body of "
                                  f"{bylaw.id}{close.en}")


RULE = Rule(
    id="unknown-body",
    summary=Text(sv="Varje sammanträde hör till ett organ som avtalet har.",
                 en="Every meeting is of a body the bylaw has."),
    why=Text(sv="Ett sammanträde för ett organ som avtalet inte känner kan inte bedömas; oftast är namnet "
                "felstavat.",
             en="A meeting of a body the bylaw does not know cannot be judged; usually the name is misspelt."),
    severity="error",
    basis=Basis("agreement", 'body ID "NAME"'),
    fires=(Example(bylaw='body radet "Rådet"\n', calendar="- {id: r1, body: raadet, date: 2025-03-10}\n"),),
    passes=(Example(bylaw='body radet "Rådet"\n', calendar="- {id: r1, body: radet, date: 2025-03-10}\n"),),
    fix=Text(sv="Skriv organets id som i avtalet.", en="Write the body's id as the bylaw does."),
    check=check,
)
