"""Parser: text → Document, and its errors."""
import pytest

from governance.diagnostics import BylawError
from governance.model import types as t
from governance.syntax.parser import parse_document

MINIMAL = 'bylaw x "X"\nmember a "A kommun" municipality 1380\n'


def test_minimal_document():
    doc = parse_document(MINIMAL, "m.bylaw")
    member = doc.statements[1]
    assert isinstance(member, t.Member)
    assert (member.id, member.name, member.kind, member.code) == ("a", "A kommun", "municipality", "1380")
    assert (member.span.line, member.span.col) == (2, 8)


def test_swedish_month_names_and_ranges():
    doc = parse_document('bylaw x "X"\nbody b "B"\n  meets 1 in april..maj\n  meets 4..6 per year\n', "m")
    body = doc.statements[1]
    window, yearly = body.clauses
    assert window.months == (4, 5) and (window.low, window.high) == (1, 1)
    assert (yearly.kind, yearly.low, yearly.high) == ("between", 4, 6)


def test_syntax_errors_are_collected_per_statement():
    text = 'bylaw x "X"\nmember a "A" municipality 1380 extra\nbody b "B"\n  meet at least 2 per year\n'
    with pytest.raises(BylawError) as info:
        parse_document(text, "bad.bylaw")
    lines = [d.span.line for d in info.value.diagnostics]
    assert lines == [2, 4]
    assert info.value.diagnostics[1].help == "did you mean 'meets'?"


def test_invalid_date_is_reported_at_its_position():
    with pytest.raises(BylawError) as info:
        parse_document('bylaw x "X"\n  signed 2025-02-30\n', "d.bylaw")
    (diag,) = info.value.diagnostics
    assert (diag.code, diag.span.line, diag.span.col) == ("invalid-date", 2, 10)
