"""The one golden-file comparison every test uses.

A golden file is the expected output, kept in git and reviewed in `git diff`. `UPDATE_GOLDEN=1` (exactly
that) rewrites it from the actual output; any other value, or none, compares. A missing golden file is a
failure, never written on the quiet: a new case is added on purpose, with UPDATE_GOLDEN=1.
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def updating() -> bool:
    return os.environ.get("UPDATE_GOLDEN") == "1"


def assert_golden(path: Path, actual: str) -> None:
    """Fail unless `actual` equals the golden file at `path` (rewritten instead under UPDATE_GOLDEN=1)."""
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.is_file():
        pytest.fail(f"no golden file {shown}: write it with UPDATE_GOLDEN=1, then review it in git diff")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                    f"{shown} (golden)", "actual")
        lines = list(diff)
        shown_diff = "".join(lines[:80]) + (f"… and {len(lines) - 80} more diff lines\n" if len(lines) > 80 else "")
        pytest.fail(f"{shown} differs from the output (UPDATE_GOLDEN=1 rewrites it; review the diff):\n{shown_diff}")
