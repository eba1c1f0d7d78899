"""Model → canonical bylaw source (`governance fmt`). `parse(print_bylaw(b)) == b` for every bylaw `b`."""
from __future__ import annotations

from ..model import types as t
from ..model.clauses import CHAIR_SPECS, Dispatch

INDENT = "  "


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ids(ids) -> str:
    return ", ".join(ids)


def _notes(notes: t.Notes, depth: int) -> list[str]:
    pad = INDENT * depth
    out = []
    if notes.cite is not None:
        source = f"{notes.cite_source} " if notes.cite_source else ""
        out.append(f"{pad}cite {source}{_q(notes.cite)}")
    if notes.section is not None:
        out.append(f"{pad}section {_q(notes.section)}")
    if notes.law is not None:
        quote = f" {_q(notes.law_quote)}" if notes.law_quote is not None else ""
        out.append(f"{pad}law {_q(notes.law)}{quote}")
    if notes.assume is not None:
        out.append(f"{pad}assume {_q(notes.assume)}")
    return out


def note_lines(notes: t.Notes) -> tuple[str, ...]:
    """A clause's notes as their own lines (`cite "…"`, `section "…"`, `law "…"`, `assume "…"`), unindented."""
    return tuple(_notes(notes, 0))


def form_text(form: t.LegalForm) -> str:
    """The `form` clause's words after `form`."""
    if form.kind == "kommunalforbund" and form.body_of("direktion"):
        return f"kommunalforbund with direktion {form.body_of('direktion')}"
    if form.kind == "kommunalforbund":
        return (f"kommunalforbund with forbundsfullmaktige {form.body_of('forbundsfullmaktige')} "
                f"and forbundsstyrelse {form.body_of('forbundsstyrelse')}")
    if form.kind == "gemensam-namnd":
        return f"gemensam-namnd {form.body_of('gemensam-namnd')} in vardkommun {form.host}"
    return form.kind


def _comments(node: t.Node, depth: int) -> list[str]:
    return [f"{INDENT * depth}{c}" for c in node.notes.comments]


def _month(n: int) -> str:
    return t.MONTHS[n - 1]


def _ref(ref: t.Ref) -> str:
    return str(ref)


def header_text(item: t.HeaderItem) -> str:
    """A header item as `fmt` writes it, one line without notes (also how `diff` shows it)."""
    key, v = item.key, item.value
    if key == "source":
        return f"source {v[1] + ' ' if len(v) > 1 else ''}{_q(v[0])}"
    if key == "form":
        return f"form {form_text(v[0])}"
    if key == "sate":
        return f"sate {_q(v[0])}"
    if key == "states":
        return f"states {v[0]}"
    if key == "signed":
        return f"signed {v[0].isoformat()}" + (f" in {_q(v[1])}" if v[1] is not None else "")
    if key == "binding":
        return f"binding {'yes' if v[0] else 'no'}"
    if key == "valid":
        start = f" from {v[0].isoformat()}" if v[0] else ""
        return f"valid{start} until " + (v[1].isoformat() if v[1] else "further notice")
    if key == "renewed":
        return f"renewed after each election for {v[0]} mandate {'period' if v[0] == 1 else 'periods'}"
    if key == "renewal":
        return "renewed " + ", ".join(d.isoformat() for d in v)
    if key == "amends":
        return f"amends {v[0]}" + (f" from {v[1].isoformat()}" if v[1] else "")
    if key in ("version", "duty"):
        return f"{key} {_q(v[0])}"
    if key == "status":
        return f"status {v[0]}"
    if key == "reviewed":
        return "reviewed yearly"
    raise ValueError(key)


def _holders(h: t.Holders) -> str:
    if h.mode == "fixed":
        return ""
    if h.mode == "listed":
        return f" from {_ids(h.members)}"
    return f" from {h.mode} {h.member_class}"


def formula_text(f: t.SeatFormula) -> str:
    """What follows `by population` on a seat line: `2 plus 1 per full 10000 inhabitants above 10000`."""
    text = f"{f.base} plus " if f.base else ""
    text += f"{f.step} per {f.rounding} {f.size} {'inhabitant' if f.size == 1 else 'inhabitants'}"
    if f.above:
        text += f" above {f.above}"
    if f.maximum is not None:
        text += f" at most {f.maximum}"
    if f.reference is not None:
        text += f" at {_month(f.reference[0])} {f.reference[1]}"
    return text


