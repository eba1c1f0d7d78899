"""Reading generated YAML calendars of 1,000 / 10,000 / 100,000 meetings (six bodies, 25 years, attendees
and matters on every meeting), beside PyYAML's own C-accelerated `yaml.load(CSafeLoader)` of the same file
(which builds plain dicts with no positions and no validation) as a floor.

The reader's size limit (10 MB) is lifted here: 100,000 meetings are ~30 MB of YAML.
"""
from __future__ import annotations

import gc
import tempfile
import time
from pathlib import Path

import yaml

from governance.calendar.yaml_reader import read_calendar
from governance.limits import Limits

# The bench reads calendars far beyond the command line's default bounds (10,000 meetings, 10 MB).
BIG = Limits(max_bytes=1 << 30, max_occurrences=1_000_000)

SIZES = (1_000, 10_000, 100_000)
MEMBERS = ("bastad", "falkenberg", "halmstad", "hylte", "laholm")
BODIES = ("styrgruppen", "referensgruppen", "samverkansgruppen", "stodgruppen", "styrelsen", "ledningsgruppen")


def generate(n: int, path: Path) -> Path:
    out = ["bylaw: laholmsbukten", "roster:", "  Stefan Pålsson: halmstad/kso", "meetings:"]
    for i in range(n):
        year, day = 2000 + i % 25, i // 25
        attendees = ", ".join(f"{m}/kso" for m in MEMBERS[: 3 + i % 3])
        out.append(f"""  - id: m-{i}
    body: {BODIES[i % len(BODIES)]}
    date: {year}-{1 + day % 12:02d}-{1 + day % 28:02d}T{9 + i % 8:02d}:00
    chair: halmstad/kso
    convened_by: sekretariatet
    notice_date: {year}-{1 + day % 12:02d}-01
    attendees: [{attendees}]
    matters:
      - id: arende-{i // 2}
        title: Gemensam upphandling av IT-stöd {i}
        type: budget
        action: {"prepare" if i % 2 == 0 else "decide"}
        outcome: consensus
        participants: [halmstad, laholm]""")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def run() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    times: dict[int, float] = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            path = generate(n, Path(tmp) / f"calendar-{n}.yaml")
            size_mb = path.stat().st_size / 1e6
            repeat = 3 if n <= 10_000 else 1
            cal = read_calendar(path, limits=BIG)
            assert len(cal.meetings) == n
            del cal
            times[n] = _best(lambda: read_calendar(path, limits=BIG), repeat)
            rows.append((f"read_calendar {n:,} meetings ({size_mb:.1f} MB)",
                         f"{times[n]:.3f} s  ({times[n] / n * 1e6:.1f} µs/meeting)"))
            if n <= 10_000:  # the floor: PyYAML's C loader to plain dicts (GC off, as the reader runs)
                text = path.read_text(encoding="utf-8")

                def floor():
                    gc.disable()
                    try:
                        yaml.load(text, Loader=loader)
                    finally:
                        gc.enable()

                base = _best(floor, repeat)
                rows.append((f"  floor: yaml.load(CSafeLoader) {n:,} meetings", f"{base:.3f} s  "
                             f"(reader/floor {times[n] / base:.2f}×)"))
    rows.append(("ratio 10k/1k (linear = 10)", f"{times[10_000] / times[1_000]:.1f}"))
    rows.append(("ratio 100k/10k (linear = 10)", f"{times[100_000] / times[10_000]:.1f}"))
    return rows


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<58} {figure}")
