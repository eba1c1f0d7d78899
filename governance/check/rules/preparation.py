"""preparation: a matter decided by a body has first passed every step of its preparation chain.

The chain is governance.graph.queries.preparation_chain: every `rule all matters [of type T] to B
prepared|proposed by A`, followed back transitively. Each step must appear EARLIER in the calendar
(strictly before the decision's date) for the same matter id at a meeting of the preparing body: a
`prepare` or a `propose` (a proposal includes its preparation) for `prepared by`, a `propose` for
`proposed by`. A matter's type is the one given where it is decided, else the first the calendar gives it.
"""
from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from operator import attrgetter
from typing import Iterable, Iterator, Mapping

from ...calendar.model import Matter, Meeting
from ...graph.queries import Step, preparation_chain
from ...model.types import Notice, Requirement
from ...report.finding import Finding
from ..free_days import last_free_on_or_before, said
from ..rule import Basis, Example, Rule, Text
from ..view import Action, CalendarView, Treated

ACCEPTED: dict[str, tuple[Action, ...]] = {"prepared": ("prepare", "propose"), "proposed": ("propose",)}
DONE_SV = {"prepared": "berett", "proposed": "föreslagit"}


def check(view: CalendarView) -> Iterator[Finding]:
    requirements = [r for r in view.bylaw.rules if isinstance(r, Requirement)]
    if not requirements:
        return
    # A matter's type chooses its chain only when some rule names types.
    typed = any(r.matters is not None for r in requirements)
    for body in view.bodies.values():
        notice = body.body.first(Notice)
        for matter_type, decided in _by_type(view, view.agenda(body.id, "decide"), typed).items():
            for step in preparation_chain(view.bylaw, body.id, matter_type):
                taken = first_taken(view, step.by, step.step)
                # Decided before the step was taken (or with the step never taken): most decisions were
                # prepared in time, and only the others are picked out, in one comprehension.
                for meeting, matter in [(m, x) for m, x in decided if taken.get(x.id, NEVER) >= m.date]:
                    yield view.finding(RULE, view.stamp(step.citation), meeting=meeting, matter=matter.id,
                                       fix=by_when(view, step, meeting, notice),
                                       sv=f"{step.by} har inte {DONE_SV[step.step]} '{matter.id}' före {meeting.date}",
                                       en=f"{step.by} has not {step.step} '{matter.id}' before {meeting.date}")


NEVER = date.max  # when a step never taken was taken: after every decision


def _by_type(view: CalendarView, decided: Treated, typed: bool
             ) -> Mapping[str | None, Iterable[tuple[Meeting, Matter]]]:
    """The decisions by the matter type that chooses their chain (all under None when no rule names a
    type): the type given where the matter is decided, else the first the calendar gives it."""
    if not typed:
        return {None: decided} if decided else {}
    out: dict[str | None, list[tuple[Meeting, Matter]]] = {}
    for meeting, matter in decided:
        out.setdefault(matter.type or view.matter_types.get(matter.id), []).append((meeting, matter))
    return out


VERB = {"prepared": Text(sv="bereda", en="prepare"), "proposed": Text(sv="föreslå", en="propose")}


def by_when(view: CalendarView, step: Step, meeting: Meeting, notice: Notice | None) -> str | None:
    """Which body must prepare the matter and by when: on or before the day the deciding body's notice goes
    out (so that the papers go with it), else before the decision; at its latest meeting in the calendar
    by then, or at a meeting held by then. Said for a step straight into the deciding body only: an
    earlier step's day depends on when the next one meets. In the run's language only (both cost a
    finding twice as much)."""
    if step.to != meeting.body:
        return None
    july = meeting.date.month == 7  # a decision in July may be prepared in July; else July is no meeting month
    before = timedelta(days=notice.days if notice is not None else 1)
    deadline = last_free_on_or_before(meeting.date - before, july=july)
    theirs = view.meetings_of(step.by)  # by date: the last one by the deadline found by bisection
    held = bisect_right(theirs, deadline, key=attrgetter("date"))
    at = theirs[held - 1] if held else None
    verb, day, by = VERB[step.step](view.lang), said(deadline)(view.lang), step.by
    if view.english:
        why = f"{notice.days} days' notice of {meeting.date}" if notice is not None else \
            f"before the decision on {meeting.date}"
        return f"{by} must {verb} the matter by {day} ({why}): " + (
            f"take it up at {by}'s meeting '{at.id}' ({at.date})" if at is not None
            else f"{by} has no meeting in the calendar by then, so add one")
    why = f"{notice.days} dagars kallelse till {meeting.date}" if notice is not None else f"före beslutet {meeting.date}"
    return f"{by} ska {verb} ärendet senast {day} ({why}): " + (
        f"ta upp det vid {by}s sammanträde '{at.id}' ({at.date})" if at is not None
        else f"{by} har inget sammanträde i kalendern före dess, så lägg till ett")


def first_taken(view: CalendarView, body_id: str, step: str) -> dict[str, date]:
    """Matter id → the first date `body_id` did something to it that counts as `step` (once per run)."""
    def compute() -> dict[str, date]:
        # Each action's matters read from the last back: a matter's first date is the one kept.
        first, *others = [dict([(matter.id, meeting.date) for meeting, matter in reversed(view.agenda(body_id, action))])
                          for action in ACCEPTED[step]]
        for taken in others:
            for matter_id, day in taken.items():
                if day < first.get(matter_id, NEVER):
                    first[matter_id] = day
        return first
    return view.once(("first-taken", body_id, step), compute)


_BYLAW = '''\
body gruppen "Gruppen"
  prepares matters for radet

body radet "Rådet"

rule all matters to radet prepared by gruppen
'''

RULE = Rule(
    id="preparation",
    summary=Text(sv="Ett ärende har beretts i varje led som avtalet kräver innan det beslutas.",
                 en="A matter has passed every preparation step the bylaw requires before it is decided."),
    why=Text(sv="`rule all matters to B prepared by A` (eller `proposed by`): A ska ha berett (föreslagit) "
                "ärendet vid ett tidigare sammanträde, med samma ärende-id.",
             en="`rule all matters to B prepared by A` (or `proposed by`): A must have prepared (proposed) the "
                "matter at an earlier meeting, under the same matter id."),
    severity="error",
    basis=Basis("agreement", "rule all matters to BODY prepared|proposed by BODY"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: [{id: it}]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: g1, body: gruppen, date: 2025-02-10, matters: "
                                           "[{id: it, action: prepare}]}\n"
                                           "- {id: r1, body: radet, date: 2025-03-10, matters: [{id: it}]}\n"),),
    fix=Text(sv="Låt det beredande organet behandla ärendet vid ett tidigare sammanträde.",
             en="Have the preparing body treat the matter at an earlier meeting."),
    check=check,
)
