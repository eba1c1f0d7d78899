"""The typed model of a bylaw: frozen dataclasses, built once by `from_ast`, never changed afterwards.

Every node keeps the span it came from and its notes (the statute's sentence, section, law reference and
any assumption). Spans and comments do not take part in equality, so a bylaw printed by `fmt` and parsed
again is equal to the original.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable, Iterator, Literal, NamedTuple, TypeVar, Union, get_args

from ..span import NO_SPAN, Span

T = TypeVar("T")

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MEMBER_KINDS = ("municipality", "region", "county-board", "university", "association", "company", "other")


@dataclass(frozen=True, slots=True)
class Notes:
    """What a clause rests on: the verbatim sentence, its section, a law reference, a stated assumption."""

    cite: str | None = None
    section: str | None = None
    law: str | None = None
    assume: str | None = None
    cite_source: str | None = None  # which named `source` the cite quotes (None: the only one)
    law_quote: str | None = None  # the statute's own words, verified by lint against law/
    cite_span: Span = field(default=NO_SPAN, compare=False, repr=False)
    law_span: Span = field(default=NO_SPAN, compare=False, repr=False)
    comments: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __bool__(self) -> bool:
        return any((self.cite, self.section, self.law, self.assume))

    @property
    def statute(self) -> str | None:
        """The law reference with the statute's own words when quoted: what a finding resting on it cites."""
        if self.law and self.law_quote:
            return f"{self.law}: {self.law_quote}"
        return self.law


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """What every clause and statement has: the span it was read from and its notes."""

    span: Span = field(default=NO_SPAN, compare=False, repr=False)
    notes: Notes = Notes()


# ---- references --------------------------------------------------------------------------------------
class SeatRef(NamedTuple):
    """`member/role`, or `role` alone for a seat that only one holder can take.

    A NamedTuple, like `Seat`, rather than a dataclass: calendars hold one per attendee per meeting, and
    a check keys its attendance patterns on whole attendee lists; a tuple hashes in C, a dataclass calls
    Python per reference. Immutable all the same."""

    member: str | None
    role: str

    def __str__(self) -> str:
        return f"{self.member}/{self.role}" if self.member else self.role


@dataclass(frozen=True, slots=True)
class ChairRef:
    """The body's chair, whoever holds it."""

    def __str__(self) -> str:
        return "chair"


Ref = Union[SeatRef, ChairRef]


# ---- seats -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Holders:
    """Who holds a declared seat: `each` member (of a class), `any` member of a class (a pool), the
    `listed` members, or nobody in particular (`fixed`)."""

    mode: str  # each | any | listed | fixed
    member_class: str | None = None  # "member" or a member kind, for each/any
    members: tuple[str, ...] = ()


Rounding = Literal["full", "started"]


@dataclass(frozen=True, slots=True)
class SeatFormula:
    """Seats per holder from its population: `base` plus `step` for each `size` inhabitants above `above`,
    counting only full blocks (`full`: "1 per full 10,000 inhabitants above 10,000") or every block begun
    (`started`: "1 per started 4,000 inhabitants"), at most `maximum`. The figures are those of
    `reference` (month, day), by default 31 December, SCB's yearly *folkmängd*."""

    size: int
    rounding: Rounding
    step: int = 1
    base: int = 0
    above: int = 0
    maximum: int | None = None
    reference: tuple[int, int] | None = None

    def seats(self, population: int) -> int:
        over = max(0, population - self.above)
        blocks = over // self.size if self.rounding == "full" else -(-over // self.size)
        count = self.base + self.step * blocks
        return count if self.maximum is None else min(count, self.maximum)

    @property
    def least(self) -> int:
        """The fewest seats any municipality (population at least 1) gets."""
        return self.seats(1)

    @property
    def day(self) -> tuple[int, int]:
        return self.reference or (12, 31)


