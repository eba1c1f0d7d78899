"""term: no meeting before the agreement takes effect, or after its term has run out without renewal.

The terms are governance.time.terms': `valid … until`, or `renewed after each election for N mandate periods`
counted from the agreement's date, with the renewals the bylaw records (`renewal DATE, …`). A bylaw that
renews per mandate period but lacks an election cycle or a start date has no term to judge by: one warning
says so (never silence, which would read as every meeting in term).

When the other versions of the agreement are known (`check_calendar(versions=…)`; the command finds them
beside the bylaw), a meeting on or after the day a later version takes effect is out of term too: the
later version is the agreement then. The term is one fact: one finding per body and year, listing its
meetings (the one meeting's own words when there is one).
"""
from __future__ import annotations

from typing import Iterator

from ...model.citation import cite
from ...report.finding import Finding
from ...time.terms import TermBreach, TermError, breach_on, renewal_rule, terms
from ..rule import Basis, Example, Rule, Severity, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    yield from _superseded(view)
    bylaw = view.bylaw
    try:
        spans = terms(bylaw)
    except TermError as exc:  # no term to judge by: said, never passed over as if every meeting were in term
        if view.days:
            yield view.finding(RULE, view.cite(renewal_rule(bylaw) or bylaw), severity="warning",
                               sv=f"löptiden kan inte bedömas: {exc.said.sv}",
                               en=f"the term cannot be judged: {exc.said.en}")
        return
    if len(spans) == 1 and spans[0].start is None and spans[0].end is None:
        return  # open-ended from the beginning: nothing to break
    replaced = view.successor.effective_from if view.successor is not None else None
    # A bylaw renewed after each election that records no renewal at all says nothing either way: the
    # renewals may simply not have been written down. That is a warning to record them; once any renewal
    # is recorded, a meeting outside every recorded term is an error.
    unrecorded = bylaw.header_item("renewal") is None and bylaw.header_item("renewed") is not None
    hint = (Text(sv="; för in förnyelserna i avtalet (`renewed DATE, …`) så att löptiden kan bedömas",
                 en="; record the renewals in the bylaw (`renewed DATE, …`) to have the term judged")
            if unrecorded else Text(sv="", en=""))
    breaches = _breaches(view, spans, replaced)
    # One fact, the term, is one finding per body and year, listing its meetings.
    for (body, year), meetings in _by_body_and_year(view.meetings_on(breaches)):
        first = breaches[meetings[0].date]
        severity: Severity = "warning" if unrecorded else "error"
        if len(meetings) == 1:
            yield view.finding(RULE, view.cite(first.clause or bylaw), meeting=meetings[0], severity=severity,
                               sv=f"'{meetings[0].id}' den {_said(first).sv}{hint.sv}",
                               en=f"'{meetings[0].id}' on {first.message}{hint.en}")
            continue
        listed = ", ".join(f"'{m.id}' ({m.date})" for m in meetings)
        # each reason once, without its day ("2025-02-07 is after …" → "after …")
        sv = dict.fromkeys(_said(breaches[m.date]).sv.partition(" ")[2].removeprefix("är ") for m in meetings)
        en = dict.fromkeys(breaches[m.date].message.partition(" ")[2].removeprefix("is ") for m in meetings)
        yield _grouped(view, view.cite(first.clause or bylaw), meetings, severity,
                       sv=f"{len(meetings)} sammanträden i {body} {year} ({listed}) är " + "; ".join(sv) + hint.sv,
                       en=f"{len(meetings)} meetings of {body} in {year} ({listed}) are " + "; ".join(en) + hint.en)


def _breaches(view: CalendarView, spans, replaced) -> dict:
    """Day → why the agreement is not in force then, for each meeting day before `replaced` (later days
    are _superseded's). A day within one of the terms is in term; only the others are asked why."""
    days = view.days
    if not days or any(min(days) in span and max(days) in span for span in spans):
        return {}  # every day within one term (the usual case)
    outside = [day for day in days if (replaced is None or day < replaced)
               and not any(day in span for span in spans)]
    return {day: breach for day in outside if (breach := breach_on(view.bylaw, day, spans)) is not None}


