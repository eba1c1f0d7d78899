"""The iCalendar reader: events → meetings through a mapping file, recurring events expanded."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from governance.calendar import CalendarError, read
from governance.calendar.ics_reader import parse_ics, read_ics
from governance.calendar.mapping import Mapping, find_mapping, read_mapping
from governance.model.types import SeatRef

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "laholmsbukten-2025.ics"

MAPPING = Mapping(
    "m.yaml", "laholmsbukten",
    bodies=(("Styrgruppen", "styrgruppen"), ("Referensgruppen", "referensgruppen"),
            ("Styrgruppen extra", "referensgruppen")),
    people=(("Anna Svensson", SeatRef("halmstad", "kso")), ("bo@laholm.se", SeatRef("laholm", "kso")),
            ("sekretariatet@halmstad.se", SeatRef(None, "sekretariatet"))))


def ics(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//SV\r\n{body}END:VCALENDAR\r\n"


def ev(*lines: str) -> str:
    return "\r\n".join(lines)


def test_outlook_example_reads_with_its_mapping_found_beside_it():
    cal = read(EXAMPLE)
    assert cal.bylaw == "laholmsbukten"
    assert [(m.body, m.date) for m in cal.meetings] == [
        ("referensgruppen", date(2025, 2, 11)), ("styrgruppen", date(2025, 3, 13)),
        ("referensgruppen", date(2025, 5, 13)), ("referensgruppen", date(2025, 9, 9)),  # moved from 12 Aug
        ("styrgruppen", date(2025, 10, 16)), ("referensgruppen", date(2025, 11, 11))]
    first = cal.meetings[0]
    assert first.start == datetime(2025, 2, 11, 9, 0)  # W. Europe Standard Time → Swedish wall clock
    assert first.chair == SeatRef("halmstad", "kommundirektor")  # ATTENDEE;ROLE=CHAIR
    assert first.convened_by == "sekretariatet"  # ORGANIZER through people:
    assert first.notice_date == date(2025, 1, 28)
    assert [m.id for m in first.matters] == ["upphandling-it", "kompetensforsorjning"]
    assert first.matters[0].type == "budget" and first.matters[0].participants == ("halmstad", "hylte", "laholm")
    moved = cal.meetings[3]
    assert moved.id.endswith("-20250812")  # the occurrence keeps the id of its original date
    sg = cal.meetings[1]
    assert SeatRef("hylte", "opposition") not in sg.attendees  # declined
    assert len(sg.attendees) == 9
    assert [m.outcome for m in sg.matters] == ["consensus", "consensus"]


def test_unmapped_event_is_a_warning_with_its_line():
    cal = read(EXAMPLE)
    (warning,) = cal.unmapped
    assert warning.severity == "warning" and "Studiebesök Kattegattleden" in warning.message
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[warning.line - 1].startswith("SUMMARY;LANGUAGE=sv-SE:Studiebesök")


def test_strict_turns_unmapped_into_errors():
    with pytest.raises(CalendarError) as info:
        read_ics(EXAMPLE, strict=True)
    assert any("Studiebesök" in i.message for i in info.value.issues)


def test_the_example_checks_like_its_yaml_twin():
    yaml_cal = read(ROOT / "examples" / "laholmsbukten-2025.yaml")
    ics_cal = read(EXAMPLE)
    assert sorted((m.body, m.date.month) for m in ics_cal.meetings if m.body == "styrgruppen") == \
        sorted((m.body, m.date.month) for m in yaml_cal.meetings if m.body == "styrgruppen")


def test_recurrence_expands_over_the_years_present_or_a_window():
    text = ics(ev("UID:r1", "DTSTART:20250107T090000", "RRULE:FREQ=MONTHLY;BYDAY=1TU",
                  "SUMMARY:Referensgruppen", "EXDATE:20250304T090000"))
    cal = parse_ics(text, "c.ics", MAPPING)
    assert len(cal.meetings) == 11  # the year of DTSTART, less one EXDATE
    assert cal.meetings[0].id == "r1-20250107"
    cal = parse_ics(text, "c.ics", MAPPING, window=(date(2025, 1, 1), date(2026, 6, 30)))
    assert len(cal.meetings) == 17


def test_cancelled_events_are_cancelled_meetings_never_dropped():
    text = ics(ev("UID:a", "DTSTART:20250211T090000", "SUMMARY:Styrgruppen", "STATUS:CANCELLED"),
               ev("UID:b", "DTSTART:20250311T090000", "SUMMARY:Styrgruppen"))
    assert [(m.id, m.status) for m in parse_ics(text, "c.ics", MAPPING).meetings] == [
        ("a", "cancelled"), ("b", None)]


def test_a_cancellation_cancels_every_event_it_holds():
    """Outlook saves a cancelled meeting's message as METHOD:CANCEL, often without STATUS:CANCELLED."""
    text = ics(ev("UID:a", "DTSTART:20250211T090000", "SUMMARY:Inställt: Styrgruppen"),
               ev("UID:b", "DTSTART:20250311T090000", "SUMMARY:Styrgruppen", "SEQUENCE:2"))
    cancel = text.replace("VERSION:2.0\r\n", "VERSION:2.0\r\nMETHOD:CANCEL\r\n")
    assert [m.status for m in parse_ics(cancel, "c.ics", MAPPING).meetings] == ["cancelled", "cancelled"]
    published = text.replace("VERSION:2.0\r\n", "VERSION:2.0\r\nMETHOD:PUBLISH\r\n")
    assert [m.status for m in parse_ics(published, "c.ics", MAPPING).meetings] == [None, None]


