"""What a check rule is: one object with its id, documentation, basis and the check itself.

Every rule lives in a module of its own under `governance/check/rules/`, named after its id
(`meeting-minimum` → `rules/meeting_minimum.py`), and binds `RULE = Rule(...)`. The registry
(`governance.check.RULES`) finds them there: adding a rule is adding a file. See /docs/rules/ (generated
from these objects by `governance rules --write-docs`) for each rule's documentation.

A rule and its parts are immutable NamedTuples rather than dataclasses: they are plain records, and
making a frozen dataclass costs every command ~0.5 ms a class at start-up (a NamedTuple a tenth of it).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator, Literal, NamedTuple

from ..lang import DEFAULT_LANG, LANGS, Lang, Text

if TYPE_CHECKING:
    from ..report.finding import Finding
    from .view import CalendarView

Severity = Literal["error", "warning"]

# Where a rule's duty comes from: a clause of the agreement (the bylaw's own words), a statute read
# directly, or a statute the agreement imports as a default (rules/sweden.bylaw).
BasisKind = Literal["agreement", "statute", "default"]


class Basis(NamedTuple):
    """What a rule enforces: the bylaw clause it reads (as written in the language, e.g. `quorum …`) and,
    where a statute stands behind it, the paragraph (e.g. "Kommunallagen (2017:725) 6 kap. 27 §")."""

    kind: BasisKind
    clause: str
    statute: str | None = None


class Example(NamedTuple):
    """A bylaw (after the shared prelude, `EXAMPLE_PRELUDE`) and a YAML calendar (its `meetings:` list);
    the test suite checks that a rule's `fires` examples produce a finding of the rule and its `passes`
    examples none."""

    bylaw: str
    calendar: str
    as_of: str = "2025-12-31"
    header: str = ""  # lines under the prelude's `bylaw` line, e.g. "  form kommunalforbund with direktion X\n"

    @property
    def prelude(self) -> str:
        """The shared prelude, with the example's own header lines (a legal form) under its `bylaw` line."""
        first, _, rest = EXAMPLE_PRELUDE.partition("\n")
        return f"{first}\n{self.header}{rest}"

    @property
    def source(self) -> str:
        """The example's whole bylaw text: the prelude, then its bodies and clauses."""
        return self.prelude + "\n" + self.bylaw


# The members every example bylaw may name; an example adds its bodies and clauses.
EXAMPLE_PRELUDE = '''\
bylaw exempel "Exempelsamverkan"
  valid from 2020-01-01 until further notice

import sweden

member alfa "Alfa kommun" municipality 1001
member beta "Beta kommun" municipality 1002
member gamma "Gamma kommun" municipality 1003
'''

Check = Callable[["CalendarView"], Iterator["Finding"]]


class Rule(NamedTuple):
    """One check rule. `check(view)` yields the findings of the whole calendar; it makes each with
    `view.finding(RULE, …)`, which takes the rule's id and severity from here."""

    id: str
    summary: Text                 # one line: what the rule checks
    why: Text                     # why: the clause or statute, in plain words
    severity: Severity            # the usual severity; a rule may lower it to a warning where it says so
    basis: Basis
    fires: tuple[Example, ...]    # calendars that break the rule
    passes: tuple[Example, ...]   # calendars that keep it
    check: Check
    fix: Text | None = None       # what a compliant calendar does instead

    def module_name(self) -> str:
        return self.id.replace("-", "_")


__all__ = ["DEFAULT_LANG", "EXAMPLE_PRELUDE", "LANGS", "Basis", "BasisKind", "Check", "Example", "Lang", "Rule",
           "Severity", "Text"]
