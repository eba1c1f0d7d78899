"""The JSON Schemas shipped in governance/schemas/ describe what the project really reads and writes:
every example calendar and mapping file is valid, every golden JSON report is valid, and what the schema
refuses the reader refuses too."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from governance.calendar import CalendarError, parse_calendar
from governance.schemas import schema

ROOT = Path(__file__).resolve().parent.parent
VALIDATORS = {name: Draft202012Validator(schema(name)) for name in ("calendar", "roster", "mapping", "report")}


class _TextDates(yaml.SafeLoader):
    """YAML as the calendar reader sees it: a date stays the text written in the file."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _data(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates)


def _errors(name: str, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATORS[name].iter_errors(data)]


CALENDARS = sorted([*ROOT.glob("examples/*.yaml"), *ROOT.glob("examples/*/*.yaml"), *ROOT.glob("bylaws/*.yaml")])
MAPPINGS = [p for p in CALENDARS if p.stem.endswith("mapping")]
ROSTERS = [p for p in CALENDARS if p not in MAPPINGS and "roster" in (_data(p) or {}) and "meetings" not in _data(p)]
CALENDARS = [p for p in CALENDARS if p not in MAPPINGS and "meetings" in (_data(p) or {})]
REPORTS = sorted(ROOT.glob("tests/golden/reports/*.json"))


@pytest.mark.parametrize("name", sorted(VALIDATORS))
def test_the_schemas_are_valid_json_schemas(name):
    Draft202012Validator.check_schema(schema(name))


def test_there_is_something_to_validate():
    assert len(CALENDARS) >= 10 and MAPPINGS and ROSTERS and len(REPORTS) >= 10


@pytest.mark.parametrize("path", ROSTERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_roster_file_is_valid(path):
    assert _errors("roster", _data(path)) == []


def test_the_roster_schema_shares_the_calendars_definitions():
    calendar, roster = schema("calendar"), schema("roster")
    assert all(roster["$defs"][name] == calendar["$defs"][name] for name in roster["$defs"])


@pytest.mark.parametrize("path", CALENDARS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_calendar_is_valid(path):
    assert _errors("calendar", _data(path)) == []


@pytest.mark.parametrize("path", MAPPINGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_mapping_file_is_valid(path):
    assert _errors("mapping", _data(path)) == []


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_every_golden_json_report_is_valid(path):
    assert _errors("report", json.loads(path.read_text(encoding="utf-8"))) == []


def test_check_action_json_is_valid():
    action = ROOT / "examples/actions/laholmsbukten-decide-upphandling.yaml"
    for extra in ([], ["--history", str(ROOT / "examples/laholmsbukten-2025.yaml")]):
        done = subprocess.run([sys.executable, "-m", "governance", "check-action", "laholmsbukten", str(action),
                               "--format", "json", *extra], capture_output=True, text=True, timeout=120)
        assert done.returncode in (0, 1), done.stderr
        assert _errors("report", json.loads(done.stdout)) == []


MEETING = "  - id: m1\n    body: styrgruppen\n    date: 2025-03-13\n"


@pytest.mark.parametrize("text", [
    "meetings:\n" + MEETING + "    colour: red\n",                        # an unknown key
    "meetings:\n  - id: m1\n    body: styrgruppen\n",                    # no date
    "meetings:\n" + MEETING + "    chair: [halmstad/kso]\n",             # a list (a name may be any text)
    "meetings:\n" + MEETING + "    matters:\n      - id: x\n        action: vote\n",  # not an action
    "meetings:\n" + MEETING + "    date: 13 March 2025\n",
    "bylaw: Laholmsbukten\nmeetings:\n" + MEETING,
    "roster: [a, b]\nmeetings:\n" + MEETING,
    "meetings: []\nextra: 1\n",
])
def test_what_the_schema_refuses_the_reader_refuses(text):
    assert _errors("calendar", yaml.load(text, Loader=_TextDates))
    with pytest.raises(CalendarError):
        parse_calendar(text, "bad.yaml")
