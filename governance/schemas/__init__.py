"""JSON Schemas (draft 2020-12) of the files and reports that are the project's contract (docs/):

- `calendar.schema.json`: a calendar YAML file, as data (dates as the text written in the file);
- `roster.schema.json`: a roster file shared by a collaboration's calendars for a mandate period;
- `mapping.schema.json`: the mapping file that places an .ics export's events and people;
- `report.schema.json`: the JSON report of `governance check` and `governance check-action`.

The schemas say what is well-formed; the readers say more (a date that does not exist, a duplicate id),
always with the line. `schema("report")` gives a schema as a dict.
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Literal

Name = Literal["calendar", "roster", "mapping", "report"]


def schema(name: Name) -> dict:
    """The named JSON Schema, parsed."""
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
