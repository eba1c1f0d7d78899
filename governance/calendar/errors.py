"""Problems with a calendar file: every one found, raised together as one `CalendarError`.

An issue is data (file, line, column, message); `text(lang)` gives the one-line form the command line prints,
`file:line: fel: meddelande` (Swedish by default, `str()` is the English `file:line: error: message`).
Whole-file problems (too large, not UTF-8, empty) point at line 1. The message is built in English by the
readers; `swedish.swedish` is its Swedish catalogue.
"""
from __future__ import annotations

from typing import Iterable, NamedTuple

from ..lang import DEFAULT_LANG, Lang

MAX_SHOWN = 50  # str(CalendarError) lists this many issues, then "… and N more"


class CalendarIssue(NamedTuple):  # ordered as its fields are (file, line, col …)
    """One thing wrong with (or left out of) a calendar, at file:line:col, with its English message."""

    file: str
    line: int
    col: int = 0
    message: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        return self.text("en")

    def said(self, lang: Lang = DEFAULT_LANG) -> str:
        """The message in `lang` (the English one where the Swedish catalogue lacks it)."""
        if lang == "en":
            return self.message
        from .swedish import swedish
        return swedish(self.message) or self.message

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """`file:line: fel: meddelande` (en: `file:line: error: message`)."""
        severity = _SEVERITY_SV.get(self.severity, self.severity) if lang == "sv" else self.severity
        return f"{self.file}:{self.line}: {severity}: {self.said(lang)}"

    def to_json(self, lang: Lang = "en") -> dict:
        return {"file": self.file, "line": self.line, "col": self.col, "severity": self.severity,
                "message": self.said(lang)}


_SEVERITY_SV = {"error": "fel", "warning": "varning"}


class CalendarError(Exception):
    """A calendar could not be read. `issues` holds every problem found, sorted by position."""

    def __init__(self, issues: Iterable[CalendarIssue]):
        self.issues: tuple[CalendarIssue, ...] = tuple(sorted(set(issues)))
        super().__init__(self._text())

    def _text(self) -> str:
        return self.text("en")

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """Every issue a line (the first MAX_SHOWN, then how many more), in `lang`."""
        lines = [i.text(lang) for i in self.issues[:MAX_SHOWN]]
        if len(self.issues) > MAX_SHOWN:
            more = len(self.issues) - MAX_SHOWN
            lines.append(f"… och {more} till" if lang == "sv" else f"… and {more} more")
        return "\n".join(lines) or ("oläsbar kalender" if lang == "sv" else "unreadable calendar")


def refuse(file: str, message: str, line: int = 1, col: int = 0) -> CalendarError:
    """One issue that stops reading at once (too large, binary, a YAML syntax error …)."""
    return CalendarError([CalendarIssue(file, line, col, message)])
