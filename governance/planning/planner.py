"""Planning a year's meetings: a calendar the bylaw allows, for a secretariat to start from.

Every body with meeting rules is planned, and so is every body that must prepare (or propose) the matters
of a planned body (`rule all matters to B prepared by A`): A meets before each of B's meetings, on or
before the day B's notice goes out (so that the papers sent with the notice are prepared) and at most two
weeks before that. Bodies are planned deciders first, so that a chain A → B → C gives A a meeting before
each of B's, B's preparing meetings included. A preparing body's meetings count towards its own meeting
rules; only what they leave short is added.

A body's own meetings: as many as its rules ask at the least (`at least N`, `N..M`, `exactly N`, `about
N`), first into each window (`in april..may`), then spread over the other months, into a window only when
no other month is left. A meeting falls on a Tuesday, Wednesday or Thursday that is no Swedish public
holiday and no de-facto holiday (julafton, midsommarafton, nyårsafton: the `holidays` package's Swedish
calendar, category de_facto; governance.time.sweden.days_off), around the 10th of its month (a second one around the 24th),
and never in July unless `july=True` (or a window the bylaw sets in July alone). It starts at `at` (09:00
by default). It has the chair that the rotation gives for the year, is convened by whoever the bylaw says
convenes the body, is called the body's notice period ahead (three weeks when the bylaw is silent), and
lists as attendees every voting seat, once for each of its places (at the least; a pool seat by as many
members as it needs at least), and the
office that keeps the minutes. It holds only the matters the bylaw requires every year (`treats …
each year`: the annual report, the budget), at the body's first meeting in their months, with their
preparation before; what else will be decided is not known a year ahead.

`check_plan` checks the plan against the bylaw: what the planner could not meet (a year outside the
agreement's term, rules that contradict each other) comes back as findings.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from ..calendar.model import Calendar, Matter, Meeting
from ..calendar.refs import parse_seat_ref
from ..check import check_calendar
from ..check.rules.competence import deciders
from ..graph.queries import preparation_chain, who_convenes, who_keeps_minutes
from ..lang import Lang
from ..model import types as t
from ..report.finding import Report
from ..time.rotation import seating_of
from ..time.sweden import days_off

DEFAULT_NOTICE_DAYS = 21
MEETING_DAYS = (1, 2, 3)  # Tuesday, Wednesday, Thursday
DAYS_OF_MONTH = (10, 24, 3, 17)  # where a month's first, second … meeting is put
JULY = 7
DEFAULT_START = time(9, 0)
PREPARATION_SPAN = 14  # days: how much earlier than the decider's notice a preparing meeting may lie


@dataclass(frozen=True, slots=True)
class Preparation:
    """A preparing meeting planned for a deciding one: `by` meets on `day` for `body`'s meeting of `before`."""

    by: str
    body: str
    day: date
    before: date


def plan(bylaw: t.Bylaw, year: int, *, july: bool = False, at: time = DEFAULT_START) -> Calendar:
    """A calendar of `year` that meets every body's meeting rules, with every preparing body meeting before
    the body it prepares for, and with chairs, conveners, notice and attendees as the bylaw has them.
    Raises ValueError for a year no meeting can be in (governance.limits: 1900–2199)."""
    from ..limits import year_problem
    problem = year_problem(year)
    if problem:  # said here, not by a date deep inside (year 99999) or a Meeting refusing its day (1800)
        raise ValueError(problem)
    planner = _Planner(bylaw, year, july)
    meetings: list[Meeting] = []
    for body in bylaw.bodies:
        days = planner.days.get(body.id)
        if not days:
            continue
        chair = _chair(bylaw, body, year)
        convener = _convener(bylaw, body, chair)
        attendees = _attendees(bylaw, body)
        ahead = timedelta(days=_notice_days(body))
        meetings += [Meeting(id=f"{body.id}-{year}-{k}", body=body.id, date=day,
                             start=datetime.combine(day, at), chair=chair, convened_by=convener,
                             notice_date=day - ahead, attendees=attendees)
                     for k, day in enumerate(days, 1)]
    meetings.sort(key=lambda m: (m.date, m.body))
    return Calendar(path=f"{bylaw.id}-{year}.yaml", bylaw=bylaw.id, meetings=_required_matters(bylaw, year, meetings))


