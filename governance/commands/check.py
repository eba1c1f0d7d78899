"""`governance check [BYLAW] CALENDAR [--format text|json|pdf] [-o FILE]`: every way a meeting calendar breaks
the bylaw, each finding cited. Without BYLAW, the bylaw the calendar names (its `bylaw:` line, or its mapping
file's for an .ics): a file ID.bylaw beside the calendar, else the shipped bylaw with that id.

`--format pdf` writes a report to hand over (to `-o FILE` only), headed with the collaboration, the period,
the verdict and the date judged. With `-o`, any format goes to FILE, written whole or not at all.
Exit 0 compliant (warnings allowed), 1 findings of severity error, 2 bad usage, unreadable input, a FILE
that cannot be written, or nothing checked (no meeting to judge: the verdict `nothing-checked`, with the
reason on stderr).
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from ..lang import DEFAULT_LANG, LANGS, Text
from .common import (bylaw_named_by, calendar_for, cannot_write, colour_wanted, day_arg, fail, load_or_report,
                     overwrites_input, read_calendar_or_report, versions_or_warn, write_whole, year_arg)


def register(sub) -> None:
    p = sub.add_parser("check", help="check a meeting calendar (YAML or .ics) against a bylaw")
    p.add_argument("bylaw", metavar="BYLAW", nargs="?", default=None,
                   help="a bylaw file or a shipped bylaw id (left out: the one the calendar names on its bylaw: line)")
    p.add_argument("calendar", metavar="CALENDAR", help="the calendar: .yaml/.yml or .ics, or - to read it from standard input")
    p.add_argument("--mapping", metavar="FILE", default=None,
                   help="for .ics: the file mapping event categories to bodies and people to seats "
                        "(default: a mapping file beside the calendar)")
    p.add_argument("--format", choices=("text", "json", "pdf"), default="text",
                   help="text (default), json, or pdf: a report to hand over (needs -o FILE)")
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write the report to FILE (replaced whole, or left as it was) instead of stdout")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                   help="the language of the report: sv (default) or en; rule ids and JSON keys stay as they are")
    p.add_argument("--year", type=year_arg, metavar="Y", help="report only on calendar year Y")
    p.add_argument("--as-of", type=day_arg, metavar="DATE", default=None,
                   help="judge partial years as of this date (default: today), YYYY-MM-DD")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..calendar.preflight import nothing_to_check
    from ..check import check_calendar

    if args.format == "pdf" and args.output is None:
        return fail(Text("--format pdf skriver en fil: ange -o FILE.pdf", "--format pdf writes a file: give -o FILE.pdf"),
                    args.lang)
    if args.bylaw is None and _a_bylaw(args.calendar):  # `check laholmsbukten`: the calendar was left out
        return fail(Text(f"dessa argument saknas: CALENDAR (kalendern att kontrollera mot {args.calendar})",
                         f"the following arguments are required: CALENDAR (the calendar to check against "
                         f"{args.calendar})"), args.lang)
    # An .ics meeting that recurs without end is read through the year the check reaches.
    through = args.year or (args.as_of or date.today()).year
    if args.bylaw is None:  # the calendar says which agreement it keeps
        calendar = read_calendar_or_report(args.calendar, None, args.mapping, args.lang, through)
        args.bylaw = calendar and bylaw_named_by(args.calendar, calendar, args.lang)
        bylaw = args.bylaw and load_or_report(args.bylaw, args.lang)
        calendar = bylaw and calendar_for(args.calendar, calendar, bylaw.id, args.lang)
    else:
        bylaw = load_or_report(args.bylaw, args.lang)
        calendar = bylaw and read_calendar_or_report(args.calendar, bylaw.id, args.mapping, args.lang, through)
    if not calendar:
        return 2
    clash = overwrites_input(args.output, args.bylaw, args.calendar, args.mapping)  # the bylaw as found, too
    if clash:
        return fail(clash, args.lang)
    report = check_calendar(bylaw, calendar, as_of=args.as_of, year=args.year,
                            versions=versions_or_warn(args.bylaw, bylaw, args.lang), lang=args.lang)
    if report.verdict == "nothing-checked":  # never "compliant": exit 2, and why on stderr
        said = "fel" if args.lang == "sv" else "error"
        print(f"{args.calendar}: {said}: {nothing_to_check(calendar, lang=args.lang) or report.reason}",
              file=sys.stderr)
    if args.format == "pdf":
        data: str | bytes = _pdf(report, bylaw, calendar, args)
    elif args.format == "json":
        from ..report.render_json import render_json
        data = render_json(report)
    else:
        from ..report.render_text import body_titles, render_text
        data = render_text(report, calendar=args.calendar, colour=args.output is None and colour_wanted(),
                           lang=args.lang, titles=body_titles(bylaw))
    if args.output is None:
        assert isinstance(data, str)  # pdf is refused without -o above
        sys.stdout.write(data)
    else:
        try:
            write_whole(Path(args.output), data)
        except OSError as exc:
            return fail(cannot_write(args.output, exc), args.lang)
    return {"compliant": 0, "not-compliant": 1, "nothing-checked": 2}[report.verdict]


def _a_bylaw(path: str) -> bool:
    """Whether the one path given names a bylaw, not a calendar: a .bylaw file, or a shipped id that is no file."""
    from ..loader import shipped_ids
    return path.endswith(".bylaw") or not Path(path).exists() and path in shipped_ids()


def _pdf(report, bylaw, calendar, args) -> bytes:
    from ..report.handover import head_for
    from ..report.render_pdf import render_pdf
    from ..report.render_text import body_titles
    head = head_for(bylaw, calendar, judged=args.as_of or date.today(), year=args.year, shown=args.calendar)
    return render_pdf(report, head, lang=getattr(args, "lang", None) or "en", titles=body_titles(bylaw))
