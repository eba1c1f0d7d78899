"""participation: a matter of a voluntary collaboration has at least the stated number of participating
members."""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    clause = view.bylaw.participation
    if clause is None or not clause.minimum:
        return
    need, members, cite = clause.minimum, view.members.keys(), view.cite(clause)
    # Matters without participants listed are passed over: everyone takes part.
    groups = [view.recorded(body_id).participating for body_id in [*view.bodies, *view.unknown_bodies]]
    for listed, pairs in ((listed, pairs) for group in groups for listed, pairs in group.items()):
        joined = sorted(members & set(listed))
        if len(joined) >= need:
            continue
        n, who = len(joined), ", ".join(joined)
        for meeting, matter in pairs:
            yield view.finding(RULE, cite, meeting=meeting, matter=matter.id,
                               sv=f"'{matter.id}' har {n} deltagande {'medlem' if n == 1 else 'medlemmar'} "
                                  f"({who or 'ingen medlem'}); minst {need} krävs",
                               en=f"'{matter.id}' has {n} participating member{'' if n == 1 else 's'} "
                                  f"({who or 'no member'}); at least {need} are needed")


_BYLAW = 'participation voluntary minimum 2\n\nbody radet "Rådet"\n'

RULE = Rule(
    id="participation",
    summary=Text(sv="Varje ärende i en frivillig samverkan har minst så många deltagande medlemmar som avtalet kräver.",
                 en="Every matter of a voluntary collaboration has at least the stated number of participants."),
    why=Text(sv="`participation voluntary minimum N`: medlemmarna väljer vilka ärenden de deltar i, men ett "
                "ärende med färre än N är ingen samverkan.",
             en="`participation voluntary minimum N`: members choose the matters they take part in, but a "
                "matter with fewer than N is no collaboration."),
    severity="error",
    basis=Basis("agreement", "participation voluntary minimum N"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                          "[{id: it, participants: [alfa]}]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                           "[{id: it, participants: [alfa, beta]}]}\n"),),
    fix=Text(sv="Få fler medlemmar att delta, eller låt ärendet falla.",
             en="Have more members take part, or drop the matter."),
    check=check,
)
