"""Fuzz targets: one function per reader, each taking the bytes of one file, and the oracle they share.

A target passes an input when the library either accepts it or refuses it with its own error
(`BylawError` diagnostics, `CalendarError` issues) whose every location lies inside the input: a file the
target gave it and a line between 1 and the file's last line. Anything else is a crash: another exception,
a refusal without a location, a location outside the input. Hangs and memory are bounded by the driver
(run.py: libFuzzer's -timeout and -rss_limit_mb), not here.

Each target writes the input to a file in a private temporary folder and reads it through the same entry
point the command line uses, so size limits, decoding and the bylaw's own folder are fuzzed too. The same
functions run without atheris: tests/test_fuzz.py replays every seed and every regression input through
them.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from governance.calendar import read as read_calendar
from governance.calendar.errors import CalendarError
from governance.calendar.ics_reader import read_ics
from governance.calendar.mapping import read_mapping
from governance.check import check_calendar
from governance.diagnostics import Severity, render_text as render_diagnostics
from governance.drafting.lint import lint
from governance.loader import Loader, load, shipped_dir, shipped_ids
from governance.syntax.printer import print_bylaw
from governance.report.render_json import render_json
from governance.report.render_text import render_text as render_report

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 1, 1)  # a fixed day: the check judges partial years as of it, and the result must not drift
ICS_EXAMPLE = ROOT / "examples" / "laholmsbukten-2025.ics"
MAPPING_EXAMPLE = ROOT / "examples" / "laholmsbukten-mapping.yaml"
DEFAULT_BYLAW = "laholmsbukten"


class FuzzFailure(AssertionError):
    """The oracle's verdict on an input: the library answered it in a way a user must never see."""


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable[[bytes], None]
    doc: str
    seeds: Callable[[], list[Path]]
    tokens: tuple[str, ...] = ()


# ---- the oracle ---------------------------------------------------------------------------------------

def _last_line(data: bytes) -> int:
    """The most lines any reader may count in `data`: YAML and iCalendar also break lines at a lone CR,
    YAML at NEL/LS/PS, so the bound is the larger of the byte count and Python's own line splitting."""
    text = data.decode("utf-8", "replace")
    return max(len(text.splitlines()), data.count(b"\n") + data.count(b"\r")) + 1


def _check_calendar_error(exc: CalendarError, inputs: dict[str, bytes]) -> None:
    if not exc.issues:
        raise FuzzFailure(f"CalendarError without an issue: {exc!r}")
    for issue in exc.issues:
        if issue.file not in inputs:
            raise FuzzFailure(f"issue names a file that is not the input: {issue}")
        if not 1 <= issue.line <= _last_line(inputs[issue.file]):
            raise FuzzFailure(f"issue at line {issue.line}, outside the input: {issue}")
        if not issue.message.strip():
            raise FuzzFailure(f"issue without a message: {issue!r}")


def _check_diagnostics(diagnostics: Iterable, path: str, data: bytes, sources: dict) -> None:
    rules = str(shipped_dir("rules"))
    for d in diagnostics:
        if d.span.file == path:
            bound = _last_line(data)
        elif d.span.file.startswith(rules):  # an imported shipped module: a place the user can open too
            bound = _last_line(Path(d.span.file).read_bytes())
        else:
            raise FuzzFailure(f"diagnostic names a file that is not the input: {d.span}: {d.message}")
        if not 1 <= d.span.line <= bound or d.span.col < 0:
            raise FuzzFailure(f"diagnostic at {d.span.line}:{d.span.col}, outside the input: {d.message}")
        if not d.message.strip():
            raise FuzzFailure(f"diagnostic without a message: {d!r}")
    render_diagnostics(diagnostics, sources)  # what the user reads: the source line and its caret


# ---- where inputs are written -------------------------------------------------------------------------

_folder: Path | None = None