def _required_matters(bylaw: t.Bylaw, year: int, meetings: list[Meeting]) -> tuple[Meeting, ...]:
    """`meetings` with the business each body must treat every year (`treats arsredovisning each year in
    january..april`) at its first meeting in those months: decided there when the body decides that type
    of matter (or no body is named to), else taken up as information; and prepared (or proposed) before,
    at the latest meeting of each body of its preparation chain by the day the next step's notice goes
    out, so that the plan shows where the annual report and the budget go and passes its own check."""
    named = deciders(bylaw)
    titles = {m.id: m.title for m in bylaw.matters}
    of: dict[str, list[Meeting]] = {}
    for m in meetings:
        of.setdefault(m.body, []).append(m)
    added: dict[str, list[Matter]] = {}
    for body in bylaw.bodies:
        for clause in body.of(t.Treats):
            first, last = clause.months or (1, 12)
            at = next((m for m in of.get(body.id, ()) if first <= m.date.month <= last), None)
            if at is None:  # no meeting in those months: the plan's check says so
                continue
            for kind in clause.matters:
                matter_id = f"{kind}-{year}"
                decides = kind not in named or any(b == body.id for b, _ in named[kind])
                added.setdefault(at.id, []).append(
                    Matter(matter_id, titles.get(kind), kind, "decide" if decides else "inform"))
                if not decides:
                    continue
                # Each step's body acts by the day the notice of the meeting it prepares for goes out.
                by_day = {body.id: at.date - timedelta(days=_notice_days(body))}
                for step in reversed(preparation_chain(bylaw, body.id, kind)):
                    deadline = by_day.get(step.to, at.date - timedelta(days=1))
                    theirs = [m for m in of.get(step.by, ()) if m.date <= deadline]
                    if not theirs:
                        continue
                    action = "propose" if step.step == "proposed" else "prepare"
                    added.setdefault(theirs[-1].id, []).append(Matter(matter_id, titles.get(kind), kind, action))
                    by_day[step.by] = theirs[-1].date - timedelta(days=_notice_days(bylaw.body(step.by)))
    return tuple(replace(m, matters=m.matters + tuple(added[m.id])) if m.id in added else m for m in meetings)


def preparations(bylaw: t.Bylaw) -> dict[str, tuple[str, ...]]:
    """Body id → the bodies that must prepare or propose all its matters (`rule all matters to B prepared|
    proposed by A`), in bylaw order; only bodies the bylaw has (a rule naming a member is not a meeting), and
    no office.
    A rule for matters of some types only is left out: which meeting will decide such a matter is not
    known a year ahead, and the preparing body has its own meetings to take it up."""
    bodies = {b.id for b in bylaw.bodies}
    offices = {b.id for b in bylaw.bodies if b.office}  # an office prepares at its desks, not in meetings
    out: dict[str, list[str]] = {}
    for rule in bylaw.rules:
        if (isinstance(rule, t.Requirement) and rule.matters is None and rule.body in bodies and rule.by in bodies
                and rule.by not in offices and rule.by != rule.body):
            out.setdefault(rule.body, [])
            if rule.by not in out[rule.body]:
                out[rule.body].append(rule.by)
    return {k: tuple(v) for k, v in out.items()}


def check_plan(bylaw: t.Bylaw, calendar: Calendar, versions=(), lang: Lang = "en") -> Report:
    """The plan judged like any calendar, as a plan: before its year begins; findings in `lang` (English
    by default, as `check_calendar` until the command line's --lang)."""
    first = min((m.date for m in calendar.meetings), default=None)
    as_of = date(first.year, 1, 1) - timedelta(days=1) if first else None
    return check_calendar(bylaw, calendar, as_of=as_of, versions=versions, lang=lang)


def _notice_days(body: t.Body) -> int:
    notice = body.first(t.Notice)
    return notice.days if notice is not None else DEFAULT_NOTICE_DAYS


