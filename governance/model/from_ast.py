"""Document → Bylaw: resolve names, expand seats, check what the syntax cannot, collect diagnostics.

Imports are resolved by the caller (`load.py`) and passed in as already-built module bylaws, so this stage
does no I/O.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Callable, Iterable, Mapping

from ..diagnostics import Diagnostic, did_you_mean, error, warning
from ..lang import MONTH_NAMES, Text
from ..span import Span
from ..nearest import nearest
from ..syntax.ast import Default, Document, Header
from . import types as t
from .clauses import Dispatch

_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_WORD = re.compile(r"[\w-]+")
_WORD_AT = re.compile(r"(?<![\w/-])[\w-]+")  # a whole word, as name_span's search for one name sees it


def slugify(name: str) -> str:
    """DESIGN.md's id rule: å/ä → a, ö → o, other accents dropped, spaces → '-', lowercase ASCII."""
    text = name.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """"did you mean 'X'?", in English (the calendar reader's hints use it too)."""
    hint = nearest_hint(name, candidates)
    return hint.en if hint else None


def nearest_hint(name: str, candidates: Iterable[str]) -> Text | None:
    """The help under a name not found, in both languages: the nearest name that is."""
    return did_you_mean(nearest(name, candidates))


# What a diagnostic calls the things of a bylaw, in Swedish (the English is the language's own word).
_THING_SV = {"module": "okänd modul", "member": "okänd medlem", "body": "okänt organ", "matter": "okänd ärendetyp"}
_KIND_SV = {"municipality": "kommun", "region": "region", "county-board": "länsstyrelse", "university": "lärosäte",
            "association": "förening", "company": "bolag", "other": "övrig part"}
_ID_OF_SV = {"member": "medlemmens", "matter": "ärendetypens", "body": "organets"}
_THE_SV = {"member": "medlemmen", "matter": "ärendetypen", "body": "organet"}
_OFFICE_SV = {"chair": "ordförande", "vice chair": "vice ordförande", "secretary": "sekreterare",
              "convener": "sammankallande", "spokesperson": "talesperson",
              "agenda preparer": "den som bereder sammanträdena"}
_ITSELF_SV = {"prepares": "bereder åt sig självt", "proposes": "lämnar förslag till sig självt",
              "executes": "verkställer åt sig självt", "appoints": "utser sig självt",
              "reports_to": "rapporterar till sig självt", "convenes": "kallar sig självt till sammanträde"}


def kind_sv(kind: str) -> str:
    return _KIND_SV.get(kind, kind)


_MONTHS_REVERSED = Text("periodens första månad kommer efter dess sista",
                       "the window's first month comes after its last")
_A_FORM_SV = {"kommunalforbund": "ett kommunalförbund", "gemensam-namnd": "en gemensam nämnd"}
_ORGAN_SV = {"direktion": "direktionen", "forbundsfullmaktige": "förbundsfullmäktige",
             "forbundsstyrelse": "förbundsstyrelsen", "gemensam-namnd": "den gemensamma nämnden"}


def _members_sv(n: int) -> str:
    return f"{n} medlem" if n == 1 else f"{n} medlemmar"


def _seats_sv(n: int) -> str:
    return "den 1 plats" if n == 1 else f"de {n} platser"


def _a_kind_sv(member_class: str | None) -> str:
    kind = kind_sv(member_class or "")
    return f"ett {kind}" if kind in ("bolag", "lärosäte") else f"en {kind}"


