"""`governance review`: a drafting review of a bylaw against what the law requires its document to state.

For the bylaw's legal form, a checklist: a kommunalförbund's förbundsordning and the eighteen points of
Kommunallagen 9 kap. 6 § (with the representation 9 kap. 3 § requires); a gemensam nämnd and 9 kap. 19–35 §§;
an avtalssamverkan or informal collaboration and what good practice expects (term, termination, costs,
disputes). Each point is *stated* — by clauses of the bylaw that say it, or by a `states POINT` clause that
marks where the document says what the language cannot — or *missing*, with the statute's words; or, for what
the statute governs directly whatever the document says (a gemensam nämnd's audit), *law*.

The review reads the encoded bylaw, not the document: a point the document states but the bylaw does not
encode is reported missing, and says so. A missing point is a `completeness` finding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Literal

from ..model import types as t
from ..statute import kommunallagen

# stated: a clause quoting the document says it; assumed: encoded, but only from an assumption or the law,
# not from the document's words; missing: nothing in the bylaw says it (or only part of it); law: the
# document does not say it, and need not: the statute itself governs (a gemensam nämnd's audit, say).
Status = Literal["stated", "assumed", "missing", "law"]
KL = "Kommunallagen (2017:725)"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A clause of the bylaw that states (part of) a point: what it is, and its line."""

    what: str
    line: int
    cited: bool = True  # the clause quotes the document (a `cite`), rather than resting on an assumption


def _evidence(what: str, node: t.Node) -> Evidence:
    return Evidence(what, node.span.line, node.notes.cite is not None)


@dataclass(frozen=True, slots=True)
class Point:
    """One point of a checklist: its id (for `states ID`), where the law says it, and what it asks.

    `by_law`: the statute governs the point directly whatever the document says (KL 9 kap. 25 §: a gemensam
    nämnd's members are paid by the municipality that elected them); the document may repeat it, and a
    document that does not is not incomplete for that."""

    id: str
    law: str  # "9 kap. 6 § 4", "9 kap. 24 §", or "" for good practice
    sv: str
    en: str
    evidence: Callable[[t.Bylaw], tuple[tuple[Evidence, ...], tuple[str, str] | None]] = lambda bylaw: ((), None)
    by_law: bool = False

    def statute_text(self) -> str | None:
        """The statute's own words for the point (a numbered item of 9 kap. 6 §, or the paragraph)."""
        match = re.match(r"(\d+) kap\. (\d+) §(?: (\d+))?$", self.law)
        if not match:
            return None
        text = kommunallagen().text(int(match[1]), match[2])
        if text is not None:  # the amendment that last changed the paragraph is not part of its words
            text = re.sub(r"\s*Lag \(\d{4}:\d+\)\.$", "", text)
        if text is None or match[3] is None:
            return text
        items = re.split(r"(?:^|\s)(\d{1,2})\. ", text)  # "… ange 1. namn …, 2. organisation …"
        numbered = dict(zip(items[1::2], items[2::2]))
        item = numbered.get(match[3])
        return item.strip().rstrip(",.").removesuffix(", och").strip() if item else None


@dataclass(frozen=True, slots=True)
class Result:
    point: Point
    status: Status
    evidence: tuple[Evidence, ...]
    note: tuple[str, str] | None  # (sv, en): why a point is still missing (e.g. which member lacks a seat)


@dataclass(frozen=True, slots=True)
class Review:
    bylaw: t.Bylaw
    title_sv: str
    title_en: str
    results: tuple[Result, ...]

    @property
    def missing(self) -> tuple[Result, ...]:
        """The points the document does not state: nothing encodes them, or only an assumption does (a point
        the law itself governs is not among them)."""
        return tuple(r for r in self.results if r.status in ("missing", "assumed"))

    @property
    def stated(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.status == "stated")

    @property
    def by_law(self) -> tuple[Result, ...]:
        """The points the document does not state and need not: the law governs them directly."""
        return tuple(r for r in self.results if r.status == "law")