# ---- when ------------------------------------------------------------------------------------------
class _Planner:
    """The days of every body, deciders before those who prepare for them."""

    def __init__(self, bylaw: t.Bylaw, year: int, july: bool):
        self.year, self.july = year, july
        self.off = days_off([year])
        self.days: dict[str, list[date]] = {}
        self.fixed: dict[str, set[date]] = {}  # body → days it must meet to prepare for another
        prepared_by = preparations(bylaw)
        preparing_for: dict[str, set[str]] = {}
        for target, bys in prepared_by.items():
            for by in bys:
                preparing_for.setdefault(by, set()).add(target)
        for body in _deciders_first(bylaw, prepared_by):
            # Its own meetings keep clear of the days of those it prepares for: a meeting the same day
            # prepares nothing.
            avoid = [d for target in sorted(preparing_for.get(body.id, ())) for d in self.days.get(target, ())]
            own = _days(body, year, self, sorted(self.fixed.get(body.id, ())), avoid)
            days = sorted(set(own) | self.fixed.get(body.id, set()))
            if not days:
                continue
            self.days[body.id] = days
            for by in prepared_by.get(body.id, ()):
                self.prepare(body, bylaw.body(by))

    def meeting_day(self, d: date) -> bool:
        return (d.weekday() in MEETING_DAYS and d not in self.off and d.year == self.year
                and (self.july or d.month != JULY))

    def prepare(self, body: t.Body, by: t.Body) -> None:
        """A meeting of `by` before each meeting of `body`, on or before the day its notice goes out: one
        `by` holds already since `body`'s meeting before, else a new one at most two weeks before the
        notice. When `by`'s own maximum leaves no room for another, its latest meeting before serves (one
        meeting prepares for two). When the span holds no meeting day in the year (early January, after
        July), `body`'s meeting moves later in its month, unless it is itself a preparing meeting."""
        lead = _notice_days(body)
        days = self.days[body.id]
        theirs = self.fixed.setdefault(by.id, set())
        for i, d in enumerate(days):
            previous = days[i - 1] if i else date.min
            if any(previous < x <= d - timedelta(days=lead) for x in theirs):
                continue
            found = self.preparing_day(d, lead, by, theirs)
            if found is None and d not in self.fixed.get(body.id, ()):
                later = d + timedelta(days=1)
                while later.month == d.month:
                    if self.meeting_day(later) and later not in days:
                        found = self.preparing_day(later, lead, by, theirs)
                        if found is not None:
                            days[i] = later
                            break
                    later += timedelta(days=1)
            if found is None:  # `by`'s maxima are full: its latest meeting before prepares for this one too
                found = max((x for x in theirs if x <= days[i] - timedelta(days=lead)), default=None)
            if found is not None:
                theirs.add(found)
        days.sort()

    def preparing_day(self, d: date, lead: int, by: t.Body, theirs: set[date]) -> date | None:
        """The latest free meeting day in [d − lead − span, d − lead] that `by`'s maxima leave room for;
        None if there is none."""
        last = d - timedelta(days=lead)
        span = [last - timedelta(days=k) for k in range(PREPARATION_SPAN + 1)]
        return next((x for x in span if self.meeting_day(x) and x not in theirs and _room(by, theirs, x)), None)

    def months(self, months: list[int]) -> list[int]:
        """`months` without July unless allowed; all of them when July is all there is."""
        kept = [m for m in months if self.july or m != JULY]
        return kept or months


def _room(body: t.Body, days: set[date], day: date) -> bool:
    """Whether `body` may meet on `day` besides `days` without breaking a maximum of its meeting rules."""
    for rule in body.meeting_rules:
        if rule.maximum is None:
            continue
        months = range(rule.months[0], rule.months[1] + 1) if rule.months else range(1, 13)
        if day.month in months and sum(d.month in months for d in days) + 1 > rule.maximum:
            return False
    return True


def _deciders_first(bylaw: t.Bylaw, prepared_by: dict[str, tuple[str, ...]]) -> list[t.Body]:
    """The bodies, each after every body it prepares for (a cycle, which lint reports, in bylaw order)."""
    preparing_for: dict[str, list[str]] = {}
    for body, bys in prepared_by.items():
        for by in bys:
            preparing_for.setdefault(by, []).append(body)
    order: list[t.Body] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(body: t.Body) -> None:
        if body.id in placed or body.id in visiting:
            return
        visiting.add(body.id)
        for target in preparing_for.get(body.id, ()):
            place(bylaw.body(target))
        visiting.discard(body.id)
        placed.add(body.id)
        order.append(body)

    for body in bylaw.bodies:
        place(body)
    return order


def _days(body: t.Body, year: int, planner: _Planner, fixed: list[date], avoid: list[date]) -> list[date]:
    """The body's own meeting days in `year` beyond the `fixed` ones (its preparing meetings): what each
    window still lacks inside it, then what the year's least number still lacks, spread over the months
    outside every window; never in the slot of a day in `avoid`."""
    rules = body.meeting_rules
    windows = [r for r in rules if r.months is not None]
    yearly = [r for r in rules if r.months is None]
    taken: set[tuple[int, int]] = {(d.month, _slot(d.day)) for d in (*fixed, *avoid)}  # (month, slot) in use
    # A month with a preparing meeting has its first meeting: the body's own go to other months first.
    taken |= {(d.month, 0) for d in fixed}
    days: list[date] = []
    for rule in windows:
        inside = range(rule.months[0], rule.months[1] + 1)
        need = (rule.minimum or 0) - sum(d.month in inside for d in fixed)
        if need > 0:
            days += _spread(year, planner.months(list(inside)), need, taken, planner)
    need = max((r.minimum or 0 for r in yearly), default=0) - len(days) - len(fixed)
    if need > 0:
        inside = {m for r in windows for m in range(r.months[0], r.months[1] + 1)}
        months = planner.months([m for m in range(1, 13) if m not in inside])
        free = sum((m, s) not in taken for m in months for s in range(len(DAYS_OF_MONTH)))
        if free < need:
            # Too few months outside the windows: also those of windows that set no maximum.
            capped = {m for r in windows if r.maximum is not None for m in range(r.months[0], r.months[1] + 1)}
            months = planner.months([m for m in range(1, 13) if m not in capped])
        days += _spread(year, months, need, taken, planner)
    return sorted(days)


