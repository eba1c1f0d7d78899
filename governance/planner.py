"""Planning a year's meetings: a calendar the bylaw allows, for a secretariat to start from.

Every body with meeting rules is planned (a body, such as an office, that the bylaw gives no meeting
rule is not, unless it must prepare another body's matters: it then meets two weeks before each of that
body's meetings). Each gets as many meetings as its rules ask at the least (`at least N`, `N..M`,
`exactly N`, `about N`): first into each window (`in april..may`), then spread over the other months,
into a window only when no other month is left. A meeting falls on a Tuesday, Wednesday or Thursday
that is no Swedish public holiday nor one of the eves Sweden takes off (julafton, nyårsafton,
midsommarafton), around the 10th of its month (a second one in a month around the 24th), at 09:00; July,
when offices are closed for the summer, is left free unless a rule asks for July itself or `july=True`.
It has the chair that the rotation gives for the year, is convened by whoever the bylaw says
convenes the body, is called the body's notice period ahead (three weeks when the bylaw is silent), and
lists as attendees every voting seat (a pool seat by as many members as it needs at least), and the
office that keeps the minutes. It holds no matters: what will be decided is not known a year ahead.

`check_plan` checks the plan against the bylaw: what the planner could not meet (a year outside the
agreement's term, rules that contradict each other) comes back as findings.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from .calendar.model import Calendar, Meeting
from .calendar.refs import parse_seat_ref
from .check import check_calendar
from .sweden import public_holidays
from .graph.queries import preparation_chain, who_convenes, who_keeps_minutes
from .model import types as t
from .report.finding import Report
from .rotation import seating_of

DEFAULT_NOTICE_DAYS = 21
MEETING_DAYS = (1, 2, 3)  # Tuesday, Wednesday, Thursday
DAYS_OF_MONTH = (10, 24, 3, 17)  # where a month's first, second … meeting is put
START = time(9, 0)  # a meeting's time of day: a morning, as the shipped calendars have them
SUMMER = 7  # July: the month Swedish offices close for the summer


def closed_days(year: int) -> dict[date, str]:
    """The public holidays of `year` and the eves that are not holidays by law but are kept as such:
    julafton, nyårsafton and midsommarafton (the Friday before midsommardagen), each with its name."""
    days = dict(public_holidays([year], "sv"))
    june20 = date(year, 6, 20)  # midsommardagen is the Saturday of 20–26 June
    days[june20 + timedelta(days=(5 - june20.weekday()) % 7 - 1)] = "Midsommarafton"
    days[date(year, 12, 24)] = "Julafton"
    days[date(year, 12, 31)] = "Nyårsafton"
    return days


def plan(bylaw: t.Bylaw, year: int, *, july: bool = False) -> Calendar:
    """A calendar of `year` that meets every body's meeting rules, with chairs, conveners, notice and
    attendees as the bylaw has them. `july`: July may hold meetings like any month (else only a rule
    that names July puts one there)."""
    public = closed_days(year)
    days_of = {body.id: _days(body, year, public, july) for body in bylaw.bodies}
    _prepare(bylaw, days_of, public, july)
    meetings: list[Meeting] = []
    for body in bylaw.bodies:
        days = days_of[body.id]
        if not days:
            continue
        chair = _chair(bylaw, body, year)
        convener = _convener(bylaw, body, chair)
        attendees = _attendees(bylaw, body)
        notice = body.first(t.Notice)
        ahead = timedelta(days=notice.days if notice is not None else DEFAULT_NOTICE_DAYS)
        meetings += [Meeting(id=f"{body.id}-{year}-{k}", body=body.id, date=day,
                             start=datetime.combine(day, START), chair=chair,
                             convened_by=convener, notice_date=day - ahead, attendees=attendees)
                     for k, day in enumerate(days, 1)]
    meetings.sort(key=lambda m: (m.date, m.body))
    return Calendar(path=f"{bylaw.id}-{year}.yaml", bylaw=bylaw.id, meetings=tuple(meetings))


def check_plan(bylaw: t.Bylaw, calendar: Calendar, versions=(), lang: str = "en") -> Report:
    """The plan judged like any calendar, as a plan: before its year begins; messages in `lang`."""
    first = min((m.date for m in calendar.meetings), default=None)
    as_of = date(first.year, 1, 1) - timedelta(days=1) if first else None
    return check_calendar(bylaw, calendar, as_of=as_of, versions=versions, lang=lang)


# ---- when ------------------------------------------------------------------------------------------
PREPARE_AHEAD = timedelta(days=14)  # a preparing body meets two weeks before the meeting it prepares for


def _prepare(bylaw: t.Bylaw, days_of: dict[str, list[date]], public, july: bool) -> None:
    """A body that must prepare (or propose) another's matters (`rule all matters to B prepared by A`) but
    has no meeting rule of its own meets PREPARE_AHEAD before each of B's meetings (on the nearest open day
    before that, in the same year), so that every matter can pass it in time; along a chain, the body
    nearest the decision first. An office prepares without meetings and is not planned."""
    own = {body_id for body_id, days in days_of.items() if days}
    offices = {b.id for b in bylaw.bodies if b.office}
    for decider in sorted(own):
        for step in reversed(preparation_chain(bylaw, decider)):
            if step.by in own or step.by in offices or step.by not in days_of:
                continue
            wanted = {_open_day_before(day - PREPARE_AHEAD, public, july) for day in days_of[step.to]}
            same_year = {d for d in wanted if days_of[step.to] and d.year == days_of[step.to][0].year}
            days_of[step.by] = sorted(set(days_of[step.by]) | same_year)


def _open_day_before(day: date, public, july: bool) -> date:
    """The last meeting day (Tue–Thu, not closed, not in July unless allowed) on or before `day`."""
    while day.weekday() not in MEETING_DAYS or day in public or (day.month == SUMMER and not july):
        day -= timedelta(days=1)
    return day

def _days(body: t.Body, year: int, public, july: bool) -> list[date]:
    """The body's meeting days in `year`: each window's least number inside it, then the year's least
    number spread over the months outside every window."""
    rules = body.meeting_rules
    windows = [r for r in rules if r.months is not None]
    yearly = [r for r in rules if r.months is None]
    taken: set[tuple[int, int]] = set()  # (month, slot) already used
    days: list[date] = []
    for rule in windows:
        months = _open(list(range(rule.months[0], rule.months[1] + 1)), july)
        days += _spread(year, months, rule.minimum or 0, taken, public)
    need = max((r.minimum or 0 for r in yearly), default=0) - len(days)
    if need > 0:
        inside = {m for r in windows for m in range(r.months[0], r.months[1] + 1)}
        months = _open([m for m in range(1, 13) if m not in inside], july)
        free = sum((m, s) not in taken for m in months for s in range(len(DAYS_OF_MONTH)))
        if free < need:
            # Too few months outside the windows: also those of windows that set no maximum.
            capped = {m for r in windows if r.maximum is not None for m in range(r.months[0], r.months[1] + 1)}
            months = _open([m for m in range(1, 13) if m not in capped], july)
        days += _spread(year, months, need, taken, public)
    return sorted(days)


def _open(months: list[int], july: bool) -> list[int]:
    """The months a meeting may go in: July only when allowed, or when a rule leaves no other month."""
    if july or months == [SUMMER]:
        return months
    return [m for m in months if m != SUMMER]


def _spread(year: int, months: list[int], n: int, taken: set, public) -> list[date]:
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
        out.append(_working_day(year, month, DAYS_OF_MONTH[slot], public))
    return out


def _working_day(year: int, month: int, day: int, public) -> date:
    """The first meeting day (Tue–Thu, no public holiday) from year-month-day on, in that month; else
    the last one before it."""
    d = date(year, month, day)
    while d.month == month:
        if d.weekday() in MEETING_DAYS and d not in public:
            return d
        d += timedelta(days=1)
    d = date(year, month, day)
    while d.weekday() not in MEETING_DAYS or d in public:
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
    """Every voting seat, a pool seat by as many members as it needs at least; then the secretary."""
    kinds = {m.id: m.kind for m in bylaw.members}
    out: list[t.SeatRef] = []
    for seat in body.seats:
        if seat.adjunct:
            continue
        if seat.member is not None or seat.pool is None:
            out.append(t.SeatRef(seat.member, seat.role))
            continue
        eligible = [m for m, kind in kinds.items() if seat.pool in ("member", kind)]
        out += [t.SeatRef(m, seat.role) for m in eligible[:max(seat.min, 1)]]
    keeper = who_keeps_minutes(bylaw, body.id)
    if keeper and keeper[0].ref != "chair":
        ref = parse_seat_ref(keeper[0].ref)  # an office id reads as a ROLE alone
        if ref is not None and ref not in out:
            out.append(ref)
    return tuple(dict.fromkeys(out))  # a seat listed once
