"""One test per rule id: the rule firing on a calendar that breaks it, and silent on one that does not."""
from __future__ import annotations

import re

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from check_fixtures import (TEXT, bylaw, calendar, compliant_year, findings, gruppen, matter,  # noqa: E402
                            radet, ref, seats, stod, workday)

import governance  # noqa: E402
from governance.calendar.model import Meeting  # noqa: E402
from governance.check import RULE_IDS  # noqa: E402

AS_OF = date(2024, 1, 1)  # before every meeting below: every year is judged in full on its plan
BYLAW = bylaw()


def check(meetings, text: str | None = None, **kw):
    kw.setdefault("as_of", AS_OF)
    return governance.check_calendar(bylaw(text) if text else BYLAW, calendar(meetings), **kw)


def base():
    return compliant_year(2025)


def swap(meetings, meeting_id, **changes):
    return [replace(m, **changes) if m.id == meeting_id else m for m in meetings]


def test_baseline_is_compliant_and_quiet():
    report = check(base())
    assert findings(report) == []
    assert report.compliant


def test_meeting_minimum():
    assert findings(check(base()), "meeting-minimum") == []
    broken = [m for m in base() if m.id != "r-2025-2"]
    assert findings(check(broken), "meeting-minimum") == [
        ("meeting-minimum", "error", None, "radet meets 1 time in 2025; the bylaw requires at least 2")]


def test_meeting_minimum_between_and_about():
    only_stod = [m for m in base() if m.id != "s-2025-2"]
    assert findings(check(only_stod), "meeting-minimum") == [
        ("meeting-minimum", "error", None, "stod meets 1 time in 2025; the bylaw requires 2–3")]
    # about 4 accepts 3..5; 2 is a warning, never an error
    two = [m for m in base() if m.id not in ("g-2025-1", "g-2025-3")]
    assert findings(check(two), "meeting-minimum") == [
        ("meeting-minimum", "warning", None,
         "gruppen meets 2 times in 2025; the bylaw requires about 4 (3–5 accepted)")]
    three = [m for m in base() if m.id != "g-2025-1"]
    assert findings(check(three), "meeting-minimum") == []


def test_meeting_maximum():
    extra = [radet(f"r-x{i}", workday(2025, 6, 2 + 7 * i)) for i in range(2)]
    assert findings(check(base() + extra[:1] + extra[1:]), "meeting-maximum") == []  # 4 is allowed
    more = extra + [radet("r-x9", workday(2025, 11, 24))]
    assert findings(check(base() + more), "meeting-maximum") == [
        ("meeting-maximum", "error", None, "radet meets 5 times in 2025; the bylaw requires at most 4")]
    stod_more = [stod(f"s-x{i}", workday(2025, 6, 2 + 7 * i)) for i in range(2)]
    assert findings(check(base() + stod_more), "meeting-maximum") == [
        ("meeting-maximum", "error", None, "stod meets 4 times in 2025; the bylaw requires 2–3")]


def test_meeting_window():
    assert findings(check(base()), "meeting-window") == []
    moved = swap(base(), "g-2025-2", date=workday(2025, 6, 10))
    assert findings(check(moved), "meeting-window") == [
        ("meeting-window", "error", None,
         "gruppen meets 0 times in April–May 2025; the bylaw requires exactly 1")]
    twice = base() + [gruppen("g-x", workday(2025, 4, 22))]
    assert [f[3] for f in findings(check(twice), "meeting-window")] == [
        "gruppen meets 2 times in April–May 2025; the bylaw requires exactly 1"]


