"""Cost sharing: exact largest-remainder splits, reference dates, fees, SCB CSV exports, refusals."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

import governance
from governance.cli import main
from governance.money.population import PopulationError, read_csv, shipped_table
from governance.money.share import ShareError, largest_remainder, share

TWO = governance.parse('bylaw x "X"\nmember a "A" municipality 0001\nmember b "B" municipality 0002\n'
                       'member c "C" municipality 0003\nmember u "U" university\n'
                       "cost by population at november 1\n")


def test_largest_remainder_exact_and_tie_broken_by_key():
    assert largest_remainder(100, [("0002", 1), ("0001", 1), ("0003", 1)]) == {"0001": 34, "0002": 33, "0003": 33}
    assert largest_remainder(10, [("a", 7), ("b", 3)]) == {"a": 7, "b": 3}


def test_split_by_mapping_excludes_non_municipal_members_with_a_note():
    split = share(TWO, "1000", population={"0001": 1, "0002": 1, "0003": 1})
    assert [str(s.amount) for s in split.shares] == ["333.34", "333.33", "333.33"]
    assert sum(s.amount for s in split.shares) == Decimal("1000.00")
    assert split.notes == ("left out (not a municipality, no population): u (university)",)


def test_refusals():
    pop = {"0001": 10, "0002": 20, "0003": 30}
    with pytest.raises(ShareError, match="no population for u"):
        share(TWO, 100, participants=["a", "u"], population=pop)
    with pytest.raises(ShareError, match="not a member of x: zz"):
        share(TWO, 100, participants=["zz"], population=pop)
    with pytest.raises(ShareError, match="no population figure .* for c"):
        share(TWO, 100, population={"0001": 1, "0002": 1})
    with pytest.raises(ShareError, match="must be positive"):
        share(TWO, 100, population={"0001": 0, "0002": 1, "0003": 1})
    with pytest.raises(ShareError, match="whole number of öre"):
        share(TWO, "0.005", population=pop)  # (1.005 reads two ways, thousands or a decimal: test_odd_input)
    with pytest.raises(ShareError, match="negative"):
        share(TWO, "-1", population=pop)
    with pytest.raises(ShareError, match="sets no fee"):
        share(TWO, population=pop)


def test_laholmsbukten_reference_date_warning():
    bylaw = governance.load("laholmsbukten")
    split = share(bylaw, 250000, participants=["halmstad", "laholm"], year=2025)
    assert [(s.member, s.population, str(s.amount)) for s in split.shares] == [
        ("halmstad", 105796, "199824.72"), ("laholm", 26565, "50175.28")]
    assert (split.reference_date, split.asked_date) == (date(2023, 12, 31), date(2025, 11, 1))
    assert split.warnings == ("the agreement names figures per november 1; the figures at hand are per 2023-12-31",)


def test_laholmsbukten_all_members_mixed_dates_are_said():
    split = share(governance.load("laholmsbukten"), 250000)
    assert split.reference_date is None and sum(s.amount for s in split.shares) == Decimal(250000)
    assert split.warnings[0].startswith("no common reference date for all participants")
    assert split["bastad"] == Decimal("19362.03")


def test_year_picks_the_latest_common_date_on_or_before():
    bylaw = governance.load("laholmsbukten")
    split = share(bylaw, 100, participants=["bastad"], year=2023)
    assert split.reference_date == date(2022, 12, 31)


def test_fee_per_inhabitant():
    bylaw = governance.load("malmolundregionen")
    split = share(bylaw, fee="12.50", participants=["malmo", "lund"])
    assert [(s.member, str(s.amount)) for s in split.shares] == [("lund", "1604800.00"), ("malmo", "4467212.50")]
    assert split.total == Decimal("6072012.50") and split.mode == "fee"
    with pytest.raises(ShareError, match="does not say how much"):
        share(bylaw)


def test_shipped_table_covers_every_municipal_member():
    """Every municipal member of a bylaw whose costs follow population has a shipped figure (the
    kommunalförbund and gemensam nämnd shipped from seeds-extra share no costs in the surviving text)."""
    table = shipped_table()
    from governance.loader import shipped_ids
    for name in shipped_ids():
        bylaw = governance.load(name)
        if bylaw.form_stated and not bylaw.costs:
            continue
        for m in bylaw.members:
            if m.kind == "municipality":
                assert table.of(m.code), (name, m.id)
    assert all(len(f.code) == 4 for f in table.figures)
    assert table.of("0781")[0].name == "Ljungby"  # leading zero kept


# ---- SCB exports ---------------------------------------------------------------------------------
def test_scb_wide_export_semicolon_latin1(tmp_path):
    path = tmp_path / "scb.csv"
    path.write_bytes('"Folkmängd efter region och år"\n\n"region";"2023";"2024"\n'
                     '"00 Riket";10551707;10587710\n"1380 Halmstad";105 796;106\u00a0512\n"1381 Laholm";26565;..\n'
                     .encode("cp1252"))
    table = read_csv(path)
    assert [(f.code, f.name, f.population, f.reference_date) for f in table.figures] == [
        ("1380", "Halmstad", 105796, date(2023, 12, 31)), ("1380", "Halmstad", 106512, date(2024, 12, 31)),
        ("1381", "Laholm", 26565, date(2023, 12, 31))]


def test_scb_long_export_with_months(tmp_path):
    path = tmp_path / "scb.csv"
    path.write_text("region,månad,Folkmängd\n0781 Ljungby,2024M11,28300\n1380 Halmstad,2024M11,106400\n",
                    encoding="utf-8")
    table = read_csv(path)
    assert [(f.code, f.reference_date) for f in table.figures] == [("0781", date(2024, 11, 30)),
                                                                     ("1380", date(2024, 11, 30))]


def test_our_format_errors_name_the_line(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("kommunkod,kommun,folkmangd,reference_date\n1380,Halmstad,100,2024-11-01\n780,Ljungby,5,2024-11-01\n")
    with pytest.raises(PopulationError, match=r"p.csv:3: kommunkod '780'"):
        read_csv(path)
    path.write_text("kommunkod,kommun,folkmangd,reference_date\n1380,Halmstad,-4,2024-11-01\n")
    with pytest.raises(PopulationError, match="must be positive"):
        read_csv(path)


def test_user_file_at_the_agreements_date_gives_no_warning(tmp_path):
    path = tmp_path / "nov.csv"
    path.write_text("kommunkod;kommun;folkmangd;reference_date\n1380;Halmstad;106000;2024-11-01\n"
                    "1381;Laholm;26600;2024-11-01\n", encoding="utf-8")
    split = share(governance.load("laholmsbukten"), 1000, ["laholm", "halmstad"], population=path, year=2024)
    assert split.warnings == () and split.reference_date == date(2024, 11, 1)


# ---- properties ----------------------------------------------------------------------------------
populations = st.lists(st.integers(1, 10_000_000), min_size=1, max_size=12)
amounts = st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False, allow_infinity=False)


def _bylaw_and_map(pops):
    codes = [f"{i + 1:04d}" for i in range(len(pops))]
    text = 'bylaw p "P"\n' + "".join(f'member m{c} "M" municipality {c}\n' for c in codes)
    return governance.parse(text), dict(zip(codes, pops))


@settings(deadline=None)  # each example parses a bylaw: slow on a loaded box, never wrong
@given(populations, amounts)
def test_shares_sum_exactly_and_are_monotone(pops, amount):
    bylaw, pop = _bylaw_and_map(pops)
    split = share(bylaw, amount, population=pop)
    assert sum(s.amount for s in split.shares) == amount
    assert all(s.amount >= 0 for s in split.shares)
    for x in split.shares:
        for y in split.shares:
            if x.population > y.population:
                assert x.amount >= y.amount


@settings(deadline=None)
@given(populations, amounts, st.randoms())
def test_split_is_invariant_to_member_order(pops, amount, rnd):
    bylaw, pop = _bylaw_and_map(pops)
    ids = [m.id for m in bylaw.members]
    shuffled = ids[:]
    rnd.shuffle(shuffled)
    assert share(bylaw, amount, ids, pop).shares == share(bylaw, amount, shuffled, pop).shares


# ---- the command ---------------------------------------------------------------------------------
def test_command_json_and_errors(capsys):
    assert main(["share", "laholmsbukten", "--amount", "250000", "--participants", "halmstad,laholm",
                 "--year", "2025", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == "250000.00" and [s["amount"] for s in data["shares"]] == ["199824.72", "50175.28"]
    assert main(["share", "halmstad-region-2020", "--amount", "1", "--participants", "hogskolan-i-halmstad",
                 "--lang", "en"]) == 2
    assert "no population for hogskolan-i-halmstad" in capsys.readouterr().err


@pytest.mark.parametrize("argv, sv, en", [
    (["share", "laholmsbukten", "--amount", "250000", "--participants", "halmstad,laholm", "--year", "2025"],
     ["laholmsbukten: 250 000,00 kr fördelat efter folkmängd på 2 deltagare", "referensdag: 2023-12-31 (efterfrågad: 2025-11-01)",
      "  summa              132 361                  250 000,00",
      "varning: avtalet anger siffror per den 1 november; siffrorna som finns är per 2023-12-31"],
     ["laholmsbukten: 250 000.00 SEK split by population among 2 participants", "reference date: 2023-12-31 (asked: 2025-11-01)",
      "  total              132 361                  250 000.00",
      "warning: the agreement names figures per november 1; the figures at hand are per 2023-12-31"]),
    (["share", "malmolundregionen", "--fee", "12.50", "--participants", "malmo,lund,lomma"],
     ["malmolundregionen: avgift 12,50 kr per invånare och år, 3 medlemmar, totalt 6 381 025,00 kr",
      "  medlem  kod    folkmängd  per dag                 kr", "  lomma   1262      24 721  2022-12-31      309 012,50"],
     ["malmolundregionen: fee 12.50 SEK per inhabitant and year, 3 members, total 6 381 025.00 SEK",
      "  member  code  population  as of                  SEK", "  lomma   1262      24 721  2022-12-31      309 012.50"]),
])
def test_command_text_in_swedish_by_default_and_english_on_request(argv, sv, en, capsys):
    """issue 16: share's text in Swedish (kr, decimal comma, Swedish words and warnings), English with
    --lang en; the columns line up under their headings in both."""
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert all(line in out for line in sv), out
    assert main([*argv, "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert all(line in out for line in en), out


@pytest.mark.parametrize("argv, sv, en", [
    (["share", "halmstad-region-2020", "--amount", "1", "--participants", "hogskolan-i-halmstad"],
     "governance: fel: ingen folkmängd för hogskolan-i-halmstad (university): en fördelning efter folkmängd görs "
     "mellan kommuner", "governance: error: no population for hogskolan-i-halmstad"),
    (["share", "laholmsbukten", "--amount", "-5"], "governance: fel: beloppet att fördela får inte vara negativt",
     "governance: error: the amount to share must not be negative"),
    (["share", "laholmsbukten", "--amount", "tio"], "governance: fel: 'tio' är inget belopp",
     "governance: error: 'tio' is not an amount"),
    (["share", "laholmsbukten", "--amount", "5", "--participants", "oslo"], "governance: fel: inte medlem i laholmsbukten: oslo",
     "governance: error: not a member of laholmsbukten: oslo"),
    (["share", "laholmsbukten", "--amount", "5", "--population", "/nowhere.csv"],
     "kan inte läsa filen: filen eller mappen finns inte", "cannot read file: No such file or directory"),
])
def test_command_refusals_in_swedish_and_english(argv, sv, en, capsys):
    assert main(argv) == 2
    assert sv in capsys.readouterr().err
    assert main([*argv, "--lang", "en"]) == 2
    assert en in capsys.readouterr().err


# Each way a population file is refused (money/population.py's PopulationError), the file's text and what the
# Swedish says; the English is the library's own words.
_BAD_FILES = [
    ("kommunkod,kommun,folkmangd,reference_date\n1380,Halmstad,tio,2024-11-01\n",
     "folkmängden 'tio' är inget heltal", "population 'tio' is not a whole number"),
    ("namn;antal\nHalmstad;5\n", "ingen rubrikrad med en kolumn 'kommunkod' eller 'region'",
     "no header with a 'kommunkod' or 'region' column"),
    ("kommunkod,kommun,folkmangd,reference_date\n1380,Halmstad,-4,2024-11-01\n",
     "Halmstad (1380) har folkmängden -4; den måste vara större än noll", "has population -4; it must be positive"),
    ("kommunkod,folkmangd\n1380,5\n", "kolumner som saknas: reference_date", "missing column(s) reference_date"),
    ("kommunkod,kommun,folkmangd,reference_date\n780,Ljungby,5,2024-11-01\n",
     "kommunkoden '780' är ingen fyrsiffrig SCB-kod (behåll nollan först)", "is not a 4-digit SCB code"),
    ("kommunkod,kommun,folkmangd,reference_date\n1380,Halmstad,5,1 nov 2024\n",
     "reference_date '1 nov 2024' är inget datum ÅÅÅÅ-MM-DD", "is not a date YYYY-MM-DD"),
    ("kommunkod,kommun,folkmangd,reference_date\n1380,Halmstad,5,2024-02-30\n",
     "reference_date '2024-02-30' är inget giltigt datum", "is not a valid date"),
    ("region;kön\n1380 Halmstad;män\n", "en tabell från SCB behöver kolumner per år (2023, 2024M11) eller kolumnerna",
     "an SCB table needs year columns"),
    ("region;tabellinnehåll;år;värde\n1380 Halmstad;Folkökning;2023;61\n",
     "tabellen innehåller 'Folkökning', inte Folkmängd", "the table holds 'Folkökning', not Folkmängd"),
    ("region;kön;2023\n1380 Halmstad;män;52000\n",
     "tabellen är uppdelad efter kön ('män'); en kommuns folkmängd är summan: lämna kön ovald i Statistikdatabasen",
     "the table is broken down by kön ('män')"),
    ("region;år;Folkmängd\n1380 Halmstad;ifjol;5\n", "perioden 'ifjol' är inget år", "period 'ifjol' is not a year"),
    ("region;2023\n1380 Halmstad;105796\n1380 Halmstad;105797\n",
     "en andra siffra för 1380 Halmstad per 2023-12-31 (den första står på rad 2)",
     "a second figure for 1380 Halmstad per 2023-12-31 (the first is on line 2)"),
]


# seats needs a bylaw that counts seats by population; no shipped one does.
_SEATED = '''\
bylaw forbundet "Förbundet"
member halmstad "Halmstad" municipality 1380
body direktion "Direktion"
  seat ledamot from each municipality by population 2 plus 1 per full 10000 inhabitants above 10000
'''


@pytest.mark.parametrize("command", ["share", "seats"])
@pytest.mark.parametrize("text, sv, en", _BAD_FILES)
def test_a_population_file_refused_is_said_in_swedish_and_english(tmp_path, capsys, command, text, sv, en):
    """issue 16: share's and seats' refusal of a population file in the run's language, naming file and line."""
    if command == "share":
        command = ["share", "laholmsbukten", "--amount", "5"]
    else:
        (tmp_path / "forbundet.bylaw").write_text(_SEATED, encoding="utf-8")
        command = ["seats", str(tmp_path / "forbundet.bylaw")]
    path = tmp_path / "folk.csv"
    path.write_text(text, encoding="utf-8")
    argv = [*command, "--population", str(path)]
    assert main(argv) == 2
    said = capsys.readouterr().err
    assert sv in said and str(path) in said, said
    assert main([*argv, "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert en in said and str(path) in said, said
