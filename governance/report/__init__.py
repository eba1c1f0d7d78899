"""Findings and their reports: data (finding.py), citations (citation.py), renderers (render_text.py,
render_json.py)."""
from .finding import Citation, Finding, Report
from .render_json import render_json
from .render_text import render_text

__all__ = ["Citation", "Finding", "Report", "render_json", "render_text"]
