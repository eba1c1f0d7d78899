"""The markdown document as a standalone HTML page: one file, no external resources, prints well.

markdown-it-py renders it (CommonMark with tables) with raw HTML disabled, so that whatever a bylaw's
names and quotes hold is shown as text, never run as markup.
"""
from __future__ import annotations

import html

from markdown_it import MarkdownIt

STYLE = """\
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1d1d1d; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 1px solid #c8c8c8; padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin-top: 2rem; }
h4 { font-size: 1rem; color: #444; margin-bottom: .3rem; }
blockquote { margin: .3rem 0 1rem; padding: .3rem .9rem; border-left: 4px solid #4a6fa5; background: #f3f6fb; }
blockquote p { margin: .2rem 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .6rem; text-align: left; }
th { background: #f0f0f0; }
code { font-size: .9em; background: #f2f2f2; padding: 0 .2em; border-radius: 3px; }
em { color: #555; }
@media print { body { margin: 0; max-width: none; } blockquote { break-inside: avoid; } }
"""

PAGE = """\
<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{style}</style>
</head>
<body>
<main>
{body}</main>
</body>
</html>
"""


def to_html(markdown: str, *, lang: str, title: str) -> str:
    """A page in `lang` ("en" or "sv") titled `title` (plain text) around the rendered markdown. Block
    quotes are the agreement's Swedish words, and say so (`lang="sv"`) in a page in another language."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(markdown)
    if lang != "sv":
        for token in tokens:
            if token.type == "blockquote_open":
                token.attrSet("lang", "sv")
    body = md.renderer.render(tokens, md.options, {})
    return PAGE.format(lang=lang, title=html.escape(title), style=STYLE, body=body)
