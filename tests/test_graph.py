"""The process graph: compilation, queries, lint passes, pictures (golden files: UPDATE_GOLDEN=1)."""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import governance
from governance.cli import main
from governance.graph import draw
from governance.graph.from_model import EDGE_TYPES, build_graph, compile_graph
from governance.graph.queries import (preparation_chain, reachable, seats_of_member, unreachable_bodies,
                                      who_convenes, who_keeps_minutes)
from governance.drafting.lint import lint
from governance.loader import shipped_ids
from golden_file import assert_golden

GOLDEN = Path(__file__).parent / "golden" / "graph"
SHIPPED = shipped_ids()


def golden(name: str, text: str) -> None:
    assert_golden(GOLDEN / name, text)


BASE = '''bylaw test "Test"
member a "A kommun" municipality 1111
member b "B kommun" municipality 2222
member c "C kommun" municipality 3333
matter budget "Budget"
'''


# ---- compilation ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("bylaw_id", SHIPPED)
def test_every_edge_is_typed_and_cited(bylaw_id):
    bylaw = governance.load(bylaw_id)
    g = compile_graph(bylaw)
    assert isinstance(g, nx.MultiDiGraph)
    assert {d["type"] for _, d in g.nodes(data=True)} <= {"member", "body", "office", "seat", "matter"}
    for _, _, d in g.edges(data=True):
        assert d["type"] in EDGE_TYPES
        assert d["citation"].file == bylaw.path and d["citation"].line == d["rule"].span.line > 0
    for b in bylaw.bodies:
        assert g.nodes[f"body:{b.id}"]["type"] == ("office" if b.office else "body")
        assert sum(1 for _, _, d in g.in_edges(f"body:{b.id}", data=True)
                   if d["type"] in ("seat_of", "adjunct_of")) == len(b.seats)


def test_compiled_once_per_bylaw_object_and_frozen():
    bylaw = governance.load("laholmsbukten")
    assert compile_graph(bylaw) is compile_graph(bylaw) is compile_graph(bylaw)
    with pytest.raises(nx.NetworkXError):
        compile_graph(bylaw).add_node("x")
    # An equal bylaw from another file has other citations, so it gets its own graph.
    again = governance.parse(Path(bylaw.path).read_text(encoding="utf-8"), "elsewhere.bylaw")
    assert again == bylaw and compile_graph(again) is not compile_graph(bylaw)
    assert {d["citation"].file for *_, d in compile_graph(again).edges(data=True)} == {"elsewhere.bylaw"}
    assert nx.utils.edges_equal(build_graph(bylaw).edges, compile_graph(bylaw).edges)


def test_laholmsbukten_edges():
    g = compile_graph(governance.load("laholmsbukten"))
    types = {(u, v, d["type"]) for u, v, d in g.edges(data=True)}
    assert ("seat:styrgruppen/halmstad/kso", "body:styrgruppen", "seat_of") in types
    assert ("seat:styrgruppen/halmstad/kso", "member:halmstad", "represents") in types
    assert ("body:referensgruppen", "body:styrgruppen", "requires") in types
    assert ("body:sekretariatet", "body:styrgruppen", "convenes") in types
    assert ("member:halmstad", "body:sekretariatet", "hosts") in types
    assert g.nodes["body:sekretariatet"]["type"] == "office"


def test_chairs_secretary_convener_adjunct_and_pools():
    bylaw = governance.parse(BASE + '''
body kansliet "Kansliet" office
  convenes radet
body radet "Rådet"
  seat kso from each municipality
  seat chef from each municipality adjunct
  seat expert from any municipality
  seat samordnare
  chair kso rotating among a, b every 2 years from 2024
  vice chair kso next in rotation
  secretary samordnare
  convener chair
  decides budget
''')
    g = compile_graph(bylaw)
    edges = {(u, d["type"], d.get("vice")) for u, v, d in g.in_edges("body:radet", data=True)}
    assert {("seat:radet/a/kso", "chairs", False), ("seat:radet/b/kso", "chairs", False),
            ("seat:radet/a/kso", "chairs", True)} <= edges
    assert ("seat:radet/c/kso", "chairs", False) not in edges
    assert ("seat:radet/c/chef", "adjunct_of", None) in edges
    assert g.has_edge("body:radet", "matter:budget")
    [secretary] = who_keeps_minutes(bylaw, "radet")
    assert secretary.ref == "samordnare" and secretary.nodes == ("seat:radet/samordnare",)
    conveners = who_convenes(bylaw, "radet")
    assert [p.ref for p in conveners] == ["kansliet", "chair"]  # in the order of the bylaw's lines
    assert conveners[1].accepts("a/kso") and not conveners[1].accepts("c/kso")
    assert conveners[0].accepts("kansliet")
    held = seats_of_member(bylaw, "c")
    assert [(h.body, h.seat.role, h.pooled) for h in held] == [
        ("radet", "chef", False), ("radet", "expert", True), ("radet", "kso", False)]


