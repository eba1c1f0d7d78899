"""Problems with a calendar file: every one found, raised together as one `CalendarError`.

An issue is data (file, line, column, message); `str()` gives the one-line form the command line prints,
`file:line: error: message`. Whole-file problems (too large, not UTF-8, empty) point at line 1.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

MAX_SHOWN = 50  # str(CalendarError) lists this many issues, then "… and N more"


@dataclass(frozen=True, slots=True, order=True)
class CalendarIssue:
    file: str
    line: int
    col: int = 0
    message: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"

    def to_json(self) -> dict:
        return {"file": self.file, "line": self.line, "col": self.col, "severity": self.severity,
                "message": self.message}


class CalendarError(Exception):
    """A calendar could not be read. `issues` holds every problem found, sorted by position."""

    def __init__(self, issues: Iterable[CalendarIssue]):
        self.issues: tuple[CalendarIssue, ...] = tuple(sorted(set(issues)))
        super().__init__(self._text())

    def _text(self) -> str:
        lines = [str(i) for i in self.issues[:MAX_SHOWN]]
        if len(self.issues) > MAX_SHOWN:
            lines.append(f"… and {len(self.issues) - MAX_SHOWN} more")
        return "\n".join(lines) or "unreadable calendar"


def refuse(file: str, message: str, line: int = 1, col: int = 0) -> CalendarError:
    """One issue that stops reading at once (too large, binary, a YAML syntax error …)."""
    return CalendarError([CalendarIssue(file, line, col, message)])
