"""jav: a person who was jävig in a matter took no part in it.

KL 6 kap. 30 §: a förtroendevald who is jävig in a matter "får inte delta eller närvara vid handläggningen
av ärendet" (for förbundsfullmäktige, as for fullmäktige, 5 kap. 47 §: "får inte delta i handläggningen").
A matter's `jav` names those who were; one of them who voted on it or reserved against it took part (an
anonymous holder of a seat line, named by its seat, surely did only where more of the line voted than it had
holders who were not jäviga). For an
organ under the law (the bylaw's `form`) that is an error; for any other body the law applies per analogi,
and it is a warning. One who chaired the meeting and did nothing else in the matter is a warning: the
calendar names the meeting's chair, and another may have led that matter. (The matter's quorum without
them is quorum's.)
"""
from __future__ import annotations

from typing import Iterator

from ...report.finding import Finding
from ..law import cite_law, organ
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        kind = organ(view.bylaw, body.id)
        direct = kind is not None
        places = {(s.member, s.role): s.max for s in body.body.seats if s.pool is None}
        for meeting, matter in view.recorded(body.id).jav:
            voted = {v.who for v in matter.votes}
            for p in dict.fromkeys(matter.jav):  # (an anonymous holder named twice is judged once, by count)
                name = str(p)
                if p.person:
                    took = (name in voted, name in matter.reservations)
                    chaired = name == meeting.chair_person
                else:
                    took = _anonymous(meeting, matter, p.seat, places)
                    chaired = meeting.chair == p.seat and meeting.chair_person is None \
                        and _holders(meeting, p.seat, places) == 1  # the line's only holder chaired
                did = [(sv, en) for sv, en, done in (
                    ("röstade", "voted", took[0]),
                    ("reserverade sig", "reserved against the decision", took[1])) if done]
                if not did and not chaired:
                    continue
                per_analogi_sv, per_analogi_en = ("", "") if direct else (" (kommunallagen per analogi)",
                                                                          " (Kommunallagen per analogi)")
                if not did:
                    # The calendar names the meeting's chair, not who led this matter: another may have.
                    yield view.finding(RULE, _cite(kind), meeting=meeting, matter=matter.id, severity="warning",
                                       sv=f"{name} var jävig i '{matter.id}' men var ordförande vid sammanträdet: den "
                                          "som är jävig får inte delta i ärendet, så någon annan skulle ha lett det "
                                          f"(kalendern säger inte vem som ledde det){per_analogi_sv}",
                                       en=f"{name} was jävig in '{matter.id}' but chaired the meeting: a jävig person "
                                          "may not take part in the matter, so another should have led it (the "
                                          f"calendar does not say who led it){per_analogi_en}")
                    continue
                if chaired:
                    did.append(("var ordförande", "chaired the meeting"))
                sv_how = " och ".join(sv for sv, _ in did)
                en_how = " and ".join(en for _, en in did)
                yield view.finding(RULE, _cite(kind), meeting=meeting,
                                   matter=matter.id, severity=None if direct else "warning",
                                   sv=f"{name} var jävig i '{matter.id}' men {sv_how}: den som är jävig får inte "
                                      f"delta i ärendet{per_analogi_sv}",
                                   en=f"{name} was jävig in '{matter.id}' but {en_how}: a jävig person may not take "
                                      f"part in the matter{per_analogi_en}")


def _anonymous(meeting, matter, seat, places) -> tuple[bool, bool]:
    """Whether an anonymous holder of `seat` jävig in the matter surely voted, and surely reserved: only
    where more of the line did so than it had holders who were not jäviga (three served, one jävig, three
    voted); two of three voting may be the two others."""
    others = _holders(meeting, seat, places) - sum(1 for q in matter.jav if q.seat == seat)
    return (sum(1 for v in matter.votes if v.seat == seat) > others,
            sum(1 for r in matter.reservations if r == str(seat)) > others)


def _holders(meeting, seat, places) -> int:
    """How many served on the seat line at the meeting: those listed, or its places when none are."""
    return sum(1 for q in meeting.people if q.serving and q.seat == seat) or places.get(tuple(seat), 1)


def _cite(kind: str | None):
    """Förbundsfullmäktige's jäv is fullmäktige's (5 kap. 47 §, which takes only 6 kap. 30 §'s second and
    third paragraphs); any other organ's, and by analogy an informal body's, a nämnd's (6 kap. 30 §)."""
    if kind == "forbundsfullmaktige":
        return cite_law(5, "47", "En ledamot får inte delta")
    return cite_law(6, "30", "En förtroendevald som är jävig")


_BYLAW = 'body radet "Rådet"\n  seat kso "KSO" from each municipality\n'

RULE = Rule(
    id="jav",
    summary=Text(sv="Den som är jävig i ett ärende deltar inte i det.",
                 en="Whoever is jävig in a matter takes no part in it."),
    why=Text(sv="En förtroendevald som är jävig i ett ärende får inte delta eller närvara vid handläggningen "
                "(KL 6 kap. 30 §; i förbundsfullmäktige får den jävige inte delta, 5 kap. 47 §). Att rösta eller "
                "reservera sig är att delta. Den som var ordförande vid sammanträdet borde ha lämnat ärendet åt "
                "någon annan; kalendern anger inte vem som ledde det (varning). Gäller direkt för kommunallagens "
                "organ, annars per analogi (varning).",
             en="A förtroendevald who is jävig in a matter may not take part in or be present at its handling "
                "(KL 6 kap. 30 §; in förbundsfullmäktige the jävig one may not take part, 5 kap. 47 §). Voting or "
                "reserving is taking part. One who chaired the meeting should have left the matter to another; the "
                "calendar does not say who led it (a warning). The law applies directly to its organs, otherwise "
                "per analogi (a warning)."),
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
