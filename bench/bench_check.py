"""Checking generated calendars of 1,000 / 10,000 / 100,000 meetings (many bodies, 25 years, every rule
kind active) with the full engine, side by side with a hand-written single-pass check of just two rules
(meetings per year >= K, quorum more than half of seats) on the same data.

Goals (issue #5): engine within 2x of the hand-written floor; 10k/1k time ratio <= 12; memory < 500 MB.
The floor is shown twice: as first written (a tuple per attendee looked up in a set) and written tighter
(one set intersection per meeting), since the ratio depends on how the floor is written. The generated
calendars break rules at fixed rates (a finding on about a third of the meetings, so that every rule kind
fires); the same calendars without slips are checked too, to show what explaining findings costs.
"""
from __future__ import annotations

import gc
import resource
import statistics
import time
import tracemalloc
from datetime import date, timedelta

import governance
from governance.calendar.model import Calendar, Matter, Meeting
from governance.model.types import SeatRef

MEMBERS = tuple(f"kommun{i:02d}" for i in range(10))
YEARS = range(2000, 2025)
PER_YEAR = 8  # meetings per body and year
MIN_PER_YEAR = 4


def bylaw_text(n_bodies: int) -> str:
    """A bylaw with `n_bodies` meeting bodies (pairs: an even body prepares for the odd one after it)."""
    out = ['bylaw bench "Benchmark"', "  valid from 1999-01-01 until further notice", "", "import sweden", ""]
    out += [f'member {m} "{m}" municipality {1000 + i}' for i, m in enumerate(MEMBERS)]
    out += ['member regionen "Regionen" region 10', 'matter budget "Budget"', "",
            'body kansliet "Kansliet" office', "  convenes " + ", ".join(f"b{i}" for i in range(n_bodies))]
    for i in range(n_bodies):
        out += [f'body b{i} "Organ {i}"',
                '  seat kso "KSO" from each municipality',
                '  seat opposition "Opposition" from each municipality',
                '  seat kommundirektor "KD" from each municipality adjunct',
                '  seat expert "Expert" 1..2 from any municipality adjunct',
                f"  chair kso rotating among {', '.join(MEMBERS)} every {1 + i % 2} years from 2000",
                "  vice chair kso next in rotation",
                "  secretary kansliet",
                f"  meets at least {MIN_PER_YEAR} per year",
                "  meets at most 10 per year" if i % 3 else "  meets about 8 per year",
                "  meets 1..3 in april..may",
                "  quorum more than half" if i % 4 else "  quorum default",
                "  decision by consensus",
                "  notice at least 14 days"]
        if i % 2:
            out.append("  equal influence")
        if i % 2 == 0:
            out.append(f"  prepares matters for b{i + 1}")
    for i in range(1, n_bodies, 2):
        out.append(f"rule all matters to b{i} prepared by b{i - 1}")
    out.append("participation voluntary minimum 2")
    return "\n".join(out) + "\n"


