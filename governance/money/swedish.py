"""SCB's download instructions (population.download_hint) in Swedish, for the share and seats commands' Swedish
refusals: the library words them in English, as calendar/swedish.py says the calendar readers' in Swedish."""
from __future__ import annotations

import re

_WHAT = (
    (r"år (?P<y>\d+), tabellinnehåll Folkmängd; leave civilstånd, ålder and kön unselected",
     "år {y}, tabellinnehåll Folkmängd; lämna civilstånd, ålder och kön ovalda"),
    (r"år (?P<y>\d+); leave ålder and kön unselected", "år {y}; lämna ålder och kön ovalda"),
    (r"månad (?P<y>\d+M\d+) \(figures are per the month's last day\)", "månad {y} (siffrorna gäller månadens sista dag)"),
)
_HOW = {"pass it with --population FILE": "ange den med --population FILE"}
_HINT = re.compile(r"download SCB's table '(?P<title>[^']*)' from Statistikdatabasen \((?P<url>[^)]*)\): select region "
                   r"(?P<regions>.+?) \(every member: the file replaces the shipped figures\); (?P<what>.+); save it "
                   r"as CSV \(Spara som: Kommaavgränsad or Semikolonavgränsad\), and (?P<how>.+)")


def swedish_hint(text: str) -> str | None:
    """The Swedish of a download_hint, or None when `text` is not one (or a part is not known)."""
    m = _HINT.fullmatch(text)
    if m is None:
        return None
    what = next((t.format(**w.groupdict()) for p, t in _WHAT if (w := re.fullmatch(p, m["what"]))), None)
    how = _HOW.get(m["how"])
    if what is None or how is None:
        return None
    return (f"ladda ned SCB:s tabell '{m['title']}' från Statistikdatabasen ({m['url']}): välj region {m['regions']} "
            f"(alla medlemmar: filen ersätter de medföljande siffrorna); {what}; spara den som CSV (Spara som: "
            f"Kommaavgränsad eller Semikolonavgränsad) och {how}")


# A population file's refusals (money/population.py), for share and seats alike: where (file, or file:line)
# and what is wrong. The column names are the file's own and stay as written.
POPULATION = (
    (r"(?P<a>.+): too large for a population table", "{a}: för stor för en folkmängdstabell"),
    (r"(?P<a>.+): cannot read file: (?P<e>.+)", "{a}: kan inte läsa filen: {e}"),
    (r"(?P<a>.+): population '(?P<b>.*)' is not a whole number", "{a}: folkmängden '{b}' är inget heltal"),
    (r"(?P<a>.+): no header with a 'kommunkod' or 'region' column",
     "{a}: ingen rubrikrad med en kolumn 'kommunkod' eller 'region'"),
    (r"(?P<a>.+): (?P<b>.+ \(\d{4}\)) has population (?P<c>-?\d+); it must be positive",
     "{a}: {b} har folkmängden {c}; den måste vara större än noll"),
    (r"(?P<a>.+): missing column\(s\) (?P<b>.+)", "{a}: kolumner som saknas: {b}"),
    (r"(?P<a>.+): kommunkod '(?P<b>.*)' is not a 4-digit SCB code \(keep the leading zero\)",
     "{a}: kommunkoden '{b}' är ingen fyrsiffrig SCB-kod (behåll nollan först)"),
    (r"(?P<a>.+): reference_date '(?P<b>.*)' is not a date YYYY-MM-DD", "{a}: reference_date '{b}' är inget datum ÅÅÅÅ-MM-DD"),
    (r"(?P<a>.+): reference_date '(?P<b>.*)' is not a valid date", "{a}: reference_date '{b}' är inget giltigt datum"),
    (r"(?P<a>.+): an SCB table needs year columns \(2023, 2024M11\) or 'år' and 'Folkmängd' columns",
     "{a}: en tabell från SCB behöver kolumner per år (2023, 2024M11) eller kolumnerna 'år' och 'Folkmängd'"),
    (r"(?P<a>.+): the table holds '(?P<b>.*)', not Folkmängd", "{a}: tabellen innehåller '{b}', inte Folkmängd"),
    (r"(?P<a>.+): the table is broken down by (?P<b>.+) \('(?P<c>.*)'\); a municipality's population is the "
     r"total: in Statistikdatabasen leave (?P=b) unselected \(or choose its total\) and save the table again",
     "{a}: tabellen är uppdelad efter {b} ('{c}'); en kommuns folkmängd är summan: lämna {b} ovald i "
     "Statistikdatabasen (eller välj dess totalt) och spara tabellen igen"),
    (r"(?P<a>.+): period '(?P<b>.*)' is not a year", "{a}: perioden '{b}' är inget år"),
    (r"(?P<a>.+): a second figure for (?P<b>.+) per (?P<c>\d{4}-\d{2}-\d{2}) \(the first is on line (?P<d>\d+)\)",
     "{a}: en andra siffra för {b} per {c} (den första står på rad {d})"),
)
