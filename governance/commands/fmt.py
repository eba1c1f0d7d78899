"""`governance fmt FILE…`: print each bylaw in canonical form; `--check` only says which would change."""
from __future__ import annotations

import sys

from ..diagnostics import BylawError, counted, render_text
from ..lang import Text
from .common import cannot_write, write_whole


def register(sub) -> None:
    p = sub.add_parser("fmt", help="print bylaws in canonical form")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--check", action="store_true", help="exit 1 if a file is not in canonical form")
    p.add_argument("--write", action="store_true", help="rewrite the files in place (comments are kept)")
    # Every command takes --lang: the help and argparse's refusals are said in it (cli._lang_asked).
    p.add_argument("--lang", choices=("sv", "en"), default="sv",
                   help="language of this help, of refusals and of a bylaw's errors: sv (default) or en; the bylaw "
                        "is printed as written")
    p.set_defaults(run=run)


_NOT_FORMATTED = Text("inte formaterad: {errors}; fmt skriver bara ut giltiga avtal",
                      "not formatted: {errors}; fmt prints only valid bylaws")
_WOULD_CHANGE = Text("skulle formateras om", "would be reformatted")


def run(args) -> int:
    # Imported on use: the parser loads lark, which `--help` does not need.
    from ..loader import analyse, read_text, resolve_path
    from ..syntax.printer import print_bylaw
    lang = args.lang
    status = 0
    for name in args.files:
        analysis = analyse(name)
        if analysis.bylaw is None or any(d.severity.value == "error" for d in analysis.diagnostics):
            errors = [d for d in analysis.diagnostics if d.severity.value == "error"]
            sys.stderr.write(render_text(errors, analysis.sources, lang=lang))
            sys.stderr.write(f"{name}: {_NOT_FORMATTED(lang).format(errors=counted(len(errors), 'error', lang))}\n")
            status = 2
            continue
        text = print_bylaw(analysis.bylaw)
        if args.check:
            try:
                same = read_text(resolve_path(name)) == text
            except BylawError:
                same = False
            if not same:
                print(f"{name}: {_WOULD_CHANGE(lang)}")
                status = max(status, 1)
        elif args.write:
            path = resolve_path(name)
            try:
                if read_text(path) == text:  # already canonical: the file is not touched
                    continue
            except BylawError:
                pass
            try:
                write_whole(path, text)  # whole or not at all: a full disk or a kill leaves the old file
            except OSError as exc:
                if lang == "en":
                    print(f"{name}: error: not written: {exc.strerror or exc}", file=sys.stderr)
                else:
                    print(f"{name}: fel: {cannot_write(str(name), exc)(lang)}", file=sys.stderr)
                status = 2
        else:
            sys.stdout.write(text)
    return status
