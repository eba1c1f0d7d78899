"""What every command needs: loading a bylaw or a calendar and saying why not, in one line each."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

from ..diagnostics import BylawError, render_text
from ..lang import Text


def load_or_report(name: str, lang: str = "en"):
    """Load a bylaw, or print its errors to stderr (in `lang`, as `governance lint` says them) and return None
    (the caller exits 2)."""
    # Imported on use: the parser loads lark, which `--help` does not need.
    from ..loader import load
    try:
        return load(name)
    except BylawError as exc:
        sys.stderr.write(render_text(exc.diagnostics, exc.sources, lang=lang) or f"governance: {exc}\n")  # type: ignore[arg-type]
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


class _Staged:
    """A file's complete new content, on disk but not yet under its name. Where the system has O_TMPFILE
    (Linux) the file has no name at all until committed, so a process killed before that leaves nothing;
    elsewhere it is a hidden temporary file beside the target, removed on any failure this process sees."""

    def __init__(self, path: Path, data: bytes):
        self.path = Path(path)
        self.temporary: Path | None = None
        folder = str(self.path.parent)
        try:
            self.fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o666)  # the umask decides, as for any file
        except (AttributeError, OSError):  # no O_TMPFILE here, or not on this file system
            self.temporary = self._hidden_name()
            # O_EXCL: never write into someone else's file.
            self.fd = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            try:  # a file replaced keeps its permissions
                os.fchmod(self.fd, os.stat(self.path).st_mode & 0o7777)
            except OSError:
                pass
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view):]
            os.fsync(self.fd)
        except BaseException:
            self.discard()
            raise

    def _hidden_name(self) -> Path:
        import secrets  # here: only a command writing a file needs it (~3 ms of every start otherwise)
        return self.path.with_name(f".{self.path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")

    def commit(self, replace: bool) -> None:
        """Give the content its name: over an existing file (`replace`), or only if none exists
        (FileExistsError otherwise, even in a race). Atomic either way: a reader sees the old or the new."""
        if self.temporary is None:
            target = self.path if not replace else self._hidden_name()
            _link_fd(self.fd, target)
            if not replace:
                return
            self.temporary = target
        if replace:
            os.replace(self.temporary, self.path)
        else:
            os.link(self.temporary, self.path)
            self.temporary.unlink()
        self.temporary = None

    def discard(self) -> None:
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _link_fd(fd: int, target: Path) -> None:
    """Name an O_TMPFILE file: linkat(2) of /proc/self/fd/N following the link (os.link follows it only
    when given a dir_fd; plain link(2) would try to link the /proc entry itself)."""
    folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", target.name, dst_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


@contextmanager
def _naming(path: Path):
    """An OSError names the file the user asked for, not a temporary one (or none, as ENOSPC from write)."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None or str(exc.filename).startswith("/proc/") or ".tmp" in str(exc.filename):
            raise type(exc)(exc.errno, exc.strerror or str(exc), str(path)) from None
        raise


