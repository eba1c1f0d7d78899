"""Text → `Document`: the Lark LALR parser, its error messages, and recovery to report many errors at once.

`lark.Tree` never leaves this module: the transformer below turns it into frozen dataclasses.
"""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources

import lark
from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError

from ..diagnostics import NOT_TEXT, BylawError, Diagnostic, did_you_mean, error
from ..lang import Text, grouped
from ..nearest import nearest
from ..private_cache import private_dir
from ..model import types as t
from ..span import SourceFile, Span
from .ast import Default, Document, Header

MAX_CHUNK_ERRORS = 100
MAX_DIGITS = 9
_SWEDISH_MONTHS = {"januari": 1, "februari": 2, "mars": 3, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
                   "oktober": 10}
# What a syntax error says was expected, in words for the agreement's drafter rather than the grammar's names
# (the language's keywords stay as they are written).
_TERMINAL_NAMES = {
    "ID": Text("ett namn", "a name"), "STRING": Text("en text inom citattecken", "a quoted string"),
    "INT": Text("ett tal", "a number"), "DATE": Text("ett datum (ÅÅÅÅ-MM-DD)", "a date (YYYY-MM-DD)"),
    "CODE": Text("en SCB-kod", "an SCB code"), "FRACTION": Text("ett bråk som 2/3", "a fraction such as 2/3"),
    "PERCENT": Text("en procentsats som 20%", "a percentage such as 20%"),
    "AMOUNT": Text("ett belopp som 12.50 SEK", "an amount such as 12.50 SEK"),
    "_NL": Text("radens slut", "end of line"), "$END": Text("filens slut", "end of file"),
    "YESNO": Text("yes eller no", "yes or no"),
    "KIND": Text("en medlemstyp (municipality, region, county-board, university, …)",
                 "a member kind (municipality, region, county-board, university, …)"),
    "MONTH": Text("en månad", "a month"), "WEEKDAY": Text("en veckodag", "a weekday"),
    "ORDINAL": Text("first/second/third/fourth/last", "first/second/third/fourth/last"),
    "VOICE": Text("member, seat, group eller party", "member, seat, group or party"),
    "STEP": Text("prepared eller proposed", "prepared or proposed"),
    "UNIT": Text("seats eller members", "seats or members"),
    "STATUS": Text("draft, adopted eller replaced", "draft, adopted or replaced"),
    "OFFICE": Text('"office"', '"office"'),
    "ROUNDING": Text("full eller started", "full or started"),
    "_YEARS": Text('"year" eller "years"', '"year" or "years"'),
    "_PERIODS": Text('"period" eller "periods"', '"period" or "periods"'),
    "_SUBSTITUTES": Text('"substitute" eller "substitutes"', '"substitute" or "substitutes"'),
    "_INHABITANTS": Text('"inhabitant" eller "inhabitants"', '"inhabitant" or "inhabitants"'),
}
MAX_EXPECTED = 8  # a syntax error names at most this many things that could stand where it is


class ParseFailure(Exception):
    pass


# The parser's options, named once: a test builds lark's own temp-dir cache name from them.
LARK_OPTIONS = dict(parser="lalr", lexer="contextual", propagate_positions=True, maybe_placeholders=True)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = resources.files(__package__).joinpath("bylaw.lark").read_text(encoding="utf-8")
    # Cached LALR tables start a command in ~15 ms, not ~100; lark loads them with pickle, so only from the
    # user's own private folder (never lark's cache=True, a predictable name in the shared temp dir).
    folder = private_dir()
    if folder is None:
        return Lark(grammar, **LARK_OPTIONS)
    digest = hashlib.sha256(f"{grammar}{lark.__version__}{sys.version_info[:2]}".encode()).hexdigest()[:24]
    return Lark(grammar, **LARK_OPTIONS, cache=str(folder / f"bylaw-grammar-{digest}.lark"))


