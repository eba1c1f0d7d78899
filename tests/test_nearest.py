"""Did-you-mean: `nearest` must answer exactly as difflib does; rapidfuzz only narrows the candidates."""
from __future__ import annotations

import difflib

from hypothesis import given, settings, strategies as st

from governance.nearest import nearest

# Names like ours: short ids from a small alphabet, so that near misses are common.
NAME = st.text(alphabet="abcdeklmnors/-åä", min_size=0, max_size=14)


def difflib_answer(name: str, known) -> str | None:
    close = difflib.get_close_matches(name, sorted(set(known)), n=1, cutoff=0.6)
    return close[0] if close else None


@settings(max_examples=400, deadline=None)
@given(name=NAME, known=st.lists(NAME, max_size=40))
def test_nearest_is_difflibs_answer(name, known):
    assert nearest(name, known) == difflib_answer(name, known)


@settings(max_examples=200, deadline=None)
@given(known=st.lists(NAME, min_size=1, max_size=30), data=st.data())
def test_nearest_to_a_slightly_misspelt_known_name(known, data):
    word = data.draw(st.sampled_from(known))
    i = data.draw(st.integers(0, len(word)))
    misspelt = word[:i] + data.draw(st.sampled_from("xyz")) + word[i + 1:]
    assert nearest(misspelt, known) == difflib_answer(misspelt, known)


def test_examples():
    assert nearest("styrgrupen", ["styrgruppen", "referensgruppen", "sekretariatet"]) == "styrgruppen"
    assert nearest("kommun99", ["laholm", "halmstad"]) is None
    assert nearest("", []) is None