def generate(n_meetings: int, slips: bool = True):
    """A bylaw and a calendar of `n_meetings`; with `slips`, meetings break rules at fixed rates (about a
    third of them have a finding), else the same calendar keeps every rule (holiday warnings aside)."""
    n_bodies = max(2, round(n_meetings / (len(YEARS) * PER_YEAR)))
    n_bodies += n_bodies % 2
    bylaw = governance.parse(bylaw_text(n_bodies), filename="bench.bylaw")
    refs = {role: [SeatRef(m, role) for m in MEMBERS] for role in ("kso", "opposition", "kommundirektor")}
    office = SeatRef(None, "kansliet")
    meetings = []
    k = 0
    for year in YEARS:
        for slot in range(PER_YEAR):
            day = date(year, 1 + slot * 3 // 2, 5 + slot)
            day += timedelta(days=(7 - day.weekday()) % 7)  # a Monday
            for b in range(n_bodies):
                if len(meetings) >= n_meetings:
                    break
                k += 1
                present = 6 + (k % 5) if slips else 10  # of 10 municipalities: some meetings short of quorum
                attendees = tuple(refs["kso"][:present] + refs["opposition"][:present - 3]
                                  + refs["kommundirektor"][:3] + [office])
                turn = ((year - 2000) // (1 + b % 2)) % len(MEMBERS)
                matter_id = f"m{year}-{slot}-{b // 2}"
                if b % 2 == 0:
                    matters = (Matter(matter_id, action="prepare", participants=MEMBERS[:2 + k % 3]),)
                else:
                    matters = (Matter(matter_id, outcome="majority" if slips and k % 7 == 0 else "consensus"),
                               Matter(f"x{k}", action="inform"))
                if slips and k % 97 == 0:  # a few slips, so that every rule kind has something to find
                    matters += (Matter(f"late{k}"), Matter(f"solo{k}", action="inform", participants=MEMBERS[:1]))
                if slips and k % 89 == 0:
                    attendees += (SeatRef("kommun99", "kso"), SeatRef("regionen", "kso"))
                if slips and k % 1009 == 0:
                    continue  # a meeting that did not take place: some body-years fall short
                meetings.append(Meeting(
                    id=f"b{b}-{year}-{slot}", body=f"c{b}" if slips and k % 2003 == 0 else f"b{b}",
                    date=day + timedelta(days=5) if slips and k % 211 == 0 else day + timedelta(days=b % 2),
                    chair=refs["kso"][(turn + 2) % len(MEMBERS) if slips and k % 83 == 0 else turn],
                    convened_by="b0" if slips and k % 79 == 0 else "kansliet",
                    notice_date=day - timedelta(days=10 if slips and k % 11 == 0 else 21),
                    attendees=attendees, matters=matters))
    return bylaw, Calendar(path="bench.yaml", meetings=tuple(meetings))


def floor(bylaw, calendar) -> list[tuple[str, int, str]]:
    """The hand-written single pass: meetings per body and year >= K; quorum more than half of seats."""
    voting = {b.id: {(s.member, s.role) for s in b.seats if not s.adjunct} for b in bylaw.bodies}
    counts: dict[tuple[str, int], int] = {}
    out = []
    for m in calendar.meetings:
        key = (m.body, m.date.year)
        counts[key] = counts.get(key, 0) + 1
        seats = voting.get(m.body)
        if seats is None:
            continue
        present = sum(1 for a in m.attendees if (a.member, a.role) in seats)
        if 2 * present <= len(seats):
            out.append(("quorum", m.date.year, m.id))
    out.extend(("meeting-minimum", year, body) for (body, year), n in counts.items() if n < MIN_PER_YEAR)
    return out


def tight_floor(bylaw, calendar) -> list[tuple[str, int, str]]:
    """The same two rules written tighter: a seat reference is a tuple, so the voting seats present are
    one set intersection in C per meeting. The same answers as `floor`, about twice as fast; reported
    beside it so that the engine's ratio is not read against the slower floor alone."""
    voting = {b.id: frozenset(s.ref for s in b.seats if not s.adjunct) for b in bylaw.bodies}
    counts: dict[tuple[str, int], int] = {}
    out = []
    for m in calendar.meetings:
        key = (m.body, m.date.year)
        counts[key] = counts.get(key, 0) + 1
        seats = voting.get(m.body)
        if seats is not None and 2 * len(seats.intersection(m.attendees)) <= len(seats):
            out.append(("quorum", m.date.year, m.id))
    out.extend(("meeting-minimum", year, body) for (body, year), n in counts.items() if n < MIN_PER_YEAR)
    return out


def _once(fn) -> float:
    """One run, with the cyclic GC off during it, for the engine and the floors alike: the figure is the
    check's own work. (The engine no longer turns the GC off itself; bench_baseline shows what a user's
    process, GC on, pays beside it.)"""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0
    finally:
        gc.enable()


def _rounds(contenders: dict, rounds: int) -> dict[str, list[float]]:
    """Every contender side by side, `rounds` times, each round running all back to back: name → its
    times. This machine is shared and its speed drifts by tens of per cent within a minute; a ratio
    taken within one round sees the same drift on both sides, so the median of the rounds' ratios is
    the steadier figure."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, fn in contenders.items():
            times[name].append(_once(fn))
    return times


def _ratio(times: dict[str, list[float]], a: str, b: str) -> float:
    return statistics.median(x / y for x, y in zip(times[a], times[b]))


def run() -> list[tuple[str, str]]:
    rows = []
    times = {}
    as_of = date(2025, 6, 1)
    for n in (1_000, 10_000, 100_000):
        bylaw = calendar = got = None  # the calendar before is freed first: max RSS is one of the figures
        bylaw, calendar = generate(n)
        governance.check_calendar(bylaw, calendar, as_of=as_of)  # warm: compiles the process graph once
        rounds = {1_000: 41, 10_000: 21, 100_000: 7}[n]
        assert sorted(tight_floor(bylaw, calendar)) == sorted(floor(bylaw, calendar))
        got = _rounds({"floor": lambda: floor(bylaw, calendar), "tight": lambda: tight_floor(bylaw, calendar),
                       "engine": lambda: governance.check_calendar(bylaw, calendar, as_of=as_of)}, rounds)
        report = governance.check_calendar(bylaw, calendar, as_of=as_of)
        rules = sorted({f.rule for f in report.findings})
        engine = times[n] = min(got["engine"])
        rows.append((f"{n:>7,} meetings, {len(bylaw.bodies) - 1} bodies: engine (best of {rounds})",
                     f"{engine:.3f} s ({len(report.findings):,} findings, {len(rules)} rule ids)"))
        rows.append((f"{n:>7,} meetings: hand-written 2-rule floor (best)",
                     f"{min(got['floor']):.3f} s; written tighter {min(got['tight']):.3f} s"))
        rows.append((f"{n:>7,} meetings: engine / floor, median of rounds",
                     f"{_ratio(got, 'engine', 'floor'):.2f}x (goal <= 2); / tighter floor "
                     f"{_ratio(got, 'engine', 'tight'):.2f}x"))
    # The same calendars with no slips: what checking costs when there is little to explain (a real
    # calendar has few findings; the one above has one on about a third of its meetings).
    for n in (1_000, 10_000, 100_000):
        bylaw = calendar = got = None  # the calendar before is freed first: max RSS is one of the figures
        bylaw, calendar = generate(n, slips=False)
        governance.check_calendar(bylaw, calendar, as_of=as_of)
        got = _rounds({"tight": lambda: tight_floor(bylaw, calendar),
                       "engine": lambda: governance.check_calendar(bylaw, calendar, as_of=as_of)},
                      {1_000: 21, 10_000: 11, 100_000: 3}[n])
        findings = len(governance.check_calendar(bylaw, calendar, as_of=as_of).findings)
        rows.append((f"{n:>7,} meetings, no slips ({findings:,} findings): engine / tighter floor",
                     f"{min(got['engine']):.3f} s / {min(got['tight']):.3f} s = {_ratio(got, 'engine', 'tight'):.2f}x"))
    rows.append(("time 10k / 1k", f"{times[10_000] / times[1_000]:.1f} (goal <= 12)"))
    rows.append(("time 100k / 10k", f"{times[100_000] / times[10_000]:.1f}"))
    bylaw = calendar = got = None
    bylaw, calendar = generate(100_000)
    tracemalloc.start()
    governance.check_calendar(bylaw, calendar, as_of=as_of)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rows.append(("100,000 meetings: peak memory of the check (tracemalloc)", f"{peak / 2**20:.0f} MB"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("max resident set size of the process", f"{rss:.0f} MB (goal < 500)"))
    return rows


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<58} {figure}")