def _by_body_and_year(meetings) -> list:
    groups: dict[tuple[str, int], list] = {}
    for m in sorted(meetings, key=lambda m: (m.date, m.id)):
        groups.setdefault((m.body, m.date.year), []).append(m)
    return sorted(groups.items())


def _grouped(view: CalendarView, citation, meetings, severity, *, sv: str, en: str) -> Finding:
    """One finding for a body's meetings of one year, placed at the first of them in the calendar."""
    found = view.finding(RULE, citation, meeting=meetings[0], severity=severity, sv=sv, en=en)
    return found._replace(meeting=None)


def _said(breach: TermBreach) -> Text:
    day, limit = breach.day, breach.limit
    if breach.reason == "before":
        return Text(sv=f"{day} är innan avtalet träder i kraft ({limit})", en=breach.message)
    if breach.reason == "ended":
        return Text(sv=f"{day} är efter att avtalet har upphört ({limit})", en=breach.message)
    return Text(sv=f"{day} är efter att avtalets löptid tog slut {limit}, och ingen förnyelse efter det valet "
                   "finns antecknad", en=breach.message)


def _superseded(view: CalendarView) -> Iterator[Finding]:
    """A meeting on or after the day a later version of the agreement takes effect: that version, not
    this one, is the agreement then (`amends THIS from DATE`), cited from the later version."""
    later = view.successor
    if later is None or later.effective_from is None:
        return
    since = later.effective_from
    clause = later.header_item("amends") or later.header_item("valid") or later
    citation = view.stamp(cite(later, clause))
    this = view.bylaw.id
    for _, meetings in _by_body_and_year(view.meetings_on(d for d in view.days if d >= since)):
        if len(meetings) == 1:
            meeting = meetings[0]
            yield view.finding(RULE, citation, meeting=meeting,
                               sv=f"'{meeting.id}' den {meeting.date}: {this} gäller inte längre; {later.id} ersätter "
                                  f"det från {since}: pröva sammanträdet mot {later.id}",
                               en=f"'{meeting.id}' on {meeting.date}: {this} is no longer in force; {later.id} takes "
                                  f"its place from {since}: check the meeting against {later.id}")
            continue
        first = meetings[0]
        listed = ", ".join(f"'{m.id}' ({m.date})" for m in meetings)
        yield _grouped(view, citation, meetings, "error",
                       sv=f"{len(meetings)} sammanträden i {first.body} {first.date.year} ({listed}): {this} gäller "
                          f"inte längre; {later.id} ersätter det från {since}: pröva dem mot {later.id}",
                       en=f"{len(meetings)} meetings of {first.body} in {first.date.year} ({listed}): {this} is no "
                          f"longer in force; {later.id} takes its place from {since}: check them against {later.id}")


_BYLAW = 'body radet "Rådet"\n'

RULE = Rule(
    id="term",
    summary=Text(sv="Inget sammanträde hålls innan avtalet träder i kraft eller efter att det har upphört.",
                 en="No meeting is held before the agreement takes effect or after its term has run out."),
    why=Text(sv="`valid from … until …` eller `renewed after each election for N mandate periods` med de "
                "förnyelser avtalet antecknar. Är en senare version av avtalet känd gäller den från sin dag.",
             en="`valid from … until …`, or `renewed after each election for N mandate periods` with the "
                "renewals the bylaw records. When a later version is known, it is the agreement from its day."),
    severity="error",
    basis=Basis("agreement", "valid from DATE until DATE | renewed after each election …"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2019-03-11}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10}\n"),),
    fix=Text(sv="Förnya avtalet, eller håll sammanträdet inom dess löptid.",
             en="Renew the agreement, or hold the meeting within its term."),
    check=check,
)