# ---- evidence from the model ------------------------------------------------------------------------------
def _all(*parts: Callable) -> Callable[[t.Bylaw], tuple[tuple[Evidence, ...], tuple[str, str] | None]]:
    """Stated when every part is: the evidence of all, and the first part's reason when one is missing. A part
    encoded without a quote of the document (members without `cite`) makes the whole point only assumed:
    another part's quote does not state it."""
    def evidence(bylaw: t.Bylaw):
        found: list[Evidence] = []
        uncited: tuple[Evidence, ...] = ()
        for part in parts:
            got, note = part(bylaw)
            if not got:
                return (), note
            if not uncited and not any(e.cited for e in got):
                uncited = got
            found += got
        return _unquoted(found, uncited) if uncited else (tuple(found), None)
    return evidence


def _unquoted(found: list[Evidence], uncited: tuple[Evidence, ...]):
    """All the evidence as not quoting the document, with a note naming the clauses that do not."""
    what, lines = uncited[0].what, ", ".join(str(e.line) for e in uncited)
    sv, en = ("rad", "line") if len(uncited) == 1 else ("rader", "lines")
    return (tuple(replace(e, cited=False) for e in found),
            (f"`{what}` citerar inte dokumentet ({sv} {lines})",
             f"`{what}` does not quote the document ({en} {lines})"))


def _named(what: str, note: tuple[str, str], test: Callable[[t.Bylaw], list[t.Node]]):
    def evidence(bylaw: t.Bylaw):
        nodes = test(bylaw)
        return tuple(_evidence(what, n) for n in nodes), (None if nodes else note)
    return evidence


def _items(b: t.Bylaw, *keys: str) -> list[t.Node]:
    return [h for h in b.header if h.key in keys]


# The title is the document's own: the bylaw line states the name whatever its notes.
_title = lambda b: ((Evidence("bylaw", b.span.line),), None) if b.title else ((), ("", ""))  # noqa: E731
_sate = _named("sate", ("ingen `sate`-sats", "no `sate` clause"), lambda b: _items(b, "sate"))
_members = _named("member", ("inga medlemmar", "no members"), lambda b: list(b.members))
_purpose = _named("duty", ("inget ändamål (`duty \"…\"` under bylaw-raden)",
                                           "no ändamål (`duty \"…\"` under the bylaw line)"),
                  lambda b: _items(b, "duty"))
_costs = _named("cost", ("ingen `cost`-sats", "no `cost` statement"), lambda b: list(b.costs))
_term = _named("valid/renewed", ("ingen `valid`- eller `renewed`-sats", "no `valid` or `renewed` clause"),
               lambda b: _items(b, "valid", "renewed"))
_host = _named("form … in vardkommun", ("ingen värdkommun", "no värdkommun"),
               lambda b: _items(b, "form") if b.form.host else [])
_own_mandate = _named("mandate", ("ingen egen `mandate`-sats", "no `mandate` clause of the bylaw's own"),
                      lambda b: [b.mandate] if b.mandate else [])
_agreement = _named("source", ("bara ett källdokument: överenskommelsen mellan medlemmarna är inte kodad",
                                "only one source document: the överenskommelse between the members is not encoded"),
                    lambda b: _items(b, "source")[1:])


def _assembly(bylaw: t.Bylaw) -> t.Body | None:
    form = bylaw.form
    body_id = form.body_of("direktion") or form.body_of("forbundsfullmaktige") or form.body_of("gemensam-namnd")
    return bylaw.body(body_id) if body_id else None


def _decision(bylaw: t.Bylaw):
    body = _assembly(bylaw)
    nodes = list(body.of(t.Decision)) if body else []
    return tuple(_evidence("decision", n) for n in nodes), None if nodes else ("ingen `decision`-sats", "no `decision` clause")


def _reports(bylaw: t.Bylaw):
    nodes = [c for b in bylaw.bodies for c in b.clauses if isinstance(c, t.Relation) and c.kind == "reports"]
    return tuple(_evidence("reports to", n) for n in nodes), None if nodes else ("ingen `reports to`-sats", "no `reports to` clause")


