"""The process graph as a picture or data: Graphviz dot, Mermaid, node-link JSON, and SVG through `dot`.

Pictures are for a lawyer reading the agreement, so they summarise: one box per body listing its seats
(roles × members), chair, secretary, meetings and decision rule; members in one cluster, joined to a body by
a single edge when every member sits in it; edges between boxes labelled in Swedish, one colour per type,
and a legend of the types drawn. The JSON is the whole graph, nothing summarised.
"""
from __future__ import annotations

import html
import json
import shutil
import subprocess
import textwrap
from collections import defaultdict
from pathlib import Path

import networkx as nx

from ..lang import MONTH_NAMES, Text
from ..model import types as t
from ..model.clauses import CHAIR_SPECS, Dispatch
from . import FORMATS  # noqa: F401 (part of this module's interface: the formats render takes)
from .from_model import FLOW_TYPES, body_key, compile_graph

# Swedish edge labels and one colour per edge type (colour-blind safe where it matters: the flow types).
LABELS = {
    "seat_of": "ledamot i", "adjunct_of": "adjungerad i", "represents": "företräder", "chairs": "ordförande",
    "convenes": "sammankallar", "secretary_of": "sekreterare", "agenda": "förbereder möten",
    "spokesperson": "talesperson", "prepares": "bereder", "proposes": "föreslår", "requires": "ska ha berett",
    "executes": "verkställer", "decides": "beslutar", "responsible": "ansvarar för", "hosts": "värd",
    "appoints": "utser", "reports_to": "rapporterar till", "uses": "använder",
}
COLOURS = {
    "seat_of": "#7f7f7f", "adjunct_of": "#bdbdbd", "represents": "#7f7f7f", "chairs": "#8c564b",
    "convenes": "#9467bd", "secretary_of": "#e377c2", "agenda": "#e377c2", "spokesperson": "#17becf",
    "prepares": "#1f77b4", "proposes": "#ff7f0e", "requires": "#d62728", "executes": "#2ca02c",
    "decides": "#000000", "responsible": "#bcbd22", "hosts": "#17becf", "appoints": "#8c564b",
    "reports_to": "#2ca02c", "uses": "#bcbd22",
}
KIND_SV = {"municipality": "kommun", "region": "region", "county-board": "länsstyrelse",
           "university": "lärosäte", "association": "förening", "company": "bolag", "other": "övrig"}
_MEMBERSHIP = ("seat_of", "adjunct_of", "represents")
# Edges from a body's own seats to the body: shown as lines in its box, not as arrows.
_IN_BOX = ("chairs", "convenes", "secretary_of", "agenda", "spokesperson", "uses")


class GraphvizMissing(RuntimeError):
    """`dot` is not installed (or failed), so no SVG can be made; `text` says so in both languages."""

    def __init__(self, text: Text):
        super().__init__(text.en)
        self.text = text


# ---- what a body's box says ----------------------------------------------------------------------------
def _every(n: int) -> str:
    return {1: "varje år", 2: "vartannat år", 3: "vart tredje år", 4: "vart fjärde år"}.get(n, f"vart {n}:e år")


def _count(seat: t.Seat) -> str:
    if seat.formula is not None:  # counted from each member's population: no number before the figures
        return "efter folkmängd"
    return str(seat.min) if seat.min == seat.max else f"{seat.min}–{seat.max}"


def _members_phrase(bylaw: t.Bylaw, members: list[str]) -> str:
    all_ids = [m.id for m in bylaw.members]
    municipalities = [m.id for m in bylaw.members if m.kind == "municipality"]
    if members == all_ids and len(all_ids) > 2:
        return f"varje medlem ({len(members)})"
    if members == municipalities and len(members) > 2:
        return f"varje kommun ({len(members)})"
    return ", ".join(members)


