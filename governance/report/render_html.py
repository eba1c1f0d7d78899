"""The report as a piece of an HTML page: the text report's words, in its order and groups (body and year),
with the verdict first. Everything from the bylaw and the calendar is escaped; the agreement's sentences
are marked as Swedish."""
from __future__ import annotations

from collections.abc import Mapping
from html import escape

from ..lang import Lang
from .finding import Finding, Report, applies_said
from .handover import Head, head_rows
from .render_text import WORDS, cited_at, groups, headline, labelled, place, verdict

# The report's own style, which the page appends to its own (web.py): on screen, a finding's fix is indented
# like its other lines, and only the file places are in a fixed-width font, not their labels. Printed (or
# saved as PDF from the browser) to hand over: the page's forms, navigation and everything after the report
# are left out, the head is framed, a finding is never split over two pages.
PRINT_STYLE = """
.finding .fix { margin-left: 1.5rem; }
.finding .at { font-family: inherit; }
.finding .place { font-family: ui-monospace, monospace; }
@media print {
  @page { size: A4; margin: 18mm 20mm; }
  body { font: 10pt/1.35 Helvetica, Arial, sans-serif; color: #000; background: #fff; max-width: none; margin: 0; }
  nav, form, button, .no-print, .judged, .report ~ * { display: none !important; }
  a { color: inherit; text-decoration: none; }
  .report-head { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; border: 1px solid #000;
                 padding: 3mm 4mm; margin: 0 0 5mm; }
  .report-head dt { font-weight: bold; }
  .report-head dd { margin: 0; }
  .verdict { font-weight: bold; border: 1px solid #000; padding: 2mm 3mm; background: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .finding { break-inside: avoid; page-break-inside: avoid; margin-bottom: 2mm; }
  .quote { font-style: italic; }
}
"""

def render_html(report: Report, *, calendar: str | None = None, head: Head | None = None,
                lang: Lang = "en", titles: Mapping[str, str] | None = None) -> str:
    """A `<section class="report">`: the verdict, then a heading per body and year with its findings; the
    report's own words in `lang`, as the text report has them. Before it, when given, the head a printed
    report needs (collaboration, calendar, period, verdict, date judged)."""
    judged = report.verdict  # compliant | not-compliant | nothing-checked (the page never shows the last green)
    out = []
    if head is not None:  # before the section, which holds the findings and the verdict alone
        out.append(f'<dl class="report-head" lang="{lang}">')
        out += [f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in head_rows(report, head, lang)]
        out.append("</dl>")
    out += ['<section class="report">',
            f'<p class="verdict {judged}">{escape(verdict(report, calendar, lang))}</p>']
    for heading, group in groups(report, lang, titles):  # titles: render_text.body_titles(bylaw)
        out.append(f"<h2>{escape(heading)}</h2>")
        out.append('<ul class="findings">')
        out.extend(_finding(f, WORDS[lang], lang) for f in group)
        out.append("</ul>")
    if report.facts:  # stated, not judged (a cancelled meeting, the appeal period), as the text report has them
        out += [f"<h2>{escape(WORDS[lang]['Facts'])}</h2>", '<ul class="facts">']
        for fact in report.facts:
            lines = [f'<li class="fact"><span class="message">{escape(fact.message)}</span>']
            if fact.location:
                lines.append(f'<div class="at">{escape(WORDS[lang]["calendar"].capitalize())}: '
                             f'<span class="place">{escape(place(fact.location, lang))}</span></div>')
            c = fact.citation
            if c is not None and c.quote:
                lines.append(f'<div class="citation">{escape(WORDS[lang]["basis"].capitalize())}: '
                             f'<span class="cited-at">{escape(cited_at(c, lang))}</span>: '
                             f'<span class="quote" lang="sv">“{escape(c.quote)}”</span></div>')
            out.append("\n".join(lines) + "</li>")
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out) + "\n"


def _finding(f: Finding, w: dict[str, str], lang: Lang) -> str:
    severity, _ = headline(f, w)
    head = (f'<li class="finding {escape(f.severity)}"><span class="severity">{escape(severity)}</span> '
            f'(<span class="rule">{escape(f.rule)}</span>): <span class="message">{escape(f.message)}</span>')
    lines = [head]
    if f.fix:
        lines.append(f'<div class="fix">{escape(labelled(w, "fix", f.fix))}</div>')
    if f.location:
        lines.append(f'<div class="at">{escape(w["calendar"].capitalize())}: '
                     f'<span class="place">{escape(place(f.location, lang))}</span></div>')
    c = f.citation
    if c is not None:
        quote = f': <span class="quote" lang="sv">“{escape(c.quote)}”</span>' if c.quote else ""
        lines.append(f'<div class="citation">{escape(w["basis"].capitalize())}: '
                     f'<span class="cited-at">{escape(cited_at(c, lang))}</span>{quote}</div>')
        if c.assumption:
            lines.append(f'<div class="assumed">{escape(w["assumed"].capitalize())}: '
                         f'<span lang="sv">{escape(c.assumption)}</span></div>')
        applies = applies_said(c, f.body, lang)
        if applies:
            lines.append(f'<div class="applies">{escape(applies)}</div>')
    return "\n".join(lines) + "</li>"
