"""`plan`: a year's meetings that the bylaw allows. Every plan is checked with the calendar checks."""
from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest
from hypothesis import given, settings, strategies as st

import governance
from governance.calendar.yaml_writer import to_yaml
from governance.loader import shipped_ids
from governance.planning.planner import check_plan, plan
from governance.time.versions import load_versions

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


@pytest.mark.parametrize("name", ["arkivforbundet", "vattenforbundet"])
@pytest.mark.parametrize("year", [2026, 2027, 2028])
def test_a_plan_of_an_example_kommunalforbund_breaks_nothing(name, year):
    """Vattenförbundet's direktion has three ledamöter from each member: a plan that listed each seat line
    once had 3 of 9 present, short of its quorum. Arkivförbundet's fullmäktige must treat the annual
    report by April and the budget by June, prepared by the styrelse: a plan without them broke the bylaw."""
    path = ROOT / "examples" / f"{name}.bylaw"
    b = governance.load(path)
    calendar = plan(b, year)
    assert check_plan(b, calendar, load_versions(str(path))).findings == ()


def test_the_business_of_every_year_is_planned_with_its_preparation():
    b = governance.load(ROOT / "examples" / "arkivforbundet.bylaw")
    calendar = plan(b, 2027)
    treated = [(m.body, m.date, x.id, x.type, x.action, x.title) for m in calendar.meetings for x in m.matters]
    decided = [t for t in treated if t[4] == "decide"]
    assert [(body, d.month <= 4, mid, kind) for body, d, mid, kind, _, _ in decided] == [
        ("fullmaktige", True, "arsredovisning-2027", "arsredovisning"), ("fullmaktige", True, "budget-2027", "budget")]
    assert decided[0][5] == "Årsredovisning för föregående år"
    notice = next(m for m in calendar.meetings if m.body == "fullmaktige").notice_date
    prepared = [t for t in treated if t[4] == "prepare"]
    assert [(body, mid) for body, _, mid, _, _, _ in prepared] == [
        ("styrelsen", "arsredovisning-2027"), ("styrelsen", "budget-2027")]
    assert all(d <= notice for _, d, *_ in prepared)  # in time for the papers sent with the notice


def test_a_seat_line_of_several_is_attended_by_each_of_them(tmp_path):
    from datetime import datetime, timezone

    from governance.calendar.ics_writer import mapping_for, to_ics
    from governance.calendar.mapping import parse_mapping
    b = governance.load(ROOT / "examples" / "vattenforbundet.bylaw")
    calendar = plan(b, 2027)
    first = calendar.meetings[0]
    assert sorted(map(str, first.attendees)) == ["essunga/ledamot"] * 3 + ["grastorp/ledamot"] * 3 + ["vara/ledamot"] * 3
    # Invited by address: the line's three persons, each once; a line with fewer known has the rest written out.
    people = parse_mapping("bodies: {}\npeople:\n" + "".join(
        f"  L{k} <l{k}@vara.se>: vara/ledamot\n" for k in range(3)) + "  G0 <g0@grastorp.se>: grastorp/ledamot\n")
    stamp = datetime(2026, 11, 1, tzinfo=timezone.utc)
    text = to_ics(calendar, b, stamp, people)
    unfolded = text.replace("\r\n ", "")
    assert all(unfolded.count(f"mailto:l{k}@vara.se") == 4 for k in range(3))  # once in each of 4 meetings
    (tmp_path / "p-2027.ics").write_text(text, encoding="utf-8")
    (tmp_path / "p-2027-mapping.yaml").write_text(mapping_for(calendar, people), encoding="utf-8")
    back = governance.read_calendar(str(tmp_path / "p-2027.ics"))
    assert [_unordered(m) for m in back.meetings] == [_unordered(m) for m in calendar.meetings]
    assert check_plan(b, back).findings == ()


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
    status, out, err = run_split("plan", "laholmsbukten", "--year", "2026", "-o", "plan.yaml", "--lang", "en")
    assert (status, out, err) == (0, "", "")
    written = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "meetings planned for 2026" in written
    assert run_split("check", "laholmsbukten", "plan.yaml", "--as-of", "2025-12-31")[0] == 0
    # never overwritten
    status, out, err = run_split("plan", "laholmsbukten", "--year", "2027", "-o", "plan.yaml")
    assert status == 2 and "finns redan" in err
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == written