@dataclass(frozen=True, slots=True, kw_only=True)
class SeatDecl(Node):
    """`seat ROLE …`: the seats of one role in a body, who holds them (`holders`), how many (`min`..`max`, or by
    population: `formula`), adjunct or voting, and their substitutes (personal or not)."""

    role: str
    title: str | None = None
    min: int = 1
    max: int = 1
    holders: Holders = Holders("fixed")
    adjunct: bool = False
    substitutes: int = 0
    # `with N personal substitutes`: each ersättare stands in for one named ledamot only (the roster's `for`)
    personal: bool = False
    formula: SeatFormula | None = None  # seats per holder by population; min/max unused then


class Seat(NamedTuple):
    """One seat line after expansion: `min`..`max` seats of `role` for `member` (None: fixed or pool).

    A NamedTuple rather than a dataclass: a large federation expands to hundreds of thousands of these,
    and tuples are built several times faster. Immutable all the same."""

    role: str
    member: str | None
    min: int
    max: int
    adjunct: bool
    pool: str | None = None  # for `any` seats: the member class the holder must belong to
    title: str | None = None
    # By population: `min` is then the formula's least count and `max` unknown until the figures are
    # given (seats.resolve gives a bylaw whose seats carry the computed counts, formula kept).
    formula: SeatFormula | None = None

    @property
    def ref(self) -> SeatRef:
        return SeatRef(self.member, self.role)


# ---- chairs ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FixedChair:
    """The chair is always the holder of one seat (`ref`)."""

    ref: SeatRef


@dataclass(frozen=True, slots=True)
class ElectedChair:
    """Chosen by the body among the holders of `role` ("varav en är ordförande")."""

    role: str


@dataclass(frozen=True, slots=True)
class RotatingChair:
    """The chair, a holder of `role`, rotates among the members `among` (None: all of them), passing on every
    `every` years from `start`, in `order` where given."""

    role: str
    among: tuple[str, ...] | None  # None: all members, in declaration order unless `order` is given
    every: int
    start: int | None = None
    order: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NextInRotation:
    """The member next in the chair's rotation (for two members: the one not chairing)."""

    role: str


ChairSpec = Union[FixedChair, ElectedChair, RotatingChair, NextInRotation]


@dataclass(frozen=True, slots=True, kw_only=True)
class Chair(Node):
    """`chair …` / `vice chair …`: who chairs the body (`spec`), or is its vice chair (`vice`)."""

    vice: bool = False
    spec: ChairSpec


# ---- other body clauses ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class Secretary(Node):
    """`secretary REF`: who keeps the body's minutes."""

    ref: Ref


@dataclass(frozen=True, slots=True, kw_only=True)
class Convener(Node):
    """`convener REF`: who calls the body's meetings."""

    ref: Ref


@dataclass(frozen=True, slots=True, kw_only=True)
class Spokesperson(Node):
    """`spokesperson REF`: who speaks for the body."""

    ref: Ref


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingRule(Node):
    """How often a body meets: per calendar year, or within a window of months (`months` = first, last)."""

    kind: str  # at_least | at_most | about | between | exactly
    low: int | None
    high: int | None
    months: tuple[int, int] | None = None
    soft: bool = False  # "as a rule" ("som regel"): a year that strays from it is a warning, not an error

    @property
    def minimum(self) -> int | None:
        return self.low if self.kind in ("at_least", "between", "exactly", "about") else None

    @property
    def maximum(self) -> int | None:
        return self.high if self.kind in ("at_most", "between", "exactly", "about") else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quorum(Node):
    """`quorum …`: how many must be present for the body to decide: more than half, a fraction, all, at
    least a number, or the bylaw's default; counted in seats or members (`unit`)."""

    kind: str  # more_than_half | fraction | all | at_least | default
    numerator: int = 0
    denominator: int = 1
    unit: str | None = None  # seats | members (None: seats, or as the default says)


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision(Node):
    """`decision by consensus`, or by majority: simple, or qualified (`share`, e.g. (2, 3), at least that
    part), of the votes cast, of those present or of all seats (`base`), with one voice `per` seat, member,
    group or party (None: per member under `equal influence`, else per seat)."""

    method: str  # consensus | majority
    share: tuple[int, int] | None = None
    base: str = "votes"  # votes | present | seats
    per: str | None = None  # seat | member | group | party


