"""Findings of compliance checks, and the report that holds them (the JSON contract of DESIGN.md)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal, NamedTuple, get_args

from ..model.citation import Citation

SEVERITIES = ("error", "warning")
Verdict = Literal["compliant", "not-compliant", "nothing-checked"]
VERDICTS: tuple[str, ...] = get_args(Verdict)


def applies_said(citation: Citation, body: str | None, lang: str) -> str | None:
    """'Kommunallagen applies directly: direktionen is the förbundsdirektion', in the report's language; None
    where the citation rests on no rule of the law."""
    if citation.applies is None or body is None:
        return None
    lang = "en" if lang == "en" else "sv"
    if citation.applies == "direct":
        organ = ORGAN_WORDS[lang].get(citation.organ or "", citation.organ or "")
        return _APPLIES[lang]["direct"].format(body=body, organ=organ)
    return _APPLIES[lang]["analogy"].format(body=body)


# The organs of Kommunallagen as a sentence names them ("X is the förbundsdirektion" / "X är förbundsdirektionen").
ORGAN_WORDS = {
    "sv": {"direktion": "förbundsdirektionen", "forbundsfullmaktige": "förbundsfullmäktige",
           "forbundsstyrelse": "förbundsstyrelsen", "gemensam-namnd": "den gemensamma nämnden"},
    "en": {"direktion": "förbundsdirektion", "forbundsfullmaktige": "förbundsfullmäktige",
           "forbundsstyrelse": "förbundsstyrelse", "gemensam-namnd": "gemensam nämnd"},
}
_APPLIES = {
    "sv": {"direct": "Kommunallagen gäller direkt: {body} är {organ}",
           "analogy": "Kommunallagen gäller bara per analogi: {body} är inget organ enligt lagen"},
    "en": {"direct": "Kommunallagen applies directly: {body} is the {organ}",
           "analogy": "Kommunallagen applies only per analogi: {body} is not an organ under the law"},
}


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
    # What would put it right, computed from the calendar (free days, whose year it is to chair, by when a
    # body must prepare), in the run's language; None where the rule computes none.
    fix: str | None = None

    @property
    def sort_key(self) -> tuple:
        """Report order (`report_order`)."""
        return report_order(self)

    @property
    def at(self) -> dict | None:
        """The calendar place, {"file", "line"} (line None for the file as a whole), or None."""
        if not self.location:
            return None
        path, _, line = self.location.rpartition(":")
        if path and line.isdigit():
            return {"file": path, "line": int(line)}
        return {"file": self.location, "line": None}

    def to_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "body": self.body, "meeting": self.meeting,
                "matter": self.matter, "year": self.year, "message": self.message,
                "citation": self.citation.to_json() if self.citation else None,
                "at": self.at, "assumed": self.citation.assumption if self.citation else None, "fix": self.fix,
                "applies": self.citation.applies if self.citation else None}


def in_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in report order (`Finding.sort_key`)."""
    return sorted(findings, key=report_order)


def report_order(finding: Finding) -> tuple:
    """A finding's place in a report: by body, year, meeting, matter, rule, message. (The sort key itself,
    not `lambda f: f.sort_key`: a large calendar's findings are tens of thousands, each one call less.)"""
    return (finding.body or "", finding.year or 0, finding.meeting or "", finding.matter or "", finding.rule,
            finding.message)


class Fact(NamedTuple):
    """Something the report states without judging it: a cancelled meeting, the last day to appeal a
    decision. Same places as a finding's."""

    kind: str  # stable id: cancelled | appeal-period
    message: str
    body: str | None = None
    meeting: str | None = None
    year: int | None = None
    location: str | None = None
    citation: Citation | None = None

    def to_json(self) -> dict:
        return {"kind": self.kind, "body": self.body, "meeting": self.meeting, "year": self.year,
                "message": self.message, "at": Finding(self.kind, "", "", location=self.location).at,
                "citation": self.citation.to_json() if self.citation else None}


@dataclass(frozen=True, slots=True)
class Report:
    """`checked`: how many meetings were judged (None where that is not counted, e.g. one action);
    with none judged and no error, the verdict is `nothing-checked`, never `compliant`. `reason`: why
    nothing was checked, when known."""

    bylaw: str
    findings: tuple[Finding, ...] = ()
    checked: int | None = None
    facts: tuple[Fact, ...] = ()
    reason: str | None = None

    @property
    def verdict(self) -> Verdict:
        if any(f.severity == "error" for f in self.findings):
            return "not-compliant"
        if self.checked == 0:
            return "nothing-checked"
        return "compliant"

    @property
    def compliant(self) -> bool:
        return self.verdict == "compliant"

    def to_json(self) -> dict:
        out = {"bylaw": self.bylaw, "compliant": self.compliant, "verdict": self.verdict,
               "checked": self.checked, "findings": [f.to_json() for f in in_order(self.findings)],
               "facts": [f.to_json() for f in self.facts]}
        if self.reason:
            out["reason"] = self.reason
        return out
