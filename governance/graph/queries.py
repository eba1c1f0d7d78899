"""Questions the checks ask of the process graph: who must prepare a matter before a body decides it, who
convenes a body and keeps its minutes, where a member sits.

Every answer is a tuple of frozen values, each with the citation of the clause it rests on, sorted. Answers
are kept with the bylaw object (`Bylaw.derived`), so a check may ask the same question for every
meeting of a calendar without cost.
"""
from __future__ import annotations

from typing import Callable, NamedTuple, TypeVar

from ..model import types as t
from ..model.citation import Citation
from .from_model import FLOW_TYPES, body_key, compiled, member_key, node_id

T = TypeVar("T")

# Body → body edges along which work moves on (for `reachable`).
_ONWARD = FLOW_TYPES | {"executes", "reports_to"}


class Step(NamedTuple):
    """One mandatory step of a preparation chain: `by` must have `step` (prepared|proposed) the matter before
    it goes to `to`. `matters` are the matter types the rule names (None: all matters)."""

    by: str
    step: str
    to: str
    matters: tuple[str, ...] | None
    citation: Citation

    @property
    def action(self) -> str:
        """The calendar action that fulfils the step: prepare | propose."""
        return "prepare" if self.step == "prepared" else "propose"

    def __str__(self) -> str:
        return f"{self.by} {self.step} → {self.to}"


class Party(NamedTuple):
    """Who holds a duty towards a body (convener, secretary): `ref` as the bylaw writes it ("chair",
    "sekretariatet", "region-vasterbotten/samordnare") and the graph nodes it resolves to."""

    ref: str
    nodes: tuple[str, ...]
    citation: Citation

    def names(self) -> frozenset[str]:
        """Every name a calendar may use for this party: the ref, the ids of bodies and members it resolves
        to, and seat references (MEMBER/ROLE, or ROLE for a fixed seat)."""
        out = {self.ref}
        for key in self.nodes:
            kind, rest = key.split(":", 1)
            if kind == "seat":
                parts = rest.split("/")
                out.add("/".join(parts[1:]))
                out.add(parts[-1])
            else:
                out.add(rest)
        return frozenset(out)

    def accepts(self, name: str) -> bool:
        return name in self.names()


class Holding(NamedTuple):
    """A seat a member holds (or, `pooled`, may take) in a body."""

    body: str
    seat: t.Seat
    pooled: bool
    citation: Citation


def _memo(bylaw: t.Bylaw, key: tuple, compute: Callable[[], T]) -> T:
    return bylaw.derived.get(("query", *key), compute)


def _line(data: dict) -> tuple:
    return (data["rule"].span.start, data["citation"].line)


def requirements_into(bylaw: t.Bylaw, body: str, matter_type: str | None = None) -> list[tuple[str, dict]]:
    """The `requires` edges into `body` that apply to a matter of `matter_type`, in bylaw order.

    A rule naming types applies only to matters of those types; an untyped matter meets only the rules
    for all matters."""
    g = compiled(bylaw).graph
    key = body_key(body)
    if key not in g:
        return []
    found = [(node_id(u), d) for u, _, d in g.in_edges(key, data=True)
             if d["type"] == "requires" and (d["matters"] is None or matter_type in d["matters"])]
    return sorted(found, key=lambda e: (_line(e[1]), e[0]))


def preparation_chain(bylaw: t.Bylaw, body: str, matter_type: str | None = None) -> tuple[Step, ...]:
    """The mandatory steps a matter (of `matter_type`) must pass before `body` may decide it, earliest
    first: every `rule all matters … to B prepared|proposed by A`, followed back transitively.

    No body appears twice (a body that must act for two later steps acts once, at its first place), and a
    cycle — which `lint` reports — ends the walk instead of looping."""
    def compute() -> tuple[Step, ...]:
        steps: list[Step] = []
        seen = {body}

        def visit(target: str) -> None:
            for by, data in requirements_into(bylaw, target, matter_type):
                if by in seen:
                    continue
                seen.add(by)
                visit(by)
                steps.append(Step(by, data["step"], target, data["matters"], data["citation"]))

        visit(body)
        return tuple(steps)

    return _memo(bylaw, ("chain", body, matter_type), compute)


def _parties(bylaw: t.Bylaw, body: str, kind: str) -> tuple[Party, ...]:
    g = compiled(bylaw).graph
    key = body_key(body)
    if key not in g:
        return ()
    groups: dict[int, tuple[dict, list[str]]] = {}
    for u, _, d in g.in_edges(key, data=True):
        if d["type"] == kind:
            groups.setdefault(id(d["rule"]), (d, []))[1].append(u)
    parties = [Party(d.get("ref") or node_id(nodes[0]), tuple(sorted(nodes)), d["citation"])
               for d, nodes in groups.values()]
    return tuple(sorted(parties, key=lambda p: (p.citation.line, p.ref)))