def _scratch(name: str, data: bytes) -> Path:
    """`data` written to `name` in this process's own temporary folder (removed when the process ends)."""
    global _folder
    if _folder is None:
        holder = tempfile.TemporaryDirectory(prefix="governance-fuzz-")
        _scratch.holder = holder  # kept alive for the process; its finalizer removes the folder
        _folder = Path(holder.name)
    path = _folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    return path


# ---- the targets --------------------------------------------------------------------------------------

def fuzz_bylaw(data: bytes) -> None:
    """`governance lint FILE`: read, parse, build the model, resolve imports against rules/, every lint pass."""
    path = _scratch("fuzzed.bylaw", data)
    analysis = lint(path)
    _check_diagnostics(analysis.diagnostics, str(path), data, analysis.sources)
    errors = any(d.severity is Severity.ERROR for d in analysis.diagnostics)
    if analysis.bylaw is None and not errors:
        raise FuzzFailure("the bylaw could not be built, yet no error says why")
    if analysis.bylaw is not None and not errors:
        # `governance fmt`: what it writes must load again, and formatting that changes nothing
        printed = print_bylaw(analysis.bylaw)
        again = Loader().analyse_text(printed, str(path))
        if again.bylaw is None or any(d.severity is Severity.ERROR for d in again.diagnostics):
            raise FuzzFailure("fmt's output does not load:\n" + render_diagnostics(again.diagnostics, again.sources))
        if print_bylaw(again.bylaw) != printed:
            raise FuzzFailure("fmt is not idempotent: formatting its own output changes it")


def fuzz_yaml(data: bytes) -> None:
    """The YAML calendar reader (`governance check BYLAW FILE.yaml` up to the check)."""
    path = _scratch("fuzzed.yaml", data)
    try:
        read_calendar(path)
    except CalendarError as exc:
        _check_calendar_error(exc, {str(path): data})


_mapping = None


def fuzz_ics(data: bytes) -> None:
    """The .ics reader, once with the shipped example's mapping file and once with none (CATEGORIES as
    body ids): RRULE expansion, overrides, the DESCRIPTION lines, the attendee mapping."""
    global _mapping
    if _mapping is None:
        _mapping = read_mapping(MAPPING_EXAMPLE)
    path = _scratch("fuzzed.ics", data)
    for mapping in (_mapping, None):
        try:
            read_ics(path, mapping)
        except CalendarError as exc:
            _check_calendar_error(exc, {str(path): data})


def fuzz_mapping(data: bytes) -> None:
    """A mapping file, read and then used to read the shipped example .ics."""
    path = _scratch("fuzzed-mapping.yaml", data)
    inputs = {str(path): data, str(ICS_EXAMPLE): ICS_EXAMPLE.read_bytes()}
    try:
        read_ics(ICS_EXAMPLE, read_mapping(path))
    except CalendarError as exc:
        _check_calendar_error(exc, inputs)


_bylaws: dict = {}


def fuzz_check(data: bytes) -> None:
    """A YAML calendar through `check_calendar` against the shipped bylaw it names (laholmsbukten if it
    names none or an unknown one), then both report renderings."""
    if not _bylaws:
        _bylaws.update((name, load(name)) for name in shipped_ids())
    path = _scratch("fuzzed-check.yaml", data)
    try:
        calendar = read_calendar(path)
    except CalendarError as exc:
        _check_calendar_error(exc, {str(path): data})
        return
    bylaw = _bylaws.get(calendar.bylaw or DEFAULT_BYLAW, _bylaws[DEFAULT_BYLAW])
    years = sorted({m.date.year for m in calendar.meetings})
    for year in (None, *years[:1]):
        report = check_calendar(bylaw, calendar, as_of=AS_OF, year=year)
        render_report(report, calendar=str(path))
        render_json(report)


# ---- seeds: the shipped files and the reproducers the tests keep --------------------------------------

def _files(*patterns: str) -> list[Path]:
    return sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()})


