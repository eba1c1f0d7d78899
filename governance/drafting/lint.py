"""`lint`: everything `load` finds, plus checks that need more than one clause or the source document.

Each pass is a function (bylaw, context) -> iterable of diagnostics, listed in `PASSES` in order.
"""
from __future__ import annotations

from datetime import date
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..diagnostics import Diagnostic, error, warning
from ..lang import Text
from ..graph.queries import flow_cycles, unreachable_bodies
from ..loader import Analysis, analyse, read_text, shipped_dir
from ..diagnostics import BylawError
from ..model import types as t
from ..model.clauses import Dispatch
from ..statute import kommunallagen, parse_reference, passage, statute
from ..time.terms import election_date

_ID_SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace folded, typographic quotes and dashes made plain, so line breaks in a PDF don't matter."""
    text = text.replace("\u00ad", "").replace("’", "'").replace("”", '"').replace("“", '"')
    text = text.replace("–", "-").replace("—", "-")
    return _WS.sub(" ", text).strip()


@dataclass
class Context:
    """Where lint finds what a bylaw cites: its own path and the folders of its source documents."""

    path: Path
    source_dirs: list[Path]


def _cited_nodes(bylaw: t.Bylaw) -> Iterator[t.Node]:
    yield bylaw
    yield from bylaw.header
    yield from bylaw.imports
    yield from bylaw.members
    yield from bylaw.matters
    for body in bylaw.bodies:
        yield body
        yield from body.clauses
    yield from bylaw.rules
    if bylaw.participation:
        yield bylaw.participation
    yield from bylaw.costs
    for node in (bylaw.election, bylaw.mandate, *bylaw.defaults):
        if node is not None:
            yield node


def source_problem(name: str) -> Text | None:
    """Why a `source` name cannot be a file in the sources/ folder, or None: the document quoted is read
    from there only, so a bylaw from elsewhere (CI, a web form) cannot make lint read and quote any file."""
    if "\x00" in name:
        return Text("ett källdokuments namn kan inte innehålla ett NUL-tecken",
                    "a source name cannot hold a NUL character")
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in parts:
        return Text(f"källan '{name[:80]}' ligger utanför mappen sources/; ange en fil i den (t.ex. \"avtal.txt\")",
                    f"source '{name[:80]}' is outside the sources/ folder; name a file in it (e.g. \"agreement.txt\")")
    if any(len(part.encode("utf-8")) > 255 for part in parts):
        return Text("källans namn är längre än ett filnamn kan vara (255 byte)",
                    "the source name is longer than a file name can be (255 bytes)")
    return None


def find_source(bylaw: t.Bylaw, ctx: Context, name: str | None = None) -> Path | None:
    """The source document's path: the file `name` (default: the bylaw's first source), in --sources
    folders, the sources/ folder beside the bylaw, or the shipped one. A name that resolves outside its
    folder (a symbolic link out of it) is not taken."""
    name = name or bylaw.source
    if not name or source_problem(name):
        return None
    for folder in (*ctx.source_dirs, ctx.path.parent / "sources", shipped_dir("bylaws") / "sources"):
        try:
            root = folder.resolve()
            candidate = (folder / name).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
        except (OSError, RuntimeError, ValueError):  # too long, a link loop …: not a document to read
            continue
    return None


def closest_passage(quote: str, text: str) -> str:
    """The run of sentences in `text` most like `quote`, for a 'did you mean' under a failed quote."""
    sentences = [s for s in re.split(r"(?<=[.!?:;])\s+|\n\s*\n", text) if s.strip()]
    span = max(1, len(re.findall(r"[.!?]", quote)))
    windows = [normalise(" ".join(sentences[i:i + span])) for i in range(len(sentences))]
    # rapidfuzz's Indel ratio, in C: difflib's took seconds for a long quote against a long document.
    # Imported here: only a quote not found needs it (~15 ms of every lint's start otherwise).
    from rapidfuzz import fuzz, process
    best = process.extractOne(quote, windows, scorer=fuzz.ratio)
    return best[0] if best else ""


