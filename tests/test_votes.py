"""Votes (issue 14 item 5): the bylaw says how a decision is taken — consensus, simple or qualified
majority, of the votes cast, of those present or of all seats, one voice per seat, member, group (a bloc
of members) or party group — and `decision-rule` counts recorded votes that way, against an oracle here
that counts them from the persons alone.

The bylaw is examples/vattenforbundet.bylaw (three ledamöter from each of three members) with its
decision clause replaced."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.calendar.model import Calendar, Matter, Meeting, Person, Presence, Vote
from governance.check import check_calendar
from governance.diagnostics import BylawError
from governance.loader import parse
from governance.syntax.printer import print_bylaw

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "examples" / "vattenforbundet.bylaw").read_text(encoding="utf-8")
DECISION = "  decision by majority\n"
MEMBERS = ("vara", "grastorp", "essunga")
PARTIES = ("S", "M", "C")
GROUPS = '  group kommunerna "Kommunerna" of vara, grastorp\n  group essunga-gruppen of essunga\n'
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def bylaw(decision: str, groups: str = ""):
    assert DECISION in TEXT
    return parse(TEXT.replace(DECISION, f"  {decision}\n{groups}"), filename="vattenforbundet.bylaw")


BYLAWS = {}


def cached(decision: str, groups: str = ""):
    key = (decision, groups)
    if key not in BYLAWS:
        BYLAWS[key] = bylaw(decision, groups)
    return BYLAWS[key]


def name(member: str, k: int) -> str:
    return f"{member.capitalize()} {k}"


def roster(parties: bool = True) -> tuple[Person, ...]:
    """Three ledamöter per member; the k-th of each member is of party PARTIES[k] (a party group across
    the members)."""
    return tuple(Person(name(m, k), f"{m}/ledamot", party=PARTIES[k] if parties else None)
                 for m in MEMBERS for k in range(3))


def decide(decision: str, votes, *, groups: str = "", present=None, jav=(), parties: bool = True):
    people = [Presence(f"{m}/ledamot", name(m, k)) for m in MEMBERS for k in range(3)] if present is None else present
    matter = Matter("x", votes=tuple(votes), jav=tuple(Presence(p.seat, p.person) for p in people
                                                      if p.person in jav))
    meeting = Meeting("d-1", "direktionen", date(2025, 2, 18), chair="grastorp/ledamot", present=tuple(people),
                      matters=(matter,))
    cal = Calendar("cal.yaml", "vattenforbundet", roster(parties), (meeting,))
    report = check_calendar(cached(decision, groups), cal, as_of=date(2025, 1, 1))
    return [(f.severity, f.message) for f in report.findings if f.rule == "decision-rule"]


def person_votes(choices: dict[tuple[str, int], str]) -> list[Vote]:
    return [Vote(name(m, k), c, m, None) for (m, k), c in sorted(choices.items())]


# ---- the language -------------------------------------------------------------------------------------
@pytest.mark.parametrize("decision", [
    "decision by consensus", "decision by majority", "decision by majority per member",
    "decision by 2/3 majority", "decision by 2/3 majority of present per seat",
    "decision by 3/5 majority of all seats per member", "decision by majority of present per party",
])
def test_each_decision_form_reads_and_prints_back(decision):
    model = bylaw(decision)
    printed = print_bylaw(model)
    assert f"  {decision}\n" in printed
    assert print_bylaw(parse(printed, filename="vattenforbundet.bylaw")) == printed


def test_groups_read_and_print_back():
    printed = print_bylaw(bylaw("decision by majority per group", GROUPS))
    assert 'group kommunerna "Kommunerna" of vara, grastorp\n' in printed
    assert "group essunga-gruppen of essunga\n" in printed


@pytest.mark.parametrize("decision, groups, code", [
    ("decision by majority per group", "", "no-groups"),
    ("decision by majority per group", '  group a of vara, grastorp\n', "group-missing"),
    ("decision by majority per group", '  group a of vara, grastorp\n  group b of grastorp, essunga\n',
     "group-overlap"),
    ("decision by majority per group", '  group a of vara, grastorp, essunga\n  group b of oslo\n', "unknown-member"),
    ("decision by 3/2 majority", "", "invalid-fraction"),
])
def test_a_voice_the_bylaw_cannot_mean_is_an_error_at_its_line(decision, groups, code):
    with pytest.raises(BylawError) as raised:
        bylaw(decision, groups)
    assert code in {d.code for d in raised.value.diagnostics}


def test_per_seat_contradicts_equal_influence():
    with pytest.raises(BylawError) as raised:
        bylaw("decision by majority per seat\n  equal influence")
    assert {d.code for d in raised.value.diagnostics} == {"voice-conflict"}


# ---- counting -----------------------------------------------------------------------------------------
def test_one_voice_per_member_is_the_way_most_of_its_voters_went():
    votes = person_votes({("vara", 0): "ja", ("vara", 1): "ja", ("vara", 2): "ja",
                          ("grastorp", 0): "ja", ("grastorp", 1): "nej", ("grastorp", 2): "nej",
                          ("essunga", 0): "ja", ("essunga", 1): "nej", ("essunga", 2): "nej"})
    assert decide("decision by majority", votes) == []  # 5 ja, 4 nej
    assert decide("decision by majority per member", votes) == [
        ("error", "'x' was decided, the votes give no majority for it: 1 ja, 2 nej (one voice per member)")]
    # the k-th of each member is of party k: S 3 ja, M 1 ja 2 nej, C 1 ja 2 nej
    assert decide("decision by majority per party", votes) == [
        ("error", "'x' was decided, the votes give no majority for it: 1 ja, 2 nej (one voice per party group)")]
    # kommunerna (vara, grastorp) 4 ja 2 nej, essunga 1 ja 2 nej: equal, the casting vote decides
    assert decide("decision by majority per group", votes, groups=GROUPS) == [
        ("warning", "'x' was decided on equal votes, 1 ja, 1 nej (one voice per group): valid only if the chair's "
                    "casting vote was ja, which the calendar does not record")]


def test_qualified_majority_of_the_votes_cast():
    six_three = person_votes({(m, k): ("ja" if k < 2 else "nej") for m in MEMBERS for k in range(3)})
    assert decide("decision by 2/3 majority", six_three) == []  # 6 of 9: exactly two thirds
    assert decide("decision by 3/4 majority", six_three) == [
        ("error", "'x' was decided, the votes fall short of the 3/4 of the votes cast it needs: 6 ja, 3 nej "
                  "(one voice per seat)")]


def test_a_majority_of_those_present_counts_abstentions_against_and_the_javiga_out():
    four = person_votes({("vara", 0): "ja", ("vara", 1): "ja", ("grastorp", 0): "ja", ("essunga", 0): "ja",
                         ("essunga", 1): "avstar"})
    assert decide("decision by majority", four) == []
    assert decide("decision by majority of present", four) == [
        ("error", "'x' was decided, the votes give no majority of those present for it: 4 ja, 0 nej "
                  "(one voice per seat)")]  # 4 of 9 present
    assert decide("decision by majority of present", four, jav={name("essunga", 2)})[0][0] == "error"  # 4 of 8
    assert decide("decision by majority of present", four, jav={name("essunga", 2), name("grastorp", 2)}) == []
    assert decide("decision by 2/3 majority of all seats", four)[0][0] == "error"


def test_a_members_voice_under_one_voice_per_seat_is_judged_only_where_its_weight_cannot_matter():
    assert decide("decision by majority", [Vote(m, "ja") for m in MEMBERS]) == []
    unsettled = decide("decision by majority", [Vote("vara", "ja"), Vote("grastorp", "nej"), Vote("essunga", "nej")])
    assert unsettled == [("warning", "the votes on 'x' at 'd-1' do not settle whether it had a majority: 1–3 ja, "
                                     "2–6 nej (one voice per seat); a member voting as one weighs between one voice "
                                     "and its seats")]


def test_per_party_needs_every_voters_party():
    votes = person_votes({("vara", 0): "ja", ("grastorp", 1): "nej"})
    assert decide("decision by majority per party", votes, parties=False) == [
        ("warning", "the votes on 'x' at 'd-1' are not judged: Grastorp 1 has no party in the roster (one voice per "
                    "party group)")]


def test_the_voices_are_said_in_swedish_too():
    votes = person_votes({("vara", 0): "nej"})
    cal = Calendar("cal.yaml", "vattenforbundet", roster(), (Meeting(
        "d-1", "direktionen", date(2025, 2, 18), chair="grastorp/ledamot", matters=(Matter("x", votes=tuple(votes)),)),))
    report = check_calendar(cached("decision by 2/3 majority per group", GROUPS), cal, as_of=date(2025, 1, 1),
                            lang="sv")
    assert [f.message for f in report.findings if f.rule == "decision-rule"] == [
        "'x' beslutades, rösterna når inte de minst 2/3 av de avgivna rösterna som krävs: 0 ja, 1 nej "
        "(en röst per grupp)"]


# ---- property: the count equals a plain count from the persons ------------------------------------------
def oracle(choices: dict[tuple[str, int], str], per: str, share, base: str, present: int) -> bool | None:
    """Whether the decision has its majority, counted plainly; None for equal votes (the casting vote)."""
    if per == "seat":
        ja = sum(c == "ja" for c in choices.values())
        nej = sum(c == "nej" for c in choices.values())
    else:
        def unit(m: str, k: int) -> str:
            return {"member": m, "party": PARTIES[k], "group": "kommunerna" if m != "essunga" else "e"}[per]
        units: dict[str, list[str]] = {}
        for (m, k), c in choices.items():
            units.setdefault(unit(m, k), []).append(c)
        ja = sum(v.count("ja") > v.count("nej") for v in units.values())
        nej = sum(v.count("nej") > v.count("ja") for v in units.values())
    if base == "votes":
        if share is None:
            return None if ja == nej and ja else ja > nej
        return ja * share[1] >= share[0] * (ja + nej)
    total = present if base == "present" else {"seat": 9, "member": 3, "group": 2, "party": 3}[per]
    if share is None:
        return 2 * ja > total
    return ja * share[1] >= share[0] * total


persons = [(m, k) for m in MEMBERS for k in range(3)]


@SETTINGS
@given(st.dictionaries(st.sampled_from(persons), st.sampled_from(("ja", "nej", "avstar"))),
       st.sets(st.sampled_from(persons)), st.sampled_from(("seat", "member", "group", "party")),
       st.sampled_from((None, (1, 2), (2, 3), (3, 4))), st.sampled_from(("votes", "present", "seats")))
def test_decision_rule_counts_as_a_plain_count_of_the_persons_does(choices, absent, per, share, base):
    absent -= set(choices)  # who voted was there
    here = [Presence(f"{m}/ledamot", name(m, k)) for m, k in persons if (m, k) not in absent]
    if per == "party":
        total_present = len({PARTIES[k] for m, k in persons if (m, k) not in absent})
    elif per == "member":
        total_present = len({m for m, k in persons if (m, k) not in absent})
    elif per == "group":
        total_present = len({m != "essunga" for m, k in persons if (m, k) not in absent})
    else:
        total_present = len(here)
    if base == "seats" and per == "party":
        return  # the bylaw does not say how many party groups there are: not judged (tested above)
    groups = '  group kommunerna of vara, grastorp\n  group e of essunga\n' if per == "group" else ""
    words = (f"{share[0]}/{share[1]} " if share else "") + "majority" + \
        {"votes": "", "present": " of present", "seats": " of all seats"}[base]
    said = decide(f"decision by {words} per {per}", person_votes(choices), groups=groups, present=here)
    expected = oracle(choices, per, share, base, total_present)
    if not choices:
        assert said == []
    elif expected is None:
        assert [s for s, _ in said] == ["warning"]
    elif expected:
        assert said == []
    else:
        assert [s for s, _ in said] == ["error"]