def test_chair_rotation():
    assert findings(check(base()), "chair-rotation") == []
    wrong = swap(base(), "r-2025-1", chair=ref("gamma/kso"))
    assert findings(check(wrong), "chair-rotation") == [
        ("chair-rotation", "error", "r-2025-1",
         "'gamma/kso' chaired 'r-2025-1', but the chair is beta/kso (beta's turn in the rotation in 2025), "
         "and beta/kso attended")]
    # `chair one of kommundirektor`: any holder of the role, but only that role
    assert findings(check(swap(base(), "g-2025-1", chair=ref("gamma/kommundirektor"))), "chair-rotation") == []
    assert [f[2] for f in findings(check(swap(base(), "g-2025-1", chair=ref("regionen/samordnare"))),
                                   "chair-rotation")] == ["g-2025-1"]


def test_vice_chair():
    # alfa is vice chair in 2025: may chair when beta's chair is absent, not when beta attends
    absent = swap(base(), "r-2025-1", chair=ref("alfa/kso"),
                  attendees=(ref("alfa/kso"), ref("gamma/kso"), ref("kansliet")))
    assert findings(check(absent), "vice-chair") == []
    assert findings(check(absent), "chair-rotation") == []
    present = swap(base(), "r-2025-1", chair=ref("alfa/kso"))
    assert findings(check(present), "vice-chair") == [
        ("vice-chair", "error", "r-2025-1",
         "'alfa/kso' chaired 'r-2025-1' as vice chair, but the chair (beta/kso: beta's turn in the rotation "
         "in 2025) attended")]
    other = swap(base(), "r-2025-1", chair=ref("gamma/kso"),
                 attendees=(ref("alfa/kso"), ref("gamma/kso"), ref("kansliet")))
    assert [f[0] for f in findings(check(other)) if f[0] in ("vice-chair", "chair-rotation")] == ["vice-chair"]


def test_quorum_per_seat_adjuncts_do_not_count():
    ok = swap(base(), "r-2025-1", attendees=(ref("alfa/kso"), ref("beta/kso"), ref("kansliet")))
    assert findings(check(ok), "quorum") == []
    low = swap(base(), "r-2025-1", attendees=(ref("beta/kso"), ref("alfa/kommundirektor"),
                                                ref("beta/kommundirektor"), ref("kansliet")))
    assert findings(check(low), "quorum") == [
        ("quorum", "error", "r-2025-1", "1 of 3 seats present at 'r-2025-1'; the quorum is more than half of seats; "
                                       "missing: alfa/kso, gamma/kso")]


def test_quorum_per_member_with_equal_influence():
    # stod: `quorum all` with equal influence counts members, not seats (two seats each)
    ok = swap(base(), "s-2025-1", attendees=seats("representant"))
    assert findings(check(ok), "quorum") == []
    missing = swap(base(), "s-2025-1", attendees=seats("representant", ("alfa", "beta")) + seats("ersattare", ("alfa",)))
    assert findings(check(missing), "quorum") == [
        ("quorum", "error", "s-2025-1", "2 of 3 members present at 's-2025-1'; the quorum is all of members; "
                                       "missing: gamma")]


def test_quorum_default_cites_the_law():
    text = TEXT.replace('  quorum more than half\n    cite "Rådet är beslutfört när mer än hälften av ledamöterna är närvarande."\n',
                        '  quorum default\n')
    low = swap(base(), "r-2025-1", attendees=(ref("beta/kso"), ref("kansliet")))
    report = check(low, text)
    [f] = [f for f in report.findings if f.rule == "quorum"]
    assert f.message == ("1 of 3 seats present at 'r-2025-1'; the quorum is more than half of seats; "
                         "missing: alfa/kso, gamma/kso")
    assert f.citation.quote.startswith("Kommunallagen (2017:725) 6 kap.")
    assert f.citation.file == "bylaws/testlaw.bylaw"


