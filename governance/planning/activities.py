"""Activity plans: a YAML list of dated activities, each tied to goals of a bylaw, checked against it.

Hälsingerådet's plan for 2025 (`bylaws/halsingeradet-activities-2025.yaml`) is the first. A plan names its
bylaw and year; each activity has an id, its goals (references such as ``4.2.1``, the bylaw's matter
``mal-4-2-1``, or the matter id itself), who is responsible (bodies, ``BODY/ROLE`` seats or members of the
bylaw) and a deadline: an ISO date or ``ongoing`` ("Löpande").

The YAML is read node by node rather than through `yaml.safe_load`, so every value keeps its line and stays
the text the author wrote (``4.2`` would otherwise become a float).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

import yaml

from ..diagnostics import BylawError, error
from ..lang import Text
from ..model import types as t
from ..model.citation import cite
from ..report.finding import Citation, Finding
from ..span import Span

ONGOING = "ongoing"
_GOAL_REF = re.compile(r"^\d+(\.\d+)*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    title: str
    goals: tuple[str, ...]
    responsible: tuple[str, ...]
    deadline: date | None  # None: ongoing
    line: int
    named: str | None = None
    as_written: str | None = None

    @property
    def ongoing(self) -> bool:
        return self.deadline is None


@dataclass(frozen=True, slots=True)
class ActivityPlan:
    path: str
    bylaw: str | None
    year: int
    activities: tuple[Activity, ...]
    line: int = 1


# ---- reading ---------------------------------------------------------------------------------------------
def _fail(path: str, node_or_line, message: Text) -> BylawError:
    line = node_or_line if isinstance(node_or_line, int) else node_or_line.start_mark.line + 1
    col = 1 if isinstance(node_or_line, int) else node_or_line.start_mark.column + 1
    return BylawError([error("activity-plan", message, Span(path, 0, 0, line, col))])


# What the messages call the parts of a plan: a key is named as written (`deadline`), in both languages.
_AN_ACTIVITY = Text("en aktivitet", "an activity")
_THE_PLAN = Text("aktivitetsplanen", "the activity plan")


def _mapping(path: str, node, what: Text) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, Text(f"{what.sv} ska vara nycklar med värden",
                                     f"{what.en} must be a mapping of keys to values"))
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _fail(path, key, Text(f"{what.sv}: nycklarna ska vara vanliga ord",
                                        f"{what.en}: keys must be plain words"))
        if key.value in out:
            raise _fail(path, key, Text(f"{what.sv}: nyckeln '{key.value}' anges två gånger",
                                        f"{what.en}: key '{key.value}' is given twice"))
        out[key.value] = value
    return out


def _scalar(path: str, node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(path, node, Text(f"{what} ska vara ett enda värde", f"{what} must be a single value"))
    return str(node.value).strip()


def _list(path: str, node, what: str) -> tuple[str, ...]:
    """A list of scalars; a single scalar counts as a list of one."""
    if isinstance(node, yaml.ScalarNode):
        return (_scalar(path, node, what),) if str(node.value).strip() else ()
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, Text(f"{what} ska vara en lista", f"{what} must be a list"))
    return tuple(_scalar(path, item, what) for item in node.value)


def _deadline(path: str, node) -> date | None:
    text = _scalar(path, node, "deadline")
    if text.lower() == ONGOING:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(path, node, Text(f"deadline '{text}' är varken ett datum (ÅÅÅÅ-MM-DD) eller `ongoing`",
                                     f"deadline '{text}' is neither an ISO date (YYYY-MM-DD) nor `ongoing`")) from None


_ACTIVITY_KEYS = {"id", "activity", "goals", "responsible", "deadline", "named", "as_written"}


def _activity(path: str, node) -> Activity:
    fields = _mapping(path, node, _AN_ACTIVITY)
    unknown = sorted(set(fields) - _ACTIVITY_KEYS)
    if unknown:
        known = ", ".join(sorted(_ACTIVITY_KEYS))
        raise _fail(path, fields[unknown[0]], Text(f"okänd nyckel '{unknown[0]}' i en aktivitet (kända: {known})",
                                                   f"unknown key '{unknown[0]}' in an activity (known: {known})"))
    for key in ("id", "activity", "deadline"):
        if key not in fields:
            raise _fail(path, node, Text(f"en aktivitet behöver `{key}`", f"an activity needs `{key}`"))
    ident = _scalar(path, fields["id"], "id")
    if not _ID.match(ident):
        raise _fail(path, fields["id"], Text(f"aktivitetens id '{ident}' ska skrivas med små bokstäver, siffror "
                                             "och bindestreck", f"activity id '{ident}' must be a lowercase slug"))
    return Activity(
        id=ident,
        title=_scalar(path, fields["activity"], "activity"),
        goals=_list(path, fields["goals"], "goals") if "goals" in fields else (),
        responsible=_list(path, fields["responsible"], "responsible") if "responsible" in fields else (),
        deadline=_deadline(path, fields["deadline"]),
        line=node.start_mark.line + 1,
        named=_scalar(path, fields["named"], "named") if "named" in fields else None,
        as_written=_scalar(path, fields["as_written"], "as_written") if "as_written" in fields else None,
    )


def parse_plan(text: str, path: str = "<string>") -> ActivityPlan:
    """Parse an activity plan; raises `BylawError` with file:line for anything malformed."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        # The calendar's catalogue of what YAML's parser says, so no parser English reaches a Swedish reader.
        from ..calendar.swedish import yaml_problem
        context = getattr(exc, "context", None)
        said = yaml_problem(f"{context} {problem}" if context else problem, "aktivitetsplanens form")
        raise _fail(path, line, Text(f"inte giltig YAML: {said}", f"not valid YAML: {problem}")) from None
    if root is None:
        raise _fail(path, 1, Text("aktivitetsplanen är tom", "the activity plan is empty"))
    top = _mapping(path, root, _THE_PLAN)
    if "year" not in top or "activities" not in top:
        raise _fail(path, root, Text("en aktivitetsplan behöver `year` och `activities`",
                                     "an activity plan needs `year` and `activities`"))
    year_text = _scalar(path, top["year"], "year")
    if not year_text.isdigit():
        raise _fail(path, top["year"], Text(f"year '{year_text}' är inte ett år", f"year '{year_text}' is not a year"))
    if not isinstance(top["activities"], yaml.SequenceNode):
        raise _fail(path, top["activities"], Text("`activities` ska vara en lista", "`activities` must be a list"))
    activities = tuple(_activity(path, item) for item in top["activities"].value)
    return ActivityPlan(path=path, bylaw=_scalar(path, top["bylaw"], "bylaw") if "bylaw" in top else None,
                        year=int(year_text), activities=activities)