class _Builder:
    def __init__(self, doc: Document, modules: Mapping[str, t.Bylaw]):
        self.doc = doc
        self.modules = modules
        self.diags: list[Diagnostic] = []
        self._words: dict[tuple[int, int], dict[str, int]] = {}
        self._by_class: dict[str | None, tuple[str, ...]] = {}

    def err(self, code: str, message: Text, span: Span, help: Text | None = None) -> None:
        self.diags.append(error(code, message, span, help))

    def warn(self, code: str, message: Text, span: Span, help: Text | None = None) -> None:
        self.diags.append(warning(code, message, span, help))

    def unknown(self, what: str, name: str, span: Span, known: Iterable[str]) -> None:
        self.err(f"unknown-{what}", Text(f"{_THING_SV[what]} '{name}'", f"unknown {what} '{name}'"),
                 self.name_span(span, name), nearest_hint(name, known))

    def name_span(self, span: Span, name: str) -> Span:
        """Narrow a clause's span to the first whole-word occurrence of `name` in it, for a sharper caret.
        The clause's words are indexed once, so a list of 20,000 unknown names costs one pass, not 20,000."""
        if span.file != self.doc.source.name:
            return span
        start = None
        if _WORD.fullmatch(name):
            key = (span.start, span.end)
            words = self._words.get(key)
            if words is None:
                words = {}
                for match in _WORD_AT.finditer(self.doc.source.text, span.start, span.end):
                    words.setdefault(match.group(0), match.start())
                self._words[key] = words
            start = words.get(name)
        else:
            match = re.compile(rf"(?<![\w/-]){re.escape(name)}(?![\w-])").search(self.doc.source.text,
                                                                                 span.start, span.end)
            start = match.start() if match else None
        if start is None:
            return span
        line, col = self.doc.source.line_col(start)
        return Span(span.file, start, start + len(name), line, col)

    # ---- the whole document ----
    def build(self) -> t.Bylaw:
        statements = self.doc.statements
        headers = [s for s in statements if isinstance(s, Header)]
        span0 = Span(self.doc.source.name, 0, 0, 1, 1)
        if not headers:
            self.err("missing-header", Text("filen saknar raden `bylaw ID \"Titel\"` (eller `module`)",
                                            "the file has no `bylaw ID \"Title\"` (or `module`) line"), span0,
                     Text("börja filen med: bylaw min-samverkan \"Avtalets titel\"",
                          "start the file with: bylaw my-collaboration \"Title of the agreement\""))
            header = Header(kind="bylaw", id="unnamed", title="", span=span0)
        else:
            header = headers[0]
            for extra in headers[1:]:
                self.err("duplicate-header", Text(f"en andra `{extra.kind}`-rad; en fil rymmer ett avtal",
                                                  f"a second `{extra.kind}` line; a file holds one bylaw"),
                         extra.span, Text(f"den första står på rad {header.span.line}",
                                          f"the first is at line {header.span.line}"))
            if statements[0] is not header:
                self.err("header-not-first", Text("raden `bylaw` ska stå före allt annat",
                                                  "the `bylaw` line must come before everything else"), header.span)

        def of(kind):
            return tuple(s for s in statements if isinstance(s, kind))

        members, matters = of(t.Member), of(t.MatterType)
        bodies = of(t.Body)
        self.check_ids("member", members)
        self.check_ids("matter", matters)
        self.check_ids("body", bodies)
        self.check_header_items(header)
        self.member_ids = {m.id: m for m in members}
        self.body_ids = {b.id: b for b in bodies}
        self.matter_ids = {m.id for m in matters}
        for member in members:
            self.check_member(member)
        self.check_form(header)
        for imp in of(t.Import):
            if imp.module not in self.modules:
                self.unknown("module", imp.module, imp.span, self.modules)
        built_bodies = tuple(self.build_body(b) for b in bodies)
        rules = tuple(s for s in statements if isinstance(s, (t.Requirement, t.NoVeto)))
        for rule in rules:
            self.check_rule(rule)
        participation = of(t.Participation)
        for extra in participation[1:]:
            self.err("duplicate-clause", Text("en andra `participation`-bestämmelse",
                                              "a second `participation` statement"), extra.span)
        for part in participation:
            if part.minimum is not None and part.minimum < 1:
                self.err("invalid-count", Text("minsta antalet deltagare måste vara minst 1",
                                               "the minimum number of participants must be at least 1"), part.span)
            elif part.minimum is not None and members and part.minimum > len(members):
                self.err("min-exceeds-max", Text(
                    f"minst {part.minimum} deltagare, men avtalet har bara {_members_sv(len(members))}",
                    f"at least {part.minimum} participants, but the bylaw has only {len(members)} members"),
                    part.span)
        elections, mandates = of(t.ElectionCycle), of(t.MandatePeriod)
        for extra in (*elections[1:], *mandates[1:]):
            self.err("duplicate-clause", Text("en andra valcykel eller mandatperiod",
                                              "a second election cycle or mandate period"), extra.span)
        for cycle in elections:
            if cycle.every < 1:
                self.err("invalid-count", Text("valperioden måste vara minst ett år",
                                               "elections must come at least every year"), cycle.span)
        # the statement carries the notes and the comments `fmt` keeps; its quorum is what the model uses
        defaults = tuple(replace(d.quorum, notes=d.notes) for d in of(Default))
        for d in defaults:
            if d.kind == "default":
                self.err("invalid-default", Text("en förvald beslutförhet måste säga vad beslutförheten är",
                                                 "a default quorum must say what the quorum is"), d.span)
        bylaw = t.Bylaw(
            id=header.id, title=header.title, kind=header.kind, path=self.doc.source.name,
            header=header.items, imports=of(t.Import), members=members, matters=matters,
            bodies=built_bodies, rules=rules, participation=participation[0] if participation else None,
            costs=of(t.CostRule), election=elections[0] if elections else None,
            mandate=mandates[0] if mandates else None, defaults=defaults,
            modules=tuple(self.modules[i.module] for i in of(t.Import) if i.module in self.modules),
            notes=header.notes, span=header.span, trailing_comments=self.doc.trailing_comments,
        )
        if header.kind == "module" and (members or bodies):
            self.warn("module-content", Text("en modul under rules/ bör ge förval, inte medlemmar eller organ",
                                             "a module under rules/ should hold defaults, not members or bodies"),
                      header.span)
        return bylaw

    def check_ids(self, what: str, nodes: tuple) -> None:
        seen: dict[str, t.Node] = {}
        for node in nodes:
            if node.id in seen:
                self.err("duplicate-id", Text(f"{_THE_SV[what]} '{node.id}' definieras två gånger",
                                              f"{what} '{node.id}' is defined twice"), node.span,
                         Text(f"först definierad på rad {seen[node.id].span.line}",
                              f"first defined at line {seen[node.id].span.line}"))
            else:
                seen[node.id] = node
            if not _SLUG.match(node.id):
                self.warn("id-not-slug", Text(f"{_ID_OF_SV[what]} id '{node.id}' är inte skrivet med små "
                                              "ASCII-bokstäver, siffror och bindestreck",
                                              f"{what} id '{node.id}' is not a lowercase ASCII slug"), node.span,
                          Text(f"skriv '{slugify(node.id)}'", f"write '{slugify(node.id)}'"))

    def check_header_items(self, header: Header) -> None:
        seen: dict[str, t.HeaderItem] = {}
        sources = [item for item in header.items if item.key == "source"]
        if len(sources) > 1:
            names: dict[str, t.HeaderItem] = {}
            for item in sources:
                name = item.value[1] if len(item.value) > 1 else None
                if name is None:
                    self.err("unnamed-source", Text("ett avtal med flera källdokument namnger vart och ett",
                                                    "an agreement with several sources names each of them"),
                             item.span, Text(f'skriv: source NAMN "{item.value[0]}" (t.ex. reglemente, avtal)',
                                             f'write: source NAME "{item.value[0]}" (e.g. reglemente, avtal)'))
                elif name in names:
                    self.err("duplicate-id", Text(f"källan '{name}' namnges två gånger",
                                                  f"source '{name}' is named twice"), item.span,
                             Text(f"först namngiven på rad {names[name].span.line}",
                                  f"first named at line {names[name].span.line}"))
                else:
                    names[name] = item
        stated: dict[tuple, t.HeaderItem] = {}
        for item in header.items:
            if item.key in seen and item.key not in ("duty", "source", "states"):
                self.err("duplicate-clause", Text(f"`{item.key}` anges två gånger", f"`{item.key}` is given twice"),
                         item.span)
            if item.key == "states" and item.value in stated:
                self.err("duplicate-clause", Text(f"`states {item.value[0]}` anges två gånger",
                                                  f"`states {item.value[0]}` is given twice"), item.span,
                         Text(f"den första står på rad {stated[item.value].span.line}",
                              f"the first is at line {stated[item.value].span.line}"))
            if item.key == "states":
                stated.setdefault(item.value, item)
            seen[item.key] = item
            if item.key == "amends" and item.value[0] == header.id:
                self.err("amends-self", Text("ett avtal kan inte ändra sig självt", "a bylaw cannot amend itself"),
                         item.span)
            if item.key == "renewed" and item.value[0] < 1:
                self.err("invalid-count", Text("en förnyelse måste gälla minst en mandatperiod",
                                               "a renewal must last at least one mandate period"), item.span)
        valid, signed = seen.get("valid"), seen.get("signed")
        if valid and signed and valid.value[0] and valid.value[1] and valid.value[1] < valid.value[0]:
            self.err("invalid-period", Text("avtalet upphör innan det börjar gälla",
                                            "the agreement ends before it starts"), valid.span)

    def check_form(self, header: Header) -> None:
        """The form's organs are bodies of the bylaw, its värdkommun a member; KL's forms join only
        municipalities and regions (3 kap. 8 §, 9 kap. 19 §)."""
        item = next((i for i in header.items if i.key == "form"), None)
        if item is None:
            return
        form: t.LegalForm = item.value[0]
        for organ, body_id in form.organs:
            body = self.body_ids.get(body_id)
            if body is None:
                self.unknown("body", body_id, item.span, self.body_ids)
            elif body.office:
                self.err("form-organ", Text(f"{_ORGAN_SV.get(organ, organ)} '{body_id}' är märkt `office`, men det "
                                            "är ett organ som sammanträder och beslutar",
                                            f"the {organ} '{body_id}' is marked `office`, but it is an organ "
                                            "that meets and decides"), self.name_span(item.span, body_id))
        bodies = [b for _, b in form.organs]
        if len(set(bodies)) < len(bodies):
            self.err("form-organ", Text("förbundsfullmäktige och förbundsstyrelse måste vara två organ",
                                        "förbundsfullmäktige and förbundsstyrelse must be two bodies"), item.span,
                     Text("ett kommunalförbund vars församling också är dess styrelse har en direktion: "
                          "form kommunalforbund with direktion ORGAN",
                          "a kommunalförbund whose assembly is also its styrelse has a direktion: "
                          "form kommunalforbund with direktion BODY"))
        if form.host is not None:
            host = self.member_ids.get(form.host)
            if host is None:
                self.unknown("member", form.host, item.span, self.member_ids)
            elif host.kind not in ("municipality", "region"):
                self.err("form-member", Text(
                    f"värdkommunen '{form.host}' är {_a_kind_sv(host.kind)}; en gemensam nämnd inrättas i en av de "
                    "samverkande kommunerna eller regionerna (KL 9 kap. 20 §)",
                    f"the värdkommun '{form.host}' is a {host.kind}; a gemensam nämnd is "
                    "set up in one of the collaborating municipalities or regions (KL 9 kap. 20 §)"),
                    self.name_span(item.span, form.host))
        if form.statutory:
            for member in self.member_ids.values():
                if member.kind not in ("municipality", "region"):
                    self.err("form-member", Text(
                        f"'{member.id}' är {_a_kind_sv(member.kind)}; bara kommuner och regioner kan vara medlemmar "
                        f"i {_A_FORM_SV.get(form.kind, t.FORM_NAMES[form.kind])}",
                        f"'{member.id}' is a {member.kind}; only municipalities and "
                        f"regions can be members of a {t.FORM_NAMES[form.kind]}"), member.span,
                        Text("för in den som part i ett separat avtal, eller ändra samverkansformen",
                             "record it as a party to a separate agreement, or change the form"))

    def check_member(self, member: t.Member) -> None:
        if member.kind == "municipality" and member.code is not None and len(member.code) != 4:
            self.err("invalid-code", Text(f"en kommuns SCB-kod har fyra siffror, inte '{member.code}'",
                                          f"a municipality's SCB code has four digits, not '{member.code}'"),
                     member.span)
        if member.kind == "municipality" and member.code is None:
            self.warn("missing-code", Text(f"kommunen '{member.id}' har ingen SCB-kod",
                                           f"municipality '{member.id}' has no SCB code"), member.span,
                      Text("skriv den fyrsiffriga koden efter `municipality`, t.ex. municipality 1380",
                           "add the four-digit code after `municipality`, e.g. municipality 1380"))

    # ---- bodies ----
    def build_body(self, body: t.Body) -> t.Body:
        seats: list[t.Seat] = []
        roles: set[str] = set()
        for clause in body.clauses:
            if isinstance(clause, t.SeatDecl):
                roles.add(clause.role)
                seats.extend(self.expand_seat(clause))
        seen_kinds: dict[str, t.Node] = {}
        for clause in body.clauses:
            key = _singleton_key(clause)
            if key:
                if key in seen_kinds:
                    self.err("duplicate-clause", Text(f"organet '{body.id}' har en andra `{key}`-bestämmelse",
                                                      f"body '{body.id}' has a second `{key}` clause"), clause.span,
                             Text(f"den första står på rad {seen_kinds[key].span.line}",
                                  f"the first is at line {seen_kinds[key].span.line}"))
                seen_kinds[key] = clause
            self.check_clause(body, clause, roles, seats)
        self.check_groups(body, seats)
        if not seats and not body.office:
            self.warn("empty-body", Text(f"organet '{body.id}' har inga platser", f"body '{body.id}' has no seats"),
                      body.span, Text("skriv `seat ROLL from each member`, eller märk det `office` om det inte "
                                      "håller några sammanträden",
                                      "add `seat ROLE from each member`, or mark it `office` if it holds no meetings"))
        if body.office and any(isinstance(c, t.MeetingRule) for c in body.clauses):
            self.warn("office-meets", Text(f"'{body.id}' är ett kansli men har regler om sammanträden",
                                           f"'{body.id}' is an office but has meeting rules"), body.span)
        return replace(body, seats=tuple(seats))

    def expand_seat(self, decl: t.SeatDecl) -> list[t.Seat]:
        if decl.min < 0 or decl.max < decl.min or decl.max == 0:
            self.err("invalid-count", Text(f"antalet platser {decl.min}..{decl.max} är tomt eller omvänt",
                                           f"seat count {decl.min}..{decl.max} is empty or reversed"), decl.span)
        h = decl.holders
        if decl.formula is not None:
            return self.expand_formula(decl)
        if h.mode == "fixed":
            return [t.Seat(decl.role, None, decl.min, decl.max, decl.adjunct, title=decl.title)]
        if h.mode == "any":
            self.check_class(h.member_class, decl.span)
            return [t.Seat(decl.role, None, decl.min, decl.max, decl.adjunct, pool=h.member_class,
                           title=decl.title)]
        if h.mode == "each":
            self.check_class(h.member_class, decl.span)
            chosen = self.members_of(h.member_class)
            if not chosen and self.member_ids:
                self.warn("no-holders", Text(f"ingen medlem är {_a_kind_sv(h.member_class)}, så ingen innehar "
                                             "den här platsen",
                                             f"no member is a {h.member_class}, so this seat is held by nobody"),
                          decl.span)
            role, low, high, adjunct, title = decl.role, decl.min, decl.max, decl.adjunct, decl.title
            return [t.Seat(role, m, low, high, adjunct, None, title) for m in chosen]
        out = []
        for member_id in h.members:
            if member_id not in self.member_ids:
                self.unknown("member", member_id, decl.span, self.member_ids)
            out.append(t.Seat(decl.role, member_id, decl.min, decl.max, decl.adjunct, title=decl.title))
        return out

    def expand_formula(self, decl: t.SeatDecl) -> list[t.Seat]:
        """Seats by population: one line per holding member, its count known once the figures are given."""
        f, h = decl.formula, decl.holders
        if (decl.min, decl.max) != (1, 1):
            count = decl.min if decl.min == decl.max else f"{decl.min}..{decl.max}"
            self.err("formula-count", Text("en platsrad som räknas efter folkmängd anger inget eget antal",
                                           "a seat line counted by population gives no count of its own"),
                     decl.span, Text(f"stryk antalet {count}", f"drop the count {count}"))
        if f.size <= 0 or f.step <= 0:
            self.err("invalid-formula", Text("en platsformel räknar platser per ett positivt antal invånare",
                                             "a seat formula counts seats per a positive number of inhabitants"),
                     decl.span)
            f = replace(f, size=max(f.size, 1))  # to go on checking; the bylaw is refused all the same
        if f.reference is not None and not 1 <= f.reference[1] <= _MONTH_DAYS[f.reference[0] - 1]:
            month, day = f.reference
            self.err("invalid-formula", Text(f"{MONTH_NAMES['sv'][month - 1]} har ingen dag {day}",
                                             f"{t.MONTHS[month - 1]} has no day {day}"), decl.span)
        fewest = max(replace(f, maximum=None).least, 1)
        if f.maximum is not None and f.maximum < fewest:
            self.err("invalid-formula", Text(
                f"högst {f.maximum} är färre än {_seats_sv(fewest)} som formeln ger varje medlem",
                f"at most {f.maximum} is fewer than the {fewest} seat(s) the formula gives every member"), decl.span)
        if h.mode in ("fixed", "any"):
            self.err("formula-holders", Text("platser efter folkmängd räknas per medlem: ange vems folkmängd",
                                             "seats by population are counted per member: say whose population"),
                     decl.span, Text("skriv `from each municipality` eller räkna upp medlemmarna",
                                     "write `from each municipality` or list the members"))
            return [t.Seat(decl.role, None, decl.min, decl.max, decl.adjunct, title=decl.title)]
        if h.mode == "each":
            self.check_class(h.member_class, decl.span)
            chosen = self.members_of(h.member_class)
        else:
            chosen = h.members
        least = f.least
        out = []
        for member_id in chosen:
            member = self.member_ids.get(member_id)
            if member is None:
                self.unknown("member", member_id, decl.span, self.member_ids)
            elif member.kind != "municipality":
                self.err("formula-holders", Text(
                    f"'{member_id}' är {_a_kind_sv(member.kind)}: den har ingen folkmängd att räkna platser efter",
                    f"'{member_id}' is a {member.kind}: it has no population to count seats by"), decl.span,
                    Text("räkna efter folkmängd bland `each municipality`",
                         "count by population among `each municipality`"))
            out.append(t.Seat(decl.role, member_id, least, f.maximum if f.maximum is not None else least,
                              decl.adjunct, None, decl.title, decl.formula))
        return out

    def members_of(self, member_class: str | None) -> tuple[str, ...]:
        if member_class not in self._by_class:
            self._by_class[member_class] = tuple(
                m.id for m in self.member_ids.values() if member_class == "member" or m.kind == member_class)
        return self._by_class[member_class]

    def check_class(self, member_class: str | None, span: Span) -> None:
        if member_class not in (None, "member", *t.MEMBER_KINDS):
            self.err("unknown-kind", Text(f"okänd medlemstyp '{member_class}'", f"unknown member kind '{member_class}'"),
                     span, nearest_hint(member_class or "", t.MEMBER_KINDS))

    def check_ref(self, body: t.Body, ref: t.Ref, span: Span, seats: list[t.Seat], what: str) -> None:
        """A seat reference names a role of this body, and the member (if given) holds that role here.

        A bare name may also be another body (an office such as the secretariat convening a group)."""
        if isinstance(ref, t.ChairRef):
            return
        roles = {s.role for s in seats}
        if ref.member is None and ref.role not in roles:
            if ref.role in self.body_ids or ref.role in self.member_ids:
                return
            self.err("chair-not-seat" if what in ("chair", "vice chair") else "unknown-seat",
                     Text(f"'{ref.role}', angiven som {_OFFICE_SV[what]}, är inte en plats i organet '{body.id}'",
                          f"{what} '{ref.role}' is not a seat of body '{body.id}'"), span,
                     nearest_hint(ref.role, roles | set(self.body_ids)))
            return
        if ref.member is not None:
            if ref.member not in self.member_ids:
                self.unknown("member", ref.member, span, self.member_ids)
                return
            kind = self.member_ids[ref.member].kind
            if not any(s.role == ref.role and (s.member == ref.member or s.pool in ("member", kind))
                       for s in seats):
                self.err("chair-not-seat" if what in ("chair", "vice chair") else "unknown-seat",
                         Text(f"'{ref}', angiven som {_OFFICE_SV[what]}, är inte en plats i organet '{body.id}'",
                              f"{what} '{ref}' is not a seat of body '{body.id}'"), span,
                         nearest_hint(str(ref), {str(s.ref) for s in seats if s.member}))

    def check_clause(self, body: t.Body, clause: t.BodyClause, roles: set[str], seats: list[t.Seat]) -> None:
        CHECK_CLAUSE(clause, self, body, roles, seats)

    def check_office(self, body: t.Body, roles: set[str], seats: list[t.Seat],
                     clause: t.Secretary | t.Convener | t.Spokesperson) -> None:
        self.check_ref(body, clause.ref, clause.span, seats, type(clause).__name__.lower())

    def check_agenda(self, body: t.Body, roles: set[str], seats: list[t.Seat], clause: t.AgendaPreparedBy) -> None:
        for ref in clause.refs:
            self.check_ref(body, ref, clause.span, seats, "agenda preparer")

    def check_uses(self, body: t.Body, roles: set[str], seats: list[t.Seat], clause: t.Uses) -> None:
        span = clause.span
        if not 0 < clause.percent <= 100:
            self.err("invalid-percent", Text(f"{clause.percent}% ligger inte mellan 0 och 100",
                                             f"{clause.percent}% is not between 0 and 100"), span)
        if isinstance(clause.ref, t.SeatRef) and clause.ref.member and clause.ref.member not in self.member_ids:
            self.unknown("member", clause.ref.member, span, self.member_ids)

    def check_meets(self, body: t.Body, roles: set[str], seats: list[t.Seat], clause: t.MeetingRule) -> None:
        span = clause.span
        if clause.kind == "between" and clause.low > clause.high:
            self.err("min-exceeds-max", Text(f"minst {clause.low} men högst {clause.high} sammanträden",
                                             f"at least {clause.low} but at most {clause.high} meetings"),
                     span, Text(f"skriv {clause.high}..{clause.low}", f"write {clause.high}..{clause.low}"))
        if clause.months and clause.months[0] > clause.months[1]:
            self.err("invalid-months", _MONTHS_REVERSED, span,
                     Text("en period ligger inom ett kalenderår, t.ex. april..may",
                          "windows run within one calendar year, e.g. april..may"))

    def check_quorum(self, body: t.Body, roles: set[str], seats: list[t.Seat], clause: t.Quorum) -> None:
        span = clause.span
        if clause.kind == "fraction" and not 0 < clause.numerator <= clause.denominator:
            self.err("invalid-fraction", Text(
                f"beslutförheten {clause.numerator}/{clause.denominator} är inte ett bråk mellan 0 och 1",
                f"quorum {clause.numerator}/{clause.denominator} is not a fraction between 0 and 1"), span)
        if clause.kind == "default" and self.default_quorum() is None:
            self.err("no-default", Text("`quorum default`, men ingen importerad modul ger en förvald beslutförhet",
                                        "`quorum default` but no imported module gives a default quorum"),
                     span, Text("skriv `import sweden`", "add `import sweden`"))

    def check_relation(self, body: t.Body, roles: set[str], seats: list[t.Seat], clause: t.Relation) -> None:
        span = clause.span
        for target in clause.targets:
            if clause.kind == "responsible":
                if target not in self.matter_ids:
                    self.unknown("matter", target, span, self.matter_ids)
            elif target not in self.body_ids:
                self.unknown("body", target, span, self.body_ids)
            elif target == body.id and clause.kind != "decides":
                self.err("self-reference", Text(f"'{body.id}' {_ITSELF_SV.get(clause.kind, clause.kind)}",
                                                f"'{body.id}' {clause.kind.replace('_', ' ')} itself"), span)
        for matter in clause.matters or ():
            if matter not in self.matter_ids:
                self.unknown("matter", matter, span, self.matter_ids)

    def check_justering(self, body: t.Body, roles: set[str], seats: list[t.Seat], clause: t.Justering) -> None:
        if clause.days < 1:
            self.err("invalid-count", Text("protokollet kan inte justeras på mindre än en dag",
                                           "the minutes cannot be justerade within fewer than one day"), clause.span)

    def check_hosted(self, body: t.Body, roles: set[str], seats: list[t.Seat], clause: t.HostedBy) -> None:
        if clause.member not in self.member_ids:
            self.unknown("member", clause.member, clause.span, self.member_ids)

    def check_treats(self, body: t.Body, roles: set[str], seats: list[t.Seat], clause: t.Treats) -> None:
        span = clause.span
        for matter in clause.matters:
            if matter not in self.matter_ids:
                self.unknown("matter", matter, span, self.matter_ids)
        if clause.months and clause.months[0] > clause.months[1]:
            self.err("invalid-months", _MONTHS_REVERSED, span,
                     Text("en period ligger inom ett kalenderår, t.ex. january..june",
                          "windows run within one calendar year, e.g. january..june"))

    def check_groups(self, body: t.Body, seats: list[t.Seat]) -> None:
        """The voice of a decision: its share a fraction, `per group` over groups that hold every voting
        member once, `per seat` not against `equal influence`."""
        decision = body.first(t.Decision)
        groups = tuple(body.of(t.VoteGroup))
        if decision is not None and decision.share is not None:
            num, den = decision.share
            if not 0 < num <= den:
                self.err("invalid-fraction", Text(f"en majoritet på {num}/{den} är inte ett bråk mellan 0 och 1",
                                                  f"a majority of {num}/{den} is not a fraction between 0 and 1"),
                         decision.span)
        if decision is not None and decision.per == "seat" and body.first(t.EqualInfluence) is not None:
            self.err("voice-conflict", Text(f"'{body.id}' har lika inflytande (en röst per medlem) men beslutar "
                                            "med en röst per plats",
                                            f"'{body.id}' has equal influence (one voice per member) but decides "
                                            "per seat"), decision.span,
                     Text("skriv `per member`, eller stryk `equal influence`",
                          "write `per member`, or drop `equal influence`"))
        per_group = decision is not None and decision.per == "group"
        if per_group and not groups:
            self.err("no-groups", Text(f"'{body.id}' beslutar per grupp men har ingen `group`",
                                       f"'{body.id}' decides per group but has no `group`"), decision.span,
                     Text('skriv `group ID "Titel" of MEDLEM, …` för varje grupp',
                          'add `group ID "Title" of MEMBER, …` for each bloc'))
        if groups and not per_group:
            self.warn("unused-group", Text(f"'{body.id}' delar in medlemmar i grupper men beslutar inte `per group`",
                                           f"'{body.id}' groups members but does not decide `per group`"),
                      groups[0].span, Text("skriv `decision by majority per group`, eller stryk grupperna",
                                           "write `decision by majority per group`, or drop the groups"))
        holder: dict[str, str] = {}
        seen: set[str] = set()
        for group in groups:
            if group.id in seen:
                self.err("duplicate-id", Text(f"organet '{body.id}' har en andra grupp '{group.id}'",
                                              f"body '{body.id}' has a second group '{group.id}'"), group.span)
            seen.add(group.id)
            for member in group.members:
                if member not in self.member_ids:
                    self.unknown("member", member, group.span, self.member_ids)
                elif member in holder:
                    self.err("group-overlap", Text(f"'{member}' är med i gruppen '{holder[member]}' och i '{group.id}'",
                                                   f"'{member}' is in group '{holder[member]}' and in '{group.id}'"),
                             group.span)
                else:
                    holder[member] = group.id
        if per_group and groups:
            voting = sorted({s.member for s in seats if not s.adjunct and s.member is not None} - set(holder))
            if voting:
                self.err("group-missing", Text(
                    f"'{body.id}' beslutar per grupp, men {', '.join(voting)} är inte med i någon grupp",
                    f"'{body.id}' decides per group, but {', '.join(voting)} "
                    f"{'is' if len(voting) == 1 else 'are'} in no group"), decision.span,
                    Text("varje medlem med rösträtt hör till en grupp", "every voting member belongs to one group"))

    def check_chair(self, body: t.Body, clause: t.Chair, roles: set[str], seats: list[t.Seat]) -> None:
        spec, span = clause.spec, clause.span
        what = "vice chair" if clause.vice else "chair"
        if isinstance(spec, t.FixedChair):
            if isinstance(spec.ref, t.ChairRef):
                self.err("chair-self", Text(f"{_OFFICE_SV[what]} kan inte anges som `chair`",
                                            f"the {what} cannot be defined as `chair`"), span,
                         Text("ange en plats (medlem/roll) eller en rotation",
                              "name a seat (member/role) or a rotation"))
            else:
                self.check_ref(body, spec.ref, span, seats, what)
            return
        if spec.role not in roles:
            self.err("chair-not-seat", Text(f"rollen '{spec.role}', angiven för {_OFFICE_SV[what]}, är inte en plats i "
                                            f"organet '{body.id}'",
                                            f"{what} role '{spec.role}' is not a seat of body '{body.id}'"), span,
                     nearest_hint(spec.role, roles))
            return
        if isinstance(spec, t.NextInRotation):
            chair = body.chair
            if clause.vice is False or chair is None or not isinstance(chair.spec, t.RotatingChair):
                self.err("no-rotation", Text("`next in rotation` kräver ett roterande ordförandeskap i samma organ",
                                             "`next in rotation` needs a rotating chair in the same body"), span)
        if isinstance(spec, t.RotatingChair):
            among = spec.among if spec.among is not None else tuple(self.member_ids)
            for member_id in among:
                if member_id not in self.member_ids:
                    self.err("rotation-non-member", Text(
                        f"ordförandeskapet roterar mellan medlemmar, men '{member_id}' är inte medlem",
                        f"the chair rotates among '{member_id}', which is not a member"),
                        span, nearest_hint(member_id, self.member_ids))
                elif not any(s.role == spec.role and s.member == member_id for s in seats):
                    self.err("chair-not-seat", Text(f"'{member_id}' har ingen plats '{spec.role}' i '{body.id}'",
                                                    f"'{member_id}' holds no '{spec.role}' seat in '{body.id}'"), span)
            for member_id in spec.order:
                if member_id not in among:
                    self.err("rotation-non-member", Text(
                        f"turordningen nämner '{member_id}', som inte är bland dem ordförandeskapet roterar mellan",
                        f"the rotation order names '{member_id}', which is not "
                        "among those the chair rotates between"), span, nearest_hint(member_id, among))
            if spec.order and sorted(spec.order) != sorted(set(spec.order)):
                self.err("rotation-order", Text("turordningen nämner en medlem två gånger",
                                                "the rotation order names a member twice"), span)
            if spec.order and set(spec.order) != set(among):
                missing = sorted(set(among) - set(spec.order))
                if missing:
                    self.err("rotation-order", Text(f"turordningen utelämnar {', '.join(missing)}",
                                                    f"the rotation order leaves out {', '.join(missing)}"), span)
            if spec.every < 1:
                self.err("invalid-count", Text("ordförandeskapet måste rotera med minst ett års mellanrum",
                                               "the chair must rotate every one year or more"), span)
            if spec.start is None:
                self.warn("rotation-start", Text("rotationen har inget startår; vem som är ordförande ett visst år "
                                                 "är okänt",
                                                 "the rotation has no start year; the chair of a given year is "
                                                 "unknown"), span,
                          Text("skriv `from ÅR`, och `assume` om avtalet inte säger det",
                               "add `from YEAR`, and `assume` if the agreement does not say"))

    def check_rule(self, rule) -> None:
        if isinstance(rule, t.Requirement):
            for name in (rule.body, rule.by):
                if name not in self.body_ids:
                    self.unknown("body", name, rule.span, self.body_ids)
            if rule.body == rule.by:
                self.err("self-reference", Text(f"'{rule.body}' kan inte som regel bereda sina egna ärenden",
                                                f"'{rule.body}' cannot prepare its own matters as a rule"), rule.span)
            for matter in rule.matters or ():
                if matter not in self.matter_ids:
                    self.unknown("matter", matter, rule.span, self.matter_ids)

    def default_quorum(self) -> t.Quorum | None:
        own = [s.quorum for s in self.doc.statements if isinstance(s, Default)]
        if own:
            return own[0]
        return next((m.defaults[0] for m in self.modules.values() if m.defaults), None)

