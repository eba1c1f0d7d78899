"""meeting-minimum, meeting-maximum, meeting-window: how often each body meets per calendar year.

A year is judged on the meetings the calendar holds for it, with one exception (README, "Partial years"):
when the whole calendar lies after `as_of` it is a plan for the rest of the as-of year, so in that year a
shortfall in a period that began before `as_of` may have been met by meetings held before the plan;
it is then a warning that says how many must have taken place, not an error. `about N` accepts N±1 and
is only ever a warning ("ca 6 ggr/år" is not a hard limit).
"""
from __future__ import annotations

import calendar as _cal
from bisect import bisect_left
from datetime import date
from typing import Iterator

from ..model.types import MONTHS, MeetingRule
from ..report.finding import Finding
from .context import Context

ABOUT_TOLERANCE = 1


def _times(n: int) -> str:
    return f"{n} time" if n == 1 else f"{n} times"


def _required(rule: MeetingRule) -> str:
    if rule.kind == "at_least":
        return f"at least {rule.low}"
    if rule.kind == "at_most":
        return f"at most {rule.high}"
    if rule.kind == "between":
        return f"{rule.low}–{rule.high}"
    if rule.kind == "about":
        return f"about {rule.low} ({rule.low - ABOUT_TOLERANCE}–{rule.low + ABOUT_TOLERANCE} accepted)"
    return f"exactly {rule.low}"


def _window_name(months: tuple[int, int]) -> str:
    first, last = (MONTHS[m - 1] for m in months)
    return first if first == last else f"{first}–{last}"


def meeting_counts(ctx: Context) -> Iterator[Finding]:
    start = ctx.bylaw.effective_from
    years = [y for y in ctx.years if start is None or y >= start.year]  # before: the agreement did not exist
    windows: dict[tuple[int, int, int], tuple[date, date]] = {}  # (year, m1, m2) → first day, day after
    for body_id, index in ctx.bodies.items():
        judged = ctx.once(("check-meeting-rules", body_id),
                          lambda: tuple((rule, *_bounds(rule)) for rule in index.body.meeting_rules))
        if not judged:
            continue
        cites: dict[int, object] = {}  # rule position → its citation, made when first needed
        spans = index.spans
        totals = [len(spans.get(year, ())) for year in years]
        for k, (rule, low, high) in enumerate(judged):
            if rule.months is None:
                counts = totals
            else:  # meetings are in date order: count the window by bisection
                m1, m2 = rule.months
                dates = index.dates
                counts = []
                for year in years:
                    span = spans.get(year)
                    if span is None:
                        counts.append(0)
                        continue
                    bounds = windows.get((year, m1, m2))
                    if bounds is None:  # bodies share their windows: the days are made once per run
                        bounds = windows[(year, m1, m2)] = (
                            date(year, m1, 1), date(year + 1, 1, 1) if m2 == 12 else date(year, m2 + 1, 1))
                    counts.append(bisect_left(dates, bounds[1], span.start, span.stop)
                                  - bisect_left(dates, bounds[0], span.start, span.stop))
            for year, count in zip(years, counts):
                if (low is not None and count < low) or (high is not None and count > high):
                    cite = cites.get(k)
                    if cite is None:
                        cite = cites[k] = ctx.cite(rule)
                    yield from _judge(ctx, body_id, year, rule, count, low, high, cite)


def _bounds(rule: MeetingRule) -> tuple[int | None, int | None]:
    if rule.kind == "about":
        return rule.low - ABOUT_TOLERANCE, rule.high + ABOUT_TOLERANCE
    return rule.minimum, rule.maximum


def _judge(ctx: Context, body_id: str, year: int, rule: MeetingRule, count: int, low: int | None,
           high: int | None, cite) -> Iterator[Finding]:
    """The findings of a count outside [low, high] (only called then)."""
    window = rule.months is not None
    if window:
        m1, m2 = rule.months
        period = (date(year, m1, 1), date(year, m2, _cal.monthrange(year, m2)[1]))
        where = f"in {_window_name(rule.months)} {year}"
    else:
        period = (date(year, 1, 1), date(year, 12, 31))
        where = f"in {year}"
    severity = "warning" if rule.kind == "about" else "error"
    said = f"{body_id} meets {_times(count)} {where}; the bylaw requires {_required(rule)}"
    if low is not None and count < low:
        partial = ctx.planned_only and year == ctx.as_of.year and period[0] < ctx.as_of
        if partial and period[1] <= ctx.as_of:
            pass  # the period was over before the plan begins: the plan cannot say anything about it
        elif partial:
            yield ctx.finding("meeting-window" if window else "meeting-minimum", "warning",
                              f"{said}: the calendar starts after {ctx.as_of}, so at least {low - count} "
                              f"more must have been held in {year} before then", cite, body=body_id, year=year)
        else:
            yield ctx.finding("meeting-window" if window else "meeting-minimum", severity, said, cite,
                              body=body_id, year=year)
    if high is not None and count > high:
        yield ctx.finding("meeting-window" if window else "meeting-maximum", severity, said, cite,
                          body=body_id, year=year)
