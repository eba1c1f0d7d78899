"""Who chaired each meeting, against who should have: shared by chair-rotation and vice-chair.

The chair must hold the seat the bylaw gives for that meeting's date (governance.time.rotation: a fixed seat,
any holder of ROLE for `one of ROLE`, or the member whose turn it is in a rotation, by calendar year).
The vice chair may chair only when the chair is absent (the meeting lists attendees and the chair's seat
is not among them). Not judged: a meeting that names no chair, and a year for which the bylaw does not
say who chairs (a rotation before its start year, or without one).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Literal, NamedTuple

from ..calendar.model import Meeting
from ..model.types import Body, SeatRef
from ..time.rotation import Seating, seatings
from .view import CalendarView

# vice-present: the vice chair chaired though the chair was there (or is not recorded as absent);
# vice-skipped: the chair was absent and someone other than the vice chair chaired;
# wrong-chair: someone who is neither chaired.
Wrong = Literal["vice-present", "vice-skipped", "wrong-chair"]


class WrongChair(NamedTuple):
    meeting: Meeting
    given: SeatRef
    year: int
    want: Seating
    vice: Seating
    kind: Wrong


def wrong_chairs(view: CalendarView) -> list[WrongChair]:
    """Every meeting chaired by someone the bylaw does not seat in the chair that year (once per run)."""
    return view.once("wrong-chairs", lambda: list(_wrong_chairs(view)))


def _wrong_chairs(view: CalendarView) -> Iterator[WrongChair]:
    for body in view.bodies.values():
        if body.body.chair is None or not body.meetings:
            continue
        held, chaired = body.years(), body.chaired()
        offices = _offices(view, body.body, held)
        end = 0  # the year's meetings are chaired[start:end]
        for year, meetings in held.items():
            start, end = end, end + len(meetings)
            want, vice, seat = offices[year]
            chairs = chaired[start:end]
            if want.kind != "elected" and chairs.count(seat) == len(chairs):
                continue  # the usual year: every meeting chaired by the year's seat (counted in C)
            if not want.known:
                continue  # the bylaw does not say who chairs this year: nothing to judge
            for meeting, given in _chaired_otherwise(want, seat, meetings, chairs):
                kind = _how(meeting, given, want, vice)
                if kind is not None:
                    yield WrongChair(meeting, given, year, want, vice, kind)


Offices = dict[int, tuple[Seating, Seating, SeatRef | None]]


def _offices(view: CalendarView, body: Body, years: Iterable[int]) -> Offices:
    """Year → the chair and the vice chair the bylaw seats that year, and the chair's seat (made once, not
    per year of every body: `Seating.ref` makes a new one); they depend on the bylaw alone, so they are
    kept with it for later runs."""
    known: Offices = view.bylaw_memo(("offices", body.id), dict)
    missing = [year for year in years if year not in known]
    if missing:
        chairs = seatings(view.bylaw, body, body.chair, missing)
        vices = seatings(view.bylaw, body, body.vice_chair, missing)
        known.update((year, (chairs[year], vices[year], chairs[year].ref)) for year in missing)
    return known


def _chaired_otherwise(want: Seating, seat: SeatRef | None, meetings: tuple[Meeting, ...],
                       chairs: tuple[SeatRef | None, ...]) -> list[tuple[Meeting, SeatRef]]:
    """The meetings chaired by a seat `want` (the year's chair, at `seat`) does not admit (`Seating.admits`),
    with that seat; those naming no chair left out. `chairs`: who chaired each of `meetings`
    (`BodyView.chaired`: a large calendar's meetings lie spread through memory, their chairs listed in one)."""
    if want.kind == "elected":
        return [(m, c) for m, c in zip(meetings, chairs) if c is not None and c.role != want.role]
    return [(m, c) for m, c in zip(meetings, chairs) if c is not None and c != seat]


def _how(meeting: Meeting, given: SeatRef, want: Seating, vice: Seating) -> Wrong | None:
    """What went wrong when `given` chaired instead of `want`; None: the vice chair stood in, as allowed."""
    # Was the chair absent? Only a named seat can be missed, and only when attendees are listed.
    absent = bool(meeting.attendees) and want.member is not None and want.ref not in meeting.attendees
    if vice.kind != "none" and vice.admits(given):
        return None if absent else "vice-present"
    if vice.kind != "none" and vice.known and absent:
        return "vice-skipped"
    return "wrong-chair"


# Words in the run's language only (`english`): a large calendar has thousands of wrong chairs.
def who(seat: Seating, english: bool) -> str:
    if seat.kind == "elected":
        return f"any {seat.role} seat" if english else f"vilken {seat.role}-plats som helst"
    return f"{seat.member}/{seat.role}"


def why(seat: Seating, year: int, english: bool) -> str:
    if seat.kind == "rotating":
        return f"{seat.member}'s turn in the rotation in {year}" if english else \
            f"{seat.member}s tur i rotationen {year}"
    if seat.kind == "next":
        return f"{seat.member} is next in the rotation in {year}" if english else \
            f"{seat.member} står näst i tur i rotationen {year}"
    if seat.kind == "elected":
        return "the body elects its chair among them" if english else "organet väljer sin ordförande bland dem"
    return "the bylaw names this seat" if english else "avtalet anger denna plats"


def chair_named(meeting: Meeting) -> str:
    """Who chaired, as the calendar says it: "NAME (MEMBER/ROLE)" for a person of the roster, else
    "'MEMBER/ROLE'"."""
    return f"{meeting.chair_person} ({meeting.chair})" if meeting.chair_person else f"'{meeting.chair}'"


def present_on(meeting: Meeting, seat: Seating) -> str | None:
    """Whether the chair's seat line served at the meeting: " (NAME, …)" naming who of it was there when the
    calendar names them, "" when it does not; None when the line was absent or attendance is not listed."""
    ref = seat.ref  # (made anew by each `Seating.ref`: asked once, not per person)
    if not meeting.attendees or seat.member is None or ref not in meeting.attendees:
        return None
    # `present`, not `people`: a meeting that lists seat lines only names nobody
    names = [p.person for p in meeting.present if p.person and p.serving and p.seat == ref]
    return f" ({', '.join(names)})" if names else ""


def holders(view: CalendarView, meeting: Meeting, seat: Seating) -> str:
    """Who holds the office's seat at the meeting, by name, as " (NAME, …)": those of it who served there,
    else the roster's ledamöter of that seat line on the day; "" when the calendar names nobody."""
    ref = seat.ref  # (made anew by each `Seating.ref`: asked once, not per person)
    if ref is None or seat.member is None:
        return ""
    names = [p.person for p in meeting.present if p.person and p.serving and p.seat == ref]
    if not names:
        names = [p.name for p in view.calendar.roster
                 if p.kind == "ledamot" and p.seat == ref and p.holds_on(meeting.date)]
    return f" ({', '.join(names)})" if names else ""


def who_chairs(view: CalendarView, wrong: WrongChair) -> str | None:
    """The fix: who should chair this meeting (by seat, and by name where the calendar gives one), and who
    in the chair's absence; None when the bylaw names no seat (an elected chair: the message says whose).
    In the run's language."""
    meeting, want, vice, en = wrong.meeting, wrong.want, wrong.vice, view.english
    if want.member is None:
        return None
    chair = f"{want.ref}{holders(view, meeting, want)}"
    if wrong.kind == "vice-skipped" and vice.member is not None:
        stand_in = f"{vice.ref}{holders(view, meeting, vice)}"
        return f"the chair {chair} was absent: let the vice chair {stand_in} chair '{meeting.id}'" if en else \
            f"ordföranden {chair} var frånvarande: låt vice ordföranden {stand_in} leda '{meeting.id}'"
    out = f"{wrong.year} is {want.member}'s year: let {chair} chair '{meeting.id}'" if en else \
        f"{wrong.year} är det {want.member}s år: låt {chair} leda '{meeting.id}'"
    if wrong.kind == "vice-present" and not meeting.attendees:
        return f"{out}, or list who attended if the chair was not there" if en else \
            f"{out}, eller ange de närvarande om ordföranden inte var där"
    if vice.member is not None:
        stand_in = f"{vice.ref}{holders(view, meeting, vice)}"
        return f"{out} (in their absence the vice chair {stand_in})" if en else \
            f"{out} (vid frånvaro vice ordföranden {stand_in})"
    return out