def seat_lines(bylaw: t.Bylaw, body: t.Body) -> list[str]:
    """One line per seat declaration: role, how many, from whom."""
    groups: dict[tuple, list[t.Seat]] = defaultdict(list)
    for seat in body.seats:
        groups[(seat.role, seat.adjunct, seat.pool)].append(seat)
    lines = []
    for (role, adjunct, pool), seats in groups.items():
        first = seats[0]
        name = first.title or role
        members = [s.member for s in seats if s.member]
        if pool:
            whom = f"{_count(first)} från valfri {KIND_SV.get(pool, 'medlem')}"
        elif members:
            whom = f"{_count(first)} från {_members_phrase(bylaw, members)}"
        else:
            whom = _count(first)
        lines.append(f"{name}: {whom}" + (" (adjungerad)" if adjunct else ""))
    return lines


def _decision_line(c: t.Decision) -> str:
    share = f"{c.share[0]}/{c.share[1]} " if c.share else ""
    per = {"seat": " per plats", "member": " per medlem", "group": " per grupp",
           "party": " per partigrupp"}.get(c.per or "", "")
    return "Beslut: " + {"consensus": "konsensus", "majority": f"{share}majoritet{per}"}[c.method]


def _rotating_line(spec: t.RotatingChair) -> str:
    among = ", ".join(spec.order or spec.among) if (spec.order or spec.among) else "alla medlemmar"
    start = f" från {spec.start}" if spec.start else ""
    return f"{spec.role}, roterar {_every(spec.every)}{start} ({among})"


CHAIR_LINE: Dispatch[str] = Dispatch("draw (chair)", {
    t.FixedChair: lambda spec: _ref_sv(spec.ref),
    t.ElectedChair: lambda spec: f"en av {spec.role}",
    t.RotatingChair: _rotating_line,
    t.NextInRotation: lambda spec: f"{spec.role}, nästa i rotationen",
}, over=CHAIR_SPECS)


def _chair_line(spec: t.ChairSpec) -> str:
    return CHAIR_LINE(spec) or ""


def _meeting_line(rule: t.MeetingRule) -> str:
    amount = {"at_least": f"minst {rule.low}", "at_most": f"högst {rule.high}", "about": f"ca {rule.low}",
              "between": f"{rule.low}–{rule.high}", "exactly": f"{rule.low}"}[rule.kind]
    soft = "som regel " if rule.soft else ""
    if rule.months:
        return f"{soft}{amount} i {_months_sv(rule.months)}"
    return f"{soft}{amount} per år"


def _months_sv(months: tuple[int, int]) -> str:
    first, last = (MONTH_NAMES["sv"][m - 1] for m in months)
    return first + (f"–{last}" if last != first else "")


def _quorum_line(q: t.Quorum) -> str:
    text = {"more_than_half": "mer än hälften", "fraction": f"{q.numerator}/{q.denominator}", "all": "alla",
            "at_least": f"minst {q.numerator}", "default": "enligt kommunallagen"}[q.kind]
    unit = {"seats": " av ledamöterna", "members": " av medlemmarna"}.get(q.unit or "", "")
    return text + unit


def body_lines(bylaw: t.Bylaw, body: t.Body) -> list[str]:
    """What a body's box lists under its name, in Swedish."""
    lines = seat_lines(bylaw, body)
    for c in body.clauses:
        line = BODY_LINE(c)
        if line is not None:
            lines.append(line)
    return lines


# What a body's box says of each clause, in Swedish (None: nothing). Seats are listed by seat_lines; a
# task is drawn as an edge, except deciding every matter, which has no matter node to point at.
BODY_LINE: Dispatch[str | None] = Dispatch("draw", {
    t.Chair: lambda c: ("Vice ordförande: " if c.vice else "Ordförande: ") + _chair_line(c.spec),
    t.Secretary: lambda c: f"Sekreterare: {_ref_sv(c.ref)}",
    t.Convener: lambda c: f"Sammankallande: {_ref_sv(c.ref)}",
    t.AgendaPreparedBy: lambda c: "Förbereder möten: " + ", ".join(_ref_sv(r) for r in c.refs),
    t.Spokesperson: lambda c: f"Talesperson: {_ref_sv(c.ref)}",
    t.MeetingRule: lambda c: f"Möten: {_meeting_line(c)}",
    t.Quorum: lambda c: f"Beslutförhet: {_quorum_line(c)}",
    t.Decision: _decision_line,
    t.VoteGroup: lambda c: f"Grupp {c.title or c.id}: {', '.join(c.members)}",
    t.EqualInfluence: lambda c: "Lika inflytande: en röst per medlem",
    t.SummonsAll: lambda c: "Kallar alla ledamöter",
    t.Notice: lambda c: f"Kallelse minst {c.days} dagar före",
    t.Justering: lambda c: f"Justering inom {c.days} dagar",
    t.Treats: lambda c: "Behandlar varje år: " + ", ".join(c.matters) + (f" ({_months_sv(c.months)})" if c.months
                                                                        else ""),
    t.Uses: lambda c: f"Använder {c.percent} % av {_ref_sv(c.ref)}",
    t.Relation: lambda c: "Beslutar i alla ärenden" if c.kind == "decides" and c.matters is None else None,
}, nothing=(t.SeatDecl, t.HostedBy, t.Duty))


