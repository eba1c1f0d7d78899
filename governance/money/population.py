"""Population figures per municipality and reference date: the shipped table and user CSV files.

Two layouts are read, whatever the delimiter (`,` `;` tab) and encoding (UTF-8, else Windows-1252/Latin-1):
- ours (governance/data/population.csv): `kommunkod,kommun,folkmangd,reference_date[,source]`, or with
  `scb_table,quoted_by` instead of `source`; extra columns (such as `group`) are ignored. The shipped figures
  name the SCB table that publishes each (`scb_table`: BE0101, *Folkmängd i riket, län och kommuner 31
  december YYYY*, or SCB's quarterly statistics) and the page they were read from (`quoted_by`): they have
  not been checked against SCB's own table, and the source shown says so. A figure checked against SCB (or
  an SCB export passed with --population) needs no `quoted_by`.
- SCB's export (Statistikdatabasen/PxWeb, "Spara som" CSV with or without heading, or "Kopiera/Excel"
  saved as CSV): title lines, then a header with `region` and either one column per period (`2023`,
  `Folkmängd 2023`, `2024M11`, `2024K3`) or a long layout (`region`, `år`, a value column such as
  `Folkmängd`); regions look like `1380 Halmstad`. A year means 31 December of that year (SCB's *folkmängd
  31 december*), unless the title names the day (`Folkmängd den 1 november efter region …`); `YYYYMmm` is
  the last day of that month and `YYYYKq` of that quarter. Other variables the user kept in the table
  (`kön`, `ålder`, `civilstånd`) must be totals: a breakdown is refused rather than summed, because a
  partial selection (some ages) would sum to a wrong figure. Rows whose region is not a 4-digit municipality
  code (the country, a county) are skipped.

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

from ..encodings import read_at_most
from ..lang import MONTH_NAMES

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


def municipality_names() -> dict[str, str]:
    """SCB code → the municipality's name as SCB's tables write it (`1380` → `Halmstad`), all 290."""
    text = resources.files("governance.data").joinpath("municipalities.csv").read_text(encoding="utf-8")
    return {row["municipality_code"]: row["municipality_name_short"] for row in csv.DictReader(io.StringIO(text))}


def read_csv(path: str | Path) -> PopulationTable:
    """Read a population CSV in our layout or SCB's export layout; raises PopulationError."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PopulationError(f"{path}: too large for a population table")
        data = read_at_most(path, MAX_BYTES)
    except OSError as exc:
        raise PopulationError(f"{path}: cannot read file: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:  # a pipe or a device: its size said nothing
        raise PopulationError(f"{path}: too large for a population table")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # SCB's older exports; a superset of Latin-1
    return parse_csv(text, str(path))


_CODE_NAME = re.compile(r"^\s*(\d{4})\s+(.+?)\s*$")
# A period column as PxWeb heads it: `2023`, `2024M11`, `2024K3`, or the content's name before it.
_PERIOD = re.compile(r"^(?:.*\s)?(\d{4})(?:M(\d{2})|K([1-4]))?$", re.IGNORECASE)
_TITLE_DAY = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTH_NAMES["sv"]) + r")\b", re.IGNORECASE)
# What a kept variable's total is called in SCB's tables.
_TOTALS = ("totalt", "total", "samtliga", "totalt ålder", "totalt kön", "män och kvinnor", "totalt samtliga",
           "totalt, samtliga")

_CONTENTS = ("tabellinnehåll", "innehåll", "contents", "table contents")

# Where a user gets the figures: SCB's population statistics (BE0101) in Statistikdatabasen.
SCB_DECEMBER = ("Folkmängd efter region, civilstånd, ålder och kön (tabell BE0101N1)",
                "https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A/BefolkningNy/")
SCB_NOVEMBER = ("Folkmängd den 1 november efter region, ålder och kön",
                "https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A/FolkmangdNov/")
SCB_PUBLISHED = "https://www.scb.se/hitta-statistik/statistik-efter-amne/befolkning-och-levnadsforhallanden/" \
                "befolkningens-sammansattning-och-utveckling/befolkningsstatistik/"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VALUE_COLUMNS = ("folkmangd", "folkmängd", "befolkning", "antal", "value", "värde", "varde", "population")


