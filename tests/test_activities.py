"""The activity-plan checker, and Hälsingerådet's shipped 2025 plan checked against its bylaw."""
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import governance
from governance.planning.activities import check_plan, goal_citations, goal_matter, load_plan, parse_plan
from governance.diagnostics import BylawError

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "bylaws" / "halsingeradet-activities-2025.yaml"


@pytest.fixture(scope="module")
def bylaw():
    return governance.load("halsingeradet")


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN)


def _plan(activities: str, header: str = "bylaw: halsingeradet\nyear: 2025\n") -> str:
    return header + "activities:\n" + activities


ONE = """\
  - id: a
    activity: Gör något
    goals: [4.2.1]
    responsible: [utvecklingskontoret]
    deadline: 2025-05-25
"""


# ---- the shipped plan ----------------------------------------------------------------------------------
def test_shipped_plan_has_every_row_of_the_source_table(plan):
    assert plan.bylaw == "halsingeradet" and plan.year == 2025
    assert len(plan.activities) == 19
    assert len({a.id for a in plan.activities}) == 19


def test_shipped_plan_is_consistent_with_the_bylaw(plan, bylaw):
    assert check_plan(plan, bylaw) == []


def test_shipped_plan_only_refers_to_the_three_sustainable_growth_goals(plan):
    goals = {g for a in plan.activities for g in a.goals}
    assert goals == {"4.2.1", "4.2.2", "4.2.3"}


@pytest.mark.parametrize("activity_id, goals, deadline, as_written", [
    ("kommunikationschefernas-natverk", ("4.2.1", "4.2.2"), None, "Löpande"),
    ("varumarkesskydd", ("4.2.1",), date(2025, 6, 30), "Första halvåret 2025"),
    ("halsingegardarnas-dag", ("4.2.1",), date(2025, 5, 25), "25 maj"),
    ("massa-september", ("4.2.1",), date(2025, 9, 27), "25-27 september"),
    ("gemensamma-evenemang", ("4.2.1", "4.2.2"), date(2025, 10, 31), "Senast oktober 2025"),
    ("kontakter", ("4.2.1", "4.2.2", "4.2.3"), None, "Löpande"),
    ("sitevision", ("4.2.3",), date(2025, 12, 31), "2025"),
])
def test_shipped_rows(plan, activity_id, goals, deadline, as_written):
    activity = next(a for a in plan.activities if a.id == activity_id)
    assert activity.goals == goals
    assert activity.deadline == deadline
    assert activity.ongoing is (deadline is None)
    assert activity.as_written == as_written
    assert activity.responsible == ("utvecklingskontoret",)


def test_activity_lines_point_at_their_rows(plan):
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    for activity in plan.activities:
        assert lines[activity.line - 1].strip() == f"- id: {activity.id}"


def test_goal_citations_quote_the_bylaws_goal_sentences(plan, bylaw):
    cited = {(a.id, c.quote) for a, c in goal_citations(plan, bylaw)}
    assert ("halsingegardarnas-dag",
            "Delmal 4.2.1 Ansvara for Halsinglands kommunikationsinsatser och samordna arbetet kring "
            "varuméarket Hélsingland") in cited


# ---- the checker ---------------------------------------------------------------------------------------
def test_goal_references_map_to_matter_ids():
    assert goal_matter("4.2.1") == "mal-4-2-1"
    assert goal_matter("4.1") == "mal-4-1"
    assert goal_matter("mal-4-2-3") == "mal-4-2-3"


def test_a_well_formed_activity_passes(bylaw):
    assert check_plan(parse_plan(_plan(ONE)), bylaw) == []


@pytest.mark.parametrize("change, rule", [
    (("goals: [4.2.1]", "goals: [4.2.9]"), "activity-goal"),
    (("goals: [4.2.1]", "goals: []"), "activity-goal"),
    (("responsible: [utvecklingskontoret]", "responsible: [marknadsavdelningen]"), "activity-responsible"),
    (("responsible: [utvecklingskontoret]", "responsible: []"), "activity-responsible"),
    (("responsible: [utvecklingskontoret]", "responsible: [utvecklingskontoret/kock]"), "activity-responsible"),
    (("deadline: 2025-05-25", "deadline: 2026-01-15"), "activity-deadline"),
    (("deadline: 2025-05-25", "deadline: 2024-12-31"), "activity-deadline"),
])
def test_each_broken_rule_gives_its_finding(bylaw, change, rule):
    text = _plan(ONE.replace(*change))
    findings = check_plan(parse_plan(text, "plan.yaml"), bylaw)
    assert [f.rule for f in findings] == [rule]
    assert findings[0].severity == "error"
    assert findings[0].matter == "a" and findings[0].year == 2025
    assert findings[0].citation.file == "plan.yaml" and findings[0].citation.line == 4
    assert findings[0].citation.quote == "Gör något"


