"""Findings of compliance checks, and the report that holds them (the JSON contract of DESIGN.md)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, NamedTuple

SEVERITIES = ("error", "warning")


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a finding's rule stands: the bylaw file, the line of the clause, and the quoted sentence
    (or, for a statutory default, the law reference)."""

    file: str
    line: int
    quote: str | None = None
    law: str | None = None
    assumption: str | None = None

    def to_json(self) -> dict:
        return {"file": self.file, "line": self.line, "quote": self.quote}


class Finding(NamedTuple):
    """One way a calendar (or an action) breaks a bylaw, with the clause it rests on.

    A NamedTuple rather than a dataclass: a large calendar yields tens of thousands of findings, and a
    tuple is built several times faster. Immutable all the same; order findings by `sort_key`."""

    rule: str  # stable rule id, e.g. meeting-minimum
    severity: str  # error | warning
    message: str
    citation: Citation | None = None
    body: str | None = None
    meeting: str | None = None
    matter: str | None = None
    year: int | None = None
    location: str | None = None  # calendar file:line the finding concerns

    @property
    def sort_key(self) -> tuple:
        return (self.body or "", self.year or 0, self.meeting or "", self.matter or "", self.rule,
                self.message)

    def to_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "body": self.body, "meeting": self.meeting,
                "matter": self.matter, "year": self.year, "message": self.message,
                "citation": self.citation.to_json() if self.citation else None}


def in_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in report order (`Finding.sort_key`)."""
    return sorted(findings, key=lambda f: f.sort_key)


@dataclass(frozen=True, slots=True)
class Report:
    bylaw: str
    findings: tuple[Finding, ...] = ()

    @property
    def compliant(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def to_json(self) -> dict:
        return {"bylaw": self.bylaw, "compliant": self.compliant,
                "findings": [f.to_json() for f in in_order(self.findings)]}
