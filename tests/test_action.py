"""check-action: allowed and denied actions for every shipped bylaw, with their exact reasons."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

import governance
from governance.check.action import check_action
from governance.calendar import parse_calendar
from governance.calendar.model import Matter, Meeting
from governance.cli import main

LAHOLM = ["bastad", "falkenberg", "halmstad", "hylte", "laholm"]
HALSINGE = ["bollnas", "hudiksvall", "ljusdal", "nordanstig", "ovanaker", "soderhamn"]
MALMOLUND = ["malmo", "lund", "staffanstorp", "svedala", "trelleborg", "vellinge", "lomma", "kavlinge",
             "hoor", "eslov", "burlov"]
VASTERBOTTEN = ["bjurholm", "dorotea", "lycksele", "mala", "nordmaling", "norsjo", "robertsfors", "skelleftea",
                "sorsele", "storuman", "umea", "vilhelmina", "vindeln", "vannas", "asele"]
HALMSTAD_2020 = ["halmstad", "laholm", "hylte", "ljungby", "bastad", "falkenberg"]
MEDELPAD = ["sundsvall", "timra", "ange"]
LIDKOPING = ["lidkoping", "vara", "grastorp", "essunga"]
GAVLEBORG = ["region-gavleborg", "hofors", "ockelbo", "sandviken", "gavle", "ovanaker", "bollnas", "soderhamn",
             "ljusdal", "hudiksvall", "nordanstig"]


def seats(members, *roles):
    return [f"{m}/{r}" for r in roles for m in members]


def meeting(mid, body, day, attendees, matter, **extra):
    return {"id": mid, "body": body, "date": day, "attendees": attendees, **extra, "matters": [matter]}


def calendar(bylaw_id, *meetings):
    text = yaml.safe_dump({"bylaw": bylaw_id, "meetings": list(meetings)}, allow_unicode=True, sort_keys=False)
    return parse_calendar(text, "action.yaml")


# The bodies' full attendance, so that only the point a case makes decides it.
SG = seats(LAHOLM, "kso", "opposition")
RG = seats(LAHOLM, "kommundirektor")
HS = seats(HALSINGE, "kso", "opposition")
HB = ["hudiksvall/kommundirektor", "ordforande", "vice-ordforande", "utvecklingskontoret"]
ML = seats(MALMOLUND, "kso", "opposition") + ["malmo/representant", "lund/representant", "sekretariatet"]
MK = seats(MALMOLUND, "kommundirektor")
VS = seats(VASTERBOTTEN, "planbyggansvarig") + ["region-vasterbotten/samordnare"]
VST = ["umea/representant", "skelleftea/representant", "lycksele/representant", "region-vasterbotten/samordnare",
       "lansstyrelsen-vasterbotten/representant"]
HL = seats(HALMSTAD_2020, "kommundirektor") + ["hogskolan-i-halmstad/rektor"]
MD = seats(MEDELPAD, "ledamot")
MB = ["lysekil/ledamot", "munkedal/ledamot", "uddevalla/ledamot"]
GN = seats(GAVLEBORG, "ledamot")
RN = seats(LIDKOPING, "ledamot")


def lah(action="decide", **matter):
    return {"id": "upphandling-it", "type": "budget", "action": action, **matter}


PREPARED_RG = meeting("rg-1", "referensgruppen", "2025-04-08", RG, lah("prepare"))
PROPOSED_RG = meeting("rg-1", "referensgruppen", "2025-04-08", RG, lah("propose"))
SAME_DAY_RG = meeting("rg-1", "referensgruppen", "2025-05-12", RG, lah("prepare"))
HS_PREP = meeting("bg-1", "beredningsgruppen", "2025-03-04", HB, {"id": "varumarke", "action": "prepare"})
ML_PREP = meeting("kd-1", "kommundirektorsgruppen", "2013-02-05", MK,
                  {"id": "verksamhetsplan-2026", "type": "verksamhetsplan", "action": "prepare"})
ML_OFFICE_PREP = meeting("ko-1", "sekretariatet", "2013-02-05", [],
                         {"id": "verksamhetsplan-2026", "type": "verksamhetsplan", "action": "prepare"})
VB_PROPOSE = meeting("st-1", "stodgruppen", "2025-03-11", VST, {"id": "budget-2026", "type": "budget",
                                                                  "action": "propose"})
VB_PREPARE_ONLY = meeting("st-1", "stodgruppen", "2025-03-11", VST, {"id": "budget-2026", "type": "budget",
                                                                       "action": "prepare"})

SG_MEETING = dict(convened_by="sekretariatet")
VS_MEETING = dict(chair="umea/planbyggansvarig", convened_by="umea/planbyggansvarig")

# (name, bylaw, action meeting, history meetings, expected [(rule, message)] — empty: allowed)
CASES = [
    # ---- Laholmsbukten: all matters to styrgruppen prepared by referensgruppen; at least two take part
    ("lah-prepared", "laholmsbukten",
     meeting("sg-1", "styrgruppen", "2025-05-12", SG, lah(participants=["halmstad", "laholm"]), **SG_MEETING),
     [PREPARED_RG], []),
    ("lah-proposal-includes-preparation", "laholmsbukten",
     meeting("sg-1", "styrgruppen", "2025-05-12", SG, lah(), **SG_MEETING), [PROPOSED_RG], []),
    ("lah-prepare-in-referensgruppen", "laholmsbukten",
     meeting("rg-2", "referensgruppen", "2025-04-08", RG, lah("prepare"), **SG_MEETING), [], []),
    ("lah-not-prepared", "laholmsbukten",
     meeting("sg-1", "styrgruppen", "2025-05-12", SG, lah(), **SG_MEETING), [],
     [("preparation", "referensgruppen has not prepared 'upphandling-it' before 2025-05-12")]),
    ("lah-prepared-same-day", "laholmsbukten",
     meeting("sg-1", "styrgruppen", "2025-05-12", SG, lah(), **SG_MEETING), [SAME_DAY_RG],
     [("preparation", "referensgruppen has not prepared 'upphandling-it' before 2025-05-12")]),
    ("lah-one-participant", "laholmsbukten",
     meeting("sg-1", "styrgruppen", "2025-05-12", SG, lah(participants=["halmstad"]), **SG_MEETING),
     [PREPARED_RG],
     [("participation", "'upphandling-it' has 1 participating member (halmstad); at least 2 are needed")]),
    ("lah-no-quorum", "laholmsbukten",
     meeting("sg-1", "styrgruppen", "2025-05-12", SG[:3], lah(), **SG_MEETING), [PREPARED_RG],
     [("quorum", "3 of 10 seats present at 'sg-1'; the quorum is more than half of seats; missing: "
                 "bastad/opposition, falkenberg/opposition, halmstad/opposition, hylte/kso, hylte/opposition, "
                 "laholm/kso, laholm/opposition")]),
    # ---- Hälsingerådet: consensus; prepared by beredningsgruppen; chair rotates every 2 years
    ("hal-consensus", "halsingeradet",
     meeting("st-1", "styrelsen", "2025-04-15", HS, {"id": "varumarke", "outcome": "consensus"}), [HS_PREP], []),
    ("hal-prepare", "halsingeradet",
     meeting("bg-2", "beredningsgruppen", "2025-03-04", HB, {"id": "varumarke", "action": "prepare"}), [], []),
    ("hal-chair-in-turn", "halsingeradet",
     meeting("st-1", "styrelsen", "2025-04-15", HS, {"id": "varumarke", "outcome": "consensus"},
             chair="hudiksvall/kso"), [HS_PREP], []),
    ("hal-objection", "halsingeradet",
     meeting("st-1", "styrelsen", "2025-04-15", HS, {"id": "varumarke", "outcome": "objection"}), [HS_PREP],
     [("decision-rule", "'varumarke' was decided over an objection, but styrelsen decides by consensus")]),
    ("hal-majority", "halsingeradet",
     meeting("st-1", "styrelsen", "2025-04-15", HS, {"id": "varumarke", "outcome": "majority"}), [HS_PREP],
     [("decision-rule", "'varumarke' was decided by a majority vote, but styrelsen decides by consensus")]),
    ("hal-not-prepared", "halsingeradet",
     meeting("st-1", "styrelsen", "2025-04-15", HS, {"id": "varumarke", "outcome": "consensus"}), [],
     [("preparation", "beredningsgruppen has not prepared 'varumarke' before 2025-04-15")]),
    ("hal-chair-out-of-turn", "halsingeradet",
     meeting("st-1", "styrelsen", "2025-04-15", HS, {"id": "varumarke", "outcome": "consensus"},
             chair="bollnas/kso"), [HS_PREP],
     [("vice-chair", "'bollnas/kso' chaired 'st-1' as vice chair, but the chair (hudiksvall/kso: hudiksvall's "
                     "turn in the rotation in 2025) attended")]),
    # ---- Västerbotten: budget, verksamhetsplan, aktivitetsplan proposed by stödgruppen, then decided
    ("vb-budget-proposed", "vasterbotten-planbygg",
     meeting("sv-1", "samverkansgruppen", "2025-04-24", VS, {"id": "budget-2026", "type": "budget"}, **VS_MEETING),
     [VB_PROPOSE], []),
    ("vb-uppfoljning-needs-no-proposal", "vasterbotten-planbygg",
     meeting("sv-1", "samverkansgruppen", "2025-04-24", VS, {"id": "uppfoljning-2024", "type": "uppfoljning"},
             **VS_MEETING), [], []),
    ("vb-stodgruppen-proposes", "vasterbotten-planbygg",
     meeting("st-2", "stodgruppen", "2025-03-11", VST, {"id": "budget-2026", "type": "budget",
                                                        "action": "propose"}), [], []),
    ("vb-budget-not-proposed", "vasterbotten-planbygg",
     meeting("sv-1", "samverkansgruppen", "2025-04-24", VS, {"id": "budget-2026", "type": "budget"}, **VS_MEETING),
     [], [("preparation", "stodgruppen has not proposed 'budget-2026' before 2025-04-24")]),
    ("vb-budget-only-prepared", "vasterbotten-planbygg",
     meeting("sv-1", "samverkansgruppen", "2025-04-24", VS, {"id": "budget-2026", "type": "budget"}, **VS_MEETING),
     [VB_PREPARE_ONLY], [("preparation", "stodgruppen has not proposed 'budget-2026' before 2025-04-24")]),
    ("vb-aktivitetsplan-proposed-later", "vasterbotten-planbygg",
     meeting("sv-1", "samverkansgruppen", "2025-04-24", VS, {"id": "plan-2026", "type": "aktivitetsplan"},
             **VS_MEETING),
     [meeting("st-1", "stodgruppen", "2025-05-06", VST, {"id": "plan-2026", "type": "aktivitetsplan",
                                                         "action": "propose"})],
     [("preparation", "stodgruppen has not proposed 'plan-2026' before 2025-04-24")]),
    # ---- MalmöLundregionen: consensus; all matters to styrelsen prepared by kommundirektörsgruppen
    # (dates in its first mandate period: the bylaw records no renewal after the 2014 election)
    ("ml-prepared", "malmolundregionen",
     meeting("s-1", "styrelsen", "2013-03-19", ML, {"id": "verksamhetsplan-2026", "type": "verksamhetsplan",
                                                    "outcome": "consensus"}), [ML_PREP], []),
    ("ml-prepare", "malmolundregionen",
     meeting("kd-2", "kommundirektorsgruppen", "2013-02-05", MK,
             {"id": "verksamhetsplan-2026", "action": "prepare"}), [], []),
    ("ml-inform", "malmolundregionen",
     meeting("s-1", "styrelsen", "2013-03-19", ML, {"id": "lagesbild", "action": "inform"}), [], []),
    ("ml-objection", "malmolundregionen",
     meeting("s-1", "styrelsen", "2013-03-19", ML, {"id": "verksamhetsplan-2026", "type": "verksamhetsplan",
                                                    "outcome": "objection"}), [ML_PREP],
     [("decision-rule", "'verksamhetsplan-2026' was decided over an objection, but styrelsen decides by "
                        "consensus")]),
    ("ml-not-prepared", "malmolundregionen",
     meeting("s-1", "styrelsen", "2013-03-19", ML, {"id": "verksamhetsplan-2026", "type": "verksamhetsplan",
                                                    "outcome": "consensus"}), [],
     [("preparation", "kommundirektorsgruppen has not prepared 'verksamhetsplan-2026' before 2013-03-19")]),
    ("ml-prepared-by-the-office-only", "malmolundregionen",
     meeting("s-1", "styrelsen", "2013-03-19", ML, {"id": "verksamhetsplan-2026", "type": "verksamhetsplan",
                                                    "outcome": "consensus"}), [ML_OFFICE_PREP],
     [("preparation", "kommundirektorsgruppen has not prepared 'verksamhetsplan-2026' before 2013-03-19")]),
    # ---- Halmstad functional region (2019/2020 draft): quorum, convener, names
    ("hr-decide", "halmstad-region-2020",
     meeting("lg-1", "ledningsgruppen", "2020-02-11", HL, {"id": "kompetens"},
             convened_by="halmstad/kommundirektor"), [], []),
    ("hr-prepare", "halmstad-region-2020",
     meeting("lg-1", "ledningsgruppen", "2020-02-11", HL, {"id": "kompetens", "action": "prepare"}), [], []),
    ("hr-inform", "halmstad-region-2020",
     meeting("lg-1", "ledningsgruppen", "2020-02-11", HL, {"id": "kompetens", "action": "inform"}), [], []),
    ("hr-no-quorum", "halmstad-region-2020",
     meeting("lg-1", "ledningsgruppen", "2020-02-11", HL[:2], {"id": "kompetens"}), [],
     [("quorum", "2 of 7 seats present at 'lg-1'; the quorum is more than half of seats; missing: "
                 "bastad/kommundirektor, falkenberg/kommundirektor, hogskolan-i-halmstad/rektor, "
                 "hylte/kommundirektor, ljungby/kommundirektor")]),
    ("hr-wrong-convener", "halmstad-region-2020",
     meeting("lg-1", "ledningsgruppen", "2020-02-11", HL, {"id": "kompetens"}, convened_by="laholm/kommundirektor"),
     [], [("convener", "'lg-1' was convened by 'laholm/kommundirektor', but ledningsgruppen is convened by "
                       "halmstad/kommundirektor")]),
    ("hr-unknown-body", "halmstad-region-2020",
     meeting("sg-1", "styrgruppen", "2020-02-11", HL, {"id": "kompetens"}), [],
     [("unknown-body", "meeting 'sg-1' is of 'styrgruppen', which is not a body of halmstad-region-2020 "
                       "(did you mean 'ledningsgruppen'?)")]),
    # ---- competence: the support group proposes the budget, the samverkansgrupp decides it
    ("vb-support-group-decides-budget", "vasterbotten-planbygg",
     meeting("st-1", "stodgruppen", "2025-03-11", VST, {"id": "budget-2026", "type": "budget", "action": "decide"}),
     [], [("competence", "stodgruppen decided 'budget-2026' of type 'budget', which samverkansgruppen decides")]),
    # ---- Medelpads Räddningstjänstförbund (kommunalförbund, direktion): KL 6 kap. 27 § applies directly
    ("md-decide", "medelpad-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2024-02-16", MD, {"id": "arsredovisning-2023", "outcome": "majority"}), [], []),
    ("md-decide-with-two", "medelpad-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2024-02-16", MD[:2], {"id": "arsredovisning-2023"}), [], []),
    ("md-prepare", "medelpad-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2024-02-16", MD, {"id": "budget-2025", "action": "prepare"}), [], []),
    ("md-no-quorum", "medelpad-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2024-02-16", MD[:1], {"id": "arsredovisning-2023"}), [],
     [("quorum", "1 of 3 seats present at 'dir-1'; the quorum is more than half of seats; missing: ange/ledamot, "
                 "timra/ledamot")]),
    ("md-not-a-member", "medelpad-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2024-02-16", MD + ["kramfors/ledamot"], {"id": "arsredovisning-2023"}), [],
     [("unknown-member", "'kramfors/ledamot' names 'kramfors', which is not a member of "
                         "medelpad-raddningstjanstforbund")]),
    ("md-unknown-body", "medelpad-raddningstjanstforbund",
     meeting("ff-1", "forbundsfullmaktige", "2024-02-16", MD, {"id": "arsredovisning-2023"}), [],
     [("unknown-body", "meeting 'ff-1' is of 'forbundsfullmaktige', which is not a body of "
                       "medelpad-raddningstjanstforbund")]),
    # ---- Räddningstjänstförbundet Mitt Bohuslän (kommunalförbund, direktion; only its opening survives)
    ("mb-decide", "mitt-bohuslan-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2025-03-20", MB, {"id": "handlingsprogram", "outcome": "majority"}), [], []),
    ("mb-decide-with-two", "mitt-bohuslan-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2025-03-20", MB[:2], {"id": "handlingsprogram"}), [], []),
    ("mb-prepare", "mitt-bohuslan-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2025-03-20", MB, {"id": "budget-2026", "action": "prepare"}), [], []),
    ("mb-no-quorum", "mitt-bohuslan-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2025-03-20", MB[2:], {"id": "handlingsprogram"}), [],
     [("quorum", "1 of 3 seats present at 'dir-1'; the quorum is more than half of seats; missing: "
                 "lysekil/ledamot, munkedal/ledamot")]),
    ("mb-not-a-member", "mitt-bohuslan-raddningstjanstforbund",
     meeting("dir-1", "direktionen", "2025-03-20", MB + ["stromstad/ledamot"], {"id": "handlingsprogram"}), [],
     [("unknown-member", "'stromstad/ledamot' names 'stromstad', which is not a member of "
                         "mitt-bohuslan-raddningstjanstforbund")]),
    ("mb-unknown-body", "mitt-bohuslan-raddningstjanstforbund",
     meeting("ff-1", "forbundsfullmaktige", "2025-03-20", MB, {"id": "handlingsprogram"}), [],
     [("unknown-body", "meeting 'ff-1' is of 'forbundsfullmaktige', which is not a body of "
                       "mitt-bohuslan-raddningstjanstforbund")]),
    # ---- Gemensam nämnd för hjälpmedelsverksamheten (värdkommun Region Gävleborg): a nämnd under KL
    ("gn-decide", "gavleborg-hjalpmedelsnamnd",
     meeting("hmn-1", "namnden", "2024-03-22", GN, {"id": "sortiment-2024", "outcome": "majority"}), [], []),
    ("gn-decide-with-six", "gavleborg-hjalpmedelsnamnd",
     meeting("hmn-1", "namnden", "2024-03-22", GN[:6], {"id": "sortiment-2024"}), [], []),
    ("gn-prepare-budget", "gavleborg-hjalpmedelsnamnd",
     meeting("hmn-1", "namnden", "2024-10-11", GN, {"id": "budget-2025", "type": "budget", "action": "prepare"}),
     [], []),
    ("gn-no-quorum", "gavleborg-hjalpmedelsnamnd",
     meeting("hmn-1", "namnden", "2024-03-22", GN[:5], {"id": "sortiment-2024"}), [],
     [("quorum", "5 of 11 seats present at 'hmn-1'; the quorum is more than half of seats; missing: "
                 "bollnas/ledamot, hudiksvall/ledamot, ljusdal/ledamot, nordanstig/ledamot, ovanaker/ledamot, "
                 "soderhamn/ledamot")]),
    ("gn-not-a-seat", "gavleborg-hjalpmedelsnamnd",
     meeting("hmn-1", "namnden", "2024-03-22", GN + ["gavle/ordforande"], {"id": "sortiment-2024"}), [],
     [("unknown-seat", "'gavle/ordforande' holds no seat in namnden")]),
    ("gn-unknown-body", "gavleborg-hjalpmedelsnamnd",
     meeting("rs-1", "regionstyrelsen", "2024-03-22", GN, {"id": "sortiment-2024"}), [],
     [("unknown-body", "meeting 'rs-1' is of 'regionstyrelsen', which is not a body of gavleborg-hjalpmedelsnamnd")]),
    # ---- Gemensam räddningsnämnd (värdkommun Lidköping): the samverkansavtal, a nämnd under KL
    ("rn-decide", "lidkoping-raddningsnamnd",
     meeting("rn-1", "raddningsnamnden", "2022-06-15", RN, {"id": "handlingsprogram", "outcome": "majority"}), [], []),
    ("rn-decide-with-three", "lidkoping-raddningsnamnd",
     meeting("rn-1", "raddningsnamnden", "2022-06-15", RN[:3], {"id": "handlingsprogram"}), [], []),
    ("rn-inform", "lidkoping-raddningsnamnd",
     meeting("rn-1", "raddningsnamnden", "2022-06-15", RN, {"id": "larmcentral", "action": "inform"}), [], []),
    ("rn-no-quorum", "lidkoping-raddningsnamnd",
     meeting("rn-1", "raddningsnamnden", "2022-06-15", RN[:2], {"id": "handlingsprogram"}), [],
     [("quorum", "2 of 4 seats present at 'rn-1'; the quorum is more than half of seats; missing: essunga/ledamot, "
                 "grastorp/ledamot")]),
    ("rn-before-the-agreement", "lidkoping-raddningsnamnd",
     meeting("rn-1", "raddningsnamnden", "2020-12-09", RN, {"id": "handlingsprogram"}), [],
     [("term", "'rn-1' on 2020-12-09 is before the agreement takes effect (2021-01-01)")]),
    ("rn-not-a-party", "lidkoping-raddningsnamnd",
     meeting("rn-1", "raddningsnamnden", "2022-06-15", RN + ["skara/ledamot"], {"id": "handlingsprogram"}), [],
     [("unknown-member", "'skara/ledamot' names 'skara', which is not a member of lidkoping-raddningsnamnd "
                         "(did you mean 'vara'?)")]),
]


def _run(bylaw_id, action, history):
    bylaw = governance.load(bylaw_id)
    return check_action(bylaw, calendar(bylaw_id, action), calendar(bylaw_id, *history) if history else None)


@pytest.mark.parametrize("name,bylaw_id,action,history,expected", CASES, ids=[c[0] for c in CASES])
def test_action(name, bylaw_id, action, history, expected):
    verdict = _run(bylaw_id, action, history)
    reasons = [(f.rule, f.message) for f in verdict.findings if f.severity == "error"]
    assert reasons == expected
    assert verdict.allowed == (not expected)
    assert all(f.citation is not None and f.citation.line > 0 for f in verdict.findings)


def test_every_shipped_bylaw_has_three_allowed_and_three_denied():
    from governance.loader import shipped_ids
    for bylaw_id in shipped_ids():
        outcomes = [bool(c[4]) for c in CASES if c[1] == bylaw_id]
        assert outcomes.count(False) >= 3 and outcomes.count(True) >= 3, bylaw_id


def _lines():
    """Lines of Laholmsbukten's preparation rule and `convenes` clause (the file may gain lines)."""
    from governance.model.types import Requirement
    bylaw = governance.load("laholmsbukten")
    rule = next(r for r in bylaw.rules if isinstance(r, Requirement))
    convenes = bylaw.body("sekretariatet").relations("convenes")[0]
    return rule.span.line, convenes.span.line


