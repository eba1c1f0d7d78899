"""quorum: enough of the body is present at each meeting that lists its attendees.

Counted per seat, or per member when the body has `equal influence` or the quorum says `of members`.
Adjunct seats never count. A seat line `1..2` counts its minimum towards the whole (that many are surely
appointed) and at most its maximum towards those present. `quorum default` is the statutory default the
bylaw imports (Kommunallagen 6 kap. 27 § in rules/sweden.bylaw), cited with its law reference and sentence;
förbundsfullmäktige by 5 kap. 45 §. A meeting without attendees is not
judged: its attendance is unknown. Persons count, not seat lines: three ledamöter of one member on a line of
three count three, and a serving ersättare counts for the ledamot it stands in for. The message names the
members or seat lines missing, and the roster's ledamöter of them who were not there. A matter is also
counted without those who were jäviga in it (they left it); förbundsfullmäktige excepted (5 kap. 46 §).
Seats counted by population (`seat … by population …`) count what the formula gives each member for the
meeting's year, from the shipped SCB figures at the formula's day in the year before; a year whose figures
are missing is not judged, and a warning says which figures to fetch.
An organ under Kommunallagen (the bylaw's `form`) is bound by the law's quorum whatever its bylaw says (6 kap.
27 §; förbundsfullmäktige 5 kap. 45 §): where the bylaw states none, or a lower one, its meetings are judged
by the law's too, and the finding cites the statute.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple

from ...model.types import Body, Bylaw, EqualInfluence, Quorum, SeatRef
from ...report.finding import Finding
from ..law import EXAMPLE_BYLAW, EXAMPLE_FORM, cite_law, organ
from ..rule import Basis, Example, Rule, Text
from ..view import BodyView, CalendarView


class Requirement(NamedTuple):
    """What one body's quorum clause asks for: `need` of `total` seats (or members) present."""

    clause: Quorum
    rule: Quorum           # the clause, or the statutory default it stands for
    per_member: bool
    total: int
    body: Body

    @property
    def unit(self) -> Text:
        return Text(sv="medlemmar", en="members") if self.per_member else Text(sv="platser", en="seats")

    @property
    def whole(self) -> Text:
        """The unit, all of them: "mer än hälften av platserna" (in English as the clause says it, "of seats")."""
        return Text(sv="medlemmarna", en="members") if self.per_member else Text(sv="platserna", en="seats")

    def enough(self, present: int) -> bool:
        rule, total = self.rule, self.total
        if rule.kind == "more_than_half":
            return 2 * present > total
        if rule.kind == "fraction":
            return present * rule.denominator >= rule.numerator * total
        if rule.kind == "all":
            return present >= total
        return present >= rule.numerator

    def wording(self) -> Text:
        rule = self.rule
        if rule.kind == "more_than_half":
            return Text(sv="mer än hälften", en="more than half")
        if rule.kind == "fraction":
            return Text(sv=f"{rule.numerator}/{rule.denominator}", en=f"{rule.numerator}/{rule.denominator}")
        if rule.kind == "all":
            return Text(sv="alla", en="all")
        return Text(sv=f"minst {rule.numerator}", en=f"at least {rule.numerator}")

    def more(self, present: int) -> Text | None:
        """How many more seats (members) were needed for a quorum: "2 platser till: minst 6 av 10"; None
        when not even all of them would do (a quorum larger than the body)."""
        needed = next((n for n in range(1, self.total - present + 1) if self.enough(present + n)), None)
        if needed is None:
            return None
        one = needed == 1
        unit = (Text(sv="medlem" if one else "medlemmar", en="member" if one else "members") if self.per_member
                else Text(sv="plats" if one else "platser", en="seat" if one else "seats"))
        return Text(sv=f"det behövdes {needed} {unit.sv} till: minst {present + needed} av {self.total}",
                    en=f"{needed} more {unit.en} {'was' if one else 'were'} needed: at least {present + needed} "
                       f"of {self.total}")

    def counting(self, body: BodyView) -> dict[SeatRef, int | str]:
        """What each reference among the body's attendees counts as: its voting seat (by index), or its
        member where members are counted; one that counts for nothing (an adjunct, no seat) is left out."""
        seats = self.body.seats
        out: dict[SeatRef, int | str] = {}
        for ref in body.attendee_refs():
            seated = body.seated(ref)
            if seated.seat is None or seats[seated.seat].adjunct:
                continue
            if self.per_member:
                if seated.member:
                    out[ref] = seated.member
            elif seats[seated.seat].max:  # (a line of no places counts none)
                out[ref] = seated.seat
        return out

    def present(self, counting: Mapping[SeatRef, int | str], attendees: Iterable[SeatRef]) -> int:
        """How many of `attendees` count as present (`counting`: what each counts as): distinct members,
        or voting seats, each at most its line's maximum."""
        counted = [value for value in map(counting.get, attendees) if value is not None]
        distinct = set(counted)
        if self.per_member or len(distinct) == len(counted):  # (the usual: each seat named once, counting one)
            return len(distinct)
        seats = self.body.seats
        return sum(min(n, seats[int(seat)].max) for seat, n in Counter(counted).items())


