"""holiday (warning): a meeting on a Swedish public holiday or on a weekend. There is no clause to break;
the citation is the Swedish act on public holidays, against the body whose meeting it is."""
from __future__ import annotations

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
    for body in view.bodies.values():
        cite = Citation(file=view.bylaw_file, line=body.body.span.line, quote=LAW, law=LAW)
        for meeting in body.meetings:
            day = meeting.date
            if day in names["en"]:
                yield view.finding(RULE, cite, meeting=meeting,
                                   sv=f"'{meeting.id}' infaller på en allmän helgdag: {names['sv'][day]} ({day})",
                                   en=f"'{meeting.id}' falls on a public holiday: {names['en'][day]} ({day})")
            elif day.weekday() >= 5:
                weekday = WEEKDAYS[day.weekday() - 5]
                yield view.finding(RULE, cite, meeting=meeting,
                                   sv=f"'{meeting.id}' infaller en helg ({weekday.sv} {day})",
                                   en=f"'{meeting.id}' falls on a weekend ({weekday.en} {day})")


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
