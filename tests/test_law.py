"""Kommunallagen shipped in law/, `law` quotes verified by lint, the statute modules, and the legal form."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import governance
from governance.time import terms as T
from governance.drafting.lint import lint
from governance.loader import shipped_dir
from governance.statute import kommunallagen, parse_reference, passage

RULES = sorted(shipped_dir("rules").glob("*.bylaw"))


def test_kommunallagen_is_read_by_chapter_and_paragraph():
    kl = kommunallagen()
    assert kl.text(6, 27) == "En nämnd får handlägga ärenden endast om fler än hälften av ledamöterna är närvarande."
    assert kl.text(9, 6).startswith("Förbundsordningen ska ange 1. kommunalförbundets namn")
    # a section heading stands before the paragraph it heads and is not part of the previous one
    assert "Ledamöter och ersättare" not in kl.text(9, 6)
    assert kl.text(9, 99) is None
    # the same text as the file, counted independently: one paragraph per `### N kap. M §` heading
    headings = [line for line in (shipped_dir("law") / "kommunallagen-2017-725.txt").read_text("utf-8").splitlines()
                if line.startswith("### ")]
    assert len(kl.paragraphs) == len(headings)


@pytest.mark.parametrize("text, expected", [
    ("Kommunallagen (2017:725) 6 kap. 27 §", ("2017:725", 6, 27, 27)),
    ("KL 9 kap. 19–35 §§", ("2017:725", 9, 19, 35)),
    ("Kommunallagen (2017:725) 6 kap. 27 § första stycket", ("2017:725", 6, 27, 27)),
    ("Vallagen (2005:837) 1 kap. 3 §", ("2005:837", 1, 3, 3)),
])
def test_references(text, expected):
    ref = parse_reference(text)
    assert (ref.sfs, ref.chapter, ref.first, ref.last) == expected


def test_no_reference_without_chapter_and_paragraph():
    assert parse_reference("Kommunallagen") is None
    assert passage(parse_reference("Vallagen (2005:837) 1 kap. 3 §")) is None  # not shipped


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.stem)
def test_every_statute_module_lints_clean_and_quotes_the_law(path):
    analysis = lint(path)
    assert [d.code for d in analysis.diagnostics] == []
    bylaw = analysis.bylaw
    for rule in (bylaw.mandate, *bylaw.defaults):
        if rule is not None:  # each rule of Kommunallagen names its paragraph and quotes its sentence
            assert rule.notes.law and rule.notes.law_quote, (path.name, rule)


def test_a_wrong_quote_is_refused(tmp_path: Path):
    path = tmp_path / "m.bylaw"
    path.write_text('module m "M"\ndefault quorum more than half of seats\n'
                    '  law "Kommunallagen (2017:725) 6 kap. 27 §" "En nämnd får handlägga ärenden bara när fler '
                    'än hälften är närvarande."\n', encoding="utf-8")
    assert [d.code for d in lint(path).diagnostics] == ["law-quote-not-found"]


def test_mandate_from_the_year_after_the_election():
    bylaw = governance.parse('bylaw x "X"\nimport val\nimport kl-kommunalforbund\n')
    periods = T.mandate_periods(bylaw.election_cycle, bylaw.mandate_period, 2022, 2027)
    assert [(p.start, p.end, p.election) for p in periods] == [
        (date(2019, 1, 1), date(2022, 12, 31), date(2018, 9, 9)),
        (date(2023, 1, 1), date(2026, 12, 31), date(2022, 9, 11)),
        (date(2027, 1, 1), date(2030, 12, 31), date(2026, 9, 13)),
    ]
    period = T.mandate_period_at(bylaw.election_cycle, bylaw.mandate_period, date(2022, 10, 1))
    assert period.start == date(2019, 1, 1)  # an election held in September does not yet change the mandate
    assert T.next_period(bylaw.election_cycle, bylaw.mandate_period, period).start == date(2023, 1, 1)


MANDATE = """bylaw m "M"
  form {form}
