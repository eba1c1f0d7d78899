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
from ..calendar.preflight import other_bylaw
from . import RULES
from .rules.preparation import ACCEPTED
from .view import CalendarView, view
from .rules.competence import deciders
from ..graph.queries import preparation_chain, who_convenes, who_keeps_minutes
from ..lang import Lang
from ..model.types import FORM_NAMES, Bylaw
from ..report.finding import ORGAN_WORDS, Finding, Report


@dataclass(frozen=True, slots=True)
class Verdict:
    """`allowed` unless a finding of severity error concerns the action; `path` is the route through the
    process graph the verdict followed (printed by `--explain`)."""

    bylaw: str
    meeting: Meeting
    matter: Matter
    findings: tuple[Finding, ...]
    path: tuple[str, ...] = ()
    lang: Lang = "en"

    @property
    def allowed(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    @property
    def verdict(self) -> str:
        return "allowed" if self.allowed else "denied"

    def said(self) -> str:
        """The verdict's line: "denied: decide 'x' at styrgruppen on 2025-05-12 — 1 reason against". Warnings
        do not stand in the way: they are counted apart ("allowed: … — no reason against, 1 warning")."""
        m = self.matter
        errors = sum(f.severity == "error" for f in self.findings)
        warnings = len(self.findings) - errors
        if self.lang == "en":
            against = f"{errors} reason{'s' if errors > 1 else ''} against" if errors else "no reason against"
            noted = f", {warnings} warning{'s' if warnings > 1 else ''}" if warnings else ""
            return f"{self.verdict}: {m.action} '{m.id}' at {self.meeting.body} on {self.meeting.date} — {against}{noted}"
        verdict = "tillåtet" if self.allowed else "inte tillåtet"
        against = f"{errors} skäl emot" if errors else "inget skäl emot"
        noted = f", {warnings} varning{'ar' if warnings > 1 else ''}" if warnings else ""
        return (f"{verdict}: {_ACTIONS_SV[m.action]} '{m.id}' i {self.meeting.body} den {self.meeting.date} — "
                f"{against}{noted}")

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
                 history: Calendar | None = None, *, lang: Lang = "en") -> Verdict:
    """Judge one proposed action against `bylaw`, given what `history` says already happened.

    `action` is a calendar holding one meeting with one matter (as read from an action file), or the
    (meeting, matter) pair itself; the meeting is judged with that matter only. Findings and the path are in
    `lang` (English by default here; the command line's default is Swedish). Raises `CalendarError` when
    `action` is not one meeting with one matter, or when it or `history` is another agreement's calendar
    (its `bylaw:` names another)."""
    for given in (action, history):
        if isinstance(given, Calendar) and other_bylaw(given, bylaw.id):
            raise CalendarError([CalendarIssue(given.path, 1, 0, other_bylaw(given, bylaw.id) or "")])
    meeting, matter = single_action(action) if isinstance(action, Calendar) else action
    meeting = replace(meeting, matters=(matter,))
    past = history.meetings if history is not None else ()
    merged = Calendar(path=history.path if history is not None else getattr(action, "path", "<action>"),
                      bylaw=bylaw.id, roster=history.roster if history is not None else (),
                      meetings=(*(m for m in past if m.id != meeting.id), meeting))
    ctx = view(bylaw, merged, as_of=meeting.date, year=None, lang=lang)
    # Every finding kept is about the action's meeting: it is placed in the action's file, not the history's.
    place = f"{action.path if isinstance(action, Calendar) else meeting.span.file}:{meeting.span.line}"
    findings = [f._replace(location=place) if f.location else f for rule in RULES for f in rule.check(ctx)
                if f.meeting == meeting.id and f.matter in (None, matter.id)]
    findings.sort(key=lambda f: f.sort_key)
    return Verdict(bylaw.id, meeting, matter, tuple(findings), explain(bylaw, ctx, meeting, matter), lang)


_ACTIONS_SV = {"prepare": "bereda", "propose": "föreslå", "decide": "besluta", "inform": "informera om"}
_STEPS_SV = {"prepared": "bereder åt", "proposed": "lägger förslag till"}



