"""term: no meeting before the agreement takes effect, or after its term has run out without renewal.

The terms are governance.terms': `valid … until`, or `renewed after each election for N mandate periods`
counted from the agreement's date, with the renewals the bylaw records (`renewal DATE, …`). A bylaw that
renews per mandate period but lacks an election cycle is a lint matter; its term is not judged here.

When the other versions of the agreement are known (`check_calendar(versions=…)`; the command finds them
beside the bylaw), a meeting on or after the day a later version takes effect is out of term too: the
later version is the agreement then.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import not_
from typing import Iterator

from ..report.citation import cite as cite_node
from ..report.finding import Finding
from ..terms import TermError, out_of_term, terms
from .context import Context


def term(ctx: Context) -> Iterator[Finding]:
    yield from _superseded(ctx)
    bylaw = ctx.bylaw
    try:
        spans = terms(bylaw)
    except TermError:
        return
    if len(spans) == 1 and spans[0].start is None and spans[0].end is None:
        return  # open-ended from the beginning: nothing to break
    # Judged once per day (a calendar has few distinct days), then meetings are picked by day. The days
    # inside a term are cut out of the sorted days by bisection, term by term (terms are few).
    replaced = ctx.successor.effective_from if ctx.successor is not None else None
    days = [d for d in sorted(ctx.days) if replaced is None or d < replaced]  # later: _superseded's
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


def _superseded(ctx: Context) -> Iterator[Finding]:
    """A meeting on or after the day a later version of the agreement takes effect: that version, not
    this one, is the agreement then (`amends THIS from DATE`), cited from the later version."""
    later = ctx.successor
    if later is None or later.effective_from is None:
        return
    since = later.effective_from
    clause = later.header_item("amends") or later.header_item("valid") or later
    cite = ctx.stamp(cite_node(later, clause))
    days = [d for d in ctx.days if d >= since]
    for meeting in ctx.meetings_on(days):
        yield ctx.finding("term", "error",
                          f"'{meeting.id}' on {ctx.iso(meeting.date)}: {ctx.bylaw.id} is no longer in force; "
                          f"{later.id} takes its place from {since}: check the meeting against {later.id}", cite,
                          meeting=meeting)
