"""Layers that read one way: governance's own imports form no cycle, between modules or between the rooms
(subpackages, root modules) that group them, and the web page and the command line call the library, not
each other. Read from the source with `ast`, so a lazy import inside a function counts as much as one at
the top; an import under `if TYPE_CHECKING:` never runs and names a type only, so it does not.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

# Slow as a whole (the import graph of the whole package read from its source):
# `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.slow

PACKAGE = Path(__file__).resolve().parent.parent / "governance"

# The parser's transformer builds the model's own nodes (model/types.py, with the dispatch over their kinds
# in model/clauses.py) and model/from_ast.py resolves names over the syntax tree: the model's nodes sit
# below syntax/, the rest of model/ above it.
NODES = ("governance.model.types", "governance.model.clauses")


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


MODULES = _modules()


def _type_checking_only(tree: ast.Module) -> set[int]:
    """ids of import nodes under `if TYPE_CHECKING:`."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(id(sub) for stmt in node.body for sub in ast.walk(stmt))
    return inside


def _owner(name: str) -> str:
    """The module a dotted name lives in (`governance.check.RULES` → `governance.check`)."""
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def imports(module: str) -> set[str]:
    """The governance modules `module` imports when it runs (at its top or inside a function)."""
    path, is_package = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    package = module if is_package else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            names = [f"{source}.{alias.name}" for alias in node.names]
        else:
            continue
        out.update(_owner(name) for name in names if name.split(".")[0] == "governance")
    # The package's own __init__ runs before any of its modules anyway (and nothing but `__version__` is
    # read from it, test below): importing it is not an arrow between layers.
    out.discard("governance")
    out.discard(module)
    return out


def module_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for module in MODULES:
        graph.add_node(module)
        graph.add_edges_from((module, target) for target in imports(module))
    return graph


def room(module: str) -> str:
    """governance.check.rules.quorum → governance.check; a root module is a room of its own."""
    if module in NODES:
        return "governance.model.types"
    return ".".join(module.split(".")[:2])


def room_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for a, b in module_graph().edges:
        if room(a) != room(b):
            graph.add_edge(room(a), room(b), via=f"{a} → {b}")
    return graph


def test_no_module_imports_another_that_imports_it_back():
    cycles = sorted(nx.simple_cycles(module_graph()), key=len)
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(c + c[:1]) for c in cycles[:10])


def test_the_rooms_read_one_way():
    graph = room_graph()
    cycles = sorted(nx.simple_cycles(graph), key=len)
    said = []
    for cycle in cycles[:5]:
        said.append(" → ".join(cycle + cycle[:1]) + "\n    " + "\n    ".join(
            graph.edges[a, b]["via"] for a, b in zip(cycle, cycle[1:] + cycle[:1])))
    assert not cycles, "rooms importing each other back:\n" + "\n".join(said)


def test_the_model_does_not_know_the_stages_after_it():
    later = ("governance.graph", "governance.check", "governance.report", "governance.loader",
             "governance.commands", "governance.web")
    for module, target in module_graph().edges:
        if module.startswith(("governance.model", "governance.syntax")):
            assert not target.startswith(later), f"{module} imports {target}"


@pytest.mark.parametrize("web", ["governance.web", "governance.webserver"])
def test_the_web_page_calls_the_library_not_the_command_line(web):
    assert not {t for t in imports(web) if t.startswith(("governance.commands", "governance.cli"))}


def test_the_command_line_calls_the_library_not_the_web_page():
    # `governance serve` starts the page's server; no other command reaches into the page.
    for module in MODULES:
        if module.startswith("governance.commands") and module != "governance.commands.serve":
            assert not {t for t in imports(module) if t.startswith(("governance.web",))}, module


def test_only_the_version_is_read_from_the_package_root():
    for module, (path, is_package) in MODULES.items():
        if module == "governance":
            continue
        package = module if is_package else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                source = (".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                          if node.level else node.module)
                if node.level and node.module:
                    source = f"{source}.{node.module}"
                if source == "governance":
                    assert {a.name for a in node.names} <= {"__version__"}, (module, ast.unparse(node))


def test_the_test_sees_a_cycle_when_there_is_one(tmp_path, monkeypatch):
    # The oracle above must be able to fail: a module importing its importer is seen.
    graph = module_graph()
    graph.add_edge("governance.model.types", "governance.check")
    assert list(nx.simple_cycles(graph))
    assert "governance.graph.from_model" in imports("governance.graph.draw")
    assert "governance.check" in imports("governance.check.action")  # `from . import RULES`
