"""What the parser hands on: a document of statements, names not yet resolved.

Leaf clauses are already the model's node types (they need no resolution beyond checking their names);
only the two block statements, the header and `default`, have shapes of their own here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model.types import HeaderItem, Node, Quorum
from ..span import SourceFile


@dataclass(frozen=True, slots=True, kw_only=True)
class Header(Node):
    kind: str  # bylaw | module
    id: str
    title: str
    items: tuple[HeaderItem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Default(Node):
    quorum: Quorum


@dataclass(frozen=True, slots=True)
class Document:
    source: SourceFile
    statements: tuple
    trailing_comments: tuple[str, ...] = ()
