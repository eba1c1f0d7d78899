"""substitute: an ersättare serves only in place of an absent ledamot of the same member; on a seat line
`with N personal substitutes`, only in place of their own ledamot (the roster's `for`). A ledamot who was
jävig in a matter may not take part in it (KL 6 kap. 30 §): for that matter an ersättare may serve in
their place, as for an absent one."""
from __future__ import annotations

from typing import Iterator

from ...calendar.model import Person
from ...model.types import SeatDecl
from ...report.finding import Finding
from ..people import Line, declaration, lines
from ..rule import Basis, Example, Rule, Text
from ..view import CalendarView


def check(view: CalendarView) -> Iterator[Finding]:
    held = view.once("people.roster", lambda: {p.name: p for p in view.calendar.roster})
    for body in view.bodies.values():
        for line in lines(view, body):
            decl = declaration(body, line.role)
            if isinstance(decl, SeatDecl) and decl.personal:
                wrong = list(_personal(view, line, decl, held))
                if wrong:  # said of each who served for a ledamot who was there: that is the whole fault
                    yield from wrong
                    continue
            if len(line.ersattare) <= line.absent:
                continue
            extra = line.ersattare[line.absent:]
            who_sv = ", ".join(p.person or f"en ersättare för {line.ref}" for p in extra)
            who_en = ", ".join(p.person or f"an ersättare of {line.ref}" for p in extra)
            jav_sv = (" eller jävig" if line.absent == 1 else " eller jäviga") if line.javiga else ""
            jav_en = " or jävig" if line.javiga else ""
            if line.absent:
                why_sv = f"bara {line.absent} av dess ledamöter var frånvarande{jav_sv}"
                why_en = f"only {line.absent} of its ledamöter {'was' if line.absent == 1 else 'were'} absent{jav_en}"
            else:
                why_sv, why_en = "alla dess ledamöter var närvarande", "every ledamot of it was present"
            meeting = line.meeting
            yield view.finding(RULE, view.cite_first(declaration(body, line.role)), meeting=meeting,
                               sv=f"{who_sv} tjänstgjorde på {line.ref} vid '{meeting.id}', men {why_sv} "
                                  f"({len(line.ledamot)} av {line.places}): en ersättare tjänstgör bara för en "
                                  "frånvarande ledamot från samma medlem",
                               en=f"{who_en} served on {line.ref} at '{meeting.id}', but {why_en} "
                                  f"({len(line.ledamot)} of {line.places} present): an ersättare serves only for "
                                  "an absent ledamot of the same member")


def _personal(view: CalendarView, line: Line, decl: SeatDecl,
              held: dict[str, Person]) -> Iterator[Finding]:
    """`with N personal substitutes`: a serving ersättare whose own ledamot (the roster's `for`) was there.
    An ersättare the roster gives no ledamot is judged only by the count, as on any line; nor is one whose
    ledamot was jävig in a matter of the meeting (the ersättare may serve in it)."""
    javiga = {p.person for matter in line.meeting.matters for p in matter.jav}
    here = {p.person for p in line.ledamot if p.person and p.person not in javiga}
    for p in line.ersattare:
        person = held.get(p.person or "")
        if person is None or person.stands_for is None or person.stands_for not in here:
            continue
        meeting = line.meeting
        yield view.finding(RULE, view.cite_first(decl), meeting=meeting,
                           sv=f"{person.name} tjänstgjorde på {line.ref} vid '{meeting.id}', men är personlig "
                              f"ersättare för {person.stands_for}, som var närvarande",
                           en=f"{person.name} served on {line.ref} at '{meeting.id}', but is the personal "
                              f"ersättare of {person.stands_for}, who was present")


_BYLAW = 'body direktionen "Direktionen"\n  seat ledamot "Ledamot" 2 from each municipality with 2 substitutes\n'

RULE = Rule(
    id="substitute",
    summary=Text(sv="En ersättare tjänstgör bara i stället för en ledamot från samma medlem som är frånvarande "
                    "eller jävig.",
                 en="An ersättare serves only in place of a ledamot of the same member who is absent or jävig."),
    why=Text(sv="Ersättare träder in för ledamöter som inte kan delta (KL 6 kap. 16–17 §§ för en nämnd; "
                "platsens `with N substitutes`), också för en ledamot som är jävig i ett ärende: den jävige får "
                "inte delta i det (6 kap. 30 §). Under `serving:` står de ersättare som tjänstgjorde. Med `with N "
                "personal substitutes` tjänstgör en ersättare bara för sin egen ledamot (förteckningens `for`).",
             en="Ersättare step in for ledamöter who cannot attend (KL 6 kap. 16–17 §§ for a nämnd; the seat "
                "line's `with N substitutes`), also for a ledamot who is jävig in a matter: the jävig one may not "
                "take part in it (6 kap. 30 §). `serving:` lists the ersättare who served. With `with N personal "
                "substitutes` an ersättare serves only for their own ledamot (the roster's `for`)."),
    severity="error",
    basis=Basis("agreement", "seat ROLE N from each member with N substitutes"),
    fires=(Example(bylaw=_BYLAW, calendar="- {id: d1, body: direktionen, date: 2025-03-10, "
                                          "attendees: [2 × alfa/ledamot], serving: [alfa/ledamot]}\n"),),
    passes=(Example(bylaw=_BYLAW, calendar="- {id: d1, body: direktionen, date: 2025-03-10, "
                                           "attendees: [alfa/ledamot], serving: [alfa/ledamot]}\n"),
            Example(bylaw=_BYLAW, calendar="- {id: d1, body: direktionen, date: 2025-03-10, "
                                           "attendees: [2 × alfa/ledamot], serving: [alfa/ledamot], "
                                           "matters: [{id: x, jav: [alfa/ledamot]}]}\n")),
    fix=Text(sv="Låt ersättaren närvara utan att tjänstgöra, eller anteckna vilken ledamot som var frånvarande.",
             en="Let the ersättare attend without serving, or record which ledamot was absent."),
    check=check,
)
