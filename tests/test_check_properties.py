"""Hypothesis properties of the checks: a fully compliant meeting never adds an error; the order of the
meetings in the file never changes the report; a calendar built to meet every minimum is compliant."""
from __future__ import annotations

import sys
from dataclasses import replace
from itertools import combinations
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from check_fixtures import (MUNICIPALITIES, bylaw, calendar, gruppen, matter, radet,  # noqa: E402
                            stod, workday)

import governance  # noqa: E402
from governance.check import context  # noqa: E402
from governance.model.types import SeatRef  # noqa: E402

BYLAW = bylaw()
AS_OF = date(2024, 1, 1)
YEARS = (2024, 2025, 2026)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def errors(report) -> set:
    return {(f.rule, f.body, f.meeting, f.matter, f.year, f.message) for f in report.findings
            if f.severity == "error"}


def check(meetings):
    return governance.check_calendar(BYLAW, calendar(meetings), as_of=AS_OF)


# A messy calendar: meetings of any body on any day, with any attendees, chairs and matters.
ANY_REF = st.builds(SeatRef, st.sampled_from([*MUNICIPALITIES, "regionen", "delta", None]),
                    st.sampled_from(["kso", "kommundirektor", "samordnare", "representant", "expert", "kansliet"]))
DAYS = st.dates(min_value=date(2023, 11, 1), max_value=date(2027, 2, 1))
MATTER = st.builds(lambda i, action, outcome, typ, parts: matter(
    f"m{i}", action=action, outcome=outcome if action == "decide" else None, type=typ, participants=parts),
    st.integers(0, 5), st.sampled_from(["prepare", "propose", "decide", "inform"]),
    st.sampled_from([None, "consensus", "objection", "majority"]), st.sampled_from([None, "budget"]),
    st.sampled_from([(), ("alfa",), ("alfa", "beta"), ("alfa", "beta", "gamma")]))


@st.composite
def meetings(draw, min_size=0, max_size=14):
    n = draw(st.integers(min_size, max_size))
    out = []
    for i in range(n):
        day = draw(DAYS)
        out.append(governance.calendar.model.Meeting(
            id=f"x{i}", body=draw(st.sampled_from(["radet", "gruppen", "stod", "okand"])), date=day,
            chair=draw(st.none() | ANY_REF), convened_by=draw(st.sampled_from([None, "kansliet", "chair", "x"])),
            notice_date=draw(st.none() | st.just(day - timedelta(days=draw(st.integers(0, 30))))),
            attendees=tuple(draw(st.lists(ANY_REF, max_size=8))),
            matters=tuple(draw(st.lists(MATTER, max_size=3)))))
    return out


def compliant_meeting(existing, body: str, year: int, slot: int):
    """A meeting of `body` that breaks nothing on its own: a working day, the right chair, everyone
    present, enough notice; an inform-only agenda. It may still exceed a maximum, which is an error of
    the calendar as a whole, so the property only adds it where the body has room."""
    day = workday(year, 1 + slot % 12, 1 + (slot * 7) % 25)
    make = {"radet": radet, "gruppen": gruppen, "stod": stod}[body]
    return make(f"new-{body}-{year}-{slot}", day, matters=(matter("info", action="inform"),))


@pytest.mark.slow
@SETTINGS
@given(meetings(min_size=1), st.sampled_from(["radet", "stod"]), st.integers(0, 2), st.integers(0, 40))
def test_adding_a_compliant_meeting_never_adds_an_error(existing, body, pick, slot):
    # In a year the calendar already covers: a meeting in a new year brings that whole year under
    # judgement (every body's minimum), which is the point of the yearly rules, not a breach by the meeting.
    covered = sorted({m.date.year for m in existing} & set(YEARS))
    assume(covered)
    year = covered[pick % len(covered)]
    new = compliant_meeting(existing, body, year, slot)
    month_ok = not (body == "gruppen")  # gruppen's window rule could be exceeded; radet/stod have no window
    before = check(existing)
    counted = sum(1 for m in existing if m.body == body and m.date.year == year)
    limit = {"radet": 4, "stod": 3}[body]
    after = check(existing + [new])
    added = errors(after) - errors(before)
    if counted + 1 > limit and month_ok:
        # the only new error allowed is the yearly maximum, which no single meeting can avoid
        added = {e for e in added if e[0] != "meeting-maximum"}
    # a count finding's message changes with the count; compare by (rule, body, year) for those
    def keys(errs):
        return {(r, b, mt, ma, y) if r not in ("meeting-minimum", "meeting-maximum", "meeting-window")
                else (r, b, y) for r, b, mt, ma, y, _ in errs}
    assert keys(added) <= keys(errors(before)), added


@pytest.mark.slow
@SETTINGS
@given(meetings(max_size=12), st.randoms(use_true_random=False))
def test_permuting_meetings_never_changes_the_report(existing, rnd):
    shuffled = list(existing)
    rnd.shuffle(shuffled)
    assert check(existing) == check(shuffled)
    assert check(existing).to_json() == check(shuffled).to_json()


