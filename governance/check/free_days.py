"""Days a body could meet on, for the fixes the rules suggest: weekdays that are neither a Swedish public
holiday nor a de-facto one (midsommarafton, julafton, nyårsafton: governance.sweden.days_off), and not in
July unless the rule itself names July. Shared by meeting-minimum, meeting-window, notice and preparation.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Iterator

from ..time.sweden import days_off
from .rule import Text

WEEKDAYS = (Text(sv="måndag", en="Monday"), Text(sv="tisdag", en="Tuesday"), Text(sv="onsdag", en="Wednesday"),
            Text(sv="torsdag", en="Thursday"), Text(sv="fredag", en="Friday"), Text(sv="lördag", en="Saturday"),
            Text(sv="söndag", en="Sunday"))
MAX_SEARCH = 400  # days searched either way: a year and a little more is always enough to find a free day


def is_free(day: date, *, july: bool = False, off: frozenset[date] | None = None) -> bool:
    """A weekday that is no day off (`off`: the days off of the years asked about, when known), and
    (unless `july`) not in July."""
    if off is None:
        off = _off(day, day)
    return day.weekday() < 5 and (july or day.month != 7) and day not in off


def _off(first: date, last: date) -> frozenset[date]:
    """The days off from the year before `first` to the year after `last` (a search may step over)."""
    return _off_in(first.year - 1, last.year + 1)


@lru_cache(maxsize=256)  # keyed by the years themselves, the answer never changes: a fix per finding asks again
def _off_in(first_year: int, last_year: int) -> frozenset[date]:
    return frozenset(days_off(range(first_year, last_year + 1)))


def free_days(first: date, last: date, *, july: bool = False, taken: Iterable[date] = ()) -> Iterator[date]:
    """The free days from `first` to `last` (both included), by date, leaving out the `taken` ones."""
    skip, off = frozenset(taken), _off(first, last)
    day = first
    while day <= last:
        if day not in skip and is_free(day, july=july, off=off):
            yield day
        day += timedelta(days=1)


def nearest_free(target: date, first: date, last: date, n: int, *, july: bool = False,
                 taken: Iterable[date] = ()) -> list[date]:
    """Up to `n` free days in first..last nearest to `target` (the earlier one first at equal distance),
    by date."""
    skip, off = frozenset(taken), _off(first, last)
    found: list[date] = []
    for step in range(MAX_SEARCH):
        for day in ((target,) if step == 0 else (target - timedelta(days=step), target + timedelta(days=step))):
            if first <= day <= last and day not in skip and is_free(day, july=july, off=off):
                found.append(day)
        if len(found) >= n or (target - timedelta(days=step) < first and target + timedelta(days=step) > last):
            break
    return sorted(found[:n])


def last_free_on_or_before(day: date, *, july: bool = False) -> date:
    """The latest free day on or before `day`."""
    off = _off(day, day)
    for _ in range(MAX_SEARCH):
        if is_free(day, july=july, off=off):
            return day
        day -= timedelta(days=1)
    return day


def first_free_on_or_after(day: date, *, july: bool = False) -> date:
    """The earliest free day on or after `day`."""
    off = _off(day, day)
    for _ in range(MAX_SEARCH):
        if is_free(day, july=july, off=off):
            return day
        day += timedelta(days=1)
    return day


def said(day: date) -> Text:
    """'onsdag 2025-05-14' / 'Wednesday 2025-05-14'."""
    weekday = WEEKDAYS[day.weekday()]
    return Text(sv=f"{weekday.sv} {day}", en=f"{weekday.en} {day}")


def listed(days: Iterable[date], *, either: bool = False) -> Text:
    """The days in words: 'a, b och c' (all of them) or, with `either`, 'a, b eller c'."""
    words = [said(d) for d in days]
    return Text(sv=_join([w.sv for w in words], "eller" if either else "och"),
                en=_join([w.en for w in words], "or" if either else "and"))


def _join(words: list[str], last: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"
