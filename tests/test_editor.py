"""The calendar editor's library side (governance.editor) and what it adds to the calendar package: the
table's data (yaml_writer.to_data) read back by the YAML reader, event titles of an .ics, a mapping written
as a file, imports, the plan as table data, and exports read back by the command's readers."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

import governance
from governance import editor
from governance.calendar import parse_calendar, read_calendar
from governance.calendar.errors import CalendarError
from governance.calendar.ics_reader import event_titles, parse_ics
from governance.calendar.mapping import parse_mapping, read_mapping, to_yaml as mapping_yaml
from governance.calendar.yaml_writer import to_data
from governance.check import check_calendar
from governance.loader import shipped_ids

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ICS = EXAMPLES / "laholmsbukten-2025.ics"
MAPPING = EXAMPLES / "laholmsbukten-mapping.yaml"
STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
YAMLS = sorted(EXAMPLES.glob("*-20*.yaml"))


def bylaw_of(example: Path):
    ids = [i for i in shipped_ids() if example.name.startswith(i)]
    return governance.load(max(ids, key=len)) if ids else None


@pytest.mark.parametrize("example", YAMLS, ids=[p.name for p in YAMLS])
def test_the_table_data_reads_back_to_the_same_calendar(example):
    """JSON of to_data is YAML: the reader gives back every meeting and person (an independent oracle: the
    file as read from disk)."""
    calendar = read_calendar(example)
    data = to_data(calendar)
    again = parse_calendar(json.dumps(data, ensure_ascii=False), "table.json")
    assert again.meetings == calendar.meetings and again.roster == calendar.roster
    assert again.bylaw == calendar.bylaw
    assert json.loads(json.dumps(data)) == data  # plain JSON: no dates, no tuples


def test_a_mapping_file_written_reads_back_the_same():
    mapping = read_mapping(MAPPING)
    assert parse_mapping(mapping_yaml(mapping), mapping.path) == mapping


def test_the_event_titles_of_an_outlook_export():
    titles = event_titles(ICS.read_text(encoding="utf-8"), ICS.name)
    assert [(t.title, t.recurring, t.events) for t in titles] == [
        ("Referensgruppen Laholmsbukten", True, 2), ("Referensgruppen Laholmsbukten (flyttat)", True, 1),
        ("Studiebesök Kattegattleden", False, 1), ("Styrgruppen Laholmsbukten", False, 2)]
    with pytest.raises(CalendarError, match="calendar.ics:2: .*BEGIN:VEVENT is never closed"):
        event_titles("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", "calendar.ics")


def test_importing_the_export_with_its_mapping_reads_what_the_command_reads():
    bylaw = governance.load("laholmsbukten")
    imported = editor.import_calendar(bylaw, ICS.read_text(encoding="utf-8"), MAPPING.read_text(encoding="utf-8"))
    expected = parse_ics(ICS.read_text(encoding="utf-8"), "calendar.ics", read_mapping(MAPPING))
    assert editor.table_calendar(imported.calendar).meetings == expected.meetings
    assert [t["body"] for t in imported.titles] == ["referensgruppen", "referensgruppen", "", "styrgruppen"]
    assert [m.split(": ", 2)[1] for m in imported.left_out] == ["varning"]  # said in Swedish by default
    assert "hör inte till något organ och lämnas utanför" in imported.left_out[0]
    english = editor.import_calendar(bylaw, ICS.read_text(encoding="utf-8"), MAPPING.read_text(encoding="utf-8"),
                                     lang="en")
    assert [m.split(": ", 2)[1] for m in english.left_out] == ["warning"] and "maps to no body" in english.left_out[0]
    # The choice made is the mapping saved: it reads the export to the same meetings.
    saved = parse_mapping(imported.mapping, "saved.yaml")
    assert parse_ics(ICS.read_text(encoding="utf-8"), "calendar.ics", saved).meetings == expected.meetings
    assert dict(saved.people) == dict(read_mapping(MAPPING).people)


def test_importing_without_a_mapping_guesses_by_the_body_names_and_a_choice_overrides():
    bylaw = governance.load("laholmsbukten")
    text = ICS.read_text(encoding="utf-8")
    guessed = editor.import_calendar(bylaw, text)
    assert [t["body"] for t in guessed.titles] == ["referensgruppen", "referensgruppen", "", "styrgruppen"]
    chosen = editor.import_calendar(bylaw, text, bodies={"Styrgruppen Laholmsbukten": "styrgruppen"})
    assert {m["body"] for m in chosen.calendar["meetings"]} == {"styrgruppen"}
    assert len(chosen.calendar["meetings"]) == 2
    with pytest.raises(CalendarError, match="no body 'x'"):
        editor.import_calendar(bylaw, text, bodies={"Styrgruppen Laholmsbukten": "x"})


def test_a_yaml_import_takes_no_mapping_and_must_be_for_this_bylaw():
    bylaw = governance.load("laholmsbukten")
    text = (EXAMPLES / "laholmsbukten-2025.yaml").read_text(encoding="utf-8")
    assert editor.import_calendar(bylaw, text).calendar == to_data(read_calendar(EXAMPLES / "laholmsbukten-2025.yaml"))
    with pytest.raises(CalendarError, match="only used with .ics"):
        editor.import_calendar(bylaw, text, "bodies: {}")
    with pytest.raises(CalendarError, match="for bylaw 'laholmsbukten', not 'vasterbotten-planbygg'"):
        editor.import_calendar(governance.load("vasterbotten-planbygg"), text)


@pytest.mark.parametrize("example", [p for p in YAMLS if bylaw_of(p) is not None], ids=lambda p: p.name)
def test_an_export_is_checked_by_the_command_as_the_table_is(example):
    """YAML and .ics (with its mapping) written from the table read back to the calendar the table holds:
    the same findings, so the same verdict."""
    bylaw = bylaw_of(example)
    data = to_data(read_calendar(example))
    table = editor.table_calendar(data)
    as_of = datetime(2030, 1, 1).date()
    expected = check_calendar(bylaw, table, as_of=as_of)
    written = editor.export(bylaw, data, "yaml", stamp=STAMP)
    assert written.filename.startswith(bylaw.id) and written.filename.endswith(".yaml")
    yaml_back = parse_calendar(written.text, "back.yaml")
    placeless = lambda report: [f._replace(location=None) for f in report.findings]  # the files' lines differ
    assert placeless(check_calendar(bylaw, yaml_back, as_of=as_of)) == placeless(expected)
    ics = editor.export(bylaw, data, "ics", stamp=STAMP)
    mapping = editor.export(bylaw, data, "ics-mapping", stamp=STAMP)
    assert mapping.filename == ics.filename.removesuffix(".ics") + "-mapping.yaml"  # found beside it by name
    ics_back = parse_ics(ics.text, "back.ics", parse_mapping(mapping.text, "back-mapping.yaml"))
    assert [(f.rule, f.meeting) for f in check_calendar(bylaw, ics_back, as_of=as_of).findings] == \
        [(f.rule, f.meeting) for f in expected.findings]


def test_an_ics_export_invites_the_people_whose_address_is_known():
    bylaw = governance.load("laholmsbukten")
    imported = editor.import_calendar(bylaw, ICS.read_text(encoding="utf-8"), MAPPING.read_text(encoding="utf-8"))
    ics = editor.export(bylaw, imported.calendar, "ics", imported.mapping, stamp=STAMP).text
    assert "mailto:kommundirektor@bastad.se" in ics.replace("\r\n ", "")
    assert "seats: bastad/kso" in ics.replace("\r\n ", "")  # a name without an address is no attendee
    assert ".invalid" not in ics


def test_the_plan_as_table_data_is_the_planner_s_year():
    from governance.planning.planner import plan
    bylaw = governance.load("laholmsbukten")
    planned = editor.plan_year(bylaw, 2027, mapping=MAPPING.read_text(encoding="utf-8"))
    assert editor.table_calendar(planned.calendar).meetings == plan(bylaw, 2027).meetings
    assert planned.notes == () and parse_mapping(planned.mapping, "m.yaml") == parse_mapping(
        MAPPING.read_text(encoding="utf-8"), "m.yaml")
    ics = editor.export(bylaw, planned.calendar, "ics", planned.mapping, stamp=STAMP).text.replace("\r\n ", "")
    assert "mailto:kommundirektor@bastad.se" in ics  # the planned year's invitations reach real addresses
    nothing = editor.plan_year(governance.load("halsingeradet"), 2027, lang="en")
    assert nothing.calendar["meetings"] == [] and nothing.notes == ("no body has a meeting rule, so there is "
                                                                     "nothing to plan",)


def test_the_bylaw_facts_offer_every_seat_of_a_body():
    bylaw = governance.load("laholmsbukten")
    facts = editor.bylaw_facts(bylaw)
    seats = {b["id"]: b["seats"] for b in facts["bodies"]}
    assert sorted(seats["styrgruppen"]) == sorted(f"{m}/{r}" for m in ("bastad", "falkenberg", "halmstad", "hylte", "laholm")
                                                  for r in ("kso", "opposition"))
    assert facts["actions"] == ["prepare", "propose", "decide", "inform"]
    # Every seat a compliant example calendar's meeting lists is offered for its body (the breaches list
    # outsiders on purpose; the page shows a seat it does not offer as a checkbox of its own).
    for example in YAMLS:
        bylaw = bylaw_of(example)
        if bylaw is None or "breaches" in example.name:
            continue
        offered = {b["id"]: set(b["seats"]) for b in editor.bylaw_facts(bylaw)["bodies"]}
        for m in read_calendar(example).meetings:
            assert {str(a) for a in m.attendees} <= offered[m.body], (example.name, m.id)


@pytest.mark.parametrize("text, ics", [("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", True),
                                       ("\ufeff \r\n\tbegin:vcalendar\nx", True), ("Begin:VCalendar", True),
                                       ("BEGIN:VCALENDA", False), ("bylaw: x\nBEGIN:VCALENDAR\n", False),
                                       ("# BEGIN:VCALENDAR", False), ("", False), ("ß" * 20, False)])
def test_an_ics_calendar_is_told_by_its_first_line_in_any_case(text, ics):
    from governance.calendar.source import is_ics
    assert is_ics(text) is ics
    assert is_ics(text) == text.lstrip("\ufeff \t\r\n").upper().startswith("BEGIN:VCALENDAR")  # as before


def test_a_lone_surrogate_in_an_import_is_a_calendar_error():
    bylaw = governance.load("laholmsbukten")
    with pytest.raises(CalendarError, match=r"character U\+DC80 has no UTF-8 form"):
        editor.import_calendar(bylaw, "bylaw: laholmsbukten\nmeetings: []\n\udc80\n")
    with pytest.raises(CalendarError, match=r"mapping\.yaml:1: .*U\+D800.*save the mapping file as UTF-8"):
        editor.import_calendar(bylaw, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "\ud800")
