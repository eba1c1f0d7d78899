"""The JSON report, exactly the DESIGN.md contract:
{"bylaw", "compliant", "findings": [{"rule","severity","body","meeting","matter","year","message",
"citation": {"file","line","quote"}}]}, findings sorted deterministically."""
from __future__ import annotations

import json
from json.encoder import encode_basestring  # json's own (C) string writer for ensure_ascii=False

from .finding import Report


def render_json(report: Report) -> str:
    return dumps(report.to_json()) + "\n"


def dumps(value) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte (tests/test_render_json.py holds it
    to that), ~2.5x faster for what a report holds: str, int, bool, None, lists and dicts with str keys.
    Why not json itself: it writes in pure Python whenever it indents (the C writer does not indent before
    Python 3.14), ~0.17 ms of a served 20-meeting check's ~4 ms; orjson writes the same bytes but its
    import (~2.5 ms) would land on every `check --format json`. Anything else goes to json as before."""
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except (_Other, RecursionError):  # a type beyond the report's, or a cycle: json's answer (or error)
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


class _Other(Exception):
    pass


def _write(value, newline: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is dict or kind is list or kind is tuple:
        if not value:
            out.append("{}" if kind is dict else "[]")
            return
        inner = newline + "  "  # json's: a newline and two spaces a level, "," between items
        if kind is dict:
            sep = "{" + inner
            for key, item in value.items():
                if type(key) is not str:
                    raise _Other  # json turns numbers and None into keys its own way
                out += (sep, encode_basestring(key), ": ")
                _write(item, inner, out)
                sep = "," + inner
            out.append(newline + "}")
        else:
            sep = "[" + inner
            for item in value:
                out.append(sep)
                _write(item, inner, out)
                sep = "," + inner
            out.append(newline + "]")
    else:
        raise _Other