# ---- queries -------------------------------------------------------------------------------------------
def test_laholmsbukten_queries():
    bylaw = governance.load("laholmsbukten")
    [step] = preparation_chain(bylaw, "styrgruppen")
    assert (step.by, step.step, step.to, step.action) == ("referensgruppen", "prepared", "styrgruppen", "prepare")
    assert step.citation.quote == "Alla ärenden som går till styrgruppen ska ha beretts av referensgruppen."
    assert preparation_chain(bylaw, "referensgruppen") == ()
    assert [p.ref for p in who_convenes(bylaw, "styrgruppen")] == ["sekretariatet"]
    assert [(h.body, h.seat.role) for h in seats_of_member(bylaw, "laholm")] == [
        ("referensgruppen", "kommundirektor"), ("styrgruppen", "kso"), ("styrgruppen", "opposition")]
    assert reachable(bylaw, "sekretariatet") == {"styrgruppen", "referensgruppen"}
    assert reachable(bylaw, "styrgruppen") == frozenset()


def test_chain_is_transitive_typed_and_ordered():
    bylaw = governance.parse(BASE + '''
body x "X"
  seat s from each municipality
body y "Y"
  seat s from each municipality
body z "Z"
  seat s from each municipality
body w "W"
  seat s from each municipality
rule all matters to z proposed by y
rule all matters to y prepared by x
rule all matters of type budget to z prepared by w
''')
    assert [str(s) for s in preparation_chain(bylaw, "z")] == ["x prepared → y", "y proposed → z"]
    assert [str(s) for s in preparation_chain(bylaw, "z", "budget")] == [
        "x prepared → y", "y proposed → z", "w prepared → z"]
    assert preparation_chain(bylaw, "x") == ()


def test_vasterbotten_budget_is_proposed_by_stodgruppen():
    bylaw = governance.load("vasterbotten-planbygg")
    [step] = preparation_chain(bylaw, "samverkansgruppen", "budget")
    assert (step.by, step.action) == ("stodgruppen", "propose")
    assert preparation_chain(bylaw, "samverkansgruppen", "uppfoljning") == ()


# ---- lint ----------------------------------------------------------------------------------------------
def _lint(tmp_path, text):
    path = tmp_path / "t.bylaw"
    path.write_text(text, encoding="utf-8")
    return [(d.code, d.severity.value, d.message, d.span.line) for d in lint(path).diagnostics
            if d.code in ("preparation-cycle", "unreachable-body")]


def test_lint_preparation_cycle_and_unreachable(tmp_path):
    text = BASE + '''body x "X"
  seat s from each municipality
  prepares matters for y
body y "Y"
  seat s from each municipality
body ensam "Ensam" office
rule all matters to x proposed by y
'''
    assert sorted(_lint(tmp_path, text)) == [
        ("preparation-cycle", "error", "matters are prepared in a circle: x → y → x", 8),
        ("unreachable-body", "warning", "nothing links to body 'ensam': it has no seats and no relation to "
         "another body", 11),
    ]


@pytest.mark.parametrize("bylaw_id", SHIPPED)
def test_shipped_bylaws_have_no_cycles_or_unreachable_bodies(bylaw_id):
    bylaw = governance.load(bylaw_id)
    assert unreachable_bodies(bylaw) == ()
    assert not [d for d in lint(bylaw_id).diagnostics if d.code in ("preparation-cycle", "unreachable-body")]


# ---- pictures ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("bylaw_id", SHIPPED)
@pytest.mark.parametrize("fmt,suffix", [("dot", "dot"), ("mermaid", "mmd"), ("json", "json")])
def test_pictures_golden(bylaw_id, fmt, suffix):
    golden(f"{bylaw_id}.{suffix}", draw.render(governance.load(bylaw_id), fmt))


@pytest.mark.parametrize("bylaw_id", SHIPPED)
def test_json_is_node_link_data_of_the_whole_graph(bylaw_id):
    bylaw = governance.load(bylaw_id)
    data = json.loads(draw.to_json(bylaw))
    back = nx.node_link_graph(data, edges="links")
    assert back.number_of_nodes() == compile_graph(bylaw).number_of_nodes()
    assert back.number_of_edges() == compile_graph(bylaw).number_of_edges()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize("bylaw_id", SHIPPED)
def test_svg_is_made_by_graphviz(bylaw_id):
    svg = draw.to_svg(governance.load(bylaw_id))
    root = ET.fromstring(svg.encode())
    assert root.tag.endswith("svg")
    assert "Förklaring" in svg


def test_graph_command(capsys, monkeypatch, tmp_path):
    assert main(["graph", "laholmsbukten", "--format", "mermaid"]) == 0
    assert capsys.readouterr().out.startswith("flowchart LR")
    out = tmp_path / "g.json"
    assert main(["graph", "laholmsbukten", "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["graph"]["bylaw"] == "laholmsbukten"
    assert main(["graph", "no-such-bylaw"]) == 2
    assert "unknown-bylaw" in capsys.readouterr().err
    for lang, said in (("sv", "governance graph: kan inte skriva "), ("en", "governance graph: cannot write ")):
        assert main(["graph", "laholmsbukten", "--format", "json", "-o", str(tmp_path / "no" / "g.json"),
                     "--lang", lang]) == 2
        assert capsys.readouterr().err.startswith(said)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["graph", "laholmsbukten", "--format", "svg"]) == 2
    err = capsys.readouterr().err
    assert "Graphviz är inte installerat" in err and len(err.strip().splitlines()) == 1
    assert main(["graph", "laholmsbukten", "--format", "svg", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Graphviz is not installed" in err and len(err.strip().splitlines()) == 1

