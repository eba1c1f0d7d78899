"""Ids and seat references as a calendar writes them (`halmstad/kso`, `samordnare`)."""
from __future__ import annotations

import re
import unicodedata

from ..model.types import SeatRef

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_SEAT = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)(?:/([a-z0-9]+(?:-[a-z0-9]+)*))?\Z")


def slugify(text: str) -> str:
    """DESIGN.md's id rule: lowercase ASCII, å/ä → a, ö → o, spaces → '-'."""
    text = unicodedata.normalize("NFKD", text.strip().lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9/]+", "-", text).strip("-").replace("-/", "/").replace("/-", "/")


def is_slug(text: str) -> bool:
    return SLUG.match(text) is not None


def parse_seat_ref(text: str) -> SeatRef | None:
    """`member/role` → SeatRef(member, role); `role` → SeatRef(None, role); None if not of that form."""
    m = _SEAT.match(text)
    if m is None:
        return None
    return SeatRef(m.group(1), m.group(2)) if m.group(2) else SeatRef(None, m.group(1))


def seat_ref_problem(text: str) -> str:
    """Why `text` is not a seat reference, with the form it probably meant."""
    hint = slugify(text)
    fix = f"; did you mean '{hint}'?" if hint and hint != text and parse_seat_ref(hint) else ""
    return (f"'{text}' is not a seat reference: write MEMBER/ROLE or ROLE in lowercase ids "
            f"(e.g. halmstad/kso){fix}")


def id_problem(what: str, text: str) -> str:
    hint = slugify(text).replace("/", "-")
    fix = f"; did you mean '{hint}'?" if hint and hint != text else ""
    return f"'{text}' is not a valid {what}: ids are lowercase ASCII words joined by '-'{fix}"
