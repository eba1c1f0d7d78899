"""Cost sharing: split an amount by population, or compute per-inhabitant fees.

Money is `Decimal`, in whole öre. A split by population gives each participant its exact quota of the total
in öre, rounds down, and hands the öre left over to the largest remainders (ties: the lower SCB code, then
the member id) — so the shares always add up to the total exactly, none is negative, a larger population
never pays less, and the order the members are given in does not matter.

Population figures: the bylaw's `cost by population at MONTH DAY` names the reference date. All
participants are taken at one common reference date when the data has one (the latest on or before the
date asked for); otherwise each at its own nearest date, with a warning. A warning also says when the date
used is not the one the agreement names.

Who shares: the participants given, else every member. Members that are not municipalities (regions,
county boards, universities) have no population: left out with a note when every member shares, refused
when named as participants.
"""
from __future__ import annotations

import re

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

from ..model import types as t
from .population import (Figure, PopulationError, PopulationTable, download_hint, municipality_names, read_csv,
                         shipped_table)

ORE = Decimal("0.01")
MAX_SEK = Decimal(10) ** 15  # a thousand times Sweden's GDP


class ShareError(ValueError):
    """A split that cannot be made: unknown or non-municipal participant, missing or non-positive figure."""


@dataclass(frozen=True, slots=True)
class Share:
    member: str
    code: str
    name: str
    population: int
    reference_date: date | None
    amount: Decimal

    def to_json(self) -> dict:
        return {"member": self.member, "code": self.code, "name": self.name, "population": self.population,
                "reference_date": self.reference_date.isoformat() if self.reference_date else None,
                "amount": str(self.amount)}


@dataclass(frozen=True, slots=True)
class Split:
    """The result: `mode` population | fee; shares in member-id order; `reference_date` is the common date
    used (None if the figures have mixed dates); `asked_date` the date the agreement names for the year."""

    bylaw: str
    mode: str
    total: Decimal
    shares: tuple[Share, ...]
    reference_date: date | None
    asked_date: date | None
    fee: Decimal | None = None
    rule: t.CostRule | None = None
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __getitem__(self, member: str) -> Decimal:
        return next(s.amount for s in self.shares if s.member == member)

    def to_json(self) -> dict:
        return {"bylaw": self.bylaw, "mode": self.mode, "total": str(self.total),
                "fee_per_inhabitant": str(self.fee) if self.fee is not None else None,
                "reference_date": self.reference_date.isoformat() if self.reference_date else None,
                "agreement_reference_date": self.asked_date.isoformat() if self.asked_date else None,
                "rule_line": self.rule.span.line if self.rule else None,
                "shares": [s.to_json() for s in self.shares],
                "warnings": list(self.warnings), "notes": list(self.notes)}


