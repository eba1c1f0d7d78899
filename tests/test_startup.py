"""What a command imports: each loads only what it uses, so that it starts fast (issue 17 item 6). The
command line's parser alone for `--help`; for a warm check or lint (the bylaw in the private cache) no
parser, no model builder, no process graph, no holiday registry, no HTML renderer."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("networkx", "lark", "markdown_it", "holidays", "icalendar", "selenium")
# Besides the heavy libraries: what only a cold run (parsing, building the model and the graph, writing the
# cache file: tempfile), an HTML or PDF report, or a shipped data file read through importlib.resources needs.
COLD_ONLY = (*HEAVY, "governance.syntax.parser", "governance.model.from_ast", "governance.document",
             "governance.report.render_html", "governance.report.render_pdf", "importlib.resources", "difflib",
             "tempfile")
# What no command needs at all: shutil (with bz2, lzma) for the terminal's width, hashlib (OpenSSL) for the
# cache's key.
EVERY_NEVER = ("shutil", "bz2", "lzma", "hashlib", "_hashlib")
# A check of a calendar that gives no UTC offsets and breaks no rule resting on the statute itself reads
# neither the time-zone database nor the statute's text.
CHECK_NEVER = (*COLD_ONLY, *EVERY_NEVER, "zoneinfo", "governance.statute")
# …and a check printed as text, no JSON.
TEXT_CHECK_NEVER = (*CHECK_NEVER, "json", "governance.report.render_json")
# A bylaw that states no point of the review's checklist is linted without the review; lint reports no
# findings, so it never needs the report package either.
LINT_NEVER = (*COLD_ONLY, *EVERY_NEVER, "governance.drafting.review", "governance.report")


def _imported(code: str, cache: Path) -> set[str]:
    """The modules imported by the end of `code`, run in a fresh interpreter with its own private cache."""
    probe = f"import sys\ntry:\n{code}\nfinally:\n    print('\\nMODULES', *sorted(sys.modules), file=sys.stderr)"
    env = {**os.environ, "GOVERNANCE_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env)
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("MODULES "), done.stderr[-2000:]
    return set(last.split()[1:])


def _command(*argv: str) -> str:
    return f"    from governance.cli import main\n    main({list(argv)!r})"


def test_the_command_line_starts_without_the_heavy_libraries(tmp_path):
    # `governance --help` (and argument errors) answer at once: every command imports what it runs on use.
    loaded = _imported("    from governance.cli import build_parser\n    build_parser()", tmp_path)
    assert not loaded & set(HEAVY)
    for lang in ("sv", "en"):
        helped = _imported(_command("--help", "--lang", lang), tmp_path)
        assert "governance.cli" in helped and not helped & {*HEAVY, *EVERY_NEVER}, sorted(helped & {*EVERY_NEVER})


@pytest.mark.parametrize("columns", ["", "0", "many", "57", "200"])
def test_help_is_as_wide_as_argparse_would_make_it(columns, monkeypatch):
    # The command line works the width out without shutil; the oracle is shutil's own answer (less 2, as argparse).
    import shutil

    from governance.cli import _help_width
    monkeypatch.setenv("COLUMNS", columns)
    assert _help_width() == shutil.get_terminal_size().columns - 2


@pytest.mark.parametrize("argv", [
    ("check", "laholmsbukten", "examples/laholmsbukten-2025.yaml", "--as-of", "2025-12-31"),
    ("check", "laholmsbukten", "examples/laholmsbukten-2025.yaml", "--as-of", "2025-12-31", "--format", "json"),
    ("lint", "bylaws/laholmsbukten.bylaw"),
], ids=["check", "check-json", "lint"])
def test_a_warm_command_loads_nothing_only_a_cold_one_needs(argv, tmp_path):
    cold = _imported(_command(*argv), tmp_path)
    assert cold & {"lark", "governance.syntax.parser", "tempfile"}  # the oracle: the first run did parse
    warm = _imported(_command(*argv), tmp_path)
    never = set(LINT_NEVER if argv[0] == "lint" else CHECK_NEVER if "json" in argv else TEXT_CHECK_NEVER)
    assert not warm & never, sorted(warm & never)


def test_the_oracle_sees_a_module_imported(tmp_path):
    assert "html.entities" in _imported("    import governance.report.render_html", tmp_path)
