"""Golden reports: `governance check` on every example calendar in examples/, text and JSON, with
`--as-of` pinned so the files do not change with today's date. Regenerate with UPDATE_GOLDEN=1 and
review the diff."""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
import yaml

from governance.cli import main
from governance.loader import shipped_ids
from golden_file import assert_golden

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "reports"
AS_OF = "2025-01-01"
def _is_calendar(path: Path) -> bool:
    """.ics files, and YAML files with meetings (not the .ics mapping files that sit beside them)."""
    if path.suffix == ".ics":
        return True
    if path.suffix not in (".yaml", ".yml"):
        return False
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return isinstance(data, dict) and "meetings" in data


EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*") if _is_calendar(p))


def bylaw_of(path: Path) -> str:
    """The bylaw an example is for: an example bylaw in examples/ (by its `bylaw:` key or its name), else
    its `bylaw:` key, else the longest shipped id its name starts with."""
    if path.suffix in (".yaml", ".yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("bylaw") and (ROOT / "examples" / f"{data['bylaw']}.bylaw").exists():
            return f"examples/{data['bylaw']}.bylaw"
        if isinstance(data, dict) and data.get("bylaw"):
            return data["bylaw"]
    local = [p for p in (ROOT / "examples").glob("*.bylaw") if path.stem.startswith(p.stem)]
    if local:  # an example bylaw beside its calendars (examples/vattenforbundet.bylaw)
        return str(max(local, key=lambda p: len(p.stem)).relative_to(ROOT))
    ids = [i for i in shipped_ids() if path.stem.startswith(i)]
    assert ids, f"{path.name}: cannot tell which bylaw it is for"
    return max(ids, key=len)


def run(*argv: str) -> tuple[int, str]:
    status, out, err = run_split(*argv)
    return status, err + out


def run_split(*argv: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exc:  # argparse rejects bad usage by exiting
            status = exc.code
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_golden_report(example: Path, fmt: str, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    status, out, err = run_split("check", bylaw_of(example), str(example.relative_to(ROOT)), "--format", fmt,
                                 "--as-of", AS_OF)
    assert status in (0, 1), err  # examples are readable; 2 would be a broken example
    # The text golden is what a terminal shows (warnings about the input, then the report); the JSON
    # golden is stdout alone, the contract, with the same warnings on stderr.
    output = err + out if fmt == "text" else out
    if fmt == "json":
        assert err == run_split("check", bylaw_of(example), str(example.relative_to(ROOT)), "--as-of", AS_OF)[2]
    golden = GOLDEN / f"{example.name}.{'txt' if fmt == 'text' else 'json'}"
    assert_golden(golden, output)
    if fmt == "json":
        assert (status == 0) == json.loads(output)["compliant"]


def test_every_golden_file_has_an_example():
    names = {f"{p.name}.{ext}" for p in EXAMPLES for ext in ("txt", "json")}
    stale = sorted(p.name for p in GOLDEN.glob("*") if p.name not in names)
    assert not stale, f"golden reports without an example: {stale}"


def test_exit_statuses(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run("check", "laholmsbukten", "no-such-file.yaml")[0] == 2
    assert run("check", "no-such-bylaw", "no-such-file.yaml")[0] == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("meetings:\n  - id: a\n    body: styrgruppen\n    date: 2025-02-30\n", encoding="utf-8")
    status, output = run("check", "laholmsbukten", str(bad))
    assert status == 2 and "Traceback" not in output and ":4:" in output
    broken = tmp_path / "broken.yaml"
    broken.write_text("meetings:\n  - id: a\n    body: styrgruppen\n    date: 2025-02-11\n", encoding="utf-8")
    status, output = run("check", "laholmsbukten", str(broken), "--as-of", "2024-01-01")
    assert status == 1 and "meeting-minimum" in output
    assert run("check", "laholmsbukten", str(broken), "--as-of", "yesterday")[0] == 2


def test_ics_events_left_out_are_named_on_stderr(monkeypatch):
    """An .ics event that maps to no body is not checked; the user is told which, with its line."""
    monkeypatch.chdir(ROOT)
    status, out, err = run_split("check", "laholmsbukten", "examples/laholmsbukten-2025.ics", "--format", "json",
                                 "--as-of", AS_OF)
    assert status == 0
    json.loads(out)  # stdout is the JSON report alone
    assert err.startswith("examples/laholmsbukten-2025.ics:211: varning: händelsen 'Studiebesök Kattegattleden' "
                          "hör inte till något organ och lämnas utanför"), err
    status, out, err = run_split("check", "laholmsbukten", "examples/laholmsbukten-2025.ics", "--format", "json",
                                 "--as-of", AS_OF, "--lang", "en")
    assert err.startswith("examples/laholmsbukten-2025.ics:211: warning: event 'Studiebesök Kattegattleden' "
                          "maps to no body; it is left out"), err


def test_a_calendar_with_no_meeting_to_check_says_so(tmp_path, monkeypatch):
    """No meeting (none listed, only cancelled ones, or an .ics read without its mapping, whose every event
    is left out) is never "compliant": the verdict is nothing-checked, exit 2, and the reason on stderr."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.yaml").write_text("bylaw: laholmsbukten\nmeetings: []\n", encoding="utf-8")
    status, out, err = run_split("check", "laholmsbukten", "empty.yaml", "--as-of", AS_OF)
    assert status == 2 and out.endswith(": inget granskat (kalendern har inga sammanträden: inget granskades) "
                                        "— 0 fel, 0 varningar, 0 sammanträden granskade\n"), out
    assert err == "empty.yaml: fel: kalendern har inget möte: ingenting kontrollerades\n"
    status, out, err = run_split("check", "laholmsbukten", "empty.yaml", "--as-of", AS_OF, "--lang", "en")
    assert status == 2 and out.endswith(": nothing checked (the calendar holds no meeting: nothing was checked) "
                                        "— 0 errors, 0 warnings, 0 meetings checked\n"), out
    assert err == "empty.yaml: error: the calendar holds no meeting: nothing was checked\n"
    (tmp_path / "export.ics").write_bytes((ROOT / "examples" / "laholmsbukten-2025.ics").read_bytes())
    status, out, err = run_split("check", "laholmsbukten", "export.ics", "--format", "json", "--as-of", AS_OF,
                                 "--lang", "en")
    report = json.loads(out)
    assert status == 2 and report["findings"] == [] and report["verdict"] == "nothing-checked"
    assert report["compliant"] is False and report["checked"] == 0
    assert err.endswith("export.ics: error: no meeting was checked: every event was left out (an .ics needs "
                        "its mapping file: --mapping)\n")
    status, _, err = run_split("check", "laholmsbukten", str(ROOT / "examples" / "laholmsbukten-2025.ics"),
                               "--as-of", AS_OF, "--lang", "en")
    assert status == 0 and "no meeting was checked" not in err  # its mapping file lies beside it
    (tmp_path / "off.yaml").write_text("meetings:\n  - {id: a, body: referensgruppen, date: 2025-02-11, "
                                       "status: cancelled}\n", encoding="utf-8")
    status, out, err = run_split("check", "laholmsbukten", "off.yaml", "--format", "json", "--as-of", AS_OF)
    report = json.loads(out)
    assert status == 1 and report["verdict"] == "not-compliant" and report["checked"] == 0  # minimums unmet
    assert [f["kind"] for f in report["facts"]] == ["cancelled"]


def test_lang_changes_words_not_findings(monkeypatch):
    """--lang en and the Swedish default: the same findings (rules, places, citations), other words; the
    JSON differs only in the messages and fixes."""
    monkeypatch.chdir(ROOT)
    calendar = "examples/laholmsbukten-2025-breaches.yaml"
    sv = json.loads(run_split("check", "laholmsbukten", calendar, "--format", "json", "--as-of", AS_OF)[1])
    en = json.loads(run_split("check", "laholmsbukten", calendar, "--format", "json", "--as-of", AS_OF,
                              "--lang", "en")[1])
    strip = lambda report: [{k: v for k, v in f.items() if k not in ("message", "fix")} for f in report["findings"]]
    assert strip(sv) == strip(en) and sv["compliant"] == en["compliant"] is False
    assert all(a["message"] != b["message"] for a, b in zip(sv["findings"], en["findings"]))
    # a computed fix in both languages or in neither, each in its own words
    assert all((a["fix"] is None) == (b["fix"] is None) and (a["fix"] is None or a["fix"] != b["fix"])
               for a, b in zip(sv["findings"], en["findings"]))
    assert any(f["fix"] for f in sv["findings"])
    text_sv = run_split("check", "laholmsbukten", calendar, "--as-of", AS_OF)[1]
    text_en = run_split("check", "laholmsbukten", calendar, "--as-of", AS_OF, "--lang", "en")[1]
    assert "Juldagen" in text_sv and "Christmas Day" in text_en
    assert text_sv.endswith("mot laholmsbukten: följer inte avtalet — 7 fel, 1 varning, 3 sammanträden granskade\n")
    assert text_en.endswith("against laholmsbukten: not compliant — 7 errors, 1 warning, 3 meetings checked\n")


def test_a_check_knows_the_version_that_replaced_the_bylaw(monkeypatch):
    """The command finds the other versions beside the bylaw: the 2020 draft is no longer in force in
    2025, since laholmsbukten `amends` it from 2024-03-28."""
    monkeypatch.chdir(ROOT)
    status, out, err = run_split("check", "halmstad-region-2020", "examples/halmstad-region-2020-2023-breaches.yaml",
                                 "--format", "json", "--as-of", AS_OF)
    assert status == 1 and err == ""
    [term] = [f for f in json.loads(out)["findings"] if f["rule"] == "term"]
    assert term["meeting"] == "sg-2025-1" and term["citation"]["file"] == "bylaws/laholmsbukten.bylaw"


def test_unreadable_other_versions_are_a_warning_not_a_failure(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    (tmp_path / "halmstad-region-2020.bylaw").write_text(
        (ROOT / "bylaws" / "halmstad-region-2020.bylaw").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.bylaw").write_text("bylaw broken \"B\"\n  amends halmstad-region-2020 from 2024-01-01\n"
                                            "member ??? oops\n", encoding="utf-8")
    status, out, err = run_split("check", str(tmp_path / "halmstad-region-2020.bylaw"),
                                 "examples/halmstad-region-2020-2023.yaml", "--as-of", AS_OF)
    assert status == 0, out + err
    assert "varning: avtalets andra versioner beaktas inte" in err and "Traceback" not in err
    status, out, err = run_split("check", str(tmp_path / "halmstad-region-2020.bylaw"),
                                 "examples/halmstad-region-2020-2023.yaml", "--as-of", AS_OF, "--lang", "en")
    assert "warning: other versions of the agreement not considered" in err and "Traceback" not in err
