"""Checking a meeting calendar against a bylaw: the registry of rules, one object per rule.

Each rule is `RULE` in its own module under `rules/`, named after its id (rule.py says what a rule is).
`RULES` finds them there, in id order; `check_calendar` runs them all over one view of the calendar
(view.py) and returns a `Report` whose findings are sorted deterministically.
"""
from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from typing import Iterable, Mapping

from ..calendar.model import Calendar
from ..calendar.preflight import other_bylaw
from ..lang import Lang
from ..model.types import Bylaw
from ..report.finding import Finding, Report, report_order
from ..time.versions import successor
from . import rules as _rules
from .rule import Rule
from .facts import facts, nothing_checked
from .view import CalendarView, view


def _discover() -> tuple[Rule, ...]:
    found = []
    for module in sorted(m.name for m in pkgutil.iter_modules(_rules.__path__)):
        rule = getattr(importlib.import_module(f"{_rules.__name__}.{module}"), "RULE", None)
        if not isinstance(rule, Rule) or rule.module_name() != module:
            raise ImportError(f"governance/check/rules/{module}.py must bind RULE, a Rule with id "
                              f"'{module.replace('_', '-')}'")
        if not rule.fires or not rule.passes:
            raise ImportError(f"rule {rule.id}: give at least one example that fires and one that passes")
        found.append(rule)
    return tuple(found)


RULES: tuple[Rule, ...] = _discover()
BY_ID: Mapping[str, Rule] = {rule.id: rule for rule in RULES}
RULE_IDS: tuple[str, ...] = tuple(BY_ID)


def run(bylaw: Bylaw, calendar: Calendar, *, as_of: date, year: int | None = None, lang: Lang = "en",
        successor: Bylaw | None = None, rules: Iterable[Rule] = RULES) -> list[Finding]:
    """The findings of `rules` (default: all) on `calendar`, in the order they were made."""
    return _run(view(bylaw, calendar, as_of=as_of, year=year, lang=lang, successor=successor), rules)


def _run(seen: CalendarView, rules: Iterable[Rule] = RULES) -> list[Finding]:
    return [finding for rule in rules for finding in rule.check(seen)]


def check_calendar(bylaw: Bylaw, calendar: Calendar, *, as_of: date | None = None,
                   year: int | None = None, versions: Iterable[Bylaw] = (), lang: Lang = "en") -> Report:
    """Every way `calendar` breaks `bylaw`, judged as of `as_of` (default today), optionally one year only.

    `versions`: the other versions of the agreement (`governance.load_versions`), if any: a meeting on or
    after the day a later version takes effect is out of `bylaw`'s term (VersionError if they are not
    one chain of versions with `bylaw`). `lang`: the language of the findings' messages ("sv" or "en";
    English until the command line's --lang makes Swedish the default).

    A calendar whose `bylaw:` names another agreement is not judged against this one: the report's verdict
    is `nothing-checked`, its `reason` says which agreement the calendar is for."""
    mismatch = other_bylaw(calendar, bylaw.id, lang)
    if mismatch:  # its bodies and seats are another agreement's: every finding would be about the mix-up
        return Report(bylaw=bylaw.id, findings=(), checked=0, reason=mismatch)
    seen = view(bylaw, calendar, as_of=as_of or date.today(), year=year, lang=lang,
                successor=successor(bylaw, versions))
    findings = _run(seen)
    if year is not None:
        findings = [f for f in findings if f.year in (year, None)]
    findings.sort(key=report_order)
    judged = sum(len(body.meetings) if year is None else len(body.years().get(year, ()))
                 for body in seen.bodies.values())
    return Report(bylaw=bylaw.id, findings=tuple(findings), checked=judged, facts=facts(seen),
                  reason=None if judged else nothing_checked(seen))


__all__ = ["BY_ID", "RULES", "RULE_IDS", "Rule", "check_calendar", "run"]
