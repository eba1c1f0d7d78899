"""Each rule's documentation, made from its object (what `governance rules` prints, and docs/rules/).

A rule is documented as Ruff documents its rules: what it checks, why, an example that breaks it (with
the finding the engine reports for it, made by running the example) and one that keeps it, and the fix.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable

from ..lang import Lang, Text
from ..report.finding import Finding
from .rule import Example, Rule

_HEAD = {
    "checks": Text(sv="Vad regeln prövar", en="What it checks"),
    "why": Text(sv="Varför", en="Why"),
    "fires": Text(sv="Exempel som bryter mot regeln", en="Example that breaks it"),
    "passes": Text(sv="Exempel som följer regeln", en="Example that keeps it"),
    "fix": Text(sv="Åtgärd", en="Fix"),
    "severity": Text(sv="Allvarlighet", en="Severity"),
    "basis": Text(sv="Grund", en="Basis"),
    "reports": Text(sv="Rapporteras", en="Reported"),
    "silent": Text(sv="Inget rapporteras.", en="Nothing is reported."),
}
_SEVERITY = {"error": Text(sv="fel", en="error"), "warning": Text(sv="varning", en="warning")}
_BASIS = {"agreement": Text(sv="avtalet", en="the agreement"), "statute": Text(sv="lag", en="statute"),
          "default": Text(sv="avtalet, med lagens regel som standard", en="the agreement, with the statute's "
                                                                          "rule as default")}


def run_example(rule: Rule, example: Example, lang: Lang = "en") -> list[Finding]:
    """The findings of `rule` on the example's calendar against the prelude plus the example's bylaw."""
    from ..calendar.yaml_reader import parse_calendar
    from ..loader import parse
    from . import run
    bylaw = parse(example.source, filename="example.bylaw")
    calendar = parse_calendar("bylaw: exempel\nmeetings:\n" + _indent(example.calendar), name="example.yaml")
    return run(bylaw, calendar, as_of=date.fromisoformat(example.as_of), lang=lang, rules=(rule,))


def _indent(text: str) -> str:
    return "".join(f"  {line}\n" for line in text.splitlines())


def document(rule: Rule, lang: Lang = "en") -> str:
    h = {key: text(lang) for key, text in _HEAD.items()}
    basis = f"{_BASIS[rule.basis.kind](lang)}: `{rule.basis.clause}`"
    if rule.basis.statute:
        basis += f"; {rule.basis.statute}"
    out = [f"# {rule.id}", "", rule.summary(lang), "",
           f"- {h['severity']}: {_SEVERITY[rule.severity](lang)}", f"- {h['basis']}: {basis}", "",
           f"## {h['why']}", "", rule.why(lang), ""]
    for key, examples in (("fires", rule.fires), ("passes", rule.passes)):
        for example in examples:
            out += [f"## {h[key]}", "", "```", example.prelude, example.bylaw.rstrip("\n"), "```", "", "```yaml", "meetings:",
                    _indent(example.calendar).rstrip("\n"), "```", ""]
            findings = run_example(rule, example, lang)
            if findings:
                out += [f"{h['reports']}:", ""] + [f"- {_SEVERITY[f.severity](lang).capitalize()} (`{f.rule}`): {f.message}"
                                                   + (f" ({h['fix'].lower()}: {f.fix})" if f.fix else "")
                                                   for f in findings]
            else:
                out.append(h["silent"])
            out.append("")
    if rule.fix is not None:
        out += [f"## {h['fix']}", "", rule.fix(lang), ""]
    return "\n".join(out)


def index(rules: Iterable[Rule], lang: Lang = "en") -> str:
    """The list of rules, one line each, linking to their pages."""
    title = Text(sv="Regler", en="Rules")(lang)
    lines = [f"# {title}", "",
             Text(sv="Genererad från regelobjekten (`governance rules --write-docs docs/rules`); redigera inte "
                     "för hand.",
                  en="Generated from the rule objects (`governance rules --write-docs docs/rules`); do not edit "
                     "by hand.")(lang), "",
             "| id | " + Text(sv="allvarlighet", en="severity")(lang) + " | " +
             Text(sv="vad regeln prövar", en="what it checks")(lang) + " |", "|---|---|---|"]
    for rule in rules:
        lines.append(f"| [{rule.id}]({rule.id}.md) | {_SEVERITY[rule.severity](lang)} | {rule.summary(lang)} |")
    return "\n".join(lines) + "\n"


def pages(rules: Iterable[Rule], lang: Lang = "en") -> dict[str, str]:
    """File name → content of every page of docs/rules/."""
    rules = tuple(rules)
    out = {"README.md": index(rules, lang)}
    out.update({f"{rule.id}.md": document(rule, lang) for rule in rules})
    return out


def write(folder: Path, rules: Iterable[Rule], lang: Lang = "en") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages(rules, lang).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
