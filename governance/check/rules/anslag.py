"""anslag: the justering of an organ's protokoll is announced on the anslagstavla at the latest the second
day after it (KL 8 kap. 12 §) — for a gemensam nämnd on every member's anslagstavla (9 kap. 32 §). An
anslag before the justering is wrong too. A gemensam nämnd's anslag recorded as one day, not per member,
cannot say on whose anslagstavla it was: a warning that says so. A protokoll justerat with no anslag recorded, once the second day
has passed (as of the check's day), is a warning: it may only be unrecorded. Judged for the bodies the
bylaw's `form` makes organs under the law, where the calendar records their minutes. A second day on a
weekend, public holiday or midsommar-, jul- or nyårsafton moves to the next working day (lag (1930:173) 2 §). (The last day to
appeal, three weeks from the anslag, is stated in the report's facts.)"""
from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from ...report.finding import Finding
from ..law import EXAMPLE_BYLAW as _BYLAW, EXAMPLE_FORM as _FORM, cite_law, last_day, organ
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView

DAYS = 2


def _cite():  # asked where a finding is made: a check that finds nothing here never reads the statute
    return cite_law(8, "12", "Senast andra dagen")


EACH = Text(sv="anteckna dagen för anslaget på varje medlems anslagstavla: `anslag: {MEDLEM: DAG, …}`",
            en="record the day of the anslag on each member's anslagstavla: `anslag: {MEMBER: DAY, …}`")


def _cite_each():  # a gemensam nämnd's: on every member's anslagstavla
    return cite_law(9, "32", "Justeringen av en gemensam nämnds")


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        kind = organ(view.bylaw, body.id)
        if kind is None:
            continue
        for meeting in view.recorded(body.id).minuted:
            record = meeting.minutes
            if record is None or record.justering is None:
                continue  # no anslag can be judged without the day it follows
            justerat, last = record.justering, last_day(record.justering + timedelta(days=DAYS))
            for a in record.anslag:
                where_sv = f" på {a.member}s anslagstavla" if a.member else ""
                where_en = f" on {a.member}'s anslagstavla" if a.member else ""
                if a.date > last:
                    yield view.finding(RULE, _cite(), meeting=meeting,
                                       sv=f"justeringen den {justerat} av protokollet från '{meeting.id}' "
                                          f"tillkännagavs{where_sv} {a.date}; sista dag var {last}",
                                       en=f"the justering on {justerat} of the protokoll of '{meeting.id}' was "
                                          f"announced{where_en} on {a.date}; the last day was {last}")
                elif a.date < justerat:
                    yield view.finding(RULE, _cite(), meeting=meeting,
                                       sv=f"justeringen av protokollet från '{meeting.id}' tillkännagavs{where_sv} "
                                          f"{a.date}, innan protokollet justerades ({justerat})",
                                       en=f"the justering of the protokoll of '{meeting.id}' was announced{where_en} "
                                          f"on {a.date}, before the protokoll was justerat ({justerat})")
            posted = {a.member for a in record.anslag}
            if kind == "gemensam-namnd" and None in posted:
                # one day, not one per member: on whose anslagstavla is not said, so not judged
                yield view.finding(RULE, _cite_each(), meeting=meeting, severity="warning",
                                   sv=f"justeringen av protokollet från '{meeting.id}' är antecknad som anslagen en "
                                      "dag, inte per medlem: en gemensam nämnds justering ska tillkännages på varje "
                                      "medlems anslagstavla, och det framgår inte på vilkas den tillkännagavs",
                                   en=f"the anslag of the justering of the protokoll of '{meeting.id}' is recorded as "
                                      "one day, not one per member: a gemensam nämnd's justering is announced on "
                                      "every member's anslagstavla, and on whose it was announced is not said",
                                   fix=EACH)
            elif kind == "gemensam-namnd" and record.anslag:
                for member in sorted(set(view.members) - posted):
                    yield view.finding(RULE, _cite_each(), meeting=meeting,
                                       sv=f"justeringen av protokollet från '{meeting.id}' är inte tillkännagiven på "
                                          f"{member}s anslagstavla: en gemensam nämnds justering ska finnas på "
                                          "varje medlems",
                                       en=f"the justering of the protokoll of '{meeting.id}' is not announced on "
                                          f"{member}'s anslagstavla: a gemensam nämnd's justering goes on every "
                                          "member's")
            elif not record.anslag and last < view.as_of:
                yield view.finding(RULE, _cite(), meeting=meeting, severity="warning",
                                   sv=f"protokollet från '{meeting.id}' justerades {justerat}, men inget anslag är "
                                      f"antecknat; det skulle ha skett senast {last}",
                                   en=f"the protokoll of '{meeting.id}' was justerat on {justerat}, but no anslag "
                                      f"is recorded; it was due by {last}")



RULE = Rule(
    id="anslag",
    summary=Text(sv="Justeringen tillkännages på anslagstavlan senast andra dagen efter justeringen.",
                 en="The justering is announced on the anslagstavla at the latest the second day after it."),
    why=Text(sv="KL 8 kap. 12 §; för en gemensam nämnd på varje samverkande kommuns och regions anslagstavla "
                "(9 kap. 32 §): ett anslag antecknat som en dag, inte per medlem, kan inte bedömas medlem för medlem "
                "(varning). Överklagandetiden (13 kap. 5 §) räknas från anslaget, för en gemensam nämnd från det "
                "sista.",
             en="KL 8 kap. 12 §; for a gemensam nämnd on the anslagstavla of every member municipality and region "
                "(9 kap. 32 §): an anslag recorded as one day, not per member, cannot be judged member by member (a "
                "warning). The appeal period (13 kap. 5 §) runs from the anslag, for a gemensam nämnd from the "
                "last."),
    severity="error",
    basis=Basis("statute", "minutes: {justering: DATE, anslag: DATE | {MEMBER: DATE}}",
                "Kommunallagen (2017:725) 8 kap. 12 §"),
    fires=(Example(bylaw=_BYLAW, header=_FORM, calendar="- {id: d1, body: direktionen, date: 2025-03-10, "
                                                        "minutes: {justering: 2025-03-17, anslag: 2025-03-20}}\n"),),
    passes=(Example(bylaw=_BYLAW, header=_FORM, calendar="- {id: d1, body: direktionen, date: 2025-03-10, "
                                                         "minutes: {justering: 2025-03-17, anslag: 2025-03-19}}\n"),),
    fix=Text(sv="Sätt upp tillkännagivandet senast andra dagen efter justeringen, på varje medlems anslagstavla "
                "för en gemensam nämnd.",
             en="Post the announcement by the second day after the justering, on every member's anslagstavla for "
                "a gemensam nämnd."),
    check=check,
)