# ---- the edges a picture shows -------------------------------------------------------------------------
def _label(data: dict) -> str:
    kind = data["type"]
    label = LABELS[kind]
    if kind == "requires":
        label = "ska ha berett" if data["step"] == "prepared" else "ska ha föreslagit"
    if kind == "chairs" and data.get("vice"):
        label = "vice ordförande"
    return label


def _matters_phrase(matters: list[tuple[str, ...] | None]) -> str:
    if any(m is None for m in matters):
        return ""
    return ": " + ", ".join(dict.fromkeys(x for m in matters for x in m))


def _required_suffix(relation: list, required: list) -> str:
    """" (krav)" when the rules require every matter the relation names, else which ones they require."""
    if not required:
        return ""
    if any(m is None for m in required):
        return " (krav)"
    needed = list(dict.fromkeys(x for m in required for x in m))
    named = None if any(m is None for m in relation) else {x for m in relation for x in m}
    if named is not None and named <= set(needed):
        return " (krav)"
    return f" (krav: {', '.join(needed)})"


def picture_edges(bylaw: t.Bylaw) -> tuple[list[tuple[str, str, str, str]], dict[str, tuple[str, str]]]:
    """The edges to draw, as (from, to, type, label) sorted, and the edges from a group of members:
    {body: (group, type)} where group is "member" (every member sits in the body) or a member kind (every
    member of that kind does). Seat-level edges are folded into the boxes; a mandatory path (`requires`)
    is drawn on the `prepares`/`proposes` edge it doubles, marked "(krav)"."""
    g = compile_graph(bylaw)
    sitting: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # body → member → kinds
    flows: dict[tuple[str, str, str], dict[str, list]] = {}
    drawn: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for u, v, d in g.edges(data=True):
        kind = d["type"]
        if kind == "represents":
            seat = g.nodes[u]
            sitting[body_key(seat["body"])][v].add("adjunct_of" if seat["adjunct"] else "seat_of")
        elif kind in _MEMBERSHIP or g.nodes[u]["type"] == "seat" or kind == "uses" or u == v:
            continue  # listed in the body's box instead
        elif kind in FLOW_TYPES:
            base = kind if kind != "requires" else ("prepares" if d["step"] == "prepared" else "proposes")
            entry = flows.setdefault((u, v, base), {"relation": [], "required": []})
            entry["required" if kind == "requires" else "relation"].append(d["matters"])
        else:
            drawn[(u, v, kind)].add(_label(d))
    out = [(u, v, kind, " / ".join(sorted(labels))) for (u, v, kind), labels in drawn.items()]
    for (u, v, base), entry in flows.items():
        if entry["relation"]:
            label = LABELS[base] + _matters_phrase(entry["relation"])
            out.append((u, v, base, label + _required_suffix(entry["relation"], entry["required"])))
        else:
            word = "ska ha berett" if base == "prepares" else "ska ha föreslagit"
            out.append((u, v, "requires", word + _matters_phrase(entry["required"]) + " (krav)"))
    groups: dict[str, tuple[str, str]] = {}
    everyone = {f"member:{m.id}": m.kind for m in bylaw.members}
    for body, by_member in sitting.items():
        def kind_of(members: set[str]) -> str:
            kinds = set.union(*(by_member[m] for m in members))
            return "seat_of" if "seat_of" in kinds else "adjunct_of"

        present = set(by_member)
        if present == set(everyone) and len(present) > 2:
            groups[body] = ("member", kind_of(present))
            continue
        rest = set(present)
        for member_kind in sorted(set(everyone.values())):
            of_kind = {m for m, k in everyone.items() if k == member_kind}
            if len(of_kind) > 2 and of_kind <= present and body not in groups:
                groups[body] = (member_kind, kind_of(of_kind))
                rest -= of_kind
        for member in rest:
            for kind in sorted(by_member[member]):
                out.append((member, body, kind, LABELS[kind]))
    return sorted(out), groups


