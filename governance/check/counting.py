"""How often a body meets: shared by meeting-minimum, meeting-maximum and meeting-window.

A year is judged on the meetings the calendar holds for it, with one exception (README, "Partial years"):
when the whole calendar lies after `as_of` it is a plan for the rest of the as-of year, so in that year a
shortfall in a period that began before `as_of` may have been met by meetings held before the plan; it is
then a warning that says how many must have taken place, not an error. `about N` accepts N±1 and is only
ever a warning ("ca 6 ggr/år" is not a hard limit), as is a number the bylaw sets only `as a rule` ("som
regel": the body aims at it, and a year that strays from it is not a breach).
"""
from __future__ import annotations

import calendar as _cal
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from typing import Iterator

from ..lang import MONTH_NAMES
from ..model.types import MeetingRule
from ..report.finding import Finding
from .free_days import free_days, listed, nearest_free
from .rule import Rule, Severity, Text
from .view import BodyView, CalendarView

ABOUT_TOLERANCE = 1
_date = attrgetter("date")


@dataclass(frozen=True, slots=True)
class Count:
    """How many times `body` met in `year` (in the rule's months, if it names any), against `rule`."""

    body: BodyView
    rule: MeetingRule
    year: int
    count: int

    @property
    def low(self) -> int | None:
        return bounds(self.rule)[0]

    @property
    def high(self) -> int | None:
        return bounds(self.rule)[1]

    @property
    def period(self) -> tuple[date, date]:
        """The first and last day the rule counts in that year."""
        return _period(self.rule, self.year)

    def where(self) -> Text:
        """'under 2025' / 'in April–May 2025'."""
        rule, year = self.rule, self.year
        if rule.months is None:
            return Text(sv=f"under {year}", en=f"in {year}")
        return Text(sv=f"under {_months(rule.months, MONTH_NAMES['sv'])} {year}",
                    en=f"in {_months(rule.months, MONTH_NAMES['en'])} {year}")

    def said(self) -> Text:
        """'radet meets 1 time in 2025; the bylaw requires at least 2', in both languages."""
        n, rule = self.count, self.rule
        where = self.where()
        required = _required(rule)
        if rule.soft:
            return Text(sv=f"{self.body.id} möts {n} {'gång' if n == 1 else 'gånger'} {where.sv}; avtalet anger "
                           f"som regel {required.sv}",
                        en=f"{self.body.id} meets {n} {'time' if n == 1 else 'times'} {where.en}; the bylaw says "
                           f"{required.en} as a rule")
        return Text(sv=f"{self.body.id} möts {n} {'gång' if n == 1 else 'gånger'} {where.sv}; avtalet kräver "
                       f"{required.sv}",
                    en=f"{self.body.id} meets {n} {'time' if n == 1 else 'times'} {where.en}; the bylaw requires "
                       f"{required.en}")

    @property
    def severity(self) -> Severity:
        """`about N` and `as a rule` are aims, not limits: straying from them is a warning."""
        return "warning" if self.rule.kind == "about" or self.rule.soft else "error"


def bounds(rule: MeetingRule) -> tuple[int | None, int | None]:
    """The fewest and the most meetings a count may hold under `rule` (None: no bound); `about N` accepts
    N±1."""
    if rule.kind == "about":
        return (None if rule.low is None else rule.low - ABOUT_TOLERANCE,
                None if rule.high is None else rule.high + ABOUT_TOLERANCE)
    return rule.minimum, rule.maximum


def _period(rule: MeetingRule, year: int) -> tuple[date, date]:
    first, last = rule.months or (1, 12)
    return date(year, first, 1), date(year, last, _cal.monthrange(year, last)[1])


def _months(months: tuple[int, int], names: tuple[str, ...]) -> str:
    first, last = (names[m - 1] for m in months)
    return first if first == last else f"{first}–{last}"


def _required(rule: MeetingRule) -> Text:
    low, high = rule.low, rule.high
    if rule.kind == "at_least":
        return Text(sv=f"minst {low}", en=f"at least {low}")
    if rule.kind == "at_most":
        return Text(sv=f"högst {high}", en=f"at most {high}")
    if rule.kind == "between":
        return Text(sv=f"{low}–{high}", en=f"{low}–{high}")
    if rule.kind == "about" and low is not None:
        accepted = f"{low - ABOUT_TOLERANCE}–{low + ABOUT_TOLERANCE}"
        return Text(sv=f"ungefär {low} ({accepted} godtas)", en=f"about {low} ({accepted} accepted)")
    return Text(sv=f"exakt {low}", en=f"exactly {low}")


def counts(view: CalendarView, *, windows: bool) -> list[Count]:
    """Every (body, meeting rule, year) count outside the rule's bounds: of the rules that name months
    (`windows`) or of those per whole year. Years before the agreement took effect are not judged: it did
    not exist. (A count within bounds is passed over before a Count is made: a large calendar has
    thousands of them.) Counted once per run: meeting-minimum and meeting-maximum judge the same counts."""
    return view.once(("counts", windows), lambda: list(_counts(view, windows)))