def _sync_folder(folder: Path) -> None:
    """The new name itself survives a power cut only once the folder is synced (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_whole(path: Path, text: str | bytes) -> None:
    """Write `text` (UTF-8; or bytes as they are, a PDF) to `path` whole or not at all, replacing what was there: the new content is written
    and synced first, then renamed over `path`, so a reader never finds half a document and a failure (a
    full disk, a kill) leaves the old file. Raises OSError (nothing is left behind)."""
    write_new([(Path(path), text)], replace=True)


def write_new(files: list[tuple[Path, str | bytes]], replace: bool = False) -> None:
    """Write several files all or none: every content is written and synced before any gets its name.
    With `replace=False` an existing file is never overwritten (FileExistsError). If one cannot be named,
    those named by this call are removed again. Raises OSError."""
    staged: list[_Staged] = []
    named: list[Path] = []
    try:
        for path, text in files:
            with _naming(path):
                data = text if isinstance(text, bytes) else text.encode("utf-8")
                staged.append(_Staged(Path(path), data))
        for item in staged:
            with _naming(item.path):
                item.commit(replace)
            named.append(item.path)
    except BaseException:
        if not replace:  # only files this call created; a replaced file cannot be given back
            for path in named:
                path.unlink(missing_ok=True)
        raise
    finally:
        for item in staged:
            item.discard()
    for folder in {p.parent for p in named}:
        _sync_folder(folder)


def year_arg(text: str) -> int:
    """argparse type of a --year: a whole year a meeting can be in (limits.FIRST_YEAR–LAST_YEAR); year 0 or
    -5 would otherwise be judged, with nothing in it, and said to be compliant."""
    import argparse
    from ..limits import year_problem
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:20]}' is not a year such as 2025") from None
    problem = year_problem(year)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return year


def day_arg(text: str):
    """argparse type of a date option (YYYY-MM-DD) in the years a meeting can be in."""
    import argparse
    from datetime import date
    from ..limits import year_problem
    try:
        day = date.fromisoformat(text)
    except ValueError:
        from ..calendar.written_dates import how_to_write
        raise argparse.ArgumentTypeError(f"'{text[:20]}' is not a date (YYYY-MM-DD)"
                                         + how_to_write(text, time=False)) from None
    problem = year_problem(day.year)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return day


def cannot_write(path: str, exc: OSError) -> Text:
    """Why a file asked for could not be written, in both languages (the system's reason too)."""
    from ..os_words import reason
    return Text(f"kan inte skriva {shown(path)}: {reason(exc, 'sv')}", f"cannot write {shown(path)}: {reason(exc, 'en')}")


def overwrites_input(output: str | Path | None, *inputs: str | Path | None) -> Text | None:
    """Why `-o output` must not be written: it is one of the files the command reads (`check B cal.yaml
    -o cal.yaml` replaced the calendar with its own report), however spelt (a link, `./`); else None."""
    if output is None:
        return None
    for given in inputs:
        if given is None:
            continue
        try:
            same = os.path.samefile(output, given)
        except (OSError, ValueError):  # either not there (a new file, a shipped id): not the same file
            continue
        if same:
            return Text(f"skriver inte över {shown(str(given))}, som kommandot läser: ange en annan fil med -o",
                        f"will not write over {shown(str(given))}, which the command reads: give -o another file")
    return None


def fail(message: str | Text, lang: str = "en") -> int:
    """Say why the command stops (Swedish or English, a `Text` holds both) and give its exit status, 2."""
    if isinstance(message, Text):
        message = message(lang)  # type: ignore[arg-type]
    print(f"governance: {'fel' if lang == 'sv' else 'error'}: {message}", file=sys.stderr)
    return 2


def read_calendar_or_report(path: str, bylaw_id: str | None, mapping: str | None = None, lang: str = "sv",
                            through: int | None = None):
    """Read a calendar for this bylaw (None: for the bylaw it names), or print why not to stderr (in `lang`)
    and return None (the caller exits 2). `through`: the last year checked (calendar.read)."""
    from ..calendar import read
    from ..calendar.errors import CalendarError
    try:
        calendar = read_piped(mapping, through) if path == STDIN else read(path, mapping, through=through)
    except CalendarError as exc:
        print(exc.text(lang), file=sys.stderr)  # type: ignore[arg-type]
        return None
    return calendar_for(path, calendar, bylaw_id, lang)


STDIN = "-"  # as CALENDAR: the calendar is read from standard input


def read_piped(mapping: str | None = None, through: int | None = None):
    """The calendar piped to the command (`governance plan X | governance check X -`): YAML, or an .ics with
    `--mapping`. CalendarError for what cannot be read, and when nothing is piped (a terminal would wait)."""
    from ..calendar import parse_calendar
    from ..calendar.errors import refuse
    from ..calendar.source import MAX_BYTES, decode, is_ics
    name = "<stdin>"
    if sys.stdin is None or sys.stdin.isatty():
        raise refuse(name, "'-' reads the calendar from standard input, and nothing is piped to it; give the "
                           "calendar's file name, or pipe it: governance plan BYLAW | governance check BYLAW -")
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise refuse(name, f"calendar is over {MAX_BYTES // (1024 * 1024)} MB; the limit is "
                           f"{MAX_BYTES // (1024 * 1024)} MB")
    text = decode(data, name)
    if is_ics(text):
        from ..calendar.ics_reader import parse_ics
        from ..calendar.mapping import read_mapping
        return parse_ics(text, name, read_mapping(mapping) if mapping else None, through=through)
    if mapping is not None:
        raise refuse(str(mapping), "a mapping file is only used with .ics calendars")
    return parse_calendar(text, name)


def calendar_for(path: str, calendar, bylaw_id: str | None, lang: str = "sv"):
    """The calendar read from `path` if it may be checked against this bylaw (not if its `bylaw:` names
    another: None, and why on stderr). What the reader left out is said on stderr, once, when the bylaw is
    known (`bylaw_id` not None)."""
    from ..calendar.preflight import other_bylaw
    if bylaw_id is None:
        return calendar
    mismatch = other_bylaw(calendar, bylaw_id, lang)
    if mismatch:
        print(f"{path}: {'fel' if lang == 'sv' else 'error'}: {mismatch}", file=sys.stderr)
        return None
    # What the reader left out (an .ics event that maps to no body …) is not checked: say so, on stderr
    # so that a JSON report on stdout stays the contract.
    for issue in calendar.unmapped:
        print(issue.text(lang), file=sys.stderr)  # type: ignore[arg-type]
    return calendar


def bylaw_named_by(path: str, calendar, lang: str = "sv") -> str | None:
    """The bylaw a calendar names (its `bylaw:` line; an .ics's mapping file's): a file ID.bylaw beside the
    calendar, which a user keeps with their own agreement, else the shipped id. None, and why on stderr, when
    it names none."""
    if calendar.bylaw is None:
        fail(Text(f"{path} anger inte vilket avtal den gäller (en rad 'bylaw: ID' överst i kalendern, eller i "
                  f"mappningsfilen för en .ics): ange avtalet först, governance check AVTAL {path}",
                  f"{path} does not say which bylaw it keeps (a line 'bylaw: ID' at the top of the calendar, or in "
                  f"the mapping file of an .ics): give the bylaw first, governance check BYLAW {path}"), lang)
        return None
    beside = Path(path).parent / f"{calendar.bylaw}.bylaw"
    return str(beside) if beside.is_file() else calendar.bylaw


def versions_or_warn(path_or_id: str, bylaw, lang: str = "en") -> tuple:
    """The versions of the agreement found beside `bylaw` (loaded from `path_or_id`; `load_versions`),
    so that a check knows when a later version took its place; () with a warning on stderr (in `lang`) if
    they cannot be read."""
    from ..diagnostics import BylawError
    from ..time.versions import VersionError, load_versions
    try:
        return load_versions(path_or_id, loaded_as=bylaw)
    except (BylawError, VersionError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if lang == "sv":
            if isinstance(exc, OSError):
                from ..os_words import reason
                said = f"{exc.filename}: {reason(exc, 'sv')}" if exc.filename else reason(exc, "sv")
            else:
                said = _versions_sv(first) if isinstance(exc, VersionError) else exc.first("sv")
            print(f"{path_or_id}: varning: avtalets andra versioner beaktas inte: {said}", file=sys.stderr)
        else:
            print(f"{path_or_id}: warning: other versions of the agreement not considered: {first}", file=sys.stderr)
        return ()


# time/versions' reasons, in Swedish (a problem inside a sibling bylaw file is said as lint says it).
_VERSIONS_SV = (
    (r"these bylaws are not one chain of versions: (?P<a>.+) amend none of the others",
     "avtalen är inte en kedja av versioner: {a} ändrar inget av de andra"),
    (r"'(?P<a>[^']*)' is amended by more than one version: (?P<b>.+)", "'{a}' ändras av mer än en version: {b}"),
    (r"the amendments form a cycle", "ändringarna bildar en cirkel"),
    (r"'(?P<a>[^']*)' amends '(?P<b>[^']*)' but has no date of effect; write `(?P<c>[^`]*)`",
     "'{a}' ändrar '{b}' men anger ingen dag då ändringen gäller; skriv `{c}`"),
    (r"'(?P<a>[^']*)' takes effect \((?P<b>[^)]*)\) before the version it amends, '(?P<c>[^']*)' \((?P<d>[^)]*)\)",
     "'{a}' gäller från {b}, före versionen den ändrar, '{c}' ({d})"),
)


def _versions_sv(message: str) -> str:
    from ..lang import by_pattern
    return by_pattern(_VERSIONS_SV, message) or message


def colour_wanted(stream=None) -> bool:
    """Colour for text written to `stream` (default stdout): when it is a terminal and NO_COLOR is unset."""
    return (stream or sys.stdout).isatty() and not os.environ.get("NO_COLOR")