# ---- arithmetic --------------------------------------------------------------------------------------
def largest_remainder(total: int, weights: Sequence[tuple[object, int]]) -> dict[object, int]:
    """Split `total` whole units in proportion to positive `weights` ((key, weight), keys sortable and
    unique). Quotas are rounded down; the units left go to the largest remainders, ties by key."""
    if total < 0:
        raise ShareError("the amount to share must not be negative")
    whole = sum(w for _, w in weights)
    if not weights or whole <= 0:
        raise ShareError("nobody to share the cost with")
    quotas = {k: Fraction(total * w, whole) for k, w in weights}
    out = {k: q.numerator // q.denominator for k, q in quotas.items()}
    left = total - sum(out.values())
    by_remainder = sorted(quotas, key=lambda k: (-(quotas[k] - out[k]), k))
    for k in by_remainder[:left]:
        out[k] += 1
    return out


# How Swedes write an amount: "1 250 000,50 kr", "25,50", "100:-" (spaces, non-breaking too, between
# thousands; a decimal comma). One comma or point before three digits is refused, said both ways: 1,500 and
# 250.000 are a decimal to some and thousands to others (250.000 was read as 250 kr).
_UNIT = re.compile(r"\s*(?:kr\.?|kronor|sek|:-)\s*\Z", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d{1,2}")
_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*")


def _as_written(amount: str, what: str) -> str:
    """`amount` as Decimal reads it: the spaces and unit a Swede writes dropped, a decimal comma a point;
    ShareError for a comma (or point) that could be either."""
    text = _SPACES.sub("", _UNIT.sub("", amount.strip()))
    if _DECIMAL_COMMA.fullmatch(text):
        return text.replace(",", ".")
    grouped = _THOUSANDS.fullmatch(text)
    if grouped and text.count(grouped[1]) == 1:  # 1,500 or 250.000: thousands, or a decimal?
        decimal = f"{Decimal(text.replace(',', '.')).normalize():f}"
        if re.fullmatch(r"[-+]?\d+\.\d{3}", decimal):  # 1.005 would read two ways again: 1.0050 does not
            decimal += "0"
        raise ShareError(f"the {what} '{amount}' can be read two ways: write {text.replace(grouped[1], '')} "
                         f"(thousands) or {decimal} (a decimal)")
    if grouped:  # 1.000.000, 1,000,000: only thousands come in several groups
        return text.replace(grouped[1], "")
    return text


def money(amount: Decimal | int | str, what: str = "amount") -> Decimal:
    """An amount in SEK as Decimal, or ShareError: not a number, not finite, or beyond MAX_SEK. Text may be
    written as Swedes write it: "1 250 000,50 kr"."""
    try:
        value = Decimal(_as_written(amount, what) if isinstance(amount, str) else str(amount))
    except InvalidOperation:
        raise ShareError(f"'{amount}' is not an amount") from None
    if not value.is_finite():
        raise ShareError(f"'{amount}' is not an amount")
    if abs(value) > MAX_SEK:  # Decimal would fail to round it to öre; no public budget is near it
        raise ShareError(f"the {what} {str(amount)[:20]} is larger than any budget (at most {MAX_SEK:,} SEK)")
    return value


def to_ore(amount: Decimal | int | str) -> int:
    value = money(amount)
    if value < 0:
        raise ShareError("the amount to share must not be negative")
    if value != value.quantize(ORE):
        raise ShareError(f"{amount} is not a whole number of öre")
    return int(value * 100)


# ---- figures -----------------------------------------------------------------------------------------
def _table(population) -> PopulationTable:
    if population is None:
        return shipped_table()
    if isinstance(population, PopulationTable):
        return population
    if isinstance(population, (str, Path)):
        try:
            return read_csv(population)
        except PopulationError as exc:
            raise ShareError(str(exc)) from None
    if isinstance(population, Mapping):  # {code: population}, for notebooks and tests; no date
        return PopulationTable(tuple(Figure(str(code), str(code), int(n), date.min, "given")
                                     for code, n in population.items()), "given")
    raise TypeError(f"population must be a table, a path or a mapping, not {type(population).__name__}")


def population_rule(bylaw: t.Bylaw) -> t.CostRule | None:
    return next((c for c in bylaw.costs if c.kind == "population"), None)


def fee_rule(bylaw: t.Bylaw) -> t.CostRule | None:
    return next((c for c in bylaw.costs if c.kind == "fee"), None)


def _participants(bylaw: t.Bylaw, participants, notes: list[str]) -> list[t.Member]:
    if participants is None:
        chosen = list(bylaw.members)
        left_out = [m for m in chosen if m.kind != "municipality"]
        if left_out:
            notes.append("left out (not a municipality, no population): "
                         + ", ".join(f"{m.id} ({m.kind})" for m in left_out))
        chosen = [m for m in chosen if m.kind == "municipality"]
    else:
        ids = list(dict.fromkeys(participants))
        unknown = [p for p in ids if bylaw.member(p) is None]
        if unknown:
            raise ShareError(f"not a member of {bylaw.id}: {', '.join(unknown)} "
                             f"(members: {', '.join(m.id for m in bylaw.members)})")
        chosen = [bylaw.member(p) for p in ids]
        not_municipal = [m for m in chosen if m.kind != "municipality"]
        if not_municipal:
            raise ShareError("no population for " + ", ".join(f"{m.id} ({m.kind})" for m in not_municipal)
                             + ": a split by population is among municipalities")
    if not chosen:
        raise ShareError("nobody to share the cost with")
    no_code = [m.id for m in chosen if not m.code]
    if no_code:
        raise ShareError(f"no SCB code for {', '.join(no_code)}: add it to the member line")
    return chosen


def _pick(members: list[t.Member], table: PopulationTable, asked: date | None,
          warnings: list[str]) -> tuple[dict[str, Figure], date | None]:
    options = {m.id: table.of(m.code) for m in members}
    missing = [m for m in members if not options[m.id]]
    if missing:
        day = asked or date(max((f.reference_date.year for f in table.figures if f.reference_date != date.min),
                                default=2024), 12, 31)
        names = municipality_names()
        raise ShareError(f"no population figure in {table.origin} for "
                         + ", ".join(f"{m.id} ({m.code})" for m in missing) + "; "
                         + download_hint([(m.code, names.get(m.code, m.name)) for m in members], day))
    common = set.intersection(*({f.reference_date for f in figs} for figs in options.values()))
    eligible = sorted(d for d in common if asked is None or d <= asked)
    if eligible:
        day = eligible[-1]
        return {m: next(f for f in figs if f.reference_date == day) for m, figs in options.items()}, day
    chosen = {}
    for m, figs in options.items():
        before = [f for f in figs if asked is None or f.reference_date <= asked]
        chosen[m] = before[-1] if before else figs[0]
    dates = sorted({f.reference_date for f in chosen.values()})
    if len(dates) == 1:
        return chosen, dates[0]
    warnings.append("no common reference date for all participants; figures of different dates used: "
                    + ", ".join(f"{m} {f.reference_date}" for m, f in sorted(chosen.items())))
    return chosen, None


def _asked_date(rule: t.CostRule | None, year: int | None) -> date | None:
    if year is None:
        return None
    if rule is not None and rule.reference is not None:
        return date(year, *rule.reference)
    return date(year, 12, 31)


# ---- the public call ---------------------------------------------------------------------------------
def share(bylaw: t.Bylaw, amount: Decimal | int | str | None = None, participants: Sequence[str] | None = None,
          population=None, year: int | None = None, fee: Decimal | int | str | None = None) -> Split:
    """Split `amount` (SEK) among `participants` (member ids; default every municipal member) by population,
    or — when no amount is given and the bylaw sets a fee per inhabitant (or `fee` is given) — compute each
    participant's fee. `population`: None (the shipped table), a CSV path, a PopulationTable, or a mapping
    {SCB code: population}. `year`: take figures at the agreement's reference date in that year.
    Raises ShareError with a one-line reason."""
    warnings: list[str] = []
    notes: list[str] = []
    if amount is not None and fee is not None:
        raise ShareError("give an amount to split or a fee per inhabitant, not both")
    frule = fee_rule(bylaw)
    mode = "population" if amount is not None else "fee"
    if mode == "fee":
        if fee is None and (frule is None or frule.amount is None):
            raise ShareError(f"{bylaw.id} sets no fee per inhabitant; give an amount to split, or the fee"
                             if frule is None else f"{bylaw.id} charges a fee per inhabitant but does not say how "
                             "much; give the fee")
    rule = population_rule(bylaw) if mode == "population" else frule
    if mode == "population" and rule is None:
        kinds = ", ".join(c.kind for c in bylaw.costs) or "none"
        warnings.append(f"{bylaw.id} does not say costs are shared by population (its cost rules: {kinds})")
    members = _participants(bylaw, participants, notes)
    asked = _asked_date(population_rule(bylaw), year)
    figures, used = _pick(members, _table(population), asked, warnings)
    for m in members:
        if figures[m.id].population <= 0:
            raise ShareError(f"{m.id} ({m.code}) has population {figures[m.id].population}; it must be positive")
    ref = population_rule(bylaw)
    dates = sorted({figures[m.id].reference_date for m in members} - {date.min})
    if ref is not None and ref.reference is not None and dates:
        if any((d.month, d.day) != ref.reference for d in dates):
            month = t.MONTHS[ref.reference[0] - 1]
            warnings.append(f"the agreement names figures per {month} {ref.reference[1]}; the figures at hand "
                            f"are per {', '.join(str(d) for d in dates)}")
    elif asked is not None and dates and dates != [asked]:
        warnings.append(f"figures per {', '.join(str(d) for d in dates)} used for {year}")
    code_of = {m.id: m.code for m in members}
    if mode == "population":
        total_ore = to_ore(amount)
        split = largest_remainder(total_ore, [((code_of[m], m), figures[m].population) for m in code_of])
        amounts = {m: Decimal(split[(code_of[m], m)]) / 100 for m in code_of}
        total = Decimal(total_ore) / 100
        per = None
    else:
        per = money(fee, "fee") if fee is not None else money(frule.amount, "fee")
        if per < 0:
            raise ShareError("the fee must not be negative")
        if fee is not None and frule is not None and frule.amount is not None and per != frule.amount:
            warnings.append(f"fee {per} SEK given; the bylaw says {frule.amount} SEK")
        amounts = {m: (per * figures[m].population).quantize(ORE, ROUND_HALF_UP) for m in code_of}
        total = sum(amounts.values(), Decimal("0"))
    shares = tuple(Share(m.id, m.code, figures[m.id].name, figures[m.id].population,
                         figures[m.id].reference_date if figures[m.id].reference_date != date.min else None,
                         amounts[m.id].quantize(ORE))
                   for m in sorted(members, key=lambda m: m.id))
    return Split(bylaw.id, mode, total.quantize(ORE), shares, used if used != date.min else None, asked,
                 per, rule, tuple(warnings), tuple(notes))
