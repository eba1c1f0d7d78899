"""A property over the commands themselves: a real calendar with one value changed to something odd that
users write (a date in another form, a name with a trailing space, a number where a list goes, a control
character …), or saved in another encoding, is checked by `governance check` end to end. Whatever comes in,
the command ends as the contract says (docs/report.md, "Exit statuses"): 0, 1 or 2; never "internal error"
(the last line of defence, which a bug reaches); a reason on stderr with 2; and with 0 or 1 a JSON report
on stdout whose verdict is the exit status's."""
from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CALENDARS = [EXAMPLES / name for name in ("arkivforbundet-2025-breaches.yaml", "laholmsbukten-2025.yaml",
                                          "vattenforbundet-2025-breaches.yaml", "halsingeradet-2025.yaml")]
TEXTS = {path: path.read_text(encoding="utf-8") for path in CALENDARS}
# A line's value: what follows `key: ` or `- ` (the rest of the line, comments and all).
VALUE = re.compile(r"^(?P<head>\s*(?:- )?(?:[a-z_]+: |- ))(?P<value>\S.*)$", re.M)

ODD = st.sampled_from([
    "", "~", "null", "[]", "{}", "0", "-1", "1e400", "yes", "'", '"', "[", "{a: 1}", "[[1]]", "2025-5-3",
    "3/5 2025", "3 maj 2025 kl. 9.00", "2025-02-30", "2025-02-11T25:00", "1899-12-31", "2200-01-01",
    "9999-12-31", "2025-02-11T13:00+14:00", "halmstad/", "/kso", "Halmstad/KSO", "halmstad/kso ", "1000 × a/b",
    "0 × a/b", "1001 × a/b", "3 × ", "\u00a0styrgruppen", "styrgruppen\u00a0", "åäö", "\t", "a\u0000b",
    "\u202e", "x" * 300, "&a x", "*a", "!!python/object:os.system x", "!!binary aGVq", "<<: *a",
    "decide", "prepare", "cancelled", "ja", "[alvesta, alvesta]", "{ja: [alvesta], nej: [alvesta]}",
]) | st.text(max_size=20)


def _mutated(text: str, at: int, value: str) -> str:
    lines = list(VALUE.finditer(text))
    m = lines[at % len(lines)]
    return text[:m.start("value")] + value + text[m.end("value"):]


def _ends_as_the_contract_says(status: int, capsys, verdicts: tuple[str, str]) -> None:
    """0, 1 or 2; never an internal error; a reason on stderr with 2; else a JSON report whose verdict is
    `verdicts[status]` (the one for exit 0, the one for exit 1)."""
    out, err = capsys.readouterr()
    assert status in (0, 1, 2), (status, err)
    assert "internal error" not in err and "Traceback" not in err, err
    if status == 2:
        assert err.strip(), "exit 2 without a reason"
    else:
        verdict = json.loads(out)["verdict"]
        assert verdict == verdicts[status], (status, verdict)


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "crlf"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(calendar=st.sampled_from(CALENDARS), at=st.integers(0, 10_000), value=ODD, encoding=ENCODINGS)
def test_check_ends_as_the_contract_says_whatever_the_calendar_holds(calendar, at, value, encoding, tmp_path,
                                                                      capsys):
    text = _mutated(TEXTS[calendar], at, value)
    if encoding == "crlf":
        data = text.replace("\n", "\r\n").encode("utf-8", errors="surrogatepass")
    else:
        data = text.encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")
    path = tmp_path / calendar.name
    path.write_bytes(data)
    roster = EXAMPLES / "vattenforbundet-roster.yaml"  # named by a calendar, beside it
    (tmp_path / roster.name).write_bytes(roster.read_bytes())
    stem = calendar.name.split("-20")[0]
    bylaw = EXAMPLES / f"{stem}.bylaw"
    status = main(["check", str(bylaw) if bylaw.is_file() else stem, str(path), "--format", "json",
                   "--as-of", "2025-12-31"])
    _ends_as_the_contract_says(status, capsys, ("compliant", "not-compliant"))


ACTION = EXAMPLES / "actions" / "laholmsbukten-decide-upphandling.yaml"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(0, 10_000), value=ODD, history=st.booleans())
def test_check_action_ends_as_the_contract_says_whatever_the_action_holds(at, value, history, tmp_path, capsys):
    path = tmp_path / ACTION.name
    path.write_text(_mutated(ACTION.read_text(encoding="utf-8"), at, value), encoding="utf-8", errors="surrogatepass")
    status = main(["check-action", "laholmsbukten", str(path), "--format", "json",
                   *(["--history", str(EXAMPLES / "laholmsbukten-2025.yaml")] if history else [])])
    _ends_as_the_contract_says(status, capsys, ("allowed", "denied"))
