"""`make bench-counts`: the calendar check and the tighter hand-written floor (bench_check.py) counted, not
timed — instructions and last-level-cache data misses per run, under valgrind's cachegrind.

Timings on this shared machine drift by tens of per cent within a minute, and the engine, which reads
more of each meeting and reads it body by body, suffers more from its neighbours than the floor does.
Counts are the same from one run to the next whatever else the machine is doing, so a change can be
judged by them in minutes: instructions say how much work it is, cache misses how scattered.

    python bench/counts.py [MEETINGS] [--slips | --no-slips]     (default: 10000 --slips)

A run is the difference between a process that checks k=3 times and one that checks once (both with the
same set-up and one warm-up check), halved; PYTHONHASHSEED is fixed so the processes are comparable. The
last-level cache is simulated at 4 MB, a fair share of this machine's 32 MB L3 under load. Each process
takes a minute or two under valgrind; they run two at a time.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
LL = "4194304,16,64"  # 4 MB, 16-way, 64-byte lines

# What each counted process runs: set-up, one warm-up of both, then `k` runs of one of them.
CHILD = """
import gc, sys
from datetime import date
sys.path[:0] = [{root!r}, {bench!r}]
import bench_check as bc
import governance
n, what, k, slips = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4] == "slips"
bylaw, calendar = bc.generate(n, slips)
as_of = date(2025, 6, 1)
governance.check_calendar(bylaw, calendar, as_of=as_of)
bc.tight_floor(bylaw, calendar)
gc.disable()
for _ in range(k):
    if what == "engine":
        governance.check_calendar(bylaw, calendar, as_of=as_of)
    else:
        bc.tight_floor(bylaw, calendar)
"""


def _count(script: Path, n: int, what: str, k: int, slips: str, out: Path) -> tuple[int, int]:
    """(instructions, last-level data misses) of one process."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=yes", f"--LL={LL}", f"--cachegrind-out-file={out}",
         sys.executable, str(script), str(n), what, str(k), slips],
        env=env, capture_output=True, text=True, check=True)
    log = done.stderr
    instructions = int(re.search(r"I\s+refs:\s+([\d,]+)", log).group(1).replace(",", ""))
    misses = int(re.search(r"LLd misses:\s+([\d,]+)", log).group(1).replace(",", ""))
    return instructions, misses


def main(argv: list[str]) -> int:
    if shutil.which("valgrind") is None:
        print("bench/counts.py needs valgrind (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(
        prog="bench/counts.py", description="The calendar check and the tighter floor, counted under cachegrind.")
    parser.add_argument("meetings", nargs="?", type=int, default=10_000, help="calendar size (default 10000)")
    parser.add_argument("--slips", action=argparse.BooleanOptionalAction, default=True,
                        help="the calendar breaks rules at the bench's rates (default), or not")
    args = parser.parse_args(argv)
    n = args.meetings
    slips = "slips" if args.slips else "clean"
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp, "child.py")
        script.write_text(CHILD.format(root=str(HERE.parent), bench=str(HERE)))
        jobs = [(what, k) for what in ("engine", "tight") for k in (1, 3)]
        with ThreadPoolExecutor(max_workers=2) as pool:
            got = dict(zip(jobs, pool.map(
                lambda job: _count(script, n, job[0], job[1], slips, Path(tmp, f"{job[0]}.{job[1]}.out")), jobs)))
    per_run = {what: tuple((b - a) / 2 for a, b in zip(got[(what, 1)], got[(what, 3)]))
               for what in ("engine", "tight")}
    (ei, em), (ti, tm) = per_run["engine"], per_run["tight"]
    print(f"{n:,} meetings ({'with slips' if slips == 'slips' else 'no slips'}), per run:")
    print(f"  engine         {ei / 1e6:8.1f} M instructions  {em / 1e3:7.0f} k LL data misses")
    print(f"  tighter floor  {ti / 1e6:8.1f} M instructions  {tm / 1e3:7.0f} k LL data misses")
    print(f"  engine / floor {ei / ti:8.2f}x               {em / tm:7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