def test_plan_command_to_stdout_and_its_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    status, out, err = run_split("plan", "vasterbotten-planbygg", "--year", "2026", "--lang", "en")
    assert status == 0 and out.startswith("# vasterbotten-planbygg: meetings planned for 2026") and err == ""
    status, out, err = run_split("plan", "vasterbotten-planbygg", "--year", "2026")  # Swedish by default
    assert status == 0 and out.startswith("# vasterbotten-planbygg: möten planerade för 2026") and err == ""
    status, out, err = run_split("plan", "halsingeradet", "--year", "2026")
    assert status == 0 and "inget att planera" in err
    # a year after the agreement's term: every planned meeting is out of term, and the command says so
    (tmp_path / "testlaw.bylaw").write_text(TEXT, encoding="utf-8")
    status, out, err = run_split("plan", str(tmp_path / "testlaw.bylaw"), "--year", "2027")
    assert status == 1 and "Fel (term):" in err and "efter att avtalet har upphört (2026-12-31)" in err
    status, _, err = run_split("plan", "laholmsbukten", "--year", "12")
    assert status == 2 and "--year" in err and "året 12 ligger utanför" in err


def test_default_year_is_next_year(monkeypatch):
    monkeypatch.chdir(ROOT)
    status, out, _ = run_split("plan", "laholmsbukten", "--lang", "en")
    assert status == 0 and f"planned for {date.today().year + 1}" in out


PEOPLE = """bodies: {}
people:
  Anna Ek <anna.ek@umea.se>: umea/planbyggansvarig
  Bo Ström <bo.strom@skelleftea.se>: skelleftea/planbyggansvarig
  Karin Lind: lycksele/planbyggansvarig
  samordnare@regionvasterbotten.se: region-vasterbotten/samordnare
"""


def test_the_plan_as_ics_reads_back_the_same_with_its_mapping(tmp_path):
    from datetime import datetime, timezone

    from governance.calendar.ics_writer import mapping_for, to_ics
    from governance.calendar.mapping import parse_mapping
    b = governance.load("vasterbotten-planbygg")
    calendar = plan(b, 2026)
    stamp = datetime(2025, 11, 23, 12, 0, tzinfo=timezone.utc)
    for people in (None, parse_mapping(PEOPLE)):
        text = to_ics(calendar, b, stamp, people)
        assert text == to_ics(calendar, b, stamp, people)  # the same plan, the same file
        (tmp_path / "plan-2026.ics").write_text(text, encoding="utf-8")
        (tmp_path / "plan-2026-mapping.yaml").write_text(mapping_for(calendar, people), encoding="utf-8")
        back = governance.read_calendar(str(tmp_path / "plan-2026.ics"))
        assert back.unmapped == ()
        # the same meetings; who is invited by address comes first, then the seats written out
        assert [_unordered(m) for m in back.meetings] == [_unordered(m) for m in calendar.meetings]
        assert ".invalid" not in text and "DTSTART:20260113T080000Z" in text  # 09:00 in Stockholm, winter
        assert "DTEND:20260113T100000Z" in text and "DTSTART:20260512T070000Z" in text  # summer
    # Only people with an address are attendees; the others are seats in the description.
    assert "ATTENDEE" not in to_ics(calendar, b, stamp)
    assert 'ATTENDEE;CN="Anna Ek";CUTYPE=INDIVIDUAL;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mai' \
        in text.replace("\r\n ", "")
    assert "Karin Lind" not in text and "lycksele/planbyggansvarig" in text
    assert "ORGANIZER:mailto:samordnare@regionvasterbotten.se" in text.replace("\r\n ", "")
    mapping = (tmp_path / "plan-2026-mapping.yaml").read_text(encoding="utf-8")
    assert "Anna Ek <anna.ek@umea.se>: umea/planbyggansvarig" in mapping and "Karin Lind" not in mapping


def _unordered(m):
    from dataclasses import replace
    return replace(m, attendees=tuple(sorted(m.attendees)))