def _wrap(label: str, width: int = 42) -> list[str]:
    return textwrap.wrap(label, width, break_on_hyphens=False) or [""]


def _ref_sv(ref) -> str:
    return "ordföranden" if isinstance(ref, t.ChairRef) else str(ref)


# ---- Graphviz ------------------------------------------------------------------------------------------
def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _html_box(title: str, lines: list[str], subtitle: str | None = None) -> str:
    rows = [f'<TR><TD ALIGN="CENTER"><B>{html.escape(title)}</B></TD></TR>']
    if subtitle:
        rows.append(f'<TR><TD ALIGN="CENTER"><I>{html.escape(subtitle)}</I></TD></TR>')
    rows += [f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10">{html.escape(line)}</FONT></TD></TR>'
             for line in lines]
    return '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1">' + "".join(rows) + "</TABLE>>"


KINDS_PLURAL_SV = {"municipality": "kommuner", "region": "regioner", "county-board": "länsstyrelser",
                   "university": "lärosäten", "association": "föreningar", "company": "bolag", "other": "övriga"}


def _member_groups(bylaw: t.Bylaw) -> list[tuple[str | None, list[t.Member]]]:
    """Members by kind, in order of first appearance; one group (None) if they are all of one kind."""
    by_kind: dict[str, list[t.Member]] = {}
    for m in bylaw.members:
        by_kind.setdefault(m.kind, []).append(m)
    if len(by_kind) == 1:
        return [(None, bylaw.members and list(bylaw.members))]
    return [(kind if len(ms) > 2 else None, ms) for kind, ms in by_kind.items()]


def _group_label(group: str) -> str:
    return "alla medlemmar" if group == "member" else f"alla {KINDS_PLURAL_SV.get(group, group)}"


