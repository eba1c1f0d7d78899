"""Semantic diff: the real 2020 → 2024 amendment as golden files, self-diff empty, antisymmetry."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import governance
from governance.cli import main
from governance.drafting.diff import diff, render_json, render_markdown, render_text
from governance.loader import shipped_ids
from golden_file import assert_golden

GOLDEN = Path(__file__).parent / "golden" / "diff"
RENDER = {"txt": render_text, "md": render_markdown, "json": render_json}


def _golden(name: str, text: str) -> None:
    assert_golden(GOLDEN / name, text)


@pytest.mark.parametrize("ext", sorted(RENDER))
def test_halmstad_region_2020_to_laholmsbukten_golden(ext):
    old, new = governance.load("halmstad-region-2020"), governance.load("laholmsbukten")
    _golden(f"halmstad-region-2020__laholmsbukten.{ext}", RENDER[ext](diff(old, new)))


@pytest.mark.parametrize("ext", ["txt", "md"])
def test_the_diff_in_swedish_frames_the_same_lines(ext):
    """Swedish headings, counts and joined/left around the bylaw's own lines, which are the English
    diff's lines exactly (only the frame is said in the language asked)."""
    d = diff(governance.load("halmstad-region-2020"), governance.load("laholmsbukten"))
    sv = RENDER[ext](d, "sv")
    _golden(f"halmstad-region-2020__laholmsbukten.sv.{ext}", sv)
    en = RENDER[ext](d)
    assert len(sv.splitlines()) == len(en.splitlines())
    facts = [line for line in en.splitlines() if line.startswith(("  ", "      ", "  - "))]
    assert facts and all(line in sv.splitlines() for line in facts if "(left)" not in line)
    assert "(lämnar)" in sv if ext == "txt" else "- lämnar: " in sv


