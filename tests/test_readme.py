"""The README's Python examples run as written (each block in a fresh namespace, in order)."""
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_has_python_examples():
    assert BLOCKS


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_example_runs(index, monkeypatch):
    monkeypatch.chdir(README.parent)
    namespace: dict = {}
    for earlier in BLOCKS[:index]:  # later blocks may use names from earlier ones
        exec(compile(earlier, f"README block {BLOCKS.index(earlier)}", "exec"), namespace)
    exec(compile(BLOCKS[index], f"README block {index}", "exec"), namespace)