def who_convenes(bylaw: t.Bylaw, body: str) -> tuple[Party, ...]:
    """Who convenes `body`: its `convener` clause, and any body that `convenes` it."""
    return _memo(bylaw, ("convenes", body), lambda: _parties(bylaw, body, "convenes"))


def who_keeps_minutes(bylaw: t.Bylaw, body: str) -> tuple[Party, ...]:
    """Who is the secretary of `body` (keeps its minutes)."""
    return _memo(bylaw, ("secretary", body), lambda: _parties(bylaw, body, "secretary_of"))


def seats_of_member(bylaw: t.Bylaw, member: str) -> tuple[Holding, ...]:
    """Every seat `member` holds, by body and role, and the pooled seats (`from any KIND`) it may take."""
    def compute() -> tuple[Holding, ...]:
        g = compiled(bylaw).graph
        key = member_key(member)
        if key not in g:
            return ()
        kind = g.nodes[key]["kind"]
        out: list[Holding] = []
        for seat_node, _, d in g.in_edges(key, data=True):
            if d["type"] == "represents":
                attrs = g.nodes[seat_node]
                out.append(Holding(attrs["body"], attrs["seat"], False, d["citation"]))
        for node, attrs in g.nodes(data=True):
            if attrs["type"] == "seat" and attrs["pool"] in ("member", kind):
                citation = next(d["citation"] for _, _, d in g.out_edges(node, data=True))
                out.append(Holding(attrs["body"], attrs["seat"], True, citation))
        return tuple(sorted(out, key=lambda h: (h.body, h.seat.role, h.pooled)))

    return _memo(bylaw, ("seats", member), compute)


def reachable(bylaw: t.Bylaw, body: str) -> frozenset[str]:
    """The bodies a matter at `body` can move on to: prepared, proposed, executed or reported onwards."""
    def compute() -> frozenset[str]:
        g = compiled(bylaw).graph
        seen: set[str] = set()
        todo = [body_key(body)]
        while todo:
            node = todo.pop()
            for _, v, d in g.out_edges(node, data=True) if node in g else ():
                if d["type"] in _ONWARD and v not in seen and v.startswith("body:"):
                    seen.add(v)
                    todo.append(v)
        return frozenset(node_id(v) for v in seen) - {body}

    return _memo(bylaw, ("reachable", body), compute)


def unreachable_bodies(bylaw: t.Bylaw) -> tuple[str, ...]:
    """Bodies nothing links to: no seat, no relation in or out (a body's link to itself does not count)."""
    def compute() -> tuple[str, ...]:
        g = compiled(bylaw).graph
        out = []
        for b in bylaw.bodies:
            key = body_key(b.id)
            if key in g and not any(u != v for u, v in (*g.in_edges(key), *g.out_edges(key))):
                out.append(b.id)
        return tuple(sorted(out))

    return _memo(bylaw, ("unreachable",), compute)


def flow_cycles(bylaw: t.Bylaw) -> list[list[tuple[str, dict]]]:
    """Cycles of preparation/proposal between bodies, each as [(body, edge data to the next body), …],
    starting at its alphabetically first body; self-loops (which the model already rejects) are left out.
    Kept with the bylaw (and by bylaw_cache, so a warm `lint` never loads networkx); the lists are copies."""
    kept = _memo(bylaw, ("cycles",), lambda: _flow_cycles(bylaw))
    return [list(cycle) for cycle in kept]


def _flow_cycles(bylaw: t.Bylaw) -> tuple[tuple[tuple[str, dict], ...], ...]:
    import networkx as nx

    g = compiled(bylaw).graph
    flow = nx.DiGraph()
    for u, v, d in g.edges(data=True):
        if d["type"] in FLOW_TYPES and u != v:
            if not flow.has_edge(u, v) or _line(d) < _line(flow.edges[u, v]["data"]):
                flow.add_edge(u, v, data=d)
    cycles = []
    for cycle in nx.simple_cycles(flow):
        i = cycle.index(min(cycle))
        cycle = cycle[i:] + cycle[:i]
        cycles.append([(node_id(u), flow.edges[u, cycle[(j + 1) % len(cycle)]]["data"])
                       for j, u in enumerate(cycle)])
    return tuple(tuple(c) for c in sorted(cycles, key=lambda c: [b for b, _ in c]))