def test_unknown_seat():
    assert findings(check(base()), "unknown-seat") == []
    pool = swap(base(), "g-2025-1", attendees=seats("kommundirektor") + (ref("gamma/expert"),
                                                                          ref("regionen/samordnare")))
    assert findings(check(pool), "unknown-seat") == []  # `from any municipality` takes any municipality
    bad = swap(base(), "g-2025-1", attendees=seats("kommundirektor") + (ref("regionen/expert"),
                                                                         ref("regionen/samordnare"), ref("kso")))
    assert findings(check(bad), "unknown-seat") == [
        ("unknown-seat", "error", "g-2025-1", "'kso' holds no seat in gruppen"),
        ("unknown-seat", "error", "g-2025-1", "'regionen/expert' holds no seat in gruppen")]


def test_unknown_seat_at_bodies_seated_alike_but_served_differently():
    # Bodies with the same seats share how a reference resolves (context.seat_kinds), but only where the
    # same offices serve them: the office that is secretary of one is a stranger at the other.
    text = """\
bylaw twins "Tvillingarna"
  valid from 2024-01-01 until further notice

member alfa "Alfa kommun" municipality 1001
member beta "Beta kommun" municipality 1002

body kansliet "Kansliet" office

body ett "Ett"
  seat kso "KSO" from each municipality
  secretary kansliet

body tva "Två"
  seat kso "KSO" from each municipality
"""
    day = date(2025, 3, 4)
    present = seats("kso", ("alfa", "beta")) + (ref("kansliet"),)
    for order in (("ett", "tva"), ("tva", "ett")):
        meetings = [Meeting(id=f"{b}-1", body=b, date=day, attendees=present) for b in order]
        got = governance.check_calendar(bylaw(text), calendar(meetings), as_of=AS_OF)
        assert findings(got, "unknown-seat") == [
            ("unknown-seat", "error", "tva-1", "'kansliet' holds no seat in tva")]


def test_unknown_body():
    assert findings(check(base()), "unknown-body") == []
    bad = swap(base(), "s-2025-1", body="stodgruppen")
    assert findings(check(bad), "unknown-body") == [
        ("unknown-body", "error", "s-2025-1",
         "meeting 's-2025-1' is of 'stodgruppen', which is not a body of testlaw (did you mean 'gruppen'?)")]


def test_unknown_member():
    assert findings(check(base()), "unknown-member") == []
    bad = swap(base(), "r-2025-1", attendees=seats("kso") + (ref("delta/kso"), ref("kansliet")),
               matters=(matter("m", action="inform", participants=("alfa", "gama")),))
    assert findings(check(bad), "unknown-member") == [
        ("unknown-member", "error", "r-2025-1", "'delta/kso' names 'delta', which is not a member of testlaw (did you mean 'beta'?)"),
        ("unknown-member", "error", "r-2025-1",
         "participant 'gama' of 'm' is not a member of testlaw (did you mean 'gamma'?)")]


def test_preparation():
    prepared = swap(base(), "g-2025-1", matters=(matter("it", action="prepare"),))
    decided = swap(prepared, "r-2025-1", matters=(matter("it"),))
    assert findings(check(decided), "preparation") == []
    day = next(m.date for m in base() if m.id == "r-2025-1")
    late = swap(swap(base(), "g-2025-2", matters=(matter("it", action="prepare"),)), "r-2025-1",
                matters=(matter("it"),))
    assert findings(check(late), "preparation") == [
        ("preparation", "error", "r-2025-1", f"gruppen has not prepared 'it' before {day}")]
    same_day = base() + [gruppen("g-same", day, matters=(matter("it", action="prepare"),))]
    same_day = swap(same_day, "r-2025-1", matters=(matter("it"),))
    assert [f[3] for f in findings(check(same_day), "preparation")] == [
        f"gruppen has not prepared 'it' before {day}"]


def test_preparation_of_a_typed_matter_needs_the_proposal():
    steps = swap(base(), "g-2025-1", matters=(matter("b25", type="budget", action="prepare"),))
    decided = swap(steps, "r-2025-2", matters=(matter("b25"),))  # the type comes from the earlier step
    day = next(m.date for m in base() if m.id == "r-2025-2")
    assert findings(check(decided), "preparation") == [
        ("preparation", "error", "r-2025-2", f"stod has not proposed 'b25' before {day}")]
    proposed = swap(decided, "s-2025-1", matters=(matter("b25", type="budget", action="propose"),))
    assert findings(check(proposed), "preparation") == []


