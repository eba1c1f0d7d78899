"""Names in the calendar that the bylaw does not have: shared by unknown-body, unknown-seat, unknown-member.

An attendee or chair must hold a seat in the body that meets: MEMBER/ROLE for a member's seat (a pool
seat `from any municipality` accepts any member of that kind), ROLE alone for a seat only one can hold.
The office that serves a body (its secretary or convener) may attend as itself.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, NamedTuple

from ..calendar.model import Meeting
from .rule import Text
from .view import BodyView, CalendarView, Seated


@lru_cache(maxsize=4096)  # keyed by the strings themselves: a misspelt name recurs from run to run
def _nearest(name: str, known: tuple[str, ...]) -> str | None:
    from ..nearest import nearest  # on use: rapidfuzz loads only when a name is misspelt
    return nearest(name, known)


def hint(name: str, known: tuple[str, ...]) -> Text:
    """" (did you mean 'X'?)", or nothing."""
    close = _nearest(name, known)
    if not close:
        return Text(sv="", en="")
    return Text(sv=f" (menade du '{close}'?)", en=f" (did you mean '{close}'?)")


class Misnamed(NamedTuple):
    """A reference at one meeting that names no seat of the body that meets."""

    body: BodyView
    meeting: Meeting
    seated: Seated


def misnamed(view: CalendarView) -> list[Misnamed]:
    """Each attendee (and a chair who is not among them) naming no seat, once per meeting, as given."""
    return view.once("misnamed", lambda: list(_misnamed(view)))


def _misnamed(view: CalendarView) -> Iterator[Misnamed]:
    for body in view.bodies.values():
        for meeting, wrong in body.where_attendees(body.unseated):
            for seated in dict.fromkeys(wrong):  # each reference once, in the order given
                yield Misnamed(body, meeting, seated)
        # A chair naming no seat, unless among the attendees (named there already). Few distinct chairs.
        chairs = {ref for ref in body.chairs() if ref is not None and body.seated(ref).problem}
        for meeting in body.meetings if chairs else ():
            if meeting.chair in chairs and meeting.chair not in meeting.attendees:
                yield Misnamed(body, meeting, body.seated(meeting.chair))
