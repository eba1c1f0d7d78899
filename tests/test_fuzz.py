"""The fuzz targets (fuzz/targets.py) in the suite: every seed and every input that once crashed a target is
replayed through it, the oracle is shown to reject what it must, and a short deterministic atheris pass runs
each target (slow: a process per target, instrumented imports)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fuzz import targets  # noqa: E402
from fuzz.targets import TARGETS, FuzzFailure, regressions  # noqa: E402
from governance.calendar.errors import CalendarError, CalendarIssue  # noqa: E402

REPLAY = [(name, path) for name, target in TARGETS.items()
          for path in [*target.seeds(), *regressions(name)]]


def test_every_target_has_seeds():
    for name, target in TARGETS.items():
        assert target.seeds(), f"target {name} has no seed"


@pytest.mark.parametrize(("target", "path"), REPLAY, ids=[f"{t}:{p.relative_to(ROOT)}" for t, p in REPLAY])
def test_replay(target, path):
    """Each input is accepted or refused with a located error of the library's own (the oracle's verdict)."""
    TARGETS[target].run(path.read_bytes())


def test_regressions_are_named_after_their_target():
    folder = ROOT / "fuzz" / "crashes"
    assert {p.name for p in folder.glob("*") if p.is_dir()} <= set(TARGETS)


# ---- the oracle itself: a check that could not fail would prove nothing ----------------------------------

def test_oracle_rejects_an_issue_outside_the_input():
    data = b"a: 1\nb: 2\n"
    ok = CalendarError([CalendarIssue("in.yaml", 3, 0, "fine")])
    targets._check_calendar_error(ok, {"in.yaml": data})
    for issue in (CalendarIssue("in.yaml", 0, 0, "line 0"), CalendarIssue("in.yaml", 4, 0, "past the end"),
                  CalendarIssue("other.yaml", 1, 0, "another file"), CalendarIssue("in.yaml", 1, 0, " ")):
        with pytest.raises(FuzzFailure):
            targets._check_calendar_error(CalendarError([issue]), {"in.yaml": data})


def test_oracle_counts_the_line_breaks_yaml_and_ics_count():
    # YAML breaks lines at CR, NEL, LS and PS too: a message at line 3 of this is inside it
    targets._check_calendar_error(CalendarError([CalendarIssue("x", 3, 0, "m")]), {"x": b"a\rb\xc2\x85c"})


def test_a_crash_is_not_swallowed(monkeypatch):
    # anything but the library's own error reaches the fuzzer as it is
    def broken(path, mapping=None):
        raise KeyError("boom")
    monkeypatch.setattr(targets, "read_calendar", broken)
    with pytest.raises(KeyError):
        targets.fuzz_yaml(b"meetings: []\n")


def test_a_bylaw_that_cannot_be_built_must_say_why(monkeypatch):
    from governance.loader import Analysis
    monkeypatch.setattr(targets, "lint", lambda path: Analysis(None, [], {}))
    with pytest.raises(FuzzFailure, match="no error says why"):
        targets.fuzz_bylaw(b"bylaw x\n")


def test_the_driver_saves_a_crash_and_a_hang(tmp_path, capsys):
    from fuzz.run import Hang, guarded

    def crash(data):
        raise ValueError("boom")

    def spin(data):  # never returns: only the CPU-time bound ends it
        while True:
            pass
    with pytest.raises(ValueError):
        guarded(crash, f"{tmp_path}/")(b"one")
    with pytest.raises(Hang):
        guarded(spin, f"{tmp_path}/", seconds=0.2)(b"two")
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == ["crash", "hang"]
    assert {p.read_bytes() for p in tmp_path.iterdir()} == {b"one", b"two"}


# ---- a short pass under atheris ---------------------------------------------------------------------------

RUNS = 300  # the seeds, then mutations: a few seconds a target


@pytest.mark.slow  # a process per target, its imports instrumented
@pytest.mark.parametrize("target", list(TARGETS))
def test_short_fuzz_pass(target, tmp_path):
    """libFuzzer with a fixed seed and a fixed number of runs (not a time): the same inputs every run."""
    pytest.importorskip("atheris", reason="atheris ships wheels for Linux on x86-64 only")
    done = subprocess.run([sys.executable, str(ROOT / "fuzz" / "run.py"), target, "--runs", str(RUNS),
                           "--seed", "1", "--build", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    log = (tmp_path / target / "log.txt").read_text(errors="replace")
    assert done.returncode == 0, f"{done.stdout}{done.stderr}\n{log[-4000:]}"
    ran = re.search(rf"^{target}\s+(\d+) inputs", done.stdout, re.M)
    assert ran and int(ran.group(1)) >= RUNS, done.stdout
