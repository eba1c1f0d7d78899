"""Golden diagnostics: each tests/golden/diagnostics/NAME.bylaw is linted and its output compared with
NAME.sv.txt (Swedish, the default) and NAME.txt (`--lang en`). The file name is the diagnostic code it shows
(syntax-* for parse errors). Regenerate with UPDATE_GOLDEN=1 and review the diff."""
import contextlib
import io
from pathlib import Path

import pytest

from governance.cli import main
from golden_file import assert_golden

GOLDEN = Path(__file__).parent / "golden" / "diagnostics"
CASES = sorted(p.stem for p in GOLDEN.glob("*.bylaw"))


def lint_output(name: str, monkeypatch, lang: str = "en") -> tuple[int, str]:
    monkeypatch.chdir(GOLDEN)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["lint", "--sources", "sources", f"{name}.bylaw", *(["--lang", lang] if lang != "sv" else [])])
    return status, f"exit {status}\n{out.getvalue()}"


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", CASES)
def test_golden_diagnostic(name, lang, monkeypatch):
    status, text = lint_output(name, monkeypatch, lang)
    code = "syntax" if name.startswith("syntax-") else name
    assert f"[{code}]" in text, f"{name}.bylaw no longer shows [{code}]:\n{text}"
    assert_golden(GOLDEN / (f"{name}.txt" if lang == "en" else f"{name}.sv.txt"), text)
    assert "Traceback" not in text


@pytest.mark.parametrize("name", CASES)
def test_both_languages_say_the_same_diagnostics_at_the_same_places(name, monkeypatch):
    """The Swedish and the English output differ only in their words: the same exit status, codes, places,
    source lines and carets (the lines that carry no words)."""
    sv, en = (lint_output(name, monkeypatch, lang) for lang in ("sv", "en"))
    assert sv[0] == en[0]
    assert len(sv[1].splitlines()) == len(en[1].splitlines())
    for said, english in zip(sv[1].splitlines(), en[1].splitlines()):
        if ": error[" in english or ": warning[" in english:
            assert said.split("]: ")[0] == english.split("]: ")[0]
        elif english.lstrip().startswith(("^", "help:")) or " | " in english[:8]:
            assert said == english or english.lstrip().startswith("help:") and said.lstrip().startswith("tips:")


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
