"""Seats by population: the clause (parse, model, fmt), the table against an independent computation at the
threshold boundaries, SCB's export layouts, the missing-figure message, quorum with computed seats, the CLI."""
from __future__ import annotations

import json
import math
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import governance
from governance.calendar.model import Calendar, Meeting
from governance.check import check_calendar
from governance.cli import main
from governance.diagnostics import BylawError
from governance.graph.from_model import compile_graph
from governance.model.types import SeatFormula, SeatRef
from governance.money.population import PopulationError, read_csv
from governance.loader import parse
from governance.syntax.printer import print_bylaw
from governance.money.seats import SeatError, resolve, seat_table

TEXT = '''\
bylaw forbundet "Förbundet"
member halmstad "Halmstad" municipality 1380
member laholm "Laholm" municipality 1381
member hylte "Hylte" municipality 1315
body direktion "Direktion"
  seat ledamot from each municipality by population 2 plus 1 per full 10000 inhabitants above 10000 at most 6
    cite "Varje medlem har två ledamöter och därutöver en per fullt 10 000-tal invånare över 10 000, högst sex."
  seat ersattare from each municipality adjunct by population 1 per started 40000 inhabitants at november 1
  quorum more than half
'''


def load(tmp_path, text=TEXT):
    path = tmp_path / "forbundet.bylaw"
    path.write_text(text, encoding="utf-8")
    return governance.load(str(path))


def scb_export(tmp_path, rows: dict[str, int], year=2023, name="scb.csv"):
    """A file as Statistikdatabasen saves it ("Semikolonavgränsad med rubrik", Latin-1)."""
    path = tmp_path / name
    lines = ['"Folkmängd efter region och år"', "", f'"region";"{year}"']
    lines += [f'"{code}";{n}' for code, n in rows.items()]
    path.write_bytes("\n".join(lines).encode("latin-1"))
    return path


# ---- the clause ----------------------------------------------------------------------------------------
def test_clause_parses_into_a_formula_and_prints_back(tmp_path):
    bylaw = load(tmp_path)
    decl = bylaw.bodies[0].clauses[0]
    assert decl.formula == SeatFormula(size=10000, rounding="full", step=1, base=2, above=10000, maximum=6)
    assert bylaw.bodies[0].clauses[1].formula.reference == (11, 1)
    printed = print_bylaw(bylaw)
    assert "seat ledamot from each municipality by population 2 plus 1 per full 10000 inhabitants above " \
           "10000 at most 6" in printed
    assert "by population 1 per started 40000 inhabitants at november 1" in printed
    again = tmp_path / "again" / "forbundet.bylaw"
    again.parent.mkdir()
    again.write_text(printed, encoding="utf-8")
    assert governance.load(str(again)) == bylaw


@pytest.mark.parametrize("line, code", [
    ("seat ledamot 2 from each municipality by population 1 per full 1000 inhabitants", "formula-count"),
    ("seat ledamot by population 1 per full 1000 inhabitants", "formula-holders"),
    ("seat ledamot from each municipality by population 3 plus 1 per full 1000 inhabitants at most 2",
     "invalid-formula"),
    ("seat ledamot from each municipality by population 1 per full 0 inhabitants", "invalid-formula"),
    ("seat ledamot from each municipality by population 1 per full 10 inhabitants at february 30",
     "invalid-formula"),
])
def test_formula_refusals(tmp_path, line, code):
    text = TEXT.replace("  seat ledamot from each municipality by population 2 plus 1 per full 10000 inhabitants "
                        "above 10000 at most 6\n", f"  {line}\n")
    with pytest.raises(BylawError) as err:
        load(tmp_path, text)
    assert code in {d.code for d in err.value.diagnostics}


# ---- the table -----------------------------------------------------------------------------------------
def independent(population: int, base: int, step: int, size: int, above: int, rounding: str, most: int | None):
    """The formula as the agreement says it, computed another way: count the blocks one by one."""
    over = population - above if population > above else 0
    blocks = 0
    while (blocks + 1) * size <= over:
        blocks += 1
    if rounding == "started" and blocks * size < over:
        blocks += 1
    seats = base + step * blocks
    return seats if most is None else min(seats, most)


def boundary(size: int, above: int):
    """Populations at and around the thresholds: above, above + k·size, and one either side."""
    return st.integers(0, 30).flatmap(lambda k: st.sampled_from(
        [max(1, above + k * size + d) for d in (-1, 0, 1)]))


