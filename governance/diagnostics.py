"""Diagnostics about bylaw files: data first, printed by `render_text` / `render_json`.

A diagnostic has a stable code (a slug such as ``unknown-body``), a severity, a message, a primary span and
an optional help line. Messages never contain positions; the renderers print them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Iterable, Mapping

from .span import SourceFile, Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One thing lint or the loader says about a bylaw: a code, its severity, the message, where (span), and
    how to fix it (help) where known."""

    code: str
    severity: Severity
    message: str
    span: Span
    help: str | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.span.file, self.span.start, self.code, self.message)

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.span.file,
            "line": self.span.line,
            "col": self.span.col,
            "help": self.help,
        }


def error(code: str, message: str, span: Span, help: str | None = None) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, span, help)


def warning(code: str, message: str, span: Span, help: str | None = None) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, message, span, help)


class BylawError(Exception):
    """Raised when a bylaw cannot be loaded; carries every diagnostic found and the sources to print them."""

    def __init__(self, diagnostics: Iterable[Diagnostic], sources: Mapping[str, SourceFile] | None = None):
        self.diagnostics = tuple(sorted(diagnostics, key=lambda d: d.sort_key))
        self.sources = dict(sources or {})
        first = self.diagnostics[0] if self.diagnostics else None
        super().__init__(f"{first.span}: {first.message}" if first else "invalid bylaw")


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def render_text(diagnostics: Iterable[Diagnostic], sources: Mapping[str, SourceFile], limit: int = 50) -> str:
    """`file:line:col: severity[code]: message`, the source line, a caret under the span, and help."""
    diagnostics = sorted(diagnostics, key=lambda d: d.sort_key)
    out: list[str] = []
    for d in diagnostics[:limit]:
        out.append(f"{d.span}: {d.severity.value}[{d.code}]: {d.message}")
        source = sources.get(d.span.file)
        if source is not None and d.span.line > 0:
            text = source.line_text(d.span.line)
            end_line, end_col = source.line_col(d.span.end)
            width = (end_col - d.span.col) if end_line == d.span.line else len(text) - d.span.col + 1
            gutter = f"{d.span.line:>4} | "
            out.append(gutter + text)
            out.append(" " * (len(gutter) + d.span.col - 1) + "^" * max(1, width))
        if d.help:
            out.append(f"  help: {d.help}")
    if len(diagnostics) > limit:
        out.append(f"… and {len(diagnostics) - limit} more")
    return "\n".join(out) + ("\n" if out else "")


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    items = [d.to_json() for d in sorted(diagnostics, key=lambda d: d.sort_key)]
    return json.dumps({"diagnostics": items}, ensure_ascii=False, indent=2) + "\n"