@pytest.mark.parametrize("responsible", ["utvecklingskontoret/samordnare", "hudiksvall", "styrelsen",
                                         "kommunchefsgruppen"])
def test_responsible_may_be_a_body_a_seat_or_a_member(bylaw, responsible):
    text = _plan(ONE.replace("[utvecklingskontoret]", f"[{responsible}]"))
    assert check_plan(parse_plan(text), bylaw) == []


def test_ongoing_activities_have_no_deadline_to_check(bylaw):
    plan = parse_plan(_plan(ONE.replace("deadline: 2025-05-25", "deadline: ongoing")))
    assert plan.activities[0].ongoing
    assert check_plan(plan, bylaw) == []


def test_duplicate_ids_and_a_foreign_bylaw_are_findings(bylaw):
    text = _plan(ONE + ONE, header="bylaw: malmolundregionen\nyear: 2025\n")
    rules = [f.rule for f in check_plan(parse_plan(text), bylaw)]
    assert sorted(rules) == ["activity-bylaw", "activity-duplicate"]


def test_goal_references_stay_text():
    # Plain YAML would read 4.2 as the float 4.2 and 4.10 as 4.1.
    plan = parse_plan(_plan(ONE.replace("goals: [4.2.1]", "goals: [4.2, 4.10]")))
    assert plan.activities[0].goals == ("4.2", "4.10")


# ---- bad input: one clear error with file and line, never a traceback ----------------------------------
@pytest.mark.parametrize("text, line, words", [
    (_plan(ONE.replace("deadline: 2025-05-25", "deadline: snart")), 8, "neither an ISO date"),
    (_plan(ONE.replace("    deadline: 2025-05-25\n", "")), 4, "needs `deadline`"),
    (_plan(ONE.replace("goals:", "mål:")), 6, "unknown key 'mål'"),
    (_plan(ONE.replace("id: a", "id: A b")), 4, "lowercase slug"),
    ("bylaw: halsingeradet\nyear: 2025\n", 1, "needs `year` and `activities`"),
    ("year: tjugo\nactivities: []\n", 1, "is not a year"),
    ("year: 2025\nactivities: [\n", 3, "not valid YAML"),
    ("", 1, "empty"),
    ("- a\n- b\n", 1, "must be a mapping"),
])
def test_malformed_plans_raise_one_located_error(text, line, words):
    with pytest.raises(BylawError) as info:
        parse_plan(text, "plan.yaml")
    (diag,) = info.value.diagnostics
    assert diag.span.file == "plan.yaml" and diag.span.line == line
    assert words in diag.message


@pytest.mark.parametrize("text, swedish", [
    ("year: 2025\nactivities: [\n", "inte giltig YAML: här saknas ett värde, eller så avslutas inte en lista"),
    ("year: 2025\n  activities: x\n a: b\n", "inte giltig YAML: ett kolon står där inget 'nyckel: värde' får börja"),
    ('year: "2025\n', "inte giltig YAML: ett citattecken avslutas aldrig"),
])
def test_a_yaml_syntax_error_is_said_in_swedish_too(text, swedish):
    # What YAML's parser says is translated by the calendar's catalogue: no parser English in Swedish.
    with pytest.raises(BylawError) as info:
        parse_plan(text, "plan.yaml")
    (diag,) = info.value.diagnostics
    assert diag.text.sv.startswith(swedish) and "not valid YAML" in diag.text.en


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdy:-[]{}, \n\t'\"#0123456789.é")), max_size=80))
def test_any_text_parses_or_raises_the_librarys_error(text):
    try:
        parse_plan(_plan(text) if text.startswith("  -") else text, "p.yaml")
    except BylawError as exc:
        assert exc.diagnostics and exc.diagnostics[0].span.file == "p.yaml"