def test_the_command_says_the_diff_in_its_language(capsys):
    assert main(["diff", "laholmsbukten", "laholmsbukten"]) == 0
    assert capsys.readouterr().out == "laholmsbukten → laholmsbukten: inga skillnader\n"
    assert main(["diff", "laholmsbukten", "laholmsbukten", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "laholmsbukten → laholmsbukten: no differences\n"
    assert main(["diff", "laholmsbukten", "laholmsbukten", "--format", "markdown"]) == 0
    assert "Inga skillnader." in capsys.readouterr().out


def test_real_amendment_says_who_left_and_which_bodies_changed():
    d = diff(governance.load("halmstad-region-2020"), governance.load("laholmsbukten"))
    left = sorted(c.subject for c in d.changes if c.section == "members" and c.change == "removed")
    assert left == ["hogskolan-i-halmstad", "ljungby"]
    bodies = {(c.change, c.subject) for c in d.changes if c.section == "bodies" and not c.aspect}
    assert bodies == {("removed", "ledningsgruppen"), ("added", "referensgruppen"), ("added", "sekretariatet"),
                      ("added", "styrgruppen")}


@pytest.mark.parametrize("name", shipped_ids())
def test_diff_with_itself_is_empty(name):
    b = governance.load(name)
    assert not diff(b, b)
    assert render_text(diff(b, b)) == f"{b.id} → {b.id}: no differences\n"


BASE = '''bylaw x "X"
  signed 2024-01-01

member a "A" municipality 1280
member b "B" municipality 1281

body styrelsen "Styrelsen"
  seat kso "KSO" from each municipality
  chair kso rotating among all members every 1 year from 2020
  meets at least 4 per year
  decision by consensus

cost by population at november 1
'''


def changed(old_text: str, new_text: str):
    d = diff(governance.parse(old_text), governance.parse(new_text))
    return [(c.change, c.section, c.subject, c.aspect, c.old, c.new) for c in d.changes]


def test_clause_changes_are_named():
    new = (BASE.replace("every 1 year from 2020", "every 2 years from 2020")
               .replace("at least 4", "at least 6").replace("at november 1", "at december 31")
               .replace("decision by consensus", "decision by majority"))
    assert changed(BASE, new) == [
        ("changed", "bodies", "styrelsen", "chair", "chair kso rotating among all members every 1 year from 2020",
         "chair kso rotating among all members every 2 years from 2020"),
        ("changed", "bodies", "styrelsen", "meets per year", "meets at least 4 per year", "meets at least 6 per year"),
        ("changed", "bodies", "styrelsen", "decision", "decision by consensus", "decision by majority"),
        ("changed", "costs", "population", "", "cost by population at november 1", "cost by population at december 31"),
    ]


def test_member_joining_changes_the_seats():
    new = BASE.replace('member b "B" municipality 1281\n', 'member b "B" municipality 1281\nmember c "C" municipality 1282\n')
    assert changed(BASE, new) == [
        ("added", "members", "c", "", None, 'member c "C" municipality 1282'),
        ("changed", "bodies", "styrelsen", "seats", "2 seats: 2 kso", "3 seats: 3 kso"),
    ]


def test_the_seat_summary_reads_in_the_readers_language():
    # It is the diff's own sentence, not a bylaw line: Swedish by default, English on request, English in JSON.
    new = BASE.replace('member b "B" municipality 1281\n', 'member b "B" municipality 1281\nmember c "C" municipality 1282\n')
    d = diff(governance.parse(BASE), governance.parse(new))
    assert "  ~ styrelsen platser\n      - 2 platser: 2 kso\n      + 3 platser: 3 kso\n" in render_text(d, "sv")
    assert "ändrat **styrelsen platser**: `2 platser: 2 kso` → `3 platser: 3 kso`" in render_markdown(d, "sv")
    assert "  ~ styrelsen seats\n      - 2 seats: 2 kso\n      + 3 seats: 3 kso\n" in render_text(d, "en")
    assert "seats" not in render_text(d, "sv") + render_markdown(d, "sv")
    assert '"new": "3 seats: 3 kso"' in render_json(d)
    assert render_text(d.inverse(), "sv").count("platser") == 3


def test_the_seat_summary_counts_seats_not_seat_lines():
    """Two ledamöter from each of three members are six seats; three from each of four, twelve. The summary
    said "3 platsrader: 3 ledamot" → "4 platsrader: 4 ledamot", a lawyer reads three and four ledamöter."""
    old = BASE.replace('seat kso "KSO" from each municipality', 'seat ledamot 2 from each municipality\n'
                       '  seat adj 1 from a adjunct\n  seat suppl 1..2').replace("chair kso", "chair ledamot")
    new = old.replace('member b "B" municipality 1281\n', 'member b "B" municipality 1281\nmember c "C" municipality 1282\n')
    new = new.replace("2 from each", "3 from each")
    [seats] = [c for c in diff(governance.parse(old), governance.parse(new)).changes if c.aspect == "seats"]
    assert (seats.old, seats.new) == ("6–7 seats: 4 ledamot, 1–2 suppl, 1 adj (adjunct)",
                                      "11–12 seats: 9 ledamot, 1–2 suppl, 1 adj (adjunct)")
    assert seats.shown("new", "sv") == "11–12 platser: 9 ledamot, 1–2 suppl, 1 adj (adjungerad)"


def test_notes_and_comments_are_not_differences():
    new = BASE.replace("  decision by consensus\n", "  # a comment\n  decision by consensus\n    cite \"Beslut fattas i konsensus.\"\n")
    assert changed(BASE, new) == []


# ---- antisymmetry on generated bylaws ----------------------------------------------------------------
MEMBERS = [("a", 1280), ("b", 1281), ("c", 1282), ("d", 1283)]


@st.composite
def bylaws(draw):
    members = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=4, unique=True))
    lines = ['bylaw x "X"']
    if draw(st.booleans()):
        lines.append(f"  signed 20{draw(st.integers(10, 30))}-0{draw(st.integers(1, 9))}-01")
    lines.append(f"  binding {draw(st.sampled_from(['yes', 'no']))}")
    lines.append("import sweden")  # `quorum default` needs it
    lines += [f'member {m} "{m.upper()}" municipality {code}' for m, code in members]
    for body in draw(st.lists(st.sampled_from(["styrelsen", "gruppen", "radet"]), max_size=3, unique=True)):
        lines.append(f'body {body} "{body.title()}"')
        lines.append("  seat kso from each municipality" + draw(st.sampled_from(["", " adjunct"])))
        if draw(st.booleans()):
            lines.append(f"  chair kso rotating among all members every {draw(st.integers(1, 3))} years "
                         f"from {draw(st.integers(2000, 2030))}")
        for _ in range(draw(st.integers(0, 2))):
            lines.append(f"  meets {draw(st.sampled_from(['at least', 'at most', 'about']))} {draw(st.integers(1, 9))}"
                         f" {draw(st.sampled_from(['per year', 'in april..may', 'in march']))}")
        if draw(st.booleans()):
            lines.append(f"  quorum {draw(st.sampled_from(['more than half', 'all', '2/3', 'default']))}")
        if draw(st.booleans()):
            lines.append(f"  decision by {draw(st.sampled_from(['consensus', 'majority']))}")
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["cost by population at november 1", "cost own costs",
                                           "cost fee per inhabitant per year 25 SEK"])))
    if draw(st.booleans()):
        lines.append(f"participation voluntary minimum {draw(st.integers(1, len(members)))}")
    return governance.parse("\n".join(lines) + "\n")


