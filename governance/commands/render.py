"""`governance render BYLAW [--format markdown|html] [--lang sv|en] [-o FILE]`: the bylaw as a document to
read: every clause in words, under it the sentence of the agreement it rests on."""
from __future__ import annotations

import sys
from pathlib import Path

from ..document import FORMATS
from .common import cannot_write, fail, load_or_report, overwrites_input, write_whole


def register(sub) -> None:
    p = sub.add_parser("render", help="the bylaw as a readable document (markdown or HTML, English or Swedish)")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or a shipped bylaw id")
    p.add_argument("--format", choices=FORMATS, default="markdown",
                   help="markdown (default), or html: a standalone page")
    # Swedish by default, as every other command (issue 16: Swedish first); the library's render() keeps "en".
    p.add_argument("--lang", choices=("sv", "en"), default="sv", help="sv (default) or en; quotes stay in Swedish")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..document import render  # imported on use: `governance --help` stays light
    clash = overwrites_input(args.output, args.bylaw)
    if clash:
        return fail(clash, args.lang)
    bylaw = load_or_report(args.bylaw, args.lang)
    if bylaw is None:
        return 2
    text = render(bylaw, args.format, args.lang)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_whole(args.output, text)
    except OSError as exc:
        return fail(cannot_write(str(args.output), exc), args.lang)
    return 0
