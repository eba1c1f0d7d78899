"""`governance review BYLAW… [--format text|json] [--lang sv|en]`: a drafting review — does the bylaw state
what the law requires of its legal form (KL 9 kap. 6 § for a kommunalförbund, 9 kap. 19–35 §§ for a gemensam
nämnd, good practice otherwise)? Exit 0 when no point is missing or only assumed, 1 when one is, 2 on bad input."""
from __future__ import annotations

import json
import sys

from .common import load_or_report, shown_bylaw


def register(sub) -> None:
    p = sub.add_parser("review", help="drafting review: what the bylaw's legal form requires it to state")
    p.add_argument("files", nargs="+", metavar="BYLAW", help="bylaw files or shipped bylaw ids")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("sv", "en"), default="sv", help="sv (default) or en")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..drafting.review import render_text, review, to_json
    status, reports = 0, []
    for name in args.files:
        bylaw = load_or_report(name, args.lang)
        if bylaw is None:
            return 2
        rv = review(bylaw)
        path = shown_bylaw(bylaw.path)
        if rv.missing:
            status = 1
        if args.format == "json":
            reports.append(to_json(rv, path, args.lang))
        else:
            sys.stdout.write(render_text(rv, path, args.lang))
    if args.format == "json":
        print(json.dumps(reports, ensure_ascii=False, indent=2))
    return status