formulas = st.tuples(st.integers(0, 4), st.integers(1, 3), st.sampled_from([1000, 4000, 10000, 2500]),
                     st.sampled_from([0, 10000, 5000]), st.sampled_from(["full", "started"]),
                     st.one_of(st.none(), st.integers(6, 40)))


@settings(max_examples=150, deadline=None)
@given(formulas, st.data())
def test_table_equals_independent_computation_at_the_boundaries(formula, data):
    base, step, size, above, rounding, most = formula
    populations = data.draw(st.lists(boundary(size, above), min_size=1, max_size=5))
    members = "\n".join(f'member m{i} "M{i}" municipality {1001 + i}' for i in range(len(populations)))
    text = (f'bylaw prop "P"\n{members}\nbody b "B"\n  seat ledamot from each municipality by population '
            + (f"{base} plus " if base else "") + f"{step} per {rounding} {size} inhabitants"
            + (f" above {above}" if above else "") + (f" at most {most}" if most is not None else "") + "\n")
    if most is not None and most < max(1, SeatFormula(size, rounding, step, base, above).seats(1)):
        return  # lint refuses a maximum below what every member gets; tested above
    bylaw = parse(text, "prop.bylaw")
    table = seat_table(bylaw, {str(1001 + i): n for i, n in enumerate(populations)})
    got = [r.seats for r in table.rows]
    assert got == [independent(n, base, step, size, above, rounding, most) for n in populations]


@pytest.mark.parametrize("population, seats", [(9_999, 2), (10_000, 2), (10_001, 2), (19_999, 2), (20_000, 3),
                                               (20_001, 3), (60_000, 6), (1_000_000, 6)])
def test_floor_form_at_the_thresholds(population, seats):
    f = SeatFormula(size=10000, rounding="full", step=1, base=2, above=10000, maximum=6)
    assert f.seats(population) == seats


@pytest.mark.parametrize("population, seats", [(1, 1), (3_999, 1), (4_000, 1), (4_001, 2), (8_000, 2),
                                               (8_001, 3)])
def test_ceiling_form_at_the_thresholds(population, seats):
    assert SeatFormula(size=4000, rounding="started").seats(population) == seats == math.ceil(population / 4000)


def test_table_from_an_scb_export_and_resolved_counts(tmp_path):
    bylaw = load(tmp_path, TEXT.replace(" at november 1", ""))
    path = scb_export(tmp_path, {"00 Riket": 10551707, "13 Hallands län": 342805, "1380 Halmstad": 105796,
                                 "1381 Laholm": 26565, "1315 Hylte": 10299})
    table = seat_table(bylaw, path)
    assert [(r.role, r.member, r.population, r.seats) for r in table.rows] == [
        ("ledamot", "halmstad", 105796, 6), ("ledamot", "laholm", 26565, 3), ("ledamot", "hylte", 10299, 2),
        ("ersattare", "halmstad", 105796, 3), ("ersattare", "laholm", 26565, 1), ("ersattare", "hylte", 10299, 1)]
    assert all(r.reference_date == date(2023, 12, 31) for r in table.rows)
    assert table.totals() == {("direktion", "ledamot"): 11, ("direktion", "ersattare"): 5}
    seats = resolve(bylaw, table).bodies[0].seats
    assert [(s.member, s.min, s.max) for s in seats if s.role == "ledamot"] == [
        ("halmstad", 6, 6), ("laholm", 3, 3), ("hylte", 2, 2)]


def test_a_missing_figure_names_the_scb_table_and_the_option(tmp_path):
    bylaw = load(tmp_path, TEXT.replace(" at november 1", ""))
    path = scb_export(tmp_path, {"1380 Halmstad": 105796, "1381 Laholm": 26565})
    with pytest.raises(SeatError) as err:
        seat_table(bylaw, path)
    message = str(err.value)
    assert "Hylte (1315)" in message and "BE0101N1" in message and "--population FILE" in message
    assert "select region 1380 Halmstad, 1381 Laholm, 1315 Hylte (every member" in message
    with pytest.raises(SeatError, match="per 2024-12-31 .*år 2024"):
        seat_table(bylaw, year=2024)


def test_another_days_figure_is_never_used(tmp_path):
    """November 1 asked, December 31 at hand: refused, naming SCB's 1 November table."""
    bylaw = load(tmp_path)
    path = scb_export(tmp_path, {"1380 Halmstad": 105796, "1381 Laholm": 26565, "1315 Hylte": 10299})
    with pytest.raises(SeatError, match="per 2023-11-01 .*Folkmängd den 1 november"):
        seat_table(bylaw, path)


