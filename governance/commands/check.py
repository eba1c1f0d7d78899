"""`governance check BYLAW CALENDAR`: every way a meeting calendar breaks the bylaw, each finding cited.

Exit 0 compliant (warnings allowed), 1 findings of severity error, 2 bad usage or unreadable input.
"""
from __future__ import annotations

import sys
from datetime import date

from ..lang import DEFAULT_LANG, LANGS
from .common import colour_wanted, load_or_report, nothing_to_check, read_calendar_or_report, versions_or_warn


def register(sub) -> None:
    p = sub.add_parser("check", help="check a meeting calendar (YAML or .ics) against a bylaw")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or a shipped bylaw id")
    p.add_argument("calendar", metavar="CALENDAR", help="the calendar: .yaml/.yml or .ics")
    p.add_argument("--mapping", metavar="FILE", default=None,
                   help="for .ics: the file mapping event categories to bodies and people to seats "
                        "(default: a mapping file beside the calendar)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                   help="the language of the report: sv (default) or en; rule ids and JSON keys stay as they are")
    p.add_argument("--year", type=int, metavar="Y", help="report only on calendar year Y")
    p.add_argument("--as-of", type=_day, metavar="DATE", default=None,
                   help="judge partial years as of this date (default: today), YYYY-MM-DD")
    p.set_defaults(run=run)


def _day(text: str) -> date:
    import argparse
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def run(args) -> int:
    from ..check import check_calendar
    from ..report.render_json import render_json
    from ..report.render_text import render_text

    bylaw = load_or_report(args.bylaw)
    calendar = bylaw and read_calendar_or_report(args.calendar, bylaw.id, args.mapping)
    if calendar is None:
        return 2
    empty = nothing_to_check(calendar, lang=args.lang)
    if empty:
        print(f"{args.calendar}: {'varning' if args.lang == 'sv' else 'warning'}: {empty}", file=sys.stderr)
    report = check_calendar(bylaw, calendar, as_of=args.as_of, year=args.year,
                            versions=versions_or_warn(args.bylaw, bylaw), lang=args.lang)
    if args.format == "json":
        sys.stdout.write(render_json(report))
    else:
        sys.stdout.write(render_text(report, calendar=args.calendar, colour=colour_wanted(), lang=args.lang))
    return 0 if report.compliant else 1
