"""decision-rule: a decision as the body's decision rule allows.

- A body that decides by consensus records no decision taken over an objection or by a majority vote, nor
  one where anyone voted nej.
- Where the calendar records votes (`votes: {ja, nej, avstar}`), the decision has the majority the bylaw
  asks for: simple (more ja than nej among the votes cast, KL 5 kap. 55 § "Utgången bestäms genom enkel
  majoritet", for nämnder by 6 kap. 33 §) or qualified (`decision by 2/3 majority`: at least that part),
  of the votes cast, of those present or of all seats. Voices are counted as the bylaw says (`per seat |
  member | group | party`; unsaid: per member under `equal influence`, else per seat). A member's, group's
  or party's voice is the way most of its voters went; split evenly, it abstains.
- No confident wrong answer: a member voting as one (`ja: [vara]`) where the body votes per seat weighs
  between one and its seats; where the outcome depends on that weight, or a voter's party or group is not
  known, the rule says the votes do not settle it (a warning) rather than judging. Equal votes under a
  simple majority are a warning: the chair's casting vote (5 kap. 56 §) decides, and the calendar does
  not record it.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

from ...calendar.model import Matter, Meeting, Presence, Vote
from ...model.types import Decision, EqualInfluence, VoteGroup
from ...report.finding import Finding
from ..rule import Basis, Example, Rule, Text
from ..view import BodyView, CalendarView, Seated

OVERRULED = {"objection": Text(sv="trots en invändning", en="over an objection"),
             "majority": Text(sv="genom majoritetsbeslut", en="by a majority vote")}
UNITS = {"seat": Text(sv="en röst per plats", en="one voice per seat"),
         "member": Text(sv="en röst per medlem", en="one voice per member"),
         "group": Text(sv="en röst per grupp", en="one voice per group"),
         "party": Text(sv="en röst per partigrupp", en="one voice per party group")}
BASES = {"votes": Text(sv="de avgivna rösterna", en="the votes cast"),
         "present": Text(sv="de närvarande", en="those present"),
         "seats": Text(sv="samtliga platser", en="all seats")}

Range = tuple[int, int]  # least, most


class Tally(NamedTuple):
    """The voices for and against, each a range where a voice's weight is not known exactly; `total`:
    the voices the majority is a part of when it is of those present or of all seats."""

    ja: Range
    nej: Range
    total: Range | None = None

    def said(self, lang: str, unit: Text) -> str:
        return f"{_n(self.ja)} ja, {_n(self.nej)} nej ({getattr(unit, lang)})"


def _n(r: Range) -> str:
    return str(r[0]) if r[0] == r[1] else f"{r[0]}–{r[1]}"


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        clause = body.body.first(Decision)
        consensus = clause is not None and clause.method == "consensus"
        per = (clause.per if clause is not None else None) or \
            ("member" if body.body.first(EqualInfluence) is not None else "seat")
        cite = None
        # Only decisions taken over an objection (under consensus) or with votes recorded have anything to
        # judge: picked out in one comprehension (a large calendar has tens of thousands of decisions).
        judged = [(m, x) for m, x in view.agenda(body.id, "decide") if x.votes or (consensus and x.outcome in OVERRULED)]
        for meeting, matter in judged:
            how = OVERRULED.get(matter.outcome or "")
            if consensus and how is not None:
                cite = cite or view.cite(clause)
                # only the run's language: a large calendar has thousands of these
                yield view.finding(RULE, cite, meeting=meeting, matter=matter.id,
                                   message=f"'{matter.id}' was decided {how.en}, but {body.id} decides by consensus"
                                   if view.english else
                                   f"'{matter.id}' beslutades {how.sv}, men {body.id} beslutar i konsensus")
                continue
            if matter.votes:
                yield from _judge(view, body, clause, per, meeting, matter)


def _judge(view: CalendarView, body: BodyView, clause: Decision | None, per: str, meeting: Meeting,
           matter: Matter) -> Iterator[Finding]:
    cite = view.cite(clause if clause is not None else body.body)
    unit = UNITS[per]
    base = clause.base if clause is not None and clause.method == "majority" else "votes"
    tally, why = _tally(view, body, per, base, meeting, matter)
    if tally is None:
        yield view.finding(RULE, cite, meeting=meeting, matter=matter.id, severity="warning",
                           sv=f"rösterna i '{matter.id}' vid '{meeting.id}' bedöms inte: {why.sv}",
                           en=f"the votes on '{matter.id}' at '{meeting.id}' are not judged: {why.en}")
        return
    sv, en = tally.said("sv", unit), tally.said("en", unit)
    if clause is not None and clause.method == "consensus":
        if tally.nej[0]:
            yield view.finding(RULE, cite, meeting=meeting, matter=matter.id,
                               sv=f"'{matter.id}' beslutades med {sv}, men {body.id} beslutar i konsensus",
                               en=f"'{matter.id}' was decided with {en}, but {body.id} decides by consensus")
        return
    share = clause.share if clause is not None else None
    need, short = _need(share, base), _short(share, base)
    surely, never = _passes(tally, share, least=True), not _passes(tally, share, least=False)
    if share is None and base == "votes" and tally.ja == tally.nej and tally.ja[0] == tally.ja[1] \
            and tally.ja[0]:
        yield view.finding(RULE, cite, meeting=meeting, matter=matter.id, severity="warning",
                           sv=f"'{matter.id}' beslutades vid lika röstetal, {sv}: giltigt bara om "
                              "ordförandens utslagsröst var ja, vilket kalendern inte anger",
                           en=f"'{matter.id}' was decided on equal votes, {en}: valid only if the "
                              "chair's casting vote was ja, which the calendar does not record")
    elif never:
        said = matter.outcome == "consensus"
        yield view.finding(RULE, cite, meeting=meeting, matter=matter.id,
                           sv=f"'{matter.id}' beslutades, {'antecknat som konsensus, men ' if said else ''}"
                              f"rösterna {short.sv}: {sv}",
                           en=f"'{matter.id}' was decided, {'recorded as consensus, but ' if said else ''}"
                              f"the votes {short.en}: {en}")
    elif not surely:
        yield view.finding(RULE, cite, meeting=meeting, matter=matter.id, severity="warning",
                           sv=f"rösterna i '{matter.id}' vid '{meeting.id}' avgör inte om beslutet fick {need.sv}: "
                              f"{sv}; en medlem som röstar som en väger mellan en röst och sina platser",
                           en=f"the votes on '{matter.id}' at '{meeting.id}' do not settle whether it had {need.en}: "
                              f"{en}; a member voting as one weighs between one voice and its seats")


def _short(share: tuple[int, int] | None, base: str) -> Text:
    """What the votes fail to give (after "the votes")."""
    of = BASES[base]
    if share is None:
        if base == "votes":
            return Text(sv="ger ingen majoritet för det", en="give no majority for it")
        return Text(sv=f"ger ingen majoritet av {of.sv} för det", en=f"give no majority of {of.en} for it")
    part = f"{share[0]}/{share[1]}"
    return Text(sv=f"når inte de minst {part} av {of.sv} som krävs",
                en=f"fall short of the {part} of {of.en} it needs")


def _need(share: tuple[int, int] | None, base: str) -> Text:
    """The majority asked for (after "had")."""
    of = BASES[base]
    if share is None:
        return Text(sv="majoritet", en="a majority") if base == "votes" else \
            Text(sv=f"majoritet av {of.sv}", en=f"a majority of {of.en}")
    part = f"{share[0]}/{share[1]}"
    return Text(sv=f"minst {part} av {of.sv}", en=f"at least {part} of {of.en}")


def _passes(tally: Tally, share: tuple[int, int] | None, *, least: bool) -> bool:
    """Whether the decision has its majority with the ja voices at their least and the rest at their most
    (`least`: surely passes), or at their most and the rest least (else it surely fails)."""
    ja = tally.ja[0] if least else tally.ja[1]
    nej = tally.nej[1] if least else tally.nej[0]
    if tally.total is None:
        if share is None:
            return ja > nej or (not least and ja == nej > 0)  # equal votes: the casting vote may carry it
        return ja * share[1] >= share[0] * (ja + nej)
    total = tally.total[1] if least else tally.total[0]
    if share is None:
        return 2 * ja > total
    return ja * share[1] >= share[0] * total


def _tally(view: CalendarView, body: BodyView, per: str, base: str, meeting: Meeting,
           matter: Matter) -> tuple[Tally | None, Text]:
    groups = {m: g.id for g in body.body.of(VoteGroup) for m in g.members}
    parties = {p.name: p.party for p in view.calendar.roster}
    if per == "seat":
        ja, nej = [0, 0], [0, 0]
        for v in matter.votes:
            member = _member_voice(view, v)
            weight = (1, max(1, sum(s.max for s in body.body.voting_seats if s.member == member))) \
                if member is not None else (1, 1)
            into = ja if v.choice == "ja" else nej if v.choice == "nej" else None
            if into is not None:
                into[0] += weight[0]
                into[1] += weight[1]
        voices: tuple[Range, Range] = ((ja[0], ja[1]), (nej[0], nej[1]))
    else:
        ways: dict[str, list[str]] = {}
        for v in matter.votes:
            key, why = _key(view, per, v, groups, parties)
            if key is None:
                if why is not None:
                    return None, why
                continue
            ways.setdefault(key, []).append(v.choice)
        ja_n = sum(c.count("ja") > c.count("nej") for c in ways.values())
        nej_n = sum(c.count("nej") > c.count("ja") for c in ways.values())
        voices = ((ja_n, ja_n), (nej_n, nej_n))
    if base == "votes":
        return Tally(*voices), NO_REASON
    total, why = _total(view, body, per, base, meeting, matter, groups, parties)
    if total is None:
        return None, why
    return Tally(*voices, total=total), NO_REASON


NO_REASON = Text(sv="", en="")


def _member_voice(view: CalendarView, v: Vote) -> str | None:
    """The member, when the vote is a member's voice (`ja: [vara]`), not a person's or a seat's."""
    return v.who if v.seat is None and v.who in view.members else None