@SETTINGS
@given(st.sets(st.sampled_from(YEARS), min_size=1), st.integers(0, 2), st.integers(0, 6))
def test_a_calendar_meeting_every_minimum_is_compliant(years, extra_radet, shift):
    """Generated from the bylaw itself: for every body and year, as many meetings as its minimum (and into
    each window), on working days, with the rotation's chair, full attendance and enough notice."""
    out = []
    for year in sorted(years):
        for body in BYLAW.bodies:
            if body.office:
                continue
            minimum = max((r.minimum or 0) - (1 if r.kind == "about" else 0)
                          for r in body.meeting_rules if r.months is None)
            windows = [r for r in body.meeting_rules if r.months is not None and r.minimum]
            days = []
            for w in windows:
                days += [workday(year, w.months[0], 3 + shift + 7 * i) for i in range(w.minimum)]
            free = [m for m in (2, 3, 9, 10, 11) if not any(w.months[0] <= m <= w.months[1] for w in windows)]
            i = 0
            while len(days) < minimum + (extra_radet if body.id == "radet" else 0) and i < 20:
                days.append(workday(year, free[i % len(free)], 2 + shift + 8 * (i // len(free))))
                i += 1
            make = {"radet": radet, "gruppen": gruppen, "stod": stod}[body.id]
            out += [make(f"{body.id}-{year}-{j}", d) for j, d in enumerate(sorted(set(days)))]
    report = check(out)
    assert report.compliant, [f.message for f in report.findings]


@pytest.mark.slow
@SETTINGS
@given(meetings(max_size=30), st.lists(st.lists(ANY_REF, max_size=3).map(tuple), min_size=1, max_size=8),
       st.lists(st.integers(0, 8), max_size=30))
def test_the_check_indexes_agree_with_a_plain_reading_of_the_calendar(existing, lists, picks):
    """context.build finds runs of equal attendee lists, year spans by bisection and chairs by distinct
    reference; whatever the calendar, each body's index must say what reading it meeting by meeting says."""
    # The same few attendee lists again and again (as in real calendars), so that runs occur, and often
    # several of one length (compared one by one up to context.FEW of them, hashed beyond).
    existing = [replace(m, attendees=lists[k % len(lists)]) if i < len(picks) and (k := picks[i]) else m
                for i, m in enumerate(existing)]
    ctx = context.build(BYLAW, calendar(existing), as_of=AS_OF, year=None)
    for body_id, index in ctx.bodies.items():
        own = sorted((m for m in existing if m.body == body_id), key=lambda m: (m.date, m.id))
        assert list(index.meetings) == own
        assert list(index.dates) == [m.date for m in own]
        years: dict[int, list[int]] = {}
        for i, m in enumerate(own):
            years.setdefault(m.date.year, []).append(i)
        assert {y: list(r) for y, r in index.spans.items()} == years
        for i, m in enumerate(own):
            assert [index.slots[s].ref for s in index.patterns[index.pattern_of[i]]] == list(m.attendees)
            assert (index.slots[index.chairs[i]].ref if index.chairs[i] is not None else None) == m.chair
        for flags in ([True] * len(index.patterns), [p % 2 == 0 for p in range(len(index.patterns))]):
            assert index.where(flags) == [i for i in range(len(own)) if flags[index.pattern_of[i]]]
        flat = [(matter, m) for m in own for matter in m.matters]
        assert list(zip(index.matters, index.owners)) == flat
        assert index.participants == [matter.participants for matter, _ in flat]
        assert index.decided == [i for i, (matter, _) in enumerate(flat) if matter.action == "decide"]
        assert index.outcomes == [flat[i][0].outcome for i in index.decided]
        assert index.distinct == {matter.participants for matter, _ in flat}
        assert index.ahead == [m.date - (m.notice_date or date.min) for m in own]
        assert index.conveners == [m.convened_by for m in own]
        lists = ctx.participants_of(body_id)[0]
        for wanted in (set(lists[:1]), set(lists[:3]), set(lists)):  # a few lists, and many
            assert ctx.listing(body_id, wanted) == [i for i, p in enumerate(lists) if p in wanted]
    assert ctx.days == {m.date for m in existing}
    assert (ctx.first, ctx.last) == ((min(ctx.days), max(ctx.days)) if existing else (None, None))
    assert set(ctx.unknown_bodies) == {m.body for m in existing} - {b.id for b in BYLAW.bodies}


@pytest.mark.slow
@SETTINGS
@given(meetings(max_size=10), meetings(max_size=10))
def test_what_is_kept_with_a_bylaw_never_carries_one_calendar_into_the_next(first, second):
    """The checks keep what depends on the bylaw alone with the bylaw object (clauses, seat tables, chair
    rotation by year, citations): checking one calendar first must not change the report of another."""
    fresh = bylaw()  # a bylaw object of its own: nothing kept with it yet
    governance.check_calendar(fresh, calendar(first), as_of=AS_OF)
    after = governance.check_calendar(fresh, calendar(second), as_of=AS_OF)
    assert after == governance.check_calendar(bylaw(), calendar(second), as_of=AS_OF)


def test_many_attendee_lists_of_one_length_are_told_apart():
    """More lists of one length than context.FEW, taken in turn: each meeting keeps its own pattern."""
    people = [SeatRef(m, role) for m in MUNICIPALITIES for role in ("kso", "kommundirektor", "expert")]
    lists = list(combinations(people, 3))[:2 * context.FEW]
    assert len(lists) > context.FEW
    meetings = [radet(f"r{i}", workday(2024, 1 + i % 12, 1 + i // 12), attendees=lists[i % len(lists)])
                for i in range(3 * len(lists))]
    index = context.build(BYLAW, calendar(meetings), as_of=AS_OF, year=None).bodies["radet"]
    assert len(index.patterns) == len(lists)
    for i, m in enumerate(index.meetings):
        assert tuple(index.slots[s].ref for s in index.patterns[index.pattern_of[i]]) == m.attendees
