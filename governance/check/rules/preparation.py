"""preparation: a matter decided by a body has first passed every step of its preparation chain.

The chain is governance.graph.queries.preparation_chain: every `rule all matters [of type T] to B
prepared|proposed by A`, followed back transitively. Each step must appear EARLIER in the calendar
(strictly before the decision's date) for the same matter id at a meeting of the preparing body: a
`prepare` or a `propose` (a proposal includes its preparation) for `prepared by`, a `propose` for
`proposed by`. A matter's type is the one given where it is decided, else the first the calendar gives it.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator

from ...calendar.model import Meeting
from ...graph.queries import Step, preparation_chain
from ...model.types import Notice, Requirement
from ...report.finding import Finding
from ..free_days import last_free_on_or_before, said
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView

ACCEPTED = {"prepared": ("prepare", "propose"), "proposed": ("propose",)}
DONE_SV = {"prepared": "berett", "proposed": "föreslagit"}


def check(view: CalendarView) -> Iterator[Finding]:
    requirements = [r for r in view.bylaw.rules if isinstance(r, Requirement)]
    if not requirements:
        return
    # A matter's type chooses its chain only when some rule names types.
    typed = any(r.matters is not None for r in requirements)
    for body in view.bodies.values():
        chains: dict[str | None, list[tuple[Step, dict[str, date]]]] = {}  # matter type → its steps, each taken when
        for meeting, matter in body.decisions():
            matter_type = (matter.type or view.matter_types.get(matter.id)) if typed else None
            if matter_type not in chains:
                chains[matter_type] = [(step, first_taken(view, step.by, step.step))
                                       for step in preparation_chain(view.bylaw, body.id, matter_type)]
            for step, taken_on in chains[matter_type]:
                taken = taken_on.get(matter.id)
                if taken is not None and taken < meeting.date:
                    continue
                yield view.finding(RULE, view.stamp(step.citation), meeting=meeting, matter=matter.id,
                                   fix=by_when(view, step, meeting, body.body.first(Notice)),
                                   sv=f"{step.by} har inte {DONE_SV[step.step]} '{matter.id}' före {meeting.date}",
                                   en=f"{step.by} has not {step.step} '{matter.id}' before {meeting.date}")


VERB = {"prepared": Text(sv="bereda", en="prepare"), "proposed": Text(sv="föreslå", en="propose")}


def by_when(view: CalendarView, step: Step, meeting: Meeting, notice: Notice | None) -> Text | None:
    """Which body must prepare the matter and by when: on or before the day the deciding body's notice goes
    out (so that the papers go with it), else before the decision; at its latest meeting in the calendar
    by then, or at a meeting held by then. Said for a step straight into the deciding body only: an
    earlier step's day depends on when the next one meets."""
    if step.to != meeting.body:
        return None
    july = meeting.date.month == 7  # a decision in July may be prepared in July; else July is no meeting month
    if notice is not None:
        deadline = last_free_on_or_before(meeting.date - timedelta(days=notice.days), july=july)
        why = Text(sv=f"{notice.days} dagars kallelse till {meeting.date}",
                   en=f"{notice.days} days' notice of {meeting.date}")
    else:
        deadline = last_free_on_or_before(meeting.date - timedelta(days=1), july=july)
        why = Text(sv=f"före beslutet {meeting.date}", en=f"before the decision on {meeting.date}")
    verb, day = VERB[step.step], said(deadline)
    first = Text(sv=f"{step.by} ska {verb.sv} ärendet senast {day.sv} ({why.sv})",
                 en=f"{step.by} must {verb.en} the matter by {day.en} ({why.en})")
    theirs = [m for m in view.meetings_of(step.by) if m.date <= deadline]
    if theirs:
        at = theirs[-1]
        return Text(sv=f"{first.sv}: ta upp det vid {step.by}s sammanträde '{at.id}' ({at.date})",
                    en=f"{first.en}: take it up at {step.by}'s meeting '{at.id}' ({at.date})")
    return Text(sv=f"{first.sv}: {step.by} har inget sammanträde i kalendern före dess, så lägg till ett",
                en=f"{first.en}: {step.by} has no meeting in the calendar by then, so add one")


def first_taken(view: CalendarView, body_id: str, step: str) -> dict[str, date]:
    """Matter id → the first date `body_id` did something to it that counts as `step` (once per run)."""
    def compute() -> dict[str, date]:
        first: dict[str, date] = {}
        for meeting in view.meetings_of(body_id):
            for matter in meeting.matters:
                if matter.action in ACCEPTED[step]:
                    first.setdefault(matter.id, meeting.date)
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
