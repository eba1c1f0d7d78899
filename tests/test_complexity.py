"""radon's cyclomatic complexity: no function or method in check/ above rank C (at most 20 paths), so a rule
reads like its clause. `make complexity` lists the package's functions of rank D and worse.
"""
from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_rank, cc_visit

CHECK = Path(__file__).resolve().parent.parent / "governance" / "check"


def blocks(path: Path):
    for block in cc_visit(path.read_text(encoding="utf-8")):
        yield block
        yield from getattr(block, "closures", ())  # functions defined inside functions


def test_no_function_in_check_is_above_rank_c():
    worse = [f"{path.relative_to(CHECK.parent.parent)}:{b.lineno} {b.fullname} {cc_rank(b.complexity)} "
             f"({b.complexity})" for path in sorted(CHECK.rglob("*.py")) for b in blocks(path)
             if cc_rank(b.complexity) > "C"]
    assert not worse, "split these (radon rank above C):\n" + "\n".join(worse)


def test_the_measure_can_fail():
    arms = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(25))
    (block,) = cc_visit(f"def f(x):\n{arms}\n    return -1\n")
    assert cc_rank(block.complexity) > "C"
