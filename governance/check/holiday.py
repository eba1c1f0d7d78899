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
    if not ctx.meetings:
        return
    names = public_holidays(ctx.meetings[0].date.year, ctx.meetings[-1].date.year)
    warned: dict[date, str | None] = {}  # day → why a meeting that day is warned about (None: it is not)
    for body_id, index in ctx.bodies.items():
        cite = None
        for meeting in index.meetings:
            day = meeting.date
            if day in warned:
                why = warned[day]
            else:
                name = names.get(day)
                why = warned[day] = (f"falls on a public holiday: {name} ({day})" if name is not None else
                                     f"falls on a weekend ({day.strftime('%A')} {day})" if day.weekday() >= 5
                                     else None)
            if why is not None:
                if cite is None:
                    cite = Citation(file=ctx.bylaw_file, line=index.body.span.line, quote=LAW, law=LAW)
                yield ctx.finding("holiday", "warning", f"'{meeting.id}' {why}", cite, meeting=meeting)
