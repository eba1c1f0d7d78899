"""The calendar check side by side with the engine the speed issues were filed against (5ba6417).

Issues #14 and #17 fix their large-calendar goals against the check as it was at commit 5ba6417: within
10 % (#14) and 30 % (#17) at 1,000 / 10,000 / 100,000 meetings. A figure from another run cannot be read
against it (this machine drifts by tens of per cent within a minute), so both versions run here, each in a
process of its own with its own private cache, driven in lockstep by bench/ab.py's `tree_rounds`: one
check each per round, in alternating order, and the figure is the median of the rounds' ratios of CPU
time (a few-millisecond check's wall clock on a shared machine measures its neighbours; the wall clock's
ratio is printed beside it). Each round times both with the cyclic GC off during the check (5ba6417 turned
it off inside its own check) and with it on, as a user's process runs today's engine, which leaves the GC alone.

Both processes check the same generated calendars (bench_check.generate) and their findings per rule id
are compared: a faster check that finds something else is no figure at all.
"""
from __future__ import annotations

import statistics

import ab

BASELINE = "5ba6417"
PLAN = [(1_000, 31), (10_000, 15), (100_000, 5)]
GOALS = {"#14": 1.10, "#17": 1.30}


def _verdict(ratio: float) -> str:
    return ", ".join(f"{issue} {'met' if ratio <= goal else 'missed'} (<= {goal:.2f})" for issue, goal in GOALS.items())


def run() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    try:
        for side in ab.tree_rounds(BASELINE, PLAN):
            if side.found_old != side.found_new:
                raise SystemExit(f"bench_baseline: {side.meetings:,} meetings: the two versions find different "
                                 f"things:\n  {BASELINE}: {side.found_old}\n  now: {side.found_new}")
            rows.append((f"{side.meetings:>7,} meetings: {BASELINE}, CPU (median of {len(side.new)})",
                         f"{statistics.median(side.old):.3f} s; GC on {statistics.median(side.old_gc):.3f} s"))
            rows.append((f"{side.meetings:>7,} meetings: this tree, CPU (median of {len(side.new)})",
                         f"{statistics.median(side.new):.3f} s; GC on {statistics.median(side.new_gc):.3f} s"))
            rows.append((f"{side.meetings:>7,} meetings: this tree / {BASELINE}, median of rounds",
                         f"{side.ratio():.2f}x CPU ({side.ratio(wall=True):.2f}x wall) — {_verdict(side.ratio())}"))
            rows.append((f"{side.meetings:>7,} meetings: the same with the GC on (as users run it)",
                         f"{side.ratio(gc=True):.2f}x CPU — {_verdict(side.ratio(gc=True))}"))
    except LookupError as error:
        rows.append((f"{BASELINE} is not in this clone's history (a shallow clone?)", str(error)))
    return rows
