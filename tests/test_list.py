"""`governance list`: the shipped bylaws with form, version, validity, members and bodies."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import governance
from governance.catalogue import entries
from governance.commands.list import render_text
from governance.loader import shipped_ids

sys.path.insert(0, str(Path(__file__).parent))
from golden_file import assert_golden  # noqa: E402
from test_check_golden import run_split  # noqa: E402

GOLDEN = Path(__file__).parent / "golden" / "list"


def test_json_lists_every_shipped_bylaw_as_its_file_says():
    status, out, err = run_split("list", "--format", "json")
    assert (status, err) == (0, "")
    listed = {e["id"]: e for e in json.loads(out)["bylaws"]}
    assert sorted(listed) == shipped_ids()  # every one, by id
    for bylaw_id, e in listed.items():
        b = governance.load(bylaw_id)  # the oracle: the model itself
        assert e["title"] == b.title and e["path"] == f"bylaws/{bylaw_id}.bylaw"
        assert [m["id"] for m in e["members"]] == [m.id for m in b.members]
        assert [x["id"] for x in e["bodies"]] == [x.id for x in b.bodies]
        assert e["form"] == {"kind": b.form.kind, "stated": b.form_stated,
                             "organs": [{"organ": o, "body": x} for o, x in b.form.organs], "host": b.form.host}
        assert e["amends"] == b.amends
    # the 2024 declaration replaced the 2019/20 draft, read from its `amends … from`
    assert listed["halmstad-region-2020"]["superseded_by"] == {"id": "laholmsbukten", "from": "2024-03-28"}
    assert listed["laholmsbukten"]["superseded_by"] is None
    assert listed["halsingeradet"]["valid"] == {"from": "2025-01-01", "until": "2025-12-31"}


def test_text_names_every_bylaw_in_swedish_by_default_and_english_on_request():
    status, sv, err = run_split("list")
    assert (status, err) == (0, "")
    status, en, _ = run_split("list", "--lang", "en")
    assert status == 0 and sv != en
    for bylaw_id in shipped_ids():
        assert f"\n{bylaw_id}  " in sv and f"\n{bylaw_id}  " in en
    assert "medlemmar:" in sv and "members:" in en and "members:" not in sv


def _two():
    bylaws = [governance.load("halmstad-region-2020"), governance.load("laholmsbukten")]
    return entries(bylaws, {b.id: f"bylaws/{b.id}.bylaw" for b in bylaws})


def test_golden_text_of_two_versions_of_one_agreement():
    assert_golden(GOLDEN / "laholmsbukten-chain.sv.txt", render_text(_two(), "sv"))
    assert_golden(GOLDEN / "laholmsbukten-chain.en.txt", render_text(_two(), "en"))


def test_a_broken_version_chain_is_not_guessed():
    a, b = governance.load("halmstad-region-2020"), governance.load("laholmsbukten")
    # alone, laholmsbukten's predecessor is not at hand: nothing supersedes anything
    assert [e.superseded_by for e in entries([b], {b.id: "x"})] == [None]
    assert entries([a], {a.id: "x"})[0].superseded_by is None


def test_bad_usage_exits_2():
    status, _, err = run_split("list", "--format", "xml")
    assert status == 2 and "ogiltigt val 'xml'" in err
    status, _, err = run_split("list", "--format", "xml", "--lang", "en")
    assert status == 2 and "invalid choice" in err
