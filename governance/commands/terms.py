"""`governance terms BYLAW [--until YEAR]`: the agreement's terms, mandate periods and renewal deadlines."""
from __future__ import annotations

import json
from datetime import date

from .common import fail, load_or_report, shown_bylaw


def register(sub) -> None:
    p = sub.add_parser("terms", help="terms of an agreement, mandate periods and renewal deadlines")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or shipped id")
    p.add_argument("--until", type=int, metavar="YEAR", help="last year to list (default: this year + 4)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..time.terms import TermError, election_dates, mandate_periods, renewal_rule, terms  # imported on use: `governance --help` stays light
    bylaw = load_or_report(args.bylaw)
    if bylaw is None:
        return 2
    until = args.until if args.until is not None else date.today().year + 4
    if not 1900 <= until <= 2500:
        return fail(f"--until {until} is not a plausible year")
    try:
        found = terms(bylaw, until)
    except TermError as exc:
        return fail(str(exc))
    rule = renewal_rule(bylaw)
    cycle, mandate = bylaw.election_cycle, bylaw.mandate_period
    first = next((x.start.year for x in found if x.start), until)
    periods = mandate_periods(cycle, mandate, first, until) if rule and cycle and mandate else ()
    rows = []
    for p in periods:
        covering = [x for x in found if x.start and x.start <= p.end and x.end >= p.start]
        rows.append((p, covering))
    if args.format == "json":
        print(json.dumps({
            "bylaw": bylaw.id, "until": until,
            "renewal": ({"mandate_periods": rule.value[0], "line": rule.span.line} if rule else None),
            "elections": [d.isoformat() for d in election_dates(cycle, first, until)] if cycle else [],
            "terms": [x.to_json() for x in found],
            "mandate_periods": [{"start": p.start.isoformat(), "end": p.end.isoformat(),
                                 "election": p.election.isoformat(),
                                 "renewed": bool(c), "terms": [x.start.isoformat() for x in c]}
                                for p, c in rows]}, ensure_ascii=False, indent=2))
        return 0
    if rule is None:
        (x,) = found
        start = x.start.isoformat() if x.start else "an unknown date"
        end = x.end.isoformat() if x.end else "further notice"
        print(f"{bylaw.id}: in force from {start} until {end}; not renewed per mandate period")
        return 0
    n = rule.value[0]
    print(f"{bylaw.id}: renewed after each election for {n} mandate period{'s' if n > 1 else ''} "
          f"({shown_bylaw(bylaw.path)}:{rule.span.line})")
    print("terms:")
    for x in found:
        print(f"  {x.start} – {x.end}  {x.kind:<8} renew by {x.deadline}")
    print("mandate periods:")
    for p, covering in rows:
        status = ("in term" if covering and covering[0].start <= p.start else
                  f"in term from {covering[-1].start}" if covering else "NOT RENEWED")
        print(f"  {p.start} – {p.end}  (election {p.election})  {status}")
    last = found[-1]
    if last.end is not None and last.end.year <= until:
        print(f"out of term after {last.end}: record a renewal (`renewed DATE` in the header, or a new version "
              "that `amends` this one)")
    return 0
