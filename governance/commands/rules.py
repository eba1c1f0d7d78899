"""`governance rules [ID]`: the check rules — all of them listed, or one rule's documentation."""
from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("rules", help="list the check rules, or print one rule's documentation")
    p.add_argument("rule", nargs="?", metavar="ID", help="a rule id (e.g. quorum)")
    p.add_argument("--lang", choices=("sv", "en"), default="sv", help="language (default: sv)")
    p.add_argument("--write-docs", type=Path, metavar="DIR",
                   help="write every rule's page and an index into DIR (docs/rules in the repository)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..check import BY_ID, RULES
    from ..check.docs import document, write
    if args.write_docs is not None:
        for path in write(args.write_docs, RULES, "en"):
            print(path)
        return 0
    if args.rule is None:
        width = max(len(rule.id) for rule in RULES)
        for rule in RULES:
            severity = {"error": "fel", "warning": "varning"}.get(rule.severity, rule.severity) \
                if args.lang == "sv" else rule.severity
            print(f"{rule.id:<{width}}  {severity:<7}  {rule.summary(args.lang)}")
        return 0
    wanted = BY_ID.get(args.rule)
    if wanted is None:
        from ..nearest import nearest
        close = nearest(args.rule, tuple(BY_ID))
        if args.lang == "sv":
            hint = f" (menade du '{close}'?)" if close else ""
            print(f"governance: fel: ingen regel '{args.rule}'{hint}; `governance rules` visar dem", file=sys.stderr)
        else:
            hint = f" (did you mean '{close}'?)" if close else ""
            print(f"governance: error: no rule '{args.rule}'{hint}; `governance rules` lists them", file=sys.stderr)
        return 2
    print(document(wanted, args.lang), end="")
    return 0