def _key(view: CalendarView, per: str, v: Vote, groups: dict[str, str],
         parties: dict[str, str | None]) -> tuple[str | None, Text | None]:
    """Whose voice the vote is part of: its member, group or party; (None, why) when that is not known,
    (None, None) for a voter outside the unit (a fixed seat with no member, voting per member)."""
    member = v.member or (v.who if v.who in view.members else None)
    if per == "member":
        return member, None
    if per == "group":
        group = groups.get(member) if member is not None else None
        if group is None:
            return None, Text(sv=f"{v.who} hör inte till någon grupp", en=f"{v.who} belongs to no group")
        return group, None
    party = parties.get(v.who)
    if party is None:
        return None, Text(sv=f"{v.who} har inget parti i förteckningen (en röst per partigrupp)",
                          en=f"{v.who} has no party in the roster (one voice per party group)")
    return party, None


def _total(view: CalendarView, body: BodyView, per: str, base: str, meeting: Meeting, matter: Matter,
           groups: dict[str, str], parties: dict[str, str | None]) -> tuple[Range | None, Text]:
    """How many voices the majority is a part of: those present (without the jäviga) or all seats."""
    if base == "seats":
        return _total_of_seats(body, per, groups)
    if not meeting.attendees:
        return None, Text(sv="närvaron är inte angiven", en="the attendance is not given")
    return _total_present(body, per, meeting, matter, groups, parties)