# The law's own quorum for an organ under it: more than half of the ledamöter (KL 6 kap. 27 §; förbundsfullmäktige
# 5 kap. 45 §). It binds the organ whatever its bylaw says: where the bylaw has no quorum, or a lower one, the
# meetings are judged by it too. (Compared by identity: a bylaw's own `quorum more than half` is equal to it.)
LAW = Quorum(kind="more_than_half", unit="seats")


def statutory(bylaw: Bylaw, body: Body) -> Requirement | None:
    """The law's quorum for a body the bylaw's form makes an organ under Kommunallagen, else None."""
    if organ(bylaw, body.id) is None:
        return None
    total = sum(s.min for s in body.voting_seats)
    return Requirement(LAW, LAW, False, total, body) if total else None


def requirement(bylaw: Bylaw, body: Body) -> Requirement | None:
    """The body's quorum, or None when it has none (or `quorum default` without a default: lint's matter)."""
    clause = body.first(Quorum)
    if clause is None:
        return None
    default = bylaw.default_quorum
    rule = clause
    if clause.kind == "default":
        if default is None:
            return None
        rule = default
    per_member = clause.unit == "members" or (clause.unit is None and (
        body.first(EqualInfluence) is not None or (clause.kind == "default" and rule.unit == "members")))
    voting = body.voting_seats
    if per_member:
        total = len({s.member for s in voting if s.member is not None})
    else:
        total = sum(s.min for s in voting)
    return Requirement(clause, rule, per_member, total, body) if total else None


def by_population(bylaw: Bylaw, year: int) -> tuple[Bylaw | None, str]:
    """The bylaw with its formula seats counted for meetings in `year` (figures of the year before), or why
    they cannot be counted."""
    from ...money.seats import SeatError, resolve, seat_table
    try:
        how = (f"count the seats with `governance seats {bylaw.id} --year {year - 1} --population FILE` (the check "
               "reads only the shipped figures, governance/data/population.csv)")
        return resolve(bylaw, seat_table(bylaw, year=year - 1, how=how)), ""
    except SeatError as exc:
        return None, str(exc)


