"""Seats by population: the table a bylaw's `seat … by population …` lines give at a reference date.

A formula counts each holding municipality's seats from its SCB *folkmängd* at the formula's day (default
31 December): `--year Y` takes that day in Y; without a year, the latest such day for which every holder
has a figure. A figure of another day is never used in its place: the count would be the formula's answer
for a day the agreement does not name. A missing figure is refused with what to download from SCB.

`resolve(bylaw, table)` gives the bylaw with each formula seat's count filled in (min = max = the computed
number, the formula kept), so that quorum and the document count real seats.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..model import types as t
from .population import (PASS_IT, Figure, PopulationError, PopulationTable, download_hint, municipality_names,
                         read_csv, shipped_table)


class SeatError(ValueError):
    """Seats that cannot be counted: no formula, a member without code, a missing figure."""


@dataclass(frozen=True, slots=True)
class SeatRow:
    body: str
    role: str
    member: str
    code: str
    name: str
    population: int
    reference_date: date
    seats: int
    source: str
    line: int  # the seat line's line in the bylaw

    def to_json(self) -> dict:
        return {"body": self.body, "role": self.role, "member": self.member, "code": self.code,
                "name": self.name, "population": self.population,
                "reference_date": self.reference_date.isoformat(), "seats": self.seats, "source": self.source,
                "line": self.line}


@dataclass(frozen=True, slots=True)
class SeatTable:
    bylaw: str
    rows: tuple[SeatRow, ...]
    origin: str  # the population table's file
    year: int | None = None  # the year asked for, if any

    def count(self, body: str, role: str, member: str) -> int | None:
        return next((r.seats for r in self.rows if (r.body, r.role, r.member) == (body, role, member)), None)

    def to_json(self) -> dict:
        return {"bylaw": self.bylaw, "year": self.year, "population_file": self.origin,
                "rows": [r.to_json() for r in self.rows],
                "totals": [{"body": b, "role": r, "seats": n} for (b, r), n in self.totals().items()]}

    def totals(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for r in self.rows:
            out[r.body, r.role] = out.get((r.body, r.role), 0) + r.seats
        return out


def population_table(population) -> PopulationTable:
    """None (the shipped figures), a CSV path (ours or SCB's export), a table, or {code: population} at an
    unknown date (tests, notebooks). Raises PopulationError."""
    if population is None:
        return shipped_table()
    if isinstance(population, PopulationTable):
        return population
    if isinstance(population, (str, Path)):
        return read_csv(population)
    if isinstance(population, Mapping):
        return PopulationTable(tuple(Figure(str(c), str(c), int(n), date.min, "given")
                                     for c, n in population.items()), "given")
    raise TypeError(f"population must be a table, a path or a mapping, not {type(population).__name__}")


def formula_lines(bylaw: t.Bylaw) -> list[tuple[t.Body, t.SeatDecl]]:
    """Every seat line counted by population, in the bylaw's order."""
    return [(b, c) for b in bylaw.bodies for c in b.of(t.SeatDecl) if c.formula is not None]


def _holders(bylaw: t.Bylaw, body: t.Body, decl: t.SeatDecl) -> list[t.Member]:
    ids = [s.member for s in body.seats if s.role == decl.role and s.formula is decl.formula and s.member]
    return [m for m in (bylaw.member(i) for i in dict.fromkeys(ids)) if m is not None]


def _day(table: PopulationTable, members: list[t.Member], day: tuple[int, int], year: int | None) -> date:
    if year is not None:
        return date(year, *day)
    if any(f.reference_date == date.min for f in table.figures):
        return date.min  # a mapping without dates: its figures are the ones meant
    common = None
    for m in members:
        dates = {f.reference_date for f in table.of(m.code or "") if (f.reference_date.month,
                                                                      f.reference_date.day) == day}
        common = dates if common is None else common & dates
    if common:
        return max(common)
    # No day all holders share: name the latest such day the table has, so the message says what to fetch.
    known = [f.reference_date.year for f in table.figures if (f.reference_date.month, f.reference_date.day) == day]
    return date(max(known) if known else max((f.reference_date.year for f in table.figures), default=2024), *day)


def seat_table(bylaw: t.Bylaw, population=None, year: int | None = None, how: str = PASS_IT) -> SeatTable:
    """The seats each formula gives each holder. Raises SeatError with a one-line reason; `how` says, in
    it, what to do with a file downloaded from SCB."""
    lines = formula_lines(bylaw)
    if not lines:
        raise SeatError(f"{bylaw.id} counts no seats by population (no `seat … by population …` line)")
    try:
        table = population_table(population)
    except PopulationError as exc:
        raise SeatError(str(exc)) from None
    rows: list[SeatRow] = []
    missing: dict[date, list[tuple[str, str]]] = {}
    wanted: dict[date, list[tuple[str, str]]] = {}  # every holder per day: a --population file replaces ours
    for body, decl in lines:
        members = _holders(bylaw, body, decl)
        no_code = [m.id for m in members if not m.code]
        if no_code:
            raise SeatError(f"no SCB code for {', '.join(no_code)}: add the four-digit code to the member line")
        day = _day(table, members, decl.formula.day, year)
        for m in members:
            if (m.code, m.name) not in wanted.setdefault(day, []):
                wanted[day].append((m.code, m.name))
            figure = next((f for f in table.of(m.code) if f.reference_date == day), None)
            if figure is None:
                if (m.code, m.name) not in missing.setdefault(day, []):
                    missing[day].append((m.code, m.name))
                continue
            rows.append(SeatRow(body.id, decl.role, m.id, m.code, figure.name, figure.population, day,
                                decl.formula.seats(figure.population), figure.source or table.origin,
                                decl.span.line))
    if missing:
        day, codes = sorted(missing.items())[-1]
        scb_names = municipality_names()
        who = ", ".join(f"{scb_names.get(c, n)} ({c})" for c, n in codes)
        raise SeatError(f"no population figure per {day} for {who} in {table.origin}; "
                        + download_hint([(c, scb_names.get(c, n)) for c, n in wanted[day]], day, how))
    return SeatTable(bylaw.id, tuple(rows), table.origin, year)


def resolve(bylaw: t.Bylaw, seats: SeatTable) -> t.Bylaw:
    """The bylaw with every formula seat's count taken from `seats` (min = max = the computed number)."""
    def body(b: t.Body) -> t.Body:
        if not any(s.formula for s in b.seats):
            return b
        out = []
        for s in b.seats:
            n = seats.count(b.id, s.role, s.member) if s.formula is not None and s.member else None
            out.append(s._replace(min=n, max=n) if n is not None else s)
        return replace(b, seats=tuple(out))
    return replace(bylaw, bodies=tuple(body(b) for b in bylaw.bodies))
