"""justering: the protokoll of an organ under Kommunallagen is justerat at the latest fourteen days after
the meeting (KL 5 kap. 69 §; for a nämnd by 6 kap. 35 §). Judged where the calendar records the minutes of
a body the bylaw's `form` makes an organ under the law; other bodies follow the law only per analogi, with
no fixed days."""
from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from ...report.finding import Finding
from ..law import EXAMPLE_BYLAW as _BYLAW, EXAMPLE_FORM as _FORM, cite_law, organ
from ..people import recorded
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView

DAYS = 14


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        if organ(view.bylaw, body.id) is None:
            continue
        for meeting in recorded(view, body).minuted:
            record = meeting.minutes
            if record is None or record.justering is None:
                continue
            due = meeting.date + timedelta(days=DAYS)
            if record.justering <= due:
                continue
            days = (record.justering - meeting.date).days
            yield view.finding(RULE, cite_law(5, "69", "Ett protokoll ska justeras"), meeting=meeting,
                               sv=f"protokollet från '{meeting.id}' ({meeting.date}) justerades {record.justering}, "
                                  f"{days} dagar efter sammanträdet; sista dag var {due}",
                               en=f"the protokoll of '{meeting.id}' ({meeting.date}) was justerat on "
                                  f"{record.justering}, {days} days after the meeting; the last day was {due}")



RULE = Rule(
    id="justering",
    summary=Text(sv="Protokollet justeras senast fjorton dagar efter sammanträdet.",
                 en="The minutes are justerade at the latest fourteen days after the meeting."),
    why=Text(sv="KL 5 kap. 69 § (för en nämnd genom 6 kap. 35 §), för organ som avtalets `form` gör till "
                "kommunallagens: en direktion, förbundsfullmäktige, en förbundsstyrelse, en gemensam nämnd.",
             en="KL 5 kap. 69 § (for a nämnd by 6 kap. 35 §), for the bodies the bylaw's `form` makes organs under "
                "the law: a direktion, förbundsfullmäktige, a förbundsstyrelse, a gemensam nämnd."),
    severity="error",
    basis=Basis("statute", "minutes: {justering: DATE}", "Kommunallagen (2017:725) 5 kap. 69 §"),
    fires=(Example(bylaw=_BYLAW, header=_FORM,
                   calendar="- {id: d1, body: direktionen, date: 2025-03-10, minutes: {justering: 2025-03-31}}\n"),),
    passes=(Example(bylaw=_BYLAW, header=_FORM,
                    calendar="- {id: d1, body: direktionen, date: 2025-03-10, minutes: {justering: 2025-03-24}}\n"),),
    fix=Text(sv="Justera protokollet inom fjorton dagar.", en="Have the minutes justerade within fourteen days."),
    check=check,
)
