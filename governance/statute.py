"""The statute text shipped in `law/`, by chapter and paragraph, and the verification of `law` quotes.

A `law` note reads `law "Kommunallagen (2017:725) 6 kap. 27 §" "the statute's own words"`; the quote must
stand verbatim (whitespace and typographic quotes folded) in the paragraph the reference names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Mapping

from .paths import shipped_dir

_HEADING = re.compile(r"^### (\d+) kap\. (\d+(?: [a-z])?) §\s*$")  # "18 §", "18 a §"
# "Kommunallagen (2017:725) 9 kap. 6 §", "KL 9 kap. 19–35 §§", "… 6 kap. 27 § första stycket"
_REFERENCE = re.compile(r"(?P<kap>\d+)\s*kap\.\s*(?P<first>\d+)(?:\s+(?P<letter>[a-z])\b)?"
                        r"(?:\s*[-–]\s*(?P<last>\d+))?\s*§")
_SFS = re.compile(r"\((\d{4}:\d+)\)")
FILES = {"2017:725": "kommunallagen-2017-725.txt"}
NAMES = {"2017:725": "Kommunallagen (2017:725)"}


@dataclass(frozen=True, slots=True)
class Statute:
    """One statute shipped in `law/`: its SFS number, name, and the text of each paragraph."""

    sfs: str
    name: str
    paragraphs: Mapping[tuple[int, str], str]  # (chapter, "27" or "18 a") → text, one per heading

    def text(self, chapter: int, paragraph: int | str) -> str | None:
        return self.paragraphs.get((chapter, str(paragraph)))

    def sentence(self, chapter: int, paragraph: int | str, opening: str) -> str:
        """The whole sentence of `chapter kap. paragraph §` that begins with `opening`. One not found there is
        a bug in the code that asks (the statute ships with the package), never a user error."""
        text = self.text(chapter, paragraph) or ""
        start = text.find(opening)
        if start < 0:
            raise LookupError(f"{self.name} {chapter} kap. {paragraph} § has no sentence '{opening}'")
        end = text.find(". ", start)
        return text[start:end + 1] if end >= 0 else text[start:]


@dataclass(frozen=True, slots=True)
class Reference:
    """Where a `law` note points: statute (SFS number), chapter, first and last paragraph."""

    sfs: str | None
    chapter: int
    first: int
    last: int
    letter: str = ""  # "a" in "18 a §"

    @property
    def paragraphs(self) -> tuple[str, ...]:
        if self.letter:
            return (f"{self.first} {self.letter}",)
        return tuple(str(p) for p in range(self.first, self.last + 1))

    def __str__(self) -> str:
        name = NAMES.get(self.sfs or "", f"({self.sfs})" if self.sfs else "")
        par = (f"{self.paragraphs[0]} §" if len(self.paragraphs) == 1
               else f"{self.first}–{self.last} §§")
        return f"{name} {self.chapter} kap. {par}".strip()


def parse_reference(text: str) -> Reference | None:
    match = _REFERENCE.search(text)
    if not match:
        return None
    sfs_match = _SFS.search(text)
    named_kl = re.search(r"\bKL\b", text) or "kommunallag" in text.lower()
    sfs = sfs_match[1] if sfs_match else ("2017:725" if named_kl else None)
    first = int(match["first"])
    return Reference(sfs, int(match["kap"]), first, int(match["last"] or first), match["letter"] or "")


@cache  # the shipped text never changes while the process runs: read it once, keep it read-only
def statute(sfs: str) -> Statute | None:
    """The shipped statute with this SFS number, or None when the project does not ship it."""
    name = FILES.get(sfs)
    if name is None:
        return None
    paragraphs: dict[tuple[int, str], str] = {}
    key = None
    for line in (shipped_dir("law") / name).read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            key = (int(heading[1]), heading[2])
            paragraphs[key] = ""
        elif key and line and not line.startswith("#"):
            paragraphs[key] = (paragraphs[key] + " " + line).strip()
    return Statute(sfs, NAMES[sfs], MappingProxyType(paragraphs))


def kommunallagen() -> Statute:
    found = statute("2017:725")
    assert found is not None  # shipped with the package
    return found


def passage(reference: Reference) -> str | None:
    """The text of the referenced paragraph(s), or None if the statute or a paragraph is not shipped."""
    law = statute(reference.sfs) if reference.sfs else None
    if law is None:
        return None
    texts = [law.text(reference.chapter, p) for p in reference.paragraphs]
    return None if any(t is None for t in texts) else " ".join(t for t in texts if t)
