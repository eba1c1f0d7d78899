"""Citing Kommunallagen itself, for the rules that stand on the statute rather than on a clause of the
bylaw (jäv, justering, anslag, the appeal period): the sentence quoted from the text shipped in `law/`,
with that file's line of the paragraph, so a reader can find it; and how the statute reaches a body
(directly for the organs the bylaw's `form` names, per analogi otherwise)."""
from __future__ import annotations

from datetime import date, timedelta
from functools import cache, lru_cache

from ..paths import shipped_dir
from ..model.types import Bylaw
from ..report.finding import Citation

KL = "Kommunallagen (2017:725)"
# For the examples of the rules that judge organs under the law (justering, anslag): a kommunalförbund's
# direktion, the form under the example prelude's `bylaw` line (rule.Example.header).
EXAMPLE_BYLAW = 'body direktionen "Direktionen"\n  seat ledamot "Ledamot" 3 from each municipality\n'
EXAMPLE_FORM = "  form kommunalforbund with direktion direktionen\n"


@cache
def _heading_lines() -> dict[tuple[int, str], int]:
    """(chapter, paragraph) → the line of its `### N kap. M §` heading in the shipped text."""
    from ..statute import FILES
    out = {}
    text = (shipped_dir("law") / FILES["2017:725"]).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("### ") and " kap. " in line:
            chapter, _, rest = line[4:].partition(" kap. ")
            out[(int(chapter), rest.removesuffix(" §").strip())] = number
    return out


@lru_cache(maxsize=1024)  # a pure function of the day; asked once per minuted meeting
def last_day(day: date) -> date:
    """A last day the law sets ("within fourteen days", "at the latest the second day after"), moved to the next
    working day when it falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton:
    lag (1930:173) om beräkning av lagstadgad tid, 2 §."""
    from ..time.sweden import days_off  # public holidays and the three eves
    off = days_off((day.year, day.year + 1))
    while day.weekday() >= 5 or day in off:
        day += timedelta(days=1)
    return day


@cache
def cite_law(chapter: int, paragraph: str, opening: str) -> Citation:
    """The sentence of `chapter kap. paragraph §` that begins with `opening`, quoted whole from the
    shipped statute. A sentence not found there is a bug in the rule that asks (never a user error)."""
    # The statute is read (and its module imported) only by a run that cites it: most checks find nothing
    # that rests on the law itself.
    from ..statute import FILES, kommunallagen
    sentence = kommunallagen().sentence(chapter, paragraph, opening)
    return Citation(file=f"law/{FILES['2017:725']}", line=_heading_lines().get((chapter, paragraph), 0),
                    quote=sentence, law=f"{KL} {chapter} kap. {paragraph} §")


def organ(bylaw: Bylaw, body_id: str) -> str | None:
    """The organ of Kommunallagen the body is under the bylaw's legal form (direktion,
    forbundsfullmaktige, forbundsstyrelse, gemensam-namnd), or None: the law reaches it per analogi."""
    return bylaw.derived.get(("check", "organs"), lambda: _organs(bylaw)).get(body_id)


def _organs(bylaw: Bylaw) -> dict[str, str]:
    """Body id → its organ, as `LegalForm.organ` finds it (the first the clause names), kept with the bylaw:
    several rules ask for every body in every check, and the form is read from the header each time."""
    return {body: kind for kind, body in reversed(bylaw.form.organs)}
