"""Model → a readable markdown document of the agreement, in English or Swedish.

Reading order: title; the agreement (status, validity, term, source, signing, amendments); members (a
table); matter types; each body in file order, its clauses under topics (seats, chair and other roles,
meetings, decisions, tasks, organisation) in a fixed order within each; rules; participation; costs; the
Swedish law the agreement relies on. Under each clause come its notes: the quoted sentence as a block
quote, the section, the law, and any assumption, marked as an interpretation. Consecutive clauses that
rest on the same notes (one sentence often gives several seats) share one copy of them. A clause that
rests on a statutory default (`quorum default`, a renewal per mandate period) names the law from the
imported module, as the checks cite it.

Everything the agreement's author wrote (names, titles, quotes) is escaped, so that it reads as written
and cannot become markup; ids go in code spans. The model is only read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..model import types as t
from ..model.clauses import CHAIR_SPECS, Dispatch
from ..time.rotation import rotation_order, seating_of
from .formula import formula_words
from .words import LANGS, Words

TOPICS = ("seats", "offices", "meetings", "decisions", "tasks", "organisation")
RELATIONS = ("decides", "prepares", "proposes", "executes", "responsible", "convenes", "appoints", "reports_to")

# What markdown could read as markup anywhere in a line (CommonMark lets any ASCII punctuation be escaped);
# `&` so that an entity name in a quote stays text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&!])")
# An underscore inside a word is never emphasis; leaving it bare keeps file names readable.
_INNER_UNDERSCORE = re.compile(r"(?<=[^\W_])\\_(?=[^\W_])")
# What starts a block when it opens a line: `1. ` or `1) ` (a list), `- ` or `+ ` (a list), a line of
# `-` or `=` (a rule or a heading's underline).
_BLOCK_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|([-+])(?=\s|$)|([-=])(?=[-=\s]*$))")


def escape(text: str) -> str:
    """`text` as markdown shows it literally: on one line, no character read as markup."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    text = _INNER_UNDERSCORE.sub("_", text)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3] or m[4]}", text)


def code(ident: str) -> str:
    """An id in a code span (ids are slugs; anything with a backtick is escaped text instead)."""
    return escape(ident) if "`" in ident else f"`{ident}`"


@dataclass(frozen=True, slots=True)
class _Item:
    """One clause as the document prints it: its sentence, then the blocks of its notes."""

    text: str
    notes: tuple[str, ...] = ()


def _at(topic: str, rank: int) -> Callable[[t.BodyClause], tuple[str, int]]:
    return lambda clause: (topic, rank)


# The topic a body clause is shown under, and its rank there (then file order).
PLACE: Dispatch[tuple[str, int]] = Dispatch("document (topic)", {
    t.SeatDecl: _at("seats", 0),
    t.Chair: lambda c: ("offices", int(c.vice)),
    t.Secretary: _at("offices", 2), t.Convener: _at("offices", 3), t.Spokesperson: _at("offices", 4),
    t.MeetingRule: lambda c: ("meetings", 0 if c.months is None else 1),
    t.Notice: _at("meetings", 2), t.SummonsAll: _at("meetings", 3), t.AgendaPreparedBy: _at("meetings", 4),
    t.Treats: _at("meetings", 5), t.Justering: _at("meetings", 5),
    t.Quorum: _at("decisions", 0), t.Decision: _at("decisions", 1), t.EqualInfluence: _at("decisions", 2),
    t.VoteGroup: _at("decisions", 3),
    t.Relation: lambda c: ("tasks", RELATIONS.index(c.kind) if c.kind in RELATIONS else len(RELATIONS)),
    t.Uses: _at("tasks", len(RELATIONS) + 1), t.Duty: _at("tasks", len(RELATIONS) + 2),
    t.HostedBy: _at("organisation", 0),
})


def _place(clause: t.BodyClause) -> tuple[str, int]:
    return PLACE(clause) or ("tasks", 0)


def _counted(bylaw: t.Bylaw):
    """Seats by population from the shipped figures (the latest day they serve), or why they cannot be."""
    from ..money.seats import SeatError, formula_lines, resolve, seat_table
    if not formula_lines(bylaw):
        return None
    try:
        table = seat_table(bylaw)
    except SeatError as exc:
        return str(exc)
    return table, resolve(bylaw, table)