def _budget(bylaw: t.Bylaw):
    nodes = [m for m in bylaw.matters if "budget" in m.id]
    return tuple(_evidence("matter", n) for n in nodes), None if nodes else ("ingen budgetärendetyp", "no budget matter type")


def _represented(bylaw: t.Bylaw):
    """Every member holds at least one voting seat in the organ, with as many ersättare as ledamöter
    (KL 9 kap. 3 §, 24 §)."""
    body = _assembly(bylaw)
    if body is None:
        return (), ("formen anger inget organ", "the form names no organ")
    seats = [s for s in body.seats if not s.adjunct]
    decls = [d for d in body.of(t.SeatDecl) if not d.adjunct]
    lacking = [m.id for m in bylaw.members if not any(s.member == m.id and s.min >= 1 for s in seats)]
    unequal = [d for d in decls if d.substitutes != d.max]
    if lacking:
        names = ", ".join(lacking)
        return (), (f"ingen ledamotsplats i '{body.id}' för {names}", f"no ledamot seat in '{body.id}' for {names}")
    if unequal:
        d = unequal[0]
        return (), (f"platsen {d.role} i '{body.id}' har {d.max} ledamot(er) men {d.substitutes} ersättare "
                    f"(rad {d.span.line}): antalen ska vara lika",
                    f"'{body.id}' seat {d.role} has {d.max} ledamot(er) but {d.substitutes} ersättare "
                    f"(line {d.span.line}): the numbers must be equal")
    evidence = tuple(_evidence("seat", d) for d in decls)
    uncited = tuple(e for e in evidence if not e.cited)
    if uncited and len(uncited) < len(evidence):  # one seat line quoted does not state the others
        return _unquoted(list(evidence), uncited)
    return evidence, None


def _organisation(bylaw: t.Bylaw):
    """9 kap. 6 § 2 asks for the organisation and its organs' tasks, and also whether an interimsorgan may be
    set up and (with förbundsfullmäktige) whether the förbundsstyrelse may stand in for it. A `form` clause
    says the first; the rest the language cannot say (`states organisation`)."""
    forms = [f"{n.span.line}" for n in _items(bylaw, "form")]
    quoted = all(n.notes.cite is not None for n in _items(bylaw, "form"))
    deputy = bylaw.form.body_of("forbundsfullmaktige") is not None
    rest_sv = "om interimsorgan får inrättas" + (
        " och om förbundsstyrelsen får vara ställföreträdare för förbundsfullmäktige" if deputy else "")
    rest_en = "whether an interimsorgan may be set up" + (
        " and whether the förbundsstyrelse may stand in for förbundsfullmäktige" if deputy else "")
    if not forms:
        return (), ("ingen `form`-sats", "no `form` clause")
    where = ", ".join(forms)
    said_sv, said_en = ("anges", "stated") if quoted else ("antas", "assumed")
    return (), (f"organisationen {said_sv} (rad {where}) men inte {rest_sv}; markera det med `states organisation` "
                "och ett citat",
                f"the organisation is {said_en} (line {where}) but not {rest_en}; mark it with `states organisation` "
                "and a cite")


def _shares_and_costs(bylaw: t.Bylaw):
    """9 kap. 6 § 11 asks for two things: the members' shares in the förbund's assets and debts, and how its
    costs are shared. A `cost` clause says only the second; the first the language cannot say (`states`)."""
    costs = [f"{n.span.line}" for n in bylaw.costs]
    if not costs:
        return (), ("ingen `cost`-sats; andelarna i tillgångar och skulder anges med `states andelar-kostnader`",
                    "no `cost` clause; the shares in assets and debts are marked with `states andelar-kostnader`")
    where = ", ".join(costs)
    return (), (f"kostnadsfördelningen anges (rad {where}) men inte andelarna i tillgångar och skulder; markera "
                "dem med `states andelar-kostnader` och ett citat",
                f"the sharing of costs is stated (line {where}) but not the shares in assets and debts; mark them "
                "with `states andelar-kostnader` and a cite")


# ---- the checklists -----------------------------------------------------------------------------------------
def _kf(item: int, ident: str, sv: str, en: str, evidence=None) -> Point:
    return Point(ident, f"9 kap. 6 § {item}", sv, en, evidence or (lambda b: ((), None)))


