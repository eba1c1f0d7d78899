"""Turn a model node's notes into a finding's citation."""
from __future__ import annotations

from ..model.types import Bylaw, Node
from .finding import Citation


def cite(bylaw: Bylaw, node: Node) -> Citation:
    """The citation of a clause: file and line of the clause, its quoted sentence or law reference."""
    notes = node.notes
    return Citation(file=bylaw.path, line=node.span.line, quote=notes.cite or notes.statute,
                    law=notes.law, assumption=notes.assume)