def _slot(day: int) -> int:
    """The slot (index into DAYS_OF_MONTH) nearest to a day of the month."""
    return min(range(len(DAYS_OF_MONTH)), key=lambda s: abs(DAYS_OF_MONTH[s] - day))


def _spread(year: int, months: list[int], n: int, taken: set, planner: _Planner) -> list[date]:
    """`n` days spread evenly over `months`: every month's first free slot before any month's next one."""
    picked: list[tuple[int, int]] = []
    for slot in range(len(DAYS_OF_MONTH)):
        if len(picked) >= n:
            break
        free = [(m, slot) for m in months if (m, slot) not in taken]
        want = min(n - len(picked), len(free))
        # evenly over the free months: the middle of each of `want` equal stretches
        picked += [free[(2 * i + 1) * len(free) // (2 * want)] for i in range(want)]
    out = []
    for month, slot in picked:
        taken.add((month, slot))
        out.append(_working_day(year, month, DAYS_OF_MONTH[slot], planner))
    return out


def _working_day(year: int, month: int, day: int, planner: _Planner) -> date:
    """The first meeting day (Tue–Thu, no holiday, no de-facto holiday) from year-month-day on, in that
    month; else the last one before it."""
    off = planner.off
    d = date(year, month, day)
    while d.month == month:
        if d.weekday() in MEETING_DAYS and d not in off:
            return d
        d += timedelta(days=1)
    d = date(year, month, day)
    while d.weekday() not in MEETING_DAYS or d in off:
        d -= timedelta(days=1)
    return d
# ---- who -------------------------------------------------------------------------------------------
def _chair(bylaw: t.Bylaw, body: t.Body, year: int) -> t.SeatRef | None:
    """The seat that chairs in `year`; for a chair the body elects, its first holder of the role."""
    seating = seating_of(bylaw, body, body.chair, year)
    if seating.kind == "none" or not seating.known:
        return None
    if seating.kind == "elected":
        holder = next((s for s in body.seats if s.role == seating.role), None)
        return t.SeatRef(holder.member if holder else None, seating.role)
    return t.SeatRef(seating.member, seating.role)


def _convener(bylaw: t.Bylaw, body: t.Body, chair: t.SeatRef | None) -> str | None:
    parties = who_convenes(bylaw, body.id)
    if not parties:
        return None
    party = parties[0]
    if party.ref == "chair":
        return str(chair) if chair is not None else None
    return party.ref


def _attendees(bylaw: t.Bylaw, body: t.Body) -> tuple[t.SeatRef, ...]:
    """Every voting seat, as many times as its line has places at the least (`3 from each member`: three
    ledamöter of each, who all count towards the quorum), a pool seat by as many members as it needs at
    least; then the secretary."""
    kinds = {m.id: m.kind for m in bylaw.members}
    places: dict[t.SeatRef, int] = {}  # seat line → how many hold it; a line named twice counts once
    for seat in body.seats:
        if seat.adjunct:
            continue
        if seat.member is not None or seat.pool is None:
            ref = t.SeatRef(seat.member, seat.role)
            places[ref] = max(places.get(ref, 0), seat.min, 1)  # (`1..2`: one is surely appointed)
            continue
        eligible = [m for m, kind in kinds.items() if seat.pool in ("member", kind)]
        for member in eligible[:max(seat.min, 1)]:
            places.setdefault(t.SeatRef(member, seat.role), 1)
    keeper = who_keeps_minutes(bylaw, body.id)
    if keeper and keeper[0].ref != "chair":
        ref = parse_seat_ref(keeper[0].ref)  # an office id reads as a ROLE alone
        if ref is not None:
            places.setdefault(ref, 1)
    return tuple(ref for ref, n in places.items() for _ in range(n))
