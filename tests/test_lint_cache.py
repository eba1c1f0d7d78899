"""lint's reading of a bylaw kept in the private cache (bylaw_cache.cached_analysis): the command's output is
byte for byte the uncached one with the cache cold, warm, damaged or planted, and from many threads at once."""
from __future__ import annotations

import contextlib
import io
import os
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from governance.cli import main

ROOT = Path(__file__).resolve().parent.parent
DIAGNOSTICS = ROOT / "tests" / "golden" / "diagnostics"
# Clean, with warnings, a preparation cycle (the graph's answer kept), errors in the model, unparsable.
CASES = [str(ROOT / "bylaws" / "laholmsbukten.bylaw"), str(ROOT / "bylaws" / "lidkoping-raddningsnamnd.bylaw"),
         *(str(DIAGNOSTICS / f"{name}.bylaw") for name in ("preparation-cycle", "chair-not-seat", "cite-source",
                                                           "amends-self", "binary"))]


def _lint(path: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["lint", path, "--strict"])
    return status, out.getvalue()


def _pickles(cache: Path) -> list[Path]:
    return sorted(cache.glob("analysis-*.pickle"))


@pytest.fixture
def uncached(monkeypatch):
    monkeypatch.setenv("GOVERNANCE_CACHE_DIR", "")
    return {path: _lint(path) for path in CASES}


@pytest.mark.parametrize("path", CASES)
def test_lint_says_the_same_with_the_cache_cold_warm_and_damaged(path, uncached, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("GOVERNANCE_CACHE_DIR", str(cache))
    assert _lint(path) == uncached[path]  # cold: read, kept
    kept = _pickles(cache)
    if not path.endswith("binary.bylaw"):  # a file that is not text is refused before anything is kept
        assert len(kept) == 1 and kept[0].stat().st_mode & 0o777 == 0o600
    assert _lint(path) == uncached[path]  # warm
    for file in kept:
        file.write_bytes(b"\x80\x05 not a pickle")
    assert _lint(path) == uncached[path]  # damaged: read again and replaced
    assert _lint(path) == uncached[path]


def test_a_warm_lint_reads_no_grammar_and_builds_no_graph(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVERNANCE_CACHE_DIR", str(tmp_path))
    path = str(DIAGNOSTICS / "preparation-cycle.bylaw")
    first = _lint(path)
    [kept] = _pickles(tmp_path)
    _, analysis, derived = pickle.loads(kept.read_bytes())  # (key, value, answers)
    assert ("query", "cycles") in derived and ("query", "unreachable") in derived
    assert "preparation-cycle" in first[1]


def test_a_planted_analysis_is_never_loaded(uncached, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVERNANCE_CACHE_DIR", str(tmp_path))
    path = CASES[0]
    _lint(path)
    [kept] = _pickles(tmp_path)
    from governance.loader import Analysis
    planted = pickle.dumps((pickle.loads(kept.read_bytes())[0], Analysis(None, [], {}), {}))  # under its key
    kept.write_bytes(planted)
    os.chmod(kept, 0o666)  # as if another user had written it
    assert _lint(path) == uncached[path]
    # …while the same file, private, is what the cache trusts (so the mode check is what protects).
    kept.write_bytes(planted)
    os.chmod(kept, 0o600)
    assert _lint(path) != uncached[path]


def test_lint_from_many_threads_on_one_cold_cache_agrees_with_serial(uncached, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVERNANCE_CACHE_DIR", str(tmp_path))
    from governance.drafting.lint import lint
    from governance.diagnostics import render_text

    def run(path: str) -> str:
        analysis = lint(path)
        return render_text(analysis.diagnostics, analysis.sources)

    serial = {path: run(path) for path in CASES}
    for file in tmp_path.iterdir():
        file.unlink()
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(run, CASES * 4))
    assert results == [serial[path] for path in CASES * 4]
    assert not list(tmp_path.glob(".*.tmp"))  # every write renamed into place or removed
