"""decision-rule: a decision as the body's decision rule allows.

- A body that decides by consensus records no decision taken over an objection or by a majority vote, nor
  one where anyone voted nej.
- Where the calendar records votes (`votes: {ja, nej, avstar}`), the decision has a majority: more ja than
  nej among the votes cast (KL 5 kap. 55 §, "Utgången bestäms genom enkel majoritet", for nämnder by
  6 kap. 33 §). Voices are counted per member where the body has equal influence (a member's voice is the
  way most of its voters went; split evenly, it abstains), else per voter. Equal votes are a warning: the
  chair's casting vote (5 kap. 56 §) decides, and the calendar does not record it.
"""
from __future__ import annotations

from typing import Iterator

from ...model.types import Decision, EqualInfluence
from ...report.finding import Finding
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView

OVERRULED = {"objection": Text(sv="trots en invändning", en="over an objection"),
             "majority": Text(sv="genom majoritetsbeslut", en="by a majority vote")}


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        clause = body.body.first(Decision)
        consensus = clause is not None and clause.method == "consensus"
        per_member = body.body.first(EqualInfluence) is not None
        for meeting, matter in body.matters():
            if matter.action != "decide":
                continue
            how = OVERRULED.get(matter.outcome or "")
            if consensus and how is not None:
                yield view.finding(RULE, view.cite(clause), meeting=meeting, matter=matter.id,
                                   sv=f"'{matter.id}' beslutades {how.sv}, men {body.id} beslutar i konsensus",
                                   en=f"'{matter.id}' was decided {how.en}, but {body.id} decides by consensus")
                continue
            if not matter.votes:
                continue
            ja, nej = _tally(view, matter.votes, per_member)
            unit = Text(sv="en röst per medlem", en="one voice per member") if per_member else \
                Text(sv="en röst per person", en="one voice per person")
            sv_count, en_count = f"{ja} ja, {nej} nej ({unit.sv})", f"{ja} ja, {nej} nej ({unit.en})"
            cite = view.cite(clause if clause is not None else body.body)
            if consensus and nej:
                yield view.finding(RULE, cite, meeting=meeting, matter=matter.id,
                                   sv=f"'{matter.id}' beslutades med {sv_count}, men {body.id} beslutar i konsensus",
                                   en=f"'{matter.id}' was decided with {en_count}, but {body.id} decides by consensus")
            elif ja < nej:
                said = matter.outcome == "consensus"
                yield view.finding(RULE, cite, meeting=meeting, matter=matter.id,
                                   sv=f"'{matter.id}' beslutades, {'antecknat som konsensus, men ' if said else ''}"
                                      f"rösterna ger ingen majoritet för det: {sv_count}",
                                   en=f"'{matter.id}' was decided, {'recorded as consensus, but ' if said else ''}"
                                      f"the votes give no majority for it: {en_count}")
            elif ja == nej and ja:
                yield view.finding(RULE, cite, meeting=meeting, matter=matter.id, severity="warning",
                                   sv=f"'{matter.id}' beslutades vid lika röstetal, {sv_count}: giltigt bara om "
                                      "ordförandens utslagsröst var ja, vilket kalendern inte anger",
                                   en=f"'{matter.id}' was decided on equal votes, {en_count}: valid only if the "
                                      "chair's casting vote was ja, which the calendar does not record")


def _tally(view: CalendarView, votes, per_member: bool) -> tuple[int, int]:
    """(ja, nej): per voter, or per member (the way most of its voters went)."""
    if not per_member:
        return sum(v.choice == "ja" for v in votes), sum(v.choice == "nej" for v in votes)
    members: dict[str, list[str]] = {}
    for v in votes:
        member = v.member or (v.who if v.who in view.members else None)
        if member is not None:
            members.setdefault(member, []).append(v.choice)
    ja = sum(c.count("ja") > c.count("nej") for c in members.values())
    nej = sum(c.count("nej") > c.count("ja") for c in members.values())
    return ja, nej


_BYLAW = 'body radet "Rådet"\n  decision by consensus\n'

RULE = Rule(
    id="decision-rule",
    summary=Text(sv="Beslut fattas som beslutsregeln säger: i konsensus utan invändning, annars med majoritet "
                    "av de avgivna rösterna.",
                 en="Decisions are taken as the decision rule says: by consensus without objection, otherwise "
                    "by a majority of the votes cast."),
    why=Text(sv="`decision by consensus` betyder att varje medlem kan hindra ett beslut. Antecknade röster "
                "räknas: fler ja än nej (KL 5 kap. 55 §), per medlem vid `equal influence`.",
             en="`decision by consensus` means every member can stop a decision. Recorded votes are counted: "
                "more ja than nej (KL 5 kap. 55 §), per member with `equal influence`."),
    severity="error",
    basis=Basis("agreement", "decision by consensus"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                          "[{id: budget, action: decide, outcome: majority}]}\n"),
           Example(bylaw='body radet "Rådet"\n  seat kso "KSO" from each municipality\n  decision by majority\n',
                   calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                            "[{id: budget, votes: {ja: [alfa/kso], nej: [beta/kso, gamma/kso]}}]}\n")),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                           "[{id: budget, action: decide, outcome: consensus}]}\n"),),
    fix=Text(sv="Bordlägg ärendet tills alla är eniga.", en="Table the matter until all agree."),
    check=check,
)