def _counts(view: CalendarView, windows: bool) -> Iterator[Count]:
    start = view.bylaw.effective_from
    years = [y for y in view.years if start is None or y >= start.year]
    # Each span of months' first and last day in every year, made once: the bodies share them. (Inline
    # rather than a call per body and year: a large calendar has tens of thousands of body-years.)
    periods: dict[tuple[int, int], dict[int, tuple[date, date]]] = {}
    for body in view.bodies.values():
        rules = [r for r in body.body.meeting_rules if (r.months is not None) == windows]
        if not rules:
            continue
        held = body.years()
        for rule in rules:
            low, high = bounds(rule)
            within = None if rule.months is None else periods.get(rule.months) or periods.setdefault(
                rule.months, {year: _period(rule, year) for year in years})
            for year in years:
                that_year = held.get(year, ())
                if within is None or not that_year:
                    n = len(that_year)
                else:  # those in its months, counted by bisection (the year's meetings are by date)
                    first, last = within[year]
                    n = max(0, bisect_right(that_year, last, key=_date) - bisect_left(that_year, first, key=_date))
                if (low is not None and n < low) or (high is not None and n > high):
                    yield Count(body, rule, year, n)


def too_few(view: CalendarView, rule: Rule, c: Count) -> Iterator[Finding]:
    """The finding of a count below the rule's least number (only called then)."""
    first, last = c.period
    said = c.said()
    cite = view.cite(c.rule)
    partial = view.planned_only and c.year == view.as_of.year and first < view.as_of
    if partial and last <= view.as_of:
        return  # the period was over before the plan begins: the plan cannot say anything about it
    if partial:
        more = (c.low or 0) - c.count
        yield view.finding(rule, cite, severity="warning", body=c.body.id, year=c.year,
                           sv=f"{said.sv}: kalendern börjar efter {view.as_of}, så minst {more} till måste ha "
                              f"hållits under {c.year} före dess",
                           en=f"{said.en}: the calendar starts after {view.as_of}, so at least {more} more must "
                              f"have been held in {c.year} before then")
        return
    # A cancelled meeting counts towards nothing; a count it would have met is met only on paper.
    off = [m.id for m in view.cancelled if m.body == c.body.id and first <= m.date <= last]
    sv, en = said.sv, said.en
    if off:
        names = ", ".join(f"'{i}'" for i in off)
        if c.count + len(off) >= (c.low or 0):
            sv, en = f"{sv}: uppfyllt bara på papperet, {names} inställt", f"{en}: met only on paper, {names} cancelled"
        else:
            sv, en = f"{sv} ({names} inställt, räknas inte)", f"{en} ({names} cancelled, not counted)"
    yield view.finding(rule, cite, severity=c.severity, body=c.body.id, year=c.year, sv=sv, en=en,
                       fix=free_dates(view, c))


SHOWN = 12  # days listed at most; a fix of more meetings than that says how many are left unlisted


def free_dates(view: CalendarView, c: Count) -> Text | None:
    """The free days that would bring the count up to the rule's least number: one per missing meeting,
    each in the middle of the longest stretch without a meeting (so that they spread over the period),
    moved to the nearest free day; for one missing meeting, the few free days nearest that middle. Days
    still to come (after `as_of`) when enough of them are left, else the whole period, said as past.
    None when the period has too few free days."""
    more = (c.low or 0) - c.count
    first, last = c.period
    july = c.rule.months is not None and c.rule.months[0] <= 7 <= c.rule.months[1]
    held = {m.date for m in c.body.meetings}
    soon = max(first, view.as_of + timedelta(days=1))
    ahead = soon <= last and _enough(soon, last, more, july, held)
    lo = soon if ahead else first
    if not ahead and not _enough(first, last, more, july, held):
        return None
    chosen: list[date] = []
    for _ in range(more):
        target = _middle_of_longest_gap(lo, last, sorted(held | set(chosen)))
        chosen += nearest_free(target, lo, last, 1, july=july, taken=held | set(chosen))
    if more == 1:
        chosen = nearest_free(chosen[0], lo, last, 3, july=july, taken=held)
    shown = listed(sorted(chosen)[:SHOWN], either=more == 1)
    rest = Text(sv=f" (och {len(chosen) - SHOWN} till)", en=f" (and {len(chosen) - SHOWN} more)") \
        if len(chosen) > SHOWN else Text(sv="", en="")
    n = Text(sv=f"{more} {'sammanträde' if more == 1 else 'sammanträden'}",
             en=f"{more} {'meeting' if more == 1 else 'meetings'}")
    where = c.where()
    if ahead:
        return Text(sv=f"lägg till {n.sv} {where.sv}, t.ex. {shown.sv}{rest.sv} (lediga vardagar)",
                    en=f"add {n.en} {where.en}, e.g. on {shown.en}{rest.en} (free working days)")
    return Text(sv=f"perioden var slut före {view.as_of}; det hade behövts {n.sv} till {where.sv}, t.ex. "
                   f"{shown.sv}{rest.sv} (lediga vardagar)",
                en=f"the period was over before {view.as_of}; {n.en} more {where.en} would have been needed, "
                   f"e.g. on {shown.en}{rest.en} (free working days)")


def _enough(first: date, last: date, more: int, july: bool, held: set[date]) -> bool:
    return sum(1 for _ in zip(range(more), free_days(first, last, july=july, taken=held))) >= more


def _middle_of_longest_gap(first: date, last: date, days: list[date]) -> date:
    """The middle of the longest stretch of first..last without one of `days`."""
    inside = [d for d in days if first <= d <= last]
    edges = [first - timedelta(days=1), *inside, last + timedelta(days=1)]
    a, b = max(zip(edges, edges[1:]), key=lambda gap: (gap[1] - gap[0], -gap[0].toordinal()))
    return a + (b - a) // 2


def too_many(view: CalendarView, rule: Rule, c: Count) -> Finding:
    said = c.said()
    return view.finding(rule, view.cite(c.rule), severity=c.severity, body=c.body.id, year=c.year,
                        sv=said.sv, en=said.en)