@dataclass(frozen=True, slots=True, kw_only=True)
class VoteGroup(Node):
    """`group ID "Title" of MEMBER, …`: members voting as one bloc where the body decides `per group`."""

    id: str
    title: str | None = None
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EqualInfluence(Node):
    """One voice per member, whatever its number of seats."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation(Node):
    """This body decides / prepares / proposes / executes matters (of `matters`, or any) for `targets`."""

    kind: str  # decides | prepares | proposes | executes | responsible | appoints | reports_to | convenes
    matters: tuple[str, ...] | None = None
    targets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class HostedBy(Node):
    """`hosted by MEMBER`: the member that hosts the body."""

    member: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaPreparedBy(Node):
    """`agenda prepared by REF, …`: who prepares the body's agenda."""

    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SummonsAll(Node):
    """`summons all seats`: every seat of the body is called to its meetings."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Uses(Node):
    """`uses PERCENT of REF`: the share (per cent) of a seat holder's time the body uses."""

    percent: Decimal
    ref: Ref


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice(Node):
    """`notice at least N days`: the summons goes out at least `days` days before a meeting."""

    days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Justering(Node):
    """`justering within N days`: the body's minutes are justerade at the latest N days after the meeting
    (for an organ under Kommunallagen the law's fourteen days still hold where they are fewer)."""

    days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Treats(Node):
    """Business the body must treat at one of its meetings every year (within `months`, if given): the
    yearly meeting that approves the annual report and sets next year's budget frame."""

    matters: tuple[str, ...]
    months: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Duty(Node):
    """`duty "TEXT"`: a task the body has, in the agreement's words."""

    text: str


BodyClause = Union[SeatDecl, Chair, Secretary, Convener, Spokesperson, MeetingRule, Quorum, Decision,
                   EqualInfluence, VoteGroup, Relation, HostedBy, AgendaPreparedBy, SummonsAll, Uses, Notice, Justering, Treats,
                   Duty]


@dataclass(frozen=True, slots=True, kw_only=True)
class Body(Node):
    """A body of the collaboration (styrgrupp, direktion, …): its clauses in source order and the seat
    lines they expand to."""

    id: str
    name: str
    office: bool = False
    clauses: tuple[BodyClause, ...] = ()
    seats: tuple[Seat, ...] = ()  # derived from the SeatDecl clauses by from_ast

    def of(self, kind: type) -> Iterator:
        return (c for c in self.clauses if isinstance(c, kind))

    def first(self, kind: type):
        for c in self.clauses:  # (a loop, not next() over `of`: asked several times per body per check)
            if isinstance(c, kind):
                return c
        return None

    @property
    def chair(self) -> Chair | None:
        return next((c for c in self.clauses if isinstance(c, Chair) and not c.vice), None)

    @property
    def vice_chair(self) -> Chair | None:
        return next((c for c in self.clauses if isinstance(c, Chair) and c.vice), None)

    @property
    def meeting_rules(self) -> tuple[MeetingRule, ...]:
        return tuple([c for c in self.clauses if isinstance(c, MeetingRule)])

    def relations(self, kind: str) -> tuple[Relation, ...]:
        return tuple(c for c in self.of(Relation) if c.kind == kind)

    @property
    def voting_seats(self) -> tuple[Seat, ...]:
        return tuple([s for s in self.seats if not s.adjunct])