def month_number(name: str) -> int:
    name = name.lower()
    if name in t.MONTHS:
        return t.MONTHS.index(name) + 1
    return _SWEDISH_MONTHS[name]


class _Build(Transformer):
    """Parse tree → dataclasses. Spans are made from token and meta positions of this file."""

    def __init__(self, source: SourceFile):
        super().__init__(visit_tokens=True)
        self.file = source

    # -- helpers --
    def span(self, meta_or_token) -> Span:
        if isinstance(meta_or_token, Token):
            return Span(self.file.name, meta_or_token.start_pos, meta_or_token.end_pos,
                        meta_or_token.line, meta_or_token.column)
        m = meta_or_token
        if getattr(m, "empty", False):
            return Span(self.file.name, 0, 0, 0, 0)
        return Span(self.file.name, m.start_pos, m.end_pos, m.line, m.column)

    # -- terminals --
    def STRING(self, tok: Token):
        body = tok[1:-1]
        text = re.sub(r"\\(.)", lambda m: m.group(1), body)
        return Token.new_borrow_pos("STRING", text, tok)

    def DATE(self, tok: Token):
        try:
            return date.fromisoformat(str(tok))
        except ValueError:
            raise _BadValue("invalid-date", Text(f"'{tok}' är inte ett datum som finns",
                                                 f"'{tok}' is not a date that exists"), self.span(tok)) from None

    def INT(self, tok: Token):
        if len(tok) > MAX_DIGITS:  # no count, day or year in a bylaw is this long; int() of 4,300 digits fails
            raise _BadValue("number-too-large", Text(
                f"talet {tok[:12]}… har {grouped(len(tok))} siffror; ett tal i ett avtal har högst {MAX_DIGITS}",
                f"the number {tok[:12]}… has {len(tok):,} digits; a bylaw's numbers have at most {MAX_DIGITS}"),
                self.span(tok))
        return int(tok)

    # -- notes --
    @v_args(meta=True)
    def notes(self, meta, items):
        fields = {}
        spans = {}
        for key, value, span in items:
            if key in fields:
                raise _BadValue("duplicate-note", Text(f"en andra `{key}` i samma bestämmelse",
                                                       f"a second `{key}` on the same clause"), span,
                                Text("skriv meningarna i en och samma text, eller dela upp bestämmelsen",
                                     "join the sentences in one string, or split the clause"))
            fields[key] = value
            spans[key] = span
        extra = {}
        if "cite" in fields:
            fields["cite"], extra["cite_source"] = fields["cite"]
        if "law" in fields:
            fields["law"], extra["law_quote"] = fields["law"]
        if not fields:
            return t.Notes()
        return t.Notes(**fields, **{k: v for k, v in extra.items() if v is not None},
                       cite_span=spans.get("cite", t.NO_SPAN), law_span=spans.get("law", t.NO_SPAN))

    def _note(key):  # noqa: N805 - a small factory for the note kinds that hold one string
        def note(self, items):
            tok = items[0]
            return key, str(tok), self.span(tok)
        return note

    section = _note("section")
    assume = _note("assume")

    def cite(self, items):  # `cite [SOURCE] "sentence"`
        name, tok = items
        return "cite", (str(tok), str(name) if name is not None else None), self.span(tok)

    def law(self, items):  # `law "reference" ["the statute's words"]`
        ref, quote = items
        return "law", (str(ref), str(quote) if quote is not None else None), self.span(quote or ref)

    # -- header --
    @v_args(meta=True)
    def header(self, meta, items):
        ident, title, notes, *rest = items
        return Header(kind="bylaw", id=str(ident), title=str(title), items=tuple(rest), notes=notes,
                      span=self.span(ident))

    @v_args(meta=True)
    def module(self, meta, items):
        ident, title, notes = items
        return Header(kind="module", id=str(ident), title=str(title), notes=notes, span=self.span(ident))

    @v_args(meta=True)
    def header_item(self, meta, items):
        (key, value), notes = items
        return t.HeaderItem(key=key, value=value, notes=notes, span=self.span(meta))

    def source(self, items):  # `source [NAME] "FILE"`: value (file,) or (file, name)
        name, file = items
        return "source", (str(file),) if name is None else (str(file), str(name))

    def form(self, items):
        return "form", (items[0],)

    def sate(self, items):
        return "sate", (str(items[0]),)

    def states(self, items):  # a point of the law's checklist the document states (`governance review`)
        return "states", (str(items[0]),)

    def form_direktion(self, items):
        return t.LegalForm("kommunalforbund", (("direktion", str(items[0])),))

    def form_fullmaktige(self, items):
        return t.LegalForm("kommunalforbund", (("forbundsfullmaktige", str(items[0])),
                                               ("forbundsstyrelse", str(items[1]))))

    def form_gemensam(self, items):
        return t.LegalForm("gemensam-namnd", (("gemensam-namnd", str(items[0])),), host=str(items[1]))

    def form_avtal(self, items):
        return t.LegalForm("avtalssamverkan")

    def form_informal(self, items):
        return t.LegalForm("informal")

    def signed(self, items):
        return "signed", (items[0], str(items[1]) if items[1] is not None else None)

    def binding(self, items):
        return "binding", (str(items[0]) == "yes",)

    def valid(self, items):
        return "valid", (items[0], items[1])

    def until(self, items):
        return items[0] if items else None  # None: until further notice

    def renewed(self, items):
        return "renewed", (items[0],)

    def renewals(self, items):  # the dates on which the agreement was actually renewed
        return "renewal", tuple(items)

    def amends(self, items):
        return "amends", (str(items[0]), items[1])

    def version(self, items):
        return "version", (str(items[0]),)

    def status(self, items):
        return "status", (str(items[0]),)

    def reviewed_yearly(self, items):
        return "reviewed", ()

    def header_duty(self, items):
        return "duty", (str(items[0]),)

    # -- simple statements --
    @v_args(meta=True)
    def import_(self, meta, items):
        return t.Import(module=str(items[0]), notes=items[1], span=self.span(items[0]))

    @v_args(meta=True)
    def member(self, meta, items):
        ident, name, kind, code, notes = items
        return t.Member(id=str(ident), name=str(name), kind=str(kind), code=str(code) if code else None,
                        notes=notes, span=self.span(ident))

    @v_args(meta=True)
    def matter(self, meta, items):
        ident, title, notes = items
        return t.MatterType(id=str(ident), title=str(title), notes=notes, span=self.span(ident))

    # -- bodies --
    @v_args(meta=True)
    def body(self, meta, items):
        ident, name, office, notes, *clauses = items
        return t.Body(id=str(ident), name=str(name), office=office is not None, clauses=tuple(clauses),
                      notes=notes, span=self.span(ident))

    @v_args(meta=True)
    def body_item(self, meta, items):
        factory, notes = items
        return factory(notes=notes, span=self.span(meta))

    def id_list(self, items):
        return tuple(str(i) for i in items)

    def seat(self, items):
        role, title, count, holders, *flags = items
        low, high = count if count else (1, 1)
        kwargs = dict(role=str(role), title=str(title) if title is not None else None, min=low, max=high,
                      holders=holders or t.Holders("fixed"))
        for key, value in flags:
            if key == "personal":  # N personal substitutes: N substitutes, each a named ledamot's own
                kwargs["substitutes"], kwargs["personal"] = value, True
            else:
                kwargs[key] = value
        return lambda **k: t.SeatDecl(**kwargs, **k)

    def holders_each(self, items):
        return t.Holders("each", items[0])

    def holders_any(self, items):
        return t.Holders("any", items[0])

    def holders_listed(self, items):
        return t.Holders("listed", None, items[0])

    def member_class(self, items):
        return str(items[0]) if items else "member"

    def adjunct(self, items):
        return "adjunct", True

    def substitutes(self, items):
        return "substitutes", items[0]

    def personal_substitutes(self, items):
        return "personal", items[0]

    def by_population(self, items):
        return "formula", items[0]

    def seat_formula(self, items):
        base, step, rounding, size, above, maximum, month, day = items
        return t.SeatFormula(size=size, rounding=str(rounding), step=step, base=base or 0, above=above or 0,
                             maximum=maximum,
                             reference=(month_number(month), day) if month is not None else None)

    def count_exact(self, items):
        return items[0], items[0]

    def count_range(self, items):
        return items[0], items[1]

    def chair(self, items):
        return lambda **k: t.Chair(vice=False, spec=items[0], **k)

    def vice_chair(self, items):
        return lambda **k: t.Chair(vice=True, spec=items[0], **k)

    def chair_fixed(self, items):
        return t.FixedChair(items[0])

    def chair_elected(self, items):
        return t.ElectedChair(str(items[0]))

    def chair_rotating(self, items):
        role, among, every, start, order = items
        return t.RotatingChair(str(role), among, every, start, order or ())

    def chair_next(self, items):
        return t.NextInRotation(str(items[0]))

    def all_members(self, items):
        return None

    def member_sel(self, items):
        return items[0]

    def seat_ref(self, items):
        first, second = items
        return t.SeatRef(str(first), str(second)) if second is not None else t.SeatRef(None, str(first))

    def chair_ref(self, items):
        return t.ChairRef()

    def secretary(self, items):
        return lambda **k: t.Secretary(ref=items[0], **k)

    def convener(self, items):
        return lambda **k: t.Convener(ref=items[0], **k)

    def spokesperson(self, items):
        return lambda **k: t.Spokesperson(ref=items[0], **k)

    def convenes(self, items):
        return lambda **k: t.Relation(kind="convenes", targets=items[0], **k)

    def meets(self, items):
        (kind, low, high), *rest, soft = items
        months = rest[0] if rest else None
        return lambda **k: t.MeetingRule(kind=kind, low=low, high=high, months=months, soft=soft is not None, **k)

    def soft(self, items):
        return True

    def at_least(self, items):
        return "at_least", items[0], None

    def at_most(self, items):
        return "at_most", None, items[0]

    def about(self, items):
        return "about", items[0], items[0]

    def between(self, items):
        return "between", items[0], items[1]

    def exactly(self, items):
        return "exactly", items[0], items[0]

    def months(self, items):
        first = month_number(items[0])
        last = month_number(items[1]) if items[1] is not None else first
        return first, last

    def quorum(self, items):
        (kind, num, den), unit = items
        return lambda **k: t.Quorum(kind=kind, numerator=num, denominator=den,
                                    unit=str(unit) if unit else None, **k)

    def more_than_half(self, items):
        return "more_than_half", 1, 2

    def FRACTION(self, tok: Token):
        if any(len(part) > MAX_DIGITS for part in str(tok).split("/")):
            raise _BadValue("number-too-large", Text(
                f"bråket {tok[:12]}… har mer än {MAX_DIGITS} siffror i en del",
                f"the fraction {tok[:12]}… has more than {MAX_DIGITS} digits in a part"), self.span(tok))
        return tok

    def fraction(self, items):
        num, den = (int(x) for x in str(items[0]).split("/"))
        return "fraction", num, den

    def quorum_all(self, items):
        return "all", 1, 1

    def quorum_at_least(self, items):
        return "at_least", items[0], 1

    def quorum_default(self, items):
        return "default", 0, 1

    def decision_consensus(self, items):
        return lambda **k: t.Decision(method="consensus", **k)

    def decision_majority(self, items):
        share, base, per = items
        num, den = (int(x) for x in str(share).split("/")) if share is not None else (None, None)
        return lambda **k: t.Decision(method="majority", share=(num, den) if num is not None else None,
                                      base=base or "votes", per=str(per) if per is not None else None, **k)

    def base_votes(self, items):
        return "votes"

    def base_present(self, items):
        return "present"

    def base_seats(self, items):
        return "seats"

    def group(self, items):
        ident, title, members = items
        return lambda **k: t.VoteGroup(id=str(ident), title=str(title) if title is not None else None,
                                       members=members, **k)

    def equal(self, items):
        return lambda **k: t.EqualInfluence(**k)

    def any_matter(self, items):
        return None

    def typed_matters(self, items):
        return items[0]

    def _relation(kind):  # noqa: N805
        def relation(self, items):
            if len(items) == 2:
                matters, targets = items
            elif kind in ("decides",):
                matters, targets = items[0], ()
            else:
                matters, targets = None, items[0]
            return lambda **k: t.Relation(kind=kind, matters=matters, targets=targets, **k)
        return relation

    decides = _relation("decides")
    prepares = _relation("prepares")
    proposes = _relation("proposes")
    executes = _relation("executes")
    responsible = _relation("responsible")
    appoints = _relation("appoints")
    reports = _relation("reports_to")

    def hosted(self, items):
        return lambda **k: t.HostedBy(member=str(items[0]), **k)

    def agenda(self, items):
        return lambda **k: t.AgendaPreparedBy(refs=tuple(items), **k)

    def summons(self, items):
        return lambda **k: t.SummonsAll(**k)

    def uses(self, items):
        return lambda **k: t.Uses(percent=Decimal(str(items[0]).rstrip("%")), ref=items[1], **k)

    def notice(self, items):
        return lambda **k: t.Notice(days=items[0], **k)

    def justering(self, items):
        return lambda **k: t.Justering(days=items[0], **k)

    def treats(self, items):
        matters, months = items
        return lambda **k: t.Treats(matters=tuple(matters), months=months, **k)

    def duty(self, items):
        return lambda **k: t.Duty(text=str(items[0]), **k)

    # -- rules, participation, costs --
    @v_args(meta=True)
    def rule(self, meta, items):
        factory, notes = items
        return factory(notes=notes, span=self.span(meta))

    def require_step(self, items):
        matters, body, step, by = items
        return lambda **k: t.Requirement(matters=matters, body=str(body), step=str(step), by=str(by), **k)

    def no_veto(self, items):
        return lambda **k: t.NoVeto(**k)

    @v_args(meta=True)
    def participation(self, meta, items):
        minimum, notes = items
        return t.Participation(minimum=minimum, notes=notes, span=self.span(meta))

    @v_args(meta=True)
    def cost(self, meta, items):
        factory, notes = items
        return factory(notes=notes, span=self.span(meta))

    def updated(self, items):
        return True

    def among(self, items):
        return True

    def fixed(self, items):
        return True

    def cost_population(self, items):
        month, day, updated, among = items
        reference = (month_number(month), day) if month is not None else None
        return lambda **k: t.CostRule(kind="population", reference=reference, updated_yearly=bool(updated),
                                      among_participants=bool(among), **k)

    def cost_fee(self, items):
        amount, fixed = items
        value = Decimal(re.match(r"\d+(\.\d+)?", str(amount)).group(0)) if amount is not None else None
        return lambda **k: t.CostRule(kind="fee", amount=value, fixed_at_renewal=bool(fixed), **k)

    def cost_own(self, items):
        return lambda **k: t.CostRule(kind="own", **k)

    def cost_participant_fees(self, items):
        return lambda **k: t.CostRule(kind="participant_fees", **k)

    def cost_projects(self, items):
        return lambda **k: t.CostRule(kind="projects", among_participants=True, **k)

    # -- modules --
    @v_args(meta=True)
    def election(self, meta, items):
        every, start, ordinal, weekday, month, notes = items
        return t.ElectionCycle(every=every, start=start, ordinal=str(ordinal), weekday=str(weekday),
                               month=month_number(month), notes=notes, span=self.span(meta))

    @v_args(meta=True)
    def mandate(self, meta, items):
        years, month, day, after, notes = items
        return t.MandatePeriod(years=years, month=month_number(month), day=day, after=after, notes=notes,
                               span=self.span(meta))

    def of_election_year(self, items):
        return 0

    def after_election_year(self, items):
        return 1

    @v_args(meta=True)
    def default(self, meta, items):
        factory, notes = items
        quorum = factory(notes=notes, span=self.span(meta))
        return Default(quorum=quorum, notes=notes, span=self.span(meta))

    def start(self, items):
        return tuple(items)


