"""Elections, mandate periods and the terms of agreements renewed after each election."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

import governance
from governance.time import terms as T

SWEDEN = governance.parse('bylaw x "X"\nimport sweden\nmember a "A" municipality 1280\n')


def renewable(extra: str = "", start: str = "  signed 2012-01-24\n"):
    return governance.parse('bylaw x "X"\n' + start + "  renewed after each election for 1 mandate period\n"
                            + extra + 'import sweden\nmember a "A" municipality 1280\n')


def test_swedish_election_days_2018_2038():
    assert T.election_dates(SWEDEN.election_cycle, 2018, 2038) == (
        date(2018, 9, 9), date(2022, 9, 11), date(2026, 9, 13), date(2030, 9, 8), date(2034, 9, 10),
        date(2038, 9, 12))


@given(st.integers(1994, 2200))
def test_election_day_is_second_sunday_of_september(year):
    day = T.election_date(SWEDEN.election_cycle, year)
    assert (day is not None) == (year % 4 == 2)
    if day:
        assert day.month == 9 and day.weekday() == 6 and 8 <= day.day <= 14


def test_mandate_periods():
    got = [(p.start, p.end) for p in T.mandate_periods(SWEDEN.election_cycle, SWEDEN.mandate_period, 2022, 2027)]
    assert got == [(date(2018, 10, 15), date(2022, 10, 14)), (date(2022, 10, 15), date(2026, 10, 14)),
                   (date(2026, 10, 15), date(2030, 10, 14))]


@given(st.dates(date(1995, 1, 1), date(2200, 12, 31)))
def test_every_day_is_in_exactly_one_mandate_period(day):
    p = T.mandate_period_at(SWEDEN.election_cycle, SWEDEN.mandate_period, day)
    assert day in p
    nxt = T.next_period(SWEDEN.election_cycle, SWEDEN.mandate_period, p)
    assert nxt.start == date.fromordinal(p.end.toordinal() + 1) and day not in nxt


def test_renewable_term_ends_with_the_mandate_period():
    b = renewable()
    (term,) = T.terms(b)
    assert (term.start, term.end, term.deadline, term.kind) == (date(2012, 1, 24), date(2014, 10, 14),
                                                               date(2014, 10, 14), "initial")
    assert T.term_at(b, date(2014, 10, 14)) == term
    assert T.term_at(b, date(2014, 10, 15)) is None
    breach = T.out_of_term(b, date(2025, 3, 1))
    assert breach.message == ("2025-03-01 is after the agreement's term ended on 2014-10-14 and no renewal "
                              "after that election is recorded")
    assert breach.clause.key == "renewed"
    assert T.out_of_term(b, date(2012, 1, 1)).message == "2012-01-01 is before the agreement takes effect (2012-01-24)"


def test_recorded_renewals_extend_the_term():
    b = renewable("  renewed 2015-02-01, 2018-09-20, 2023-03-01\n")
    got = [(t.start, t.end, t.kind) for t in T.terms(b)]
    assert got == [(date(2012, 1, 24), date(2014, 10, 14), "initial"),
                   (date(2015, 2, 1), date(2018, 10, 14), "renewal"),
                   # renewed between the 2018 election and the new period: for the coming period
                   (date(2018, 9, 20), date(2022, 10, 14), "renewal"),
                   (date(2023, 3, 1), date(2026, 10, 14), "renewal")]
    assert T.out_of_term(b, date(2020, 5, 5)) is None
    assert T.out_of_term(b, date(2023, 1, 10)) is not None  # between the end of a term and the renewal
    assert T.out_of_term(b, date(2026, 10, 15)) is not None
    assert T.out_of_term(b, date(2027, 1, 1), renewals=[date(2026, 11, 20)]) is None


def test_until_limits_the_listing():
    b = renewable("  renewed 2015-02-01, 2023-03-01\n")
    assert [t.start.year for t in T.terms(b, until=2016)] == [2012, 2015]


def test_fixed_and_open_terms():
    fixed = governance.parse('bylaw x "X"\n  valid from 2025-01-01 until 2025-12-31\nmember a "A" municipality 1280\n')
    assert T.terms(fixed)[0].kind == "fixed" and T.terms(fixed)[0].deadline is None
    assert T.out_of_term(fixed, date(2026, 1, 1)).message == "2026-01-01 is after the agreement ends (2025-12-31)"
    assert T.out_of_term(fixed, date(2025, 6, 1)) is None
    open_ = governance.parse('bylaw x "X"\n  valid until further notice\nmember a "A" municipality 1280\n')
    assert T.terms(open_) == (T.Term(None, None, "open", open_.header_item("valid")),)
    assert T.out_of_term(open_, date(1900, 1, 1)) is None


def test_renewable_without_election_cycle_is_an_error():
    b = governance.parse('bylaw x "X"\n  signed 2020-01-01\n  renewed after each election for 1 mandate period\n'
                         'member a "A" municipality 1280\n')
    with pytest.raises(T.TermError, match="import sweden"):
        T.terms(b)


def test_two_periods_per_renewal():
    b = governance.parse('bylaw x "X"\n  signed 2019-05-01\n  renewed after each election for 2 mandate periods\n'
                         'import sweden\nmember a "A" municipality 1280\n')
    assert T.terms(b)[0].end == date(2026, 10, 14)


def test_renewal_record_round_trips_through_fmt():
    from governance.syntax.printer import print_bylaw
    b = renewable("  renewed 2015-02-01, 2019-03-14\n")
    assert "  renewed 2015-02-01, 2019-03-14" in print_bylaw(b)
    assert governance.parse(print_bylaw(b)) == b


def test_terms_command(capsys, tmp_path):
    import json
    from governance.cli import main
    path = tmp_path / "x.bylaw"
    path.write_text('bylaw x "X"\n  signed 2019-02-01\n  renewed after each election for 1 mandate period\n'
                    "  renewed 2023-01-15\nimport sweden\nmember a \"A\" municipality 1280\n", encoding="utf-8")
    assert main(["terms", str(path), "--until", "2027", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(x["start"], x["end"]) for x in data["terms"]] == [("2019-02-01", "2022-10-14"), ("2023-01-15", "2026-10-14")]
    assert [p["renewed"] for p in data["mandate_periods"]] == [True, True, False]
    assert data["elections"] == ["2022-09-11", "2026-09-13"]


def test_terms_command_speaks_swedish_by_default_and_english_on_request(capsys, tmp_path):
    from governance.cli import main
    path = tmp_path / "x.bylaw"
    path.write_text('bylaw x "X"\n  signed 2019-02-01\n  renewed after each election for 1 mandate period\n'
                    "  renewed 2023-01-15\nimport sweden\nmember a \"A\" municipality 1280\n", encoding="utf-8")
    assert main(["terms", str(path), "--until", "2027"]) == 0
    sv = capsys.readouterr().out.splitlines()
    assert sv[0] == f"x: förnyas efter varje val för 1 mandatperiod ({path}, rad 3)"
    assert sv[1:4] == ["löptider:", "  2019-02-01 – 2022-10-14  första        förnya senast 2022-10-14",
                       "  2023-01-15 – 2026-10-14  förnyelse     förnya senast 2026-10-14"]
    assert sv[-2:] == ["  2026-10-15 – 2030-10-14  (val 2026-09-13)  ingen förnyelse antecknad",
                       "utanför löptid efter 2026-10-14: för in en förnyelse (`renewed DATE` i avtalets huvud, eller "
                       "en ny version som `amends` denna)"]
    assert main(["terms", str(path), "--until", "2027", "--lang", "en"]) == 0
    en = capsys.readouterr().out.splitlines()
    assert en[1:3] == ["terms:", "  2019-02-01 – 2022-10-14  initial  renew by 2022-10-14"]
    assert en[-2] == "  2026-10-15 – 2030-10-14  (election 2026-09-13)  no renewal recorded"


@pytest.mark.parametrize("lang, words", [
    ("sv", "löptiden kan inte bedömas: avtalet 'x' förnyas per mandatperiod men anger ingen startdag"),
    ("en", "the term cannot be judged: bylaw 'x' is renewed per mandate period but has no start date")])
def test_a_term_that_cannot_be_known_is_a_warning_not_silence(lang, words):
    from governance.calendar import parse_calendar
    from governance.check import check_calendar
    calendar = parse_calendar("meetings:\n  - {id: m1, body: b, date: 2025-03-10}\n", "k.yaml")
    # renewed per mandate period, from no known day: no term to judge a meeting by
    b = governance.parse('bylaw x "X"\n  renewed after each election for 1 mandate period\nimport sweden\n'
                         'member a "A" municipality 1280\nbody b "B"\n  seat kso "KSO" from each municipality\n')
    with pytest.raises(T.TermError):
        T.terms(b)
    report = check_calendar(b, calendar, as_of=date(2026, 1, 1), lang=lang)
    term = [f for f in report.findings if f.rule == "term"]
    assert [(f.severity, f.citation.line) for f in term] == [("warning", 2)]
    assert term[0].message.startswith(words)


def test_terms_says_why_it_cannot_list_in_the_users_language(tmp_path, capsys):
    from governance.cli import main
    path = tmp_path / "x.bylaw"
    path.write_text('bylaw x "X"\n  renewed after each election for 1 mandate period\nimport sweden\n'
                    'member a "A" municipality 1280\n', encoding="utf-8")
    assert main(["terms", str(path)]) == 2
    assert capsys.readouterr().err == ("governance: fel: avtalet 'x' förnyas per mandatperiod men anger ingen startdag; "
                                       "lägg till `signed DATE` eller `valid from DATE`\n")
    assert main(["terms", str(path), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("governance: error: bylaw 'x' is renewed per mandate period")