def test_decision_rule():
    ok = swap(base(), "g-2025-1", matters=(matter("x", action="prepare"),))
    ok = swap(ok, "r-2025-2", matters=(matter("x", outcome="consensus"),))
    assert findings(check(ok), "decision-rule") == []
    bad = swap(ok, "r-2025-2", matters=(matter("x", outcome="majority"),))
    assert findings(check(bad), "decision-rule") == [
        ("decision-rule", "error", "r-2025-2", "'x' was decided by a majority vote, but radet decides by consensus")]


def test_participation():
    ok = swap(base(), "g-2025-1", matters=(matter("p", action="inform", participants=("alfa", "beta")),))
    assert findings(check(ok), "participation") == []
    bad = swap(base(), "g-2025-1", matters=(matter("p", action="inform", participants=("alfa",)),))
    assert findings(check(bad), "participation") == [
        ("participation", "error", "g-2025-1", "'p' has 1 participating member (alfa); at least 2 are needed")]


def test_convener():
    assert findings(check(base()), "convener") == []
    # gruppen: `convener chair` — whoever chairs that meeting, or "chair"
    assert findings(check(swap(base(), "g-2025-1", convened_by="chair")), "convener") == []
    bad = swap(base(), "r-2025-1", convened_by="gamma/kso")
    assert findings(check(bad), "convener") == [
        ("convener", "error", "r-2025-1", "'r-2025-1' was convened by 'gamma/kso', but radet is convened by kansliet")]
    bad = swap(base(), "g-2025-1", convened_by="beta/kommundirektor")
    assert [f[2] for f in findings(check(bad), "convener")] == ["g-2025-1"]


def test_secretary():
    assert findings(check(base()), "secretary") == []
    bad = swap(base(), "g-2025-1", attendees=seats("kommundirektor"))
    assert findings(check(bad), "secretary") == [
        ("secretary", "error", "g-2025-1", "the secretary (regionen/samordnare) is not among the attendees of "
                                           "'g-2025-1'; nobody keeps the minutes")]
    # an office as secretary attends as itself
    bad = swap(base(), "r-2025-1", attendees=seats("kso"))
    assert [f[2] for f in findings(check(bad), "secretary")] == ["r-2025-1"]


def test_notice():
    assert findings(check(base()), "notice") == []
    day = next(m.date for m in base() if m.id == "r-2025-1")
    short = swap(base(), "r-2025-1", notice_date=date.fromordinal(day.toordinal() - 13))
    assert findings(check(short), "notice") == [
        ("notice", "error", "r-2025-1", f"'r-2025-1' was called 13 days ahead "
                                        f"({date.fromordinal(day.toordinal() - 13)}); radet needs at least 14 days' notice")]
    exact = swap(base(), "r-2025-1", notice_date=date.fromordinal(day.toordinal() - 14))
    assert findings(check(exact), "notice") == []


def test_term():
    assert findings(check(compliant_year(2026)), "term") == []
    late = compliant_year(2027)
    report = check(late)
    # One finding per body and year (the term is one fact), listing every meeting it concerns.
    got = [f for f in report.findings if f.rule == "term"]
    assert sorted(f.body for f in got) == sorted({m.body for m in late}) and {f.year for f in got} == {2027}
    assert {m.id for m in late} == {i for f in got for i in re.findall(r"'([^']+)' (?:on|\()", f.message)}
    assert all(f.message.endswith("after the agreement ends (2026-12-31)") for f in got)
    early = check(compliant_year(2023))
    assert all("before the agreement takes effect (2024-01-01)" in f[3] for f in findings(early, "term"))
    assert len(findings(early, "term")) == len({m.body for m in compliant_year(2023)})


