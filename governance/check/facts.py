"""What a report states without judging it (`Report.facts`), and why nothing was checked.

- `cancelled`: each cancelled meeting, listed once: it counts towards nothing.
- `appeal-period`: for a meeting of an organ under Kommunallagen whose minutes record the anslag, the last
  day to appeal its decisions (laglighetsprövning, 13 kap. 5 §): three weeks from the day of the anslag —
  for a gemensam nämnd from the last member's, and only once every member's is recorded — moved to the
  next working day when it falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or
  nyårsafton (lag (1930:173) om beräkning av lagstadgad tid, 2 §). None where an anslag came before the
  justering it announces: the period has not begun. A secretariat plans around it; no rule is broken either way.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..report.finding import Fact
from .law import cite_law, last_day, organ
from .view import CalendarView

APPEAL = timedelta(weeks=3)


def facts(view: CalendarView) -> tuple[Fact, ...]:
    out = [_cancelled(view, m) for m in view.cancelled if view.year in (None, m.date.year)]
    for body in view.bodies.values():
        kind = organ(view.bylaw, body.id)
        if kind is None:
            continue
        members = sorted(view.members) if kind == "gemensam-namnd" else None
        for meeting in view.recorded(body.id).minuted:
            record = meeting.minutes
            if record is None or not record.anslag or view.year not in (None, meeting.date.year):
                continue
            if members is not None and not set(members) <= {a.member for a in record.anslag}:
                continue  # the period runs from the last member's anslag, not yet made
            if record.justering is not None and any(a.date < record.justering for a in record.anslag):
                continue  # an anslag before the justering announces none: the period has not begun (rule anslag)
            posted = record.last_anslag
            if posted is not None:  # (never None when anslag is recorded)
                out.append(_appeal(view, meeting, posted, joint=members is not None))
    return tuple(sorted(out, key=lambda f: (f.body or "", f.year or 0, f.meeting or "", f.kind)))


def last_day_to_appeal(posted: date) -> date:
    return last_day(posted + APPEAL)


def _where(view: CalendarView, meeting) -> str:
    path = view.calendar.path
    return f"{path}:{meeting.span.line}" if meeting.span.line else path


def _cancelled(view: CalendarView, m) -> Fact:
    message = (f"'{m.id}' of {m.body} on {m.date.isoformat()} was cancelled: it counts towards nothing"
               if view.lang == "en" else
               f"'{m.id}' i {m.body} den {m.date.isoformat()} ställdes in: det räknas inte")
    return Fact("cancelled", message, m.body, m.id, m.date.year, _where(view, m))


def _appeal(view: CalendarView, meeting, posted: date, joint: bool) -> Fact:
    """`joint`: a gemensam nämnd's meeting, whose period runs from the last of the members' anslag (the
    paragraph's second sentence)."""
    day = last_day_to_appeal(posted)
    if view.lang == "en":
        since = (f"{posted}, when the justering was announced on every member's anslagstavla" if joint
                 else f"the anslag on {posted}")
        message = f"the decisions of '{meeting.id}' ({meeting.date}) may be appealed until {day} (three weeks from {since})"
    else:
        since = (f"den {posted}, då justeringen var tillkännagiven på alla medlemmars anslagstavlor" if joint
                 else f"anslaget den {posted}")
        message = f"besluten vid '{meeting.id}' ({meeting.date}) kan överklagas till och med {day} (tre veckor från {since})"
    opening = "Tiden för överklagande av en gemensam nämnds" if joint else "Överklagandet ska ha kommit in"
    return Fact("appeal-period", message, meeting.body, meeting.id, meeting.date.year, _where(view, meeting),
                cite_law(13, "5", opening))


def nothing_checked(view: CalendarView) -> str:
    """Why no meeting was judged (the verdict `nothing-checked` when no error was found either)."""
    en = view.lang == "en"
    if view.year is not None and (view.calendar.meetings or view.cancelled):
        return (f"the calendar holds no meeting in {view.year} to check" if en
                else f"kalendern har inget sammanträde {view.year} att granska")
    if view.cancelled and not view.calendar.meetings:
        return ("every meeting in the calendar is cancelled: nothing was checked" if en
                else "alla sammanträden i kalendern är inställda: inget granskades")
    if view.calendar.meetings:
        return ("no meeting of a body of the bylaw: nothing was checked" if en
                else "inget sammanträde i ett organ i avtalet: inget granskades")
    return "the calendar holds no meeting: nothing was checked" if en else "kalendern har inga sammanträden: inget granskades"
