"""One dispatch over clause types (issue 17 item 2): every consumer of a body's clauses — printer, document,
graph, its picture, diff, model builder — decides about every clause type in its table (governance/model/
clauses.py), and no hand-written chain of isinstance tests over clause types grows back beside them.
"""
from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from governance.model import types as t
from governance.model.clauses import CHAIR_SPECS, CLAUSE_TYPES, Dispatch

CONSUMERS = ("governance.syntax.printer", "governance.document.markdown", "governance.graph.from_model",
             "governance.graph.draw", "governance.drafting.diff", "governance.model.from_ast",
             "governance.drafting.lint")
PACKAGE = Path(__file__).resolve().parent.parent / "governance"


def tables(module_name: str) -> dict[str, Dispatch]:
    module = importlib.import_module(module_name)
    return {name: value for name, value in vars(module).items() if isinstance(value, Dispatch)}


ALL = [(f"{m}.{name}", table) for m in CONSUMERS for name, table in tables(m).items()]


@pytest.mark.parametrize("module_name", CONSUMERS)
def test_every_consumer_dispatches_over_the_clause_types(module_name):
    assert any(table.over == CLAUSE_TYPES for table in tables(module_name).values()), module_name


@pytest.mark.parametrize("name, table", ALL, ids=[name for name, _ in ALL])
def test_every_table_decides_about_every_type(name, table):
    assert table.undecided() == [], f"{name} ({table.name}) does not say what it does with {table.undecided()}"
    assert table.unknown() == [], f"{name} ({table.name}) lists {table.unknown()} wrongly"


def test_the_types_are_the_models():
    assert t.SeatDecl in CLAUSE_TYPES and t.Duty in CLAUSE_TYPES and t.Treats in CLAUSE_TYPES
    assert set(CHAIR_SPECS) == {t.FixedChair, t.ElectedChair, t.RotatingChair, t.NextInRotation}
    assert len(CLAUSE_TYPES) == len(set(CLAUSE_TYPES))


@dataclass(frozen=True, slots=True, kw_only=True)
class Newcomer(t.Node):
    """A clause type the consumers have not heard of."""


def test_a_new_clause_type_is_undecided_everywhere():
    # The oracle can fail: with one more type in the union, every clause table is found wanting.
    for name, table in ALL:
        if table.over != CLAUSE_TYPES:
            continue
        widened = Dispatch(table.name, table.handlers, nothing=table.nothing, over=CLAUSE_TYPES + (Newcomer,))
        assert widened.undecided() == ["Newcomer"], name
        with pytest.raises(TypeError, match="no handling for Newcomer"):
            widened(Newcomer())


def test_a_table_listing_a_type_twice_or_a_stranger_is_found():
    both = Dispatch("x", {t.Notice: lambda c: "n"}, nothing=(t.Notice, Newcomer))
    assert both.unknown() == ["Newcomer", "Notice"]


def test_calls_pass_the_context_first_and_the_nothing_types_give_the_default():
    table = Dispatch("x", {t.Notice: lambda who, c: f"{who}:{c.days}"}, nothing=(t.Duty,), default="-",
                     over=(t.Notice, t.Duty))
    assert table(t.Notice(days=5), "me") == "me:5"
    assert table(t.Duty(text="x"), "me") == "-"


def _isinstance_types(function: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance":
            for sub in ast.walk(node.args[1]):
                if isinstance(sub, ast.Attribute):
                    found.add(sub.attr)
                elif isinstance(sub, ast.Name):
                    found.add(sub.id)
    return found


def test_no_chain_of_isinstance_over_clause_types_grows_back():
    # Two kinds tested in one function is a question about a clause; three is a dispatch written by hand.
    kinds = {kind.__name__ for kind in CLAUSE_TYPES}
    chains = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                tested = _isinstance_types(node) & kinds
                if len(tested) >= 3:
                    chains.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {sorted(tested)}")
    assert not chains, "isinstance chains over clause types (use a Dispatch table):\n" + "\n".join(chains)
