"""Elections, mandate periods and the terms of an agreement.

Elections come from the `election every N years from YEAR on ORDINAL WEEKDAY of MONTH` statement and mandate
periods from `mandate period N years from MONTH DAY of election year` (both in `rules/sweden.bylaw`; a bylaw
gets them with `import sweden`). Cycles are extended backwards as well as forwards from the start year
(Swedish elections have come every four years since 1994; earlier years are not meaningful).

The term of an agreement:
- `valid [from D] until E` (and no renewal clause): one term from the start to E, or open-ended for
  `until further notice`.
- `renewed after each election for N mandate periods`: a term starts on the agreement's date (its
  `effective_from`: `amends … from`, else `valid from`, else `signed`) and ends on the last day of the N-th
  mandate period counted from the one that date falls in. After that the agreement is out of term until it
  is renewed.
- A renewal is recorded in the bylaw's header, `renewed 2015-02-01, 2019-03-14`, or by a new version that
  `amends` the previous one `from` a date (pass every version's start as `renewals`; see versions.py).
  A renewal on day R starts a term on R. If R falls after the election that ends R's mandate period (the
  window between election day and the new period), the renewal is for the *next* N periods, so the term
  runs on without a gap; otherwise it covers R's period and N-1 more.
- The renewal deadline of a term is its last day: a meeting after it, before a renewal, is out of term
  (the calendar check's `term` finding: one call to `out_of_term`).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Literal, NamedTuple, Sequence

from ..lang import Text
from ..model import types as t

ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# ---- elections and mandate periods ---------------------------------------------------------------------
def _nth_weekday(year: int, month: int, ordinal: str, weekday: str) -> date:
    wd = WEEKDAYS.index(weekday)
    days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == wd]
    return days[ORDINALS[ordinal]]


def is_election_year(cycle: t.ElectionCycle, year: int) -> bool:
    return (year - cycle.start) % cycle.every == 0


def election_date(cycle: t.ElectionCycle, year: int) -> date | None:
    """The election day in `year`, or None if `year` is not an election year."""
    if not is_election_year(cycle, year):
        return None
    return _nth_weekday(year, cycle.month, cycle.ordinal, cycle.weekday)


def election_dates(cycle: t.ElectionCycle, first: int, last: int) -> tuple[date, ...]:
    """Election days in the years first..last (inclusive)."""
    return tuple(d for y in range(first, last + 1) if (d := election_date(cycle, y)) is not None)


@dataclass(frozen=True, slots=True)
class Period:
    """One mandate period: [start, end] inclusive, opened by the election held in `election`'s year."""

    start: date
    end: date
    election: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        return f"{self.start.year}–{self.end.year}"


def _period_from(cycle: t.ElectionCycle, mandate: t.MandatePeriod, election_year: int) -> Period:
    start = date(election_year + mandate.after, mandate.month, mandate.day)
    end = date(election_year + mandate.after + mandate.years, mandate.month, mandate.day) - timedelta(days=1)
    return Period(start, end, _nth_weekday(election_year, cycle.month, cycle.ordinal, cycle.weekday))


def mandate_period_at(cycle: t.ElectionCycle, mandate: t.MandatePeriod, day: date) -> Period:
    """The mandate period that contains `day`."""
    year = day.year - (day.year - cycle.start) % cycle.every
    period = _period_from(cycle, mandate, year)
    if day < period.start:
        period = _period_from(cycle, mandate, year - cycle.every)
    return period


def next_period(cycle: t.ElectionCycle, mandate: t.MandatePeriod, period: Period) -> Period:
    return _period_from(cycle, mandate, period.election.year + cycle.every)


def mandate_periods(cycle: t.ElectionCycle, mandate: t.MandatePeriod, first: int, last: int) -> tuple[Period, ...]:
    """Mandate periods that overlap the years first..last, in order."""
    period = mandate_period_at(cycle, mandate, date(first, 1, 1))
    out = []
    while period.start <= date(last, 12, 31):
        out.append(period)
        period = next_period(cycle, mandate, period)
    return tuple(out)