# What the builder checks in each clause of a body, once the body's seats are known (a seat clause is
# expanded by build_body itself; the rest say nothing that could name what is not there).
CHECK_CLAUSE: Dispatch[None] = Dispatch("model builder", {
    t.Chair: lambda b, body, roles, seats, c: b.check_chair(body, c, roles, seats),
    t.Secretary: _Builder.check_office, t.Convener: _Builder.check_office, t.Spokesperson: _Builder.check_office,
    t.AgendaPreparedBy: _Builder.check_agenda,
    t.Uses: _Builder.check_uses,
    t.MeetingRule: _Builder.check_meets,
    t.Quorum: _Builder.check_quorum,
    t.Relation: _Builder.check_relation,
    t.HostedBy: _Builder.check_hosted,
    t.Treats: _Builder.check_treats,
    t.Justering: _Builder.check_justering,
}, nothing=(t.SeatDecl, t.Decision, t.VoteGroup, t.EqualInfluence, t.SummonsAll, t.Notice, t.Duty))


def _named(key: str) -> Callable[[t.BodyClause], str]:
    return lambda clause: key


# The clauses a body may state once: the key a second one is reported under (`duplicate-clause`).
SINGLETON: Dispatch[str] = Dispatch("model builder (once per body)", {
    t.Chair: lambda clause: "vice chair" if clause.vice else "chair",
    t.Secretary: _named("secretary"), t.Convener: _named("convener"), t.Quorum: _named("quorum"),
    t.Decision: _named("decision"), t.HostedBy: _named("hosted by"), t.Notice: _named("notice"),
    t.EqualInfluence: _named("equal influence"), t.Spokesperson: _named("spokesperson"),
    t.Justering: _named("justering"),
}, nothing=(t.SeatDecl, t.MeetingRule, t.Relation, t.AgendaPreparedBy, t.SummonsAll, t.Uses, t.Treats, t.Duty,
            t.VoteGroup))


def _singleton_key(clause: t.BodyClause) -> str | None:
    return SINGLETON(clause)


def from_ast(doc: Document, modules: Mapping[str, t.Bylaw] | None = None) -> tuple[t.Bylaw, list[Diagnostic]]:
    """Build the model; returns it with every diagnostic found (errors included)."""
    builder = _Builder(doc, modules or {})
    bylaw = builder.build()
    return bylaw, sorted(builder.diags, key=lambda d: d.sort_key)
