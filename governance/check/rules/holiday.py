"""holiday (warning): a meeting on a Swedish public holiday or on a weekend. There is no clause to break;
the citation is the Swedish act on public holidays, against the body whose meeting it is."""
from __future__ import annotations

from datetime import date
from typing import Iterator

from ...report.finding import Citation, Finding
from ...time.sweden import public_holidays
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView

LAW = "Lag (1989:253) om allmänna helgdagar"
WEEKDAYS = (Text(sv="lördag", en="Saturday"), Text(sv="söndag", en="Sunday"))


def check(view: CalendarView) -> Iterator[Finding]:
    if not view.days:
        return
    years = range(min(view.days).year, max(view.days).year + 1)
    names = {lang: public_holidays(years, lang) for lang in ("sv", "en")}
    # Each day judged once (a calendar has few distinct days), then the meetings on the days it warns about
    # picked out in calendar order.
    warned: dict[date, str] = {}  # day → why a meeting that day is warned about, in the run's language
    for day in view.days:
        if day in names["en"]:
            warned[day] = Text(sv=f"infaller på en allmän helgdag: {names['sv'][day]} ({day})",
                               en=f"falls on a public holiday: {names['en'][day]} ({day})")(view.lang)
        elif day.weekday() >= 5:
            weekday = WEEKDAYS[day.weekday() - 5]
            warned[day] = Text(sv=f"infaller en helg ({weekday.sv} {day})",
                               en=f"falls on a weekend ({weekday.en} {day})")(view.lang)
    if not warned:
        return  # (the usual answer: no pass over the calendar for the meetings of no day)
    cites: dict[str, Citation] = {}  # body → the act, cited against the body's declaration
    for meeting in [m for m in view.calendar.meetings if m.date in warned]:
        body = view.bodies.get(meeting.body)
        if body is None:
            continue  # a body the bylaw does not have: reported as unknown-body, nothing else to say
        cite = cites.get(body.id) or cites.setdefault(
            body.id, Citation(file=view.bylaw_file, line=body.body.span.line, quote=LAW, law=LAW))
        yield view.finding(RULE, cite, meeting=meeting, message=f"'{meeting.id}' {warned[meeting.date]}")


_BYLAW = 'body radet "Rådet"\n'

RULE = Rule(
    id="holiday",
    summary=Text(sv="Inget sammanträde på en allmän helgdag eller en helg.",
                 en="No meeting on a public holiday or a weekend."),
    why=Text(sv="Ingen klausul bryts, men ett sammanträde en helgdag är oftast ett misstag i kalendern. "
                "Helgdagarna är de i lagen om allmänna helgdagar.",
             en="No clause is broken, but a meeting on a holiday is usually a mistake in the calendar. The "
                "holidays are those of the Swedish act on public holidays."),
    severity="warning",
    basis=Basis("statute", "(none: every body)", LAW),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-06-06}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-06-05}\n"),),
    fix=Text(sv="Flytta sammanträdet till en vardag.", en="Move the meeting to a working day."),
    check=check,
)
