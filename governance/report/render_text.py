"""A report for people: findings grouped by body and year, each with its severity, message, where in the
calendar, and the sentence of the bylaw it breaks with the bylaw's file:line. Colour only when asked
(the command asks when stdout is a terminal and NO_COLOR is unset).

`groups`, `verdict` and `cited_at` are the report's shape and words; the HTML report (render_html.py)
uses them too, so that both say the same in the same order."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from itertools import groupby

from ..lang import Lang
from .finding import Citation, Finding, Report, applies_said, in_order

# The report's own words (the findings' messages come in the language the check was asked for).
WORDS: dict[str, dict[str, str]] = {
    "sv": {"compliant": "följer avtalet", "not compliant": "följer inte avtalet", "against": "mot",
           "error": "fel", "errors": "fel", "warning": "varning", "warnings": "varningar", "at": "i",
           "assumed": "antaget", "(calendar)": "(kalendern)", "nothing checked": "inget granskat",
           "meeting": "sammanträde", "meetings": "sammanträden", "checked": "granskade", "Facts": "Fakta",
           "fix": "åtgärd", "checked one": "granskat", "calendar": "kalendern", "basis": "grund", "line": "rad"},
    "en": {"compliant": "compliant", "not compliant": "not compliant", "against": "against",
           "error": "error", "errors": "errors", "warning": "warning", "warnings": "warnings", "at": "at",
           "assumed": "assumed", "(calendar)": "(calendar)", "nothing checked": "nothing checked",
           "meeting": "meeting", "meetings": "meetings", "checked": "checked", "Facts": "Facts",
           "fix": "fix", "checked one": "checked", "calendar": "calendar", "basis": "basis", "line": "line"},
}

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "head": "\x1b[1m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"


def render_text(report: Report, *, calendar: str | None = None, colour: bool = False, lang: Lang = "en",
                titles: Mapping[str, str] | None = None) -> str:
    """The report for a terminal, its own words in `lang` (the messages are the check's); `titles`
    (`body_titles(bylaw)`) heads each body's findings with the name the bylaw gives it."""
    def paint(kind: str, text: str) -> str:
        return f"{_COLOURS[kind]}{text}{_RESET}" if colour else text

    out: list[str] = []
    for heading, group in groups(report, lang, titles):
        out.append(paint("head", heading))
        for f in group:
            out.extend(_finding(f, paint, WORDS[lang], lang))
        out.append("")
    if report.facts:
        w = WORDS[lang]
        out.append(paint("head", w["Facts"]))
        for fact in report.facts:
            out.append(f"  {fact.message}")
            if fact.location:
                out.append(f"    {labelled(w, 'calendar', place(fact.location, lang))}")
            if fact.citation is not None and fact.citation.quote:
                out.append(paint("dim", f"    {labelled(w, 'basis', cited_at(fact.citation, lang))}: "
                                        f"“{fact.citation.quote}”"))
        out.append("")
    out.append(verdict(report, calendar, lang))
    return "\n".join(out) + "\n"


def groups(report: Report, lang: Lang = "en", titles: Mapping[str, str] | None = None
           ) -> Iterator[tuple[str, list[Finding]]]:
    """The findings in report order under their headings, one per body and year ("Styrgruppen 2025" with
    `titles`, else the body's id; "(calendar)" for findings about no body, no year for findings about none)."""
    for (body, year), group in groupby(in_order(report.findings), key=lambda f: (f.body, f.year)):
        named = (titles or {}).get(body, body) if body else WORDS[lang]["(calendar)"]
        yield f"{named} {year if year is not None else ''}".rstrip(), list(group)


def body_titles(bylaw) -> dict[str, str]:
    """Body id -> the heading a secretary knows it by: the bylaw's name for it ("Styrgruppen"), with the id
    in parentheses where the name does not read as the id (findings and the calendar use ids), e.g.
    "Hälsingerådets Utvecklingskontor (utvecklingskontoret)"."""
    def plain(text: str) -> str:
        folded = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in folded if c.isalnum())
    return {b.id: b.name if plain(b.name) == plain(b.id) else f"{b.name} ({b.id})" for b in bylaw.bodies}


def verdict(report: Report, calendar: str | None = None, lang: Lang = "en") -> str:
    """The report's last line: "CALENDAR against BYLAW: not compliant — 2 errors, 1 warning"."""
    w = WORDS[lang]
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = len(report.findings) - errors
    subject = f"{calendar} {w['against']} {report.bylaw}" if calendar else report.bylaw
    said = w[{"compliant": "compliant", "not-compliant": "not compliant",
              "nothing-checked": "nothing checked"}[report.verdict]]
    checked = "" if report.checked is None else \
        f", {_count(report.checked, 'meeting', w)} {w['checked one' if report.checked == 1 else 'checked']}"
    why = f" ({report.reason})" if report.reason and report.verdict == "nothing-checked" else ""
    return f"{subject}: {said}{why} — {_count(errors, 'error', w)}, {_count(warnings, 'warning', w)}{checked}"


def cited_at(c: Citation, lang: Lang = "en") -> str:
    """The bylaw's file and line a citation points at, as a reader says it ("FILE, rad 42"; the file alone
    when there is no line)."""
    return f"{c.file}, {WORDS[lang]['line']} {c.line}" if c.line else c.file


def place(location: str, lang: Lang = "en") -> str:
    """A calendar place, "FILE:LINE", as a reader says it: "FILE, rad 19" (the file alone without a line)."""
    path, _, line = location.rpartition(":")
    return f"{path}, {WORDS[lang]['line']} {line}" if path and line.isdigit() else location


def labelled(w: dict[str, str], label: str, text: str) -> str:
    """"Kalendern: …", "Åtgärd: …": a detail line of a finding, its label capitalised."""
    return f"{w[label].capitalize()}: {text}"


def headline(f: Finding, w: dict[str, str]) -> tuple[str, str]:
    """The severity as a word ("Fel", "Varning") and the rule id in brackets after it: " (quorum)"."""
    return w[f.severity].capitalize(), f" ({f.rule})"


def _count(n: int, word: str, w: dict[str, str]) -> str:
    return f"{n} {w[word] if n == 1 else w[word + 's']}"


def _finding(f: Finding, paint, w: dict[str, str], lang: Lang) -> list[str]:
    severity, rule = headline(f, w)
    lines = [f"  {paint(f.severity, severity)}{rule}: {f.message}"]
    if f.fix:
        lines.append(f"    {labelled(w, 'fix', f.fix)}")
    if f.location:
        lines.append(f"    {labelled(w, 'calendar', place(f.location, lang))}")
    c = f.citation
    if c is not None:
        where = labelled(w, "basis", cited_at(c, lang))
        lines.append(paint("dim", f"    {where}: “{c.quote}”" if c.quote else f"    {where}"))
        if c.assumption:
            lines.append(paint("dim", f"    {labelled(w, 'assumed', c.assumption)}"))
        applies = applies_said(c, f.body, lang)
        if applies:
            lines.append(paint("dim", f"    {applies}"))
    return lines
