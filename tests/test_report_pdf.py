"""`check --format pdf -o FILE`: a report to hand over, headed with the collaboration, the period, the
verdict and the date judged. The PDF is judged by its text (pypdf) against golden files, and by its bytes
for reproducibility; the write is atomic."""
from __future__ import annotations

import os
import sys
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

import governance
from governance.check import check_calendar
from governance.report.handover import Head
from governance.report.render_pdf import render_pdf

sys.path.insert(0, str(Path(__file__).parent))
from golden_file import assert_golden  # noqa: E402
from test_check_golden import run_split  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "pdf"
BREACHES = "examples/laholmsbukten-2025-breaches.yaml"


def text_of(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages) + "\n"


def _report(lang):
    bylaw = governance.load("laholmsbukten")
    calendar = governance.read_calendar(BREACHES)  # relative: the PDF shows the path as given
    report = check_calendar(bylaw, calendar, as_of=date(2025, 1, 1), lang=lang)
    head = Head(collaboration=f"{bylaw.title} ({bylaw.id})", calendar=BREACHES,
                period=(min(m.date for m in calendar.meetings), max(m.date for m in calendar.meetings)),
                judged=date(2025, 1, 1), short=bylaw.id)
    return report, head


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_report_reads_as_the_golden_text_and_is_reproducible(lang, monkeypatch):
    monkeypatch.chdir(ROOT)
    report, head = _report(lang)
    data = render_pdf(report, head, lang=lang, invariant=True)
    assert data.startswith(b"%PDF-") and data == render_pdf(report, head, lang=lang, invariant=True)
    text = text_of(data)
    assert_golden(GOLDEN / f"laholmsbukten-2025-breaches.{lang}.txt", text)
    said = {"sv": ("Samverkan", "Period", "Utlåtande", "följer inte avtalet — 7 fel, 1 varning", "Bedömt per"),
            "en": ("Collaboration", "Period", "Verdict", "not compliant — 7 errors, 1 warning", "Judged as of")}
    assert all(words in text for words in said[lang]) and "2025-02-11 – 2025-12-25" in text
    for f in report.findings:  # every finding's rule and cited line is in the document
        assert f"({f.rule}):" in text and f.citation.file in text


def test_nothing_checked_is_never_called_compliant(monkeypatch):
    monkeypatch.chdir(ROOT)
    report, head = _report("en")
    from dataclasses import replace
    empty = replace(head, period=None, nothing_checked=True)
    text = text_of(render_pdf(type(report)(report.bylaw, ()), empty, lang="en", invariant=True))
    assert "nothing checked" in text and "compliant" not in text and "no meetings" in text


def test_check_command_writes_the_pdf_and_exits_as_check_does(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # ReportLab's reproducible dates
    out = tmp_path / "report.pdf"
    status, stdout, err = run_split("check", "laholmsbukten", BREACHES, "--as-of", "2025-01-01",
                                    "--format", "pdf", "-o", str(out))
    assert (status, stdout, err) == (1, "", "")
    first = out.read_bytes()
    assert "följer inte avtalet — 7 fel, 1 varning" in text_of(first)  # check's language: Swedish by default
    assert b"/CreationDate (D:20250101000000" in first
    status, *_ = run_split("check", "laholmsbukten", BREACHES, "--as-of", "2025-01-01", "--format", "pdf",
                           "-o", str(out))
    assert status == 1 and out.read_bytes() == first  # replaced by the same bytes
    status, _, _ = run_split("check", "laholmsbukten", "examples/laholmsbukten-2025.yaml", "--as-of", "2025-12-31",
                             "--format", "pdf", "-o", str(out), "--lang", "en")
    assert status == 0 and "compliant — 0 errors, 0 warnings" in text_of(out.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]  # no temporary file left


def test_bad_usage_and_unwritable_files_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    status, _, err = run_split("check", "laholmsbukten", BREACHES, "--format", "pdf")
    assert status == 2 and "ange -o FILE.pdf" in err
    status, _, err = run_split("check", "laholmsbukten", BREACHES, "--format", "pdf",
                               "-o", str(tmp_path / "no-such-folder" / "r.pdf"))
    assert status == 2 and "kan inte skriva" in err and "Traceback" not in err


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the old report")

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    status, _, err = run_split("check", "laholmsbukten", BREACHES, "--format", "pdf", "-o", str(out), "--lang", "en")
    assert status == 2 and "No space left on device" in err
    assert out.read_bytes() == b"the old report" and [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_text_and_json_go_to_a_file_too(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    status, stdout, _ = run_split("check", "laholmsbukten", BREACHES, "--as-of", "2025-01-01", "--format", "json",
                                  "-o", str(tmp_path / "r.json"))
    assert status == 1 and stdout == ""
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == run_split(
        "check", "laholmsbukten", BREACHES, "--as-of", "2025-01-01", "--format", "json")[1]


def test_the_html_report_carries_the_head_and_a_print_stylesheet(monkeypatch):
    from governance.report.render_html import PRINT_STYLE, render_html
    from governance.web import STYLE
    monkeypatch.chdir(ROOT)
    report, head = _report("sv")
    page = render_html(report, calendar=BREACHES, head=head, lang="sv")
    assert page.startswith('<dl class="report-head" lang="sv">\n<dt>Samverkan</dt>')
    assert "<dt>Utlåtande</dt><dd>följer inte avtalet — 7 fel, 1 varning</dd>" in page
    assert "<dt>Period</dt><dd>2025-02-11 – 2025-12-25</dd>" in page and "<dt>Bedömt per</dt><dd>2025-01-01</dd>" in page
    assert render_html(report, calendar=BREACHES).startswith('<section class="report">')  # no head unless asked
    # printed: the forms, the navigation and what follows the report are left out; findings kept whole
    assert PRINT_STYLE in STYLE and "@media print" in PRINT_STYLE
    assert ".report ~ *" in PRINT_STYLE and "break-inside: avoid" in PRINT_STYLE


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_pdf_states_the_reports_facts_as_the_text_report_does(lang, monkeypatch):
    # The appeal period's last day and the cancelled meetings: a secretariat plans around them, so the
    # report handed over must carry them as the text and HTML reports do (the PDF had left them out).
    monkeypatch.chdir(ROOT)
    bylaw = governance.load("examples/vattenforbundet.bylaw")
    path = "examples/vattenforbundet-2025.yaml"
    calendar = governance.read_calendar(path)
    report = check_calendar(bylaw, calendar, as_of=date(2025, 1, 1), lang=lang)
    head = Head(collaboration=bylaw.title, calendar=path,
                period=(min(m.date for m in calendar.meetings), max(m.date for m in calendar.meetings)),
                judged=date(2025, 1, 1), short=bylaw.id)
    text = " ".join(text_of(render_pdf(report, head, lang=lang, invariant=True)).split())
    kinds = sorted({fact.kind for fact in report.facts})
    assert kinds == ["appeal-period", "cancelled"]
    assert {"sv": "Fakta", "en": "Facts"}[lang] in text
    for fact in report.facts:
        assert " ".join(fact.message.split()) in text
    assert "2025-03-19" in text  # d-2025-1's appeal period ends (three weeks from the anslag of 2025-02-26)
