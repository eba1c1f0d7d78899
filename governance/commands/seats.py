"""`governance seats BYLAW [--year Y] [--population FILE] [--format text|json] [--lang sv|en]`."""
from __future__ import annotations

import json

from ..lang import grouped
from .common import fail, load_or_report, shown_bylaw

WORDS = {
    "sv": {"title": "{bylaw}: mandat efter folkmängd", "member": "medlem", "code": "kod", "name": "kommun",
           "population": "folkmängd", "as_of": "per", "seats": "mandat", "total": "summa", "source": "källa",
           "file": "befolkningsfil"},
    "en": {"title": "{bylaw}: seats by population", "member": "member", "code": "code", "name": "municipality",
           "population": "population", "as_of": "as of", "seats": "seats", "total": "total", "source": "source",
           "file": "population file"},
}


def register(sub) -> None:
    p = sub.add_parser("seats", help="the seats a bylaw's formula gives each member, from SCB's population figures")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or shipped id")
    p.add_argument("--year", type=int, help="the figures at the formula's day in this year (default: the latest "
                   "day every member has a figure for)")
    p.add_argument("--population", metavar="FILE", help="a population CSV (SCB's Statistikdatabasen export, or ours)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("sv", "en"), default="sv")
    p.set_defaults(run=run)


# money/seats' refusals in Swedish (the library's English where a pattern is missing: SCB's instructions).
_SV = (
    (r"(?P<a>\S+) counts no seats by population \(no `seat … by population …` line\)",
     "{a} fördelar inga platser efter folkmängd (ingen rad `seat … by population …`)"),
    (r"no SCB code for (?P<a>.+): add the four-digit code to the member line",
     "ingen SCB-kod för {a}: lägg till den fyrsiffriga koden på medlemsraden"),
    (r"no population figure per (?P<a>\S+) for (?P<b>.+) in (?P<c>[^;]+); (?P<hint>.+)",
     "ingen folkmängd per {a} för {b} i {c}; {hint}"),
)


def _said(message: str, lang: str) -> str:
    if lang != "sv":
        return message
    from ..lang import by_pattern
    from ..money.swedish import POPULATION, swedish_hint
    from ..os_words import swedish_reason
    return by_pattern(_SV + POPULATION, message, {"hint": swedish_hint, "e": swedish_reason}) or message


def run(args) -> int:
    from ..document.formula import formula_words
    from ..money.seats import SeatError, formula_lines, seat_table
    bylaw = load_or_report(args.bylaw, args.lang)
    if bylaw is None:
        return 2
    try:
        table = seat_table(bylaw, args.population, args.year)
    except SeatError as exc:
        return fail(_said(str(exc), args.lang), args.lang)
    if args.format == "json":
        data = table.to_json()
        data["lines"] = [{"body": b.id, "role": d.role, "line": d.span.line,
                          "formula": formula_words(d.formula, args.lang)} for b, d in formula_lines(bylaw)]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    w = WORDS[args.lang]
    print(w["title"].format(bylaw=bylaw.id) + f" ({w['file']}: {table.origin})")
    sources: list[str] = []
    for body, decl in formula_lines(bylaw):
        rows = [r for r in table.rows if (r.body, r.role) == (body.id, decl.role)]
        print()
        print(f"{body.id} {decl.role} ({shown_bylaw(bylaw.path)}:{decl.span.line}): "
              f"{formula_words(decl.formula, args.lang)}")
        if not rows:
            continue
        width = max(len(w["member"]), *(len(r.member) for r in rows))
        name_w = max(len(w["name"]), *(len(r.name) for r in rows))
        print(f"  {w['member']:<{width}}  {w['code']:<4}  {w['name']:<{name_w}}  {w['population']:>10}  "
              f"{w['as_of']:<10}  {w['seats']:>6}")
        for r in rows:
            if r.source not in sources:
                sources.append(r.source)
            mark = f" [{sources.index(r.source) + 1}]"
            print(f"  {r.member:<{width}}  {r.code:<4}  {r.name:<{name_w}}  {grouped(r.population):>10}  "
                  f"{r.reference_date.isoformat():<10}  {r.seats:>6}{mark}")
        print(f"  {w['total']:<{width}}  {'':<4}  {'':<{name_w}}  {grouped(sum(r.population for r in rows)):>10}  "
              f"{'':<10}  {sum(r.seats for r in rows):>6}")
    if sources:
        print()
        for i, source in enumerate(sources, 1):
            print(f"[{i}] {w['source']}: {source}")
    return 0
