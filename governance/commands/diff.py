"""`governance diff OLD NEW [--format text|markdown|json]`: what changed between two versions of a bylaw."""
from __future__ import annotations

import sys

from .common import load_or_report

RENDERERS = ("text", "markdown", "json")


def register(sub) -> None:
    p = sub.add_parser("diff", help="semantic diff of two bylaws (members, bodies, seats, rules, costs …)")
    p.add_argument("old", metavar="OLD", help="the earlier bylaw (file or shipped id)")
    p.add_argument("new", metavar="NEW", help="the later bylaw (file or shipped id)")
    p.add_argument("--format", choices=tuple(RENDERERS), default="text")
    # Every command takes --lang: the help and argparse's refusals are said in it (cli._lang_asked).
    p.add_argument("--lang", choices=("sv", "en"), default="sv",
                   help="language of this help, of refusals, of a bylaw's errors and of the diff's headings: sv "
                        "(default) or en; the bylaw's lines are shown as written")
    p.set_defaults(run=run)


def run(args) -> int:
    old = load_or_report(args.old, args.lang)
    new = load_or_report(args.new, args.lang)
    if old is None or new is None:
        return 2
    from ..drafting.diff import diff, render_json, render_markdown, render_text  # on use: `--help` stays light
    changes = diff(old, new)
    if args.format == "json":  # data: its keys and values are ids, the same in both languages
        sys.stdout.write(render_json(changes))
    else:
        sys.stdout.write({"text": render_text, "markdown": render_markdown}[args.format](changes, args.lang))
    return 0