KOMMUNALFORBUND = (
    _kf(1, "namn-sate-medlemmar-andamal", "namn, säte, medlemmar och ändamål", "name, säte, members and purpose",
        _all(_title, _sate, _members, _purpose)),
    _kf(2, "organisation", "organisation, organens uppgifter och inbördes förhållanden",
        "organisation, the organs' tasks and their relations", _organisation),
    _kf(3, "ledamoter", "ledamöter och ersättare i den beslutande församlingen, medlemmarnas representation",
        "members and substitutes of the assembly, how each member is represented", _represented),
    Point("representation", "9 kap. 3 §", "varje medlem minst en ledamot och en ersättare, lika många ersättare",
          "each member at least one member and one substitute, as many substitutes as members", _represented),
    _kf(4, "revisorer", "antalet revisorer och deras mandattid", "the number of auditors and their term"),
    _kf(6, "initiativratt", "medlemmarnas rätt att väcka ärenden", "the members' right to raise matters"),
    _kf(7, "kvalificerad-majoritet", "kvalificerad majoritet och för vilka ärenden",
        "a qualified majority and for which matters", _decision),
    _kf(8, "narvaro-forsamling", "närvarorätt i den beslutande församlingen för medlemmarnas förtroendevalda",
        "the right of the members' elected representatives to attend the assembly"),
    _kf(9, "narvaro-namnd", "närvarorätt i förbundsstyrelsen och nämnderna",
        "the right to attend the förbundsstyrelse and the nämnder"),
    _kf(10, "anslagstavla", "webbplatsen för förbundets anslagstavla", "the website of the notice board"),
    _kf(11, "andelar-kostnader", "andelar i tillgångar och skulder, kostnadsfördelning",
        "shares in assets and debts, the sharing of costs", _shares_and_costs),
    _kf(12, "styrning-insyn", "medlemmarnas styrning av och insyn i ekonomi och verksamhet",
        "the members' control of and insight into finances and operations", _reports),
    _kf(13, "budgetprocess", "riktlinjer om budgetprocessen", "guidelines for the budget process", _budget),
    _kf(14, "fragor-arsredovisning", "allmänhetens frågor om årsredovisningen",
        "the public's questions on the annual report"),
    _kf(15, "uttrade", "förfarandet vid utträde", "the procedure when a member leaves"),
    _kf(16, "likvidation", "likvidation, upplösning och skifte", "liquidation, dissolution and distribution"),
    _kf(17, "tvister", "ordningen för att lösa tvister", "how disputes are settled"),
    _kf(18, "arvoden", "ekonomiska förmåner till ledamöter och ersättare", "remuneration of members and substitutes"),
)
_DIREKTION_ONLY = _kf(5, "revisorer-utses", "hur revisorerna utses", "how the auditors are appointed")

GEMENSAM_NAMND = (
    Point("vardkommun", "9 kap. 20 §", "värdkommunen, i vars organisation nämnden ingår",
          "the host municipality whose organisation the nämnd belongs to", _host),
    Point("overenskommelse", "9 kap. 22 §", "nämndens uppgifter preciserade i en överenskommelse mellan medlemmarna",
          "the nämnd's tasks set out in an agreement between the members", _agreement),
    Point("ledamoter-ersattare", "9 kap. 24 §", "minst en ledamot och en ersättare per medlem, lika många ersättare",
          "at least one member and one substitute per member, as many substitutes as members", _represented),
    # 25–35 §§ govern the nämnd directly: the reglemente or the agreement may repeat them, and need not.
    Point("ersattning", "9 kap. 25 §", "ersättning från den kommun som valt den förtroendevalde",
          "remuneration paid by the municipality that elected the member", by_law=True),
    Point("budget", "9 kap. 26 §", "budgeten upprättas av värdkommunen efter samråd",
          "the budget drawn up by the host after consultation", _budget, by_law=True),
    Point("anslag", "9 kap. 32 §", "justeringen tillkännages på varje medlems anslagstavla",
          "the approval of minutes announced on every member's notice board", by_law=True),
    Point("reglemente", "9 kap. 33 §", "reglementet antaget av varje medlems fullmäktige",
          "the reglemente adopted by every member's fullmäktige", by_law=True),
    Point("revision", "9 kap. 34 §", "granskning av revisorerna i varje medlem", "audit by every member's auditors",
          by_law=True),
    Point("ansvarsfrihet", "9 kap. 35 §", "ansvarsfrihet prövas av varje medlems fullmäktige",
          "discharge decided by every member's fullmäktige", by_law=True),
    Point("mandattid", "6 kap. 19 §", "mandattiden, som fullmäktige bestämmer", "the term, which fullmäktige decide",
          _own_mandate),
)

