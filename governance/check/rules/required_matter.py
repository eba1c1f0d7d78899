"""required-matter: a body treats the business its bylaw requires at one of its meetings every year
(`treats arsredovisning, budget each year [in january..june]`), e.g. the yearly meeting that approves the
annual report and sets next year's budget frame.

A matter counts when a meeting of the body (not a cancelled one) lists it with that type — or with the
type's own id — whatever the body does with it (decides, prepares, proposes or is informed): the clause
asks that the body treat it, and what it may decide is `competence`'s. Years before the agreement took
effect are not judged; a plan that starts after --as-of cannot say what was treated before it (a warning),
as with meeting-minimum."""
from __future__ import annotations

import calendar as _cal
from datetime import date
from typing import Iterator

from ...lang import MONTH_NAMES
from ...model.types import Treats
from ...report.finding import Finding
from ..free_days import listed, nearest_free
from ..rule import Basis, Example, Rule, Text
from ..view import BodyView, CalendarView


def _period(clause: Treats, year: int) -> tuple[date, date]:
    first, last = clause.months or (1, 12)
    return date(year, first, 1), date(year, last, _cal.monthrange(year, last)[1])


def _where(clause: Treats, year: int) -> Text:
    if clause.months is None:
        return Text(sv=f"under {year}", en=f"in {year}")
    first, last = clause.months
    sv, en = (names[first - 1] + ("" if first == last else f"–{names[last - 1]}")
              for names in (MONTH_NAMES["sv"], MONTH_NAMES["en"]))
    return Text(sv=f"under {sv} {year}", en=f"in {en} {year}")


def _types(view: CalendarView, meeting) -> set[str]:
    declared = {m.id for m in view.bylaw.matters}
    out = set()
    for matter in meeting.matters:
        kind = matter.type or view.matter_types.get(matter.id)
        if kind is None and matter.id in declared:
            kind = matter.id
        if kind is not None:
            out.add(kind)
    return out


def check(view: CalendarView) -> Iterator[Finding]:
    start = view.bylaw.effective_from
    years = [y for y in view.years if start is None or y >= start.year]
    for body in view.bodies.values():
        for clause in body.body.of(Treats):
            for year in years:
                yield from _judge(view, body, clause, year)


def _judge(view: CalendarView, body: BodyView, clause: Treats, year: int) -> Iterator[Finding]:
    first, last = _period(clause, year)
    treated: set[str] = set()
    for meeting in body.years().get(year, ()):
        if first <= meeting.date <= last:
            treated |= _types(view, meeting)
    partial = view.planned_only and year == view.as_of.year and first < view.as_of
    if partial and last <= view.as_of:
        return  # the period was over before the plan begins: the plan cannot say anything about it
    where = _where(clause, year)
    for matter in clause.matters:
        if matter in treated:
            continue
        sv = f"{body.id} behandlar inte '{matter}' vid något sammanträde {where.sv}; avtalet kräver det varje år"
        en = f"{body.id} treats no '{matter}' at any meeting {where.en}; the bylaw requires it every year"
        if partial:
            yield view.finding(RULE, view.cite(clause), severity="warning", body=body.id, matter=matter, year=year,
                               sv=f"{sv}: kalendern börjar efter {view.as_of}, så det måste ha behandlats före dess",
                               en=f"{en}: the calendar starts after {view.as_of}, so it must have been treated "
                                  "before then")
            continue
        off = [m.id for m in view.cancelled
               if m.body == body.id and first <= m.date <= last and matter in _types(view, m)]
        if off:
            names = ", ".join(f"'{i}'" for i in off)
            sv, en = f"{sv} ({names} inställt)", f"{en} ({names} cancelled)"
        yield view.finding(RULE, view.cite(clause), body=body.id, matter=matter, year=year, sv=sv, en=en,
                           fix=_fix(body, first, last, matter, where))


def _fix(body: BodyView, first: date, last: date, matter: str, where: Text) -> Text | None:
    """Where the matter belongs: at the body's meetings in the period, when it has any; else at a meeting on
    one of the free days nearest the period's middle. None when the period has no free day."""
    held = [m for m in body.meetings if first <= m.date <= last]
    if held:
        at = ", ".join(f"'{m.id}' ({m.date})" for m in held[:3]) + (" …" if len(held) > 3 else "")
        return Text(sv=f"ta upp '{matter}' vid ett av organets sammanträden {where.sv}: {at}",
                    en=f"take up '{matter}' at one of the body's meetings {where.en}: {at}")
    july = first.month <= 7 <= last.month and (first.month, last.month) != (1, 12)
    days = nearest_free(first + (last - first) // 2, first, last, 3, july=july,
                        taken={m.date for m in body.meetings})
    if not days:
        return None
    shown = listed(days, either=True)
    return Text(sv=f"organet har inget sammanträde {where.sv}; håll ett som tar upp '{matter}', t.ex. {shown.sv} "
                   "(lediga vardagar)",
                en=f"the body has no meeting {where.en}; hold one that takes up '{matter}', e.g. on {shown.en} "
                   "(free working days)")


_BYLAW = ('matter arsredovisning "Årsredovisning"\nmatter budget "Budget"\n'
          'body stamman "Stämman"\n  seat ombud from each municipality\n'
          '  treats arsredovisning, budget each year in january..june\n')

RULE = Rule(
    id="required-matter",
    summary=Text(sv="Ett organ behandlar varje år de ärenden avtalet kräver att det behandlar.",
                 en="A body treats every year the matters the bylaw requires it to treat."),
    why=Text(sv="`treats TYP, … each year [in MÅNAD..MÅNAD]` kräver att organet varje år, under de månader som "
                "anges, tar upp ärenden av de typerna vid något sammanträde, t.ex. årsstämman som godkänner "
                "årsredovisningen och fastställer budgetramen. Ett ärende räknas när ett sammanträde (inte ett "
                "inställt) tar upp det med den typen, vad organet än gör med det; vem som får besluta prövar "
                "competence.",
             en="`treats TYPE, … each year [in MONTH..MONTH]` requires the body to take up matters of those types "
                "at one of its meetings every year, within the months named, e.g. the yearly meeting that "
                "approves the annual report and sets the budget frame. A matter counts when a meeting (not a "
                "cancelled one) lists it with that type, whatever the body does with it; who may decide it is "
                "competence's."),
    severity="error",
    basis=Basis("agreement", "treats TYPE each year"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: s1, body: stamman, date: 2025-04-10, matters: "
                                          "[{id: ar-2024, type: arsredovisning}]}\n"),
           Example(bylaw=_BYLAW, calendar="- {id: s1, body: stamman, date: 2025-09-10, matters: "
                                          "[{id: ar-2024, type: arsredovisning}, {id: budget-2026, type: budget}]}\n")),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: s1, body: stamman, date: 2025-04-10, matters: "
                                           "[{id: ar-2024, type: arsredovisning}]}\n"
                                           "- {id: s2, body: stamman, date: 2025-06-12, matters: "
                                           "[{id: budget-2026, type: budget, action: decide}]}\n"),),
    fix=Text(sv="Ta upp ärendet vid ett sammanträde inom den tid avtalet anger.",
             en="Take the matter up at a meeting within the time the bylaw gives."),
    check=check,
)