def _by_population(body: Body) -> bool:
    """Some of the body's voting seats are counted by population (so its quorum is worked out per year)."""
    return any(s.formula is not None for s in body.voting_seats)


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        if not view.bylaw_memo(("quorum-by-population", body.id), lambda: _by_population(body.body)):
            need = view.bylaw_memo(("quorum", body.id), lambda: requirement(view.bylaw, body.body))
            law = view.bylaw_memo(("quorum-law", body.id), lambda: statutory(view.bylaw, body.body))
            yield from _judged(view, body, need, law)
            continue
        for year in sorted({m.date.year for m in body.meetings if m.attendees}):
            counted, why = view.bylaw_memo(("quorum-seats", year), lambda: by_population(view.bylaw, year))
            if counted is None:
                clause = body.body.first(Quorum)
                if clause is not None:
                    yield view.finding(RULE, view.cite(clause), severity="warning", body=body.id, year=year,
                                       sv=f"beslutförheten i '{body.id}' bedöms inte för {year}: platserna räknas "
                                          f"efter folkmängd och {why}",
                                       en=f"quorum of '{body.id}' not judged in {year}: its seats are counted "
                                          f"by population and {why}")
                continue
            seated = counted.body(body.id) or body.body  # the same body, its seats counted for the year
            need = view.bylaw_memo(("quorum", body.id, year), lambda: requirement(counted, seated))
            law = view.bylaw_memo(("quorum-law", body.id, year), lambda: statutory(counted, seated))
            yield from _judged(view, body, need, law, year)


def _judged(view: CalendarView, body: BodyView, need: Requirement | None, law: Requirement | None,
            year: int | None = None) -> Iterator[Finding]:
    """The bylaw's quorum (`need`), then for an organ under the law the law's (`law`) where the bylaw's was
    met: the law's alone where the bylaw has none, and nothing twice where the bylaw's is the law's."""
    if need is None:
        need, law = law, None
    elif law is not None and need.rule.kind == "more_than_half" and not need.per_member:
        law = None  # the same count, the same verdicts
    if need is not None:
        yield from _short(view, body, need, year)
    if law is not None:
        yield from _short(view, body, law, year, beside=need)


def _short(view: CalendarView, body: BodyView, need: Requirement, year: int | None = None,
           beside: Requirement | None = None) -> Iterator[Finding]:
    """The meetings (and matters, without their jäviga) short of `need`. `beside`: the bylaw's quorum,
    judged already; `need` is then the law's, and only what the bylaw's let pass is reported."""
    cite = None
    counting = need.counting(body)
    passed = _passes(body, beside)

    # What the message says of the quorum itself, worded once for the body in the run's language.
    lang = view.lang
    unit, quorum = need.unit(lang), f"{need.wording()(lang)} {'of' if view.english else 'av'} {need.whole(lang)}"

    def shortfall(attendees: tuple) -> tuple[int, tuple, str | None] | None:
        """How many count as present, what they lack and how many more were needed, for a list short of a
        quorum; else None. (The same people meet again and again: each list is judged once,
        body.where_attendees.)"""
        if not attendees:
            return None  # attendance unknown
        present = need.present(counting, attendees)
        if need.enough(present) or not passed(attendees):
            return None
        more = need.more(present)
        return present, _gaps(need, attendees), None if more is None else more(lang)

    for meeting, (present, gaps, more) in body.where_attendees(shortfall):
        if year is not None and meeting.date.year != year:
            continue  # another year's seats
        missing, absent = _missing(view, gaps, meeting)
        cite = cite or citation(view, body.id, need)
        by_law = _by_law(need, beside)(lang)
        if view.english:
            message = (f"{present} of {need.total} {unit} present at '{meeting.id}'; the quorum is {quorum}{by_law}"
                       + (f"; missing: {missing}" if missing else "") + (f"; absent: {absent}" if absent else ""))
        else:
            message = (f"{present} av {need.total} {unit} närvarande vid '{meeting.id}'; för beslutförhet krävs "
                       f"{quorum}{by_law}" + (f"; saknas: {missing}" if missing else "")
                       + (f"; frånvarande: {absent}" if absent else ""))
        yield view.finding(RULE, cite, meeting=meeting, fix=more, message=message)
    # A meeting with a quorum may lack one for a matter whose jäviga left it.
    jav = view.recorded(body.id).jav_meetings
    for meeting in body.meetings if jav else ():
        if meeting.id in jav and meeting.attendees and (year is None or meeting.date.year == year) \
                and need.enough(need.present(counting, meeting.attendees)) and passed(meeting.attendees):
            yield from _without_the_javiga(view, body, need, counting, meeting, passed, _by_law(need, beside))


