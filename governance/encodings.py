"""Why a file's bytes are not UTF-8 text, said so that the user can fix it: where the first byte that is
not UTF-8 is, and which encoding the file was most likely saved in. Windows programs save text as
Windows-1252 ("ANSI", Notepad's default before 2019) or as UTF-16 ("Unicode" in Notepad, "Unicode Text" in
Excel); a UTF-16 file is full of NUL bytes and is not binary for that. Shared by the bylaw loader and the
calendar readers, which say it in their own words."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

# The letters a Swedish text has that ASCII lacks, as Windows-1252 writes them: a byte that is one of
# these and not UTF-8 says "saved as ANSI" more surely than any statistics.
_SWEDISH_1252 = frozenset("åäöÅÄÖéÉüÜ".encode("cp1252"))


def is_utf16(data: bytes) -> bool:
    """Whether `data` is UTF-16 text: a byte-order mark, or (none written) ASCII text whose every other byte
    is NUL."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = data[:400]
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    return (not any(odd) and all(even)) or (not any(even) and all(odd))


class Undecodable(NamedTuple):
    """Where the first byte that is not UTF-8 is (line and column from 1) and what it is."""

    line: int
    col: int
    byte: int
    ansi: bool  # the file reads as Windows-1252 text and the byte is a Swedish letter there

    @property
    def hex(self) -> str:
        return f"0x{self.byte:02x}"


def undecodable(data: bytes, exc: UnicodeDecodeError) -> Undecodable:
    """The first byte `exc` (from data.decode("utf-8…")) could not read, and whether it looks like ANSI."""
    start = exc.start
    line_start = data.rfind(b"\n", 0, start) + 1
    line = data.count(b"\n", 0, start) + 1
    # The column in characters, as an editor shows it: the line's UTF-8 before the byte.
    col = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    try:
        data.decode("cp1252")
        ansi = data[start] in _SWEDISH_1252
    except UnicodeDecodeError:
        ansi = False
    return Undecodable(line, col, data[start], ansi)


def read_at_most(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of `path` (so the caller sees it is too long): a pipe or a device has no size
    to refuse it by beforehand, and `/dev/zero` read whole never ended. Raises OSError."""
    with open(path, "rb") as file:
        return file.read(limit + 1)