class _BadValue(Exception):
    def __init__(self, code: str, message: Text, span: Span, help: Text | None = None):
        super().__init__(message.en)
        self.diagnostic = error(code, message, span, help)


# ---- errors ------------------------------------------------------------------------------------------
def _describe(name: str, parser: Lark) -> Text:
    if name in _TERMINAL_NAMES:
        return _TERMINAL_NAMES[name]
    try:
        pattern = parser.get_terminal(name).pattern
    except KeyError:
        return Text(name.lower(), name.lower())
    if pattern.type == "str":
        return Text(f'"{pattern.value}"', f'"{pattern.value}"')
    return Text(name.lower(), name.lower())


def _expected(expected: list[Text]) -> Text:
    """What could stand here, in a list: "; expected a, b, …" or "; här ska det stå a, b eller c"."""
    shown, more = expected[:MAX_EXPECTED], len(expected) > MAX_EXPECTED
    en = ", ".join(e.en for e in shown) + (", …" if more else "")
    sv = [e.sv for e in shown]
    if more:
        said = f"här kan det till exempel stå {', '.join(sv)}"
    elif [e.en for e in shown] == ["end of line"]:
        said = "raden ska sluta här"
    else:
        said = "här ska det stå " + (" eller ".join([", ".join(sv[:-1]), sv[-1]]) if len(sv) > 1 else sv[0])
    return Text(f"; {said}", f"; expected {en}")


