"""The report as a PDF to hand over: a head that says which collaboration, which period, the verdict and
the date judged, then the findings as the text report groups them (body and year), each with the sentence
it rests on.

Drawn with ReportLab (PyPI wheels, no system libraries; WeasyPrint would need Pango). The page uses the
PDF standard fonts (Helvetica, WinAnsi encoding: å, ä, ö, quotation marks and dashes are in it), so
nothing is embedded; the few characters outside that encoding are written as their plain equivalents
(→ as ->, ≥ as >=). The file is reproducible: with `invariant` (or SOURCE_DATE_EPOCH set, which ReportLab
honours) the same report gives the same bytes.
"""
from __future__ import annotations

import io
import unicodedata
from collections.abc import Mapping
from xml.sax.saxutils import escape

from ..lang import Lang
from .finding import Fact, Finding, Report, applies_said
from .handover import WORDS, Head, head_rows
from .render_text import WORDS as TEXT_WORDS
from .render_text import cited_at, groups, headline, labelled, place

# Characters the standard fonts' WinAnsi encoding lacks, as a reader would write them plainly.
PLAIN = str.maketrans({"→": "->", "←": "<-", "≥": ">=", "≤": "<=", "≠": "!=", "×": "x", "−": "-", "‑": "-",
                       "⋯": "...", "✓": "v", "✗": "x", "§": "§"})


def render_pdf(report: Report, head: Head, *, lang: Lang = "en", invariant: bool = False,
               titles: Mapping[str, str] | None = None) -> bytes:
    """The report as PDF bytes (A4); `titles` (`render_text.body_titles(bylaw)`) heads each body's findings
    with the name the bylaw gives it."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from .. import __version__

    w = WORDS[lang]
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=10, leading=13)
    styles = {
        "title": ParagraphStyle("title", base, fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=6),
        "h2": ParagraphStyle("h2", base, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=10,
                             spaceAfter=4),
        "finding": ParagraphStyle("finding", base, spaceBefore=4),
        "detail": ParagraphStyle("detail", base, leftIndent=12, fontSize=9, leading=12, textColor=colors.HexColor("#333333")),
        "cell": base,
    }
    story = [Paragraph(_text(w["title"]), styles["title"])]
    rows = head_rows(report, head, lang)
    table = Table([[Paragraph(_text(k), styles["cell"]), Paragraph(_text(v), styles["cell"])] for k, v in rows],
                  colWidths=[35 * mm, None], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.grey),
                               ("BACKGROUND", (0, len(rows) - 2), (-1, len(rows) - 2),  # the verdict's row
                                colors.HexColor("#e8f5e9" if report.compliant and not head.nothing_checked
                                                else "#fdecea"))]))
    story += [table, Spacer(1, 4 * mm)]
    if not report.findings:
        story.append(Paragraph(_text(w["none"]), styles["finding"]))
    for heading, group in groups(report, lang, titles):  # titles: render_text.body_titles(bylaw)
        story.append(Paragraph(_text(heading), styles["h2"]))
        for f in group:
            story += _finding(f, TEXT_WORDS[lang], lang, styles)
    if report.facts:  # stated, not judged (the appeal period's last day, a cancelled meeting), as text and HTML do
        story.append(Paragraph(_text(TEXT_WORDS[lang]["Facts"]), styles["h2"]))
        for fact in report.facts:
            story += _fact(fact, TEXT_WORDS[lang], lang, styles)
    out = io.BytesIO()
    title = f"{w['title']}: {head.collaboration}"
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=_plain(title), author="governance",
                            creator=f"governance {__version__}", lang=lang, invariant=1 if invariant else None)

    def footer(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, _plain(f"{head.short or head.collaboration} · {w['judged'].lower()} {head.judged}"))
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, w["page"].format(n=canvas.getPageNumber()))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _finding(f: Finding, w: dict, lang: Lang, styles: dict) -> list:
    from reportlab.platypus import KeepTogether, Paragraph

    # the severity in the report's language and the rule id, as the text report writes them
    severity, rule = headline(f, w)
    parts = [Paragraph(f"<b>{_text(severity)}</b>{_text(rule)}: {_text(f.message)}", styles["finding"])]
    if f.fix:
        parts.append(Paragraph(f"<b>{_text(w['fix'].capitalize())}:</b> {_text(f.fix)}", styles["detail"]))
    if f.location:
        parts.append(Paragraph(_text(labelled(w, "calendar", place(f.location, lang))), styles["detail"]))
    c = f.citation
    if c is not None:
        quote = f": “{_text(c.quote)}”" if c.quote else ""
        parts.append(Paragraph(f"{_text(labelled(w, 'basis', cited_at(c, lang)))}{quote}", styles["detail"]))
        if c.assumption:
            parts.append(Paragraph(f"<i>{_text(labelled(w, 'assumed', c.assumption))}</i>", styles["detail"]))
        applies = applies_said(c, f.body, lang)
        if applies:
            parts.append(Paragraph(_text(applies), styles["detail"]))
    return [KeepTogether(parts)]


def _fact(fact: Fact, w: dict, lang: Lang, styles: dict) -> list:
    from reportlab.platypus import KeepTogether, Paragraph

    parts = [Paragraph(_text(fact.message), styles["finding"])]
    if fact.location:
        parts.append(Paragraph(_text(labelled(w, "calendar", place(fact.location, lang))), styles["detail"]))
    c = fact.citation
    if c is not None and c.quote:
        parts.append(Paragraph(f"{_text(labelled(w, 'basis', cited_at(c, lang)))}: “{_text(c.quote)}”",
                               styles["detail"]))
    return [KeepTogether(parts)]


def _plain(text: str) -> str:
    """`text` in the standard fonts' encoding: composed, the few missing characters written plainly."""
    text = unicodedata.normalize("NFC", text).translate(PLAIN)
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _text(text: str) -> str:
    """`text` for a Paragraph: plain (see above) and escaped, since a Paragraph reads markup."""
    return escape(_plain(str(text)))