def test_term_renewed_per_mandate_period():
    text = TEXT.replace('  valid from 2024-01-01 until 2026-12-31\n', '  valid from 2024-01-01 until further notice\n'
                        '  renewed after each election for 1 mandate period\n')
    inside = [radet("r-1", workday(2026, 10, 5))]
    assert findings(check(inside, text), "term") == []
    after = [radet("r-2", workday(2026, 10, 20))]
    [(rule, severity, meeting, message)] = findings(check(after, text), "term")
    # No renewal recorded at all: the tool cannot know, so it warns and asks for the renewals.
    assert (rule, severity, meeting) == ("term", "warning", "r-2")
    assert "term ended on 2026-10-14" in message and "record the renewals" in message
    recorded = text.replace("  renewed after each election for 1 mandate period\n",
                            "  renewed after each election for 1 mandate period\n  renewed 2022-11-01\n")
    [(rule, severity, meeting, message)] = findings(check(after, recorded), "term")
    assert (rule, severity, meeting) == ("term", "error", "r-2")


def test_term_after_a_later_version_takes_effect():
    newer = governance.parse('bylaw testlaw-2025 "Testförbundet 2025"\n  amends testlaw from 2025-07-01\n'
                             '    cite "Avtalet ersätter avtalet från 2024."\nmember a "A" municipality 1280\n',
                             filename="bylaws/testlaw-2025.bylaw")
    year = base()
    # Without the other versions nothing is known of a successor; with them, meetings from its first day
    # are out of this bylaw's term, each cited from the successor's `amends` line.
    assert findings(check(year), "term") == []
    got = findings(check(year, versions=[newer]), "term")
    assert {i for f in got for i in re.findall(r"'([^']+)' (?:on|\()", f[3])} == {
        m.id for m in year if m.date >= date(2025, 7, 1)} != set()
    assert all(f[1] == "error" and "testlaw is no longer in force; testlaw-2025 takes its place from 2025-07-01"
               in f[3] for f in got)
    report = check(year, versions=[newer, BYLAW])  # the bylaw itself among the versions is fine
    cited = {f.citation for f in report.findings if f.rule == "term"}
    assert {(c.file, c.line, c.quote) for c in cited} == {("bylaws/testlaw-2025.bylaw", 2,
                                                           "Avtalet ersätter avtalet från 2024.")}
    # the newest version has no successor; versions that are no chain are refused
    newest = governance.check_calendar(newer, calendar(year), as_of=AS_OF, versions=[BYLAW])
    assert not any("no longer in force" in f[3] for f in findings(newest, "term"))
    with pytest.raises(governance.time.versions.VersionError):
        check(year, versions=[governance.parse('bylaw other "O"\nmember a "A" municipality 1280\n')])


def test_holiday():
    assert findings(check(base()), "holiday") == []
    report = check(base() + [stod("s-nd", date(2025, 6, 6)), stod("s-sat", date(2025, 6, 7))],)
    assert findings(report, "holiday") == [
        ("holiday", "warning", "s-nd", "'s-nd' falls on a public holiday: National Day (2025-06-06)"),
        ("holiday", "warning", "s-sat", "'s-sat' falls on a weekend (Saturday 2025-06-07)")]
    assert all(f.severity == "warning" for f in report.findings if f.rule == "holiday")


