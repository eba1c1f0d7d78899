"""The fixes findings suggest (`Finding.fix`), each tried against an independent computation: the days
suggested are free by the `holidays` package's Swedish calendar (public and de-facto holidays), and the
calendar changed as the fix says no longer breaks the rule."""
from __future__ import annotations

import re
from datetime import date, timedelta

import holidays
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.calendar.yaml_reader import parse_calendar
from governance.check import BY_ID, run
from governance.check.rule import EXAMPLE_PRELUDE
from governance.loader import parse
from governance.model.types import MONTHS

PRELUDE = EXAMPLE_PRELUDE  # bylaw exempel, members alfa, beta, gamma
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OFF = holidays.country_holidays("SE", years=range(2023, 2028), categories=("public", "de_facto"),
                                include_sundays=False)


def free(day: date, july: bool) -> bool:
    """The oracle: a weekday that is no public or de-facto holiday in the holidays package, not in July
    unless allowed."""
    return day.weekday() < 5 and day not in OFF and (july or day.month != 7)


def findings(bylaw_text: str, meetings: list[str], rule: str, as_of: date, lang: str = "en", roster: str = ""):
    bylaw = parse(PRELUDE + "\n" + bylaw_text, filename="example.bylaw")
    text = "bylaw: exempel\n" + roster + "meetings:\n" + "".join(f"  - {m}\n" for m in meetings)
    if not meetings:
        text = "bylaw: exempel\n" + roster + "meetings: []\n"
    return run(bylaw, parse_calendar(text, name="example.yaml"), as_of=as_of, lang=lang, rules=(BY_ID[rule],))


def days_in(fix: str) -> list[date]:
    """The days a fix names (those it suggests: after "e.g." where it says so)."""
    for lead in ("e.g. ", "t.ex. "):
        fix = fix.partition(lead)[2] or fix
    return [date.fromisoformat(d) for d in ISO.findall(fix)]


def meeting(i: int | str, day: date, body: str = "radet", extra: str = "") -> str:
    return f"{{id: m{i}, body: {body}, date: {day}{extra}}}"


# ---- meeting-minimum, meeting-window: free days that make up the shortfall ----
YEAR = 2025
DAY_OF_2025 = st.dates(min_value=date(YEAR, 1, 1), max_value=date(YEAR, 12, 31))


@st.composite
def counted(draw):
    """A body that meets at least N a year, or N within months; some meetings held; a day judged."""
    n = draw(st.integers(1, 6))
    if draw(st.booleans()):
        clause, rule, months = f"meets at least {n} per year", "meeting-minimum", (1, 12)
    else:
        first = draw(st.integers(1, 12))
        last = draw(st.integers(first, min(12, first + 3)))
        clause, rule, months = f"meets {n} in {MONTHS[first - 1]}..{MONTHS[last - 1]}", "meeting-window", (first, last)
    held = sorted(set(draw(st.lists(DAY_OF_2025, max_size=n + 1))))
    as_of = draw(st.dates(min_value=date(YEAR - 1, 12, 1), max_value=date(YEAR, 12, 31)))
    return n, clause, rule, months, held, as_of


@SETTINGS
@given(counted())
def test_the_free_days_suggested_make_up_the_shortfall(case):
    n, clause, rule, months, held, as_of = case
    bylaw = f'body radet "Rådet"\n  {clause}\n'
    calendar = [meeting(i, d) for i, d in enumerate(held)]
    july = months[0] <= 7 <= months[1]
    for f in findings(bylaw, calendar, rule, as_of):
        if f.severity == "warning" or f.year != YEAR or not _short_of(f.message):
            assert f.fix is None or _short_of(f.message)  # too many: no days to add
            continue
        if "calendar starts after" in f.message or "more must have been held" in f.message:
            continue
        short = n - sum(1 for d in held if months[0] <= d.month <= months[1])
        period = [date(YEAR, 1, 1) + timedelta(days=k) for k in range(365)]
        period = [d for d in period if months[0] <= d.month <= months[1]]
        open_days = [d for d in period if free(d, july) and d not in held]
        if f.fix is None:  # only when the period cannot hold the meetings missing
            assert len(open_days) < short, f.message
            continue
        suggested = days_in(f.fix)
        assert f"{short} meeting" in f.fix
        assert suggested and len(set(suggested)) == len(suggested)
        assert all(d in open_days for d in suggested), (f.fix, held)
        if f.fix.startswith("add "):  # still to come: after the day judged
            assert all(d > as_of for d in suggested)
        trials = [[d] for d in suggested] if short == 1 else [suggested]
        if short > 1:
            assert len(suggested) == short
        for added in trials:
            more = calendar + [meeting(f"new{i}", d) for i, d in enumerate(added)]
            again = [g for g in findings(bylaw, more, rule, as_of) if g.year == YEAR and _short_of(g.message)]
            assert again == [], (f.fix, added, again)