def _syntax_diagnostic(exc: UnexpectedInput, source: SourceFile, parser: Lark) -> Diagnostic:
    """A syntax error in words the agreement's drafter knows: what stands where it cannot, and what could."""
    line, col = max(exc.line, 1), max(exc.column, 1)
    offset = source.line_starts[line - 1] + col - 1 if line <= len(source.line_starts) else len(source.text)
    names: set[str] = set()
    end_of_file = Text("filen tar slut för tidigt", "unexpected end of file")
    if isinstance(exc, UnexpectedCharacters):
        names = set(exc.allowed or ())
        if offset < len(source.text):
            found = repr(source.text[offset])
            # a lone '"' is a quotation not closed on its line: said so, not as a character out of place
            message = Text("citattecknet här stängs inte på samma rad" if found == """'"'""" else
                           f"tecknet {found} kan inte stå här", f"unexpected character {found}")
        else:
            message = Text("filen tar slut för tidigt", "unexpected character end of file")
        end = offset + 1
    elif isinstance(exc, UnexpectedToken):
        tok = exc.token
        names = set(exc.expected)
        if tok.type == "$END":
            message = end_of_file
            end = offset
        elif tok.type == "_NL":
            message = Text("raden tar slut för tidigt", "unexpected end of line")
            end = offset + 1
        else:
            message = Text(f"{str(tok)!r} kan inte stå här", f"unexpected {str(tok)!r}")
            end = offset + len(str(tok))
    else:  # UnexpectedEOF
        names = set(getattr(exc, "expected", ()))
        message = end_of_file
        end = offset
    expected = sorted(set(_describe(n, parser) for n in names), key=lambda e: e.en)
    help_text = None
    if expected:
        said = _expected(expected)
        message = Text(message.sv + said.sv, message.en + said.en)
        word = re.match(r"[^\W\d][\w-]*", source.text[offset:end] or "")
        keywords = [e.en.strip('"') for e in expected if e.en.startswith('"')]
        if word and keywords:
            help_text = did_you_mean(nearest(word.group(0), keywords))
    return error("syntax", message, Span(source.name, offset, end, line, col), help_text)


