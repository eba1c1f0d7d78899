"""Malformed calendars: each gives one CalendarError listing every problem with its line — never another
exception, never a traceback at the command line. Expected messages are golden files beside each case, in
Swedish (tests/golden/calendar_errors/CASE.txt, what the command prints by default) and in English
(CASE.en.txt, `--lang en`), regenerated with UPDATE_GOLDEN=1 and reviewed in `git diff`."""
from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.calendar import CalendarError, read
from governance.calendar.ics_reader import parse_ics
from governance.calendar.swedish import swedish
from governance.calendar.yaml_reader import parse_calendar
from governance.cli import main
from golden_file import assert_golden

CASES = Path(__file__).resolve().parent / "golden" / "calendar_errors"
INPUTS = sorted(p for p in CASES.iterdir()
                if p.suffix in (".yaml", ".ics") and not p.name.endswith(".mapping.yaml"))


def test_there_are_at_least_twenty_cases_of_each_kind_together():
    assert len(INPUTS) >= 20
    assert any(p.suffix == ".ics" for p in INPUTS) and any(p.suffix == ".yaml" for p in INPUTS)


def _read_error(path: Path, monkeypatch) -> CalendarError:
    monkeypatch.chdir(CASES)  # messages then name the file as a user would type it
    with pytest.raises(CalendarError) as info:
        read(path.name)
    return info.value


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_malformed_calendar_matches_golden(path, monkeypatch):
    error = _read_error(path, monkeypatch)
    assert_golden(path.with_suffix(path.suffix + ".txt"), error.text("sv") + "\n")
    assert_golden(path.with_suffix(path.suffix + ".en.txt"), error.text("en") + "\n")
    assert str(error) == error.text("en")


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_every_message_of_the_cases_is_said_in_swedish(path, monkeypatch):
    """The Swedish catalogue knows every message the cases give (no English inside a Swedish report), and
    carries over what the user wrote: the quoted values of the English message are in the Swedish one."""
    import re
    for issue in _read_error(path, monkeypatch).issues:
        said = swedish(issue.message)
        assert said is not None, issue.message
        assert said == issue.said("sv") and issue.said("en") == issue.message
        for quoted in re.findall(r"'([^']*)'", issue.message):
            assert f"'{quoted}'" in said, (issue.message, said)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_every_issue_points_at_a_line_of_its_file(path, monkeypatch):
    error = _read_error(path, monkeypatch)
    assert error.issues
    for issue in error.issues:
        target = CASES / issue.file
        lines = max(1, target.read_bytes().count(b"\n") + (not target.read_bytes().endswith(b"\n")))
        assert 1 <= issue.line <= lines, str(issue)
        assert str(issue) == f"{issue.file}:{issue.line}: error: {issue.message}"
        assert "\n" not in issue.message


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_check_command_exits_2_without_a_traceback(path, monkeypatch, capsys):
    monkeypatch.chdir(CASES)
    status = main(["check", "laholmsbukten", path.name])
    out, err = capsys.readouterr()
    assert status == 2
    assert "Traceback" not in out + err and "internal error" not in out + err
    assert f"{path.name}:" in err or ".mapping.yaml:" in err
    assert ": fel: " in err and ": error: " not in err  # Swedish by default …
    assert main(["check", "laholmsbukten", path.name, "--lang", "en"]) == 2
    assert ": error: " in capsys.readouterr().err  # … English on request


# ---- hostile input: refused, and not after a hang -------------------------------------------------
# A bound that only a hang exceeds, even on a loaded 2-core machine; how fast refusals are is the bench's job.
HANG = 20.0


def _timed(fn):
    started = time.perf_counter()
    try:
        fn()
    except CalendarError as exc:
        return time.perf_counter() - started, exc
    raise AssertionError("expected CalendarError")


def test_a_50_mb_file_is_refused_within_a_second(tmp_path):
    path = tmp_path / "huge.yaml"
    block = "  - {id: m, body: styrgruppen, date: 2025-03-13}\n" * 20_000
    with path.open("w") as f:
        f.write("meetings:\n")
        while f.tell() < 50 * 1024 * 1024:
            f.write(block)
        f.truncate(50 * 1024 * 1024)
    elapsed, exc = _timed(lambda: read(path))
    assert elapsed < HANG
    assert str(exc) == f"{path}:1: error: calendar is 50 MB; the limit is 10 MB"


