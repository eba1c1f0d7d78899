"""term: no meeting before the agreement takes effect, or after its term has run out without renewal.

The terms are governance.terms': `valid … until`, or `renewed after each election for N mandate periods`
counted from the agreement's date, with the renewals the bylaw records (`renewal DATE, …`). A bylaw that
renews per mandate period but lacks an election cycle is a lint matter; its term is not judged here.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import not_
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
    # Judged once per day (a calendar has few distinct days), then meetings are picked by day. The days
    # inside a term are cut out of the sorted days by bisection, term by term (terms are few).
    days = sorted(ctx.days)
    inside = [False] * len(days)
    for s in spans:
        start = bisect_left(days, s.start) if s.start is not None else 0
        end = bisect_right(days, s.end) if s.end is not None else len(days)
        inside[start:end] = repeat(True, max(0, end - start))
    breaches: dict = {}  # day outside every term → (why, citation)
    for day in compress(days, map(not_, inside)):
        breach = out_of_term(bylaw, day)
        if breach is not None:
            breaches[day] = (breach, ctx.cite(breach.clause or bylaw))
    if not breaches:
        return
    # A bylaw renewed after each election that records no renewal at all says nothing either way: the
    # renewals may simply not have been written down. That is a warning to record them; once any renewal
    # is recorded, a meeting outside every recorded term is an error.
    unknown = bylaw.header_item("renewal") is None and bylaw.header_item("renewed") is not None
    severity = "warning" if unknown else "error"
    hint = "; record the renewals in the bylaw (`renewed DATE, …`) to have the term judged" if unknown else ""
    for meeting in ctx.meetings_on(breaches):
        breach, cite = breaches[meeting.date]
        yield ctx.finding("term", severity, f"'{meeting.id}' on {breach.message}{hint}", cite, meeting=meeting)
