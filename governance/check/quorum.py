"""quorum: enough of the body present at each meeting that lists its attendees.

Counted per seat, or per member when the body has `equal influence` or the quorum says `of members`.
Adjunct seats never count. A seat line `1..2` counts its minimum towards the whole (that many are surely
appointed) and at most its maximum towards those present. `quorum default` is the statutory default the
bylaw imports (Kommunallagen 6 kap. 27 § in rules/sweden.bylaw), cited with its law reference.
A meeting without attendees is not judged: its attendance is unknown.
"""
from __future__ import annotations

from typing import Callable, Iterator, NamedTuple

from ..model.types import EqualInfluence, Quorum
from ..report.finding import Finding
from .context import Context


def _threshold(kind: str, num: int, den: int, total: int) -> tuple[str, callable]:
    if kind == "more_than_half":
        return "more than half", lambda n: 2 * n > total
    if kind == "fraction":
        return f"{num}/{den}", lambda n: n * den >= num * total
    if kind == "all":
        return "all", lambda n: n >= total
    return f"at least {num}", lambda n: n >= num


class _Setup(NamedTuple):
    """What one body's quorum rule says, independent of any calendar (made once per bylaw)."""

    clause: Quorum
    per_member: bool
    unit: str
    total: int
    wording: str
    enough: Callable[[int], bool]
    single: bool  # every voting seat line is a single seat
    adjunct: tuple[bool, ...]  # per seat
    seat_max: tuple[int, ...]  # per seat
    most: int  # no meeting can count more than this, whatever the calendar says


def _setup(bylaw, body) -> _Setup | None:
    clause = body.first(Quorum)
    if clause is None:
        return None
    default = bylaw.default_quorum
    rule = clause
    if clause.kind == "default":
        if default is None:
            return None  # lint reports `quorum default` without a default; nothing to count against
        rule = default
    per_member = clause.unit == "members" or (
        clause.unit is None and (body.first(EqualInfluence) is not None or
                                 (clause.kind == "default" and default.unit == "members")))
    seats = body.seats
    voting = [s for s in seats if not s.adjunct]
    if per_member:
        total = len({s.member for s in voting if s.member is not None})
        unit = "members"
    else:
        total = sum(s.min for s in voting)
        unit = "seats"
    if total == 0:
        return None
    wording, enough = _threshold(rule.kind, rule.numerator, rule.denominator, total)
    return _Setup(clause, per_member, unit, total, wording, enough, all(s.max == 1 for s in voting),
                  tuple(s.adjunct for s in seats), tuple(s.max for s in seats),
                  max(total, sum(s.max for s in voting)))


def quorum(ctx: Context) -> Iterator[Finding]:
    default = ctx.bylaw.default_quorum
    for body_id, index in ctx.bodies.items():
        if not index.meetings:
            continue
        setup = ctx.once(("check-quorum", body_id), lambda: _setup(ctx.bylaw, index.body))
        if setup is None:
            continue
        clause, per_member, total, unit = setup.clause, setup.per_member, setup.total, setup.unit
        adjunct, seat_max, wording = setup.adjunct, setup.seat_max, setup.wording
        # What each slot (a distinct reference, context.BodyIndex) counts as: its voting seat, or its member
        # when counting members; None when it does not count. Present = distinct non-None values.
        if per_member:
            counts_as = [r.member if r.seat >= 0 and not adjunct[r.seat] and r.member else None
                         for r in index.slots]
        else:
            counts_as = [r.seat if r.seat >= 0 and not adjunct[r.seat] else None for r in index.slots]
        counting = frozenset(i for i, v in enumerate(counts_as) if v is not None)
        # When no two counting slots are the same seat (or member), present = counting slots present.
        distinct = len({counts_as[i] for i in counting}) == len(counting)
        value = counts_as.__getitem__
        single = setup.single
        fast = (per_member or single) and distinct
        # Every threshold grows with those present: the least number that is enough, found once.
        most = max(setup.most, len(counting))  # no meeting counts more
        enough = setup.enough
        need = ctx.once(("check-quorum-need", body_id, most),
                        lambda: next((n for n in range(most + 1) if enough(n)), most + 1))
        counted = []  # per attendance pattern: how many count as present (None: attendance not listed)
        for slots in index.patterns:
            if not slots:
                present = None
            elif fast:
                present = len(counting.intersection(slots))
            elif per_member or single:
                found = set(map(value, slots))
                present = len(found) - (None in found)
            else:
                tally: dict[int, int] = {}
                for i in slots:
                    s = counts_as[i]
                    if s is not None:
                        tally[s] = tally.get(s, 0) + 1
                present = sum(c if c <= seat_max[s] else seat_max[s] for s, c in tally.items())
            counted.append(present)
        short = [n is not None and n < need for n in counted]
        if not any(short):
            continue
        cite = ctx.cite(clause, law_from=default if clause.kind == "default" else None)
        meetings, pattern_of = index.meetings, index.pattern_of
        for i in index.where(short):
            meeting = meetings[i]
            present = counted[pattern_of[i]]
            yield ctx.finding("quorum", "error",
                              f"{present} of {total} {unit} present at '{meeting.id}'; the quorum is "
                              f"{wording} of {unit}", cite, meeting=meeting)
