"""Reading a calendar file's bytes as text, refusing at once what cannot be a calendar."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..encodings import is_utf16, read_at_most, undecodable
from ..limits import DEFAULT
from .errors import refuse

MAX_BYTES = DEFAULT.max_bytes  # a year of meetings is a few kB; anything near this is a mistake or an attack


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


# What the file is meant to be, as its refusals name it: a mapping or roster file is not "the calendar".
Kind = Literal["calendar", "mapping file", "roster file"]


def read_source(path: str | Path, max_bytes: int = MAX_BYTES, kind: Kind = "calendar") -> str:
    """The file's text (UTF-8, a BOM allowed), or CalendarError: missing, too large, binary, not UTF-8, empty."""
    name = str(path)
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:  # decided from the size alone, before a byte is read
            raise refuse(name, f"{kind} is {_mb(size)} MB; the limit is {_mb(max_bytes)} MB")
        if path.is_dir():
            raise refuse(name, f"this is a folder, not a {kind.removesuffix(' file')} file")
        data = read_at_most(path, max_bytes)
    except OSError as exc:
        raise refuse(name, f"cannot read the {kind}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # the file grew, or stat lied (a pipe)
        raise refuse(name, f"{kind} is over {_mb(max_bytes)} MB; the limit is {_mb(max_bytes)} MB")
    return decode(data, name, kind)


def decode(data: bytes, name: str, kind: Kind = "calendar") -> str:
    if is_utf16(data):  # Notepad's and Excel's "Unicode": text, but not the UTF-8 the readers take
        raise refuse(name, f"the {kind} is saved as UTF-16 (\"Unicode\" in Notepad and Excel); save it as UTF-8")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise refuse(name, f"this is not a text file (it contains a NUL byte); a {kind} is UTF-8 text", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = undecodable(data, exc)
        looks = "; it looks saved as Windows-1252 (\"ANSI\")" if bad.ansi else ""
        raise refuse(name, f"not UTF-8 text (byte {bad.hex} cannot be decoded){looks}; save the {kind} as UTF-8",
                     bad.line, bad.col) from None
    if not text.strip():
        raise refuse(name, f"the {kind} is empty")
    return text


def decode_text(text: str, name: str, kind: Kind = "calendar") -> str:
    """`decode` for a file given as text rather than bytes (a form's field, the editor's JSON): refused as its
    bytes would be, and for a character that UTF-8 cannot hold (a lone surrogate, as JSON's \\ud800 gives),
    which went on to a UnicodeEncodeError (500 on the page) before."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise refuse(name, f"not UTF-8 text (character U+{ord(text[exc.start]):04X} has no UTF-8 form); "
                           f"save the {kind} as UTF-8", line) from None
    return decode(data, name, kind)


def is_ics(text: str) -> bool:
    """Whether a calendar's text is an iCalendar file (it starts with BEGIN:VCALENDAR, in any case), as the
    page and the editor tell a pasted or uploaded calendar. Only the start is upper-cased: the whole text's
    upper() was a copy of the calendar on every check (90 µs of a served check's 3.5 ms for 20 meetings)."""
    return text.lstrip("\ufeff \t\r\n")[:15].upper() == "BEGIN:VCALENDAR"