def test_plan_command_ics(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = run_split("plan", "malmolundregionen", "--year", "2026", "--format", "ics", "-o", "ml-2026.ics")
    assert status == 0 and out == "" and "Varning (term):" in err  # no renewal recorded: see test above
    assert (tmp_path / "ml-2026.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert run_split("check", "malmolundregionen", "ml-2026.ics", "--as-of", "2025-12-31")[0] == 0
    (tmp_path / "ml-2026.ics").unlink()  # the mapping is still there: not overwritten either
    status, _, err = run_split("plan", "malmolundregionen", "--format", "ics", "-o", "ml-2026.ics")
    assert status == 2 and "ml-2026-mapping.yaml finns redan" in err and not (tmp_path / "ml-2026.ics").exists()
    status, _, err = run_split("plan", "malmolundregionen", "--format", "ics")
    assert status == 2 and "ange -o FILE.ics" in err


@pytest.mark.parametrize("racer", ["ml-2026-mapping.yaml", "ml-2026.ics"])
def test_plan_command_ics_writes_both_files_or_neither(tmp_path, monkeypatch, racer):
    # A file appears between plan's look and its write (another process, say): whatever this run already
    # named is removed again, so no calendar is left without its mapping; the newcomer is kept.
    from governance.commands import common
    monkeypatch.chdir(tmp_path)
    real_commit = common._Staged.commit

    def racing_commit(self, replace):
        if self.path.name == racer:
            self.path.write_text("someone else's\n", encoding="utf-8")
        return real_commit(self, replace)

    monkeypatch.setattr(common._Staged, "commit", racing_commit)
    status, _, err = run_split("plan", "malmolundregionen", "--year", "2026", "--format", "ics", "-o", "ml-2026.ics")
    assert status == 2 and f"{racer} finns redan" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [racer]
    assert (tmp_path / racer).read_text(encoding="utf-8") == "someone else's\n"


def _term_years(bylaw_id: str) -> list[int]:
    """The years a shipped bylaw is in force: from its validity (or signing) to its end, or to the
    next version's start, or 25 years on when it runs until further notice."""
    periods = {b.id: (first, last) for b, first, last in __import__("governance.time.versions", fromlist=["periods"])
               .periods(load_versions(bylaw_id))}
    first, last = periods[bylaw_id]
    start = (first.year + 1) if first else 2021
    end = last.year if last else start + 25
    return list(range(start, max(start, end) + 1))


def _oracle_days_off(year: int) -> set[date]:
    """Public holidays from the `holidays` package, and the de-facto ones worked out here by hand."""
    public = set(holidays.country_holidays("SE", years=year, include_sundays=False))
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    return public | {midsummer_eve, date(year, 12, 24), date(year, 12, 31)}


TERMS = {bylaw_id: _term_years(bylaw_id) for bylaw_id in shipped_ids()}


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(data=st.data(), july=st.booleans())
def test_a_plan_avoids_days_off_and_prepares_before_deciding(data, july):
    """Any shipped bylaw, any year in its term: no meeting on a holiday, a de-facto holiday, a weekend,
    Monday or Friday, or (unless allowed) in July; every meeting of a body whose matters another must
    prepare has a meeting of that body before it, on or before its notice date; and the plan breaks
    nothing (the term's warnings aside)."""
    bylaw_id = data.draw(st.sampled_from(sorted(TERMS)))
    year = data.draw(st.sampled_from(TERMS[bylaw_id]))
    b = governance.load(bylaw_id)
    calendar = plan(b, year, july=july)
    off = _oracle_days_off(year)
    for m in calendar.meetings:
        assert m.date.year == year and m.date not in off and m.date.weekday() in (1, 2, 3), m
        assert july or m.date.month != 7, m
        assert m.start is not None and m.start.date() == m.date
    by_body: dict[str, list] = {}
    for m in calendar.meetings:
        by_body.setdefault(m.body, []).append(m)
    from governance.model.types import Requirement
    for rule in b.rules:
        if isinstance(rule, Requirement) and rule.matters is None and rule.body in by_body:
            for m in by_body[rule.body]:
                assert any(p.date < m.date and p.date <= m.notice_date for p in by_body.get(rule.by, ())), (rule, m)
    report = check_plan(b, calendar, load_versions(bylaw_id))
    assert [f for f in report.findings if f.rule != "term"] == []


def test_the_preparing_body_meets_before_each_decision():
    b = governance.load("malmolundregionen")  # kommundirektörsgruppen prepares all of styrelsen's matters
    calendar = plan(b, 2026)
    styrelsen = [m for m in calendar.meetings if m.body == "styrelsen"]
    prepared = [m for m in calendar.meetings if m.body == "kommundirektorsgruppen"]
    assert len(styrelsen) == 4 and len(prepared) == 4
    for decide, prepare in zip(styrelsen, prepared):
        assert decide.notice_date - timedelta(days=14) <= prepare.date <= decide.notice_date
    # August's meeting moved later in its month: its preparation would otherwise fall in July
    assert [m.date.month for m in styrelsen] == [2, 5, 8, 11] and all(m.date.month != 7 for m in prepared)
    with_july = plan(b, 2026, july=True)
    assert any(m.date.month == 7 for m in with_july.meetings)


def test_plan_command_times_july_and_people(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = run_split("plan", "malmolundregionen", "--year", "2026", "--time", "13:30")
    assert status == 0 and "date: 2026-02-10T13:30" in out
    status, out, _ = run_split("plan", "malmolundregionen", "--year", "2026", "--july")
    assert status == 0 and "date: 2026-07-" in out
    for bad in (["--time", "25:00"], ["--length", "0"], ["--length", "ten"]):
        status, _, err = run_split("plan", "laholmsbukten", *bad)
        assert status == 2 and "governance: fel:" in err, bad
    (tmp_path / "people.yaml").write_text("people:\n  Anna Ek <anna.ek@bastad.se>: bastad/kso\n", encoding="utf-8")
    status, _, err = run_split("plan", "laholmsbukten", "--people", "people.yaml", "--format", "ics", "-o", "x.ics")
    assert status == 2 and "people.yaml" in err and "bodies" in err and not (tmp_path / "x.ics").exists()
    (tmp_path / "people.yaml").write_text("bodies: {}\npeople:\n  Anna Ek <anna.ek@bastad.se>: bastad/kso\n",
                                          encoding="utf-8")
    status, _, err = run_split("plan", "laholmsbukten", "--year", "2026", "--people", "people.yaml",
                               "--format", "ics", "-o", "lb.ics")
    assert (status, err) == (0, "")
    assert "mailto:anna.ek@bastad.se" in (tmp_path / "lb.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    assert run_split("check", "laholmsbukten", "lb.ics", "--as-of", "2025-12-31")[0] == 0


def test_two_collaborations_plans_share_no_uid(tmp_path):
    """Outlook takes an event whose UID it holds for a change of that event: a secretary importing the plans of
    two kommunalförbund, each with a `direktionen`, lost the first one's meetings to the second's."""
    from datetime import datetime, timezone

    from governance.calendar.ics_reader import parse_ics
    from governance.calendar.ics_writer import mapping_for, to_ics
    from governance.calendar.mapping import parse_mapping
    stamp = datetime(2026, 11, 1, tzinfo=timezone.utc)
    uids = []
    # Another förbund with the same bodies: the example's bylaw under another id.
    (tmp_path / "sources").mkdir()
    for name in ("vattenforbundet-forbundsordning.txt",):
        (tmp_path / "sources" / name).write_bytes((ROOT / "examples" / "sources" / name).read_bytes())
    other = tmp_path / "avloppsforbundet.bylaw"
    other.write_text((ROOT / "examples" / "vattenforbundet.bylaw").read_text(encoding="utf-8").replace(
        "bylaw vattenforbundet ", "bylaw avloppsforbundet ", 1), encoding="utf-8")
    for path in (ROOT / "examples" / "vattenforbundet.bylaw", other):
        b = governance.load(path)
        calendar = plan(b, 2027)
        text = to_ics(calendar, b, stamp)
        uids += [line[4:] for line in text.replace("\r\n ", "").splitlines() if line.startswith("UID:")]
        back = parse_ics(text, "p.ics", parse_mapping(mapping_for(calendar), "p-mapping.yaml"))
        assert [m.id for m in back.meetings] == [m.id for m in calendar.meetings]  # the meeting ids read back
    assert "direktionen-2027-1@vattenforbundet" in uids and "direktionen-2027-1@avloppsforbundet" in uids
    assert len(set(uids)) == len(uids)


def test_the_mapping_file_beside_the_ics_speaks_the_plan_s_language(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run_split("plan", "laholmsbukten", "--year", "2026", "--format", "ics", "-o", "sv.ics")
    run_split("plan", "laholmsbukten", "--year", "2026", "--format", "ics", "-o", "en.ics", "--lang", "en")
    assert (tmp_path / "sv-mapping.yaml").read_text(encoding="utf-8").startswith(
        "# Hur .ics-filen bredvid den här filen hör ihop med avtalet")
    assert (tmp_path / "en-mapping.yaml").read_text(encoding="utf-8").startswith("# How the planned .ics")