def _chunks(text: str) -> list[tuple[int, int]]:
    """Top-level statements: each begins at the left margin with a word."""
    starts = [m.start() for m in re.finditer(r"(?m)^[^\s#]", text)]
    return [(s, (starts[i + 1] if i + 1 < len(starts) else len(text))) for i, s in enumerate(starts)]


def _parse_tree(text: str, source: SourceFile):
    parser = _parser()
    try:
        return parser.parse(text), []
    except UnexpectedInput as first:
        first_diag = _syntax_diagnostic(first, source, parser)
    # Recover: parse each top-level statement alone. It begins at the left margin, so moving its error down
    # by the lines before it gives the true line and column; the file is not re-read for each statement.
    diagnostics = [first_diag]
    line = 1
    last = 0
    for start, end in _chunks(text)[: 10 * MAX_CHUNK_ERRORS]:
        if len(diagnostics) >= MAX_CHUNK_ERRORS:
            break
        line += text.count("\n", last, start)
        last = start
        try:
            parser.parse(text[start:end])
        except UnexpectedInput as exc:
            chunk_lines = text.count("\n", start, end)
            exc.line = line + (exc.line - 1 if exc.line >= 1 else max(chunk_lines - 1, 0))
            if exc.column < 1:
                exc.column = 1
            diag = _syntax_diagnostic(exc, source, parser)
            if all(d.span.start != diag.span.start for d in diagnostics):
                diagnostics.append(diag)
    return None, diagnostics


