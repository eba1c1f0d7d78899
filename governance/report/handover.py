"""The head of a report to hand over (PDF, printed page): which collaboration, which calendar and period, the
verdict, and the date judged, in Swedish or English. A calendar with no meeting is "nothing checked",
never "compliant"."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..lang import Lang
from .finding import Report

WORDS = {
    "sv": {"title": "Granskning av mötesplanen", "collaboration": "Samverkan", "calendar": "Kalender",
           "period": "Period", "verdict": "Utlåtande", "judged": "Bedömt per", "compliant": "följer avtalet",
           "not-compliant": "följer inte avtalet", "nothing": "inget kontrollerat", "error": "fel",
           "errors": "fel", "warning": "varning", "warnings": "varningar", "at": "vid", "assumed": "antaget",
           "none": "Inga avvikelser.", "page": "Sida {n}", "no-meetings": "inga möten"},
    "en": {"title": "Calendar check", "collaboration": "Collaboration", "calendar": "Calendar", "period": "Period",
           "verdict": "Verdict", "judged": "Judged as of", "compliant": "compliant", "not-compliant": "not compliant",
           "nothing": "nothing checked", "error": "error", "errors": "errors", "warning": "warning",
           "warnings": "warnings", "at": "at", "assumed": "assumed", "none": "No findings.", "page": "Page {n}",
           "no-meetings": "no meetings"},
}


@dataclass(frozen=True, slots=True)
class Head:
    """What the head of the handed-over report says."""

    collaboration: str  # the bylaw's title (and id)
    calendar: str | None  # the calendar file as the user named it
    period: tuple[date, date] | None  # first and last meeting judged; None: no meeting
    judged: date  # the date the report was judged as of
    nothing_checked: bool = False  # the calendar held no meeting: never called compliant
    short: str | None = None  # what each page's foot calls the collaboration (the bylaw id); else the whole


def verdict_words(report: Report, head: Head, lang: Lang) -> str:
    """"följer avtalet — 0 fel, 2 varningar"; "inget kontrollerat" when there was nothing to judge."""
    w = WORDS[lang]
    if head.nothing_checked:
        return w["nothing"]
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = len(report.findings) - errors
    said = w["compliant"] if report.compliant else w["not-compliant"]
    return (f"{said} — {errors} {w['error'] if errors == 1 else w['errors']}, "
            f"{warnings} {w['warning'] if warnings == 1 else w['warnings']}")



def head_rows(report: Report, head: Head, lang: Lang) -> list[tuple[str, str]]:
    """(label, value) rows of the head, in order: collaboration, calendar, period, verdict, date judged."""
    w = WORDS[lang]
    rows = [(w["collaboration"], head.collaboration)]
    if head.calendar:
        rows.append((w["calendar"], head.calendar))
    rows.append((w["period"], f"{head.period[0]} – {head.period[1]}" if head.period else w["no-meetings"]))
    rows.append((w["verdict"], verdict_words(report, head, lang)))
    rows.append((w["judged"], head.judged.isoformat()))
    return rows


def head_for(bylaw, calendar, *, judged: date, year: int | None = None, shown: str | None = None) -> Head:
    """The head of the report on `calendar` against `bylaw`, judged as of `judged`: the period is the first
    and last meeting (of `year` when the report is of one year); no meeting is "nothing checked"."""
    days = sorted(m.date for m in calendar.meetings if year is None or m.date.year == year)
    return Head(collaboration=f"{bylaw.title} ({bylaw.id})", calendar=shown or calendar.path or None,
                period=(days[0], days[-1]) if days else None, judged=judged, nothing_checked=not days,
                short=bylaw.id)
