"""Report headings name each body as the bylaw does (issue 16): a secretary reads "Styrgruppen 2025", not the
id; the id is added in parentheses where the name does not read as it (the findings and calendar use ids).
JSON keeps the ids."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import governance
from governance.calendar import read_calendar
from governance.check import check_calendar
from governance.report.handover import head_for
from governance.report.render_html import render_html
from governance.report.render_json import render_json
from governance.report.render_pdf import render_pdf
from governance.report.render_text import body_titles, groups, render_text
from test_report_pdf import text_of

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_titles_are_the_bylaws_names_with_the_id_where_it_reads_otherwise():
    assert body_titles(governance.load("laholmsbukten")) == {
        "sekretariatet": "Sekretariatet", "styrgruppen": "Styrgruppen", "referensgruppen": "Referensgruppen"}
    titles = body_titles(governance.load("halsingeradet"))
    assert titles["utvecklingskontoret"] == "Hälsingerådets Utvecklingskontor (utvecklingskontoret)"
    assert body_titles(governance.load("vasterbotten-planbygg"))["stodgruppen"] == "Stödgruppen"  # å, ä, ö fold


def test_text_html_and_pdf_head_each_group_with_the_title_and_json_keeps_ids():
    bylaw = governance.load("laholmsbukten")
    calendar = read_calendar(EXAMPLES / "laholmsbukten-2025-breaches.yaml")
    report = check_calendar(bylaw, calendar, lang="sv")
    titles = body_titles(bylaw)
    headings = [h for h, _ in groups(report, "sv", titles)]
    assert headings == ["Referensgruppen 2025", "Styrgruppen 2025"]
    assert [h for h, _ in groups(report, "sv")] == ["referensgruppen 2025", "styrgruppen 2025"]  # without titles
    text = render_text(report, lang="sv", titles=titles)
    assert all(f"\n{h}\n" in "\n" + text for h in headings)
    html = render_html(report, lang="sv", titles=titles)
    assert all(f"<h2>{h}</h2>" in html for h in headings)
    pdf = " ".join(text_of(render_pdf(report, head_for(bylaw, calendar, judged=date(2026, 1, 1)), lang="sv", invariant=True,
                                      titles=titles)).split())
    assert all(h in pdf for h in headings)
    assert {f["body"] for f in json.loads(render_json(report))["findings"]} == {"referensgruppen", "styrgruppen"}
