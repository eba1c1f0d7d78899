"""`governance check-action BYLAW ACTION.yaml [--history CALENDAR] [--explain]`: may this be done?

An action is one matter at one meeting in the calendar format. Exit 0 allowed, 1 denied, 2 bad input.
"""
from __future__ import annotations

import json
import sys

from ..lang import DEFAULT_LANG, LANGS
from .common import colour_wanted, load_or_report, read_calendar_or_report


def register(sub) -> None:
    p = sub.add_parser("check-action", help="may a body take this action on this matter on this day?")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or a shipped bylaw id")
    p.add_argument("action", metavar="ACTION", help="a calendar file with one meeting holding one matter")
    p.add_argument("--history", metavar="CALENDAR", help="what already happened: a calendar (.yaml or .ics)")
    p.add_argument("--explain", action="store_true", help="print the path through the graph the verdict took")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                   help="the language of the verdict and the path: sv (default) or en; rule ids and JSON keys stay")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..check.action import check_action, single_action
    from ..calendar.errors import CalendarError
    from ..report.render_text import body_titles, render_text

    bylaw = load_or_report(args.bylaw, args.lang)
    if bylaw is None:
        return 2
    action = read_calendar_or_report(args.action, bylaw.id, lang=args.lang)
    history = read_calendar_or_report(args.history, bylaw.id, lang=args.lang) if args.history else None
    if action is None or (args.history and history is None):
        return 2
    try:
        single_action(action)
    except CalendarError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 2
    verdict = check_action(bylaw, action, history, lang=args.lang)
    if args.format == "json":
        data = verdict.to_json()
        if not args.explain:
            data.pop("path")
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        colour = colour_wanted()
        if args.explain:
            print("\n".join(verdict.path) + "\n")
        if verdict.findings:
            body = render_text(verdict.report, calendar=args.action, colour=colour, lang=args.lang,
                               titles=body_titles(bylaw))
            sys.stdout.write("\n".join(body.rstrip("\n").splitlines()[:-1]) + "\n")
        print(verdict.said())
    return 0 if verdict.allowed else 1