def explain(bylaw: Bylaw, ctx: CalendarView, meeting: Meeting, matter: Matter) -> tuple[str, ...]:
    """The route through the process graph: each mandatory step before the body, and whether (and where)
    the history shows it done; then who convenes the body and keeps its minutes. In the view's language."""
    sv = ctx.lang == "sv"
    src = ctx.bylaw_file
    mtype = matter.type or ctx.matter_types.get(matter.id)
    if sv:
        typed = f" av typen '{mtype}'" if mtype else ""
        lines = [f"{_ACTIONS_SV[matter.action]} '{matter.id}'{typed} i {meeting.body} den {meeting.date} "
                 f"(sammanträde {meeting.id})"]
    else:
        typed = f" of type '{mtype}'" if mtype else ""
        lines = [f"{matter.action} '{matter.id}'{typed} at {meeting.body} on {meeting.date} (meeting {meeting.id})"]
    lines.append(_law_line(bylaw, meeting, sv, src))
    if matter.action == "decide" and mtype:
        for body_id, clause in deciders(bylaw).get(mtype, ()):
            lines.append(f"  '{mtype}' beslutas av {body_id} [{src}:{clause.span.line}]" if sv
                         else f"  '{mtype}' is decided by {body_id} [{src}:{clause.span.line}]")
    if matter.action == "decide":
        lines += _steps(bylaw, ctx, meeting, matter, mtype, sv)
    for label, parties in ((("sammankallas av" if sv else "convened by"), who_convenes(bylaw, meeting.body)),
                           (("protokoll förs av" if sv else "minutes kept by"), who_keeps_minutes(bylaw, meeting.body))):
        for party in parties:
            lines.append(f"  {label} {party.ref} [{src}:{party.citation.line}]")
    return tuple(lines)


def _law_line(bylaw: Bylaw, meeting: Meeting, sv: bool, src: str) -> str:
    """Whether Kommunallagen applies to the body directly (an organ of the stated form) or per analogi."""
    form, stated = bylaw.form, bylaw.header_item("form")
    if stated is None:  # no form clause: read as informal, which the bylaw's first line shows
        return (f"  kommunallagen gäller {meeting.body} bara per analogi: avtalet anger ingen juridisk form "
                f"och läses som informell samverkan [{src}:{bylaw.span.line or 1}]" if sv else
                f"  Kommunallagen applies to {meeting.body} only per analogi: the agreement states no legal form "
                f"and is read as an informal collaboration [{src}:{bylaw.span.line or 1}]")
    where = stated.span.line
    organ, kind = form.organ(meeting.body), FORM_NAMES[form.kind]
    if sv:
        how = (f"direkt: det är {ORGAN_WORDS['sv'][organ]} ({kind})" if organ
               else f"bara per analogi: det är inget organ enligt lagen ({kind})")
        return f"  kommunallagen gäller {meeting.body} {how} [{src}:{where}]"
    how = (f"directly: it is the {ORGAN_WORDS['en'][organ]} of this {kind}" if organ
           else f"only per analogi: it is not an organ of this {kind} under the law")
    return f"  Kommunallagen applies to {meeting.body} {how} [{src}:{where}]"


def _steps(bylaw: Bylaw, ctx: CalendarView, meeting: Meeting, matter: Matter, mtype: str | None,
           sv: bool) -> list[str]:
    """Each mandatory step before the body decides, and where the history shows it done (or not)."""
    chain = preparation_chain(bylaw, meeting.body, mtype)
    lines = [] if chain else [f"  ingen regel kräver ett steg innan {meeting.body} beslutar" if sv
                              else f"  no rule requires a step before {meeting.body} decides"]
    done = _first_done(ctx, matter.id)
    for step in chain:
        hits = [done[(step.by, a)] for a in ACCEPTED[step.step] if (step.by, a) in done]
        hit = min(hits, default=None)
        if hit and hit[0] < meeting.date:
            status = f"gjort vid {hit[1]} den {hit[0]}" if sv else f"done at {hit[1]} on {hit[0]}"
        else:
            status = f"saknas före {meeting.date}" if sv else f"missing before {meeting.date}"
        if sv:  # the graph's edge in words: "referensgruppen bereder åt styrgruppen"
            lines.append(f"  {step.by} {_STEPS_SV.get(step.step, step.step)} {step.to} "
                         f"[{ctx.bylaw_file}:{step.citation.line}]: {status}")
        else:
            lines.append(f"  body:{step.by} —{step.step}→ body:{step.to} [{ctx.bylaw_file}:{step.citation.line}]: "
                         f"{status}")
    return lines


def _first_done(ctx: CalendarView, matter_id: str) -> dict[tuple[str, str], tuple[date, str]]:
    out: dict[tuple[str, str], tuple[date, str]] = {}
    for event in ctx.matter_events.get(matter_id, ()):
        out.setdefault((event.body, event.action), (event.date, event.meeting))
    return out
