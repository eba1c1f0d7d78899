"""A small bylaw that states every rule kind the checks know, and helpers that build calendars directly
(the calendar types are the contract; these tests do not depend on the readers)."""
from __future__ import annotations

from datetime import date

import holidays

import governance
from governance.calendar.model import Calendar, Matter, Meeting
from governance.model.types import SeatRef

TEXT = '''\
bylaw testlaw "Testförbundet"
  signed 2024-01-01
  valid from 2024-01-01 until 2026-12-31
    cite "Avtalet gäller till och med 2026."

import sweden

member alfa "Alfa kommun" municipality 1001
member beta "Beta kommun" municipality 1002
member gamma "Gamma kommun" municipality 1003
member regionen "Regionen" region 10

matter budget "Budget"

body kansliet "Kansliet" office
  convenes radet
    cite "Kansliet kallar rådet."

body radet "Rådet"
  seat kso "Kommunstyrelsens ordförande" from each municipality
    cite "Rådet består av kommunstyrelsens ordförande i varje kommun."
  seat kommundirektor "Kommundirektör" from each municipality adjunct
    cite "Kommundirektörerna är adjungerade."
  chair kso rotating among alfa, beta every 1 year from 2024 order alfa, beta
    cite "Ordförandeskapet roterar årligen mellan Alfa och Beta."
  vice chair kso next in rotation
    cite "Vice ordförande är den av Alfa och Beta som inte är ordförande."
  secretary kansliet
    cite "Kansliet för protokoll."
  meets at least 2 per year
    cite "Rådet möts minst två gånger per år."
  meets at most 4 per year
    cite "Rådet möts högst fyra gånger per år."
  quorum more than half
    cite "Rådet är beslutfört när mer än hälften av ledamöterna är närvarande."
  decision by consensus
    cite "Beslut fattas i konsensus."
  notice at least 14 days
    cite "Kallelse ska ske minst 14 dagar före mötet."

body gruppen "Gruppen"
  seat kommundirektor "Kommundirektör" from each municipality
    cite "Gruppen består av kommundirektörerna."
  seat samordnare "Samordnare" from regionen
  seat expert "Expert" 1..2 from any municipality
  chair one of kommundirektor
    cite "En av kommundirektörerna är ordförande."
  convener chair
    cite "Ordföranden kallar."
  secretary regionen/samordnare
    cite "Samordnaren är sekreterare."
  meets 1 in april..may
    cite "Gruppen möts en gång under april/maj."
  meets about 4 per year
    cite "Gruppen möts ca 4 ggr/år."
  prepares matters for radet

body stod "Stödgruppen"
  seat representant "Representant" from each municipality
  seat ersattare "Ersättare" from each municipality
  meets 2..3 per year
    cite "Stödgruppen möts två–tre gånger per år."
  equal influence
    cite "Alla kommuner har lika stort inflytande."
  quorum all
    cite "Alla kommuner ska vara företrädda."
  proposes budget to radet

rule all matters to radet prepared by gruppen
  cite "Alla ärenden till rådet bereds av gruppen."
rule all matters of type budget to radet proposed by stod
  cite "Budgeten föreslås av stödgruppen."
participation voluntary minimum 2
  cite "Det krävs minst två för att samverka."
'''

MUNICIPALITIES = ("alfa", "beta", "gamma")


def bylaw(text: str = TEXT):
    return governance.parse(text, filename="bylaws/testlaw.bylaw")


def seats(role: str, members=MUNICIPALITIES) -> tuple[SeatRef, ...]:
    return tuple(SeatRef(m, role) for m in members)


def ref(text: str) -> SeatRef:
    member, _, role = text.rpartition("/")
    return SeatRef(member or None, role)


def radet(id: str, day: date, **kw) -> Meeting:
    """A compliant meeting of `radet` in 2024–2026 (chair by rotation, quorum, notice, convener)."""
    chair = ref("alfa/kso") if day.year % 2 == 0 else ref("beta/kso")
    fields = dict(id=id, body="radet", date=day, chair=chair, convened_by="kansliet",
                  notice_date=date.fromordinal(day.toordinal() - 21),
                  attendees=seats("kso") + (ref("kansliet"),))
    fields.update(kw)
    return Meeting(**fields)


def gruppen(id: str, day: date, **kw) -> Meeting:
    fields = dict(id=id, body="gruppen", date=day, chair=ref("alfa/kommundirektor"),
                  convened_by="alfa/kommundirektor",
                  attendees=seats("kommundirektor") + (ref("regionen/samordnare"),))
    fields.update(kw)
    return Meeting(**fields)


def stod(id: str, day: date, **kw) -> Meeting:
    fields = dict(id=id, body="stod", date=day, attendees=seats("representant"))
    fields.update(kw)
    return Meeting(**fields)


def workday(year: int, month: int, day: int) -> date:
    """The first day from year-month-day on that is neither a weekend nor a Swedish public holiday."""
    d = date(year, month, day)
    public = holidays.country_holidays("SE", years=year)
    while d.weekday() >= 5 or d in public:
        d = date.fromordinal(d.toordinal() + 1)
    return d


def compliant_year(year: int) -> list[Meeting]:
    """Every body's minimum for `year`, on working days."""
    return [radet(f"r-{year}-1", workday(year, 3, 10)), radet(f"r-{year}-2", workday(year, 10, 14)),
            gruppen(f"g-{year}-1", workday(year, 2, 4)), gruppen(f"g-{year}-2", workday(year, 5, 13)),
            gruppen(f"g-{year}-3", workday(year, 9, 9)), gruppen(f"g-{year}-4", workday(year, 11, 11)),
            stod(f"s-{year}-1", workday(year, 4, 8)), stod(f"s-{year}-2", workday(year, 10, 7))]


def calendar(meetings, path: str = "cal.yaml") -> Calendar:
    return Calendar(path=path, meetings=tuple(meetings))


def matter(id: str, **kw) -> Matter:
    return Matter(id=id, **kw)


def findings(report, rule: str | None = None) -> list[tuple[str, str, str | None, str]]:
    return [(f.rule, f.severity, f.meeting, f.message) for f in report.findings if rule in (None, f.rule)]