def _total_of_seats(body: BodyView, per: str, groups: dict[str, str]) -> tuple[Range | None, Text]:
    """Every voting seat of the body, counted per seat, member or group (party groups are not in the bylaw)."""
    voting = body.body.voting_seats
    if per == "seat":
        return (sum(s.min for s in voting), sum(s.max for s in voting)), NO_REASON
    members = {s.member for s in voting if s.member is not None}
    if per == "member":
        return (len(members), len(members)), NO_REASON
    if per == "group":
        n = len({groups[m] for m in members if m in groups})
        return (n, n), NO_REASON
    return None, Text(sv="partigruppernas antal står inte i förbundsordningen",
                      en="the number of party groups is not in the bylaw")


def _total_present(body: BodyView, per: str, meeting: Meeting, matter: Matter, groups: dict[str, str],
                   parties: dict[str, str | None]) -> tuple[Range | None, Text]:
    """Those serving at the meeting in a voting seat, the jäviga left out, counted per seat, member, group
    or party."""
    seated = _voters_present(body, meeting, matter)
    if per == "seat":
        n = len(seated)
    elif per == "member":
        n = len({s.member for _, s in seated if s.member})
    elif per == "group":
        n = len({groups.get(s.member) for _, s in seated if s.member in groups})
    else:
        return _parties_present(seated, parties)
    return (n, n), NO_REASON


