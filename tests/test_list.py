"""`governance list`: every shipped bylaw with its form, members and version, in Swedish by default."""
from __future__ import annotations

import json

import pytest

import governance
from governance.cli import main
from governance.loader import shipped_ids


def run(capsys, *argv: str) -> str:
    assert main(["list", *argv]) == 0
    return capsys.readouterr().out


def test_json_says_what_each_bylaw_says(capsys):
    listed = json.loads(run(capsys, "--format", "json"))
    assert [e["id"] for e in listed] == shipped_ids()
    for entry in listed:
        bylaw = governance.load(entry["id"])
        assert entry["title"] == bylaw.title and entry["form"] == bylaw.form.kind
        assert [m["id"] for m in entry["members"]] == [m.id for m in bylaw.members]
        assert entry["amends"] == bylaw.amends
    by_id = {e["id"]: e for e in listed}
    # The 2019/20 draft is superseded by the 2024 agreement that amends it; every other one is the newest.
    assert by_id["halmstad-region-2020"]["superseded_by"] == "laholmsbukten"
    assert by_id["halmstad-region-2020"]["version"] == "utkast 2019/2020"
    assert [e["id"] for e in listed if e["superseded_by"]] == ["halmstad-region-2020"]


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", ("medlemmar (5): Båstads kommun", "ersatt av laholmsbukten", "senaste versionen", "informell samverkan")),
    ("en", ("members (5): Båstads kommun", "superseded by laholmsbukten", "newest version", "informal collaboration")),
])
def test_text_in_either_language(capsys, lang, words):
    out = run(capsys, *(("--lang", lang) if lang == "en" else ()))
    assert all(w in out for w in words), out
    assert out.count("\n\n") == len(shipped_ids()) - 1
    for bylaw_id in shipped_ids():
        assert f"\n{bylaw_id}  " in "\n" + out
