"""justering: the protokoll is justerat at the latest fourteen days after the meeting (KL 5 kap. 69 §; for a
nämnd by 6 kap. 35 §), or within the body's own `justering within N days`. Judged where the calendar records
the minutes of a body the bylaw's `form` makes an organ under the law, or of a body with its own limit (a
body the law reaches only per analogi has no fixed days otherwise). For an organ under the law the fewer
days hold: the bylaw may shorten the law's fourteen, not lengthen them. The law's last day moves past a
weekend, public holiday or midsommar-, jul- or nyårsafton to the next working day (lag (1930:173) 2 §). A
justering recorded before the meeting is a wrong day in the calendar, and said so."""
from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from ...model.types import Justering
from ...report.finding import Finding
from ..law import EXAMPLE_BYLAW as _BYLAW, EXAMPLE_FORM as _FORM, cite_law, last_day, organ
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView

DAYS = 14


def check(view: CalendarView) -> Iterator[Finding]:
    for body in view.bodies.values():
        own = body.body.first(Justering)
        by_law = organ(view.bylaw, body.id) is not None
        if not by_law and own is None:
            continue
        if own is not None and (not by_law or own.days < DAYS):
            days, cite, statutory = own.days, view.cite(own), False
        else:
            days, cite, statutory = DAYS, cite_law(5, "69", "Ett protokoll ska justeras"), True
        for meeting in view.recorded(body.id).minuted:
            record = meeting.minutes
            if record is None or record.justering is None:
                continue
            if record.justering < meeting.date:  # a protokoll is justerat after the meeting it records
                yield view.finding(RULE, cite, meeting=meeting,
                                   sv=f"protokollet från '{meeting.id}' ({meeting.date}) är antecknat som justerat "
                                      f"{record.justering}, före sammanträdet: dagen för justeringen är fel",
                                   en=f"the protokoll of '{meeting.id}' ({meeting.date}) is recorded as justerat on "
                                      f"{record.justering}, before the meeting: the day of the justering is wrong")
                continue
            due = meeting.date + timedelta(days=days)
            if statutory:  # the law's fourteen days: a last day on a weekend or holiday moves (lag (1930:173) 2 §)
                due = last_day(due)
            if record.justering <= due:
                continue
            late = (record.justering - meeting.date).days
            yield view.finding(RULE, cite, meeting=meeting,
                               sv=f"protokollet från '{meeting.id}' ({meeting.date}) justerades {record.justering}, "
                                  f"{late} dagar efter sammanträdet; sista dag var {due}",
                               en=f"the protokoll of '{meeting.id}' ({meeting.date}) was justerat on "
                                  f"{record.justering}, {late} days after the meeting; the last day was {due}")


RULE = Rule(
    id="justering",
    summary=Text(sv="Protokollet justeras senast fjorton dagar efter sammanträdet, eller inom organets egen gräns.",
                 en="The minutes are justerade at the latest fourteen days after the meeting, or within the "
                    "body's own limit."),
    why=Text(sv="KL 5 kap. 69 § (för en nämnd genom 6 kap. 35 §), för organ som avtalets `form` gör till "
                "kommunallagens: en direktion, förbundsfullmäktige, en förbundsstyrelse, en gemensam nämnd. "
                "`justering within N days` ger ett organ en egen gräns: för andra organ gäller den, för "
                "kommunallagens organ bara om den är kortare än lagens fjorton dagar. Lagens sista dag flyttas "
                "förbi lördag, söndag, helgdag, midsommar-, jul- och nyårsafton till nästa vardag (lag (1930:173) 2 §). "
                "En justering antecknad före sammanträdet är en felaktig dag.",
             en="KL 5 kap. 69 § (for a nämnd by 6 kap. 35 §), for the bodies the bylaw's `form` makes organs under "
                "the law: a direktion, förbundsfullmäktige, a förbundsstyrelse, a gemensam nämnd. `justering within "
                "N days` gives a body its own limit: for other bodies it holds, for the law's organs only where it "
                "is shorter than the law's fourteen days. The law's last day moves past a weekend, public holiday or "
                "midsommar-, jul- or nyårsafton to the next working day (lag (1930:173) 2 §). A justering "
                "recorded before the meeting is a wrong day."),
    severity="error",
    basis=Basis("statute", "minutes: {justering: DATE}", "Kommunallagen (2017:725) 5 kap. 69 §"),
    fires=(Example(bylaw=_BYLAW, header=_FORM,
                   calendar="- {id: d1, body: direktionen, date: 2025-03-10, minutes: {justering: 2025-03-31}}\n"),
           Example(bylaw='body radet "Rådet"\n  seat kso "KSO" from each municipality\n  justering within 7 days\n',
                   calendar="- {id: r1, body: radet, date: 2025-03-10, minutes: {justering: 2025-03-18}}\n")),
    passes=(Example(bylaw=_BYLAW, header=_FORM,
                    calendar="- {id: d1, body: direktionen, date: 2025-03-10, minutes: {justering: 2025-03-24}}\n"),
            Example(bylaw='body radet "Rådet"\n  seat kso "KSO" from each municipality\n',
                    calendar="- {id: r1, body: radet, date: 2025-03-10, minutes: {justering: 2025-04-30}}\n")),
    fix=Text(sv="Justera protokollet inom fjorton dagar (eller organets egen gräns).",
             en="Have the minutes justerade within fourteen days (or the body's own limit)."),
    check=check,
)
