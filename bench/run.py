"""`make bench`: run every bench/bench_*.py module's `run()` and print its rows (label, figure).

`python bench/run.py NAME…` runs only those, in this process."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(selected: list[str]) -> int:
    if not selected:
        # Each benchmark in a process of its own, so one's memory (max RSS) and warm caches don't
        # colour another's figures.
        status = 0
        for path in sorted(HERE.glob("bench_*.py")):
            name = path.stem.removeprefix("bench_")
            status |= subprocess.run([sys.executable, __file__, name], check=False).returncode
        return status
    sys.path[:0] = [str(HERE.parent), str(HERE)]  # the package, and bench/timing.py
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if selected and name not in selected:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.perf_counter()
        print(f"== {name}")
        for label, figure in module.run():
            print(f"  {label:<58} {figure}")
        print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
