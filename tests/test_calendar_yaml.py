"""The YAML calendar reader: DESIGN.md's format into frozen Calendar/Meeting/Matter with positions."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from governance.calendar import CalendarError, read, read_calendar
from governance.calendar.yaml_reader import parse_calendar
from governance.calendar.model import Person
from governance.model.types import SeatRef

ROOT = Path(__file__).resolve().parent.parent

DESIGN_EXAMPLE = """\
bylaw: laholmsbukten           # optional; must match when given
roster:                        # optional: people to seats
  Stefan Pålsson: halmstad/kso
meetings:
  - id: rg-2025-1              # unique in the file
    body: referensgruppen
    date: 2025-02-11           # ISO date or date-time
    chair: halmstad/kommundirektor
    convened_by: sekretariatet
    notice_date: 2025-01-28
    attendees: [halmstad/kommundirektor, falkenberg/kommundirektor, laholm/kommundirektor]
    matters:
      - id: upphandling-it
        title: Gemensam upphandling av IT-stöd
        type: budget
        action: prepare
        outcome: consensus
        participants: [halmstad, laholm]
"""


def test_design_example_reads_into_the_model():
    cal = parse_calendar(DESIGN_EXAMPLE, "calendar.yaml")
    assert cal.path == "calendar.yaml"
    assert cal.bylaw == "laholmsbukten"
    assert cal.roster == (Person("Stefan Pålsson", SeatRef("halmstad", "kso")),)
    (m,) = cal.meetings
    assert (m.id, m.body, m.date, m.start) == ("rg-2025-1", "referensgruppen", date(2025, 2, 11), None)
    assert m.chair == SeatRef("halmstad", "kommundirektor")
    assert m.convened_by == "sekretariatet"
    assert m.notice_date == date(2025, 1, 28)
    assert m.attendees == (SeatRef("halmstad", "kommundirektor"), SeatRef("falkenberg", "kommundirektor"),
                           SeatRef("laholm", "kommundirektor"))
    (matter,) = m.matters
    assert (matter.id, matter.title, matter.type, matter.action, matter.outcome, matter.participants) == (
        "upphandling-it", "Gemensam upphandling av IT-stöd", "budget", "prepare", "consensus",
        ("halmstad", "laholm"))


def test_actions_and_outcomes_are_the_models_own_strings():
    """A calendar repeats a few actions and outcomes on every matter: each is the model's one string
    (ACTIONS, OUTCOMES), not a copy per matter, so the checks compare them at once."""
    from governance.calendar.model import ACTIONS, OUTCOMES
    cal = parse_calendar(DESIGN_EXAMPLE, "calendar.yaml")
    (matter,) = cal.meetings[0].matters
    assert matter.action is ACTIONS[ACTIONS.index("prepare")]
    assert matter.outcome is OUTCOMES[OUTCOMES.index("consensus")]


def test_spans_point_at_the_lines_of_meetings_and_matters():
    cal = parse_calendar(DESIGN_EXAMPLE, "calendar.yaml")
    (m,) = cal.meetings
    assert (m.span.file, m.span.line, m.span.col) == ("calendar.yaml", 5, 5)
    assert m.matters[0].span.line == 13
    assert DESIGN_EXAMPLE[m.span.start:].startswith("id: rg-2025-1")


def test_defaults_and_optional_keys():
    cal = parse_calendar("meetings:\n  - {id: a, body: styrgruppen, date: 2025-05-12,"
                         " matters: [{id: x}], chair: samordnare}\n", "c.yaml")
    (m,) = cal.meetings
    assert cal.bylaw is None and cal.roster == ()
    assert m.chair == SeatRef(None, "samordnare")
    assert m.matters[0].action == "decide" and m.matters[0].outcome is None
    assert m.attendees == () and m.notice_date is None and m.convened_by is None


@pytest.mark.parametrize("text, day, start", [
    ("2025-02-11", date(2025, 2, 11), None),
    ("2025-02-11T13:30", date(2025, 2, 11), datetime(2025, 2, 11, 13, 30)),
    ("2025-02-11 13:30:00", date(2025, 2, 11), datetime(2025, 2, 11, 13, 30)),
    ('"2025-02-11"', date(2025, 2, 11), None),
    # an offset is converted to Swedish wall-clock time (CET in February, CEST in June)
    ("2025-02-11T12:00Z", date(2025, 2, 11), datetime(2025, 2, 11, 13, 0)),
    ("2025-06-11T23:30+00:00", date(2025, 6, 12), datetime(2025, 6, 12, 1, 30)),
])
def test_dates_and_date_times(text, day, start):
    (m,) = parse_calendar(f"meetings:\n  - id: a\n    body: styrgruppen\n    date: {text}\n").meetings
    assert (m.date, m.start) == (day, start)


def test_plain_numbers_are_ids_and_titles_as_written():
    (m,) = parse_calendar("meetings:\n  - id: 2025\n    body: styrgruppen\n    date: 2025-05-12\n"
                          "    matters: [{id: 7, title: 2026}]\n").meetings
    assert m.id == "2025" and m.matters[0].id == "7" and m.matters[0].title == "2026"


def test_aliases_within_budget_are_allowed():
    text = ("meetings:\n"
        "  - {id: a, body: referensgruppen, date: 2025-02-11, attendees: &rg [halmstad/kommundirektor,"
        " laholm/kommundirektor]}\n"
        "  - {id: b, body: referensgruppen, date: 2025-04-08, attendees: *rg}\n")
    a, b = parse_calendar(text).meetings
    assert a.attendees == b.attendees == (SeatRef("halmstad", "kommundirektor"), SeatRef("laholm", "kommundirektor"))


def test_an_entry_reads_the_same_whatever_was_read_before():
    # The reader keeps the holders of entries it has read (a calendar repeats them): what a text means in
    # `attendees` must not depend on where it was read first. `3xhalmstad` is a seat reference as a chair
    # and three holders of `halmstad` as an attendee.
    first = "    chair: 3xhalmstad\n    attendees: [3xhalmstad, halmstad/kso, halmstad/kso]\n"
    text = ("meetings:\n  - id: a\n    body: styrgruppen\n    date: 2025-02-11\n" + first
            + "  - id: b\n    body: styrgruppen\n    date: 2025-02-12\n    attendees: [3xhalmstad, halmstad/kso]\n")
    a, b = parse_calendar(text).meetings
    assert a.chair == SeatRef(None, "3xhalmstad")
    assert [str(s) for s in a.attendees] == ["halmstad"] * 3 + ["halmstad/kso"] * 2
    assert [str(s) for s in b.attendees] == ["halmstad"] * 3 + ["halmstad/kso"]


def test_a_chair_or_convener_read_before_is_the_same_holder_in_who_was_there():
    # A chair's and a convener's holders are kept for the next meeting too: a person read as a chair is
    # still listed once in `attendees`, and the same convener reads the same in every meeting.
    text = ("roster:\n  Anna Berg: halmstad/kso\nmeetings:\n"
            "  - {id: a, body: styrgruppen, date: 2025-02-11, chair: Anna Berg, convened_by: sekretariatet,"
            " attendees: [Anna Berg, laholm/kso]}\n"
            "  - {id: b, body: styrgruppen, date: 2025-02-12, convened_by: sekretariatet,"
            " attendees: [Anna Berg, Anna Berg]}\n")
    with pytest.raises(CalendarError) as exc:
        parse_calendar(text, "c.yaml")
    assert [(i.line, i.message) for i in exc.value.issues] == [
        (5, "Anna Berg is listed twice in attendees (first on line 5)")]
    a, b = parse_calendar(text.replace("[Anna Berg, Anna Berg]", "[Anna Berg]")).meetings
    assert a.chair == a.attendees[0] == b.attendees[0] == SeatRef("halmstad", "kso")
    assert a.chair_person == "Anna Berg" and [p.person for p in a.present] == ["Anna Berg", None]
    assert a.convened_by == b.convened_by == "sekretariatet"


def test_model_is_frozen():
    cal = parse_calendar(DESIGN_EXAMPLE)
    with pytest.raises(AttributeError):
        cal.meetings[0].id = "other"  # type: ignore[misc]


def test_read_dispatches_on_suffix(tmp_path):
    path = tmp_path / "c.yml"
    path.write_text(DESIGN_EXAMPLE, encoding="utf-8")
    assert read(path) == read_calendar(path)
    assert read(path).path == str(path)


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_calendar_reads(path):
    if path.name.endswith("-mapping.yaml"):
        pytest.skip("a mapping file, not a calendar")
    if path.name.endswith("-roster.yaml"):
        pytest.skip("a roster file shared by calendars, not a calendar")
    cal = read(path)
    assert cal.meetings
    assert len({m.id for m in cal.meetings}) == len(cal.meetings)


def test_errors_are_collected_not_stopped_at_the_first():
    text = ("meetings:\n  - {id: a, body: Styrgruppen, date: 2025-02-30}\n"
            "  - {id: a, body: styrgruppen, date: 2025-03-01, colour: red}\n")
    with pytest.raises(CalendarError) as info:
        parse_calendar(text, "c.yaml")
    assert [i.line for i in info.value.issues] == [2, 2, 3, 3]
    assert all(str(i).startswith("c.yaml:") and ": error: " in str(i) for i in info.value.issues)