@pytest.mark.slow
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(bylaws(), bylaws())
def test_diff_is_antisymmetric(a, b):
    forward, backward = diff(a, b), diff(b, a)
    assert forward.inverse() == backward
    added = {(c.section, c.subject, c.aspect, c.new) for c in forward.changes if c.change == "added"}
    removed_back = {(c.section, c.subject, c.aspect, c.old) for c in backward.changes if c.change == "removed"}
    assert added == removed_back
    assert not diff(a, a)


# ---- the command -------------------------------------------------------------------------------------
def test_command_json(capsys):
    assert main(["diff", "halmstad-region-2020", "laholmsbukten", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["old"], data["new"]) == ("halmstad-region-2020", "laholmsbukten")
    assert data["summary"] == {"added": 10, "removed": 10, "changed": 4}


def test_command_bad_input_exits_2(capsys, tmp_path):
    bad = tmp_path / "bad.bylaw"
    bad.write_text("bylaw x \"X\"\nmember\n", encoding="utf-8")
    assert main(["diff", str(bad), "laholmsbukten"]) == 2
    err = capsys.readouterr().err
    assert "bad.bylaw:2" in err and "Traceback" not in err


def test_a_renumbered_paragraph_is_reworded_not_no_difference():
    """A lawyer renumbers 7 § to 8 § in the reglemente and updates the cite: the rules are the same, but the
    diff said "inga skillnader" as if the document had not changed. Now it lists the cite, apart."""
    text = (Path(governance.__file__).parent.parent / "bylaws" / "gavleborg-hjalpmedelsnamnd.bylaw").read_text("utf-8")
    new = text.replace('cite "7 § Nämnden består', 'cite "8 § Nämnden består')
    d = diff(governance.parse(text), governance.parse(new))
    assert not d and [(r.subject, r.aspect) for r in d.reworded] == [("namnden", "seat ledamot")]
    sv = render_text(d, "sv")
    assert sv.startswith("gavleborg-hjalpmedelsnamnd → gavleborg-hjalpmedelsnamnd: inga skillnader i reglerna\n")
    assert '  ≈ Organ: namnden seat ledamot\n      - cite "7 § Nämnden består' in sv
    assert '\n      + cite "8 § Nämnden består' in sv
    assert "Ny ordalydelse, samma regel" in sv and "Reworded" in render_text(d, "en")
    assert "- **Organ: namnden seat ledamot**: `cite \"7 §" in render_markdown(d, "sv")
    assert json.loads(render_json(d))["reworded"][0]["new"][0].startswith('cite "8 §')
    assert d.inverse().reworded[0].old == d.reworded[0].new
    # a rule changed with its cite is a change, not also a rewording
    both = new.replace("seat ledamot \"Ledamot\" from each member with 1 substitute",
                       "seat ledamot \"Ledamot\" 2 from each member with 2 substitutes")
    d = diff(governance.parse(text), governance.parse(both))
    assert d and not d.reworded


def test_a_states_point_or_named_source_added_is_one_change_not_a_shift_of_the_others():
    """`states` items (and named sources) were keyed by their order: adding `states likvidation` before
    `states tvister` showed 2 changed and 1 added. Now one added."""
    old = ('bylaw x "X"\n  source reglemente "r.txt"\n  source avtal "a.txt"\n  form kommunalforbund with direktion d\n'
           '  states tvister\n    cite reglemente "A."\n  states uttrade\n    cite reglemente "B."\n'
           'member a "A" municipality 1380\nbody d "D"\n  seat s from each member with 1 substitute\n')
    new = old.replace('  states tvister\n', '  states likvidation\n    cite avtal "C."\n  states tvister\n')
    new = new.replace('  source reglemente "r.txt"\n', '  source bilaga "b.txt"\n  source reglemente "r.txt"\n')
    assert changed(old, new) == [
        ("added", "header", "", "source bilaga", None, 'source bilaga "b.txt"'),
        ("added", "header", "", "states likvidation", None, "states likvidation"),
    ]
