"""`lint`: everything `load` finds, plus checks that need more than one clause or the source document.

Each pass is a function (bylaw, context) -> iterable of diagnostics, listed in `PASSES` in order.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .diagnostics import Diagnostic, error, warning
from .graph.queries import flow_cycles, unreachable_bodies
from .loader import Analysis, analyse, read_text
from .diagnostics import BylawError
from .model import types as t

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace folded, typographic quotes and dashes made plain, so line breaks in a PDF don't matter."""
    text = text.replace("\u00ad", "").replace("’", "'").replace("”", '"').replace("“", '"')
    text = text.replace("–", "-").replace("—", "-")
    return _WS.sub(" ", text).strip()


@dataclass
class Context:
    path: Path
    source_dirs: list[Path]


def _cited_nodes(bylaw: t.Bylaw) -> Iterator[t.Node]:
    yield bylaw
    yield from bylaw.header
    yield from bylaw.imports
    yield from bylaw.members
    yield from bylaw.matters
    for body in bylaw.bodies:
        yield body
        yield from body.clauses
    yield from bylaw.rules
    if bylaw.participation:
        yield bylaw.participation
    yield from bylaw.costs
    for node in (bylaw.election, bylaw.mandate, *bylaw.defaults):
        if node is not None:
            yield node


def find_source(bylaw: t.Bylaw, ctx: Context) -> Path | None:
    name = bylaw.source
    if not name:
        return None
    for folder in (*ctx.source_dirs, ctx.path.parent / "sources", ctx.path.parent):
        if (folder / name).is_file():
            return folder / name
    return None


def closest_passage(quote: str, text: str) -> str:
    """The run of sentences in `text` most like `quote`, for a 'did you mean' under a failed quote."""
    sentences = [s for s in re.split(r"(?<=[.!?:;])\s+|\n\s*\n", text) if s.strip()]
    span = max(1, len(re.findall(r"[.!?]", quote)))
    windows = [normalise(" ".join(sentences[i:i + span])) for i in range(len(sentences))]
    best = difflib.get_close_matches(quote, windows, n=1, cutoff=0.0)
    return best[0] if best else ""


def check_quotes(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """Every `cite` is found verbatim (whitespace folded) in the bylaw's source document."""
    cited = [n for n in _cited_nodes(bylaw) if n.notes.cite]
    if not bylaw.source:
        if cited and bylaw.kind == "bylaw":
            yield warning("no-source", "the bylaw quotes sentences but names no `source` document",
                          bylaw.span, 'add `source "FILE.txt"` under the bylaw line')
        return
    path = find_source(bylaw, ctx)
    header = bylaw.header_item("source")
    if path is None:
        yield warning("source-missing", f"source document '{bylaw.source}' not found; quotes are not checked",
                      header.span if header else bylaw.span,
                      "put it in sources/ beside the bylaw, or pass --sources DIR")
        return
    text = normalise(read_text(path))
    for node in cited:
        quote = normalise(node.notes.cite)
        if quote not in text:
            passage = closest_passage(quote, text)
            yield error("quote-not-found", f"the quoted sentence is not in {path.name}",
                        node.notes.cite_span, f"closest passage: \"{passage[:300]}\"" if passage else None)


def check_preparation_cycles(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """A body cannot, through preparation and proposal, be a step before itself (from the process graph)."""
    for cycle in flow_cycles(bylaw):
        bodies = [b for b, _ in cycle]
        yield error("preparation-cycle", "matters are prepared in a circle: "
                    + " → ".join(bodies + [bodies[0]]), cycle[0][1]["rule"].span)


def check_unreachable_bodies(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """A body with no seats and no relation in or out plays no part in the process."""
    for body_id in unreachable_bodies(bylaw):
        yield warning("unreachable-body", f"nothing links to body '{body_id}': it has no seats and no "
                      "relation to another body", bylaw.body(body_id).span,
                      "give it seats, or relate it, e.g. `prepares matters for …` or `reports to …`")


def check_uncited(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """A rule a calendar is checked against should say which sentence it rests on (or which law)."""
    if bylaw.kind != "bylaw" or not bylaw.source:
        return
    for body in bylaw.bodies:
        for clause in body.clauses:
            if isinstance(clause, (t.MeetingRule, t.Quorum, t.Decision, t.Chair)) and not clause.notes:
                yield warning("uncited", "this rule has no `cite`, `law` or `assume` note", clause.span,
                              "quote the agreement's sentence with cite \"…\"")


PASSES: tuple[Callable[[t.Bylaw, Context], Iterable[Diagnostic]], ...] = (
    check_quotes,
    check_preparation_cycles,
    check_unreachable_bodies,
    check_uncited,
)


def lint(path_or_id, source_dirs: list[Path] | None = None) -> Analysis:
    """Analyse a bylaw and run every lint pass; returns the model and all diagnostics, sorted."""
    analysis = analyse(path_or_id)
    if analysis.bylaw is not None:
        ctx = Context(Path(analysis.bylaw.path), list(source_dirs or []))
        for check in PASSES:
            try:
                analysis.diagnostics.extend(check(analysis.bylaw, ctx))
            except BylawError as exc:
                analysis.diagnostics.extend(exc.diagnostics)
    analysis.diagnostics.sort(key=lambda d: d.sort_key)
    return analysis
