"""Diagnostics about bylaw files: data first, printed by `render_text` / `render_json`.

A diagnostic has a stable code (a slug such as ``unknown-body``), a severity, a message, a primary span and
an optional help line. Messages never contain positions; the renderers print them. A message and its help
are made in both languages where the diagnostic is found (a `Text`: each wording filled from the same
values, as the checks' findings are), and printed in the one asked for: the bylaw's author reads them in
Swedish by default. The code and the severity before it (`error[unknown-body]`) are ids and stay as they
are in both languages: scripts, editors' problem matchers and the documentation's table go by them.
"""
from __future__ import annotations

from enum import Enum
from typing import Iterable, Mapping, NamedTuple

from .lang import Lang, Text
from .span import SourceFile, Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(NamedTuple):
    """One thing lint or the loader says about a bylaw: a code, its severity, what is wrong (`text`, in
    Swedish and English), where (span), and how to fix it (`hint`) where known. `message` and `help` are
    the English, as the library says it; `said(lang)` and `help_in(lang)` the wording asked for."""

    code: str
    severity: Severity
    text: Text
    span: Span
    hint: Text | None = None

    @property
    def message(self) -> str:
        return self.text.en

    @property
    def help(self) -> str | None:
        return self.hint.en if self.hint is not None else None

    def said(self, lang: Lang = "en") -> str:
        return self.text(lang)

    def help_in(self, lang: Lang = "en") -> str | None:
        return self.hint(lang) if self.hint is not None else None

    @property
    def sort_key(self) -> tuple:
        # the English wording breaks a tie, so both languages list the same diagnostics in the same order
        return (self.span.file, self.span.start, self.code, self.text.en)

    def to_json(self, lang: Lang = "en") -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.text(lang),
            "file": self.span.file,
            "line": self.span.line,
            "col": self.span.col,
            "help": self.help_in(lang),
        }


def error(code: str, text: Text, span: Span, hint: Text | None = None) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, text, span, hint)


def warning(code: str, text: Text, span: Span, hint: Text | None = None) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, text, span, hint)


# A file with a NUL byte: what the loader (reading a file) and the parser (given text) both say of it.
NOT_TEXT = Text("det här är ingen textfil (den innehåller en NUL-byte)",
                "this is not a text file (it contains a NUL byte)")


def did_you_mean(name: str | None) -> Text | None:
    """The help under a name not found: the nearest one that is (None when none is near)."""
    return Text(f"menade du '{name}'?", f"did you mean '{name}'?") if name else None


class BylawError(Exception):
    """Raised when a bylaw cannot be loaded; carries every diagnostic found and the sources to print them.
    Its own message (str) is the first diagnostic in English; `render_text(…, lang)` says them all."""

    def __init__(self, diagnostics: Iterable[Diagnostic], sources: Mapping[str, SourceFile] | None = None):
        self.diagnostics = tuple(sorted(diagnostics, key=lambda d: d.sort_key))
        self.sources = dict(sources or {})
        first = self.diagnostics[0] if self.diagnostics else None
        super().__init__(f"{first.span}: {first.message}" if first else "invalid bylaw")

    def first(self, lang: Lang = "en") -> str:
        """The first diagnostic in one line, `file:line:col: message`, in `lang`."""
        d = self.diagnostics[0] if self.diagnostics else None
        return f"{d.span}: {d.said(lang)}" if d else Text("ogiltigt avtal", "invalid bylaw")(lang)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def counted(n: int, what: str, lang: Lang) -> str:
    """`n` errors or warnings in words: Swedish as it is said ("1 fel", "2 varningar"); English as it has
    always been printed ("1 error(s)"), which scripts may read."""
    if lang == "en":
        return f"{n} {what}(s)"
    one, many = {"error": ("fel", "fel"), "warning": ("varning", "varningar")}[what]
    return f"{n} {one if n == 1 else many}"


_MORE = Text("… och {n} till", "… and {n} more")
_HELP = Text("tips", "help")


def render_text(diagnostics: Iterable[Diagnostic], sources: Mapping[str, SourceFile], limit: int = 50,
                lang: Lang = "en") -> str:
    """`file:line:col: severity[code]: message`, the source line, a caret under the span, and help; the
    message and help in `lang`."""
    diagnostics = sorted(diagnostics, key=lambda d: d.sort_key)
    out: list[str] = []
    for d in diagnostics[:limit]:
        out.append(f"{d.span}: {d.severity.value}[{d.code}]: {d.said(lang)}")
        source = sources.get(d.span.file)
        if source is not None and d.span.line > 0:
            text = source.line_text(d.span.line)
            end_line, end_col = source.line_col(d.span.end)
            width = (end_col - d.span.col) if end_line == d.span.line else len(text) - d.span.col + 1
            gutter = f"{d.span.line:>4} | "
            out.append(gutter + text)
            out.append(" " * (len(gutter) + d.span.col - 1) + "^" * max(1, width))
        if d.hint is not None:
            out.append(f"  {_HELP(lang)}: {d.help_in(lang)}")
    if len(diagnostics) > limit:
        out.append(_MORE(lang).format(n=len(diagnostics) - limit))
    return "\n".join(out) + ("\n" if out else "")


def render_json(diagnostics: Iterable[Diagnostic], lang: Lang = "en") -> str:
    import json  # here: only lint --format json prints it, and every command imports this module
    items = [d.to_json(lang) for d in sorted(diagnostics, key=lambda d: d.sort_key)]
    return json.dumps({"diagnostics": items}, ensure_ascii=False, indent=2) + "\n"