def test_meeting_minimum_as_a_rule_is_a_warning():
    """"som regel": a shortfall (or an excess) against a number set `as a rule` is a warning, never an error;
    the same count without it stays an error."""
    text = TEXT.replace("meets at least 2 per year\n", "meets at least 2 per year as a rule\n")
    text = text.replace("meets at most 4 per year\n", "meets at most 4 per year normally\n")
    assert text != TEXT and "as a rule" in text and "normally" in text
    one = [m for m in base() if m.id != "r-2025-2"]
    assert findings(check(one, text), "meeting-minimum") == [
        ("meeting-minimum", "warning", None, "radet meets 1 time in 2025; the bylaw says at least 2 as a rule")]
    assert findings(check(one, text, lang="sv"), "meeting-minimum") == [
        ("meeting-minimum", "warning", None, "radet möts 1 gång under 2025; avtalet anger som regel minst 2")]
    five = base() + [radet(f"r-2025-x{i}", workday(2025, 6, 2 + 7 * i)) for i in range(3)]
    assert [f[:2] for f in findings(check(five, text), "meeting-maximum")] == [("meeting-maximum", "warning")]
    assert [f[:2] for f in findings(check(five), "meeting-maximum")] == [("meeting-maximum", "error")]
    report = check(one, text)
    assert report.compliant  # warnings only


REQUIRED = TEXT.replace('body radet "Rådet"\n',
                        'body radet "Rådet"\n  treats budget each year in january..june\n'
                        '    cite "Rådet behandlar budgeten före juli varje år."\n')


def test_required_matter():
    assert findings(check(base()), "required-matter") == []  # the clause is not in the fixture
    assert findings(check(base(), REQUIRED), "required-matter") == [
        ("required-matter", "error", None,
         "radet treats no 'budget' at any meeting in January–June 2025; the bylaw requires it every year")]
    treated = swap(base(), "r-2025-1", matters=(matter("b26", type="budget", action="decide"),))
    assert findings(check(treated, REQUIRED), "required-matter") == []
    # the fix: the body's meetings in the period, or free days in it when it has none
    [finding] = [f for f in check(base(), REQUIRED).findings if f.rule == "required-matter"]
    assert finding.fix == "take up 'budget' at one of the body's meetings in January–June 2025: 'r-2025-1' (2025-03-10)"
    spring_gone = [m for m in base() if m.id != "r-2025-1"]
    [finding] = [f for f in check(spring_gone, REQUIRED).findings if f.rule == "required-matter"]
    assert finding.fix.startswith("the body has no meeting in January–June 2025; hold one that takes up 'budget', e.g. on ")
    # by the type's own id, and whatever the body does with it (here: it is informed)
    informed = swap(base(), "r-2025-1", matters=(matter("budget", action="inform"),))
    assert findings(check(informed, REQUIRED), "required-matter") == []
    # outside the months named it does not count; another body's meeting does not count
    late = swap(base(), "r-2025-2", matters=(matter("b26", type="budget"),))
    other = swap(base(), "g-2025-1", matters=(matter("b26", type="budget"),))
    for meetings in (late, other):
        assert [f[:2] for f in findings(check(meetings, REQUIRED), "required-matter")] == [("required-matter", "error")]
    # a cancelled meeting that carried it is named, and does not count
    cancelled = swap(base(), "r-2025-1", matters=(matter("b26", type="budget"),), status="cancelled")
    [(_, _, _, message)] = findings(check(cancelled, REQUIRED), "required-matter")
    assert message.endswith("('r-2025-1' cancelled)")
    # every year the calendar spans is judged
    two_years = treated + compliant_year(2026)
    assert [f.year for f in check(two_years, REQUIRED).findings if f.rule == "required-matter"] == [2026]


def test_required_matter_in_a_plan_that_starts_after_as_of():
    """A plan starting after --as-of cannot know what was treated before it: a warning while the period was
    open at as-of, nothing once the period was over."""
    spring = [m for m in base() if m.date.month >= 7]
    report = check(spring, REQUIRED, as_of=date(2025, 3, 1))
    assert [(f.severity, f.year) for f in report.findings if f.rule == "required-matter"] == [("warning", 2025)]
    report = check(spring, REQUIRED, as_of=date(2025, 6, 30))
    assert [f for f in report.findings if f.rule == "required-matter"] == []