def test_a_meeting_on_new_years_day_written_in_utc_is_read():
    # 2025-12-31 23:30 UTC is 2026-01-01 00:30 in Sweden: the year read is the year of the Swedish date.
    text = ics(ev("UID:a", "DTSTART:20251231T233000Z", "SUMMARY:Styrgruppen"))
    assert [(m.date, m.start) for m in parse_ics(text, "c.ics", MAPPING).meetings] == [
        (date(2026, 1, 1), datetime(2026, 1, 1, 0, 30))]


def test_body_by_category_first_then_longest_summary_match():
    text = ics(ev("UID:a", "DTSTART:20250211", "SUMMARY:Möte", "CATEGORIES:Styrgruppen,Blå kategori"),
               ev("UID:b", "DTSTART:20250212", "SUMMARY:Styrgruppen extra möte"),
               ev("UID:c", "DTSTART:20250213", "SUMMARY:STYRGRUPPEN"))
    cal = parse_ics(text, "c.ics", MAPPING)
    assert [(m.id, m.body, m.start) for m in cal.meetings] == [
        ("a", "styrgruppen", None), ("b", "referensgruppen", None), ("c", "styrgruppen", None)]


def test_people_by_name_or_email_and_organizer_as_convener_or_chair():
    event = ev("UID:a", "DTSTART:20250211T090000Z", "SUMMARY:Styrgruppen",
               'ORGANIZER;CN=Sekretariatet:mailto:SEKRETARIATET@halmstad.se',
               'ATTENDEE;CN="Anna Svensson":mailto:anna@halmstad.se',
               "ATTENDEE;CN=Bo:mailto:bo@laholm.se",
               "ATTENDEE;CUTYPE=ROOM;CN=Sal 1:mailto:sal1@halmstad.se",
               "ATTENDEE;CN=Okänd:mailto:okand@x.se")
    cal = parse_ics(ics(event), "c.ics", MAPPING)
    (m,) = cal.meetings
    assert m.start == datetime(2025, 2, 11, 10, 0)  # UTC → CET
    assert m.attendees == (SeatRef("halmstad", "kso"), SeatRef("laholm", "kso"))
    assert m.convened_by == "sekretariatet" and m.chair is None
    assert [w.message for w in cal.unmapped] == [
        "attendee Okänd <okand@x.se> holds no known seat; add them under people: in m.yaml"]
    assert cal.unmapped[0].text("sv").endswith(  # Swedish through and through, as Outlook names an attendee
        "varning: deltagaren Okänd <okand@x.se> har ingen känd plats; lägg till personen under people: i m.yaml")
    as_chair = Mapping(MAPPING.path, bodies=MAPPING.bodies, people=MAPPING.people, organizer="chair")
    (m,) = parse_ics(ics(event), "c.ics", as_chair).meetings
    assert m.chair == SeatRef(None, "sekretariatet") and m.convened_by is None


def test_without_a_mapping_categories_name_bodies(tmp_path):
    path = tmp_path / "egen.ics"
    path.write_text(ics(ev("UID:a", "DTSTART:20250211", "CATEGORIES:Referensgruppen"),
                        ev("UID:b", "DTSTART:20250212", "SUMMARY:Lunch")), encoding="utf-8")
    cal = read(path)
    assert [(m.id, m.body) for m in cal.meetings] == [("a", "referensgruppen")]
    assert "no mapping file" in cal.unmapped[0].message


