"""`governance terms BYLAW [--until YEAR] [--lang sv|en]`: the agreement's terms, mandate periods and renewal
deadlines (in Swedish by default)."""
from __future__ import annotations

import json
from datetime import date

from ..lang import Text
from .common import fail, load_or_report, shown_bylaw


def register(sub) -> None:
    p = sub.add_parser("terms", help="terms of an agreement, mandate periods and renewal deadlines")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or shipped id")
    p.add_argument("--until", type=int, metavar="YEAR", help="last year to list (default: this year + 4)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("sv", "en"), default="sv", help="the text's language (default Swedish)")
    p.set_defaults(run=run)


WORDS = {
    "sv": {"open": "{id}: gäller från {start} {end}; förnyas inte per mandatperiod", "unknown start": "okänt datum",
           "until": "till {end}", "further notice": "tills vidare", "renewed": "{id}: förnyas efter varje val för {n} mandatperiod{s} ({where})",
           "plural": "er", "terms": "löptider:", "renew by": "förnya senast", "periods": "mandatperioder:",
           "election": "val", "in term": "inom löptid", "in term from": "inom löptid från {start}",
           "not renewed": "ingen förnyelse antecknad", "line": "rad",
           "out": "utanför löptid efter {end}: för in en förnyelse (`renewed DATE` i avtalets huvud, eller en ny "
                  "version som `amends` denna)",
           "initial": "första", "renewal": "förnyelse", "fixed": "fast", "open kind": "tills vidare"},
    "en": {"open": "{id}: in force from {start} {end}; not renewed per mandate period",
           "unknown start": "an unknown date", "until": "until {end}", "further notice": "until further notice",
           "renewed": "{id}: renewed after each election for {n} mandate period{s} ({where})", "plural": "s",
           "terms": "terms:", "renew by": "renew by", "periods": "mandate periods:", "election": "election",
           "in term": "in term", "in term from": "in term from {start}", "not renewed": "no renewal recorded", "line": "line",
           "out": "out of term after {end}: record a renewal (`renewed DATE` in the header, or a new version that "
                  "`amends` this one)",
           "initial": "initial", "renewal": "renewal", "fixed": "fixed", "open kind": "open"},
}


def run(args) -> int:
    from ..time.terms import TermError, election_dates, mandate_periods, renewal_rule, terms  # imported on use: `governance --help` stays light
    bylaw = load_or_report(args.bylaw, args.lang)
    if bylaw is None:
        return 2
    until = args.until if args.until is not None else date.today().year + 4
    if not 1900 <= until <= 2500:
        return fail(Text(f"--until {until} är inget rimligt år", f"--until {until} is not a plausible year"),
                    args.lang)
    try:
        found = terms(bylaw, until)
    except TermError as exc:
        return fail(exc.said, args.lang)
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
    _text(bylaw, found, rule, rows, until, WORDS[args.lang])
    return 0


def _text(bylaw, found, rule, rows, until: int, w: dict[str, str]) -> None:
    if rule is None:
        (x,) = found
        start = x.start.isoformat() if x.start else w["unknown start"]
        end = w["until"].format(end=x.end.isoformat()) if x.end else w["further notice"]
        print(w["open"].format(id=bylaw.id, start=start, end=end))
        return
    n = rule.value[0]
    print(w["renewed"].format(id=bylaw.id, n=n, s=w["plural"] if n > 1 else "",
                              where=f"{shown_bylaw(bylaw.path)}, {w['line']} {rule.span.line}"))
    print(w["terms"])
    width = max(len(w[k]) for k in ("initial", "renewal", "fixed", "open kind")) + 1
    for x in found:
        kind = w["open kind" if x.kind == "open" else x.kind]
        print(f"  {x.start} – {x.end}  {kind:<{width}} {w['renew by']} {x.deadline}")
    print(w["periods"])
    for p, covering in rows:
        status = (w["in term"] if covering and covering[0].start <= p.start else
                  w["in term from"].format(start=covering[-1].start) if covering else w["not renewed"])
        print(f"  {p.start} – {p.end}  ({w['election']} {p.election})  {status}")
    last = found[-1]
    if last.end is not None and last.end.year <= until:
        print(w["out"].format(end=last.end))
