"""`plan`: a year's meetings that the bylaw allows. Every plan is checked with the calendar checks."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import holidays
import pytest
from hypothesis import given, settings, strategies as st

import governance
from governance.calendar.yaml_writer import to_yaml
from governance.loader import shipped_ids
from governance.planner import check_plan, plan
from governance.versions import load_versions

sys.path.insert(0, str(Path(__file__).parent))
from check_fixtures import TEXT, bylaw as fixture_bylaw  # noqa: E402
from test_check_golden import run_split  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("bylaw_id", sorted(shipped_ids()))
@pytest.mark.parametrize("year", [2025, 2026, 2028])
def test_a_plan_of_a_shipped_bylaw_breaks_nothing(bylaw_id, year):
    b = governance.load(bylaw_id)
    calendar = plan(b, year)
    report = check_plan(b, calendar, load_versions(bylaw_id))
    # MalmöLund records no renewal after the elections: the term check can only ask for them (a warning).
    assert [f for f in report.findings if not (f.rule == "term" and f.severity == "warning")] == []
    public = holidays.country_holidays("SE", years=year)
    for m in calendar.meetings:
        assert m.date.year == year and m.date.weekday() in (1, 2, 3) and m.date not in public, m
        assert m.notice_date < m.date and m.attendees


def _eves(year: int) -> set[date]:
    """Julafton, nyårsafton and midsommarafton (the Friday of 19–25 June), reckoned here on their own."""
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    return {date(year, 12, 24), date(year, 12, 31), midsummer_eve}


@pytest.mark.parametrize("bylaw_id", sorted(shipped_ids()))
def test_a_plan_keeps_off_the_eves_and_july_and_has_times(bylaw_id):
    b = governance.load(bylaw_id)
    for year in range(2024, 2036):
        closed = set(holidays.country_holidays("SE", years=year)) | _eves(year)
        for m in plan(b, year).meetings:
            assert m.date not in closed and m.date.month != 7, m
            assert m.start is not None and m.start.date() == m.date and (m.start.hour, m.start.minute) == (9, 0)


def test_july_when_asked_or_when_a_rule_names_it():
    """A body meeting every month: eleven months by default, July too with july=True; a rule `in july`
    is kept in July."""
    monthly = fixture_bylaw(TEXT.replace("meets at least 2 per year", "meets at least 12 per year")
                            .replace("meets at most 4 per year", "meets at most 12 per year"))
    months = lambda cal: {m.date.month for m in cal.meetings}
    assert 7 not in months(plan(monthly, 2026)) and 7 in months(plan(monthly, 2026, july=True))
    summer = fixture_bylaw(TEXT.replace("meets at least 2 per year", "meets 1 in july..july"))
    assert 7 in months(plan(summer, 2026))


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_the_preparing_body_meets_before_each_meeting_it_prepares_for(year):
    """MalmöLund: all matters to styrelsen prepared by kommundirektorsgruppen, which has no meeting rule of
    its own: it meets two weeks or a little more before each of styrelsen's meetings (never in July), and the
    office that also prepares gets no meetings."""
    calendar = plan(governance.load("malmolundregionen"), year)
    board = [m.date for m in calendar.meetings if m.body == "styrelsen"]
    group = [m.date for m in calendar.meetings if m.body == "kommundirektorsgruppen"]
    assert board and len(group) == len(board)
    for day in board:
        # two weeks ahead, or before July when that would fall in it (early August: late June)
        before = [g for g in group if 14 <= (day - g).days <= (35 if day.month != 8 else 60)]
        assert before and all(g.month != 7 for g in before), (day, group)
    assert not any(m.body == "sekretariatet" for m in calendar.meetings)
    assert all(d.month != 7 for d in group)


def test_meeting_rules_are_met_and_not_exceeded():
    b = governance.load("vasterbotten-planbygg")
    calendar = plan(b, 2026)
    counts = {}
    for m in calendar.meetings:
        counts[m.body] = counts.get(m.body, 0) + 1
    for body in b.bodies:
        for rule in body.meeting_rules:
            if rule.months is None:
                assert counts.get(body.id, 0) >= (rule.minimum or 0)
                assert rule.maximum is None or counts.get(body.id, 0) <= rule.maximum
    assert len({(m.body, m.date) for m in calendar.meetings}) == len(calendar.meetings)  # a day each


def test_the_chair_rotates_by_year():
    b = governance.load("malmolundregionen")
    chairs = {year: {m.chair for m in plan(b, year).meetings if m.body == "styrelsen"} for year in (2026, 2027)}
    assert all(len(c) == 1 for c in chairs.values()) and chairs[2026] != chairs[2027]
    assert chairs[2026] == {governance.chair_for(b, "styrelsen", 2026).chair.ref}


def test_the_written_plan_reads_back_the_same(tmp_path):
    b = governance.load("laholmsbukten")
    calendar = plan(b, 2026)
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml(calendar, "a header\nof two lines"), encoding="utf-8")
    back = governance.read_calendar(str(path))
    assert back.bylaw == "laholmsbukten" and back.meetings == calendar.meetings
    assert path.read_text(encoding="utf-8").startswith("# a header\n# of two lines\nbylaw: laholmsbukten\n")


RADET_RULES = ('  meets at least 2 per year\n    cite "Rådet möts minst två gånger per år."\n'
               '  meets at most 4 per year\n    cite "Rådet möts högst fyra gånger per år."\n')
WINDOW = st.tuples(st.integers(1, 12), st.integers(0, 11)).map(lambda t: (t[0], min(12, t[0] + t[1])))


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(minimum=st.integers(0, 14), window=st.none() | WINDOW, in_window=st.integers(1, 3),
       about=st.booleans(), room=st.none() | st.integers(0, 3), year=st.integers(2024, 2026))
def test_any_meeting_rules_are_planned_without_breaking_them(minimum, window, in_window, about, room, year):
    """Generated from rules that do not contradict each other, the plan meets them all."""
    rules = [f"  meets about {max(minimum, 1)} per year" if about else f"  meets at least {minimum} per year"]
    if about:  # `about N` accepts N+1 at most: a window asking more would contradict it
        in_window = min(in_window, max(minimum, 1) + 1)
    if window is not None:
        rules.append(f"  meets at least {in_window} in {_month(window[0])}..{_month(window[1])}")
    if room is not None and not about:  # a maximum the minimum and the window leave room under
        rules.append(f"  meets at most {max(minimum, in_window if window else 0) + room} per year")
    text = TEXT.replace(RADET_RULES, "\n".join(rules) + "\n", 1)
    assert text != TEXT
    b = fixture_bylaw(text)
    report = check_plan(b, plan(b, year))
    assert [f for f in report.findings if f.rule.startswith("meeting-")] == [], report.findings


def _month(n: int) -> str:
    return ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december")[n - 1]


def test_plan_command_writes_a_new_file_and_checks_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = run_split("plan", "laholmsbukten", "--year", "2026", "-o", "plan.yaml")
    assert (status, out, err) == (0, "", "")
    written = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "meetings planned for 2026" in written
    assert run_split("check", "laholmsbukten", "plan.yaml", "--as-of", "2025-12-31")[0] == 0
    # never overwritten
    status, out, err = run_split("plan", "laholmsbukten", "--year", "2027", "-o", "plan.yaml")
    assert status == 2 and "exists" in err
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == written


def test_plan_command_to_stdout_and_its_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    status, out, err = run_split("plan", "vasterbotten-planbygg", "--year", "2026")
    assert status == 0 and out.startswith("# vasterbotten-planbygg: meetings planned for 2026") and err == ""
    status, out, err = run_split("plan", "halsingeradet", "--year", "2026")
    assert status == 0 and "nothing to plan" in err
    # a year after the agreement's term: every planned meeting is out of term, and the command says so
    (tmp_path / "testlaw.bylaw").write_text(TEXT, encoding="utf-8")
    status, out, err = run_split("plan", str(tmp_path / "testlaw.bylaw"), "--year", "2027")
    assert status == 1 and "fel[term]" in err and "efter att avtalet har upphört (2026-12-31)" in err
    status, _, err = run_split("plan", "laholmsbukten", "--year", "12")
    assert status == 2 and "--year 12" in err


def test_default_year_is_next_year(monkeypatch):
    monkeypatch.chdir(ROOT)
    status, out, _ = run_split("plan", "laholmsbukten")
    assert status == 0 and f"planned for {date.today().year + 1}" in out


def test_the_plan_as_ics_reads_back_the_same_with_its_mapping(tmp_path):
    from datetime import datetime, timezone

    from governance.calendar.ics_writer import mapping_for, to_ics
    b = governance.load("vasterbotten-planbygg")
    calendar = plan(b, 2026)
    stamp = datetime(2025, 11, 23, 12, 0, tzinfo=timezone.utc)
    text = to_ics(calendar, b, stamp)
    assert text == to_ics(calendar, b, stamp)  # the same plan, the same file
    (tmp_path / "plan-2026.ics").write_text(text, encoding="utf-8")
    (tmp_path / "plan-2026-mapping.yaml").write_text(mapping_for(calendar), encoding="utf-8")
    back = governance.read_calendar(str(tmp_path / "plan-2026.ics"))
    assert back.meetings == calendar.meetings and back.unmapped == ()
    assert "@seats.invalid" in text and "ROLE=CHAIR" in text


def test_plan_command_ics(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = run_split("plan", "malmolundregionen", "--year", "2026", "--format", "ics", "-o", "ml-2026.ics")
    assert status == 0 and out == "" and "varning[term]" in err  # no renewal recorded: see test above
    assert (tmp_path / "ml-2026.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert run_split("check", "malmolundregionen", "ml-2026.ics", "--as-of", "2025-12-31")[0] == 0
    (tmp_path / "ml-2026.ics").unlink()  # the mapping is still there: not overwritten either
    status, _, err = run_split("plan", "malmolundregionen", "--format", "ics", "-o", "ml-2026.ics")
    assert status == 2 and "ml-2026-mapping.yaml exists" in err and not (tmp_path / "ml-2026.ics").exists()
    status, _, err = run_split("plan", "malmolundregionen", "--format", "ics")
    assert status == 2 and "give -o FILE.ics" in err


def test_plan_command_ics_writes_both_files_or_neither(tmp_path, monkeypatch):
    # The mapping file appears between plan's look and its write (another process, say): the .ics just
    # written is removed again, so no calendar is left that `check` cannot read; the newcomer is kept.
    monkeypatch.chdir(tmp_path)
    real_open = Path.open

    def racing_open(self, mode="r", *args, **kwargs):
        if self.name == "ml-2026-mapping.yaml" and mode == "x":
            real_open(self, "w").close()  # someone else's file, now in the way
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", racing_open)
    status, _, err = run_split("plan", "malmolundregionen", "--year", "2026", "--format", "ics", "-o", "ml-2026.ics")
    assert status == 2 and "cannot write ml-2026-mapping.yaml" in err
    assert not (tmp_path / "ml-2026.ics").exists() and (tmp_path / "ml-2026-mapping.yaml").exists()
