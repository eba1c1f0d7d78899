"""Chair rotations: unit tests on small texts, and the chairs 2025–2035 of the shipped rotating bylaws."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

import governance
from governance.model.types import SeatRef
from governance.time.rotation import RotationError, chair_for, chair_on, rotation_table, seating_of, seatings

HEAD = 'bylaw x "X"\n\n'
MEMBERS = "".join(f'member {m} "{m.title()}" municipality {code}\n'
                  for m, code in (("a", 1280), ("b", 1281), ("c", 1282)))


def bylaw(chair_lines: str, members: str = MEMBERS):
    return governance.parse(HEAD + members + '\nbody styrelsen "Styrelsen"\n'
                            '  seat kso "KSO" from each municipality\n' + chair_lines)


def test_rotation_every_year_with_vice_next():
    b = bylaw("  chair kso rotating among all members every 1 year from 2020\n"
              "  vice chair kso next in rotation\n")
    got = [(a.year, a.member, a.vice_member) for a in rotation_table(b, "styrelsen", 2020, 2024)]
    assert got == [(2020, "a", "b"), (2021, "b", "c"), (2022, "c", "a"), (2023, "a", "b"), (2024, "b", "c")]


def test_rotation_every_two_years_in_given_order():
    b = bylaw("  chair kso rotating among all members every 2 years from 2021 order c, a, b\n")
    got = [chair_for(b, "styrelsen", y).member for y in range(2021, 2029)]
    assert got == ["c", "c", "a", "a", "b", "b", "c", "c"]


def test_rotation_among_some_members_uses_listed_order():
    b = bylaw("  chair kso rotating among b, a every 1 year from 2030\n  vice chair kso next in rotation\n")
    assert [(chair_for(b, "styrelsen", y).member, chair_for(b, "styrelsen", y).vice_member)
            for y in (2030, 2031, 2032)] == [("b", "a"), ("a", "b"), ("b", "a")]


def test_before_start_year_is_unknown():
    b = bylaw("  chair kso rotating among all members every 1 year from 2020\n  vice chair kso next in rotation\n")
    a = chair_for(b, "styrelsen", 2019)
    assert (a.member, a.vice_member, a.chair.known) == (None, None, False)
    assert a.chair.note == "the rotation starts in 2020"
    assert a.chair.admits(SeatRef("a", "kso")) is None


def test_no_start_year_is_unknown_with_message():
    b = bylaw("  chair kso rotating among all members every 1 year\n")
    a = chair_for(b, "styrelsen", 2025)
    assert a.member is None and "no start year" in a.chair.note


def test_elected_and_fixed_chairs():
    b = bylaw("  chair a/kso\n  vice chair one of kso\n")
    a = chair_for(b, "styrelsen", 2025)
    assert (a.chair.kind, a.member, a.role) == ("fixed", "a", "kso")
    assert (a.vice.kind, a.vice.describe()) == ("elected", "any kso (elected)")
    assert a.vice.admits(SeatRef("c", "kso")) and not a.vice.admits(SeatRef("c", "opposition"))
    assert a.chair.admits(SeatRef("a", "kso")) and not a.chair.admits(SeatRef("b", "kso"))


def test_body_without_chair_and_unknown_body():
    b = bylaw("")
    assert chair_for(b, "styrelsen", 2025).chair.kind == "none"
    assert rotation_table(b, None, 2025, 2026) == ()
    with pytest.raises(RotationError):
        chair_for(b, "nope", 2025)


def test_chair_on_uses_calendar_year():
    b = bylaw("  chair kso rotating among all members every 1 year from 2020\n")
    assert chair_on(b, "styrelsen", date(2021, 12, 31)).member == "b"
    assert chair_on(b, "styrelsen", date(2022, 1, 1)).member == "c"


@given(every=st.integers(1, 5), start=st.integers(1990, 2040), year=st.integers(1990, 2100))
def test_each_member_chairs_every_cycle(every, start, year):
    b = bylaw(f"  chair kso rotating among all members every {every} years from {start}\n"
              "  vice chair kso next in rotation\n")
    a = chair_for(b, "styrelsen", year)
    if year < start:
        assert a.member is None
        return
    assert chair_for(b, "styrelsen", year + 3 * every).member == a.member  # three members: cycle of 3*every
    assert a.vice_member != a.member
    assert chair_for(b, "styrelsen", year + every).member == a.vice_member


@given(every=st.integers(1, 5), start=st.integers(1990, 2040) | st.none(),
       years=st.lists(st.integers(1980, 2100), max_size=30), vice=st.booleans())
def test_seatings_over_many_years_agree_with_one_year_at_a_time(every, start, years, vice):
    """The calendar checks ask `seatings` for all the years a body met at once; it shares one Seating
    per turn, and must give what `seating_of` gives for each year alone."""
    since = f" from {start}" if start is not None else ""
    b = bylaw(f"  chair kso rotating among all members every {every} years{since}\n"
              "  vice chair kso next in rotation\n")
    body = b.body("styrelsen")
    clause = body.vice_chair if vice else body.chair
    assert seatings(b, body, clause, years) == {y: seating_of(b, body, clause, y) for y in years}


def test_seatings_of_fixed_and_elected_chairs():
    for line in ("  chair a/kso\n", "  chair one of kso\n"):
        b = bylaw(line)
        body = b.body("styrelsen")
        assert seatings(b, body, body.chair, [2020, 2021]) == {y: seating_of(b, body, body.chair, y)
                                                              for y in (2020, 2021)}


# ---- the shipped bylaws (encoded by the bylaw engineer; the values here pin their rotation) -------------
def _shipped(name):
    return governance.load(name)  # a shipped bylaw that stops loading is a failure here, not a skip


def test_halsingeradet_chairs_2025_2035():
    b = _shipped("halsingeradet")
    got = {a.year: (a.member, a.role) for a in rotation_table(b, "styrelsen", 2025, 2035)}
    expected_members = {2025: "hudiksvall", 2026: "hudiksvall", 2027: "ljusdal", 2028: "ljusdal",
                        2029: "nordanstig", 2030: "nordanstig", 2031: "ovanaker", 2032: "ovanaker",
                        2033: "soderhamn", 2034: "soderhamn", 2035: "bollnas"}
    assert got == {y: (m, "kso") for y, m in expected_members.items()}
    assert chair_for(b, "styrelsen", 2025).vice.kind == "elected"




def test_malmolundregionen_chairs_2025_2035():
    b = _shipped("malmolundregionen")
    got = [(a.year, a.member, a.vice_member) for a in rotation_table(b, "styrelsen", 2025, 2035)]
    # from 2012, yearly, order malmo, lund: odd years since 2012 are Lund's, the other is vice chair
    assert got == [(2025, "lund", "malmo"), (2026, "malmo", "lund"), (2027, "lund", "malmo"),
                   (2028, "malmo", "lund"), (2029, "lund", "malmo"), (2030, "malmo", "lund"),
                   (2031, "lund", "malmo"), (2032, "malmo", "lund"), (2033, "lund", "malmo"),
                   (2034, "malmo", "lund"), (2035, "lund", "malmo")]
    assert {a.role for a in rotation_table(b, "styrelsen", 2025, 2035)} == {"kso"}


def test_chairs_command(capsys):
    from governance.cli import main
    import json
    assert main(["chairs", "malmolundregionen", "--from", "2025", "--to", "2026", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(y["year"], y["chair"]["member"], y["vice_chair"]["member"]) for y in data["bodies"][0]["years"]] == [
        (2025, "lund", "malmo"), (2026, "malmo", "lund")]
    assert main(["chairs", "malmolundregionen", "--from", "2026", "--to", "2025"]) == 2
    assert main(["chairs", "malmolundregionen", "--from", "2025", "--to", "2026", "--body", "nope"]) == 2
    assert "har inget organ 'nope'" in capsys.readouterr().err


def test_chairs_command_speaks_swedish_by_default_and_english_on_request(capsys):
    from governance.cli import main
    assert main(["chairs", "halsingeradet", "--from", "2022", "--to", "2023"]) == 0
    sv = capsys.readouterr().out
    assert sv.startswith("halsingeradet: ordförande 2022–2023\n")
    assert "  2022  okänd        någon kso (organet väljer)\n" in sv and "  okänd 2022: rotationen börjar 2023\n" in sv
    assert main(["chairs", "halsingeradet", "--from", "2022", "--to", "2023", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "  2022  unknown      any kso (elected)\n" in en and "  unknown in 2022: the rotation starts in 2023\n" in en
    # the JSON keeps the English note, as before
    assert main(["chairs", "halsingeradet", "--from", "2022", "--to", "2022", "--format", "json"]) == 0
    assert '"note": "the rotation starts in 2023"' in capsys.readouterr().out