# ---- terms of an agreement ---------------------------------------------------------------------------
class Term(NamedTuple):
    """A stretch of time in which the agreement is in force: [start, end] inclusive (None: open).

    `kind`: initial | renewal | fixed | open.  `clause` is the header item the end rests on (the `renewed
    after each election …` or `valid … until` line), for citations; `deadline` is the last day by which it
    must be renewed (= `end` for renewable agreements, None otherwise)."""

    start: date | None
    end: date | None
    kind: str
    clause: t.HeaderItem | None = None
    periods: tuple[Period, ...] = ()

    def __contains__(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def deadline(self) -> date | None:
        return self.end if self.kind in ("initial", "renewal") else None

    def to_json(self) -> dict:
        return {"start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "kind": self.kind,
                "renewal_deadline": self.deadline.isoformat() if self.deadline else None,
                "mandate_periods": [[p.start.isoformat(), p.end.isoformat()] for p in self.periods]}


class TermBreach(NamedTuple):
    """Why a day lies outside every term: a message and the clause to cite."""

    day: date
    message: str
    clause: t.HeaderItem | None
    # What the message says, as data (for messages in other languages): the day is before `limit` (the
    # start), after it (a fixed end), or after a renewable term that ended on `limit` was not renewed.
    reason: Literal["before", "ended", "not-renewed"] = "before"
    limit: date | None = None


class TermError(ValueError):
    """The bylaw renews per mandate period but imports no election cycle / mandate period, or has no start
    date. `said`: why, in Swedish and English (str() is the English)."""

    def __init__(self, said: Text):
        super().__init__(said.en)
        self.said = said


def renewal_rule(bylaw: t.Bylaw) -> t.HeaderItem | None:
    """The `renewed after each election for N mandate periods` header item, if any."""
    return bylaw.header_item("renewed")


def recorded_renewals(bylaw: t.Bylaw) -> tuple[date, ...]:
    """The dates of the `renewed DATE, …` header item, sorted."""
    item = bylaw.header_item("renewal")
    return tuple(sorted(item.value)) if item else ()


def _valid(bylaw: t.Bylaw) -> t.HeaderItem | None:
    return bylaw.header_item("valid")


def _renewable_term(cycle, mandate, start: date, count: int, kind: str, clause) -> Term:
    period = mandate_period_at(cycle, mandate, start)
    if start >= next_period(cycle, mandate, period).election:
        # Renewed after the election that closes this period: the renewal is for the coming periods.
        period = next_period(cycle, mandate, period)
    periods = [period]
    for _ in range(count - 1):
        periods.append(next_period(cycle, mandate, periods[-1]))
    return Term(start, periods[-1].end, kind, clause, tuple(periods))


def terms(bylaw: t.Bylaw, until: int | date | None = None, renewals: Iterable[date] = ()) -> tuple[Term, ...]:
    """The agreement's terms in order, up to the end of year `until` (or the date; default: the last renewal
    or start). `renewals` adds renewal dates to those the header records (e.g. the start dates of later
    versions). A renewable agreement's last term ends; days after it are out of term.
    Raises TermError if the bylaw renews per mandate period but has no election cycle or mandate period."""
    rule = renewal_rule(bylaw)
    valid = _valid(bylaw)
    start = bylaw.effective_from
    if rule is None:
        end = valid.value[1] if valid else None
        kind = "fixed" if end else "open"
        return (Term(start, end, kind, valid),)
    cycle, mandate = bylaw.election_cycle, bylaw.mandate_period
    if cycle is None or mandate is None:
        raise TermError(Text(f"avtalet '{bylaw.id}' förnyas per mandatperiod men har ingen valcykel eller "
                             "mandatperiod; lägg till `import sweden`",
                             f"bylaw '{bylaw.id}' is renewed per mandate period but has no election cycle or "
                             "mandate period; add `import sweden`"))
    count = rule.value[0]
    dates = sorted({*recorded_renewals(bylaw), *renewals})
    if start is None:
        start = dates[0] if dates else None
    if start is None:
        raise TermError(Text(f"avtalet '{bylaw.id}' förnyas per mandatperiod men anger ingen startdag; lägg till "
                             "`signed DATE` eller `valid from DATE`",
                             f"bylaw '{bylaw.id}' is renewed per mandate period but has no start date; add "
                             "`signed DATE` or `valid from DATE`"))
    out = [_renewable_term(cycle, mandate, start, count, "initial", rule)]
    for day in dates:
        if day <= start:
            continue
        term = _renewable_term(cycle, mandate, day, count, "renewal", rule)
        if term.end <= out[-1].end:
            continue  # renewed again within the same term: nothing changes
        out.append(term)
    if until is not None:
        limit = until if isinstance(until, date) else date(until, 12, 31)
        out = [term for term in out if term.start is None or term.start <= limit]
    return tuple(out)


def term_at(bylaw: t.Bylaw, day: date, renewals: Iterable[date] = ()) -> Term | None:
    """The term in force on `day`, or None: before the agreement starts, after it ends, or (renewable
    agreements) after a term's last day and before the next renewal."""
    for term in terms(bylaw, renewals=renewals):
        if day in term:
            return term
    return None


def out_of_term(bylaw: t.Bylaw, day: date, renewals: Iterable[date] = ()) -> TermBreach | None:
    """None if the agreement is in force on `day`; otherwise why not, with the clause to cite.

    The calendar check: `if (b := out_of_term(bylaw, m.date)): yield Finding("term", "error", b.message,
    cite(bylaw, b.clause) if b.clause else None, …)`."""
    return breach_on(bylaw, day, terms(bylaw, renewals=renewals))


def breach_on(bylaw: t.Bylaw, day: date, all_terms: Sequence[Term]) -> TermBreach | None:
    """`out_of_term` with the bylaw's terms already worked out (`terms`): what a check asks of each day."""
    if any(day in term for term in all_terms):
        return None
    first = all_terms[0]
    if first.start is not None and day < first.start:
        return TermBreach(day, f"{day} is before the agreement takes effect ({first.start})",
                          bylaw.header_item("amends") or _valid(bylaw) or bylaw.header_item("signed"),
                          "before", first.start)
    before = [term for term in all_terms if term.end is not None and term.end < day]
    last = before[-1]
    if last.kind == "fixed":
        return TermBreach(day, f"{day} is after the agreement ends ({last.end})", last.clause, "ended", last.end)
    return TermBreach(day, f"{day} is after the agreement's term ended on {last.end} and no renewal after "
                      "that election is recorded", last.clause, "not-renewed", last.end)
