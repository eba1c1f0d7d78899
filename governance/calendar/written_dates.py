"""Dates and times as people write them (2025-5-3, 3/5 2025, 3 maj 2025, kl. 9.00), read only to tell them
the ISO form a calendar takes: a calendar's dates stay ISO (docs/calendar.md), and a message that says
"write 2025-05-03" is what a secretary needs when Excel or habit wrote something else.

Day before month, as Swedes write it: 3/5 is the 3rd of May. Where the other reading is possible too (both
numbers 12 or less) the hint names the month, so that the reading chosen shows.
"""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from ..lang import MONTH_NAMES
from ..limits import year_problem

_MONTHS = {name.lower(): i for names in MONTH_NAMES.values() for i, name in enumerate(names, 1)}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS.update({"sept": 9, "okt": 10})

_DATES = (  # (pattern, order of its groups: y m d), tried in turn on the date part
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),
    (re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})"), "ymd"),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), "ymd"),
    (re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-]|\s+)(\d{4})"), "dmy"),
    (re.compile(r"(\d{1,2})(?::e|:a|e|a)?\.?\s*([a-zåäö]+)\.?,?\s+(\d{4})"), "dMy"),
    (re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"), "Mdy"),
)
# A time after the date: "T9:00", " 9.00", ", kl. 13", " klockan 13.30".
_TIME = re.compile(r"(?:\s*t\s*|\s*,?\s*(?:kl\.?|klockan)\s*|\s+)(\d{1,2})(?:[.:](\d{2}))?(?::\d{2})?")


class Spelling(NamedTuple):
    """The ISO form of a date (and time) as written, and whether its day and month could be read the
    other way round (3/5: the 3rd of May or 5 March)."""

    iso: str
    day: date
    either_way: bool


def _day(text: str) -> tuple[date, bool] | None:
    for pattern, order in _DATES:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        parts = dict(zip(order, m.groups()))
        month_word = parts.get("M")
        month = _MONTHS.get(month_word.rstrip(".")) if month_word else int(parts["m"])
        if month is None:
            return None
        try:
            day = date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            return None
        either_way = order == "dmy" and day.day <= 12 and day.day != month
        return day, either_way
    return None


def iso_spelling(text: str) -> Spelling | None:
    """The ISO form of `text` when it is a date (with a time of day, optionally) written another way that
    is plainly meant; None when it is not one (or is ISO already)."""
    written = re.sub(r"^(?:den|the)\s+", "", " ".join(text.split()).lower())
    if len(written) > 40:  # no date is written that long
        return None
    whole = _day(written)
    if whole is not None:
        return Spelling(whole[0].isoformat(), whole[0], whole[1])
    for start in range(1, len(written)):  # the date, then a time: try each place the time could begin
        m = _TIME.fullmatch(written, start)
        if m is None:
            continue
        got = _day(written[:m.start()])
        hour, minute = int(m[1]), int(m[2] or 0)
        if got is None or hour > 23 or minute > 59:
            continue
        if m[2] is None and not re.search(r"t|kl", m[0]):  # "3 maj 2025 13": a bare number is no time
            continue
        return Spelling(f"{got[0].isoformat()}T{hour:02d}:{minute:02d}", got[0], got[1])
    return None


def how_to_write(text: str, time: bool = True) -> str:
    """"; write 2025-05-03" for a date written as people write it (with the reading, "(3 May)", where day
    and month could be swapped), to end a message that `text` is no ISO date; "" when it reads as none.
    `time`: the time of day written is kept (2025-05-03T09:00); else the day alone is said."""
    spelt = iso_spelling(text)
    if spelt is None or year_problem(spelt.day.year):
        return ""
    reading = f" ({spelt.day.day} {MONTH_NAMES['en'][spelt.day.month - 1]})" if spelt.either_way else ""
    return f"; write {spelt.iso if time else spelt.day.isoformat()}{reading}"