GOOD_PRACTICE = (
    Point("avtalstid", "", "avtalstid", "the agreement's term", _term),
    Point("uppsagning", "", "uppsägning och utträde", "termination and withdrawal"),
    Point("kostnader", "", "kostnader och deras fördelning", "costs and how they are shared", _costs),
    Point("tvister", "", "hur tvister löses", "how disputes are settled"),
)


def checklist(form: t.LegalForm) -> tuple[Point, ...]:
    if form.kind == "kommunalforbund":
        points = list(KOMMUNALFORBUND)
        if form.body_of("direktion"):
            points.insert(5, _DIREKTION_ONLY)
        return tuple(points)
    if form.kind == "gemensam-namnd":
        return GEMENSAM_NAMND
    return GOOD_PRACTICE


def titles(form: t.LegalForm) -> tuple[str, str]:
    if form.kind == "kommunalforbund":
        organ = "förbundsdirektion" if form.body_of("direktion") else "förbundsfullmäktige"
        return (f"kommunalförbund med {organ}: {KL} 9 kap. 6 §",
                f"kommunalförbund with {organ}: {KL} 9 kap. 6 §")
    if form.kind == "gemensam-namnd":
        return f"gemensam nämnd: {KL} 9 kap. 19–35 §§", f"gemensam nämnd: {KL} 9 kap. 19–35 §§"
    name = "avtalssamverkan" if form.kind == "avtalssamverkan" else "informell samverkan"
    name_en = "avtalssamverkan" if form.kind == "avtalssamverkan" else "informal collaboration"
    return f"{name}: god sed", f"{name_en}: good practice"


# Points the engine computes from the seats: a `states` clause cannot overrule a representation that fails.
_COMPUTED = frozenset({"ledamoter", "representation", "ledamoter-ersattare"})


def review(bylaw: t.Bylaw) -> Review:
    """The checklist of the bylaw's form, each point stated (with its evidence) or missing."""
    stated = {h.value[0]: h for h in bylaw.header if h.key == "states"}
    results = []
    for point in checklist(bylaw.form):
        evidence, note = point.evidence(bylaw)
        if point.id in stated and not (note and point.id in _COMPUTED and evidence == ()):
            evidence = (_evidence(f"states {point.id}", stated[point.id]), *evidence)
            note = None
        status: Status = ("stated" if any(e.cited for e in evidence) else "law" if point.by_law
                          else "assumed" if evidence else "missing")
        results.append(Result(point, status, tuple(evidence), note))
    sv, en = titles(bylaw.form)
    return Review(bylaw, sv, en, tuple(results))


