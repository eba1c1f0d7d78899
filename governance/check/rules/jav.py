"""jav: a person who was jävig in a matter took no part in it.

KL 6 kap. 30 §: a förtroendevald who is jävig in a matter "får inte delta eller närvara vid handläggningen
av ärendet". A matter's `jav` names those who were; one of them who voted on it, reserved against it or
chaired the meeting took part. For an organ under the law (the bylaw's `form`) that is an error; for any
other body the law applies per analogi, and it is a warning. (The matter's quorum without them is quorum's.)
"""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..law import cite_law, organ
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        direct = organ(view.bylaw, body.id) is not None
        for meeting, matter in view.recorded(body.id).jav:
            voted = {v.who for v in matter.votes}
            for name in (str(p) for p in matter.jav):
                did = [(sv, en) for sv, en, done in (
                    ("röstade", "voted", name in voted),
                    ("reserverade sig", "reserved against the decision", name in matter.reservations),
                    ("var ordförande", "chaired the meeting", name == meeting.chair_person)) if done]
                if not did:
                    continue
                sv_how = " och ".join(sv for sv, _ in did)
                en_how = " and ".join(en for _, en in did)
                yield view.finding(RULE, cite_law(6, "30", "En förtroendevald som är jävig"), meeting=meeting,
                                   matter=matter.id, severity=None if direct else "warning",
                                   sv=f"{name} var jävig i '{matter.id}' men {sv_how}: den som är jävig får inte "
                                      "delta i ärendet" + ("" if direct else " (kommunallagen per analogi)"),
                                   en=f"{name} was jävig in '{matter.id}' but {en_how}: a jävig person may not take "
                                      "part in the matter" + ("" if direct else " (Kommunallagen per analogi)"))


_BYLAW = 'body radet "Rådet"\n  seat kso "KSO" from each municipality\n'

RULE = Rule(
    id="jav",
    summary=Text(sv="Den som är jävig i ett ärende deltar inte i det.",
                 en="Whoever is jävig in a matter takes no part in it."),
    why=Text(sv="En förtroendevald som är jävig i ett ärende får inte delta eller närvara vid handläggningen "
                "(KL 6 kap. 30 §). Att rösta, reservera sig eller vara ordförande är att delta. Gäller direkt för "
                "kommunallagens organ, annars per analogi (varning).",
             en="A förtroendevald who is jävig in a matter may not take part in or be present at its handling "
                "(KL 6 kap. 30 §). Voting, reserving or chairing is taking part. The law applies directly to its "
                "organs, otherwise per analogi (a warning)."),
    severity="error",
    basis=Basis("statute", "jav: [PERSON, …] in a matter", "Kommunallagen (2017:725) 6 kap. 30 §"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/kso, "
                                          "beta/kso], matters: [{id: x, jav: [alfa/kso], votes: {ja: [alfa/kso]}}]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/kso, "
                                           "beta/kso], matters: [{id: x, jav: [alfa/kso], votes: {ja: [beta/kso]}}]}\n"),),
    fix=Text(sv="Den jävige lämnar ärendet; en ersättare kan tjänstgöra i hans eller hennes ställe.",
             en="The jävig person leaves the matter; an ersättare may serve in their place."),
    check=check,
)
