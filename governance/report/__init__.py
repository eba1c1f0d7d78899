"""Findings and their reports: data (finding.py; citations are model/citation.py), renderers (render_text.py,
render_json.py, render_html.py, render_pdf.py).

Only the data is imported with the package; each renderer is imported from its own module where it is
used (every caller does), so a check printing text never loads the HTML renderer or html.entities."""
from .finding import Citation, Finding, Report

__all__ = ["Citation", "Finding", "Report"]
