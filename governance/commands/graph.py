"""`governance graph BYLAW --format dot|mermaid|json|svg`: the process graph as a picture or as data."""
from __future__ import annotations

import sys
from pathlib import Path

from ..diagnostics import BylawError, render_text
from ..graph import FORMATS
from .common import cannot_write, fail, overwrites_input, write_whole


def register(sub) -> None:
    p = sub.add_parser("graph", help="draw the process graph: who prepares, proposes, convenes and decides")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or a shipped bylaw id")
    p.add_argument("--format", choices=FORMATS, default="dot",
                   help="dot (Graphviz), mermaid, json (node-link data) or svg (needs Graphviz's `dot`)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output")
    # Every command takes --lang: the help and argparse's refusals are said in it (cli._lang_asked).
    p.add_argument("--lang", choices=("sv", "en"), default="sv",
                   help="language of this help, of refusals and of a bylaw's errors: sv (default) or en; the "
                        "picture's labels are in Swedish")
    p.set_defaults(run=run)


def run(args) -> int:
    # Imported on use: networkx is slow to import, and `--help` does not need it.
    from ..graph.draw import GraphvizMissing, render
    from ..loader import load
    clash = overwrites_input(args.output, args.bylaw)
    if clash:
        return fail(clash, args.lang)
    try:
        bylaw = load(args.bylaw)
    except BylawError as exc:
        sys.stderr.write(render_text(exc.diagnostics, exc.sources, limit=5, lang=args.lang))
        return 2
    try:
        text = render(bylaw, args.format)
    except GraphvizMissing as exc:
        print(f"governance graph: {exc.text(args.lang)}", file=sys.stderr)
        return 2
    if args.output:
        try:
            write_whole(args.output, text)
        except OSError as exc:
            said = (f"cannot write {args.output}: {exc.strerror or exc}" if args.lang == "en"
                    else cannot_write(str(args.output), exc)("sv"))
            print(f"governance graph: {said}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    return 0
