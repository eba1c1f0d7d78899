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