def load_plan(path: str | Path) -> ActivityPlan:
    from ..loader import read_text  # the same size, binary and encoding guards as bylaw files

    return parse_plan(read_text(Path(path)), str(path))


# ---- checking --------------------------------------------------------------------------------------------
def goal_matter(ref: str) -> str:
    """`4.2.1` → `mal-4-2-1`; a matter id stays as it is."""
    return "mal-" + ref.replace(".", "-") if _GOAL_REF.match(ref) else ref


def _responsible_ok(bylaw: t.Bylaw, ref: str) -> bool:
    if bylaw.member(ref) or bylaw.body(ref):
        return True
    body_id, _, role = ref.partition("/")
    body = bylaw.body(body_id)
    return bool(role) and body is not None and any(s.role == role for s in body.seats)


def check_plan(plan: ActivityPlan, bylaw: t.Bylaw) -> list[Finding]:
    """Every activity refers to goals the bylaw declares, has a responsible that the bylaw knows, and a
    deadline within the plan's year (or is ongoing). Findings are sorted."""
    findings: list[Finding] = []
    matters = {m.id: m for m in bylaw.matters}

    def add(rule: str, message: str, activity: Activity | None) -> None:
        # The activity's own row is what is wrong, so the citation points there, quoting its text.
        citation = Citation(file=plan.path, line=activity.line if activity else plan.line,
                            quote=activity.title if activity else None)
        findings.append(Finding(rule=rule, severity="error", message=message, citation=citation,
                                matter=activity.id if activity else None, year=plan.year,
                                location=f"{plan.path}:{activity.line if activity else plan.line}"))

    if plan.bylaw is not None and plan.bylaw != bylaw.id:
        add("activity-bylaw", f"the plan is for bylaw '{plan.bylaw}', not '{bylaw.id}'", None)
    seen: dict[str, Activity] = {}
    for activity in plan.activities:
        if activity.id in seen:
            add("activity-duplicate", f"activity id '{activity.id}' is used twice (first at line "
                f"{seen[activity.id].line})", activity)
        seen.setdefault(activity.id, activity)
        if not activity.goals:
            add("activity-goal", f"activity '{activity.id}' refers to no goal", activity)
        for ref in activity.goals:
            matter = matters.get(goal_matter(ref))
            if matter is None:
                add("activity-goal", f"activity '{activity.id}' refers to goal {ref}, which the bylaw does "
                    f"not declare (no matter '{goal_matter(ref)}')", activity)
        if not activity.responsible:
            add("activity-responsible", f"activity '{activity.id}' names nobody responsible", activity)
        for ref in activity.responsible:
            if not _responsible_ok(bylaw, ref):
                add("activity-responsible", f"activity '{activity.id}' names '{ref}' as responsible, which is "
                    "neither a body, a seat of a body, nor a member of the bylaw", activity)
        if activity.deadline is not None and activity.deadline.year != plan.year:
            add("activity-deadline", f"activity '{activity.id}' ends {activity.deadline.isoformat()}, outside "
                f"the plan's year {plan.year}", activity)
    return sorted(findings, key=lambda f: (f.location or "", f.rule, f.message))


def goal_citations(plan: ActivityPlan, bylaw: t.Bylaw) -> Iterator[tuple[Activity, Citation]]:
    """Each activity with the citation of each goal it serves (for reports that show the goal's sentence)."""
    matters = {m.id: m for m in bylaw.matters}
    for activity in plan.activities:
        for ref in activity.goals:
            matter = matters.get(goal_matter(ref))
            if matter is not None:
                yield activity, cite(bylaw, matter)
