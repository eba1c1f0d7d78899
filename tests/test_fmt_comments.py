"""`fmt` keeps every comment wherever it stands (README: "comments are kept"): on its own line before any
statement, clause or note, at the end of a line, after the last statement. The property adds comments at
random lines of every shipped bylaw and rules/ module; the oracle is the list of comments added, counted in
the formatted text, independent of how the printer places them.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance.loader import analyse
from governance.syntax.printer import print_bylaw

ROOT = Path(__file__).parent.parent
FILES = sorted([*(ROOT / "bylaws").glob("*.bylaw"), *(ROOT / "rules").glob("*.bylaw")])


def _format(path: Path, text: str, tmp: Path) -> str:
    # beside the original's rules/ folder, so its imports resolve as they do for the shipped file
    copy = tmp / path.parent.name / path.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(text, encoding="utf-8")
    analysis = analyse(copy, [ROOT / "rules"])
    errors = [d for d in analysis.diagnostics if d.severity.value == "error"]
    assert analysis.bylaw is not None and not errors, [str(d.message) for d in errors]
    return print_bylaw(analysis.bylaw)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_shipped_comments_survive_fmt(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    before = Counter(line.strip() for line in text.splitlines() if line.lstrip().startswith("#"))
    after = Counter(line.strip() for line in _format(path, text, tmp_path).splitlines()
                    if line.lstrip().startswith("#"))
    assert before - after == Counter()


def test_a_comment_on_a_default_statement_is_kept(tmp_path):
    text = (Path(__file__).parent / "hostile" / "fmt-drops-comment.bylaw").read_text(encoding="utf-8")
    out = _format(Path("rules/m.bylaw"), text, tmp_path)
    assert "# why this default: kommunallagen" in out and "# per analogy" in out


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_comments_added_anywhere_are_all_kept(path, data, tmp_path_factory):
    lines = path.read_text(encoding="utf-8").splitlines()
    places = data.draw(st.lists(st.tuples(st.integers(0, len(lines)), st.booleans()), min_size=1, max_size=8))
    added = []
    for n, (index, inline) in enumerate(sorted(places, reverse=True)):
        comment = f"kept-{n} ä#ö"  # non-ASCII, and a '#' inside the comment
        added.append(comment)
        if inline and index < len(lines) and lines[index].strip() and "#" not in lines[index]:
            lines[index] = f"{lines[index]}  # {comment}"  # at the end of a statement, clause or note
        else:
            indent = data.draw(st.sampled_from(["", "  ", "    "]))
            lines.insert(index, f"{indent}# {comment}")
    out = _format(path, "\n".join(lines) + "\n", tmp_path_factory.mktemp("fmt"))
    found = Counter(line.split("# ", 1)[1] for line in out.splitlines() if "# kept-" in line)
    assert found == Counter(added)