def test_every_rule_id_has_a_test():
    names = {name for name in globals() if name.startswith("test_")}
    # the rules about people (seats, substitute, jav, justering, anslag) are tested in test_people.py
    people = (Path(__file__).parent / "test_people.py").read_text(encoding="utf-8")
    names |= set(re.findall(r"^def (test_\w+)", people, flags=re.M))
    for rule in RULE_IDS:
        assert any(rule.replace("-", "_") in name for name in names), rule


@pytest.mark.parametrize("rule", RULE_IDS)
def test_every_finding_is_cited(rule):
    # one calendar breaking everything at once: every finding has a file, a line and a quote or a law
    messy = swap(base(), "r-2025-1", chair=ref("gamma/kso"), convened_by="x", attendees=(ref("beta/kso"),),
                 notice_date=date(2025, 3, 5), matters=(matter("q", outcome="majority", participants=("alfa",)),))
    report = check(messy + compliant_year(2027) + [stod("s-nd", date(2025, 6, 6))])
    for f in report.findings:
        assert f.citation is not None and f.citation.file == "bylaws/testlaw.bylaw" and f.citation.line > 0


def test_meeting_minimum_in_a_partial_year():
    """A calendar that starts after --as-of is a plan for the rest of that year (README, Partial years)."""
    plan = [m for m in compliant_year(2025) if m.date > date(2025, 9, 1)]  # r-2025-2 only for radet
    # as of 2025-09-01: radet's one planned meeting may follow one held earlier: a warning, not an error
    report = check(plan, as_of=date(2025, 9, 1))
    assert findings(report, "meeting-minimum") == [
        ("meeting-minimum", "warning", None, "gruppen meets 2 times in 2025; the bylaw requires about 4 (3–5 "
         "accepted): the calendar starts after 2025-09-01, so at least 1 more must have been held in 2025 "
         "before then"),
        ("meeting-minimum", "warning", None, "radet meets 1 time in 2025; the bylaw requires at least 2: the "
         "calendar starts after 2025-09-01, so at least 1 more must have been held in 2025 before then"),
        ("meeting-minimum", "warning", None, "stod meets 1 time in 2025; the bylaw requires 2–3: the calendar "
         "starts after 2025-09-01, so at least 1 more must have been held in 2025 before then")]
    assert report.compliant
    # gruppen's april–may window was over before the plan began: not judged
    assert findings(report, "meeting-window") == []
    # the same plan judged as of a day before the year began: a future year, judged in full
    assert [f[1] for f in findings(check(plan, as_of=date(2024, 12, 31)), "meeting-minimum")] == [
        "warning", "error", "error"]  # gruppen's `about 4` is only ever a warning
    # a record (it holds a meeting before as-of) is judged in full
    record = [m for m in compliant_year(2025) if m.id != "r-2025-1"]
    assert findings(check(record, as_of=date(2025, 9, 1)), "meeting-minimum")[0][1] == "error"
    # a year filter reports only that year
    both = compliant_year(2025) + [m for m in compliant_year(2026) if m.id != "r-2026-1"]
    assert findings(check(both, year=2025)) == []
    assert [f[3] for f in findings(check(both, year=2026))] == [
        "radet meets 1 time in 2026; the bylaw requires at least 2"]


def test_competence():
    from check_fixtures import TEXT
    text = TEXT.replace('body radet "Rådet"\n', 'body radet "Rådet"\n  decides budget\n    cite "Rådet beslutar om budgeten."\n')
    ok = swap(base(), "g-2025-1", matters=(matter("b26", type="budget", action="propose"),))
    assert findings(check(ok, text), "competence") == []
    bad = swap(base(), "g-2025-1", matters=(matter("b26", type="budget", action="decide"),))
    assert findings(check(bad, text), "competence") == [
        ("competence", "error", "g-2025-1", "gruppen decided 'b26' of type 'budget', which radet decides")]
    assert findings(check(bad), "competence") == []  # no body is given the budget: nothing to judge
