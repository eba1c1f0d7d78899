"""`python bench/ab.py REV [MEETINGS ...] [--rounds N]`: the calendar check as it is in the working tree
against the check at git revision REV, on bench_check.py's generated calendars, interleaved in one process.

This machine's speed drifts by tens of per cent within a minute, with its neighbours: two runs of `make
bench` minutes apart differ by more than most changes do. Here every round runs both versions back to
back (in alternating order, each after the hand-written floor, as in the bench) and the figure is the
median of the rounds' ratios, which sees the same drift on both sides. Reports must be equal.

Only governance/check/ is taken from REV, into a copy of the working tree's package in a temporary
folder (nothing in the tree is written): REV must be recent enough for its checks to work with today's
model. Default sizes 1,000 10,000 100,000; rounds 61, 41, 9.

`--tree`: the whole package at REV (governance/, rules/, bylaws/) against the working tree's, for a REV
whose checks do not fit today's model (a calendar model or a report that changed with them). Each
version runs in a process of its own, generating the calendars once; the parent drives the two in
lockstep, one check each per round in alternating order, so both see the same drift. Their reports
cannot be compared (the report itself changed): the findings per rule id are printed for each instead.
Each check is timed in the process's CPU time, and the ratio is of those: a 1,000-meeting check lasts
about one scheduler time slice, and on a shared machine its wall clock measures the neighbours (at load
5-8 the wall ratio read 1.8-2.3 where the CPU ratio said 1.5). The wall clock's ratio is printed beside it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Iterator, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = {1_000: 61, 10_000: 41, 100_000: 9}
SHIPPED = ("governance", "rules", "bylaws", "law")  # the package and its data folders (pyproject package-dir)

CHILD = """
import statistics, sys
from dataclasses import replace
from datetime import date
sys.path[:0] = [{tmp!r}, {bench!r}]
import bench_check as bc
from governance.check import check_calendar as new
from governance._base_check import check_calendar as old
once = bc._once  # one run, the cyclic GC collected before and off during, as the bench times it

as_of = date(2025, 6, 1)
for n, rounds in {sizes!r}:
    bylaw, calendar = bc.generate(n)
    # Each version its own bylaw object: what a check derives from the bylaw is kept with the object
    # (Bylaw.derived), and one version's must not serve the other (replace() gives a fresh one).
    own = {{"new": bylaw, "old": replace(bylaw)}}
    if new(own["new"], calendar, as_of=as_of) != old(own["old"], calendar, as_of=as_of):
        sys.exit(f"{{n:,}} meetings: the two versions report differently")
    times = {{"new": [], "old": [], "tight": []}}
    for r in range(rounds):
        bc.floor(bylaw, calendar)
        times["tight"].append(once(lambda: bc.tight_floor(bylaw, calendar)))
        for name in (("new", "old") if r % 2 else ("old", "new")):
            fn = new if name == "new" else old
            bc.floor(bylaw, calendar)
            times[name].append(once(lambda: fn(own[name], calendar, as_of=as_of)))
    ratio = lambda a, b: statistics.median(x / y for x, y in zip(times[a], times[b]))
    print(f"{{n:>7,}} meetings, {{rounds}} rounds: new / old {{ratio('new', 'old'):.3f}}; "
          f"/ tighter floor: new {{ratio('new', 'tight'):.2f}}x, old {{ratio('old', 'tight'):.2f}}x; "
          f"best new {{min(times['new']) * 1e3:.1f}} ms, old {{min(times['old']) * 1e3:.1f}} ms")
    bylaw = calendar = own = None
"""

TREE_CHILD = """
import gc, sys, time
from collections import Counter
from datetime import date
sys.path[:0] = [{tree!r}, {bench!r}]
# The editable install's finder maps governance.rules and governance.bylaws to the working tree's folders;
# without it each version finds its own rules/ and bylaws/ beside its package.
sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, "__module__", "").startswith("__editable__")]
import bench_check as bc
import governance
as_of = date(2025, 6, 1)
bylaw = calendar = None
for line in sys.stdin:
    word, _, arg = line.strip().partition(" ")
    if word == "gen":
        bylaw = calendar = None
        bylaw, calendar = bc.generate(int(arg))
        report = governance.check_calendar(bylaw, calendar, as_of=as_of)  # warm, and what it finds
        print(dict(sorted(Counter(f.rule for f in report.findings).items())), flush=True)
    elif word == "run":
        bc.floor(bylaw, calendar)
        gc.collect()
        if arg != "gc-on":  # as bench_check._once: the cyclic GC off during the check, for both alike
            gc.disable()
        c0, t0 = time.process_time(), time.perf_counter()
        governance.check_calendar(bylaw, calendar, as_of=as_of)
        c1, t1 = time.process_time(), time.perf_counter()
        gc.enable()
        print(c1 - c0, t1 - t0, flush=True)