# ---- rendering ----------------------------------------------------------------------------------------------
_WORDS = {
    "sv": {"head": "Granskning: {title}", "stated": "anges", "missing": "saknas", "assumed": "antas",
           "assumed.note": "kodat ur ett antagande eller ur lagen, inte ur dokumentets ord", "law": "Lagen",
           "by-law": "lagen", "by-law.note": "gäller direkt enligt lagen; dokumentet behöver inte ange det",
           "summary.law": " {law} gäller direkt enligt lagen.",
           "practice": "god sed", "line": "rad", "lines": "rader",
           "summary": "{stated} av {total} punkter anges i dokumentet; {missing} gör det inte.",
           "encoded": "Granskningen läser den kodade stadgan: det dokumentet säger men stadgan inte kodar "
                      "räknas som saknat. Markera det med `states PUNKT` och ett citat.",
           "message": "stadgan anger inte {what} ({law})"},
    "en": {"head": "Review: {title}", "stated": "stated", "missing": "missing", "assumed": "assumed",
           "assumed.note": "encoded from an assumption or the law, not from the document's words", "law": "The law",
           "by-law": "by law", "by-law.note": "the law governs it directly; the document need not state it",
           "summary.law": " {law} governed by the law directly.",
           "practice": "good practice", "line": "line", "lines": "lines",
           "summary": "{stated} of {total} points stated by the document; {missing} not.",
           "encoded": "The review reads the encoded bylaw: what the document says but the bylaw does not encode "
                      "counts as missing. Mark it with `states POINT` and a cite.",
           "message": "the bylaw does not state {what} ({law})"},
}


def _where(result: Result, words: dict) -> str:
    lines = sorted({e.line for e in result.evidence})
    label = words["line"] if len(lines) == 1 else words["lines"]
    return f"{label} {', '.join(map(str, lines))}"


def _law(point: Point, lang: str) -> str:
    return f"KL {point.law}" if point.law else _WORDS[lang]["practice"]


def render_text(rv: Review, path: str, lang: str = "sv") -> str:
    w = _WORDS[lang]
    title = rv.title_sv if lang == "sv" else rv.title_en
    out = [f"{path}: {w['head'].format(title=title)}"]
    width = max(len(_law(r.point, lang)) for r in rv.results)
    for r in rv.results:
        what = r.point.sv if lang == "sv" else r.point.en
        mark = w["by-law" if r.status == "law" else r.status]
        line = f"  {mark:<7} {_law(r.point, lang):<{width}}  {r.point.id}: {what}"
        if r.status == "stated":
            out.append(f"{line} ({_where(r, w)})")
            continue
        if r.status == "assumed":
            out.append(f"{line} ({_where(r, w)})")
            out.append(f"          {w['assumed.note']}")
        elif r.status == "law":
            out.append(line)
            out.append(f"          {w['by-law.note']}")
        else:
            out.append(line)
        if r.note and r.note[0]:
            out.append(f"          {r.note[0] if lang == 'sv' else r.note[1]}")
        text = r.point.statute_text()
        if text:
            out.append(f"          {w['law']}: \"{text}\"")
    out.append(w["summary"].format(stated=len(rv.stated), total=len(rv.results), missing=len(rv.missing))
               + (w["summary.law"].format(law=len(rv.by_law)) if rv.by_law else ""))
    if rv.missing:
        out.append(w["encoded"])
    return "\n".join(out) + "\n"


def to_json(rv: Review, path: str, lang: str = "sv") -> dict:
    """Points in checklist order; each missing one also as a `completeness` finding (severity warning)."""
    w = _WORDS[lang]
    header = rv.bylaw.header_item("form")
    findings = [{
        "rule": "completeness", "severity": "warning", "point": r.point.id,
        "law": f"{KL} {r.point.law}" if r.point.law else None,
        "message": w["message"].format(what=r.point.sv if lang == "sv" else r.point.en, law=_law(r.point, lang)),
        "status": r.status, "statute": r.point.statute_text(),
        "note": (r.note[0] if lang == "sv" else r.note[1]) if r.note and r.note[0] else None,
        "at": {"file": path, "line": header.span.line if header else rv.bylaw.span.line},
    } for r in rv.missing]
    return {
        "bylaw": rv.bylaw.id, "file": path, "form": rv.bylaw.form.kind, "form_stated": rv.bylaw.form_stated,
        "checklist": rv.title_sv if lang == "sv" else rv.title_en,
        "points": [{"point": r.point.id, "law": f"{KL} {r.point.law}" if r.point.law else None,
                    "status": r.status, "lines": sorted({e.line for e in r.evidence}),
                    "clauses": sorted({e.what for e in r.evidence})} for r in rv.results],
        "stated": len(rv.stated), "missing": len(rv.missing), "law": len(rv.by_law),
        "findings": findings,
    }
