"""term: no meeting before the agreement takes effect, or after its term has run out without renewal.

The terms are governance.terms': `valid … until`, or `renewed after each election for N mandate periods`
counted from the agreement's date, with the renewals the bylaw records (`renewal DATE, …`). A bylaw that
renews per mandate period but lacks an election cycle is a lint matter; its term is not judged here.
"""
from __future__ import annotations

from typing import Iterator

from ..report.finding import Finding
from ..terms import TermError, out_of_term, terms
from .context import Context


def term(ctx: Context) -> Iterator[Finding]:
    bylaw = ctx.bylaw
    try:
        spans = terms(bylaw)
    except TermError:
        return
    if len(spans) == 1 and spans[0].start is None and spans[0].end is None:
        return  # open-ended from the beginning: nothing to break
    breaches: dict = {}  # day → why it lies outside every term (None: in force); a calendar has few days
    for meeting in ctx.meetings:
        day = meeting.date
        if day in breaches:
            found = breaches[day]
        else:
            breach = None if any(day in s for s in spans) else out_of_term(bylaw, day)
            found = breaches[day] = None if breach is None else (breach, ctx.cite(breach.clause or bylaw))
        if found is not None:
            breach, cite = found
            yield ctx.finding("term", "error", f"'{meeting.id}' on {breach.message}", cite, meeting=meeting)
