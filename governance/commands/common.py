"""What every command needs: loading a bylaw or a calendar and saying why not, in one line each."""
from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from ..diagnostics import BylawError, render_text


def load_or_report(name: str):
    """Load a bylaw, or print its errors to stderr and return None (the caller exits 2)."""
    # Imported on use: the parser loads lark, which `--help` does not need.
    from ..loader import load
    try:
        return load(name)
    except BylawError as exc:
        sys.stderr.write(render_text(exc.diagnostics, exc.sources) or f"governance: {exc}\n")
        return None


def shown(path: str) -> str:
    """A path as the user would type it: relative to the working directory when under it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def shown_bylaw(path: str) -> str:
    """A bylaw's path as reports print it (`bylaws/NAME` for a shipped one, wherever the command runs)."""
    from ..paths import stable_path
    return stable_path(path)


def write_whole(path: Path, text: str | bytes) -> None:
    """Write `text` (UTF-8; or bytes as they are, a PDF) to `path` whole or not at all: into a new file in
    the same folder, renamed over `path` once complete, so that a reader never finds half a document and a
    failure leaves what was there. Raises OSError (nothing is left behind)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    # O_EXCL: never write into someone else's file; 0o666: the umask decides, as for any new file.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with (os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8")) as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def fail(message: str) -> int:
    print(f"governance: error: {message}", file=sys.stderr)
    return 2


def read_calendar_or_report(path: str, bylaw_id: str, mapping: str | None = None):
    """Read a calendar for this bylaw, or print why not to stderr and return None (the caller exits 2)."""
    from ..calendar import read
    from ..calendar.errors import CalendarError
    try:
        calendar = read(path, mapping)
    except CalendarError as exc:
        print(exc, file=sys.stderr)
        return None
    mismatch = other_bylaw(calendar, bylaw_id)
    if mismatch:
        print(f"{path}: error: {mismatch}", file=sys.stderr)
        return None
    # What the reader left out (an .ics event that maps to no body …) is not checked: say so, on stderr
    # so that a JSON report on stdout stays the contract.
    for issue in calendar.unmapped:
        print(issue, file=sys.stderr)
    return calendar


def other_bylaw(calendar, bylaw_id: str) -> str | None:
    """Why a calendar cannot be checked against this bylaw (its `bylaw:` names another), or None."""
    if calendar.bylaw is not None and calendar.bylaw != bylaw_id:
        return f"the calendar is for bylaw '{calendar.bylaw}', not '{bylaw_id}'"
    return None


def nothing_to_check(calendar, hint: str = "--mapping", lang: str = "en") -> str | None:
    """Why a calendar with no meeting was checked in vain, or None when it has meetings: "compliant" alone
    would read as if something had been checked (an .ics read without its mapping leaves every event out).
    `hint`: where the user gives a mapping file (the command's option, the page's field)."""
    if calendar.meetings:
        return None
    if calendar.unmapped:
        if lang == "sv":
            return f"inget möte kontrollerades: varje händelse lämnades utanför (en .ics behöver sin mappningsfil: {hint})"
        return f"no meeting was checked: every event was left out (an .ics needs its mapping file: {hint})"
    if lang == "sv":
        return "kalendern har inget möte: ingenting kontrollerades"
    return "the calendar holds no meeting: nothing was checked"


def versions_or_warn(path_or_id: str, bylaw) -> tuple:
    """The versions of the agreement found beside `bylaw` (loaded from `path_or_id`; `load_versions`),
    so that a check knows when a later version took its place; () with a warning on stderr if they
    cannot be read."""
    from ..diagnostics import BylawError
    from ..versions import VersionError, load_versions
    try:
        return load_versions(path_or_id, loaded_as=bylaw)
    except (BylawError, VersionError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"{path_or_id}: warning: other versions of the agreement not considered: {first}", file=sys.stderr)
        return ()


def colour_wanted(stream=None) -> bool:
    """Colour for text written to `stream` (default stdout): when it is a terminal and NO_COLOR is unset."""
    return (stream or sys.stdout).isatty() and not os.environ.get("NO_COLOR")