# ---- top-level statements ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class Member(Node):
    """`member ID "Name" KIND [CODE]`: a party to the agreement (a municipality, a region, …), with its
    official code if given."""

    id: str
    name: str
    kind: str
    code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MatterType(Node):
    """`matter ID "Title"`: a type of matter that rules and relations may name."""

    id: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Requirement(Node):
    """`rule all matters [of type T] to BODY prepared|proposed by OTHER`: a mandatory, checkable path."""

    matters: tuple[str, ...] | None
    body: str
    step: str  # prepared | proposed
    by: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NoVeto(Node):
    """No member may block the others' collaboration."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Participation(Node):
    """`participation voluntary [minimum N]`: members take part by choice; at least `minimum` of them."""

    voluntary: bool = True
    minimum: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CostRule(Node):
    """How the costs are shared: by population (figures of `reference`), a fee, each its own, participants'
    fees, or per project."""

    kind: str  # population | fee | own | participant_fees | projects
    reference: tuple[int, int] | None = None  # (month, day) of the population figures
    updated_yearly: bool = False
    among_participants: bool = False
    amount: Decimal | None = None
    fixed_at_renewal: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Import(Node):
    """`import MODULE`: a rules/ module whose statements (defaults, election cycle, …) this bylaw takes in."""

    module: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ElectionCycle(Node):
    """Elections every `every` years from `start`, on the `ordinal` `weekday` of `month`."""

    every: int
    start: int
    ordinal: str
    weekday: str
    month: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MandatePeriod(Node):
    """A mandate of `years` from `month`/`day` of the election year (`after` 0: fullmäktige, KL 5 kap. 9 §) or
    of the year after it (`after` 1: a styrelse or förbundsfullmäktige, 6 kap. 18 §, 9 kap. 4 §)."""

    years: int
    month: int
    day: int
    after: int = 0


# ---- legal form ------------------------------------------------------------------------------------
FormKind = Literal["kommunalforbund", "gemensam-namnd", "avtalssamverkan", "informal"]
FORM_KINDS: tuple[str, ...] = get_args(FormKind)
FORM_NAMES = {"kommunalforbund": "kommunalförbund", "gemensam-namnd": "gemensam nämnd",
              "avtalssamverkan": "avtalssamverkan", "informal": "informell samverkan"}
# The organs Kommunallagen speaks of, each played by one of the bylaw's bodies.
OrganKind = Literal["direktion", "forbundsfullmaktige", "forbundsstyrelse", "gemensam-namnd"]
# How a rule of Kommunallagen reaches a body: as the law (the body is one of its organs) or per analogi.
Application = Literal["direct", "analogy"]


@dataclass(frozen=True, slots=True)
class LegalForm:
    """What kind of collaboration the agreement sets up, and which bodies are the organs of KL 9 kap.

    A direktion is both the kommunalförbund's beslutande församling and its förbundsstyrelse (9 kap. 5 §); a
    gemensam nämnd is a nämnd of its värdkommun (9 kap. 20, 23 §§). KL applies to these bodies directly; to
    every other body, and to every body of an avtalssamverkan or informal collaboration, only per analogi."""

    kind: FormKind
    organs: tuple[tuple[OrganKind, str], ...] = ()  # (organ, body id), in the order the clause names them
    host: str | None = None  # the värdkommun's member id (gemensam nämnd)

    def organ(self, body_id: str) -> OrganKind | None:
        return next((kind for kind, body in self.organs if body == body_id), None)

    def body_of(self, organ: OrganKind) -> str | None:
        return next((body for kind, body in self.organs if kind == organ), None)

    def application(self, body_id: str) -> Application:
        return "direct" if self.organ(body_id) else "analogy"

    @property
    def statutory(self) -> bool:
        """A form Kommunallagen itself sets up (kommunalförbund, gemensam nämnd)."""
        return self.kind in ("kommunalforbund", "gemensam-namnd")


INFORMAL = LegalForm("informal")


@dataclass(frozen=True, slots=True, kw_only=True)
class HeaderItem(Node):
    """One line under `bylaw`: source, signed, binding, valid, renewed, amends, version, status, …"""

    key: str
    value: tuple = ()


Rule = Union[Requirement, NoVeto]


class Derived:
    """What is worked out from one bylaw object and kept with it (its process graph, the checks' seat
    tables): no cache outlives the bylaw, and none is shared between bylaws that are equal but differ in
    what equality leaves out (spans, path), on which citations depend. Safe under threads: a value
    computed twice at once is computed alike, and the first one stored is kept. Never pickled."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict = {}

    def get(self, key: object, compute: Callable[[], T]) -> T:
        try:
            return self._values[key]
        except KeyError:
            return self._values.setdefault(key, compute())

    def items(self, wanted: Callable[[object], bool]) -> dict:
        """The values whose keys are `wanted`, as a plain dict (to keep elsewhere)."""
        return {key: value for key, value in list(self._values.items()) if wanted(key)}

    def update(self, values: dict) -> None:
        """Values worked out before (by another run, for this same bylaw content)."""
        for key, value in values.items():
            self._values.setdefault(key, value)

    def __reduce__(self):
        return (Derived, ())

    def __repr__(self) -> str:
        return "Derived()"