def test_description_lines_carry_matters():
    desc = (r"DESCRIPTION:Välkomna!\nprepare: a (budget) Budget 2026 [halmstad\, laholm]\n"
            r"decide/majority: b\nInform: c Rapport\nPlats: Stadshuset")
    (m,) = parse_ics(ics(ev("UID:x", "DTSTART:20250211", "SUMMARY:Styrgruppen", desc)), "c.ics",
                     MAPPING).meetings
    assert [(x.id, x.action, x.outcome, x.type, x.title, x.participants) for x in m.matters] == [
        ("a", "prepare", None, "budget", "Budget 2026", ("halmstad", "laholm")),
        ("b", "decide", "majority", None, None, ()),
        ("c", "inform", None, None, "Rapport", ())]


def test_description_lines_carry_the_minutes():
    """A protokoll's justering, justerare and anslag (one per member for a gemensam nämnd) travel in the
    DESCRIPTION as the writer puts them, so a calendar written as .ics is judged on the same minutes."""
    from governance.calendar.ics_writer import to_ics
    from governance.calendar.model import Anslag, Calendar, Meeting, Minutes
    import governance
    minutes = Minutes(justering=date(2022, 6, 22), justerare=("Anna Berg", "Ivar Lind"),
                      anslag=(Anslag(date(2022, 6, 23), "lidkoping"), Anslag(date(2022, 6, 24), "vara")))
    meeting = Meeting("rn-1", "raddningsnamnden", date(2022, 6, 15), attendees=(SeatRef("vara", "ledamot"),),
                      minutes=minutes)
    text = to_ics(Calendar(path="c.yaml", meetings=(meeting,)), governance.load("lidkoping-raddningsnamnd"),
                  stamp=datetime(2022, 1, 1))
    (back,) = parse_ics(text, "c.ics", Mapping("m.yaml", bodies=(("raddningsnamnden", "raddningsnamnden"),))).meetings
    assert back.minutes == minutes
    one = r"DESCRIPTION:justering: 2025-02-18\nanslag: 2025-02-19"
    (m,) = parse_ics(ics(ev("UID:x", "DTSTART:20250211", "SUMMARY:Styrgruppen", one)), "c.ics", MAPPING).meetings
    assert m.minutes == Minutes(justering=date(2025, 2, 18), anslag=(Anslag(date(2025, 2, 19)),))
    bad = r"DESCRIPTION:justering: 18 februari\nanslag: Vara Kommun 2025-02-19"
    with pytest.raises(CalendarError) as caught:
        parse_ics(ics(ev("UID:x", "DTSTART:20250211", "SUMMARY:Styrgruppen", bad)), "c.ics", MAPPING)
    said = str(caught.value)
    assert "justering date '18 februari' is not an ISO date" in said and "member id" in said


def test_mapping_file_is_found_beside_the_calendar(tmp_path):
    (tmp_path / "kommun-2026.ics").write_text("x")
    assert find_mapping(tmp_path / "kommun-2026.ics") is None
    (tmp_path / "kommun-mapping.yaml").write_text("bodies: {A: a}\n")
    assert find_mapping(tmp_path / "kommun-2026.ics") == tmp_path / "kommun-mapping.yaml"
    (tmp_path / "kommun-2026-mapping.yaml").write_text("bodies: {A: a}\n")
    assert find_mapping(tmp_path / "kommun-2026.ics") == tmp_path / "kommun-2026-mapping.yaml"


def test_example_mapping_reads():
    m = read_mapping(ROOT / "examples" / "laholmsbukten-mapping.yaml")
    assert m.bylaw == "laholmsbukten" and m.organizer == "convened_by"
    assert m.body_for("Möte i referensgruppen") == "referensgruppen"
    assert m.seat_for(None, "KOMMUNDIREKTOR@LAHOLM.SE") == SeatRef("laholm", "kommundirektor")