def _count(low: int, high: int) -> str:
    return f"{low}" if low == high else f"{low}..{high}"


def _rotating_text(spec: t.RotatingChair) -> str:
    among = "all members" if spec.among is None else _ids(spec.among)
    text = f"{spec.role} rotating among {among} every {spec.every} {'year' if spec.every == 1 else 'years'}"
    if spec.start is not None:
        text += f" from {spec.start}"
    if spec.order:
        text += f" order {_ids(spec.order)}"
    return text


CHAIR_TEXT: Dispatch[str] = Dispatch("fmt", {
    t.FixedChair: lambda spec: _ref(spec.ref),
    t.ElectedChair: lambda spec: f"one of {spec.role}",
    t.NextInRotation: lambda spec: f"{spec.role} next in rotation",
    t.RotatingChair: _rotating_text,
}, over=CHAIR_SPECS)


def _chair_spec(spec: t.ChairSpec) -> str:
    return CHAIR_TEXT(spec) or ""


def _matters(matters) -> str:
    return "matters" if matters is None else _ids(matters)


def quorum_text(q: t.Quorum) -> str:
    """What follows `quorum` in a clause: `more than half`, `2/3 of members` …"""
    spec = {"more_than_half": "more than half", "all": "all", "default": "default"}.get(q.kind)
    if q.kind == "fraction":
        spec = f"{q.numerator}/{q.denominator}"
    elif q.kind == "at_least":
        spec = f"at least {q.numerator}"
    return f"quorum {spec}" + (f" of {q.unit}" if q.unit else "")


def decision_text(c: t.Decision) -> str:
    if c.method == "consensus":
        return "decision by consensus"
    share = f"{c.share[0]}/{c.share[1]} " if c.share else ""
    base = {"votes": "", "present": " of present", "seats": " of all seats"}[c.base]
    per = f" per {c.per}" if c.per else ""
    return f"decision by {share}majority{base}{per}"


def _group_text(c: t.VoteGroup) -> str:
    title = f" {_q(c.title)}" if c.title is not None else ""
    return f"group {c.id}{title} of {_ids(c.members)}"


def _seat_text(c: t.SeatDecl) -> str:
    text = f"seat {c.role}"
    if c.title is not None:
        text += f" {_q(c.title)}"
    if (c.min, c.max) != (1, 1):
        text += f" {_count(c.min, c.max)}"
    text += _holders(c.holders)
    if c.adjunct:
        text += " adjunct"
    if c.substitutes:
        personal = " personal" if c.personal else ""
        text += f" with {c.substitutes}{personal} {'substitute' if c.substitutes == 1 else 'substitutes'}"
    if c.formula is not None:
        text += f" by population {formula_text(c.formula)}"
    return text


def _meets_text(c: t.MeetingRule) -> str:
    amount = {"at_least": f"at least {c.low}", "at_most": f"at most {c.high}", "about": f"about {c.low}",
              "between": f"{c.low}..{c.high}", "exactly": f"{c.low}"}[c.kind]
    soft = " as a rule" if c.soft else ""
    if c.months is None:
        return f"meets {amount} per year{soft}"
    return f"meets {amount} in {_window(c.months)}{soft}"


def _relation_text(c: t.Relation) -> str:
    if c.kind == "decides":
        return f"decides {_matters(c.matters)}"
    if c.kind in ("responsible",):
        return f"responsible for {_ids(c.targets)}"
    if c.kind in ("appoints", "convenes"):
        return f"{c.kind} {_ids(c.targets)}"
    if c.kind == "reports_to":
        return f"reports to {_ids(c.targets)}"
    joiner = "to" if c.kind == "proposes" else "for"
    return f"{c.kind} {_matters(c.matters)} {joiner} {_ids(c.targets)}"


