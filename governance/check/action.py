"""May this body do this with this matter on this day? A proposed action — one matter at one meeting, in
the calendar format — checked against a bylaw and, optionally, the calendar of what already happened.

The verdict reuses the calendar checks (governance/check): the action's meeting is added to the history
(replacing a history meeting with the same id), every check runs, and the findings that concern the
action's meeting — as a whole, or its matter — are the reasons. Findings about other meetings or about
whole years (e.g. too few meetings in 2025) are not the action's business.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..calendar.errors import CalendarError, CalendarIssue
from ..calendar.model import Calendar, Matter, Meeting
from . import RULES
from .rules.preparation import ACCEPTED
from .view import CalendarView, view
from .rules.competence import deciders
from ..graph.queries import preparation_chain, who_convenes, who_keeps_minutes
from ..model.types import FORM_NAMES, Bylaw
from ..report.finding import Finding, Report


@dataclass(frozen=True, slots=True)
class Verdict:
    """`allowed` unless a finding of severity error concerns the action; `path` is the route through the
    process graph the verdict followed (printed by `--explain`)."""

    bylaw: str
    meeting: Meeting
    matter: Matter
    findings: tuple[Finding, ...]
    path: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    @property
    def verdict(self) -> str:
        return "allowed" if self.allowed else "denied"

    @property
    def report(self) -> Report:
        return Report(self.bylaw, self.findings, checked=1)  # the one meeting of the action

    def to_json(self) -> dict:
        return {**self.report.to_json(), "verdict": self.verdict, "body": self.meeting.body,
                "meeting": self.meeting.id, "date": self.meeting.date.isoformat(), "matter": self.matter.id,
                "action": self.matter.action, "path": list(self.path)}


def single_action(calendar: Calendar) -> tuple[Meeting, Matter]:
    """The one meeting with one matter an action file must hold; CalendarError otherwise."""
    meetings = calendar.meetings
    problem = None
    if len(meetings) != 1:
        problem = f"an action is one meeting with one matter; this file has {len(meetings)} meetings"
    elif len(meetings[0].matters) != 1:
        problem = (f"an action is one meeting with one matter; meeting '{meetings[0].id}' has "
                   f"{len(meetings[0].matters)} matters")
    if problem:
        line = meetings[1].span.line if len(meetings) > 1 else (meetings[0].span.line if meetings else 1)
        raise CalendarError([CalendarIssue(calendar.path, line or 1, 0, problem)])
    return meetings[0], meetings[0].matters[0]


def check_action(bylaw: Bylaw, action: Calendar | tuple[Meeting, Matter],
                 history: Calendar | None = None) -> Verdict:
    """Judge one proposed action against `bylaw`, given what `history` says already happened.

    `action` is a calendar holding one meeting with one matter (as read from an action file), or the
    (meeting, matter) pair itself; the meeting is judged with that matter only."""
    meeting, matter = single_action(action) if isinstance(action, Calendar) else action
    meeting = replace(meeting, matters=(matter,))
    past = history.meetings if history is not None else ()
    merged = Calendar(path=history.path if history is not None else getattr(action, "path", "<action>"),
                      bylaw=bylaw.id, roster=history.roster if history is not None else (),
                      meetings=(*(m for m in past if m.id != meeting.id), meeting))
    ctx = view(bylaw, merged, as_of=meeting.date, year=None, lang="en")
    # Every finding kept is about the action's meeting: it is placed in the action's file, not the history's.
    place = f"{action.path if isinstance(action, Calendar) else meeting.span.file}:{meeting.span.line}"
    findings = [f._replace(location=place) if f.location else f for rule in RULES for f in rule.check(ctx)
                if f.meeting == meeting.id and f.matter in (None, matter.id)]
    findings.sort(key=lambda f: f.sort_key)
    return Verdict(bylaw.id, meeting, matter, tuple(findings), explain(bylaw, ctx, meeting, matter))


def explain(bylaw: Bylaw, ctx: CalendarView, meeting: Meeting, matter: Matter) -> tuple[str, ...]:
    """The route through the process graph: each mandatory step before the body, and whether (and where)
    the history shows it done; then who convenes the body and keeps its minutes."""
    mtype = matter.type or ctx.matter_types.get(matter.id)
    typed = f" of type '{mtype}'" if mtype else ""
    lines = [f"{matter.action} '{matter.id}'{typed} at {meeting.body} on {meeting.date} (meeting {meeting.id})"]
    if bylaw.form_stated:
        form = bylaw.form
        organ = form.organ(meeting.body)
        how = (f"directly: it is the {organ} of this {FORM_NAMES[form.kind]}" if organ
               else f"only per analogi: it is not an organ of this {FORM_NAMES[form.kind]} under the law")
        where = bylaw.header_item("form")
        lines.append(f"  Kommunallagen applies to {meeting.body} {how} [{ctx.bylaw_file}:{where.span.line}]")
    if matter.action == "decide" and mtype:
        for body_id, clause in deciders(bylaw).get(mtype, ()):
            lines.append(f"  '{mtype}' is decided by {body_id} [{ctx.bylaw_file}:{clause.span.line}]")
    if matter.action == "decide":
        chain = preparation_chain(bylaw, meeting.body, mtype)
        if not chain:
            lines.append(f"  no rule requires a step before {meeting.body} decides")
        done = _first_done(ctx, matter.id)
        for step in chain:
            where = f"{ctx.bylaw_file}:{step.citation.line}"
            hits = [done[(step.by, a)] for a in ACCEPTED[step.step] if (step.by, a) in done]
            hit = min(hits, default=None)
            status = (f"done at {hit[1]} on {hit[0]}" if hit and hit[0] < meeting.date
                      else f"missing before {meeting.date}")
            lines.append(f"  body:{step.by} —{step.step}→ body:{step.to} [{where}]: {status}")
    for label, parties in (("convened by", who_convenes(bylaw, meeting.body)),
                           ("minutes kept by", who_keeps_minutes(bylaw, meeting.body))):
        for party in parties:
            lines.append(f"  {label} {party.ref} [{ctx.bylaw_file}:{party.citation.line}]")
    return tuple(lines)


def _first_done(ctx: CalendarView, matter_id: str) -> dict[tuple[str, str], tuple[date, str]]:
    out: dict[tuple[str, str], tuple[date, str]] = {}
    for event in ctx.matter_events.get(matter_id, ()):
        out.setdefault((event.body, event.action), (event.date, event.meeting))
    return out
