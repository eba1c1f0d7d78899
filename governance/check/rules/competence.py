"""competence: a body decides only what the bylaw lets it decide. When the bylaw gives the decision on a
type of matter to named bodies (`decides budget`), a decision on a matter of that type by any other body is
outside its competence — whatever a general `decides matters` of that body says (the specific clause
governs). Preparing and proposing stay open to every body; a matter of unknown type is not judged."""
from __future__ import annotations

from typing import Iterator

from ...model.types import Bylaw, Relation
from ...report.finding import Finding
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def deciders(bylaw: Bylaw) -> dict[str, list[tuple[str, Relation]]]:
    """Matter type → the bodies that decide it by name, each with its `decides` clause, in bylaw order."""
    out: dict[str, list[tuple[str, Relation]]] = {}
    for body in bylaw.bodies:
        for clause in body.relations("decides"):
            for matter_type in clause.matters or ():
                out.setdefault(matter_type, []).append((body.id, clause))
    return out


def check(view: CalendarView) -> Iterator[Finding]:
    given = view.bylaw_memo("competence", lambda: deciders(view.bylaw))
    if not given:
        return
    for body in view.bodies.values():
        for meeting, matter in view.agenda(body.id, "decide"):
            matter_type = matter.type or view.matter_types.get(matter.id)
            holders = given.get(matter_type or "")
            if not holders or any(b == body.id for b, _ in holders):
                continue
            names = ", ".join(b for b, _ in holders)
            yield view.finding(RULE, view.cite(holders[0][1]), meeting=meeting, matter=matter.id,
                               sv=f"{body.id} beslutade '{matter.id}' av typen '{matter_type}', som {names} "
                                  "beslutar om",
                               en=f"{body.id} decided '{matter.id}' of type '{matter_type}', which {names} "
                                  "decides")


_BYLAW = ('matter budget "Budget"\nbody radet "Rådet"\n  seat kso from each municipality\n  decides budget\n'
          'body gruppen "Gruppen"\n  seat kommundirektor from each municipality\n  decides matters\n')

RULE = Rule(
    id="competence",
    summary=Text(sv="Ett organ beslutar bara om det som stadgan låter det besluta om.",
                 en="A body decides only what the bylaw lets it decide."),
    why=Text(sv="`decides TYP` ger beslutet om en ärendetyp till ett organ; ett annat organs beslut i saken "
                "saknar grund, även om det organet får besluta om ärenden i övrigt. Bereda och föreslå får alla.",
             en="`decides TYPE` gives the decision on a type of matter to a body; another body's decision on it "
                "has no basis, even where that body decides other matters. Any body may prepare and propose."),
    severity="error",
    basis=Basis("agreement", "decides TYPE"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: g1, body: gruppen, date: 2025-03-10, matters: "
                                          "[{id: budget-2026, type: budget, action: decide}]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: g1, body: gruppen, date: 2025-03-10, matters: "
                                           "[{id: budget-2026, type: budget, action: propose}]}\n"),
            Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                           "[{id: budget-2026, type: budget, action: decide}]}\n")),
    fix=Text(sv="Låt organet bereda eller föreslå ärendet till det organ som beslutar om det.",
             en="Let the body prepare or propose the matter to the body that decides it."),
    check=check,
)