def _voters_present(body: BodyView, meeting: Meeting, matter: Matter) -> list[tuple[Presence, Seated]]:
    javiga = {p.person or str(p.seat) for p in matter.jav}
    served = [p for p in meeting.people if p.serving and (p.person or str(p.seat)) not in javiga]
    seated = [(p, body.seated(p.seat)) for p in served]
    return [(p, s) for p, s in seated if s.seat is not None and not body.body.seats[s.seat].adjunct]


def _parties_present(seated: list[tuple[Presence, Seated]], parties: dict[str, str | None]
                     ) -> tuple[Range | None, Text]:
    unknown = [p for p, _ in seated if parties.get(p.person or "") is None]
    if unknown:
        who = unknown[0].person or str(unknown[0].seat)
        return None, Text(sv=f"{who} har inget parti i förteckningen", en=f"{who} has no party in the roster")
    n = len({parties.get(p.person or "") for p, _ in seated})
    return (n, n), NO_REASON


_BYLAW = 'body radet "Rådet"\n  decision by consensus\n'
_SEATS = 'body radet "Rådet"\n  seat kso "KSO" from each municipality\n'

RULE = Rule(
    id="decision-rule",
    summary=Text(sv="Beslut fattas som beslutsregeln säger: i konsensus utan invändning, annars med den majoritet "
                    "förbundsordningen kräver, röst för röst som den räknar dem.",
                 en="Decisions are taken as the decision rule says: by consensus without objection, otherwise "
                    "by the majority the bylaw asks for, with voices counted as it counts them."),
    why=Text(sv="`decision by consensus` betyder att varje medlem kan hindra ett beslut. Antecknade röster "
                "räknas: fler ja än nej (KL 5 kap. 55 §), eller minst den andel `decision by 2/3 majority` "
                "anger, av de avgivna rösterna, de närvarande (`of present`) eller samtliga platser (`of all "
                "seats`); en röst per plats, eller per medlem (`per member`, även vid `equal influence`), "
                "grupp (`per group`) eller partigrupp (`per party`).",
             en="`decision by consensus` means every member can stop a decision. Recorded votes are counted: "
                "more ja than nej (KL 5 kap. 55 §), or at least the part `decision by 2/3 majority` says, of "
                "the votes cast, of those present (`of present`) or of all seats (`of all seats`); one voice "
                "per seat, or per member (`per member`, also under `equal influence`), group (`per group`) or "
                "party group (`per party`)."),
    severity="error",
    basis=Basis("agreement", "decision by consensus"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                          "[{id: budget, action: decide, outcome: majority}]}\n"),
           Example(bylaw=_SEATS + "  decision by majority\n",
                   calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                            "[{id: budget, votes: {ja: [alfa/kso], nej: [beta/kso, gamma/kso]}}]}\n"),
           Example(bylaw=_SEATS + "  decision by 3/4 majority\n",
                   calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                            "[{id: budget, votes: {ja: [alfa/kso, beta/kso], nej: [gamma/kso]}}]}\n"),
           Example(bylaw=_SEATS + "  decision by majority per group\n  group norr of alfa, beta\n"
                                  "  group soder of gamma\n",
                   calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                            "[{id: budget, votes: {ja: [alfa/kso], nej: [beta/kso, gamma/kso]}}]}\n")),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                                           "[{id: budget, action: decide, outcome: consensus}]}\n"),
            Example(bylaw=_SEATS + "  decision by 2/3 majority\n",
                    calendar="- {id: r1, body: radet, date: 2025-03-10, matters: "
                             "[{id: budget, votes: {ja: [alfa/kso, beta/kso, gamma/kso]}}]}\n"),
            Example(bylaw=_SEATS + "  decision by majority of present\n",
                    calendar="- {id: r1, body: radet, date: 2025-03-10, attendees: [alfa/kso, beta/kso], "
                             "matters: [{id: budget, votes: {ja: [alfa/kso, beta/kso]}}]}\n")),
    fix=Text(sv="Bordlägg ärendet tills alla är eniga.", en="Table the matter until all agree."),
    check=check,
)