def test_explain_names_the_path_and_the_missing_step():
    rule, convenes = _lines()
    verdict = _run("laholmsbukten", CASES[3][2], [])
    assert verdict.path == (
        "decide 'upphandling-it' of type 'budget' at styrgruppen on 2025-05-12 (meeting sg-1)",
        "  Kommunallagen applies to styrgruppen only per analogi: the agreement states no legal form and is read "
        "as an informal collaboration [bylaws/laholmsbukten.bylaw:1]",
        f"  body:referensgruppen —prepared→ body:styrgruppen [bylaws/laholmsbukten.bylaw:{rule}]: "
        "missing before 2025-05-12",
        f"  convened by sekretariatet [bylaws/laholmsbukten.bylaw:{convenes}]",
    )
    verdict = _run("laholmsbukten", CASES[3][2], [PREPARED_RG])
    assert verdict.path[2].endswith("done at rg-1 on 2025-04-08")


@pytest.mark.parametrize("lang, said", [
    ("en", "  Kommunallagen applies to direktionen directly: it is the förbundsdirektion of this kommunalförbund"),
    ("sv", "  kommunallagen gäller direktionen direkt: det är förbundsdirektionen (kommunalförbund)")])
def test_explain_says_how_the_law_reaches_the_body(lang, said):
    """The legal form decides whether Kommunallagen reaches the body directly or per analogi: --explain says
    which, in the run's language, citing the `form` clause."""
    bylaw = governance.load("medelpad-raddningstjanstforbund")
    meeting = {"id": "d1", "body": "direktionen", "date": "2025-05-12",
               "matters": [{"id": "budget-2026", "action": "decide"}]}
    action = calendar("medelpad-raddningstjanstforbund", meeting)
    verdict = check_action(bylaw, action, lang=lang)
    form_line = bylaw.header_item("form").span.line
    assert verdict.path[1] == f"{said} [bylaws/medelpad-raddningstjanstforbund.bylaw:{form_line}]"
    informal = governance.parse('bylaw x "X"\n  form informal\nmember a "A" municipality 1001\n'
                                'body b "B"\n  seat s from each municipality\n')
    other = check_action(informal, calendar("x", {**meeting, "body": "b"}), lang=lang)
    assert ("per analogi" in other.path[1]) and "informell samverkan" in other.path[1]