import val
{imports}
member a "A kommun" municipality 1380
member b "B kommun" municipality 1381
body organ "Organet"
  seat ledamot from each municipality with 1 substitute
{mandate}
"""


@pytest.mark.parametrize("form, imports, mandate, codes", [
    # 9 kap. 4 §: four years, or fewer if the förbundsordning says so, from 1 January after the election year
    # unless it says otherwise
    ("kommunalforbund with direktion organ", "import kl-kommunalforbund", "", []),
    ("kommunalforbund with direktion organ", "", "mandate period 3 years from january 1 after election year", []),
    ("kommunalforbund with direktion organ", "", "mandate period 4 years from november 1 of election year", []),
    ("kommunalforbund with direktion organ", "", "mandate period 5 years from january 1 after election year",
     ["mandate-too-long"]),
    ("kommunalforbund with direktion organ", "import kl-fullmaktige", "", ["form-mandate"]),
    # 6 kap. 19 §: a gemensam nämnd's mandate is what the members' fullmäktige decide, not a module's
    ("gemensam-namnd organ in vardkommun a", "import kl-gemensam-namnd", "", []),
    ("gemensam-namnd organ in vardkommun a", "import kl-gemensam-namnd",
     "mandate period 4 years from january 1 after election year", []),
    ("gemensam-namnd organ in vardkommun a", "import kl-namnd", "", ["form-mandate"]),
    # a mandate cannot start before its own election, whatever the form
    ("informal", "", "mandate period 4 years from january 1 of election year", ["mandate-before-election"]),
    ("informal", "import kl-fullmaktige", "", []),
])
def test_mandate_periods_follow_the_legal_form(tmp_path: Path, form, imports, mandate, codes):
    path = tmp_path / "m.bylaw"
    path.write_text(MANDATE.format(form=form, imports=imports, mandate=mandate), encoding="utf-8")
    diagnostics = [d for d in lint(path).diagnostics if d.code in ("mandate-too-long", "form-mandate",
                                                                   "mandate-before-election")]
    assert [d.code for d in diagnostics] == codes
    for d in diagnostics:  # each cites the statute's own sentence, as law/ has it
        quoted = d.help.split('"')[1]
        assert quoted and any(quoted in text for text in kommunallagen().paragraphs.values()), d.help


FORMS = """bylaw x "X"
  form {form}
member a "A" municipality 1380
member b "B" region 13
body direktionen "Direktionen"
  seat ledamot from each member
body ff "Förbundsfullmäktige"
  seat ledamot from each member
body beredning "Beredningen"
  seat ledamot from each member
"""


@pytest.mark.parametrize("form, direct", [
    ("kommunalforbund with direktion direktionen", {"direktionen"}),
    ("kommunalforbund with forbundsfullmaktige ff and forbundsstyrelse direktionen", {"ff", "direktionen"}),
    ("gemensam-namnd direktionen in vardkommun a", {"direktionen"}),
    ("avtalssamverkan", set()),
    ("informal", set()),
])
def test_the_form_decides_where_the_law_applies_directly(form, direct):
    bylaw = governance.parse(FORMS.format(form=form))
    assert bylaw.form_stated
    assert {b.id for b in bylaw.bodies if bylaw.form.application(b.id) == "direct"} == direct


def test_no_form_is_informal():
    bylaw = governance.parse('bylaw x "X"\n')
    assert not bylaw.form_stated and bylaw.form.kind == "informal"
    assert bylaw.form.application("anything") == "analogy"


def test_a_bylaw_id_must_be_a_slug(tmp_path: Path):
    path = tmp_path / "R1-x.bylaw"
    path.write_text('bylaw R1-x "X"\n', encoding="utf-8")
    [diag] = [d for d in lint(path).diagnostics if d.code == "id-not-slug"]
    assert "r1-x" in diag.help


def test_lettered_paragraphs():
    ref = parse_reference("Kommunallagen (2017:725) 4 kap. 18 a §")
    assert str(ref) == "Kommunallagen (2017:725) 4 kap. 18 a §"
    assert passage(ref) == kommunallagen().text(4, "18 a") and passage(ref)
