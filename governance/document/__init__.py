"""The bylaw as a readable document for lawyers: markdown or a standalone HTML page, in English or Swedish.

`render(bylaw, format, lang)` reads the immutable model and returns text; nothing in the model changes.
`markdown.py` writes the document, `words.py` holds each language's phrasing, `html.py` turns the markdown
into a page.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .words import LANGS

if TYPE_CHECKING:
    from ..model.types import Bylaw

FORMATS = ("markdown", "html")


def render(bylaw: Bylaw, format: str = "markdown", lang: str = "en") -> str:
    """The bylaw as a document: `format` "markdown" or "html", `lang` "en" or "sv". Quotes from the
    agreement stay as written (in Swedish). Raises ValueError for another format or language."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: give one of {', '.join(FORMATS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: give one of {', '.join(LANGS)}")
    from .markdown import to_markdown
    text = to_markdown(bylaw, lang)
    if format == "markdown":
        return text
    from .html import to_html
    return to_html(text, lang=lang, title=f"{bylaw.title} ({bylaw.id})")
