"""quorum: enough of the body present at each meeting that lists its attendees.

Counted per seat, or per member when the body has `equal influence` or the quorum says `of members`.
Adjunct seats never count. A seat line `1..2` counts its minimum towards the whole (that many are surely
appointed) and at most its maximum towards those present. `quorum default` is the statutory default the
bylaw imports (Kommunallagen 6 kap. 27 § in rules/sweden.bylaw), cited with its law reference.
A meeting without attendees is not judged: its attendance is unknown.
"""
from __future__ import annotations

from typing import Iterator

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


def quorum(ctx: Context) -> Iterator[Finding]:
    default = ctx.bylaw.default_quorum
    for body_id, index in ctx.bodies.items():
        body = index.body
        clause = body.first(Quorum)
        if clause is None or not index.meetings:
            continue
        rule = clause
        if clause.kind == "default":
            if default is None:
                continue  # lint reports `quorum default` without a default; nothing to count against
            rule = default
        per_member = clause.unit == "members" or (
            clause.unit is None and (body.first(EqualInfluence) is not None or
                                     (clause.kind == "default" and default.unit == "members")))
        voting = [i for i, adj in enumerate(index.seat_adjunct) if not adj]
        if per_member:
            total = len({index.seat_member[i] for i in voting if index.seat_member[i] is not None})
            unit = "members"
        else:
            total = sum(index.seat_min[i] for i in voting)
            unit = "seats"
        if total == 0:
            continue
        wording, enough = _threshold(rule.kind, rule.numerator, rule.denominator, total)
        cite = ctx.cite(clause, law_from=default if clause.kind == "default" else None)
        adjunct, seat_max = index.seat_adjunct, index.seat_max
        single = all(seat_max[i] == 1 for i in voting)
        for meeting in index.meetings:
            resolved = index.attendees[meeting.id]
            if not resolved:
                continue
            if per_member:
                present = len({r.member for r in resolved if r.seat >= 0 and not adjunct[r.seat] and r.member})
            elif single:  # every voting seat seats one: count distinct seats present
                present = len({s for r in resolved if (s := r.seat) >= 0 and not adjunct[s]})
            else:
                counts: dict[int, int] = {}
                for r in resolved:
                    s = r.seat
                    if s >= 0 and not adjunct[s]:
                        counts[s] = counts.get(s, 0) + 1
                present = sum(c if c <= seat_max[s] else seat_max[s] for s, c in counts.items())
            if not enough(present):
                yield ctx.finding("quorum", "error",
                                  f"{present} of {total} {unit} present at '{meeting.id}'; the quorum is "
                                  f"{wording} of {unit}", cite, meeting=meeting)
