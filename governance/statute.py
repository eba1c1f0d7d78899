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

from .loader import shipped_dir

_HEADING = re.compile(r"^### (\d+) kap\. (\d+) §\s*$")
# "Kommunallagen (2017:725) 9 kap. 6 §", "KL 9 kap. 19–35 §§", "… 6 kap. 27 § första stycket"
_REFERENCE = re.compile(r"(?:\((?P<sfs>\d{4}:\d+)\)|\b(?P<kl>KL)\b)?[^§]*?(?P<kap>\d+)\s*kap\.\s*"
                        r"(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?\s*§")
FILES = {"2017:725": "kommunallagen-2017-725.txt"}
NAMES = {"2017:725": "Kommunallagen (2017:725)"}


@dataclass(frozen=True, slots=True)
class Statute:
    sfs: str
    name: str
    paragraphs: Mapping[tuple[int, int], str]  # (chapter, paragraph) → text, one paragraph per heading

    def text(self, chapter: int, paragraph: int) -> str | None:
        return self.paragraphs.get((chapter, paragraph))


@dataclass(frozen=True, slots=True)
class Reference:
    """Where a `law` note points: statute (SFS number), chapter, first and last paragraph."""

    sfs: str | None
    chapter: int
    first: int
    last: int

    def __str__(self) -> str:
        name = NAMES.get(self.sfs or "", f"({self.sfs})" if self.sfs else "")
        par = f"{self.first} §" if self.first == self.last else f"{self.first}–{self.last} §§"
        return f"{name} {self.chapter} kap. {par}".strip()


def parse_reference(text: str) -> Reference | None:
    match = _REFERENCE.search(text)
    if not match:
        return None
    sfs = match["sfs"] or ("2017:725" if match["kl"] or "kommunallag" in text.lower() else None)
    first = int(match["first"])
    return Reference(sfs, int(match["kap"]), first, int(match["last"] or first))


@cache  # the shipped text never changes while the process runs: read it once, keep it read-only
def statute(sfs: str) -> Statute | None:
    """The shipped statute with this SFS number, or None when the project does not ship it."""
    name = FILES.get(sfs)
    if name is None:
        return None
    paragraphs: dict[tuple[int, int], str] = {}
    key = None
    for line in (shipped_dir("law") / name).read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            key = (int(heading[1]), int(heading[2]))
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
    texts = [law.text(reference.chapter, p) for p in range(reference.first, reference.last + 1)]
    return None if any(t is None for t in texts) else " ".join(t for t in texts if t)
