"""Sweden's public holidays, read from the statute: Lag (1989:253) om allmänna helgdagar, 1 §.

Worked out here rather than with the `holidays` package at run time: importing its registry costs more
than a whole check of a year's calendar. The package stays the oracle: tests compare every year
1990–2100 with it. Sundays are not listed as holidays (every Sunday is one by the act's own words; the
checks warn about weekends separately), except those the act names (påskdagen, pingstdagen).
Years before 1990, when the act's predecessors had other days (Marie bebådelsedag), are asked of the `holidays` package.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping

from dateutil.easter import easter

from ..lang import Lang, Text

FIRST_YEAR = 1990  # the act of 1989 (its one change since, in 2005, is below)


def _saturday_between(first: date) -> date:
    """The Saturday in the week of days starting at `first` (midsommardagen, alla helgons dag)."""
    return first + timedelta(days=(5 - first.weekday()) % 7)


def holidays_of(year: int) -> list[tuple[date, Text]]:
    """The public holidays of `year` (from 1990), each with its name in Swedish and English."""
    sunday = easter(year)
    days = [
        (date(year, 1, 1), Text(sv="Nyårsdagen", en="New Year's Day")),
        (date(year, 1, 6), Text(sv="Trettondedag jul", en="Epiphany")),
        (sunday - timedelta(days=2), Text(sv="Långfredagen", en="Good Friday")),
        (sunday, Text(sv="Påskdagen", en="Easter Sunday")),
        (sunday + timedelta(days=1), Text(sv="Annandag påsk", en="Easter Monday")),
        (date(year, 5, 1), Text(sv="Första maj", en="May Day")),
        (sunday + timedelta(days=39), Text(sv="Kristi himmelsfärdsdag", en="Ascension Day")),
        (sunday + timedelta(days=49), Text(sv="Pingstdagen", en="Pentecost")),
        (_saturday_between(date(year, 6, 20)), Text(sv="Midsommardagen", en="Midsummer Day")),
        (_saturday_between(date(year, 10, 31)), Text(sv="Alla helgons dag", en="All Saints' Day")),
        (date(year, 12, 25), Text(sv="Juldagen", en="Christmas Day")),
        (date(year, 12, 26), Text(sv="Annandag jul", en="Second Day of Christmas")),
    ]
    if year >= 2005:  # SFS 2004:1320: nationaldagen in, annandag pingst out
        days.append((date(year, 6, 6), Text(sv="Nationaldagen", en="National Day")))
    else:
        days.append((sunday + timedelta(days=50), Text(sv="Annandag pingst", en="Pentecost Monday")))
    return days


def public_holidays(years: Iterable[int], lang: Lang = "sv") -> Mapping[date, str]:
    """Day → name (in `lang`) of every public holiday in `years`; read-only."""
    return _public_holidays(tuple(sorted(set(years))), lang)


@lru_cache(maxsize=64)  # keyed by the years and language themselves; the answer never changes
def _public_holidays(years: tuple[int, ...], lang: Lang) -> Mapping[date, str]:
    out: dict[date, str] = {}
    early = [y for y in years if y < FIRST_YEAR]
    if early:
        out.update(_from_package(early, lang))
    names: dict[date, list[str]] = {}
    for year in years:
        if year >= FIRST_YEAR:
            for day, name in holidays_of(year):
                names.setdefault(day, []).append(name(lang))
    # Two holidays on one day (Kristi himmelsfärd on första maj): both names, as the package gives them.
    out.update({day: "; ".join(sorted(both)) for day, both in names.items()})
    return MappingProxyType(dict(sorted(out.items())))


def _from_package(years: list[int], lang: Lang) -> dict[date, str]:
    import holidays
    public = holidays.country_holidays("SE", years=years, include_sundays=False,
                                       language="sv" if lang == "sv" else "en_US")
    return {day: public[day] for day in public}


def de_facto_holidays_of(year: int) -> list[tuple[date, Text]]:
    """The eves that are no public holiday by the act but on which Sweden does not work (the `holidays`
    package's category de_facto): midsommarafton, julafton, nyårsafton. A planner avoids them too."""
    return [
        (_saturday_between(date(year, 6, 20)) - timedelta(days=1), Text(sv="Midsommarafton", en="Midsummer Eve")),
        (date(year, 12, 24), Text(sv="Julafton", en="Christmas Eve")),
        (date(year, 12, 31), Text(sv="Nyårsafton", en="New Year's Eve")),
    ]


def days_off(years: Iterable[int], lang: Lang = "sv") -> Mapping[date, str]:
    """Day → name of every public holiday and de-facto holiday (julafton, midsommarafton, nyårsafton) in
    `years`: the days no meeting should be planned on; read-only."""
    out = dict(public_holidays(years, lang))
    for year in sorted(set(years)):
        out.update((day, name(lang)) for day, name in de_facto_holidays_of(year))
    return MappingProxyType(dict(sorted(out.items())))
