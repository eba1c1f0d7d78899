"""`governance share BYLAW --amount 250000 [--participants a,b] [--year 2025] [--population FILE]`."""
from __future__ import annotations

import json

from .common import fail, load_or_report, shown_bylaw, year_arg


def register(sub) -> None:
    p = sub.add_parser("share", help="split a cost by population, or compute per-inhabitant fees")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or shipped id")
    p.add_argument("--amount", metavar="SEK", help="the cost to split by population (whole öre at most)")
    p.add_argument("--fee", metavar="SEK", help="fee per inhabitant, when the bylaw names none")
    p.add_argument("--participants", metavar="IDS", help="comma-separated member ids (default: every municipality)")
    p.add_argument("--year", type=year_arg, help="take the figures at the agreement's reference date in this year")
    p.add_argument("--population", metavar="FILE", help="a population CSV (ours or an SCB export)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def _money(value) -> str:
    return f"{value:,.2f}".replace(",", " ")


def run(args) -> int:
    from ..money.share import ShareError, share  # imported on use: `governance --help` stays light
    bylaw = load_or_report(args.bylaw)
    if bylaw is None:
        return 2
    participants = [p.strip() for p in args.participants.split(",") if p.strip()] if args.participants else None
    try:
        split = share(bylaw, args.amount, participants, args.population, args.year, args.fee)
    except ShareError as exc:
        return fail(str(exc))
    if args.format == "json":
        print(json.dumps(split.to_json(), ensure_ascii=False, indent=2))
        return 0
    n = len(split.shares)
    if split.mode == "population":
        print(f"{bylaw.id}: {_money(split.total)} SEK split by population among {n} participants")
    else:
        print(f"{bylaw.id}: fee {split.fee} SEK per inhabitant and year, {n} members, total {_money(split.total)} SEK")
    if split.rule is not None:
        print(f"rule: {shown_bylaw(bylaw.path)}:{split.rule.span.line}")
    print(f"reference date: {split.reference_date or 'mixed (see warning)'}"
          + (f" (asked: {split.asked_date})" if split.asked_date else ""))
    width = max(len(s.member) for s in split.shares)
    print(f"  {'member':<{width}}  code  {'population':>10}  {'as of':<10}  {'SEK':>14}")
    for s in split.shares:
        print(f"  {s.member:<{width}}  {s.code}  {s.population:>10,}  {str(s.reference_date or ''):<10}  "
              f"{_money(s.amount):>14}".replace(",", " "))
    print(f"  {'total':<{width}}        {sum(s.population for s in split.shares):>10,}  {'':<10}  "
          f"{_money(split.total):>14}".replace(",", " "))
    for note in split.notes:
        print(f"note: {note}")
    for warning in split.warnings:
        print(f"warning: {warning}")
    return 0