class _Document:
    """One bylaw in one language. Holds lookups made once; builds the blocks of the document."""

    __slots__ = ("bodies", "bylaw", "counted", "matters", "members", "w")

    def __init__(self, bylaw: t.Bylaw, words: Words):
        self.bylaw, self.w = bylaw, words
        self.counted = _counted(bylaw)
        self.members = {m.id: m for m in bylaw.members}
        self.bodies = {b.id: b for b in bylaw.bodies}
        self.matters = {m.id: m for m in bylaw.matters}

    # ---- the document ----------------------------------------------------------------------------------
    def blocks(self) -> list[str]:
        b, w = self.bylaw, self.w
        identity = f"{w(f'kind.{b.kind}')} {code(b.id)}" + (f" · {code(Path(b.path).name)}" if b.path else "")
        out = [f"# {escape(b.title)}", identity, *self.notes(b), w("intro")]
        out += self.section("section.agreement", [self.header_item(h) for h in b.header])
        out += self.member_table()
        out += self.section("section.matters", [self.item(f"**{escape(m.title)}** ({code(m.id)})", m)
                                                for m in b.matters])
        if b.bodies:
            out.append(f"## {w('section.bodies')}")
            for body in b.bodies:
                out += self.body(body)
        out += self.section("section.rules", [self.rule(r) for r in b.rules])
        out += self.section("section.participation",
                            [self.participation(b.participation)] if b.participation is not None else [])
        out += self.section("section.costs", [self.cost(c) for c in b.costs])
        out += self.section("section.law", self.law())
        if b.kind == "bylaw":
            out += self.review()
        return out

    def review(self) -> list[str]:
        """The drafting review's checklist for the bylaw's form: each point stated, assumed, missing or by law."""
        from ..drafting.review import review
        w, rv = self.w, review(self.bylaw)
        out = [f"## {w('section.review')}",
               w("review.intro", checklist=escape(rv.title_sv if w.lang == "sv" else rv.title_en))]
        for r in rv.results:
            what = escape(r.point.sv if w.lang == "sv" else r.point.en)
            law = f"KL {r.point.law}" if r.point.law else w("review.practice")
            lines = sorted({e.line for e in r.evidence})
            where = w("review.line" if len(lines) == 1 else "review.lines", lines=", ".join(map(str, lines)))
            out.append(w(f"review.{r.status}", what=what, law=law, id=r.point.id, lines=where))
            text = r.point.statute_text() if r.status != "stated" else None
            if text:
                out.append(f"> {escape(text)}")
        return out

    def section(self, key: str, items: list[_Item]) -> list[str]:
        return [f"## {self.w(key)}", *self.paragraphs(items)] if items else []

    @staticmethod
    def paragraphs(items: list[_Item]) -> list[str]:
        """Each item's sentence; its notes after it, or after the last of a run of items with the same notes."""
        out: list[str] = []
        for i, item in enumerate(items):
            out.append(item.text)
            shared = i + 1 < len(items) and items[i + 1].notes == item.notes
            if item.notes and not shared:
                out += item.notes
        return out

    # ---- notes ---------------------------------------------------------------------------------------------
    def item(self, text: str, node: t.Node, statute: tuple[t.Node, ...] = (), assume_from: t.Node | None = None
             ) -> _Item:
        return _Item(text, tuple(self.notes(node, statute, assume_from)))

    def notes(self, node: t.Node, statute: tuple[t.Node, ...] = (), assume_from: t.Node | None = None
              ) -> list[str]:
        """The blocks under a clause: quote, section, law, the statutory rules it rests on, interpretation.
        A clause resting on a statutory default without an assumption of its own takes the default's
        (as the checks cite it)."""
        w, n = self.w, node.notes
        out = [f"> {escape(n.cite)}"] if n.cite else []
        if n.cite and n.cite_source:
            out.append(w("note.cite.source", name=code(n.cite_source)))
        if n.section:
            out.append(w("note.section", text=escape(n.section)))
        if n.law and n.law_quote:
            out.append(w("note.law.quote", text=escape(n.law), quote=escape(n.law_quote)))
        elif n.law:
            out.append(w("note.law", text=escape(n.law)))
        for rule in statute:
            if rule.notes.law:
                module = self.module_of(rule)
                out.append(w("note.statute", law=escape(rule.notes.law),
                             module=w("note.module", module=code(module)) if module else ""))
        assume = n.assume or (assume_from.notes.assume if assume_from is not None else None)
        if assume:
            out.append(w("note.assume", text=escape(assume)))
        return out

    def module_of(self, node: t.Node) -> str | None:
        """The id of the imported module a statutory rule comes from (None: the bylaw's own)."""
        for m in self.bylaw.modules:
            if any(node is rule for rule in (m.election, m.mandate, *m.defaults)):
                return m.id
        return None

    # ---- names ---------------------------------------------------------------------------------------------
    def member_name(self, member_id: str) -> str:
        m = self.members.get(member_id)
        return escape(m.name) if m else code(member_id)

    def body_name(self, body_id: str) -> str:
        b = self.bodies.get(body_id)
        return escape(b.name) if b else code(body_id)

    def matter_titles(self, matter_ids) -> str:
        return self.w.join(escape(self.matters[m].title) if m in self.matters else code(m) for m in matter_ids)

    @staticmethod
    def role_title(body: t.Body, role: str) -> str | None:
        return next((c.title for c in body.of(t.SeatDecl) if c.role == role and c.title), None)

    def role(self, body: t.Body, role: str) -> str:
        """A role with its title: `Kommunstyrelsens ordförande (kso)`."""
        title = self.role_title(body, role)
        return f"{escape(title)} ({code(role)})" if title else code(role)

    def ref(self, body: t.Body, ref: t.Ref) -> str:
        """A seat reference in words: the chair, a member's seat, a single seat, or another body."""
        if isinstance(ref, t.ChairRef):
            return self.w("ref.chair")
        if ref.member is not None:
            title = self.role_title(body, ref.role)
            role = escape(title) if title else code(ref.role)
            return f"{role}, {self.member_name(ref.member)} ({code(str(ref))})"
        if any(c.role == ref.role for c in body.of(t.SeatDecl)):
            return self.role(body, ref.role)
        if ref.role in self.bodies:
            return f"{self.body_name(ref.role)} ({code(ref.role)})"
        if ref.role in self.members:
            return f"{self.member_name(ref.role)} ({code(ref.role)})"
        return code(ref.role)

    # ---- the agreement ---------------------------------------------------------------------------------------
    def header_item(self, h: t.HeaderItem) -> _Item:
        w, b, key, v = self.w, self.bylaw, h.key, h.value
        statute: tuple[t.Node, ...] = ()
        if key == "source":
            text = w("source.named", name=code(v[1]), file=code(v[0])) if len(v) > 1 else w("source", file=code(v[0]))
        elif key == "form":
            text = self.form(v[0])
        elif key == "sate":
            text = w("sate", place=escape(v[0]))
        elif key == "states":
            from ..drafting.review import checklist
            point = next((p for p in checklist(b.form) if p.id == v[0]), None)
            what = (point.sv if w.lang == "sv" else point.en) if point else v[0]
            law = (f"KL {point.law}" if point.law else w("review.practice")) if point else "?"
            text = w("states", what=escape(what), law=law, id=v[0])
        elif key == "signed":
            text = w("signed", date=w.date(v[0]), place=w("signed.place", place=escape(v[1])) if v[1] else "")
        elif key == "binding":
            text = w("binding.yes" if v[0] else "binding.no")
        elif key == "valid":
            start, end = v
            text = w(("valid.from" if start else "valid") + (".until" if end else ".notice"),
                     start=w.date(start) if start else "", end=w.date(end) if end else "")
        elif key == "renewed":
            text = w("renewed", periods=w.count("periods", v[0]))
            statute = tuple(rule for rule in (b.election_cycle, b.mandate_period) if rule is not None)
        elif key == "renewal":
            text = w("renewal", dates=w.join(w.date(d) for d in v))
        elif key == "amends":
            text = w("amends", id=code(v[0]), start=w("amends.from", date=w.date(v[1])) if v[1] else "")
        elif key in ("version", "duty"):
            text = w(key, text=escape(v[0]))
        elif key == "status":
            text = w("status", status=w(f"status.{v[0]}"))
        elif key == "reviewed":
            text = w("reviewed")
        else:
            raise ValueError(f"no rendering for the header item {key!r}")
        return self.item(text, h, statute)

    def form(self, form: t.LegalForm) -> str:
        w = self.w

        def organ(kind: t.OrganKind) -> str:
            body_id = form.body_of(kind) or ""
            return f"{self.body_name(body_id)} ({code(body_id)})"

        if form.kind == "kommunalforbund" and form.body_of("direktion"):
            return w("form.kommunalforbund.direktion", direktion=organ("direktion"))
        if form.kind == "kommunalforbund":
            return w("form.kommunalforbund.fullmaktige", ff=organ("forbundsfullmaktige"),
                     fs=organ("forbundsstyrelse"))
        if form.kind == "gemensam-namnd":  # a region hosts as a värdregion, not a värdkommun (KL 9 kap. 20 §)
            host = self.members.get(form.host or "")
            return w("form.gemensam-namnd", namnd=organ("gemensam-namnd"),
                     host_word=w("host.region" if host is not None and host.kind == "region" else "host.municipality"),
                     host=f"{self.member_name(form.host or '')} ({code(form.host or '')})")
        return w(f"form.{form.kind}")

    def member_table(self) -> list[str]:
        if not self.bylaw.members:
            return []
        w = self.w
        rows = [w("members.head"), "|---|---|---|---|"]
        rows += [f"| {code(m.id)} | {escape(m.name)} | {w(f'kind.{m.kind}')} | {escape(m.code or '')} |"
                 for m in self.bylaw.members]
        noted = [self.item(f"**{escape(m.name)}** ({code(m.id)})", m) for m in self.bylaw.members if m.notes]
        return [f"## {w('section.members')}", "\n".join(rows), *self.paragraphs(noted)]

    # ---- bodies ------------------------------------------------------------------------------------------------
    def body(self, body: t.Body) -> list[str]:
        w = self.w
        out = [f"### {escape(body.name)} ({code(body.id)})", w("body.office" if body.office else "body.body"),
               *self.notes(body)]
        if not body.office:  # how the law reaches the body; an unstated form is read as informal, and said so
            organ = self.bylaw.form.organ(body.id)
            out.append(w("law.direct", organ=w(f"organ.{organ}")) if organ
                       else w("law.analogy") if self.bylaw.form_stated else w("law.unstated"))
        placed = sorted((TOPICS.index(topic), rank, i)
                        for i, c in enumerate(body.clauses) for topic, rank in (_place(c),))
        for number, topic in enumerate(TOPICS):
            clauses = [body.clauses[i] for n, _, i in placed if n == number]
            if not clauses:
                continue
            items = [self.clause(body, c) for c in clauses]
            if topic == "seats":
                items.append(_Item(self.seat_total(body)))
                items += self.formula_table(body)
            out += [f"#### {w(f'topic.{topic}')}", *self.paragraphs(items)]
        return out

    def clause(self, body: t.Body, c: t.BodyClause) -> _Item:
        said = CLAUSE_WORDS(c, self, body)
        return said if isinstance(said, _Item) else self.item(said or "", c)

    def members_of(self, member_class: str | None) -> list[str]:
        return [m.id for m in self.bylaw.members if member_class == "member" or m.kind == member_class]

    def seat(self, body: t.Body, c: t.SeatDecl) -> str:
        w, h = self.w, c.holders
        seat = f"{escape(c.title)} ({code(c.role)})" if c.title else code(c.role)
        vote = w("seat.adjunct" if c.adjunct else "seat.voting")
        if c.substitutes:
            vote += w.count("substitutes.personal" if c.personal else "substitutes", c.substitutes)
            # `with N substitutes` counts per holder, as the seats do: say so, or "1 ersättare" reads as one in all
            if c.formula is None and h.mode == "each":
                vote += w("substitutes.each", cls=w(f"kind.{h.member_class}"))
            elif c.formula is None and h.mode == "listed" and len(h.members) > 1:
                vote += w("substitutes.listed")
        if c.formula is not None and h.mode in ("each", "listed"):
            formula = escape(formula_words(c.formula, w.lang))
            if h.mode == "each":
                return w("seat.formula.each", seat=seat, formula=formula, cls=w(f"kind.{h.member_class}"), vote=vote)
            return w("seat.formula.listed", seat=seat, formula=formula, vote=vote,
                     members=w.join(self.member_name(m) for m in h.members))
        values = {"seat": seat, "count": w.count("seats", c.min, c.max), "vote": vote}
        if h.mode in ("each", "listed"):
            holders = self.members_of(h.member_class) if h.mode == "each" else h.members
            values["total"] = w.count("seats", c.min * len(holders), c.max * len(holders))
            values["members"] = w.join(self.member_name(m) for m in holders)
        if h.mode == "each":
            return w("seat.each", cls=w(f"kind.{h.member_class}"), **values)
        if h.mode == "listed":
            return w("seat.listed.one" if len(h.members) == 1 else "seat.listed", **values)
        if h.mode == "any":
            return w("seat.any", cls=w(f"kind.{h.member_class}"), **values)
        return w("seat.fixed", **values)

    def formula_table(self, body: t.Body) -> list[_Item]:
        """The seats each formula line gives, from the shipped figures; or why they cannot be counted."""
        if not any(s.formula is not None for s in body.seats) or self.counted is None:
            return []
        if isinstance(self.counted, str):
            return [_Item(self.w("seats.formula.missing", why=escape(self.counted)))]
        table, w = self.counted[0], self.w
        rows = [r for r in table.rows if r.body == body.id]
        days = sorted({r.reference_date.isoformat() for r in rows})
        sources = sorted({r.source for r in rows})
        lines = [w("seats.formula.head"), "|---|---|---:|---:|"]
        lines += [f"| {code(r.role)} | {self.member_name(r.member)} | {r.population} | {r.seats} |" for r in rows]
        return [_Item(w("seats.formula.table", day=", ".join(days), source=escape("; ".join(sources)))),
                _Item("\n".join(lines))]

    def seat_total(self, body: t.Body) -> str:
        w, parts = self.w, []
        if isinstance(self.counted, tuple):  # formula seats counted: their real numbers
            body = self.counted[1].body(body.id) or body
        for key, adjunct in (("voting", False), ("adjunct", True)):
            seats = [s for s in body.seats if s.adjunct is adjunct]
            if seats:
                parts.append(w.count(key, sum(s.min for s in seats), sum(s.max for s in seats)))
        return w("seats.total", seats=w.join(parts) or w.count("seats", 0))

    def chair(self, body: t.Body, c: t.Chair) -> str:
        w, spec = self.w, c.spec
        office = w("office.vice" if c.vice else "office.chair")
        if not isinstance(spec, t.RotatingChair):
            return CHAIR_WORDS(spec, self, body, office) or ""
        order = rotation_order(self.bylaw, spec)
        text = w("chair.rotating", office=office, every=w.count("every", spec.every),
                 among=w("among.all") if spec.among is None else w.join(map(self.member_name, spec.among)),
                 start=w("rotation.nostart") if spec.start is None else w("rotation.start", year=spec.start),
                 order="" if spec.among == order else w("rotation.order", order=w.join(map(self.member_name, order))),
                 role=self.role(body, spec.role))
        if spec.start is None or not order:
            return text
        # One round of turns, as the checks assign them (governance.time.rotation), so the reader sees who begins.
        turns = []
        for k in range(len(order)):
            first = spec.start + k * spec.every
            member = seating_of(self.bylaw, body, c, first).member
            years = str(first) if spec.every == 1 else f"{first}–{first + spec.every - 1}"
            turns.append(w("rotation.turn", years=years, member=self.member_name(member) if member else "–"))
        return text + " " + w("rotation.turns", turns="; ".join(turns), year=spec.start + len(order) * spec.every)

    def period(self, months: tuple[int, int] | None) -> str:
        w = self.w
        if months is None:
            return w("per.year")
        first, last = months
        return (w("per.month", month=w.month(first)) if first == last
                else w("per.months", first=w.month(first), last=w.month(last)))

    def meets(self, c: t.MeetingRule) -> str:
        w = self.w
        period = self.period(c.months)
        if c.kind == "between":
            text = w("meets.between", low=c.low, high=c.high, period=period)
        else:
            times = c.high if c.kind == "at_most" else c.low
            if times is None:  # the parser gives every kind but `between` its one count
                raise ValueError(f"meets {c.kind} without a count")
            text = w(f"meets.{c.kind}", times=w.count("times", times), period=period)
        return w("meets.soft", text=text) if c.soft else text

    def quorum_rule(self, rule: t.Quorum, unit: str) -> str:
        return self.w(f"quorum.{rule.kind}", unit=self.w(f"unit.{unit}"), n=rule.numerator,
                      fraction=f"{rule.numerator}/{rule.denominator}")

    def decision(self, c: t.Decision) -> str:
        w = self.w
        if c.method == "consensus" or (c.share is None and c.base == "votes" and c.per is None):
            return w(f"decision.{c.method}")
        base = "" if c.base == "votes" and c.share is None else w(f"base.{c.base}")
        per = w(f"per.{c.per}") if c.per else ""
        if c.share is None:
            return w("decision.majority.how", base=base, per=per)
        return w("decision.qualified", fraction=f"{c.share[0]}/{c.share[1]}", base=base, per=per)

    def quorum(self, body: t.Body, c: t.Quorum) -> _Item:
        """The quorum, counted as the `quorum` check counts it: per member where the clause says `of members`,
        or says nothing and the body has equal influence (or the default counts members); else per seat."""
        default = self.bylaw.default_quorum if c.kind == "default" else None
        if c.kind == "default" and default is None:
            return self.item(self.w("quorum.default.unknown"), c)
        equal = body.first(t.EqualInfluence) is not None
        per_member = c.unit == "members" or (
            c.unit is None and (equal or (default is not None and default.unit == "members")))
        rule = self.quorum_rule(default or c, "members" if per_member else "seats")
        if default is None:
            return self.item(self.w("quorum", rule=rule), c)
        return self.item(self.w("quorum.default", rule=rule), c, (default,), default)

    def relation(self, c: t.Relation) -> str:
        w, kind = self.w, c.kind
        if kind in ("decides", "prepares", "proposes", "executes"):
            return w(kind + (".all" if c.matters is None else ""), matters=self.matter_titles(c.matters or ()),
                     bodies=w.join(map(self.body_name, c.targets)))
        if kind == "responsible":
            return w(kind, targets=self.matter_titles(c.targets))
        return w(kind, targets=w.join(map(self.body_name, c.targets)))

    # ---- across bodies ---------------------------------------------------------------------------------------
    def rule(self, r: t.Rule) -> _Item:
        if isinstance(r, t.NoVeto):
            return self.item(self.w("rule.no_veto"), r)
        key = f"rule.{r.step}" + (".all" if r.matters is None else "")
        return self.item(self.w(key, matters=self.matter_titles(r.matters or ()), body=self.body_name(r.body),
                                by=self.body_name(r.by)), r)

    def participation(self, p: t.Participation) -> _Item:
        w = self.w
        text = (w("participation.minimum", members=w.count("members", p.minimum)) if p.minimum
                else w("participation"))
        return self.item(text, p)

    def cost(self, c: t.CostRule) -> _Item:
        w = self.w
        if c.kind == "population":
            at = (w("cost.at", date=w("daymonth", day=c.reference[1], month=w.month(c.reference[0])))
                  if c.reference else "")
            text = w("cost.population", at=at, yearly=w("cost.yearly") if c.updated_yearly else "",
                     among=w("cost.among") if c.among_participants else "")
        elif c.kind == "fee":
            text = w("cost.fee", amount=w("cost.amount", amount=w.number(c.amount)) if c.amount is not None else "",
                     fixed=w("cost.fixed") if c.fixed_at_renewal else "")
        else:
            text = w(f"cost.{c.kind}")
        return self.item(text, c)

    def law(self) -> list[_Item]:
        """The bylaw's own statutory rules (a module's), then each import with the rules its module gives."""
        b, w = self.bylaw, self.w
        items = self.statutory_rules(b)
        for imp in b.imports:
            module = next((m for m in b.modules if m.id == imp.module), None)
            items.append(self.item(w("import", id=code(imp.module),
                                     title=escape(module.title) if module else code(imp.module)), imp))
            if module is not None:
                items += self.statutory_rules(module)
        return items

    def statutory_rules(self, m: t.Bylaw) -> list[_Item]:
        w, items = self.w, []
        if m.election is not None:
            e = m.election
            items.append(self.item(w("election", every=w.count("every", e.every), start=e.start,
                                     ordinal=w(f"ordinal.{e.ordinal}"), weekday=w(f"weekday.{e.weekday}"),
                                     month=w.month(e.month)), e))
        if m.mandate is not None:
            p = m.mandate
            items.append(self.item(w("mandate.after" if p.after else "mandate", years=w.count("years", p.years),
                                     date=w("daymonth", day=p.day, month=w.month(p.month))), p))
        for d in m.defaults:
            items.append(self.item(w("default", rule=self.quorum_rule(d, d.unit or "seats")), d))
        return items