def _passes(body: BodyView, beside: Requirement | None) -> Callable[[Iterable[SeatRef]], bool]:
    """Whether the bylaw's quorum (`beside`) was met by these attendees (always, when there is none)."""
    if beside is None:
        return lambda attendees: True
    counting = beside.counting(body)
    return lambda attendees: beside.enough(beside.present(counting, attendees))


def _by_law(need: Requirement, beside: Requirement | None) -> Text:
    """What a finding of the law's quorum adds: that the law's counts, and the bylaw's was lower or none."""
    if need.clause is not LAW:
        return Text(sv="", en="")
    if beside is None:
        return Text(sv=" enligt lagen (avtalet anger ingen beslutförhet)", en=" by law (the bylaw states none)")
    wording = beside.wording()
    return Text(sv=f" enligt lagen, som gäller före avtalets lägre krav ({wording.sv} av {beside.whole.sv})",
                en=f" by law, which prevails over the bylaw's lower one ({wording.en} of {beside.whole.en})")


def _without_the_javiga(view: CalendarView, body: BodyView, need: Requirement, counting: Mapping[SeatRef, int | str],
                        meeting, passed: Callable[[Iterable[SeatRef]], bool], by_law: Text) -> Iterator[Finding]:
    """A matter's quorum counted without those jäviga in it (they left it, KL 6 kap. 30 §). Not for
    förbundsfullmäktige, which may handle a matter below its quorum because of jäv (5 kap. 46 §)."""
    if organ(view.bylaw, body.id) == "forbundsfullmaktige":
        return
    for matter in meeting.matters:
        seats, left = list(meeting.attendees), []
        for p in matter.jav:
            served = next((q for q in meeting.people if q.serving and (
                q.person == p.person if p.person else q.seat == p.seat)), None)
            if served is not None and served.seat in seats:
                seats.remove(served.seat)
                left.append(str(p))
        if not left:
            continue
        present = need.present(counting, seats)
        if need.enough(present) or not passed(seats):
            continue
        unit, wording, gone = need.unit, need.wording(), ", ".join(left)
        yield view.finding(RULE, citation(view, body.id, need), meeting=meeting, matter=matter.id,
                           fix=need.more(present),
                           sv=f"utan de jäviga ({gone}) var {present} av {need.total} {unit.sv} närvarande för "
                              f"'{matter.id}' vid '{meeting.id}'; för beslutförhet krävs {wording.sv} av "
                              f"{need.whole.sv}{by_law.sv}",
                           en=f"without the jäviga ({gone}), {present} of {need.total} {unit.en} were present for "
                              f"'{matter.id}' at '{meeting.id}'; the quorum is {wording.en} of {need.whole.en}{by_law.en}")


def citation(view: CalendarView, body_id: str, need: Requirement):
    """The bylaw's quorum clause (for `quorum default`, with the statute's sentence the default quotes).
    Förbundsfullmäktige is beslutfört by 5 kap. 45 §, not by a nämnd's 6 kap. 27 §: where the bylaw's
    default is another paragraph, the statute's own sentence is cited from law/."""
    if need.clause is LAW:
        if organ(view.bylaw, body_id) == "forbundsfullmaktige":
            return cite_law(5, "45", "Fullmäktige får handlägga")
        return cite_law(6, "27", "En nämnd får handlägga")
    default = view.bylaw.default_quorum if need.clause.kind == "default" else None
    if default is not None and organ(view.bylaw, body_id) == "forbundsfullmaktige" \
            and "5 kap. 45" not in (default.notes.law or ""):
        return cite_law(5, "45", "Fullmäktige får handlägga")
    return view.cite(need.clause, law_from=default)


