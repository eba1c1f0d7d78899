"""A report for people: findings grouped by body and year, each with its severity, message, where in the
calendar, and the sentence of the bylaw it breaks with the bylaw's file:line. Colour only when asked
(the command asks when stdout is a terminal and NO_COLOR is unset)."""
from __future__ import annotations

from itertools import groupby

from .finding import Finding, Report, in_order

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "head": "\x1b[1m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"


def render_text(report: Report, *, calendar: str | None = None, colour: bool = False) -> str:
    def paint(kind: str, text: str) -> str:
        return f"{_COLOURS[kind]}{text}{_RESET}" if colour else text

    findings = in_order(report.findings)
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    subject = f"{calendar} against {report.bylaw}" if calendar else report.bylaw
    out: list[str] = []
    for (body, year), group in groupby(findings, key=lambda f: (f.body, f.year)):
        out.append(paint("head", f"{body or '(calendar)'} {year if year is not None else ''}".rstrip()))
        for f in group:
            out.extend(_finding(f, paint))
        out.append("")
    verdict = "compliant" if report.compliant else "not compliant"
    out.append(f"{subject}: {verdict} — {_count(errors, 'error')}, {_count(warnings, 'warning')}")
    return "\n".join(out) + "\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _finding(f: Finding, paint) -> list[str]:
    head = f"  {paint(f.severity, f.severity)}[{f.rule}] {f.message}"
    lines = [head]
    if f.location:
        lines.append(f"    at {f.location}")
    c = f.citation
    if c is not None:
        where = f"{c.file}:{c.line}" if c.line else c.file
        if c.quote:
            lines.append(paint("dim", f"    {where}: “{c.quote}”"))
        else:
            lines.append(paint("dim", f"    {where}"))
        if c.assumption:
            lines.append(paint("dim", f"    assumed: {c.assumption}"))
    return lines
