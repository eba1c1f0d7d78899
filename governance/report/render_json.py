"""The JSON report, exactly the DESIGN.md contract:
{"bylaw", "compliant", "findings": [{"rule","severity","body","meeting","matter","year","message",
"citation": {"file","line","quote"}}]}, findings sorted deterministically."""
from __future__ import annotations

import json

from .finding import Report


def render_json(report: Report) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
