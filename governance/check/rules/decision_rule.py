"""decision-rule: a body that decides by consensus records no decision taken over an objection or by a
majority vote."""
from __future__ import annotations

from typing import Iterator

from ...model.types import Decision
from ...report.finding import Finding
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView

OVERRULED = {"objection": Text(sv="trots en invändning", en="over an objection"),
             "majority": Text(sv="genom majoritetsbeslut", en="by a majority vote")}


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        clause = body.body.first(Decision)
        if clause is None or clause.method != "consensus":
            continue
        for meeting, matter in body.matters():
            how = OVERRULED.get(matter.outcome or "")
            if matter.action == "decide" and how is not None:
                yield view.finding(RULE, view.cite(clause), meeting=meeting, matter=matter.id,
                                   sv=f"'{matter.id}' beslutades {how.sv}, men {body.id} beslutar i konsensus",
                                   en=f"'{matter.id}' was decided {how.en}, but {body.id} decides by consensus")


_BYLAW = 'body radet "Rådet"\n  decision by consensus\n'

RULE = Rule(
    id="decision-rule",
    summary=Text(sv="Ett organ som beslutar i konsensus fattar inga beslut mot en invändning eller med majoritet.",
                 en="A body that decides by consensus takes no decision over an objection or by majority."),
    why=Text(sv="`decision by consensus` betyder att varje medlem kan hindra ett beslut.",
             en="`decision by consensus` means every member can stop a decision."),
    severity="error",
    basis=Basis("agreement", "decision by consensus"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                          "[{id: budget, action: decide, outcome: majority}]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                           "[{id: budget, action: decide, outcome: consensus}]}\n"),),
    fix=Text(sv="Bordlägg ärendet tills alla är eniga.", en="Table the matter until all agree."),
    check=check,
)
