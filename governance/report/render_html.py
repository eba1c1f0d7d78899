"""The report as a piece of an HTML page: the text report's words, in its order and groups (body and year),
with the verdict first. Everything from the bylaw and the calendar is escaped; the agreement's sentences
are marked as Swedish."""
from __future__ import annotations

from html import escape

from ..lang import Lang
from .finding import Finding, Report
from .render_text import WORDS, cited_at, groups, verdict


def render_html(report: Report, *, calendar: str | None = None, lang: Lang = "en") -> str:
    """A `<section class="report">`: the verdict, then a heading per body and year with its findings; the
    report's own words in `lang`, as the text report has them."""
    judged = "compliant" if report.compliant else "not-compliant"
    out = ['<section class="report">',
           f'<p class="verdict {judged}">{escape(verdict(report, calendar, lang))}</p>']
    for heading, group in groups(report, lang):
        out.append(f"<h2>{escape(heading)}</h2>")
        out.append('<ul class="findings">')
        out.extend(_finding(f, WORDS[lang]) for f in group)
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out) + "\n"


def _finding(f: Finding, w: dict[str, str]) -> str:
    head = (f'<li class="finding {escape(f.severity)}"><span class="severity">{escape(w[f.severity])}</span>'
            f'[<span class="rule">{escape(f.rule)}</span>] <span class="message">{escape(f.message)}</span>')
    lines = [head]
    if f.location:
        lines.append(f'<div class="at">{w["at"]} {escape(f.location)}</div>')
    c = f.citation
    if c is not None:
        quote = f': <span class="quote" lang="sv">“{escape(c.quote)}”</span>' if c.quote else ""
        lines.append(f'<div class="citation"><span class="cited-at">{escape(cited_at(c))}</span>{quote}</div>')
        if c.assumption:
            lines.append(f'<div class="assumed">{w["assumed"]}: <span lang="sv">{escape(c.assumption)}</span></div>')
    return "\n".join(lines) + "</li>"
