"""A seat formula in words, Swedish or English, as an agreement would write it."""
from __future__ import annotations

from ..lang import MONTH_NAMES
from ..model import types as t


def _n(value: int, lang: str) -> str:
    """10000 → `10,000` (en) or `10 000` (sv, with a no-break space as Swedish print does)."""
    return f"{value:,}".replace(",", "\u00a0" if lang == "sv" else ",")


def formula_words(f: t.SeatFormula, lang: str = "sv") -> str:
    month, day = f.day
    if lang == "sv":
        unit = lambda n: f"{n} mandat"  # noqa: E731 - the same word in singular and plural
        block = ("per fullt" if f.rounding == "full" else "per påbörjat") + f" {_n(f.size, lang)}-tal invånare"
        text = (f"{unit(f.base)} plus " if f.base else "") + f"{unit(f.step)} {block}"
        if f.above:
            text += f" över {_n(f.above, lang)}"
        if f.maximum is not None:
            text += f", högst {unit(f.maximum)}"
        return text + f", räknat på folkmängden den {day} {MONTH_NAMES['sv'][month - 1]}"
    unit = lambda n: f"{n} seat" if n == 1 else f"{n} seats"  # noqa: E731
    text = (f"{unit(f.base)} plus " if f.base else "") + f"{unit(f.step)} per {f.rounding} " \
        f"{_n(f.size, lang)} inhabitants"
    if f.above:
        text += f" above {_n(f.above, lang)}"
    if f.maximum is not None:
        text += f", at most {unit(f.maximum)}"
    return text + f", counted from the population on {day} {MONTH_NAMES['en'][month - 1]}"