def test_a_mapping_is_only_for_ics(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("meetings: []\n")
    with pytest.raises(CalendarError):
        read(path, mapping=ROOT / "examples" / "laholmsbukten-mapping.yaml")


def test_an_explicit_mapping_overrides_the_one_beside(tmp_path):
    mapping = tmp_path / "other.yaml"
    mapping.write_text("bylaw: laholmsbukten\nbodies:\n  Studiebesök: referensgruppen\n", encoding="utf-8")
    cal = read(EXAMPLE, mapping=mapping)
    assert [m.body for m in cal.meetings] == ["referensgruppen"]


def test_a_series_is_read_to_its_end_not_only_the_year_it_starts_in():
    # A standing meeting set up in the autumn for the coming year: its 2026 meetings are meetings too.
    until = ev("UID:u", "DTSTART;TZID=Europe/Stockholm:20250901T090000", "SUMMARY:Styrgruppen",
               "RRULE:FREQ=MONTHLY;BYDAY=1MO;UNTIL=20260630T070000Z")
    count = ev("UID:c", "DTSTART:20251104T090000", "SUMMARY:Referensgruppen", "RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=6")
    cal = parse_ics(ics(until, count), "c.ics", MAPPING)
    assert [m.date for m in cal.meetings if m.body == "styrgruppen"][-1] == date(2026, 6, 1)
    assert len([m for m in cal.meetings if m.body == "styrgruppen"]) == 10
    assert [m.date for m in cal.meetings if m.body == "referensgruppen"] == [
        date(2025, 11, 4), date(2025, 12, 2), date(2026, 1, 6), date(2026, 2, 3), date(2026, 3, 3), date(2026, 4, 7)]
    assert cal.unmapped == ()


def test_a_series_without_end_is_read_through_the_year_checked_and_says_so():
    text = ics(ev("UID:s", "DTSTART:20240115T090000", "SUMMARY:Referensgruppen", "RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=3MO"))
    cal = parse_ics(text, "c.ics", MAPPING, through=2026)
    assert [m.date.year for m in cal.meetings] == [2024] * 4 + [2025] * 4 + [2026] * 4
    (warning,) = cal.unmapped
    assert warning.message == "event 'Referensgruppen' recurs without an end; its meetings after 2026 are not read"
    assert warning.line == 8  # the RRULE
    # Without a year to read to, the file's own years, and the warning says so.
    cal = parse_ics(text, "c.ics", MAPPING)
    assert {m.date.year for m in cal.meetings} == {2024}
    assert cal.unmapped[0].message.endswith("after 2024 are not read")


def test_check_reads_a_standing_meeting_into_the_year_checked(tmp_path, capsys):
    from governance.cli import main
    path = tmp_path / "sekretariatet.ics"
    path.write_text(ics(ev("UID:s", "DTSTART;TZID=Europe/Stockholm:20240116T090000", "SUMMARY:Referensgruppen",
                           "RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=3TU"),
                        ev("UID:t", "DTSTART;TZID=Europe/Stockholm:20250916T130000", "SUMMARY:Styrgruppen",
                           "RRULE:FREQ=MONTHLY;INTERVAL=6;BYDAY=3TU;UNTIL=20261231T000000Z")), encoding="utf-8")
    (tmp_path / "sekretariatet-mapping.yaml").write_text(
        "bylaw: laholmsbukten\nbodies:\n  Referensgruppen: referensgruppen\n  Styrgruppen: styrgruppen\n",
        encoding="utf-8")
    code = main(["check", "laholmsbukten", str(path), "--year", "2026", "--as-of", "2026-12-31", "--format", "json"])
    out, err = capsys.readouterr()
    import json
    report = json.loads(out)
    assert report["checked"] == 6 and not [f for f in report["findings"] if f["rule"] == "meeting-minimum"], out
    assert "återkommer utan slutdatum; dess sammanträden efter 2026 läses inte" in err
    assert code in (0, 1)


def test_a_series_that_maps_to_no_body_is_said_once_and_not_expanded():
    """A secretary's own daily lunch in the export is no meeting: it costs nothing of the limits."""
    from governance.limits import Limits
    text = ics(ev("UID:lunch", "DTSTART:20250102T120000", "SUMMARY:Lunch", "RRULE:FREQ=DAILY"),
               ev("UID:a", "DTSTART:20250211T090000", "SUMMARY:Styrgruppen"))
    cal = parse_ics(text, "c.ics", MAPPING, limits=Limits(max_occurrences=100), through=2026)
    assert [m.id for m in cal.meetings] == ["a"]
    assert [w.message for w in cal.unmapped] == [
        "event 'Lunch' maps to no body; it is left out. Add its summary or category under bodies: in m.yaml"]


def test_too_many_occurrences_is_said_in_swedish():
    from governance.limits import Limits
    text = ics(ev("UID:d", "DTSTART:20250102T090000", "SUMMARY:Styrgruppen", "RRULE:FREQ=DAILY;COUNT=50"))
    with pytest.raises(CalendarError) as info:
        parse_ics(text, "c.ics", MAPPING, limits=Limits(max_occurrences=10))
    assert info.value.text("sv") == ("c.ics:8: fel: för mycket arbete: kalendern har fler än 10 sammanträden i "
                                     "perioden (upprepningar räknade); läs en kortare period")

    # A Swedish reader takes "10,000" for ten: thousands are spaced.
    text = ics(ev("UID:d", "DTSTART:20250102T090000", "SUMMARY:Styrgruppen", "RRULE:FREQ=DAILY;COUNT=1500"))
    with pytest.raises(CalendarError) as info:
        parse_ics(text, "c.ics", MAPPING, limits=Limits(max_occurrences=1000))
    assert "kalendern har fler än 1 000 sammanträden i perioden" in info.value.text("sv")
    assert "more than 1,000 meetings" in info.value.text("en")
