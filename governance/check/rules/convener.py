"""convener: each meeting is called by one who convenes the body.

`convened_by` must name one the bylaw lets convene the body (governance.graph.queries.who_convenes: its
`convener` clause — a seat, an office, or `chair`, meaning whoever chairs that meeting or holds the chair
that year — or an office that `convenes` it). Not judged when the calendar does not say who convened.
"""
from __future__ import annotations

from typing import Iterator

from ...calendar.model import Meeting
from ...graph.queries import Party, who_convenes
from ...model.types import SeatRef
from ...report.finding import Finding
from ...time.rotation import chair_for
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    parties = {body.id: got for body in view.bodies.values() if body.meetings
               and (got := who_convenes(view.bylaw, body.id))}
    named = {body: _names(view, body, these) for body, these in parties.items()}
    if not named:
        return
    # In calendar order, the order the meetings lie in memory; most name one that every body may be
    # convened by (or nobody), passed over with one look-up, and only the others are looked at again.
    anywhere = frozenset.intersection(*named.values()) | {None}
    others = [m for m in view.calendar.meetings if m.convened_by not in anywhere
              and m.body in named and m.convened_by not in named[m.body]]
    for meeting in others:
        given, these = meeting.convened_by, parties[meeting.body]
        if given is None or _chairs(view, these, meeting, given):
            continue
        # who may: the same few words at every meeting of the body with that chair, in the run's language
        allowed = view.once(("convener-allowed", meeting.body, meeting.chair),
                            lambda: _allowed(these, meeting.chair, view.english))
        yield view.finding(RULE, view.stamp(these[0].citation), meeting=meeting,
                           message=f"'{meeting.id}' was convened by '{given}', but {meeting.body} is convened by "
                                   f"{allowed}" if view.english else
                                   f"'{meeting.id}' kallades av '{given}', men {meeting.body} kallas av {allowed}")


def _allowed(parties: tuple[Party, ...], chair: SeatRef | None, english: bool) -> str:
    """Who may convene: "kansliet or the chair (alfa/kso)" / "kansliet eller ordföranden (alfa/kso)"."""
    if english:
        return " or ".join(f"the chair ({chair})" if p.ref == "chair" and chair else p.ref for p in parties)
    return " eller ".join(f"ordföranden ({chair})" if p.ref == "chair" and chair
                          else ("ordföranden" if p.ref == "chair" else p.ref) for p in parties)


def _names(view: CalendarView, body: str, parties: tuple[Party, ...]) -> frozenset[str]:
    """Every name a calendar may give for one who convenes `body`, the chair aside (judged meeting by
    meeting); kept with the bylaw."""
    return view.bylaw_memo(("convener-names", body),
                           lambda: frozenset().union(*(p.names() for p in parties if p.ref != "chair")))


def _chairs(view: CalendarView, parties: tuple[Party, ...], meeting: Meeting, given: str) -> bool:
    """The chair convenes, and `given` is the one chairing this meeting (or, when the calendar does not
    say who chaired, one who may chair that year)."""
    if not any(p.ref == "chair" for p in parties):
        return False
    if given == "chair":
        return True
    if meeting.chair is not None:
        return given == str(meeting.chair)
    member, _, role = given.rpartition("/")
    chair = chair_for(view.bylaw, meeting.body, meeting.date.year).chair
    return bool(chair.admits(SeatRef(member or None, role)))


_BYLAW = '''\
body kansliet "Kansliet" office
  convenes radet

body radet "Rådet"
'''

RULE = Rule(
    id="convener",
    summary=Text(sv="Sammanträdet kallas av den som enligt avtalet kallar organet.",
                 en="The meeting is called by one the bylaw lets convene the body."),
    why=Text(sv="`convener …` eller ett kansli som `convenes` organet. `chair` betyder den som leder "
                "sammanträdet. Bedöms när kalendern anger `convened_by`.",
             en="`convener …` or an office that `convenes` the body. `chair` means whoever chairs the "
                "meeting. Judged when the calendar gives `convened_by`."),
    severity="error",
    basis=Basis("agreement", "convener SEAT | convenes BODY"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, convened_by: alfa/kso}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, convened_by: kansliet}\n"),),
    fix=Text(sv="Låt den som avtalet anger kalla.", en="Have the one the bylaw names call the meeting."),
    check=check,
)