"""


class Side(NamedTuple):
    """One calendar size, both versions: each one's check times (s; process CPU time, and the wall clock's
    beside it) with the cyclic GC off during the check, the CPU times with it on (`*_gc`: as a user's
    process runs it; the engine no longer turns it off itself, 5ba6417 did) and findings per rule id."""
    meetings: int
    old: list[float]
    new: list[float]
    found_old: str
    found_new: str
    old_wall: list[float]
    new_wall: list[float]
    old_gc: list[float]
    new_gc: list[float]

    def ratio(self, wall: bool = False, gc: bool = False) -> float:
        """The median of the rounds' new / old (CPU time, or the wall clock's; GC off, or `gc` on): both saw
        the same drift in each round."""
        new, old = (self.new_wall, self.old_wall) if wall else (self.new_gc, self.old_gc) if gc else (self.new, self.old)
        return statistics.median(a / b for a, b in zip(new, old))


def tree_rounds(rev: str, plan: list[tuple[int, int]]) -> Iterator[Side]:
    """The whole package at `rev` against the working tree's, two processes driven in lockstep.
    Raises LookupError when git cannot give `rev` (a shallow clone, another repository)."""
    # The package and the folders shipped as its data (pyproject's package-dir), as far as `rev` has them.
    folders = [name for name in SHIPPED if subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{rev}:{name}"],
                                                           capture_output=True, check=False).returncode == 0]
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, *folders], capture_output=True, check=False)
    if archive.returncode != 0 or not folders:
        raise LookupError(archive.stderr.decode().strip() or f"{rev}: no package there")
    with tempfile.TemporaryDirectory() as tmp:
        old, new = Path(tmp, "old"), Path(tmp, "new")
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python >= 3.11.4
            tar.extractall(old, **safe)
        for name in SHIPPED:
            shutil.copytree(ROOT / name, new / name, ignore=shutil.ignore_patterns("__pycache__"))
        # Each version in its own process, with its own private cache folder (lark's tables, compiled bylaws).
        procs = {name: subprocess.Popen([sys.executable, "-c", TREE_CHILD.format(tree=str(where),
                                                                                   bench=str(ROOT / "bench"))],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env={**os.environ, "GOVERNANCE_CACHE_DIR": str(Path(tmp, f"cache-{name}"))})
                 for name, where in (("old", old), ("new", new))}

        def ask(name: str, line: str) -> str:
            proc = procs[name]
            proc.stdin.write(line + "\n")
            proc.stdin.flush()
            answer = proc.stdout.readline()
            if not answer:
                raise SystemExit(f"bench/ab.py: the {name} version stopped")
            return answer.strip()
        try:
            for n, rounds in plan:
                found = {name: ask(name, f"gen {n}") for name in procs}
                cpu: dict[str, list[float]] = {"old": [], "new": []}
                wall: dict[str, list[float]] = {"old": [], "new": []}
                with_gc: dict[str, list[float]] = {"old": [], "new": []}
                for r in range(rounds):
                    for name in (("new", "old") if r % 2 else ("old", "new")):
                        spent, took = ask(name, "run gc-off").split()
                        cpu[name].append(float(spent))
                        wall[name].append(float(took))
                    for name in (("old", "new") if r % 2 else ("new", "old")):
                        with_gc[name].append(float(ask(name, "run gc-on").split()[0]))
                yield Side(n, cpu["old"], cpu["new"], found["old"], found["new"], wall["old"], wall["new"],
                           with_gc["old"], with_gc["new"])
        finally:
            for proc in procs.values():
                proc.stdin.close()
                proc.wait()


def tree(rev: str, plan: list[tuple[int, int]]) -> int:
    try:
        for side in tree_rounds(rev, plan):
            print(f"{side.meetings:>7,} meetings, {len(side.new)} rounds: new / old {side.ratio():.3f} CPU "
                  f"({side.ratio(wall=True):.3f} wall), with the GC on {side.ratio(gc=True):.3f} CPU; CPU best new {min(side.new) * 1e3:.1f} ms, old "
                  f"{min(side.old) * 1e3:.1f} ms; median new {statistics.median(side.new) * 1e3:.1f} ms, old "
                  f"{statistics.median(side.old) * 1e3:.1f} ms")
            print(f"  findings old {side.found_old}")
            print(f"  findings new {side.found_new}")
    except LookupError as error:
        print(f"bench/ab.py: {error}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/ab.py", description=__doc__.strip().splitlines()[0])
    parser.add_argument("rev", help="the git revision whose governance/check/ is compared")
    parser.add_argument("meetings", nargs="*", type=int, default=list(ROUNDS), help="calendar sizes")
    parser.add_argument("--rounds", type=int, help="rounds per size (default: 61, 41, 9)")
    parser.add_argument("--tree", action="store_true", help="the whole package at REV, not only its checks")
    args = parser.parse_args(argv)
    plan = [(n, args.rounds or ROUNDS.get(n, 21)) for n in args.meetings]
    if args.tree:
        return tree(args.rev, plan)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev, "governance/check"],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        print(f"bench/ab.py: {archive.stderr.decode().strip()}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for name in SHIPPED:
            shutil.copytree(ROOT / name, Path(tmp, name), ignore=shutil.ignore_patterns("__pycache__"))
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python >= 3.11.4
            tar.extractall(Path(tmp, "rev"), **safe)
        shutil.move(Path(tmp, "rev", "governance", "check"), Path(tmp, "governance", "_base_check"))
        child = CHILD.format(tmp=tmp, bench=str(ROOT / "bench"), sizes=plan)
        return subprocess.run([sys.executable, "-c", child], check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
