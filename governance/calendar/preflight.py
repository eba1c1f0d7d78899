"""Before a calendar is checked against a bylaw: is it that bylaw's calendar, and is there anything to check?
Said in one line each, for the command line and the web page alike (both call these; neither calls the other).
"""
from __future__ import annotations

from .model import Calendar


def other_bylaw(calendar: Calendar, bylaw_id: str, lang: str = "en") -> str | None:
    """Why a calendar cannot be checked against this bylaw (its `bylaw:` names another), or None."""
    if calendar.bylaw is not None and calendar.bylaw != bylaw_id:
        if lang == "sv":
            return f"kalendern gäller avtalet '{calendar.bylaw}', inte '{bylaw_id}'"
        return f"the calendar is for bylaw '{calendar.bylaw}', not '{bylaw_id}'"
    return None


def nothing_to_check(calendar: Calendar, hint: str = "--mapping", lang: str = "en") -> str | None:
    """Why a calendar with no meeting was checked in vain, or None when it has meetings: "compliant" alone
    would read as if something had been checked (an .ics read without its mapping leaves every event out).
    `hint`: where the user gives a mapping file (the command's option, the page's field)."""
    if calendar.meetings:
        return None
    if calendar.unmapped:
        if lang == "sv":
            return f"inget möte kontrollerades: varje händelse lämnades utanför (en .ics behöver sin mappningsfil: {hint})"
        return f"no meeting was checked: every event was left out (an .ics needs its mapping file: {hint})"
    if lang == "sv":
        return "kalendern har inget möte: ingenting kontrollerades"
    return "the calendar holds no meeting: nothing was checked"