# What the document says of each clause of a body: a sentence (str), or an _Item with its own notes.
CLAUSE_WORDS: Dispatch[str | _Item] = Dispatch("document", {
    t.Quorum: _Document.quorum,
    t.SeatDecl: _Document.seat,
    t.Chair: _Document.chair,
    t.Secretary: lambda d, body, c: d.w("secretary", ref=d.ref(body, c.ref)),
    t.Convener: lambda d, body, c: d.w("convener", ref=d.ref(body, c.ref)),
    t.Spokesperson: lambda d, body, c: d.w("spokesperson", ref=d.ref(body, c.ref)),
    t.MeetingRule: lambda d, body, c: d.meets(c),
    t.Decision: lambda d, body, c: d.decision(c),
    t.VoteGroup: lambda d, body, c: d.w("group", title=c.title or c.id,
                                        members=d.w.join(map(d.member_name, c.members))),
    t.EqualInfluence: lambda d, body, c: d.w("equal"),
    t.Relation: lambda d, body, c: d.relation(c),
    t.HostedBy: lambda d, body, c: d.w("hosted", member=d.member_name(c.member)),
    t.AgendaPreparedBy: lambda d, body, c: d.w("agenda", refs=d.w.join(d.ref(body, r) for r in c.refs)),
    t.SummonsAll: lambda d, body, c: d.w("summons"),
    t.Uses: lambda d, body, c: d.w("uses", percent=d.w.number(c.percent), ref=d.ref(body, c.ref)),
    t.Notice: lambda d, body, c: d.w("notice", days=d.w.count("days", c.days)),
    t.Justering: lambda d, body, c: d.w("justering", days=d.w.count("days", c.days)),
    t.Treats: lambda d, body, c: d.w("treats.window" if c.months else "treats", matters=d.matter_titles(c.matters),
                                     period=d.period(c.months)),
    t.Duty: lambda d, body, c: d.w("duty", text=escape(c.text)),
})

# A chair's designation in words; a rotating chair is told with its turns by _Document.chair itself.
CHAIR_WORDS: Dispatch[str] = Dispatch("document (chair)", {
    t.FixedChair: lambda d, body, office, spec: d.w("chair.fixed", office=office, ref=d.ref(body, spec.ref)),
    t.ElectedChair: lambda d, body, office, spec: d.w("chair.elected", office=office, role=d.role(body, spec.role)),
    t.NextInRotation: lambda d, body, office, spec: d.w("chair.next", office=office, role=d.role(body, spec.role)),
}, nothing=(t.RotatingChair,), over=CHAIR_SPECS)


def to_markdown(bylaw: t.Bylaw, lang: str = "en") -> str:
    """The bylaw as a markdown document in `lang` ("en" or "sv")."""
    return "\n\n".join(_Document(bylaw, LANGS[lang]).blocks()) + "\n"