@dataclass(frozen=True, slots=True, kw_only=True)
class Bylaw(Node):
    """One agreement (or a rules/ `module`): its header, members, matter types, bodies, rules and the
    defaults of the modules it imports. `derived` keeps what is worked out from it (never compared)."""

    id: str
    title: str
    kind: str = "bylaw"  # bylaw | module
    path: str = field(default="", compare=False)
    header: tuple[HeaderItem, ...] = ()
    imports: tuple[Import, ...] = ()
    members: tuple[Member, ...] = ()
    matters: tuple[MatterType, ...] = ()
    bodies: tuple[Body, ...] = ()
    rules: tuple[Rule, ...] = ()
    participation: Participation | None = None
    costs: tuple[CostRule, ...] = ()
    election: ElectionCycle | None = None
    mandate: MandatePeriod | None = None
    defaults: tuple[Quorum, ...] = ()
    modules: tuple["Bylaw", ...] = field(default=(), compare=False, repr=False)
    trailing_comments: tuple[str, ...] = field(default=(), compare=False, repr=False)
    derived: Derived = field(default_factory=Derived, init=False, compare=False, repr=False)

    # -- lookups (linear: bylaws are small; hot paths build their own indexes) --
    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def body(self, body_id: str) -> Body | None:
        return next((b for b in self.bodies if b.id == body_id), None)

    def header_item(self, key: str) -> HeaderItem | None:
        return next((h for h in self.header if h.key == key), None)

    def _header_value(self, key: str, index: int = 0):
        item = self.header_item(key)
        return item.value[index] if item and len(item.value) > index else None

    @property
    def source(self) -> str | None:
        """The (first) source document's file name."""
        return self._header_value("source")

    @property
    def sources(self) -> tuple[tuple[str | None, str], ...]:
        """Every source document as (name, file): name None for a bylaw's single unnamed source."""
        return tuple((h.value[1] if len(h.value) > 1 else None, h.value[0])
                     for h in self.header if h.key == "source")

    @property
    def form(self) -> LegalForm:
        """The agreement's legal form; a bylaw that states none is read as informal (KL per analogi)."""
        return self._header_value("form") or INFORMAL

    @property
    def form_stated(self) -> bool:
        return self.header_item("form") is not None

    @property
    def sate(self) -> str | None:
        """The place where a kommunalförbund has its säte (KL 9 kap. 6 § 1)."""
        return self._header_value("sate")

    @property
    def signed(self) -> date | None:
        return self._header_value("signed")

    @property
    def binding(self) -> bool | None:
        return self._header_value("binding")

    @property
    def amends(self) -> str | None:
        return self._header_value("amends")

    @property
    def effective_from(self) -> date | None:
        """When this version takes effect: `amends … from`, else `valid from`, else the signing date."""
        return self._header_value("amends", 1) or self._header_value("valid", 0) or self.signed

    @property
    def election_cycle(self) -> ElectionCycle | None:
        return self.election or next((m.election for m in self.modules if m.election), None)

    @property
    def mandate_period(self) -> MandatePeriod | None:
        return self.mandate or next((m.mandate for m in self.modules if m.mandate), None)

    @property
    def default_quorum(self) -> Quorum | None:
        own = self.defaults[0] if self.defaults else None
        return own or next((m.defaults[0] for m in self.modules if m.defaults), None)

