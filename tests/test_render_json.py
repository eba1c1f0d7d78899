"""The report's JSON writer (report/render_json.dumps) against json.dumps(ensure_ascii=False, indent=2) as the
oracle: the same bytes for any value a report can hold, and for anything else (floats, keys that are not
text, subclasses, tuples) json's own answer."""
from __future__ import annotations

import enum
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from governance.report.render_json import dumps

GOLDEN = Path(__file__).parent / "golden" / "reports"


def oracle(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


leaves = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=True)
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4)
                      | st.dictionaries(st.integers() | st.none() | st.booleans(), inner, max_size=3),
                      max_leaves=30)


@given(values)
def test_any_value_is_written_as_json_writes_it(value):
    assert dumps(value) == oracle(value)


@given(st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)))
def test_any_text_is_escaped_as_json_escapes_it(text):  # control characters, quotes, non-ASCII, surrogates
    assert dumps({text: [text]}) == oracle({text: [text]})


def test_every_golden_report_is_written_byte_for_byte():
    reports = sorted(GOLDEN.glob("*.json"))
    assert reports
    for path in reports:
        text = path.read_text(encoding="utf-8")
        assert dumps(json.loads(text)) + "\n" == text, path.name


class Colour(str, enum.Enum):
    RED = "red"


def test_what_a_report_does_not_hold_goes_to_json():
    for value in ({"x": 1.5}, {1: "a"}, [Colour.RED], {"big": 10 ** 40}, {"n": float("nan")}):
        assert dumps(value) == oracle(value)
    loop: list = []
    loop.append(loop)
    try:
        dumps(loop)
    except ValueError as exc:  # json's own word for a cycle
        assert "Circular" in str(exc)
    else:
        raise AssertionError("a cycle was written")