def test_action_file_must_hold_one_meeting_with_one_matter(tmp_path):
    from governance.calendar.errors import CalendarError
    bylaw = governance.load("laholmsbukten")
    two = calendar("laholmsbukten", PREPARED_RG, replace_id(PREPARED_RG, "rg-9"))
    with pytest.raises(CalendarError, match="an action is one meeting with one matter"):
        check_action(bylaw, two)


def replace_id(m, new_id):
    return {**m, "id": new_id}


def test_command_exit_codes_and_json(tmp_path, capsys):
    action = tmp_path / "action.yaml"
    history = tmp_path / "history.yaml"
    action.write_text(yaml.safe_dump({"bylaw": "laholmsbukten", "meetings": [CASES[3][2]]}), encoding="utf-8")
    history.write_text(yaml.safe_dump({"bylaw": "laholmsbukten", "meetings": [PREPARED_RG]}), encoding="utf-8")
    assert main(["check-action", "laholmsbukten", str(action), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["verdict"], data["compliant"], data["bylaw"]) == ("denied", False, "laholmsbukten")
    assert [f["rule"] for f in data["findings"]] == ["preparation"]
    assert data["findings"][0]["citation"] == {
        "file": "bylaws/laholmsbukten.bylaw", "line": _lines()[0],
        "quote": "Alla ärenden som går till styrgruppen ska ha beretts av referensgruppen."}
    assert main(["check-action", "laholmsbukten", str(action), "--history", str(history), "--explain",
                 "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "done at rg-1 on 2025-04-08" in out and out.rstrip().splitlines()[-1].startswith("allowed:")
    # Swedish by default, as check is
    assert main(["check-action", "laholmsbukten", str(action), "--history", str(history), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "gjort vid rg-1 den 2025-04-08" in out and out.rstrip().splitlines()[-1].startswith("tillåtet:")
    assert "  referensgruppen bereder åt styrgruppen [" in out and "prepared" not in out  # the step in words
    assert main(["check-action", "laholmsbukten", str(tmp_path / "missing.yaml")]) == 2
    assert main(["check-action", "halsingeradet", str(action)]) == 2  # the file is for another bylaw
    err = capsys.readouterr().err
    assert "inte 'halsingeradet'" in err and "Traceback" not in err



@pytest.mark.parametrize("lang, said", [
    ("sv", "en åtgärd att pröva är ett sammanträde med ett ärende; den här filen har 2 sammanträden"),
    ("en", "an action is one meeting with one matter; this file has 2 meetings")])
def test_an_action_file_of_two_meetings_is_refused_in_the_runs_language(tmp_path, capsys, lang, said):
    action = tmp_path / "action.yaml"
    meetings = [CASES[3][2], {**PREPARED_RG, "id": "rg-9"}]
    action.write_text(yaml.safe_dump({"bylaw": "laholmsbukten", "meetings": meetings}), encoding="utf-8")
    assert main(["check-action", "laholmsbukten", str(action), "--lang", lang]) == 2
    assert capsys.readouterr().err.strip().endswith(said)


def test_a_finding_about_the_action_names_the_action_file_not_the_history(tmp_path, capsys):
    action, history = tmp_path / "action.yaml", tmp_path / "history.yaml"
    wrong_convener = {**CASES[3][2], "convened_by": "halmstad/kso"}
    action.write_text(yaml.safe_dump({"bylaw": "laholmsbukten", "meetings": [wrong_convener]}), encoding="utf-8")
    history.write_text(yaml.safe_dump({"bylaw": "laholmsbukten", "meetings": [PREPARED_RG]}), encoding="utf-8")
    assert main(["check-action", "laholmsbukten", str(action), "--history", str(history), "--lang", "en"]) == 1
    places = [line.strip() for line in capsys.readouterr().out.splitlines() if line.strip().startswith("Calendar: ")]
    assert places and all(p.startswith(f"Calendar: {action}, line ") for p in places), places


# ---- property: doing a preparation step earlier never turns an allowed action into a denied one --------
STEPS = st.lists(st.tuples(st.sampled_from(["referensgruppen", "styrgruppen", "sekretariatet"]),
                           st.sampled_from(["prepare", "propose", "inform", "decide"]),
                           st.integers(1, 120)), max_size=4)


@settings(max_examples=80, deadline=None)
@given(STEPS, st.sampled_from(["referensgruppen", "styrgruppen"]), st.sampled_from(["prepare", "propose"]),
       st.integers(1, 130))
def test_adding_a_preparation_step_never_denies(history_steps, body, action, day):
    from datetime import date, timedelta
    bylaw = governance.load("laholmsbukten")
    start = date(2025, 1, 1)

    def held(i, body_id, act, offset):
        return Meeting(id=f"h-{i}", body=body_id, date=start + timedelta(days=offset),
                       matters=(Matter(id="m", action=act),))

    history = calendar("laholmsbukten")
    history = replace(history, meetings=tuple(held(i, *s) for i, s in enumerate(history_steps)))
    the_action = (Meeting(id="a", body="styrgruppen", date=date(2025, 5, 12), convened_by="sekretariatet",
                          matters=(Matter(id="m", outcome="consensus"),)), Matter(id="m", outcome="consensus"))
    before = check_action(bylaw, the_action, history)
    extra = held(len(history_steps), body, action, day)
    after = check_action(bylaw, the_action, replace(history, meetings=(*history.meetings, extra)))
    if before.allowed:
        assert after.allowed
    assert {(f.rule, f.message) for f in after.findings if f.rule == "preparation"} <= \
        {(f.rule, f.message) for f in before.findings if f.rule == "preparation"}


@pytest.mark.parametrize("lang, day, said", [
    ("sv", "2025-05-12", "tillåtet: besluta 'upphandling-it' i styrgruppen den 2025-05-12 — inget skäl emot"),
    ("sv", "2025-06-06", "tillåtet: besluta 'upphandling-it' i styrgruppen den 2025-06-06 — inget skäl emot, 1 varning"),
    ("en", "2025-06-06", "allowed: decide 'upphandling-it' at styrgruppen on 2025-06-06 — no reason against, 1 warning"),
    ("sv", "2025-01-10", "inte tillåtet: besluta 'upphandling-it' i styrgruppen den 2025-01-10 — 1 skäl emot"),
    ("en", "2025-01-10", "denied: decide 'upphandling-it' at styrgruppen on 2025-01-10 — 1 reason against")])
def test_the_verdicts_line_counts_reasons_against_and_warnings_apart(lang, day, said):
    """A warning (a meeting on Sweden's national day) does not stand in the way: not counted as a reason."""
    from governance.calendar import read_calendar
    root = Path(__file__).resolve().parent.parent
    text = (root / "examples/actions/laholmsbukten-decide-upphandling.yaml").read_text(encoding="utf-8")
    action = parse_calendar(text.replace("date: 2025-05-12", f"date: {day}"), "action.yaml")
    history = read_calendar(root / "examples/laholmsbukten-2025.yaml")
    verdict = check_action(governance.load("laholmsbukten"), action, history, lang=lang)
    assert verdict.said() == said