def _short_of(message: str) -> bool:
    """Whether a count's message says too few (not too many: a window rule is both)."""
    got = int(re.search(r"meets (\d+) time", message).group(1))
    needed = re.search(r"requires (?:at least |exactly )?(\d+)", message)
    return needed is not None and got < int(needed.group(1))


def test_a_window_in_july_may_suggest_july_and_a_year_never_does():
    july = findings('body radet "Rådet"\n  meets 1 in july..july\n', [meeting(1, date(2025, 3, 4))],
                    "meeting-window", date(2024, 12, 31))
    assert [d.month for d in days_in(july[0].fix)] == [7, 7, 7]
    year = findings('body radet "Rådet"\n  meets at least 2 per year\n', [meeting(1, date(2025, 1, 8))],
                    "meeting-minimum", date(2025, 6, 27))
    assert all(d.month != 7 and d > date(2025, 6, 27) for d in days_in(year[0].fix)), year[0].fix


def test_a_period_over_says_so_and_swedish_says_it_in_swedish():
    sv = findings('body radet "Rådet"\n  meets at least 2 per year\n', [meeting(1, date(2025, 3, 4))],
                  "meeting-minimum", date(2026, 2, 1), lang="sv")
    assert sv[0].fix.startswith("perioden var slut före 2026-02-01; det hade behövts 1 sammanträde till under 2025")
    assert "eller" in sv[0].fix and "(lediga vardagar)" in sv[0].fix


# ---- notice: the last day to call, the first day the meeting could move to ----
@SETTINGS
@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 12, 31)), st.integers(1, 40), st.data())
def test_the_notice_fix_names_the_last_day_to_call_and_a_day_that_keeps_the_rule(day, days, data):
    ahead = data.draw(st.integers(0, days - 1))
    sent = day - timedelta(days=ahead)
    bylaw = f'body radet "Rådet"\n  notice at least {days} days\n'
    [f] = findings(bylaw, [meeting(1, day, extra=f", notice_date: {sent}")], "notice", date(2024, 12, 31))
    by, earliest = days_in(f.fix)
    assert by == day - timedelta(days=days)
    july = day.month == 7
    assert free(earliest, july) and (earliest - sent).days >= days
    assert not any(free(sent + timedelta(days=k), july) for k in range(days, (earliest - sent).days))
    moved = findings(bylaw, [meeting(1, earliest, extra=f", notice_date: {sent}")], "notice", date(2024, 12, 31))
    assert moved == []


# ---- quorum: how many more seats were needed ----
SEATS = [f"{m}/{r}" for m in ("alfa", "beta", "gamma") for r in ("kso", "opposition")]


@SETTINGS
@given(st.lists(st.sampled_from(SEATS), unique=True, max_size=6),
       st.sampled_from(["more than half", "2/3", "all", "at least 4"]))
def test_the_quorum_fix_is_the_fewest_seats_that_would_have_been_enough(present, quorum):
    bylaw = (f'body radet "Rådet"\n  seat kso "KSO" from each municipality\n'
             f'  seat opposition "Opposition" from each municipality\n  quorum {quorum}\n')
    if not present:
        return  # a meeting without attendees is not judged
    attendees = f", attendees: [{', '.join(present)}]"
    got = findings(bylaw, [meeting(1, date(2025, 3, 4), extra=attendees)], "quorum", date(2025, 12, 31))
    need = {"more than half": 4, "2/3": 4, "all": 6, "at least 4": 4}[quorum]  # of 6 seats
    if len(present) >= need:
        assert got == []
        return
    [f] = got
    more = int(re.match(r"(\d+) more seats? (?:was|were) needed", f.fix).group(1))
    assert more == need - len(present)
    absent = [s for s in SEATS if s not in present]
    for extra, ok in ((more, True), (more - 1, False)):
        bigger = f", attendees: [{', '.join(present + absent[:extra])}]"
        assert (findings(bylaw, [meeting(1, date(2025, 3, 4), extra=bigger)], "quorum", date(2025, 12, 31)) == []) is ok


# ---- preparation: which body prepares, by when, at which meeting ----
@SETTINGS
@given(st.dates(min_value=date(2025, 2, 1), max_value=date(2025, 12, 31)), st.none() | st.integers(1, 30),
       st.lists(st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 12, 31)), max_size=4, unique=True))
