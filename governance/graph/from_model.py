"""Bylaw → process graph: a `networkx.MultiDiGraph` with typed nodes and typed edges.

Nodes (key → attribute `type`):
  ``member:ID`` member · ``body:ID`` body or office · ``seat:BODY/MEMBER/ROLE`` (``seat:BODY/ROLE`` for a
  fixed or pooled seat) seat · ``matter:ID`` matter type.
Edges (attribute `type`), each with `rule` (the model node it comes from) and `citation`:
  seat_of / adjunct_of (seat → body), represents (seat → member), chairs (seat → body; `vice`, `how`),
  convenes, secretary_of, agenda, spokesperson (seat|body|member → body), prepares, proposes, executes,
  appoints, reports_to (body → body, `matters`), decides (body → matter, or body → itself for any matter),
  responsible (body → matter), hosts (member → body), uses (body → seat), requires (body → body: the
  mandatory path of `rule all matters … to B prepared|proposed by A`, drawn A → B, with `step`).

Compilation is pure; `compile_graph` keeps the graph with the bylaw *object* (`Bylaw.derived`; not per equal
bylaw: spans and the file path are left out of equality, and the citations in the graph depend on them).
The graph returned is frozen.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..model import types as t
from ..model.clauses import Dispatch
from ..model.citation import cite

if TYPE_CHECKING:
    import networkx as nx

EDGE_TYPES = ("seat_of", "adjunct_of", "represents", "chairs", "convenes", "secretary_of", "agenda",
              "spokesperson", "prepares", "proposes", "requires", "executes", "decides", "responsible",
              "hosts", "appoints", "reports_to", "uses")
# Edges along which a matter travels towards a decision: what preparation chains and cycles are made of.
FLOW_TYPES = frozenset({"prepares", "proposes", "requires"})
_CHAIR_HOW = {t.FixedChair: "fixed", t.ElectedChair: "elected", t.RotatingChair: "rotating",
              t.NextInRotation: "next"}


def member_key(member_id: str) -> str:
    return f"member:{member_id}"


def body_key(body_id: str) -> str:
    return f"body:{body_id}"


def matter_key(matter_id: str) -> str:
    return f"matter:{matter_id}"


def seat_key(body_id: str, seat: t.Seat) -> str:
    return f"seat:{body_id}/{seat.member}/{seat.role}" if seat.member else f"seat:{body_id}/{seat.role}"


def node_id(key: str) -> str:
    """The model id in a node key: 'body:styrgruppen' → 'styrgruppen'."""
    return key.split(":", 1)[1]


class Compiled(NamedTuple):
    """A compiled bylaw: its frozen graph."""

    bylaw: t.Bylaw
    graph: nx.MultiDiGraph


def compiled(bylaw: t.Bylaw) -> Compiled:
    """This bylaw object's compilation, made on first use and kept with the object (`Bylaw.derived`):
    no process-wide cache, and a bylaw equal to another but read from elsewhere gets its own citations."""
    import networkx as nx  # on use: a check whose answers come from the bylaw cache never loads it
    return bylaw.derived.get("graph", lambda: Compiled(bylaw, nx.freeze(build_graph(bylaw))))


def compile_graph(bylaw: t.Bylaw) -> nx.MultiDiGraph:
    """The process graph of a bylaw, compiled once per bylaw object; frozen (read-only)."""
    return compiled(bylaw).graph


def build_graph(bylaw: t.Bylaw) -> nx.MultiDiGraph:
    """Compile without the cache; the result is a fresh, mutable graph."""
    return _Compiler(bylaw).run()


class _Compiler:
    def __init__(self, bylaw: t.Bylaw):
        self.bylaw = bylaw
        import networkx as nx
        self.g = nx.MultiDiGraph(bylaw=bylaw.id, title=bylaw.title)

    def edge(self, u: str, v: str, kind: str, rule: t.Node, **attrs) -> None:
        # A reference the model could not resolve (lint still compiles broken bylaws) gets no edge.
        if u in self.g and v in self.g:
            self.g.add_edge(u, v, type=kind, rule=rule, citation=cite(self.bylaw, rule), **attrs)

    def run(self) -> nx.MultiDiGraph:
        g, bylaw = self.g, self.bylaw
        for m in bylaw.members:
            g.add_node(member_key(m.id), type="member", id=m.id, name=m.name, kind=m.kind, code=m.code)
        for matter in bylaw.matters:
            g.add_node(matter_key(matter.id), type="matter", id=matter.id, name=matter.title)
        for b in bylaw.bodies:
            g.add_node(body_key(b.id), type="office" if b.office else "body", id=b.id, name=b.name,
                       office=b.office)
        for b in bylaw.bodies:
            self.seats(b)
        for b in bylaw.bodies:
            self.clauses(b)
        for rule in bylaw.rules:
            if isinstance(rule, t.Requirement):
                self.edge(body_key(rule.by), body_key(rule.body), "requires", rule, step=rule.step,
                          matters=rule.matters)
        return g

    # ---- seats ----
    def seats(self, body: t.Body) -> None:
        decls = {d.role: d for d in body.of(t.SeatDecl)}
        for seat in body.seats:
            key = seat_key(body.id, seat)
            decl = decls.get(seat.role) or body
            self.g.add_node(key, type="seat", body=body.id, member=seat.member, role=seat.role,
                            title=seat.title, min=seat.min, max=seat.max, adjunct=seat.adjunct, pool=seat.pool,
                            seat=seat, **({"by_population": True} if seat.formula is not None else {}))
            self.edge(key, body_key(body.id), "adjunct_of" if seat.adjunct else "seat_of", decl)
            if seat.member:
                self.edge(key, member_key(seat.member), "represents", decl)

    def seats_of_role(self, body: t.Body, role: str, members: tuple[str, ...] | None = None) -> list[str]:
        return [seat_key(body.id, s) for s in body.seats
                if s.role == role and (members is None or s.member in members)]

    def chair_seats(self, body: t.Body, spec: t.ChairSpec) -> list[str]:
        if isinstance(spec, t.FixedChair):
            return self.ref_nodes(body, spec.ref, chair=False)
        if isinstance(spec, t.RotatingChair):
            return self.seats_of_role(body, spec.role, spec.among)
        if isinstance(spec, t.NextInRotation):
            main = body.chair.spec if body.chair else None
            among = main.among if isinstance(main, t.RotatingChair) else None
            return self.seats_of_role(body, spec.role, among)
        return self.seats_of_role(body, spec.role)

    def ref_nodes(self, body: t.Body, ref: t.Ref, chair: bool = True) -> list[str]:
        """The nodes a seat reference names in `body`: seats, or another body/member named bare."""
        if isinstance(ref, t.ChairRef):
            spec = body.chair.spec if chair and body.chair else None
            return self.chair_seats(body, spec) if spec else []
        if ref.member is None:
            seats = self.seats_of_role(body, ref.role)
            if seats:
                return seats
            for key in (body_key(ref.role), member_key(ref.role)):
                if key in self.g:
                    return [key]
            return []
        exact = [seat_key(body.id, s) for s in body.seats if s.role == ref.role and s.member == ref.member]
        if exact:
            return exact
        # A pooled seat (`seat x from any region`) held by the named member.
        kind = self.g.nodes[member_key(ref.member)]["kind"] if member_key(ref.member) in self.g else None
        return [seat_key(body.id, s) for s in body.seats
                if s.role == ref.role and s.member is None and s.pool in ("member", kind)]

    # ---- body clauses ----
    def clauses(self, body: t.Body) -> None:
        for c in body.clauses:
            EDGES(c, self, body)

    def chair(self, body: t.Body, c: t.Chair) -> None:
        how = _CHAIR_HOW[type(c.spec)]
        for seat in self.chair_seats(body, c.spec):
            self.edge(seat, body_key(body.id), "chairs", c, vice=c.vice, how=how)

    def office(self, body: t.Body, c: t.Secretary | t.Convener | t.Spokesperson) -> None:
        me = body_key(body.id)
        kind = {t.Secretary: "secretary_of", t.Convener: "convenes", t.Spokesperson: "spokesperson"}[type(c)]
        for source in self.ref_nodes(body, c.ref) or [me]:
            self.edge(source, me, kind, c, ref=str(c.ref))

    def agenda(self, body: t.Body, c: t.AgendaPreparedBy) -> None:
        me = body_key(body.id)
        for ref in c.refs:
            for source in self.ref_nodes(body, ref) or [me]:
                self.edge(source, me, "agenda", c, ref=str(ref))

    def uses(self, body: t.Body, c: t.Uses) -> None:
        for seat in self.ref_nodes(body, c.ref):
            self.edge(body_key(body.id), seat, "uses", c, percent=str(c.percent))

    def relation(self, body: t.Body, rel: t.Relation) -> None:
        me = body_key(body.id)
        if rel.kind == "decides":
            if rel.matters is None:
                self.edge(me, me, "decides", rel, matters=None)
            for matter in rel.matters or ():
                self.edge(me, matter_key(matter), "decides", rel, matters=(matter,))
        elif rel.kind == "responsible":
            for matter in rel.targets:
                self.edge(me, matter_key(matter), "responsible", rel)
        elif rel.kind == "convenes":
            for target in rel.targets:
                self.edge(me, body_key(target), "convenes", rel, ref=body.id)
        else:  # prepares, proposes, executes, appoints, reports_to
            for target in rel.targets:
                self.edge(me, body_key(target), rel.kind, rel, matters=rel.matters)


# The edges each kind of body clause adds to the graph. Seats are nodes of their own (_Compiler.seats); the
# other clauses say how a body meets and decides, which the checks read from the model, not the graph.
EDGES: Dispatch[None] = Dispatch("graph", {
    t.Chair: _Compiler.chair,
    t.Secretary: _Compiler.office, t.Convener: _Compiler.office, t.Spokesperson: _Compiler.office,
    t.AgendaPreparedBy: _Compiler.agenda,
    t.HostedBy: lambda compiler, body, c: compiler.edge(member_key(c.member), body_key(body.id), "hosts", c),
    t.Uses: _Compiler.uses,
    t.Relation: _Compiler.relation,
}, nothing=(t.SeatDecl, t.MeetingRule, t.Quorum, t.Decision, t.VoteGroup, t.EqualInfluence, t.SummonsAll, t.Notice,
            t.Treats, t.Justering, t.Duty))
