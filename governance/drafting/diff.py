"""A semantic diff of two bylaws: members joined and left, bodies added and removed, seats, chairs, meeting
rules, quorum and decision rules, preparation and proposal paths, rules, cost rules and header items.

Each bylaw is reduced to *facts*: a key (section, subject, aspect) and the canonical line the fact prints as
(the `fmt` form of the clause, so what a lawyer reads is what they wrote). Two versions differ where a key is
only in one of them (added / removed) or maps to different lines (changed). That makes the diff empty for
equal bylaws and antisymmetric by construction: what `diff(a, b)` adds, `diff(b, a)` removes. Notes (cite,
assume …), comments and positions are not differences in the rules: the diff is about the rules. A fact whose
rule is the same but whose notes are not (a paragraph renumbered in its `cite`, a sentence reworded) is listed
apart, as reworded, so that "no differences" never hides a new wording of the document.

A body added or removed is one change carrying its clauses, not one change per clause.

The renderers say the frame (headings, counts, joined/left) in Swedish or English; the facts themselves are
the bylaw's own lines in its language, but for a body's seat summary, which is no bylaw line and is worded in the
reader's language. The JSON's keys and values (`added`, `members` …) are ids; its seat summary is English.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from ..lang import Lang, Text
from ..model import types as t
from ..model.clauses import Dispatch
# The printer's clause renderers are the canonical text of each clause; reuse them rather than copy them.
from ..syntax.printer import clause_text, cost_text, header_text, note_lines, quorum_text, rule_text

SECTIONS = ("header", "imports", "members", "matters", "bodies", "rules", "participation", "costs", "statute")
SECTION_TITLES = {"header": Text("Avtalets huvud", "Header"), "imports": Text("Importer", "Imports"),
                  "members": Text("Medlemmar", "Members"), "matters": Text("Ärendetyper", "Matter types"),
                  "bodies": Text("Organ", "Bodies"), "rules": Text("Regler", "Rules"),
                  "participation": Text("Deltagande", "Participation"),
                  "costs": Text("Kostnadsfördelning", "Cost sharing"), "statute": Text("Lagens regler", "Statutory rules")}
# Within a body, aspects print in this order (then alphabetically).
ASPECTS = ("", "seat", "seats", "chair", "vice chair", "meets", "quorum", "decision", "equal influence",
           "group", "decides", "prepares", "proposes", "executes", "responsible", "reports_to", "appoints", "convenes",
           "convener", "secretary", "agenda", "notice", "justering", "summons", "hosted", "uses", "spokesperson", "duty")
HEADER_ASPECTS = ("id", "title", "source", "version", "status", "signed", "binding", "valid", "renewed",
                  "renewal", "amends", "reviewed", "duty", "states")


@dataclass(frozen=True, slots=True)
class Fact:
    line: str
    source_line: int = 0  # line in its file, for locating it; not compared
    details: tuple[str, ...] = ()  # for a body: its clauses
    said: Text | None = None  # how a fact that is not a bylaw line (the seat summary) reads in each language
    notes: tuple[str, ...] = ()  # its cite, section, law and assume lines: not compared as a rule


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. `change`: added | removed | changed; `old`/`new` are canonical lines (None when the
    side does not have the fact); `details` lists a whole body's clauses when the body is added/removed;
    `old_said`/`new_said` word a fact that is no bylaw line in the reader's language (`shown`)."""

    change: str
    section: str
    subject: str
    aspect: str
    old: str | None
    new: str | None
    old_line: int = 0
    new_line: int = 0
    details: tuple[str, ...] = ()
    old_said: Text | None = None
    new_said: Text | None = None

    def shown(self, side: str, lang: Lang) -> str | None:
        """The old or new side as the reader sees it: the bylaw's own line, or the fact worded in `lang`."""
        said, line = (self.old_said, self.old) if side == "old" else (self.new_said, self.new)
        return said(lang) if said is not None else line

    @property
    def sort_key(self) -> tuple:
        order = HEADER_ASPECTS if self.section == "header" else ASPECTS
        first = self.aspect if self.aspect in order else self.aspect.split(" ", 1)[0]
        rank = order.index(first) if first in order else len(order)
        return (SECTIONS.index(self.section), self.subject, rank, self.aspect)

    def inverse(self) -> "Change":
        kind = {"added": "removed", "removed": "added", "changed": "changed"}[self.change]
        return Change(kind, self.section, self.subject, self.aspect, self.new, self.old, self.new_line,
                      self.old_line, self.details, self.new_said, self.old_said)

    def to_json(self) -> dict:
        return {"change": self.change, "section": self.section, "subject": self.subject or None,
                "aspect": self.aspect or None, "old": self.old, "new": self.new,
                "old_line": self.old_line or None, "new_line": self.new_line or None,
                "details": list(self.details)}


