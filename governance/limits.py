"""Bounds on the work one input may cause, for readers that face untrusted files (a web form, CI).

`Limits` is passed to the calendar readers (`calendar.read(path, limits=…)`, `read_ics`, `read_calendar`,
`parse_ics`, `parse_calendar`); the defaults suit the command line. A server gives each request its own
`Limits`, e.g. `Limits(seconds=2.0)`, and answers "too much work" when the reader raises `CalendarError`
with an issue whose message begins as `Limits.EXCEEDED` says. Nothing here is process-wide state.
"""
from __future__ import annotations

from typing import NamedTuple

import time

# A meeting's year: far enough back for any agreement in force, far enough ahead for any plan. Outside
# it, a date is a typo or an attack (year 9999 overflows date arithmetic, year 1 has no time zone rules).
FIRST_YEAR, LAST_YEAR = 1900, 2199


class Limits(NamedTuple):
    """max_bytes: a calendar file's size; max_occurrences: meetings (events and their recurrences) in the
    window read; max_years: the span recurring events are expanded over; seconds: wall-clock budget for
    one read, counted from its start (None: no budget). Every bound is checked while the work is done,
    not after it."""

    max_bytes: int = 10 * 1024 * 1024
    max_occurrences: int = 10_000
    max_years: int = 50
    seconds: float | None = None

    def deadline(self) -> float | None:
        """The time.monotonic() after which a read begun now is out of time."""
        return None if self.seconds is None else time.monotonic() + self.seconds


EXCEEDED = "too much work:"  # the first words of an issue raised because a limit was reached


DEFAULT = Limits()


def year_problem(year: int) -> str | None:
    """Why a meeting cannot be in this year, or None."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return f"year {year} is outside the years a meeting can be in ({FIRST_YEAR}–{LAST_YEAR})"
