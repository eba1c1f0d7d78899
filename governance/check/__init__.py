"""Checking a meeting calendar against a bylaw: an ordered registry of checks, one per rule family.

Each check is a function `(ctx) -> Iterator[Finding]`; `ctx` (context.py) holds the bylaw, the calendar
and the indexes built once per run. `check_calendar` runs them all and returns a `Report` whose findings
are sorted deterministically.
"""
from __future__ import annotations

import gc
from datetime import date
from typing import Callable, Iterable, Iterator

from ..calendar.model import Calendar
from ..model.types import Bylaw
from ..versions import successor
from ..report.finding import Finding, Report
from . import context
from .chair import chair
from .counts import meeting_counts
from .decision import decision_rule
from .holiday import holiday
from .notice import notice
from .officers import convener, secretary
from .participation import participation
from .preparation import preparation
from .quorum import quorum
from .seats import unknown_names
from .term import term

Check = Callable[[context.Context], Iterator[Finding]]
_key = Finding.sort_key.fget  # report order

# In the order a reader meets the problems: names first, then counts, people, process, dates.
CHECKS: tuple[Check, ...] = (
    unknown_names,    # unknown-body, unknown-seat, unknown-member
    meeting_counts,   # meeting-minimum, meeting-maximum, meeting-window
    chair,            # chair-rotation, vice-chair
    quorum,           # quorum
    preparation,      # preparation
    decision_rule,    # decision-rule
    participation,    # participation
    convener,         # convener
    secretary,        # secretary
    notice,           # notice
    term,             # term
    holiday,          # holiday (warning)
)

RULE_IDS = ("meeting-minimum", "meeting-maximum", "meeting-window", "chair-rotation", "vice-chair", "quorum",
            "unknown-seat", "unknown-body", "unknown-member", "preparation", "decision-rule",
            "participation", "convener", "secretary", "notice", "term", "holiday")


def check_calendar(bylaw: Bylaw, calendar: Calendar, *, as_of: date | None = None,
                   year: int | None = None, versions: Iterable[Bylaw] = ()) -> Report:
    """Every way `calendar` breaks `bylaw`, judged as of `as_of` (default today), optionally one year only.

    `versions`: the other versions of the agreement (`governance.load_versions`), if any: a meeting on or
    after the day a later version takes effect is out of `bylaw`'s term (VersionError if they are not
    one chain of versions with `bylaw`)."""
    # The run allocates many small objects that all live until it ends; the cyclic garbage collector
    # would traverse the whole calendar again and again for nothing, so it waits until the run is over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        ctx = context.build(bylaw, calendar, as_of=as_of or date.today(), year=year,
                            successor=successor(bylaw, versions))
        findings: list[Finding] = []
        for check in CHECKS:
            findings += check(ctx)
    finally:
        if collecting:
            gc.enable()
    findings.sort(key=_key)
    if year is not None:
        findings = [f for f in findings if f.year in (year, None)]
    return Report(bylaw=bylaw.id, findings=tuple(findings))


__all__ = ["CHECKS", "RULE_IDS", "check_calendar"]
