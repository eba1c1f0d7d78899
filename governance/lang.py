"""The languages user-facing text is written in: Swedish by default, English on request."""
from __future__ import annotations

from typing import Literal, NamedTuple, get_args

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "sv"

# The months as a sentence names them (January = index 0): Swedish writes them in lower case.
MONTH_NAMES: dict[Lang, tuple[str, ...]] = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def grouped(n: int) -> str:
    """A whole number with its digits in groups of three, spaced as a Swedish table prints it (12 345),
    in both languages: the commands' tables line up the same way in either."""
    return f"{n:,}".replace(",", " ")


def by_pattern(table, message: str, parts=None) -> str | None:
    """A message said again from a table of (regex of the whole English message, template filled with its
    named groups): the first that matches, or None. How the commands say a library's English in Swedish.
    `parts` maps a group's name to how its text is said (a month's name, an OS reason …); the text itself
    where that gives None."""
    import re
    for pattern, template in table:
        m = re.fullmatch(pattern, message)
        if m:
            said = {name: (parts[name](text) or text) if parts and name in parts and text else text
                    for name, text in m.groupdict().items()}
            return template.format(**said)
    return None


class Text(NamedTuple):
    """A user-facing text in Swedish and English; call it with the language wanted. (A NamedTuple: every
    command makes the class, and a frozen dataclass costs ten times as much to make.)"""

    sv: str
    en: str

    def __call__(self, lang: Lang = DEFAULT_LANG) -> str:
        return self.en if lang == "en" else self.sv