def parse_document(text: str, filename: str = "<string>") -> Document:
    """Parse bylaw text to a `Document`; raises `BylawError` with every syntax error found."""
    source = SourceFile(filename, text)
    if "\x00" in text:
        span = Span(filename, text.index("\x00"), text.index("\x00") + 1, *source.line_col(text.index("\x00")))
        raise BylawError([error("binary", NOT_TEXT, span)],
                         {filename: source})
    body = text if text.endswith("\n") else text + "\n"
    tree, diagnostics = _parse_tree(body, source)
    if diagnostics:
        raise BylawError(diagnostics, {filename: source})
    try:
        statements = _Build(source).transform(tree)
    except VisitError as exc:
        if isinstance(exc.orig_exc, _BadValue):
            raise BylawError([exc.orig_exc.diagnostic], {filename: source}) from None
        raise
    statements, trailing = attach_comments(statements, _comments(body))
    return Document(source, statements, trailing)


_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|(#[^\n]*)')


def _comments(text: str) -> list[tuple[int, str]]:
    """(line, text) of every comment, skipping `#` inside strings."""
    found = []
    line, last = 1, 0
    for match in _STRING_OR_COMMENT.finditer(text):
        if match.group(1) is not None:
            line += text.count("\n", last, match.start())
            last = match.start()
            found.append((line, match.group(1).rstrip()))
    return found


def attach_comments(statements: tuple, comments: list[tuple[int, str]]) -> tuple[tuple, tuple[str, ...]]:
    """Give each comment to the first statement, header line or clause at or below it, so `fmt` keeps it.

    Returns the statements and the comments left after the last of them."""
    if not comments:
        return statements, ()
    queue = list(reversed(comments))

    def take(node):
        got = []
        while queue and queue[-1][0] <= node.span.line:
            got.append(queue.pop()[1])
        return replace(node, notes=replace(node.notes, comments=tuple(got))) if got else node

    out = []
    for statement in statements:
        statement = take(statement)
        if isinstance(statement, Header):
            statement = replace(statement, items=tuple(take(i) for i in statement.items))
        elif isinstance(statement, t.Body):
            statement = replace(statement, clauses=tuple(take(c) for c in statement.clauses))
        out.append(statement)
    return tuple(out), tuple(text for _, text in reversed(queue))