def _is_mapping(p: Path) -> bool:
    return "mapping" in p.name


def _calendars() -> list[Path]:
    found = _files("examples/**/*.yaml", "examples/**/*.yml", "tests/**/*.yaml", "tests/**/*.yml")
    return [p for p in found if not _is_mapping(p)]


# Fragments libFuzzer splices into inputs (its -dict): what broke the readers before and the words that
# reach deep into them (h18's lists from the hostile-input campaign).
_ICS_TOKENS = ("RRULE:FREQ=SECONDLY", "RRULE:FREQ=DAILY;INTERVAL=0", "RRULE:FREQ=WEEKLY;COUNT=99999",
               ";UNTIL=99991231T235959Z", "DTSTART:99991231T235959Z", "DTSTART:00010101T000000",
               "DTSTART;VALUE=DATE:20250229", "RECURRENCE-ID:20250311T090000Z", "DURATION:P1000000D",
               "DURATION:-P1D", "DTEND:19000101", "RDATE:20250101,99991231", "EXDATE:20250311T090000Z",
               "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VTIMEZONE", "TZID=Nowhere/Else:", "UID: a", "UID:",
               "STATUS:CANCELLED", "ATTENDEE;ROLE=CHAIR;CN=x:mailto:x@y", "ORGANIZER:mailto:",
               "DESCRIPTION:decide/consensus: x (y) T [a, a]\\nnotice: 2025-02-30", ";BYHOUR=1,2,3",
               "CATEGORIES:Styrgruppen,Referensgruppen", "\r\n ", "\ufeff")
_YAML_TOKENS = ("9999-12-31", "0001-01-01T00:30+02:00", "2025-02-29", "2025-13-01", "T25:61", "&a [*a, *a]",
                "!!python/object:os.system", "[[[[[[[[", "? ", "- ", ": ", '"\\u0000"', "date:", "id:",
                "body:", "chair:", "attendees:", "matters:", "notice_date:", "roster:", "people:", "bodies:",
                "organizer: chair", "bylaw: laholmsbukten", "styrgruppen", "halmstad/kso",
                "99999999999999999999", "1e400", "null", "---\n", "...\n", "\t")
_BYLAW_TOKENS = ("99999999999", '"../../etc/passwd"', "source ", "import sweden", "import nowhere", "body ",
                 "seat ", "chair ", "member ", "matter ", "meets at least ", "quorum ", "convenes ",
                 "rotating among ", "every 0 years", "from 0", "2025-02-30", "9999-12-31", "0001-01-01",
                 "1/0", "0/0", "100%", "1e400 SEK", "default ", "election every ", "mandate period ",
                 "# comment", "\\", "\u00e5\u00e4\u00f6")

TARGETS: dict[str, Target] = {t.name: t for t in (
    Target("bylaw", fuzz_bylaw, fuzz_bylaw.__doc__ or "",
           lambda: _files("bylaws/*.bylaw", "rules/*.bylaw", "tests/**/*.bylaw"), _BYLAW_TOKENS),
    Target("yaml", fuzz_yaml, fuzz_yaml.__doc__ or "", _calendars, _YAML_TOKENS),
    Target("ics", fuzz_ics, fuzz_ics.__doc__ or "", lambda: _files("examples/**/*.ics", "tests/**/*.ics"),
           _ICS_TOKENS),
    Target("mapping", fuzz_mapping, fuzz_mapping.__doc__ or "",
           lambda: [p for p in _files("examples/**/*.yaml", "tests/**/*.yaml") if _is_mapping(p)], _YAML_TOKENS),
    Target("check", fuzz_check, fuzz_check.__doc__ or "", _calendars, _YAML_TOKENS),
)}


def regressions(target: str) -> list[Path]:
    """Inputs that once crashed a target (fuzz/crashes/TARGET/): replayed by the tests and the fuzzer."""
    return _files(f"fuzz/crashes/{target}/*")
