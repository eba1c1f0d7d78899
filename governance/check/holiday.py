"""holiday (warning): a meeting on a Swedish public holiday (the `holidays` package, country SE, Sundays
not counted as holidays) or on a weekend. There is no clause to break; the citation is the Swedish act on
public holidays, against the body whose meeting it is."""
from __future__ import annotations

from typing import Iterator

import holidays as _holidays

from ..report.finding import Citation, Finding
from .context import Context

LAW = "Lag (1989:253) om allmänna helgdagar"


def _calendar(years):
    try:
        return _holidays.country_holidays("SE", years=years, include_sundays=False)
    except TypeError:  # older releases of `holidays` do not list Sundays and take no such argument
        return _holidays.country_holidays("SE", years=years)


def holiday(ctx: Context) -> Iterator[Finding]:
    years = sorted({m.date.year for m in ctx.meetings})
    if not years:
        return
    public = _calendar(years)
    names = {d: public.get(d) for d in public}  # a plain dict: fast lookups, no lazy population
    for body_id, index in ctx.bodies.items():
        cite = Citation(file=ctx.bylaw_file, line=index.body.span.line, quote=LAW, law=LAW)
        for meeting in index.meetings:
            day = meeting.date
            name = names.get(day)
            if name is not None:
                yield ctx.finding("holiday", "warning", f"'{meeting.id}' falls on a public holiday: {name} "
                                  f"({day})", cite, meeting=meeting)
            elif day.weekday() >= 5:
                yield ctx.finding("holiday", "warning", f"'{meeting.id}' falls on a weekend "
                                  f"({day.strftime('%A')} {day})", cite, meeting=meeting)