# ---- SCB's layouts ---------------------------------------------------------------------------------------
def test_scb_heading_with_content_name_and_title_day(tmp_path):
    path = tmp_path / "nov.csv"
    path.write_text('"Folkmängd den 1 november efter region, ålder, kön och år"\n\n'
                    '"region","Folkmängd 2023","Folkmängd 2024"\n"1380 Halmstad",105800,106400\n', encoding="utf-8")
    assert [(f.reference_date, f.population) for f in read_csv(path).figures] == [
        (date(2023, 11, 1), 105800), (date(2024, 11, 1), 106400)]


def test_scb_quarters_and_totals_kept(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('region,kön,2024K3\n"1380 Halmstad",totalt,106300\n', encoding="utf-8")
    assert [(f.reference_date, f.population) for f in read_csv(path).figures] == [(date(2024, 9, 30), 106300)]


def test_scb_breakdown_is_refused_not_summed(tmp_path):
    path = tmp_path / "kon.csv"
    path.write_text('region;kön;2023\n1380 Halmstad;män;52000\n1380 Halmstad;kvinnor;53796\n', encoding="utf-8")
    with pytest.raises(PopulationError, match=r"kon.csv:2: the table is broken down by kön \('män'\)"):
        read_csv(path)


def test_scb_long_layout_with_contents_column(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text('region;tabellinnehåll;år;Folkmängd\n1380 Halmstad;Folkmängd;2023;105796\n', encoding="utf-8")
    assert read_csv(path).figures[0].population == 105796
    path.write_text('region;tabellinnehåll;år;värde\n1380 Halmstad;Folkökning;2023;61\n', encoding="utf-8")
    with pytest.raises(PopulationError, match="holds 'Folkökning', not Folkmängd"):
        read_csv(path)


def test_scb_duplicate_figure_refused(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text('region;2023\n1380 Halmstad;105796\n1380 Halmstad;105797\n', encoding="utf-8")
    with pytest.raises(PopulationError, match="dup.csv:3: a second figure for 1380 Halmstad per 2023-12-31"):
        read_csv(path)


# ---- quorum --------------------------------------------------------------------------------------------
def meeting(day: date, attendees: dict[str, int]) -> Meeting:
    refs = tuple(SeatRef(m, "ledamot") for m, n in attendees.items() for _ in range(n))
    return Meeting(id=f"d-{day}", body="direktion", date=day, attendees=refs)


def test_quorum_counts_the_formulas_seats(tmp_path):
    """Per 2023-12-31 (shipped): Halmstad 6, Laholm 3, Hylte 2 = 11 seats; 5 present is not more than half.
    Counted as the formula's least (2 each = 6 seats), 5 would have been enough."""
    bylaw = load(tmp_path, TEXT.replace(" at november 1", ""))
    calendar = Calendar("c.yaml", "forbundet", meetings=(meeting(date(2024, 3, 1), {"halmstad": 3, "laholm": 2}),
                                                        meeting(date(2024, 6, 1), {"halmstad": 4, "laholm": 2})))
    findings = [f for f in check_calendar(bylaw, calendar).findings if f.rule == "quorum"]
    assert [(f.meeting, f.severity) for f in findings] == [("d-2024-03-01", "error")]
    assert "5 of 11 seats" in findings[0].message


def test_quorum_without_figures_is_not_judged_and_says_so(tmp_path):
    bylaw = load(tmp_path, TEXT.replace(" at november 1", ""))
    calendar = Calendar("c.yaml", "forbundet", meetings=(meeting(date(2030, 3, 1), {"halmstad": 1}),))
    findings = [f for f in check_calendar(bylaw, calendar).findings if f.rule == "quorum"]
    assert [f.severity for f in findings] == ["warning"]
    assert "not judged in 2030" in findings[0].message and "per 2029-12-31" in findings[0].message
    assert "governance seats forbundet --year 2029 --population FILE" in findings[0].message  # check has none


# ---- the command ---------------------------------------------------------------------------------------
def test_cli_text_json_and_missing(tmp_path, capsys):
    bylaw = load(tmp_path, TEXT.replace(" at november 1", ""))
    path = scb_export(tmp_path, {"1380 Halmstad": 105796, "1381 Laholm": 26565, "1315 Hylte": 10299})
    assert main(["seats", bylaw.path, "--population", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "2 seats plus 1 seat per full 10,000 inhabitants above 10,000, at most 6 seats" in out
    assert "halmstad  1380  Halmstad         105 796  2023-12-31       6 [1]" in out
    assert f"[1] source: {path} (SCB export)" in out
    assert main(["seats", bylaw.path, "--population", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"] == [{"body": "direktion", "role": "ledamot", "seats": 11},
                              {"body": "direktion", "role": "ersattare", "seats": 5}]
    assert data["lines"][0]["formula"].startswith("2 mandat plus 1 mandat per fullt 10\u00a0000-tal invånare")
    assert main(["seats", bylaw.path, "--year", "2031"]) == 2
    assert "--population FILE" in capsys.readouterr().err
    assert main(["seats", "laholmsbukten"]) == 2
    assert "governance: fel: laholmsbukten fördelar inga platser efter folkmängd" in capsys.readouterr().err
    assert main(["seats", "laholmsbukten", "--lang", "en"]) == 2
    assert "governance: error: laholmsbukten counts no seats by population" in capsys.readouterr().err


# ---- the shipped figures -------------------------------------------------------------------------------
def test_shipped_figures_cite_scb_tables_and_join_all_290_codes():
    from governance.money.population import municipality_names, shipped_table
    names = municipality_names()
    assert len(names) == 290 and all(len(c) == 4 and c.isdigit() for c in names)
    table = shipped_table()
    for f in table.figures:
        assert names[f.code] == f.name, f  # the code and SCB's name agree
        assert f.source.startswith("SCB BE0101, "), f.source  # the SCB table first ...
        assert "not checked against SCB's table" in f.source  # ... and honest about where it was read


def test_missing_municipality_named_as_scb_writes_it(tmp_path):
    text = TEXT.replace('member hylte "Hylte" municipality 1315', 'member vasby "Väsby kommun" municipality 0114')
    with pytest.raises(SeatError, match="select region 1380 Halmstad, 1381 Laholm, 0114 Upplands Väsby"):
        seat_table(load(tmp_path, text.replace(" at november 1", "")), year=2023)


def test_share_names_the_file_to_download_too():
    from governance.money.share import ShareError, share
    with pytest.raises(ShareError, match=r"no population figure .* for c \(1003\); download SCB's table .*"
                                         r"select region 1001 A, 1002 B, 1003 C .*--population FILE"):
        share(parse('bylaw two "T"\nmember a "A" municipality 1001\nmember b "B" municipality 1002\n'
                    'member c "C" municipality 1003\n', "two.bylaw"), 100, population={"1001": 1, "1002": 1})


def test_graph_and_render_show_the_formula(tmp_path):
    bylaw = load(tmp_path, TEXT.replace(" at november 1", ""))
    seats = [d for _, d in compile_graph(bylaw).nodes(data=True) if d.get("type") == "seat"]
    assert seats and all(d.get("by_population") for d in seats)
    from governance.document import render
    en = render(bylaw, lang="en")
    assert "`ledamot`: by population, 2 seats plus 1 seat per full 10,000 inhabitants above 10,000, at most 6 seats" in en
    assert "| `ledamot` | Halmstad | 105796 | 6 |" in en  # the shipped figures per 2023-12-31
    assert "In all: 11 voting seats and 5 adjunct seats." in en  # counted, not the least per line
    sv = render(bylaw, lang="sv")
    assert "2 mandat plus 1 mandat per fullt 10 000-tal invånare över 10 000, högst 6 mandat" in sv


def test_a_missing_figure_says_what_to_download_in_swedish(capsys):
    """The SCB instructions of the refusal in Swedish too (money/swedish.py), English with --lang en."""
    from pathlib import Path
    bylaw = str(Path(__file__).resolve().parent.parent / "examples" / "seats" / "hallandsforbundet.bylaw")
    assert main(["seats", bylaw, "--year", "2024"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("governance: fel: ingen folkmängd per 2024-12-31 för Halmstad (1380)")
    assert "ladda ned SCB:s tabell" in err and "lämna civilstånd, ålder och kön ovalda" in err
    assert err.rstrip().endswith("och ange den med --population FILE")
    assert not re.search(r"\b(download|select|leave|save|pass|the)\b", err), err
    assert main(["seats", bylaw, "--year", "2024", "--lang", "en"]) == 2
    assert "download SCB's table" in capsys.readouterr().err
