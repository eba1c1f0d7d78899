"""`governance check-action BYLAW ACTION.yaml [--history CALENDAR] [--explain]`: may this be done?

An action is one matter at one meeting in the calendar format. Exit 0 allowed, 1 denied, 2 bad input.
"""
from __future__ import annotations

import json
import os
import sys

from ..diagnostics import BylawError, render_text as render_diagnostics


def register(sub) -> None:
    p = sub.add_parser("check-action", help="may a body take this action on this matter on this day?")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or a shipped bylaw id")
    p.add_argument("action", metavar="ACTION", help="a calendar file with one meeting holding one matter")
    p.add_argument("--history", metavar="CALENDAR", help="what already happened: a calendar (.yaml or .ics)")
    p.add_argument("--explain", action="store_true", help="print the path through the graph the verdict took")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def run(args) -> int:
    from .. import load
    from ..action import check_action, single_action
    from ..calendar import read
    from ..calendar.errors import CalendarError
    from ..report.render_text import render_text

    try:
        bylaw = load(args.bylaw)
    except BylawError as exc:
        sys.stderr.write(render_diagnostics(exc.diagnostics, exc.sources))
        return 2
    try:
        action = read(args.action)
        single_action(action)
        history = read(args.history) if args.history else None
    except CalendarError as exc:
        print(exc, file=sys.stderr)
        return 2
    for name, cal in ((args.action, action), (args.history, history)):
        if cal is not None and cal.bylaw is not None and cal.bylaw != bylaw.id:
            print(f"{name}: error: the calendar is for bylaw '{cal.bylaw}', not '{bylaw.id}'", file=sys.stderr)
            return 2
    verdict = check_action(bylaw, action, history)
    if args.format == "json":
        data = verdict.to_json()
        if not args.explain:
            data.pop("path")
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        if args.explain:
            print("\n".join(verdict.path) + "\n")
        if verdict.findings:
            body = render_text(verdict.report, calendar=args.action, colour=colour)
            sys.stdout.write("\n".join(body.rstrip("\n").splitlines()[:-1]) + "\n")
        print(f"{verdict.verdict}: {verdict.matter.action} '{verdict.matter.id}' at {verdict.meeting.body} "
              f"on {verdict.meeting.date} — {len(verdict.findings)} reason(s)")
    return 0 if verdict.allowed else 1
