"""governance — bylaws of Swedish inter-municipal collaborations as code: parse, lint, check, plan.

The public API is what `__all__` lists; everything else may change. Names are imported on first use, so
`import governance` (and every command) stays fast: networkx, holidays and icalendar load only when needed.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# public name -> module that defines it ("module:attr" where the module names it otherwise)
_API = {
    "load": "loader", "parse": "loader",
    "Bylaw": "model.types", "Body": "model.types", "Member": "model.types", "Seat": "model.types",
    "Diagnostic": "diagnostics", "Severity": "diagnostics", "BylawError": "diagnostics",
    "check_calendar": "check", "Finding": "report.finding", "Report": "report.finding",
    "check_action": "check.action", "Verdict": "check.action",
    "share": "money.share", "Split": "money.share", "Share": "money.share", "ShareError": "money.share",
    "Diff": "drafting.diff", "diff": "drafting.diff", "render": "document",
    "chair_for": "time.rotation", "rotation_table": "time.rotation", "term_at": "time.terms",
    "version_in_force": "time.versions", "load_versions": "time.versions",
    "read_calendar": "calendar:read", "CalendarError": "calendar.errors",
    "Calendar": "calendar.model", "Meeting": "calendar.model", "Matter": "calendar.model",
    "Person": "calendar.model",
    "plan": "planning.planner", "check_plan": "planning.planner", "write_calendar": "calendar.yaml_writer:to_yaml",
}
__all__ = sorted(_API)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _API:
        module, _, attr = _API[name].partition(":")
        value = getattr(importlib.import_module(f".{module}", __name__), attr or name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'governance' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))


if TYPE_CHECKING:  # for editors and type checkers
    from .check.action import Verdict, check_action
    from .calendar import read as read_calendar
    from .calendar.errors import CalendarError
    from .calendar.model import Calendar, Matter, Meeting, Person
    from .calendar.yaml_writer import to_yaml as write_calendar
    from .check import check_calendar
    from .diagnostics import BylawError, Diagnostic, Severity
    from .drafting.diff import Diff, diff
    from .document import render
    from .loader import load, parse
    from .model.types import Body, Bylaw, Member, Seat
    from .planning.planner import check_plan, plan
    from .report.finding import Finding, Report
    from .time.rotation import chair_for, rotation_table
    from .money.share import Share, ShareError, Split, share
    from .time.terms import term_at
    from .time.versions import load_versions, version_in_force
