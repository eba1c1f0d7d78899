"""`governance lint FILE…`: syntax, names, consistency, and every quote against its source document."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..diagnostics import Severity, counted, render_text
from ..lang import Text


def register(sub) -> None:
    p = sub.add_parser("lint", help="check bylaw files: syntax, references, consistency, quotes")
    p.add_argument("files", nargs="+", metavar="FILE", help="bylaw files or shipped bylaw ids")
    p.add_argument("--sources", type=Path, action="append", default=[], metavar="DIR",
                   help="folder with the source documents (default: sources/ beside the bylaw)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    # Every command takes --lang: the help and argparse's refusals are said in it (cli._lang_asked).
    p.add_argument("--lang", choices=("sv", "en"), default="sv",
                   help="language of this help, of refusals and of the diagnostics: sv (default) or en")
    p.set_defaults(run=run)


_UNREADABLE = Text("kan inte läsas som ett avtal ({errors})", "cannot be read as a bylaw ({errors})")


def run(args) -> int:
    # Imported on use: lint loads the process graph, and networkx with it.
    from ..drafting.lint import lint
    lang = args.lang
    status = 0
    reports = []
    for name in args.files:
        analysis = lint(name, args.sources)
        diags = analysis.diagnostics
        errors = sum(d.severity is Severity.ERROR for d in diags)
        warnings = len(diags) - errors
        # A file that cannot be read or parsed is bad input (2); a parsed bylaw with errors is a finding (1).
        unreadable = analysis.bylaw is None
        if unreadable:
            status = 2
        elif errors or (args.strict and warnings):
            status = max(status, 1)
        if args.format == "json":
            reports.append({"file": str(name), "ok": not errors, "diagnostics": [d.to_json(lang) for d in diags]})
        else:
            sys.stdout.write(render_text(diags, analysis.sources, lang=lang))
            if not diags:
                print(f"{name}: ok")  # "ok" in Swedish too
            elif unreadable:
                print(f"{name}: {_UNREADABLE(lang).format(errors=counted(errors, 'error', lang))}")
            else:
                print(f"{name}: {counted(errors, 'error', lang)}, {counted(warnings, 'warning', lang)}")
    if args.format == "json":
        print(json.dumps(reports, ensure_ascii=False, indent=2))
    return status