CLAUSE_TEXT: Dispatch[str] = Dispatch("fmt", {
    t.SeatDecl: _seat_text,
    t.Chair: lambda c: ("vice chair " if c.vice else "chair ") + _chair_spec(c.spec),
    t.Secretary: lambda c: f"secretary {_ref(c.ref)}",
    t.Convener: lambda c: f"convener {_ref(c.ref)}",
    t.Spokesperson: lambda c: f"spokesperson {_ref(c.ref)}",
    t.MeetingRule: _meets_text,
    t.Treats: lambda c: f"treats {_ids(c.matters)} each year" + (f" in {_window(c.months)}" if c.months else ""),
    t.Quorum: quorum_text,
    t.Decision: decision_text,
    t.VoteGroup: _group_text,
    t.EqualInfluence: lambda c: "equal influence",
    t.Relation: _relation_text,
    t.HostedBy: lambda c: f"hosted by {c.member}",
    t.AgendaPreparedBy: lambda c: "agenda prepared by " + ", ".join(_ref(r) for r in c.refs),
    t.SummonsAll: lambda c: "summons all seats",
    t.Uses: lambda c: f"uses {c.percent}% of {_ref(c.ref)}",
    t.Notice: lambda c: f"notice at least {c.days} days",
    t.Justering: lambda c: f"justering within {c.days} days",
    t.Duty: lambda c: f"duty {_q(c.text)}",
})


def clause_text(c: t.BodyClause) -> str:
    """A body clause as `fmt` writes it, one line without notes or indentation."""
    return CLAUSE_TEXT(c) or ""


def _window(months: tuple[int, int]) -> str:
    first, last = months
    return _month(first) if first == last else f"{_month(first)}..{_month(last)}"


def cost_text(c: t.CostRule) -> str:
    """A cost rule as `fmt` writes it, one line without notes."""
    if c.kind == "population":
        text = "cost by population"
        if c.reference:
            text += f" at {_month(c.reference[0])} {c.reference[1]}"
        if c.updated_yearly:
            text += " updated yearly"
        if c.among_participants:
            text += " among participants"
        return text
    if c.kind == "fee":
        text = "cost fee per inhabitant per year"
        if c.amount is not None:
            text += f" {c.amount} SEK"
        if c.fixed_at_renewal:
            text += " fixed at renewal"
        return text
    return {"own": "cost own costs", "participant_fees": "cost participant fees",
            "projects": "cost projects by participants"}[c.kind]


def rule_text(r: t.Rule) -> str:
    """A top-level rule as `fmt` writes it, one line without notes."""
    if isinstance(r, t.NoVeto):
        return "rule no veto"
    of_type = f" of type {_ids(r.matters)}" if r.matters is not None else ""
    return f"rule all matters{of_type} to {r.body} {r.step} by {r.by}"


def _block(node: t.Node, line: str, depth: int = 0) -> list[str]:
    return [*_comments(node, depth), INDENT * depth + line, *_notes(node.notes, depth + 1)]


def print_bylaw(b: t.Bylaw) -> str:
    """Canonical source: header, imports, members, matters, bodies, rules, participation, costs, modules."""
    out: list[str] = []
    out += _block(b, f"{b.kind} {b.id} {_q(b.title)}")
    for item in b.header:
        out += _block(item, header_text(item), 1)
    sections = [
        [_block(i, f"import {i.module}") for i in b.imports],
        [_block(m, f"member {m.id} {_q(m.name)} {m.kind}" + (f" {m.code}" if m.code else "")) for m in b.members],
        [_block(m, f"matter {m.id} {_q(m.title)}") for m in b.matters],
    ]
    for section in sections:
        if section:
            out.append("")
            for lines in section:
                out += lines
    for body in b.bodies:
        out.append("")
        out += _block(body, f"body {body.id} {_q(body.name)}" + (" office" if body.office else ""))
        for clause in body.clauses:
            out += _block(clause, clause_text(clause), 1)
    tail = [*(_block(r, rule_text(r)) for r in b.rules)]
    if b.participation is not None:
        p = b.participation
        tail.append(_block(p, "participation voluntary" + (f" minimum {p.minimum}" if p.minimum else "")))
    tail += [_block(c, cost_text(c)) for c in b.costs]
    if b.election is not None:
        e = b.election
        tail.append(_block(e, f"election every {e.every} years from {e.start} on {e.ordinal} {e.weekday} "
                              f"of {_month(e.month)}"))
    if b.mandate is not None:
        m = b.mandate
        year = "after election year" if m.after else "of election year"
        tail.append(_block(m, f"mandate period {m.years} years from {_month(m.month)} {m.day} {year}"))
    for d in b.defaults:
        tail.append([*_comments(d, 0), f"default {quorum_text(d)}", *_notes(d.notes, 1)])
    if tail:
        out.append("")
        for lines in tail:
            out += lines
    if b.trailing_comments:
        out += ["", *b.trailing_comments]
    return "\n".join(out) + "\n"