def test_the_preparation_fix_says_who_by_when_and_taking_it_up_then_satisfies_the_rule(decided, notice, theirs):
    bylaw = ('body gruppen "Gruppen"\n  prepares matters for radet\n\nbody radet "Rådet"\n'
             + (f"  notice at least {notice} days\n" if notice else "")
             + "\nrule all matters to radet prepared by gruppen\n")
    calendar = [meeting(f"g{i}", d, body="gruppen") for i, d in enumerate(sorted(theirs))]
    calendar.append(meeting("r", decided, extra=", matters: [{id: it}]"))
    got = findings(bylaw, calendar, "preparation", date(2024, 12, 31))
    [f] = got
    assert f.fix.startswith("gruppen must prepare the matter by ")
    deadline = days_in(f.fix)[0]
    latest = decided - timedelta(days=notice or 1)
    july = decided.month == 7
    assert free(deadline, july) and deadline <= latest
    assert not any(free(deadline + timedelta(days=k), july) for k in range(1, (latest - deadline).days + 1))
    usable = sorted(d for d in theirs if d <= deadline)
    if usable:
        assert f"meeting 'mg{sorted(theirs).index(usable[-1])}' ({usable[-1]})" in f.fix
        at = usable[-1]
        fixed = [c.replace(f"date: {at}}}", f"date: {at}, matters: [{{id: it, action: prepare}}]}}")
                 if c.startswith("{id: mg") else c for c in calendar]
    else:
        assert "has no meeting in the calendar by then" in f.fix
        fixed = calendar + [meeting("new", deadline, body="gruppen", extra=", matters: [{id: it, action: prepare}]")]
    assert findings(bylaw, fixed, "preparation", date(2024, 12, 31)) == []


# ---- chair-rotation, vice-chair: whose year, by seat and by name ----
CHAIR = '''\
body radet "Rådet"
  seat kso "KSO" from each municipality
  chair kso rotating among alfa, beta, gamma every 1 year from 2024
  vice chair kso next in rotation
'''
ROSTER = "roster:\n  Anna Alm: alfa/kso\n  Bo Berg: beta/kso\n  Cia Ceder: gamma/kso\n"


@SETTINGS
@given(st.integers(2024, 2030), st.sampled_from(["alfa", "beta", "gamma"]))
def test_the_chair_fix_names_whose_year_it_is_as_the_rotation_counts_it(year, chaired):
    order = ["alfa", "beta", "gamma"]
    chair, vice = order[(year - 2024) % 3], order[(year - 2024 + 1) % 3]
    names = {"alfa": "Anna Alm", "beta": "Bo Berg", "gamma": "Cia Ceder"}
    day = date(year, 3, 4)
    calendar = [meeting(1, day, extra=f", chair: {chaired}/kso")]
    got = findings(CHAIR, calendar, "chair-rotation", date(year, 12, 31), roster=ROSTER)
    if chaired == chair:
        assert got == []
        return
    if chaired == vice:  # the vice chair stood in, the chair not recorded absent: vice-chair's finding
        got = findings(CHAIR, calendar, "vice-chair", date(year, 12, 31), roster=ROSTER)
    [f] = got
    assert f.fix.startswith(f"{year} is {chair}'s year: let {chair}/kso ({names[chair]}) chair 'm1'"), f.fix
    fixed = [meeting(1, day, extra=f", chair: {names[chair]}")]
    assert findings(CHAIR, fixed, "chair-rotation", date(year, 12, 31), roster=ROSTER) == []
    assert findings(CHAIR, fixed, "vice-chair", date(year, 12, 31), roster=ROSTER) == []


def test_with_the_chair_absent_the_fix_names_the_vice_chair():
    calendar = [meeting(1, date(2025, 3, 4), extra=", chair: gamma/kso, attendees: [beta/kso, gamma/kso]")]
    [f] = findings(CHAIR, calendar, "vice-chair", date(2025, 12, 31), roster=ROSTER, lang="sv")
    # 2025: beta chairs, gamma is vice chair; alfa absent? No: beta (the chair) attended, so gamma chaired
    # while the chair was there.
    assert f.fix.startswith("2025 är det betas år: låt beta/kso (Bo Berg) leda 'm1'"), f.fix
    calendar = [meeting(1, date(2025, 3, 4), extra=", chair: alfa/kso, attendees: [alfa/kso, gamma/kso]")]
    [f] = findings(CHAIR, calendar, "vice-chair", date(2025, 12, 31), roster=ROSTER)
    assert f.fix == "the chair beta/kso (Bo Berg) was absent: let the vice chair gamma/kso (Cia Ceder) chair 'm1'"


# ---- the reports show the fix, in the report's language ----
def test_text_html_and_json_reports_carry_the_fix_in_their_language():
    import json

    from governance.report.finding import Report
    from governance.report.render_html import render_html
    from governance.report.render_text import render_text
    bylaw = 'body radet "Rådet"\n  notice at least 14 days\n'
    calendar = [meeting(1, date(2025, 3, 10), extra=", notice_date: 2025-03-03")]
    for lang, word in (("sv", "Åtgärd: kallelsen skulle ha gått ut senast 2025-02-24"),
                       ("en", "Fix: the notice should have gone out by 2025-02-24")):
        report = Report("exempel", tuple(findings(bylaw, calendar, "notice", date(2025, 1, 1), lang=lang)), checked=1)
        assert f"\n    {word}" in render_text(report, lang=lang)
        assert f'<div class="fix">{word.replace("<", "&lt;")}' in render_html(report, lang=lang)
        assert json.loads(json.dumps(report.to_json()))["findings"][0]["fix"].startswith(word.partition(": ")[2])
