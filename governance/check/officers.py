"""convener and secretary: who calls each meeting, and that the one who keeps the minutes is there.

convener: `convened_by` must name one who convenes the body (governance.graph.queries.who_convenes: its
`convener` clause — a seat, an office, or `chair`, meaning whoever chairs that meeting or holds the chair
that year — or an office that `convenes` it). Not judged when the calendar does not say who convened.
secretary: when the body has a secretary (who_keeps_minutes) and the meeting lists its attendees, the
secretary's seat or office must be among them. (`agenda prepared by` is not a calendar fact.)
"""
from __future__ import annotations

from typing import Iterator

from ..graph.queries import who_convenes, who_keeps_minutes
from ..model.types import SeatRef
from ..report.finding import Finding
from ..rotation import chair_for
from .context import Context


def _ref(name: str) -> SeatRef:
    member, _, role = name.rpartition("/")
    return SeatRef(member or None, role)


def convener(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        if not index.meetings:
            continue
        parties = who_convenes(ctx.bylaw, body_id)
        if not parties:
            continue
        by_chair = any(p.ref == "chair" for p in parties)
        # Those who may convene (and None: the calendar does not say) pass at once.
        names = ctx.once(("check-conveners", body_id), lambda: frozenset().union(
            *(p.names() for p in parties if p.ref != "chair"), (None,)))
        cite = None
        meetings = index.meetings
        for meeting in [meetings[i] for i, given in enumerate(index.conveners) if given not in names]:
            given = meeting.convened_by
            if by_chair and (given == "chair" or (given == str(meeting.chair) if meeting.chair is not None
                             else chair_for(ctx.bylaw, body_id, meeting.date.year).chair.admits(_ref(given)))):
                continue  # the one chairing this meeting; if the calendar does not say, whoever may chair
            cite = cite or ctx.stamp(parties[0].citation)
            allowed = " or ".join(f"the chair ({meeting.chair})" if p.ref == "chair" and meeting.chair
                                  else p.ref for p in parties)
            yield ctx.finding("convener", "error",
                              f"'{meeting.id}' was convened by '{given}', but {body_id} is convened by "
                              f"{allowed}", cite, meeting=meeting)


def secretary(ctx: Context) -> Iterator[Finding]:
    for body_id, index in ctx.bodies.items():
        if not index.meetings:
            continue
        parties = who_keeps_minutes(ctx.bylaw, body_id)
        if not parties:
            continue
        party = parties[0]
        names = ctx.once(("check-secretaries", body_id), party.names)
        by_chair = party.ref == "chair"
        keeping = frozenset(i for i, r in enumerate(index.slots) if r.name in names)  # the secretary's slots
        # Per attendance pattern: attendees are listed, and (unless the chair keeps the minutes, judged
        # per meeting below) the secretary is not among them.
        missing = [bool(slots) and (by_chair or keeping.isdisjoint(slots)) for slots in index.patterns]
        meetings = index.meetings
        for i in index.where(missing):
            meeting = meetings[i]
            present = by_chair and meeting.chair is not None
            if not present:
                yield ctx.finding("secretary", "error",
                                  f"the secretary ({party.ref}) is not among the attendees of "
                                  f"'{meeting.id}'; nobody keeps the minutes", ctx.stamp(party.citation),
                                  meeting=meeting)
