"""Whole commands as a user runs them, timed from outside the process, side by side in one run.

Each round runs every contender once, in a fresh process, one after the other (this machine is shared and
its speed drifts: a round's contenders see the same drift); the figures are medians over the rounds, of
wall time and of the process's CPU time (user + system, from wait4).

- `floor`: bench/floor_script.py, a hand-written script that reads the same calendar and checks two rules;
  its findings are asserted equal to the engine's for those two rules, on the calendar timed and on its
  breaches twin.
- `cold`: the command with an empty private cache (GOVERNANCE_CACHE_DIR a new folder each run): lark's
  tables are built and the bylaw parsed and compiled. `warm`: the cache filled by an earlier run.
Processes run with Python's bytecode cache (as an installed program does), not this machine's
PYTHONDONTWRITEBYTECODE=1. Goals (issue 17): check warm within 2x of the floor; lint under 150 ms wall; --help under 100 ms wall.
BENCH_ROOT=DIR times the checkout in DIR instead (for before/after figures with the same machine load).
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_ROOT") or Path(__file__).resolve().parent.parent)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "11"))
BYLAW, CALENDAR, AS_OF = "laholmsbukten", "examples/laholmsbukten-2025.yaml", "2025-12-31"
TWO_RULES = ("meeting-minimum", "quorum")


def _governance(*args: str) -> list[str]:
    return [sys.executable, "-m", "governance", *args]


def _floor(calendar: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve().parent / "floor_script.py"), calendar]


def _run(argv: list[str], cache: Path | None) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds, stdout of one process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # As an installed program runs: with its bytecode cached (pip compiles it at install; this machine's
    # environment turns writing it off, which would time Python compiling our sources on every run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache is not None:
        env["GOVERNANCE_CACHE_DIR"] = str(cache)
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    return wall, usage.ru_utime + usage.ru_stime, out


def _assert_floor_agrees() -> None:
    for calendar in (CALENDAR, CALENDAR.replace(".yaml", "-breaches.yaml")):
        floor = sorted(tuple(json.loads(line)) for line in _run(_floor(calendar), None)[2].splitlines())
        report = json.loads(_run(_governance("check", BYLAW, calendar, "--as-of", AS_OF, "--format", "json"),
                                 None)[2])
        engine = sorted((f["rule"], f["body"], f["year"], f["meeting"]) for f in report["findings"]
                        if f["rule"] in TWO_RULES)
        assert floor == engine, (calendar, floor, engine)


def run() -> list[tuple[str, str]]:
    _assert_floor_agrees()
    scratch = Path(tempfile.mkdtemp(prefix="bench-commands-"))
    warm = scratch / "warm"
    check = ("check", BYLAW, CALENDAR, "--as-of", AS_OF)
    lint = ("lint", f"bylaws/{BYLAW}.bylaw")
    contenders = {
        "floor: 2-rule script": (_floor(CALENDAR), None),
        "check, cold cache": (_governance(*check), "cold"),
        "check, warm cache": (_governance(*check), warm),
        "lint, cold cache": (_governance(*lint), "cold"),
        "lint, warm cache": (_governance(*lint), warm),
        "--help": (_governance("--help"), warm),
    }
    try:
        for argv, cache in contenders.values():  # fill the warm cache
            if cache == warm:
                _run(argv, warm)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
        for k in range(ROUNDS):
            for name, (argv, cache) in contenders.items():
                folder = scratch / f"cold-{k}-{len(times[name])}-{name[:5]}" if cache == "cold" else cache
                wall, cpu, _ = _run(argv, folder)
                times[name].append((wall, cpu))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    rows = [("(median of %d rounds; wall / CPU)" % ROUNDS, str(ROOT))]
    median = {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
              for name, t in times.items()}
    for name, (wall, cpu) in median.items():
        rows.append((name, f"{wall * 1000:6.0f} ms wall {cpu * 1000:6.0f} ms CPU"))
    floor = times["floor: 2-rule script"]
    for name in ("check, cold cache", "check, warm cache"):
        ratio = statistics.median(c / f for (_, c), (_, f) in zip(times[name], floor))
        wall_ratio = statistics.median(c / f for (c, _), (f, _) in zip(times[name], floor))
        rows.append((f"{name} / floor (median of rounds)", f"{wall_ratio:.1f}x wall, {ratio:.1f}x CPU (goal <= 2)"))
    return rows
