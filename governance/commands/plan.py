"""`governance plan BYLAW [--year Y] [--format yaml|ics] [-o FILE] [--people FILE] [--time HH:MM]
[--length MINUTES] [--july] [--lang sv|en]`: a year's meetings that the bylaw allows, as a calendar.

The calendar goes to stdout or FILE: YAML as `check` reads it, or .ics (to FILE only, with the mapping
file `<stem>-mapping.yaml` beside it, under which `check` reads it back). The plan is then checked as it
was written, and whatever the planner could not meet is reported on stderr. Exit 0 when the plan is
compliant (warnings allowed), 1 when it breaks the bylaw, 2 on bad usage or a file that exists already
(never overwritten). With .ics, both files are written or neither.
"""
from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ..lang import DEFAULT_LANG, LANGS, Text
from .common import (cannot_write, colour_wanted, fail, load_or_report, read_calendar_or_report, shown, versions_or_warn,
                     write_new, year_arg)

HEAD = {"sv": ("{id}: möten planerade för {year} av `governance plan`. Datum, ordförande, sammankallande,\n"
               "kallelse och deltagare följer avtalet, liksom de ärenden avtalet kräver varje år; lägg till\n"
               "övriga ärenden och kör sedan `governance check`."),
        "en": ("{id}: meetings planned for {year} by `governance plan`. Dates, chairs, conveners,\nnotice and "
               "attendees follow the bylaw, as do the matters it requires every year; add the\nother matters, "
               "then `governance check` it.")}
NOTHING = {"sv": "{id}: inget organ har någon mötesregel, så det finns inget att planera",
           "en": "{id}: no body has a meeting rule, so there is nothing to plan"}
THE_PLAN = {"sv": "planen", "en": "the plan"}


def register(sub) -> None:
    p = sub.add_parser("plan", help="plan a year's meetings that the bylaw allows (a calendar to start from)")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or a shipped bylaw id")
    p.add_argument("--year", type=year_arg, metavar="Y", default=None, help="the year to plan (default: next year)")
    p.add_argument("--format", choices=("yaml", "ics"), default="yaml",
                   help="yaml (default), or ics for Outlook and the like (needs -o FILE.ics)")
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write the calendar to FILE (a new file) instead of stdout")
    p.add_argument("--people", metavar="FILE", default=None,
                   help="a mapping file whose people: give seats their persons ('Name <e-mail>: member/role'); "
                        "the .ics invites them by address")
    p.add_argument("--time", metavar="HH:MM", default="09:00", type=_time, help="when meetings start (default 09:00)")
    p.add_argument("--length", metavar="MINUTES", default=120, type=_minutes,
                   help="how long a meeting is, in the .ics (default 120)")
    p.add_argument("--july", "--allow-july", dest="july", action="store_true",
                   help="plan meetings in July too (by default July is left free, as offices close for the summer)")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                   help="the language of the file's head comment and of the plan's check: sv (default) or en")
    p.set_defaults(run=run)


def _time(text: str):
    import argparse
    from datetime import time
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time of day such as 09:00") from None


def _minutes(text: str) -> int:
    import argparse
    if not text.isdigit() or not 1 <= int(text) <= 24 * 60:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of minutes between 1 and 1440")
    return int(text)


def run(args) -> int:
    from ..calendar.ics_writer import mapping_for, to_ics
    from ..calendar.yaml_writer import to_yaml
    from ..planning.planner import check_plan, plan
    from ..report.render_text import body_titles, render_text

    year = args.year if args.year is not None else date.today().year + 1
    out = Path(args.output) if args.output else None
    files = [out] if out is not None else []
    if args.format == "ics":
        if out is None:
            return fail(Text("--format ics skriver en fil och dess mappningsfil bredvid: ange -o FILE.ics",
                             "--format ics writes a file and its mapping file beside it: give -o FILE.ics"), args.lang)
        files.insert(0, out.with_name(f"{out.stem}-mapping.yaml"))
    for path in files:
        if path.exists():
            return fail(Text(f"{shown(str(path))} finns redan; plan skriver bara nya filer (ta bort den eller ange "
                             "ett annat namn)", f"{shown(str(path))} exists; plan writes new files only (remove it "
                             "or name another)"), args.lang)
    bylaw = load_or_report(args.bylaw, args.lang)
    if bylaw is None:
        return 2
    people = None
    if args.people is not None:
        from ..calendar.errors import CalendarError
        from ..calendar.mapping import read_mapping
        try:
            people = read_mapping(args.people)
        except CalendarError as exc:
            print(exc.text(args.lang), file=sys.stderr)
            return 2
    calendar = plan(bylaw, year, july=args.july, at=args.time)
    if args.format == "ics":
        stamp = datetime.now(timezone.utc).replace(microsecond=0)
        texts = [mapping_for(calendar, people, args.lang),
                 to_ics(calendar, bylaw, stamp, people, timedelta(minutes=args.length))]
    else:
        texts = [to_yaml(calendar, HEAD[args.lang].format(id=bylaw.id, year=year))]
    if out is None:
        sys.stdout.write(texts[0])
    try:
        # All or nothing: both files are written and synced before either gets its name (the mapping
        # first, so an .ics is never found without it), and an existing file is never overwritten.
        write_new(list(zip(files, texts)))
    except FileExistsError as exc:
        name = shown(exc.filename or str(files[0]))
        return fail(Text(f"{name} finns redan; plan skriver bara nya filer", f"{name} exists; plan writes new "
                         "files only"), args.lang)
    except OSError as exc:
        return fail(cannot_write(str(exc.filename or files[0]), exc), args.lang)
    if not calendar.meetings:
        print(NOTHING[args.lang].format(id=bylaw.id), file=sys.stderr)
        return 0
    if out is not None:  # judged as written, so that findings point at the file's lines
        calendar = read_calendar_or_report(str(out), bylaw.id, lang=args.lang) or calendar
    report = check_plan(bylaw, calendar, versions_or_warn(args.bylaw, bylaw, args.lang), lang=args.lang)
    if report.findings:
        sys.stderr.write(render_text(report, calendar=shown(str(out)) if out else THE_PLAN[args.lang],
                                     colour=colour_wanted(sys.stderr), lang=args.lang,
                                     titles=body_titles(bylaw)))
    return 0 if report.compliant else 1
