"""Golden diagnostics: each tests/golden/diagnostics/NAME.bylaw is linted and its output compared with
NAME.txt. The file name is the diagnostic code it shows (syntax-* for parse errors). Regenerate with
UPDATE_GOLDEN=1 and review the diff."""
import contextlib
import io
from pathlib import Path

import pytest

from governance.cli import main
from golden_file import assert_golden

GOLDEN = Path(__file__).parent / "golden" / "diagnostics"
CASES = sorted(p.stem for p in GOLDEN.glob("*.bylaw"))


def lint_output(name: str, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(GOLDEN)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["lint", "--sources", "sources", f"{name}.bylaw"])
    return status, f"exit {status}\n{out.getvalue()}"


@pytest.mark.parametrize("name", CASES)
def test_golden_diagnostic(name, monkeypatch):
    status, text = lint_output(name, monkeypatch)
    code = "syntax" if name.startswith("syntax-") else name
    assert f"[{code}]" in text, f"{name}.bylaw no longer shows [{code}]:\n{text}"
    assert_golden(GOLDEN / f"{name}.txt", text)
    assert "Traceback" not in text


def test_at_least_25_distinct_codes(monkeypatch):
    codes = {n.removeprefix("syntax-").split("-")[0] if n.startswith("syntax-") else n for n in CASES}
    assert len(codes) >= 25


def test_every_error_diagnostic_has_a_caret(monkeypatch):
    for name in CASES:
        _, text = lint_output(name, monkeypatch)
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if ": error[" in line and name not in ("binary", "encoding", "missing-header"):
                assert i + 2 < len(lines) and lines[i + 2].strip().startswith("^"), (name, text)