def _gaps(need: Requirement, attendees: tuple) -> tuple[list[tuple[str | None, str | None]], list[str]]:
    """What the attendees lack: the members no one served for, or the seat lines short of their count (a
    line of one seat simply named), as (member, role or None) and as said."""
    served = Counter(attendees)  # (a SeatRef is its (member, role))
    voting = [s for s in need.body.voting_seats if s.pool is None]
    if need.per_member:
        have = {member for member, _ in served}
        gaps = sorted({s.member for s in voting if s.member and s.member not in have})
        return [(m, None) for m in gaps], gaps
    # (get, not [], where a line is missing: a Counter's __missing__ is a Python call)
    short = sorted((s for s in voting if served.get((s.member, s.role), 0) < s.min), key=lambda s: str(s.ref))
    return ([(s.member, s.role) for s in short],
            [str(s.ref) if s.min == 1 else f"{s.ref} ({served.get((s.member, s.role), 0)}/{s.min})" for s in short])


def _missing(view: CalendarView, gaps, meeting) -> tuple[str, str]:
    """Who was missing (`gaps`, from `_gaps`); then the roster's ledamöter of them who were not there, in
    the roster's order."""
    lines, said = gaps
    if not view.calendar.roster or not said:
        return ", ".join(said), ""
    there = {p.person for p in meeting.present if p.person}
    absent = [p.name for p in view.calendar.roster
              if p.kind == "ledamot" and p.name not in there and p.holds_on(meeting.date)
              and any(p.seat.member == m and (r is None or p.seat.role == r) for m, r in lines)]
    return ", ".join(said), ", ".join(absent)


_BYLAW = '''\
body radet "Rådet"
  seat kso "KSO" from each municipality
  quorum more than half
'''

_LAW_BYLAW = EXAMPLE_BYLAW + "  quorum at least 3\n"  # a direktion's own quorum below the law's (4 of 9 is not more than half)

RULE = Rule(
    id="quorum",
    summary=Text(sv="Organet är beslutfört vid varje sammanträde som anger de närvarande.",
                 en="The body has a quorum at every meeting that lists who attended."),
    why=Text(sv="`quorum …` anger hur många platser (eller medlemmar, vid `equal influence` eller `of "
                "members`) som måste vara närvarande. Adjungerade räknas aldrig. `quorum default` är lagens "
                "regel: mer än hälften av ledamöterna. Ett organ enligt kommunallagen (avtalets `form`) är "
                "bundet av lagens beslutförhet, mer än hälften av ledamöterna (6 kap. 27 §; förbundsfullmäktige "
                "5 kap. 45 §), också där avtalet inte anger någon eller anger en lägre.",
             en="`quorum …` says how many seats (or members, with `equal influence` or `of members`) must be "
                "present. Adjunct seats never count. `quorum default` is the statute's rule: more than half "
                "of the members. An organ under Kommunallagen (the bylaw's `form`) is bound by the law's "
                "quorum, more than half of the ledamöter (6 kap. 27 §; förbundsfullmäktige 5 kap. 45 §), also "
                "where its bylaw states none or a lower one."),
    severity="error",
    basis=Basis("default", "quorum …", "Kommunallagen (2017:725) 6 kap. 27 §"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/kso]}\n"),
           Example(bylaw=_LAW_BYLAW, header=EXAMPLE_FORM,
                   calendar="- {id: d1, body: direktionen, date: 2025-03-10, attendees: [3 × alfa/ledamot, "
                            "beta/ledamot]}\n")),
    passes=(Example(bylaw=_BYLAW,
                    calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/kso, beta/kso]}\n"),),
    fix=Text(sv="Skjut upp besluten till ett sammanträde där tillräckligt många är närvarande.",
             en="Defer the decisions to a meeting where enough are present."),
    check=check,
)