def test_a_50_mb_ics_is_refused_within_a_second(tmp_path):
    path = tmp_path / "huge.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\n" + b"X-PAD:" + b"x" * (50 * 1024 * 1024) + b"\r\nEND:VCALENDAR\r\n")
    elapsed, exc = _timed(lambda: read(path))
    assert elapsed < HANG and "the limit is 10 MB" in str(exc)


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    lines.append(f"meetings: [{{id: x, body: styrgruppen, date: 2025-03-13, attendees: *a{levels - 1}}}]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_is_refused_within_a_second(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb(), encoding="utf-8")
    elapsed, exc = _timed(lambda: read(path))
    assert elapsed < HANG
    (issue,) = exc.issues
    assert "alias" in issue.message and issue.line == 5  # where the budget ran out, before anything is built


def test_an_alias_bomb_inside_the_meetings_is_refused_too():
    text = _alias_bomb().replace("a0:", "meetings_a0:", 1)
    elapsed, exc = _timed(lambda: parse_calendar("x:\n" + "".join("  " + line + "\n" for line in text.splitlines())))
    assert elapsed < HANG and any("alias" in i.message for i in exc.issues)


@pytest.mark.parametrize("text", ["[" * 200_000 + "]" * 200_000, "- " * 200_000 + "x\n",
                                  "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 300))])
def test_deep_nesting_is_refused_not_crashed(text):
    elapsed, exc = _timed(lambda: parse_calendar(text, "deep.yaml"))
    assert elapsed < HANG
    assert "nests deeper" in str(exc)


# ---- any text: a calendar or a CalendarError, never anything else --------------------------------
_YAML_BITS = st.sampled_from([
    "meetings:", "\n", "  - ", "id: ", "body: ", "date: ", "2025-02-11", "2025-02-30", "matters:", "[", "]",
    "{", "}", ", ", ": ", "styrgruppen", "halmstad/kso", "&a ", "*a", "!!str ", "!x ", "'", '"', "#", "---",
    "    ", "action: ", "decide", "outcome: ", "attendees: ", "roster:", "?", "|", ">", "~", "null", "\t"])
_ICS_BITS = st.sampled_from([
    "BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "UID:a", "UID:b", "DTSTART:20250211",
    "DTSTART:20250230T100000", "DTSTART;TZID=Europe/Stockholm:20250211T090000", "RRULE:FREQ=WEEKLY;COUNT=3",
    "RRULE:FREQ=NEVER", "RECURRENCE-ID:20250218", "CATEGORIES:styrgruppen", "SUMMARY:Styrgruppen",
    "STATUS:CANCELLED", "ATTENDEE;CN=A:mailto:a@x.se", "DESCRIPTION:decide: x (t) T [halmstad]",
    "DESCRIPTION:decide/yes:", "EXDATE:20250218", " folded", "garbage", "X-A;B=\"c:d\":e"])


def _reads_or_calendar_error(fn, text):
    try:
        fn(text)
    except CalendarError as exc:
        assert exc.issues
        total = len(re.split("\r\n|\r|\n|\x85|\u2028|\u2029", text))  # YAML's line breaks
        assert all(1 <= i.line <= total for i in exc.issues), [str(i) for i in exc.issues]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_as_yaml_reads_or_raises_calendar_error(text):
    _reads_or_calendar_error(lambda t: parse_calendar(t, "c.yaml"), text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_YAML_BITS, max_size=40).map("".join))
def test_yaml_like_text_reads_or_raises_calendar_error(text):
    _reads_or_calendar_error(lambda t: parse_calendar(t, "c.yaml"), text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ICS_BITS, max_size=25).map(lambda parts: "\r\n".join(["BEGIN:VCALENDAR", *parts])))
def test_ics_like_text_reads_or_raises_calendar_error(text):
    _reads_or_calendar_error(lambda t: parse_ics(t, "c.ics"), text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_as_ics_reads_or_raises_calendar_error(text):
    _reads_or_calendar_error(lambda t: parse_ics(t, "c.ics"), text)


@pytest.mark.slow
def test_an_endless_rrule_every_minute_is_refused_within_seconds():
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250101T000000\r\n"
            "RRULE:FREQ=MINUTELY\r\nCATEGORIES:styrgruppen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    elapsed, exc = _timed(lambda: parse_ics(text, "c.ics"))
    assert elapsed < HANG
    assert [(i.line, "recurs every minute" in i.message) for i in exc.issues] == [(7, True)]


def test_a_daily_rrule_over_decades_stops_at_the_occurrence_limit():
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250101T000000\r\n"
            "RRULE:FREQ=DAILY\r\nCATEGORIES:styrgruppen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    elapsed, exc = _timed(lambda: parse_ics(text, "c.ics", window=(date(2025, 1, 1), date(2070, 12, 31))))
    assert elapsed < HANG
    assert [(i.line, "more than 10,000 meetings" in i.message) for i in exc.issues] == [(7, True)]
