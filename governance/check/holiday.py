"""holiday (warning): a meeting on a Swedish public holiday (the `holidays` package, country SE, Sundays
not counted as holidays) or on a weekend. There is no clause to break; the citation is the Swedish act on
public holidays, against the body whose meeting it is."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import Iterator, Mapping

import holidays as _holidays

from ..report.finding import Citation, Finding
from .context import Context

LAW = "Lag (1989:253) om allmänna helgdagar"


@lru_cache(maxsize=16)
def public_holidays(first: int, last: int) -> Mapping[date, str]:
    """Day → name of every Swedish public holiday in years first..last. Building the `holidays` calendar
    costs far more than a whole check of a small calendar, so it is built once per range of years; the
    result is read-only."""
    years = range(first, last + 1)
    try:
        public = _holidays.country_holidays("SE", years=years, include_sundays=False)
    except TypeError:  # older releases of `holidays` do not list Sundays and take no such argument
        public = _holidays.country_holidays("SE", years=years)
    return MappingProxyType({d: public.get(d) for d in public})  # a plain dict: no lazy population


def holiday(ctx: Context) -> Iterator[Finding]:
    if ctx.first is None:
        return
    names = public_holidays(ctx.first.year, ctx.last.year)
    # Judged once per day (a calendar has few distinct days), then meetings are picked by day.
    warned: dict[date, str] = {}  # day → why a meeting that day is warned about
    for day in ctx.days:
        name = names.get(day)
        if name is not None:
            warned[day] = f"falls on a public holiday: {name} ({day})"
        elif day.weekday() >= 5:
            warned[day] = f"falls on a weekend ({day.strftime('%A')} {day})"
    if not warned:
        return
    cites: dict[str, Citation] = {}  # body → the citation: the act, against the body's declaration
    for meeting in ctx.meetings_on(warned):
        index = ctx.bodies.get(meeting.body)
        if index is None:
            continue  # a body the bylaw does not have: reported as unknown-body, nothing else to say
        cite = cites.get(meeting.body)
        if cite is None:
            cite = cites[meeting.body] = Citation(file=ctx.bylaw_file, line=index.body.span.line, quote=LAW, law=LAW)
        yield ctx.finding("holiday", "warning", f"'{meeting.id}' {warned[meeting.date]}", cite, meeting=meeting)