def to_dot(bylaw: t.Bylaw) -> str:
    g = compile_graph(bylaw)
    edges, groups = picture_edges(bylaw)
    out = [f"digraph {_q(bylaw.id)} {{",
           f"  graph [rankdir=LR, compound=true, fontname=\"Helvetica\", labelloc=t, fontsize=16, "
           f"nodesep=0.3, ranksep=1.1, label={_q(bylaw.title)}];",
           '  node [fontname="Helvetica", fontsize=11];',
           '  edge [fontname="Helvetica", fontsize=10];']
    anchors: dict[str, str] = {}  # member group → a node inside its cluster, for compound edges
    if bylaw.members:
        out.append('  subgraph cluster_member {\n    label="Medlemmar"; style="rounded,filled"; '
                   'fillcolor="#f4f4f4"; color="#bbbbbb";')
        every = [f"member:{m.id}" for m in bylaw.members]
        anchors["member"] = every[len(every) // 2]
        for kind, ms in _member_groups(bylaw):
            if kind:
                out.append(f'    subgraph cluster_{kind.replace("-", "_")} {{ label={_q(KINDS_PLURAL_SV[kind].capitalize())}; '
                           'style="rounded,filled"; fillcolor="#fbfbfb"; color="#cccccc";')
                anchors[kind] = f"member:{ms[len(ms) // 2].id}"
            for m in ms:
                out.append(f"    {_q(f'member:{m.id}')} [shape=ellipse, style=filled, fillcolor=white, "
                           f"label={_q(m.name)}];")
            if kind:
                out.append("    }")
        out.append("  }")
    for b in bylaw.bodies:
        key = body_key(b.id)
        lines = body_lines(bylaw, b)
        if b.office:
            attrs = f'shape=box, style="rounded,filled", fillcolor="#e8e8e8", ' \
                    f'label={_html_box(b.name, lines, "kansli")}'
        else:
            attrs = f'shape=box, style=filled, fillcolor="#eaf2fb", label={_html_box(b.name, lines)}'
        out.append(f"  {_q(key)} [{attrs}];")
    for m in bylaw.matters:
        if g.degree(f"matter:{m.id}"):
            out.append(f"  {_q(f'matter:{m.id}')} [shape=note, style=filled, fillcolor=\"#fffbe6\", "
                       f"label={_q(m.title)}];")
    for body, (group, kind) in sorted(groups.items()):
        cluster = "cluster_" + group.replace("-", "_")
        label = f"{_group_label(group)}: {LABELS[kind]}"
        out.append(f"  {_q(anchors[group])} -> {_q(body)} [ltail={cluster}, color={_q(COLOURS[kind])}, "
                   f"fontcolor={_q(COLOURS[kind])}, label={_q(label)}];")
    for u, v, kind, label in edges:
        style = ', penwidth=2.2' if "(krav" in label else ""
        dashed = ', style=dashed' if kind in ("adjunct_of", "convenes", "secretary_of", "hosts") else ""
        text = "\\n".join(_wrap(label))
        out.append(f"  {_q(u)} -> {_q(v)} [color={_q(COLOURS[kind])}, fontcolor={_q(COLOURS[kind])}, "
                   f'label="{text}"{style}{dashed}];')
    out.append(_dot_legend(bylaw, edges, groups))
    out.append("}")
    return "\n".join(out) + "\n"


def _dot_legend(bylaw: t.Bylaw, edges, groups) -> str:
    kinds = sorted({kind for _, _, kind, _ in edges} | {kind for _, kind in groups.values()},
                   key=list(LABELS).index)
    rows = ['<TR><TD COLSPAN="2"><B>Förklaring</B></TD></TR>']
    for kind in kinds:
        label = LABELS[kind] if kind != "requires" else "ska ha berett / föreslagit"
        rows.append(f'<TR><TD><FONT COLOR="{COLOURS[kind]}">━━━▶</FONT></TD>'
                    f'<TD ALIGN="LEFT">{html.escape(label)}</TD></TR>')
    rows.append('<TR><TD>▭</TD><TD ALIGN="LEFT">organ (blå), kansli (grå, rundad)</TD></TR>')
    if any(compile_graph(bylaw).degree(f"matter:{m.id}") for m in bylaw.matters):  # only if one is drawn
        rows.append('<TR><TD>▯</TD><TD ALIGN="LEFT">ärendetyp (gul)</TD></TR>')
    if any("(krav" in label for *_, label in edges):
        rows.append('<TR><TD><B>(krav)</B></TD><TD ALIGN="LEFT">obligatoriskt steg enligt avtalet (fet pil)</TD></TR>')
    table = '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">' + "".join(rows) + "</TABLE>>"
    return (f'  subgraph cluster_legend {{\n    label=""; color="#bbbbbb";\n'
            f'    "legend" [shape=plaintext, fontsize=10, label={table}];\n  }}')


def to_svg(bylaw: t.Bylaw, dot_binary: str | None = None) -> str:
    """Render through Graphviz's `dot`; raises GraphvizMissing if it is not installed."""
    binary = dot_binary or shutil.which("dot")
    if binary is None:
        raise GraphvizMissing(Text("Graphviz är inte installerat (inget `dot` i PATH); installera det, t.ex. med "
                                   "`apt-get install graphviz`, eller använd --format dot|mermaid|json",
                                   "Graphviz is not installed (no `dot` on PATH); install it, e.g. "
                                   "`apt-get install graphviz`, or use --format dot|mermaid|json"))
    done = subprocess.run([binary, "-Tsvg"], input=to_dot(bylaw).encode(), capture_output=True, timeout=60)
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip()[:200]  # Graphviz's own words, in its English
        raise GraphvizMissing(Text(f"dot misslyckades: {said}", f"dot failed: {said}"))
    return done.stdout.decode()


# ---- Mermaid -------------------------------------------------------------------------------------------
def _mid(key: str) -> str:
    return key.replace(":", "_").replace("/", "_").replace("-", "_")


def _mtext(text: str) -> str:
    return html.escape(text).replace("&#x27;", "'")


def to_mermaid(bylaw: t.Bylaw) -> str:
    g = compile_graph(bylaw)
    edges, groups = picture_edges(bylaw)
    out = ["flowchart LR", f"  %% {bylaw.id}: {bylaw.title}"]
    if bylaw.members:
        out.append('  subgraph members["Medlemmar"]')
        for kind, ms in _member_groups(bylaw):
            if kind:
                out.append(f'    subgraph {_mid("kind:" + kind)}["{KINDS_PLURAL_SV[kind].capitalize()}"]')
            out += [f'    {_mid("member:" + m.id)}(["{_mtext(m.name)}"])' for m in ms]
            if kind:
                out.append("    end")
        out.append("  end")
    for b in bylaw.bodies:
        text = "<br/>".join([f"<b>{_mtext(b.name)}</b>", *(_mtext(x) for x in body_lines(bylaw, b))])
        shape = ('("', '")') if b.office else ('["', '"]')
        out.append(f"  {_mid(body_key(b.id))}{shape[0]}{text}{shape[1]}")
        out.append(f"  class {_mid(body_key(b.id))} {'office' if b.office else 'body'}")
    for m in bylaw.matters:
        if g.degree(f"matter:{m.id}"):
            out.append(f'  {_mid("matter:" + m.id)}[/"{_mtext(m.title)}"/]')
    links: list[str] = []
    for body, (group, kind) in sorted(groups.items()):
        source = "members" if group == "member" else _mid("kind:" + group)
        out.append(f'  {source} -->|"{_group_label(group)}: {LABELS[kind]}"| {_mid(body)}')
        links.append(kind)
    for u, v, kind, label in edges:
        out.append(f'  {_mid(u)} -->|"{"<br/>".join(_mtext(x) for x in _wrap(label))}"| {_mid(v)}')
        links.append(kind)
    for i, kind in enumerate(links):
        out.append(f"  linkStyle {i} stroke:{COLOURS[kind]},color:{COLOURS[kind]}")
    kinds = sorted(set(links), key=list(LABELS).index)
    if kinds:
        out.append('  subgraph legend["Förklaring"]')
        out += [f'    legend_{k}["{LABELS[k]}"]' for k in kinds]
        out.append("  end")
        out += [f"  style legend_{k} stroke:{COLOURS[k]},color:{COLOURS[k]}" for k in kinds]
    out.append("  classDef body fill:#eaf2fb,stroke:#4a6fa5")
    out.append("  classDef office fill:#e8e8e8,stroke:#777")
    return "\n".join(out) + "\n"


# ---- node-link JSON ------------------------------------------------------------------------------------
def _plain(value):
    if isinstance(value, t.Seat):
        return {"role": value.role, "member": value.member, "min": value.min, "max": value.max,
                "adjunct": value.adjunct, "pool": value.pool,
                **({"by_population": True} if value.formula is not None else {})}
    if isinstance(value, tuple):
        return list(value)
    return value


def to_json_data(bylaw: t.Bylaw) -> dict:
    """networkx node-link data of the whole graph; rules become their line, citations their quote."""
    g = compile_graph(bylaw)
    plain = nx.MultiDiGraph(bylaw=bylaw.id, title=bylaw.title, file=Path(bylaw.path).name)
    for node, attrs in g.nodes(data=True):
        plain.add_node(node, **{k: _plain(v) for k, v in attrs.items() if k != "seat"})
    for u, v, key, d in g.edges(keys=True, data=True):
        attrs = {k: _plain(v) for k, v in d.items() if k not in ("rule", "citation")}
        attrs["line"] = d["citation"].line
        attrs["quote"] = d["citation"].quote
        plain.add_edge(u, v, key=key, **attrs)
    data = nx.node_link_data(plain, edges="links")
    data["nodes"].sort(key=lambda n: n["id"])
    data["links"].sort(key=lambda e: (e["source"], e["target"], e["type"], e["line"], e["key"]))
    return data


def to_json(bylaw: t.Bylaw) -> str:
    return json.dumps(to_json_data(bylaw), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render(bylaw: t.Bylaw, fmt: str) -> str:
    return {"dot": to_dot, "mermaid": to_mermaid, "json": to_json, "svg": to_svg}[fmt](bylaw)
