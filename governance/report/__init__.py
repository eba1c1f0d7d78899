"""Findings and their reports: data (finding.py), citations (citation.py), renderers (render_text.py,
render_json.py, render_html.py)."""
from .finding import Citation, Finding, Report
from .render_html import render_html
from .render_json import render_json
from .render_text import render_text

__all__ = ["Citation", "Finding", "Report", "render_html", "render_json", "render_text"]