@dataclass(frozen=True, slots=True)
class Reworded:
    """A fact whose rule is the same in both versions but whose notes are not: `old`/`new` are its note lines
    (`cite "…"`, `section "…"`, `assume "…"`) in each version."""

    section: str
    subject: str
    aspect: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    old_line: int = 0
    new_line: int = 0

    @property
    def sort_key(self) -> tuple:
        return Change("changed", self.section, self.subject, self.aspect, None, None).sort_key

    def inverse(self) -> "Reworded":
        return Reworded(self.section, self.subject, self.aspect, self.new, self.old, self.new_line, self.old_line)

    def to_json(self) -> dict:
        return {"section": self.section, "subject": self.subject or None, "aspect": self.aspect or None,
                "old": list(self.old), "new": list(self.new),
                "old_line": self.old_line or None, "new_line": self.new_line or None}


@dataclass(frozen=True, slots=True)
class Diff:
    """The differences in the rules (`changes`; a Diff is true when there are any) and, apart, the facts
    whose rule is unchanged but whose notes were reworded (`reworded`)."""

    old: str
    new: str
    changes: tuple[Change, ...]
    reworded: tuple[Reworded, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def inverse(self) -> "Diff":
        return Diff(self.new, self.old, tuple(sorted((c.inverse() for c in self.changes), key=lambda c: c.sort_key)),
                    tuple(r.inverse() for r in self.reworded))

    def to_json(self) -> dict:
        summary = Counter(c.change for c in self.changes)
        return {"old": self.old, "new": self.new,
                "summary": {k: summary.get(k, 0) for k in ("added", "removed", "changed")},
                "changes": [c.to_json() for c in self.changes],
                "reworded": [r.to_json() for r in self.reworded]}


# ---- facts -------------------------------------------------------------------------------------------
class _Facts(dict):
    """key → Fact; a key seen twice gets a counter (`meets per year #2`) so nothing is lost."""

    def put(self, key: tuple[str, str, str], line: str, node: t.Node | None = None, details=(),
            said: Text | None = None, notes: bool = True) -> None:
        section, subject, aspect = key
        n = 2
        while key in self:
            key = (section, subject, f"{aspect} #{n}")
            n += 1
        lines = note_lines(node.notes) if node is not None and said is None and notes else ()
        self[key] = Fact(line, node.span.line if node is not None else 0, tuple(details), said, lines)


def _meets_aspect(c: t.MeetingRule) -> str:
    if c.months is None:
        return "meets per year"
    first, last = c.months
    return f"meets in {t.MONTHS[first - 1]}..{t.MONTHS[last - 1]}"


def _relation_aspect(c: t.Relation) -> str:
    matters = "matters" if c.matters is None else ",".join(c.matters)
    return c.kind if c.kind in ("responsible", "appoints", "convenes", "reports_to") else f"{c.kind} {matters}"


# What a clause is about within its body: two versions' clauses with the same aspect are compared.
ASPECT: Dispatch[str] = Dispatch("diff", {
    t.SeatDecl: lambda c: f"seat {c.role}",
    t.VoteGroup: lambda c: f"group {c.id}",
    t.Chair: lambda c: "vice chair" if c.vice else "chair",
    t.MeetingRule: _meets_aspect,
    t.Treats: lambda c: f"treats {','.join(c.matters)}",
    t.Relation: _relation_aspect,
    t.Duty: lambda c: f"duty {c.text}",
    t.Uses: lambda c: f"uses {c.ref}",
    t.Secretary: lambda c: "secretary", t.Convener: lambda c: "convener", t.Spokesperson: lambda c: "spokesperson",
    t.Quorum: lambda c: "quorum", t.Decision: lambda c: "decision", t.EqualInfluence: lambda c: "equal influence",
    t.HostedBy: lambda c: "hosted", t.AgendaPreparedBy: lambda c: "agenda", t.SummonsAll: lambda c: "summons",
    t.Notice: lambda c: "notice", t.Justering: lambda c: "justering",
})


def _clause_aspect(c: t.BodyClause) -> str:
    return ASPECT(c) or ""


def _seat_summary(body: t.Body) -> Text:
    """The body's seats counted by role: a fact of its own, so that a member joining or leaving (or a seat
    line's count changing) shows in each body it sits in as the number of seats it makes. Compared by its
    English wording (the JSON's `old`/`new`)."""
    if not body.seats:
        return Text("inga platser", "no seats")
    low: Counter[tuple[bool, str]] = Counter()
    high: Counter[tuple[bool, str]] = Counter()
    for s in body.seats:
        low[s.adjunct, s.role] += s.min
        high[s.adjunct, s.role] += s.max

    def number(key=None) -> str:
        a, b = (low[key], high[key]) if key else (low.total(), high.total())
        return str(a) if a == b else f"{a}–{b}"

    def roles(adjunct_word: str) -> str:
        return ", ".join(f"{number(key)} {key[1]}" + (f" ({adjunct_word})" if key[0] else "") for key in sorted(low))

    if any(s.formula is not None for s in body.seats):  # the formula's least count until figures are given
        return Text(f"minst {low.total()} platser efter folkmängd: {roles('adjungerad')}",
                    f"at least {low.total()} seats by population: {roles('adjunct')}")
    one = number() == "1"
    return Text(f"{number()} {'plats' if one else 'platser'}: {roles('adjungerad')}",
                f"{number()} {'seat' if one else 'seats'}: {roles('adjunct')}")


def facts(b: t.Bylaw) -> dict[tuple[str, str, str], Fact]:
    """The bylaw as facts keyed (section, subject, aspect)."""
    out = _Facts()
    out.put(("header", "", "id"), b.id, b)
    out.put(("header", "", "title"), b.title, b, notes=False)  # the bylaw line's notes: once, under its id
    for item in b.header:
        # Items a header holds several of are keyed by what they name, so one added is one change, not a shift
        # of every later one (`states tvister`, `source avtal`).
        aspect = (f"{item.key} {item.value[0]}" if item.key in ("duty", "states")
                  else f"source {item.value[1]}" if item.key == "source" and len(item.value) > 1 else item.key)
        out.put(("header", "", aspect), header_text(item), item)
    for i in b.imports:
        out.put(("imports", i.module, ""), f"import {i.module}", i)
    for m in b.members:
        out.put(("members", m.id, ""), f"member {m.id} \"{m.name}\" {m.kind}" + (f" {m.code}" if m.code else ""), m)
    for m in b.matters:
        out.put(("matters", m.id, ""), f"matter {m.id} \"{m.title}\"", m)
    for body in b.bodies:
        clauses = tuple(clause_text(c) for c in body.clauses)
        out.put(("bodies", body.id, ""), f"body {body.id} \"{body.name}\"" + (" office" if body.office else ""),
                body, clauses)
        seats = _seat_summary(body)
        out.put(("bodies", body.id, "seats"), seats.en, body, said=seats)
        for c in body.clauses:
            out.put(("bodies", body.id, _clause_aspect(c)), clause_text(c), c)
    for r in b.rules:
        out.put(("rules", "", rule_text(r)), rule_text(r), r)
    if b.participation is not None:
        p = b.participation
        out.put(("participation", "", ""), "participation voluntary" + (f" minimum {p.minimum}" if p.minimum else ""), p)
    for c in b.costs:
        out.put(("costs", c.kind, ""), cost_text(c), c)
    if b.election is not None:
        e = b.election
        out.put(("statute", "election", ""), f"election every {e.every} years from {e.start} on {e.ordinal} "
                f"{e.weekday} of {t.MONTHS[e.month - 1]}", e)
    if b.mandate is not None:
        m = b.mandate
        out.put(("statute", "mandate", ""), f"mandate period {m.years} years from {t.MONTHS[m.month - 1]} {m.day} "
                "of election year", m)
    for d in b.defaults:
        out.put(("statute", "default", "quorum"), f"default {quorum_text(d)}", d)
    return dict(out)


def diff(old: t.Bylaw, new: t.Bylaw) -> Diff:
    """The semantic differences from `old` to `new`, in a fixed order (section, subject, aspect)."""
    a, b = facts(old), facts(new)
    gone_bodies = {k[1] for k in a if k[0] == "bodies" and k[2] == "" and k not in b}
    new_bodies = {k[1] for k in b if k[0] == "bodies" and k[2] == "" and k not in a}
    changes, reworded = [], []
    for key in a.keys() | b.keys():
        section, subject, aspect = key
        if section == "bodies" and aspect and (subject in gone_bodies or subject in new_bodies):
            continue  # folded into the body's own change
        fa, fb = a.get(key), b.get(key)
        if fa is not None and fb is not None:
            if fa.line != fb.line:
                changes.append(Change("changed", section, subject, aspect, fa.line, fb.line,
                                      fa.source_line, fb.source_line, old_said=fa.said, new_said=fb.said))
            elif fa.notes != fb.notes:
                reworded.append(Reworded(section, subject, aspect, fa.notes, fb.notes, fa.source_line, fb.source_line))
        elif fa is not None:
            changes.append(Change("removed", section, subject, aspect, fa.line, None, fa.source_line, 0, fa.details,
                                  old_said=fa.said))
        else:
            changes.append(Change("added", section, subject, aspect, None, fb.line, 0, fb.source_line, fb.details,
                                  new_said=fb.said))
    return Diff(old.id, new.id, tuple(sorted(changes, key=lambda c: c.sort_key)),
                tuple(sorted(reworded, key=lambda r: r.sort_key)))


# ---- rendering ---------------------------------------------------------------------------------------
_VERB = {("members", "added"): Text("ansluter", "joined"), ("members", "removed"): Text("lämnar", "left"),
         ("", "added"): Text("tillagt", "added"), ("", "removed"): Text("borttaget", "removed")}
_NONE = Text("inga skillnader", "no differences")
_NONE_IN_RULES = Text("inga skillnader i reglerna", "no differences in the rules")
_REWORDED = Text("Ny ordalydelse, samma regel (citat, paragraf, lag eller antagande)",
                 "Reworded, the same rule (cite, section, law or assumption)")


def _counts(d: Diff, lang: Lang) -> str:
    """"3 added, 1 removed, 0 changed"; in Swedish the participle agrees with one or many (1 ändrad)."""
    s = Counter(c.change for c in d.changes)
    if lang == "en":
        return f"{s['added']} added, {s['removed']} removed, {s['changed']} changed"
    words = {"added": ("tillagd", "tillagda"), "removed": ("borttagen", "borttagna"), "changed": ("ändrad", "ändrade")}
    return ", ".join(f"{s[k]} {one if s[k] == 1 else many}" for k, (one, many) in words.items())


_SEATS = Text("platser", "seats")


def _label(c: Change, lang: Lang) -> str:
    """What a changed fact is about: `styrgruppen meets per year`, `valid`, `population`; the seat summary, no
    bylaw line, in the reader's language (`styrelsen platser`)."""
    aspect = _SEATS(lang) if c.section == "bodies" and c.aspect == "seats" else c.aspect
    return " ".join(x for x in (c.subject, aspect) if x) or c.section


def _line(c: Change, lang: Lang) -> str:
    """An added or removed fact: its line, with the body it belongs to and what it means for a member."""
    line = c.shown("new" if c.change == "added" else "old", lang)
    prefix = f"{c.subject}: " if c.section == "bodies" and c.aspect else ""
    verb = _VERB.get((c.section, c.change))
    return prefix + line + (f"  ({verb(lang)})" if verb else "")


def _reworded_label(r: Reworded, lang: Lang) -> str:
    """`Organ: namnden seat ledamot`: the section too, since the reworded list is not split by section."""
    label = _label(Change("changed", r.section, r.subject, r.aspect, None, None), lang)
    return f"{SECTION_TITLES[r.section](lang)}: {label}"


def render_text(d: Diff, lang: Lang = "en") -> str:
    if not d and not d.reworded:
        return f"{d.old} → {d.new}: {_NONE(lang)}\n"
    out = [f"{d.old} → {d.new}: {_counts(d, lang) if d else _NONE_IN_RULES(lang)}"]
    section = None
    for c in d.changes:
        if c.section != section:
            section = c.section
            out += ["", SECTION_TITLES[section](lang)]
        if c.change == "changed":
            out.append(f"  ~ {_label(c, lang)}")
            out.append(f"      - {c.shown('old', lang)}")
            out.append(f"      + {c.shown('new', lang)}")
        else:
            sign = "+" if c.change == "added" else "-"
            out.append(f"  {sign} {_line(c, lang)}")
            out += [f"      {sign} {line}" for line in c.details]
    if d.reworded:
        out += ["", _REWORDED(lang)]
    for r in d.reworded:
        out.append(f"  ≈ {_reworded_label(r, lang)}")
        out += [f"      - {line}" for line in r.old if line not in r.new]
        out += [f"      + {line}" for line in r.new if line not in r.old]
    return "\n".join(out) + "\n"


def _md(text: str | None) -> str:
    return "`" + (text or "").replace("`", "'") + "`"


def render_markdown(d: Diff, lang: Lang = "en") -> str:
    out = [Text(f"# Ändringar från `{d.old}` till `{d.new}`", f"# Changes from `{d.old}` to `{d.new}`")(lang), ""]
    if not d and not d.reworded:
        return "\n".join(out + [Text("Inga skillnader.", "No differences.")(lang), ""])
    out += [f"{_counts(d, lang) if d else _NONE_IN_RULES(lang).capitalize()}.", ""]
    section = None
    for c in d.changes:
        if c.section != section:
            section = c.section
            out += ([""] if out[-1] else []) + [f"## {SECTION_TITLES[section](lang)}", ""]
        if c.change == "changed":
            old, new = _md(c.shown("old", lang)), _md(c.shown("new", lang))
            out.append(Text(f"- ändrat **{_label(c, lang)}**: {old} → {new}", f"- changed **{_label(c, lang)}**: {old} → {new}")(lang))
        else:
            verb = _VERB.get((c.section, c.change)) or _VERB[("", c.change)]
            body = f"{c.subject}: " if c.section == "bodies" and c.aspect else ""
            out.append(f"- {verb(lang)}: {body}{_md(c.shown('new' if c.change == 'added' else 'old', lang))}")
            out += [f"  - {_md(line)}" for line in c.details]
    if d.reworded:
        out += ([""] if out[-1] else []) + [f"## {_REWORDED(lang)}", ""]
    for r in d.reworded:
        old = "; ".join(_md(line) for line in r.old if line not in r.new) or "–"
        new = "; ".join(_md(line) for line in r.new if line not in r.old) or "–"
        out.append(f"- **{_reworded_label(r, lang)}**: {old} → {new}")
    return "\n".join(out) + "\n"


def render_json(d: Diff) -> str:
    return json.dumps(d.to_json(), ensure_ascii=False, indent=2) + "\n"
