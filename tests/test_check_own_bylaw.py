"""`governance check CALENDAR`: a calendar that names its bylaw (`bylaw:`, or an .ics's mapping file) is
checked against it without the bylaw on the command line — a file ID.bylaw beside the calendar first, else
the shipped one — and the report is the same as with the bylaw given."""
import re
import shutil
from pathlib import Path

import pytest

from governance.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NAMED = sorted(p for p in EXAMPLES.glob("*.yaml")  # calendars (a shared roster or a mapping file is none)
               if re.search(r"(?m)^bylaw: ", p.read_text(encoding="utf-8"))
               and re.search(r"(?m)^meetings:", p.read_text(encoding="utf-8")))


def run(args, capsys) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def named_bylaw(calendar: Path) -> str:
    bylaw_id = re.search(r"(?m)^bylaw: (\S+)", calendar.read_text(encoding="utf-8")).group(1)
    beside = calendar.parent / f"{bylaw_id}.bylaw"
    return str(beside) if beside.is_file() else bylaw_id


def test_every_example_names_its_bylaw():
    assert len(NAMED) >= 20  # the examples are the test's cases: none may drop out of it unseen


@pytest.mark.parametrize("calendar", NAMED, ids=lambda p: p.stem)
@pytest.mark.parametrize("form", ["json", "text"])
def test_the_calendars_own_bylaw_gives_the_same_report(calendar, form, capsys):
    given = run(["check", named_bylaw(calendar), str(calendar), "--format", form, "--as-of", "2026-06-01"], capsys)
    own = run(["check", str(calendar), "--format", form, "--as-of", "2026-06-01"], capsys)
    assert own == given
    assert given[0] in (0, 1) and given[1]


def test_an_ics_names_its_bylaw_through_its_mapping_file(capsys):
    calendar = str(EXAMPLES / "laholmsbukten-2025.ics")
    given = run(["check", "laholmsbukten", calendar, "--format", "json", "--as-of", "2026-06-01"], capsys)
    own = run(["check", calendar, "--format", "json", "--as-of", "2026-06-01"], capsys)
    assert own == given
    assert "Studiebesök Kattegattleden" in own[2]  # what the mapping leaves out is still said, once
    assert own[2].count("Studiebesök Kattegattleden") == 1


def test_a_bylaw_beside_the_calendar_comes_before_the_shipped_one(tmp_path, capsys):
    shutil.copy(EXAMPLES / "laholmsbukten-2025.yaml", tmp_path / "kalender.yaml")
    shipped = (ROOT / "bylaws" / "laholmsbukten.bylaw").read_text(encoding="utf-8")
    assert "meets at least 2 per year" in shipped
    # the user's own copy asks for more meetings than the calendar has: only it gives a finding
    (tmp_path / "laholmsbukten.bylaw").write_text(shipped.replace("meets at least 2 per year", "meets at least 9 per year"),
                                                  encoding="utf-8")
    assert run(["check", "laholmsbukten", str(tmp_path / "kalender.yaml"), "--as-of", "2026-06-01"], capsys)[0] == 0
    status, out, err = run(["check", str(tmp_path / "kalender.yaml"), "--format", "json", "--as-of", "2026-06-01"],
                           capsys)
    assert status == 1, err
    assert '"rule": "meeting-minimum"' in out and "laholmsbukten.bylaw" in out and "bylaws/laholmsbukten" not in out


@pytest.mark.parametrize("lang, words", [("sv", "anger inte vilket avtal"), ("en", "does not say which bylaw")])
def test_a_calendar_that_names_no_bylaw_needs_one_given(lang, words, tmp_path, capsys):
    calendar = tmp_path / "möten.yaml"
    calendar.write_text((EXAMPLES / "laholmsbukten-2025.yaml").read_text(encoding="utf-8")
                        .replace("bylaw: laholmsbukten\n", ""), encoding="utf-8")
    status, out, err = run(["check", str(calendar), "--lang", lang], capsys)
    assert status == 2 and out == ""
    assert words in err and str(calendar) in err and "Traceback" not in err
    assert run(["check", "laholmsbukten", str(calendar), "--lang", lang], capsys)[0] in (0, 1)


def test_a_calendar_naming_an_unknown_bylaw_is_refused_with_the_name(tmp_path, capsys):
    calendar = tmp_path / "möten.yaml"
    calendar.write_text((EXAMPLES / "laholmsbukten-2025.yaml").read_text(encoding="utf-8")
                        .replace("bylaw: laholmsbukten", "bylaw: laholmsbukte"), encoding="utf-8")
    status, out, err = run(["check", str(calendar)], capsys)
    assert status == 2 and out == ""
    assert "laholmsbukte" in err and "laholmsbukten" in err  # the name it gave, and the near one


@pytest.mark.parametrize("alone", ["laholmsbukten", "examples/arkivforbundet.bylaw"])
def test_a_bylaw_alone_is_told_the_calendar_is_missing(alone, capsys):
    status, out, err = run(["check", str(ROOT / alone) if "/" in alone else alone], capsys)
    assert status == 2 and out == ""
    assert "dessa argument saknas: CALENDAR (kalendern att kontrollera mot" in err
