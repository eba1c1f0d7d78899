"""docs/ is where users read the contract: it must say what the code does."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from governance.calendar import parse_calendar
from governance.check import RULE_IDS
from governance.schemas import schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _fences(path: Path, kind: str) -> list[str]:
    return [t.content for t in MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
            if t.type == "fence" and t.info.strip() == kind]


def test_the_rule_id_table_lists_every_rule_the_engine_has():
    text = (DOCS / "report.md").read_text(encoding="utf-8")
    table = text[text.index("<!-- rule ids"):text.index("<!-- end of rule ids -->")]
    documented = re.findall(r"^\| `([a-z-]+)` \|", table, flags=re.M)
    assert sorted(documented) == sorted(RULE_IDS)
    assert len(documented) == len(set(documented))


def test_the_calendar_example_reads_and_is_valid():
    (example, people, roster, mapping) = _fences(DOCS / "calendar.md", "yaml")
    calendar = parse_calendar(example, "docs/calendar.md")
    assert [m.id for m in calendar.meetings] == ["rg-2025-1"]
    meeting, = parse_calendar(people, "docs/calendar.md").meetings
    assert len(meeting.attendees) == 7 and meeting.minutes.justering.isoformat() == "2025-03-11"
    for text, name in ((example, "calendar"), (people, "calendar"), (roster, "roster"), (mapping, "mapping")):
        data = yaml.load(text, Loader=yaml.BaseLoader)  # dates as text, as the schema describes them
        assert list(Draft202012Validator(schema(name)).iter_errors(data)) == []


def test_the_report_example_is_valid_and_real():
    (example,) = _fences(DOCS / "report.md", "json")
    import json
    data = json.loads(example)
    assert list(Draft202012Validator(schema("report")).iter_errors(data)) == []
    golden = json.loads((ROOT / "tests/golden/reports/laholmsbukten-2025-breaches.yaml.json").read_text("utf-8"))
    assert data["findings"][0] in golden["findings"]  # a finding the shipped example really gives


def test_the_readme_points_to_the_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("docs/language.md", "docs/calendar.md", "docs/report.md"):
        assert f"]({page})" in readme
    assert "DESIGN.md" not in readme  # not shipped: the contract is in docs/


def test_the_readme_s_bylaw_example_lints_clean(tmp_path, capsys):
    """The first bylaw a newcomer sees is valid as written: no error, only that its source document is not
    at hand."""
    from governance.cli import main
    (example,) = _fences(ROOT / "README.md", "bylaw")
    path = tmp_path / "laholmsbukten.bylaw"
    path.write_text(example, encoding="utf-8")
    status = main(["lint", str(path), "--lang", "en"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "error" not in out.replace("0 error(s)", ""), out


def test_the_calendar_page_s_commands_run(monkeypatch, capsys):
    from governance.cli import main
    monkeypatch.chdir(ROOT)
    commands = [line.split("#")[0].split() for block in _fences(DOCS / "calendar.md", "sh")
                for line in block.splitlines() if line.strip()]
    assert commands
    for argv in commands:
        assert argv[0] == "governance"
        status = main(argv[1:])
        out, err = capsys.readouterr()
        assert status == 0, (argv, err)
        assert "följer avtalet" in out
