"""Where a clause stands — file, line, quoted sentence or law reference — as findings and graph edges cite it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .types import Bylaw, Node


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a finding's rule stands: the bylaw file, the line of the clause, and the quoted sentence
    (or, for a statutory default, the law reference)."""

    file: str
    line: int
    quote: str | None = None
    law: str | None = None
    assumption: str | None = None
    # Where the citation rests on Kommunallagen: whether the law reaches the finding's body directly (it is
    # the `organ` the bylaw's legal form names) or only per analogi; None where no statute is cited.
    applies: Literal["direct", "analogy"] | None = None
    organ: str | None = None

    def to_json(self) -> dict:
        return {"file": self.file, "line": self.line, "quote": self.quote}


def cite(bylaw: Bylaw, node: Node) -> Citation:
    """The citation of a clause: file and line of the clause, its quoted sentence or law reference."""
    return cite_in(bylaw.path, node)


def cite_in(path: str, node: Node) -> Citation:
    """`cite`, with the bylaw's file given as `path` (e.g. as reports print it)."""
    notes = node.notes
    return Citation(file=path, line=node.span.line, quote=notes.cite or notes.statute, law=notes.law,
                    assumption=notes.assume)
