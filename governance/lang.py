"""The languages user-facing text is written in: Swedish by default, English on request."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "sv"


@dataclass(frozen=True, slots=True)
class Text:
    """A user-facing text in Swedish and English; call it with the language wanted."""

    sv: str
    en: str

    def __call__(self, lang: Lang = DEFAULT_LANG) -> str:
        return self.en if lang == "en" else self.sv