def check_quotes(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """Every `cite` is found verbatim (whitespace folded) in the source document it names (or the only one)."""
    cited = [n for n in _cited_nodes(bylaw) if n.notes.cite]
    if not bylaw.source:
        if cited and bylaw.kind == "bylaw":
            yield warning("no-source", Text("avtalet citerar meningar men anger inget källdokument (`source`)",
                                            "the bylaw quotes sentences but names no `source` document"),
                          bylaw.span, Text('skriv `source "FIL.txt"` under raden `bylaw`',
                                           'add `source "FILE.txt"` under the bylaw line'))
        return
    items = {(h.value[1] if len(h.value) > 1 else None): h for h in bylaw.header if h.key == "source"}
    texts: dict[str | None, tuple[Path, str] | None] = {}
    for name, item in items.items():
        problem = source_problem(item.value[0])
        if problem:
            yield error("source-outside", problem, item.span,
                        Text("lägg dokumentet i sources/ bredvid avtalet och ange det med sitt filnamn",
                             "put the document in sources/ beside the bylaw and name it by its file name"))
            texts[name] = None
            continue
        path = find_source(bylaw, ctx, item.value[0])
        if path is None:
            yield warning("source-missing", Text(
                f"källdokumentet '{item.value[0]}' finns inte; citaten kontrolleras inte",
                f"source document '{item.value[0]}' not found; quotes are not checked"), item.span,
                Text("lägg det i sources/ bredvid avtalet, eller ange --sources MAPP",
                     "put it in sources/ beside the bylaw, or pass --sources DIR"))
        texts[name] = (path, normalise(read_text(path))) if path else None
    several = len(items) > 1
    for node in cited:
        name = node.notes.cite_source
        if name is None and several:
            which = " | ".join(sorted(str(n) for n in items))
            yield error("cite-source", Text("avtalet har flera källdokument; ett citat måste säga vilket det citerar",
                                            "this agreement has several sources; the cite must say which it quotes"),
                        node.notes.cite_span, Text(f'skriv: cite {which} "…"', f'write: cite {which} "…"'))
            continue
        if name is not None and name not in items:
            known = sorted(str(n) for n in items if n)
            yield error("cite-source", Text(f"det finns ingen källa med namnet '{name}'", f"no source named '{name}'"),
                        node.notes.cite_span,
                        Text(f"källorna är: {', '.join(known)}", f"the sources are: {', '.join(known)}") if known
                        else Text(f'namnge källan: source {name} "{bylaw.source}"',
                                  f'name the source: source {name} "{bylaw.source}"'))
            continue
        found = texts.get(name if several or name in texts else next(iter(texts)))
        if found is None:
            continue
        path, text = found
        quote = normalise(node.notes.cite)
        if quote not in text:
            passage = closest_passage(quote, text)
            yield error("quote-not-found", Text(f"den citerade meningen står inte i {path.name}",
                                                f"the quoted sentence is not in {path.name}"),
                        node.notes.cite_span, Text(f"närmaste ställe: \"{passage[:300]}\"",
                                                   f"closest passage: \"{passage[:300]}\"") if passage else None)


def check_law(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """Every `law` note points at a paragraph that exists, and its quote stands verbatim in that paragraph
    of the statute text shipped in law/ (as a `cite` stands in the agreement's source)."""
    for node in _cited_nodes(bylaw):
        notes = node.notes
        if notes.law is None:
            continue
        span = notes.law_span
        ref = parse_reference(notes.law)
        if ref is None:
            if notes.law_quote:
                yield warning("law-unverified", Text("hänvisningen anger inget kapitel och ingen paragraf, så "
                                                     "citatet kontrolleras inte",
                                                     "the reference names no chapter and paragraph, so the quote "
                                                     "is not verified"), span,
                              Text('skriv t.ex. "Kommunallagen (2017:725) 6 kap. 27 §"',
                                   'write e.g. "Kommunallagen (2017:725) 6 kap. 27 §"'))
            continue
        text = passage(ref)
        if text is None:
            if ref.sfs is not None and statute(ref.sfs) is not None:
                name = statute(ref.sfs).name
                yield error("law-unknown", Text(f"{ref} är inte en paragraf i {name}",
                                                f"{ref} is not a paragraph of {name}"), span)
            elif notes.law_quote:
                yield warning("law-unverified", Text(f"texten till {notes.law!r} följer inte med programmet, så "
                                                     "citatet kontrolleras inte",
                                                     f"the project does not ship the text of {notes.law!r}, so the "
                                                     "quote is not verified"), span)
            continue
        if notes.law_quote and normalise(notes.law_quote) not in normalise(text):
            closest = closest_passage(normalise(notes.law_quote), text)
            yield error("law-quote-not-found", Text(f"de citerade orden står inte i {ref}",
                                                    f"the quoted words are not in {ref}"), span,
                        Text(f"paragrafen lyder: \"{closest[:300]}\"",
                             f"the paragraph reads: \"{closest[:300]}\"") if closest else None)


# The statute's sentences on mandates (Kommunallagen 5 kap. 9 §, 6 kap. 18–19 §§, 9 kap. 4 §), quoted from law/.
_MANDATE_LAW = {"fullmaktige": (5, 9, "Ledamöterna och ersättarna i fullmäktige"),
                "styrelse": (6, 18, "Ledamöterna och ersättarna i styrelsen"),
                "namnd": (6, 19, "Fullmäktige bestämmer mandattiderna"),
                "forbund": (9, 4, "Den beslutande församlingen väljs"),
                "forbund-start": (9, 4, "Mandattiden räknas")}


def _mandate_law(key: str) -> str:
    chapter, paragraph, opening = _MANDATE_LAW[key]
    return f"KL {chapter} kap. {paragraph} §: \"{kommunallagen().sentence(chapter, paragraph, opening)}\""


def check_mandate(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """Mandate periods follow the legal form. A mandate cannot start before the election that fills it (KL 5
    kap. 9 §, 6 kap. 18 §, 9 kap. 4 §). A kommunalförbund's assembly is elected for four years, or fewer if
    the förbundsordning says so, from 1 January after the election year unless it says otherwise (9 kap.
    4 §): a longer own mandate is an error, fullmäktige's 15 October taken from a module a warning. A
    gemensam nämnd's mandate is what the members' fullmäktige decide (6 kap. 19 §), never a module's."""
    cycle, mandate = bylaw.election_cycle, bylaw.mandate_period
    owner = bylaw if bylaw.mandate is not None else next((m for m in bylaw.modules if m.mandate), None)
    if owner is None or mandate is None:
        return
    span = mandate.span if owner is bylaw else next((i.span for i in bylaw.imports if i.module == owner.id),
                                                    bylaw.span)
    kind = bylaw.form.kind
    if cycle is not None and not mandate.after and cycle.every >= 1:
        for year in range(cycle.start, cycle.start + 4 * cycle.every, cycle.every):
            election = election_date(cycle, year)
            try:
                start = date(year, mandate.month, mandate.day)
            except ValueError:
                break
            if election is not None and start < election:
                law = _mandate_law("forbund-start" if kind == "kommunalforbund" else "styrelse")
                write = "`mandate period 4 years from january 1 after election year`"
                yield error("mandate-before-election", Text(
                    f"mandatet börjar den {start}, före sitt eget val den {election}",
                    f"the mandate starts on {start}, before its own election on {election}"), span,
                    Text(f"{law} Skriv {write}", f"{law} Write {write}"))
                return
    if kind == "kommunalforbund" and owner is bylaw and mandate.years > 4:
        law = _mandate_law("forbund")
        yield error("mandate-too-long", Text(
            f"ett kommunalförbunds församling väljs för högst fyra år, inte {mandate.years}",
            f"a kommunalförbund's assembly is elected for at most four years, not {mandate.years}"), span,
            Text(law, law))
    elif kind == "kommunalforbund" and owner is not bylaw and not mandate.after:
        law = _mandate_law("forbund-start")
        yield warning("form-mandate", Text(
            f"ett kommunalförbunds församling väljs från den 1 januari året efter valåret, men modulen "
            f"'{owner.id}' ger fullmäktiges mandattid",
            f"a kommunalförbund's assembly is elected from 1 January after the election "
            f"year, but module '{owner.id}' gives fullmäktige's mandate"), span,
            Text(f"{law} Importera kl-kommunalforbund, eller ange förbundsordningens egen `mandate period`",
                 f"{law} Import kl-kommunalforbund, or state the förbundsordning's own `mandate period`"))
    elif kind == "gemensam-namnd" and owner is not bylaw:
        law = _mandate_law("namnd")
        yield warning("form-mandate", Text(
            f"en gemensam nämnd har den mandattid som medlemmarnas fullmäktige bestämmer, men modulen "
            f"'{owner.id}' ger ett annat organs",
            f"a gemensam nämnd serves the mandate its members' fullmäktige decide, but "
            f"module '{owner.id}' gives another organ's"), span,
            Text(f"{law} Ange reglementets egen `mandate period`, eller ingen",
                 f"{law} State the reglemente's own `mandate period`, or none"))


def check_states(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """`states POINT` names a point of the checklist of the bylaw's form (`governance review`), and quotes
    where the document states it."""
    said = [item for item in bylaw.header if item.key == "states"]
    if not said:
        return  # most bylaws state no point: their lint never loads the review or builds its checklist
    from .review import checklist  # here: the review reads the statute text, which plain lint runs need not
    points = {p.id for p in checklist(bylaw.form)}
    for item in said:
        if item.value[0] not in points:
            from ..model.from_ast import nearest_hint  # here: the model's builder, only for a point not found
            form, listed = t.FORM_NAMES[bylaw.form.kind], ", ".join(sorted(points))
            yield error("unknown-point", Text(f"'{item.value[0]}' är inte en punkt i checklistan för {form}",
                                              f"'{item.value[0]}' is not a point of the {form}'s checklist"),
                        item.span, nearest_hint(item.value[0], points)
                        or Text(f"punkterna: {listed}", f"the points: {listed}"))
        elif not item.notes.cite and bylaw.source:
            yield warning("uncited", Text(f"`states {item.value[0]}` citerar ingen mening ur dokumentet",
                                          f"`states {item.value[0]}` quotes no sentence of the document"), item.span,
                          _CITE_IT)


_CITE_IT = Text("citera där dokumentet anger det, med cite \"…\"",
                "quote where the document states it with cite \"…\"")
_OF_KIND_SV = {"bylaw": "avtalets", "module": "modulens"}


def check_id(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """A bylaw's id is a lowercase slug equal to its file's stem: calendars name it, and `load_versions`
    finds a bylaw's older versions by file name."""
    path = Path(bylaw.path)
    if path.suffix != ".bylaw" or (bylaw.id == "unnamed" and not bylaw.title):
        return  # not a bylaw file, or one without a header line (reported as missing-header)
    if not _ID_SLUG.match(bylaw.id):
        from ..model.from_ast import slugify  # here: a warm lint (bylaw_cache) never loads the builder
        slug = slugify(bylaw.id)
        yield error("id-not-slug", Text(f"{_OF_KIND_SV[bylaw.kind]} id '{bylaw.id}' är inte skrivet med små "
                                        "ASCII-bokstäver, siffror och bindestreck",
                                        f"the {bylaw.kind} id '{bylaw.id}' is not a lowercase ASCII slug"), bylaw.span,
                    Text(f"skriv `{bylaw.kind} {slug}` och döp om filen till {slug}.bylaw",
                         f"write `{bylaw.kind} {slug}` and rename the file {slug}.bylaw"))
    elif bylaw.id != path.stem:
        yield error("id-not-stem", Text(f"{_OF_KIND_SV[bylaw.kind]} id '{bylaw.id}' skiljer sig från filens namn "
                                        f"'{path.name}'",
                                        f"the {bylaw.kind} id '{bylaw.id}' differs from the file's name "
                                        f"'{path.name}'"), bylaw.span,
                    Text(f"skriv `{bylaw.kind} {path.stem}`", f"write `{bylaw.kind} {path.stem}`")
                    if _ID_SLUG.match(path.stem)
                    else Text(f"döp om filen till {bylaw.id}.bylaw", f"rename the file {bylaw.id}.bylaw"))


def check_preparation_cycles(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """A body cannot, through preparation and proposal, be a step before itself (from the process graph)."""
    for cycle in flow_cycles(bylaw):
        bodies = [b for b, _ in cycle]
        circle = " → ".join(bodies + [bodies[0]])
        yield error("preparation-cycle", Text(f"ärendena bereds i en cirkel: {circle}",
                                              f"matters are prepared in a circle: {circle}"),
                    cycle[0][1]["rule"].span)


def check_unreachable_bodies(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """A body with no seats and no relation in or out plays no part in the process."""
    for body_id in unreachable_bodies(bylaw):
        yield warning("unreachable-body", Text(
            f"inget leder till organet '{body_id}': det har inga platser och ingen koppling till ett annat organ",
            f"nothing links to body '{body_id}': it has no seats and no relation to another body"),
            bylaw.body(body_id).span,
            Text("ge det platser, eller koppla det till ett annat organ, t.ex. `prepares matters for …` eller "
                 "`reports to …`",
                 "give it seats, or relate it, e.g. `prepares matters for …` or `reports to …`"))


def check_uncited(bylaw: t.Bylaw, ctx: Context) -> Iterator[Diagnostic]:
    """A rule a calendar is checked against should say which sentence it rests on (or which law)."""
    if bylaw.kind != "bylaw" or not bylaw.source:
        return
    for body in bylaw.bodies:
        for clause in body.clauses:
            if WANTS_CITATION(clause) and not clause.notes:
                yield warning("uncited", Text("regeln har ingen `cite`, `law` eller `assume`",
                                              "this rule has no `cite`, `law` or `assume` note"), clause.span,
                              Text("citera avtalets mening med cite \"…\"",
                                   "quote the agreement's sentence with cite \"…\""))


def _yes(clause: t.BodyClause) -> bool:
    return True


# The clauses `uncited` asks to cite their sentence: the rules a calendar is most often judged by.
WANTS_CITATION: Dispatch[bool] = Dispatch("lint (uncited)", {
    t.MeetingRule: _yes, t.Quorum: _yes, t.Decision: _yes, t.Chair: _yes,
}, nothing=(t.SeatDecl, t.Secretary, t.Convener, t.Spokesperson, t.EqualInfluence, t.Relation, t.HostedBy,
            t.AgendaPreparedBy, t.SummonsAll, t.Uses, t.Notice, t.Treats, t.Duty, t.VoteGroup,
            t.Justering), default=False)


PASSES: tuple[Callable[[t.Bylaw, Context], Iterable[Diagnostic]], ...] = (
    check_id,
    check_quotes,
    check_law,
    check_mandate,
    check_states,
    check_preparation_cycles,
    check_unreachable_bodies,
    check_uncited,
)


def lint(path_or_id, source_dirs: list[Path] | None = None) -> Analysis:
    """Analyse a bylaw and run every lint pass; returns the model and all diagnostics, sorted."""
    analysis = analyse(path_or_id, cache=True)
    if analysis.bylaw is not None:
        ctx = Context(Path(analysis.bylaw.path), list(source_dirs or []))
        for check in PASSES:
            try:
                analysis.diagnostics.extend(check(analysis.bylaw, ctx))
            except BylawError as exc:
                analysis.diagnostics.extend(exc.diagnostics)
    analysis.diagnostics.sort(key=lambda d: d.sort_key)
    return analysis
