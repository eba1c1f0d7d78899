"""governance — bylaws of Swedish inter-municipal collaborations as code: parse, lint, check, plan.

The public API is what `__all__` lists; everything else may change.
"""
from .diagnostics import BylawError, Diagnostic, Severity
from .loader import load, parse
from .model.types import Body, Bylaw, Member, Seat
from .check import check_calendar
from .report.finding import Finding, Report
from .action import Verdict, check_action
from .diff import Diff
from .rotation import chair_for, rotation_table
from .share import Share, ShareError, Split, share
from .terms import term_at
from .versions import load_versions, version_in_force

__all__ = ["load", "parse", "Bylaw", "Body", "Member", "Seat", "Diagnostic", "Severity", "BylawError",
           "check_calendar", "Finding", "Report", "check_action", "Verdict",
           "share", "Split", "Share", "ShareError", "Diff", "chair_for", "rotation_table", "term_at",
           "version_in_force", "load_versions"]
__version__ = "0.1.0"