def _period_date(text: str, day: tuple[int, int] | None = None) -> date | None:
    """A PxWeb period: a year (at `day`, default 31 December), a month, or a quarter (their last day)."""
    m = _PERIOD.match(text.strip())
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) is None and m.group(3) is None and day is not None:
        return date(year, *day)
    month = int(m.group(2)) if m.group(2) else 3 * int(m.group(3)) if m.group(3) else 12
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _title_day(lines: list[str]) -> tuple[int, int] | None:
    """The day a yearly table counts at, when its title says (`Folkmängd den 1 november …`)."""
    m = _TITLE_DAY.search(" ".join(lines))
    if not m:
        return None
    month = MONTH_NAMES["sv"].index(m.group(2).lower()) + 1
    day = int(m.group(1))
    return (month, day) if 1 <= day <= calendar.monthrange(2000, month)[1] else None


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
    title = [" ".join(c for c in row) for row in rows[:header_at]]
    figures = _ours(header, body, origin) if "kommunkod" in header else _scb(header, body, origin, title)
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

        def cell(name: str, row=row) -> str:
            return row[col[name]].strip() if name in col and col[name] < len(row) else ""
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
        out.append(Figure(code, cell("kommun"), pop, ref, _source(cell("scb_table"), cell("quoted_by"))
                          or cell("source")))
    return out


def _source(table: str, quoted_by: str) -> str:
    """Where a figure is published (SCB's table) and where it was read, when that is another page."""
    if table and quoted_by:
        return f"{table}; as quoted by {quoted_by}, not checked against SCB's table"
    return table or quoted_by


def _scb(header: list[str], body, origin: str, title: list[str]) -> list[Figure]:
    region = header.index("region")
    day = _title_day(title)
    periods = {i: d for i, name in enumerate(header) if i != region and (d := _period_date(name, day)) is not None}
    year_col = next((i for i, name in enumerate(header)
                     if name in ("år", "ar", "year", "månad", "manad", "kvartal", "tid", "period")), None)
    value_col = next((i for i, name in enumerate(header)
                      if i not in periods and any(name.startswith(v) for v in VALUE_COLUMNS)), None)
    if not periods and (year_col is None or value_col is None):
        raise PopulationError(f"{origin}: an SCB table needs year columns (2023, 2024M11) or 'år' and "
                              "'Folkmängd' columns")
    used = {region, *periods} | ({year_col, value_col} if not periods else set())
    kept = [i for i, name in enumerate(header) if i not in used and name]
    out: list[Figure] = []
    seen: dict[tuple[str, date], int] = {}
    for line, row in body:
        where = f"{origin}:{line}"
        m = _CODE_NAME.match(row[region].strip().strip('"')) if region < len(row) else None
        if not m:
            continue  # the whole country, a county, or a footnote
        code, name = m.group(1), m.group(2)
        breakdown = [(header[i], row[i].strip()) for i in kept
                     if i < len(row) and row[i].strip().lower() not in _TOTALS and header[i] not in _CONTENTS]
        contents = next((row[i].strip() for i in kept if header[i] in _CONTENTS and i < len(row)), None)
        if contents is not None and not contents.lower().startswith(("folkmängd", "befolkning", "population")):
            raise PopulationError(f"{where}: the table holds '{contents}', not Folkmängd")
        if breakdown:
            variable, value = breakdown[0]
            raise PopulationError(f"{where}: the table is broken down by {variable} ('{value}'); a municipality's "
                                  f"population is the total: in Statistikdatabasen leave {variable} unselected "
                                  "(or choose its total) and save the table again")
        if periods:
            cells = [(ref, row[i] if i < len(row) else "") for i, ref in periods.items()]
        else:
            ref = _period_date(row[year_col].strip(), day) if year_col < len(row) else None
            if ref is None:
                raise PopulationError(f"{where}: period '{row[year_col] if year_col < len(row) else ''}' is not a year")
            cells = [(ref, row[value_col] if value_col < len(row) else "")]
        for ref, cell in cells:
            pop = _number(cell, where)
            if pop is None:
                continue
            if (code, ref) in seen:
                raise PopulationError(f"{where}: a second figure for {code} {name} per {ref} (the first is on line "
                                      f"{seen[code, ref]})")
            seen[code, ref] = line
            out.append(Figure(code, name, pop, ref, f"{origin} (SCB export)"))
    return out


PASS_IT = "pass it with --population FILE"


def download_hint(codes: list[tuple[str, str]], day: date, how: str = PASS_IT) -> str:
    """What to download from SCB for the figures `codes` ((code, name)…) per `day`, and how to pass it."""
    regions = ", ".join(f"{c} {n}" for c, n in codes)
    if (day.month, day.day) == (12, 31):
        title, url = SCB_DECEMBER
        what = f"år {day.year}, tabellinnehåll Folkmängd; leave civilstånd, ålder and kön unselected"
    elif (day.month, day.day) == (11, 1):
        title, url = SCB_NOVEMBER
        what = f"år {day.year}; leave ålder and kön unselected"
    else:
        title, url = ("Folkmängd per månad efter region, ålder och kön (SCB, BE0101)",
                      "https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A/")
        what = f"månad {day.year}M{day.month:02d} (figures are per the month's last day)"
    return (f"download SCB's table '{title}' from Statistikdatabasen ({url}): select region {regions} (every "
            f"member: the file replaces the shipped figures); {what}; save it as CSV (Spara som: Kommaavgränsad or "
            f"Semikolonavgränsad), and {how}")
