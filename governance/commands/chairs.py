"""`governance chairs BYLAW --from 2025 --to 2035 [--lang sv|en]`: the chair and vice chair of each body, year by
year (in Swedish by default)."""
from __future__ import annotations

import json

from ..lang import Text
from .common import fail, load_or_report, shown_bylaw

MAX_YEARS = 500  # a table longer than this is a typo in --from/--to, not a question


def register(sub) -> None:
    p = sub.add_parser("chairs", help="chair and vice chair of each body per year, from the rotation")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or shipped id")
    p.add_argument("--from", dest="first", type=int, required=True, metavar="YEAR")
    p.add_argument("--to", dest="last", type=int, required=True, metavar="YEAR")
    p.add_argument("--body", help="only this body")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("sv", "en"), default="sv", help="the text's language (default Swedish)")
    p.set_defaults(run=run)


WORDS = {
    "sv": {"none": "{id}: avtalet anger ingen ordförande för något organ", "head": "{id}: ordförande {first}–{last}",
           "chair": "ordförande", "vice chair": "vice ordförande", "year": "år", "line": "rad",
           "unknown in": "okänd {span}"},
    "en": {"none": "{id}: no body has a chair clause", "head": "{id}: chairs {first}–{last}",
           "chair": "chair", "vice chair": "vice chair", "year": "year", "line": "line", "unknown in": "unknown in {span}"},
}


def run(args) -> int:
    from ..time.rotation import bodies_with_chairs, rotation_table  # imported on use: `governance --help` stays light
    if args.last < args.first:
        return fail(Text(f"--to {args.last} ligger före --from {args.first}",
                         f"--to {args.last} is before --from {args.first}"), args.lang)
    if args.last - args.first >= MAX_YEARS:
        return fail(Text(f"högst {MAX_YEARS} år åt gången", f"at most {MAX_YEARS} years at a time"), args.lang)
    bylaw = load_or_report(args.bylaw, args.lang)
    if bylaw is None:
        return 2
    if args.body is not None and bylaw.body(args.body) is None:
        bodies = ", ".join(b.id for b in bylaw.bodies)
        return fail(Text(f"avtalet '{bylaw.id}' har inget organ '{args.body}' (organ: {bodies})",
                         f"bylaw '{bylaw.id}' has no body '{args.body}' (bodies: {bodies})"), args.lang)
    ids = (args.body,) if args.body else bodies_with_chairs(bylaw)
    table = {b: rotation_table(bylaw, b, args.first, args.last) for b in ids}
    if args.format == "json":
        out = {"bylaw": bylaw.id, "from": args.first, "to": args.last,
               "bodies": [{"body": b, "years": [a.to_json() for a in rows]} for b, rows in table.items()]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    _text(bylaw, table, args, WORDS[args.lang])
    return 0


def _text(bylaw, table, args, w: dict[str, str]) -> None:
    lang = args.lang
    if not table:
        print(w["none"].format(id=bylaw.id))
        return
    print(w["head"].format(id=bylaw.id, first=args.first, last=args.last))
    for body_id, rows in table.items():
        body = bylaw.body(body_id)
        print()
        print(f"{body_id} ({body.name})")
        for label, clause in (("chair", body.chair), ("vice chair", body.vice_chair)):
            if clause is not None:
                print(f"  {w[label]}: {shown_bylaw(bylaw.path)}, {w['line']} {clause.span.line}")
        width = max([len(a.chair.describe(lang)) for a in rows] + [len(w["chair"])])
        print(f"  {w['year']:<6}{w['chair']:<{width + 2}}{w['vice chair']}")
        for a in rows:
            print(f"  {a.year:<6}{a.chair.describe(lang):<{width + 2}}{a.vice.describe(lang)}")
        said = {s.note: (s.note_sv if lang == "sv" else None) or s.note for a in rows for s in (a.chair, a.vice)
                if s.note}
        for note in sorted(said):
            years = [a.year for a in rows if note in (a.chair.note, a.vice.note)]
            span = f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"
            print(f"  {w['unknown in'].format(span=span)}: {said[note]}")
