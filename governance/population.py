"""Population figures per municipality and reference date: the shipped table and user CSV files.

Two layouts are read, whatever the delimiter (`,` `;` tab) and encoding (UTF-8, else Windows-1252/Latin-1):
- ours (governance/data/population.csv): `kommunkod,kommun,folkmangd,reference_date[,source]`; extra columns
  (such as `group`) are ignored.
- SCB's export (Statistikdatabasen/PxWeb): title lines, then a header with `region` and either one column
  per period (`2023`, `2024M11`) or a long layout (`region`, `år`, a value column such as `Folkmängd`);
  regions look like `1380 Halmstad`. A year means 31 December of that year (SCB's *folkmängd 31 december*),
  `YYYYMmm` the last day of that month. Rows whose region is not a 4-digit municipality code are skipped.

Rows are joined to members on the municipality code, never the name.
"""
from __future__ import annotations

import calendar
import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024


class PopulationError(ValueError):
    """A population file that cannot be read; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Figure:
    code: str  # 4-digit SCB municipality code, leading zero kept
    name: str
    population: int
    reference_date: date
    source: str = ""


@dataclass(frozen=True, slots=True)
class PopulationTable:
    figures: tuple[Figure, ...]
    origin: str = ""

    def of(self, code: str) -> tuple[Figure, ...]:
        """Every figure for a municipality code, oldest first."""
        return tuple(sorted((f for f in self.figures if f.code == code), key=lambda f: f.reference_date))


def shipped_table() -> PopulationTable:
    text = resources.files("governance.data").joinpath("population.csv").read_text(encoding="utf-8")
    return parse_csv(text, "governance/data/population.csv")


def read_csv(path: str | Path) -> PopulationTable:
    """Read a population CSV in our layout or SCB's export layout; raises PopulationError."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PopulationError(f"{path}: too large for a population table")
        data = path.read_bytes()
    except OSError as exc:
        raise PopulationError(f"{path}: cannot read file: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # SCB's older exports; a superset of Latin-1
    return parse_csv(text, str(path))


_CODE_NAME = re.compile(r"^\s*(\d{4})\s+(.+?)\s*$")
_PERIOD = re.compile(r"^(\d{4})(?:M(\d{2}))?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VALUE_COLUMNS = ("folkmangd", "folkmängd", "befolkning", "antal", "value", "värde", "varde", "population")


def _period_date(text: str) -> date | None:
    m = _PERIOD.match(text.strip())
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2) or 12)
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _number(text: str, where: str) -> int | None:
    """An SCB count: `105796`, `105 796`, `105\u00a0796`; `..` or empty means missing."""
    cleaned = re.sub(r"[\s\u00a0]", "", text or "")
    if cleaned in ("", "..", ".", "-"):
        return None
    if not re.fullmatch(r"-?\d+", cleaned):
        raise PopulationError(f"{where}: population '{text}' is not a whole number")
    return int(cleaned)


def _dialect(lines: list[str]) -> str:
    sample = "\n".join(lines[:20])
    counts = {d: sample.count(d) for d in (";", "\t", ",")}
    return max(counts, key=lambda d: (counts[d], d == ";"))


def parse_csv(text: str, origin: str) -> PopulationTable:
    lines = text.splitlines()
    delimiter = _dialect(lines)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header_at = None
    for i, row in enumerate(rows):
        names = [c.strip().strip('"').lower() for c in row]
        if "kommunkod" in names or "region" in names:
            header_at = i
            break
    if header_at is None:
        raise PopulationError(f"{origin}: no header with a 'kommunkod' or 'region' column")
    header = [c.strip().strip('"').lower() for c in rows[header_at]]
    body = [(header_at + 2 + n, row) for n, row in enumerate(rows[header_at + 1:]) if any(c.strip() for c in row)]
    figures = _ours(header, body, origin) if "kommunkod" in header else _scb(header, body, origin)
    for f in figures:
        if f.population <= 0:
            raise PopulationError(f"{origin}: {f.name} ({f.code}) has population {f.population}; it must be positive")
    return PopulationTable(tuple(figures), origin)


def _ours(header: list[str], body, origin: str) -> list[Figure]:
    need = ("kommunkod", "folkmangd", "reference_date")
    missing = [c for c in need if c not in header]
    if missing:
        raise PopulationError(f"{origin}: missing column(s) {', '.join(missing)}")
    col = {name: header.index(name) for name in header}
    out = []
    for line, row in body:
        where = f"{origin}:{line}"
        cell = (lambda name: row[col[name]].strip() if name in col and col[name] < len(row) else "")
        code = cell("kommunkod")
        if not re.fullmatch(r"\d{4}", code):
            raise PopulationError(f"{where}: kommunkod '{code}' is not a 4-digit SCB code (keep the leading zero)")
        day = cell("reference_date")
        if not _ISO.match(day):
            raise PopulationError(f"{where}: reference_date '{day}' is not a date YYYY-MM-DD")
        try:
            ref = date.fromisoformat(day)
        except ValueError:
            raise PopulationError(f"{where}: reference_date '{day}' is not a valid date") from None
        pop = _number(cell("folkmangd"), where)
        if pop is None:
            continue
        out.append(Figure(code, cell("kommun"), pop, ref, cell("source")))
    return out


def _scb(header: list[str], body, origin: str) -> list[Figure]:
    region = header.index("region")
    periods = {i: d for i, name in enumerate(header) if (d := _period_date(name)) is not None}
    year_col = next((i for i, name in enumerate(header) if name in ("år", "ar", "year", "månad", "manad", "tid")), None)
    value_col = next((i for i, name in enumerate(header) if any(name.startswith(v) for v in VALUE_COLUMNS)), None)
    if not periods and (year_col is None or value_col is None):
        raise PopulationError(f"{origin}: an SCB table needs year columns (2023, 2024M11) or 'år' and "
                              "'Folkmängd' columns")
    out = []
    for line, row in body:
        where = f"{origin}:{line}"
        m = _CODE_NAME.match(row[region].strip().strip('"')) if region < len(row) else None
        if not m:
            continue  # the whole country, a county, or a footnote
        code, name = m.group(1), m.group(2)
        if periods:
            for i, ref in periods.items():
                pop = _number(row[i] if i < len(row) else "", where)
                if pop is not None:
                    out.append(Figure(code, name, pop, ref, f"{origin} (SCB export)"))
        else:
            ref = _period_date(row[year_col].strip()) if year_col < len(row) else None
            if ref is None:
                raise PopulationError(f"{where}: period '{row[year_col] if year_col < len(row) else ''}' is not a year")
            pop = _number(row[value_col] if value_col < len(row) else "", where)
            if pop is not None:
                out.append(Figure(code, name, pop, ref, f"{origin} (SCB export)"))
    return out
