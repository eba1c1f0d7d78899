"""The document's phrasing in English and Swedish: one template per sentence, written for each language.

Templates are `str.format` strings over values the document has already made safe for markdown (names
escaped, ids in code spans). A word that depends on a number has variants keyed `.N` for that number
and `.n` for any other (`times.1` "once", `times.n` "{n} times"), and `.range` for `low..high`; a
language may have more `.N` variants than another (Swedish says "vartannat år"). Both languages have the
same keys otherwise, with the same placeholders (a test holds them to it).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from ..lang import MONTH_NAMES

EN = MappingProxyType({
    # the document's frame
    "kind.bylaw": "Bylaw", "kind.module": "Module",
    "intro": "Each rule below is followed by the sentence of the agreement it rests on, quoted as written "
             "(in Swedish), and by any interpretation made where the text is silent or unclear.",
    "section.agreement": "The agreement", "section.members": "Members", "section.matters": "Matter types",
    "section.bodies": "Bodies", "section.rules": "Rules", "section.participation": "Participation",
    "section.costs": "Costs", "section.law": "Swedish law",
    "members.head": "| Id | Name | Kind | SCB code |",
    # notes under a clause
    "note.section": "*Section:* {text}",
    "note.law": "*Law:* {text}",
    "note.statute": "*Rests on Swedish law:* {law}{module}",
    "note.module": " (module {module})",
    "note.assume": "*Interpretation, not the agreement's words:* {text}",
    # header
    "source": "Source document: {file}.",
    "source.named": "Source document {name}: {file}.",
    "sate": "Säte (seat of the federation): {place}.",
    "form.kommunalforbund.direktion": "Legal form: kommunalförbund with a förbundsdirektion, {direktion}, which "
        "is both the decision-making assembly and the förbundsstyrelse (KL 9 kap. 3, 5 §§). Kommunallagen "
        "applies to the direktion directly as to a nämnd, and to the förbund as to a municipality (9 kap. 2 §).",
    "form.kommunalforbund.fullmaktige": "Legal form: kommunalförbund with förbundsfullmäktige, {ff}, as its "
        "decision-making assembly and a förbundsstyrelse, {fs} (KL 9 kap. 3, 5 §§). Kommunallagen applies "
        "directly: to the assembly what it says of fullmäktige, to the styrelse what it says of a nämnd.",
    "form.gemensam-namnd": "Legal form: gemensam nämnd, {namnd}, set up in and part of the organisation of "
        "{host_word} {host} (KL 9 kap. 19–20 §§). What Kommunallagen says of a nämnd applies to it "
        "directly (9 kap. 23 §).",
    "host.municipality": "the värdkommun", "host.region": "the host region",
    "form.avtalssamverkan": "Legal form: avtalssamverkan, an agreement between the members (KL 9 kap. 37 §). "
        "No body it sets up is an organ under Kommunallagen; the law's rules for a nämnd apply only per "
        "analogi.",
    "form.informal": "Legal form: informal collaboration (declaration of intent, network, action plan). No "
        "body it sets up is an organ under Kommunallagen; the law's rules for a nämnd apply only per analogi.",
    "law.direct": "Kommunallagen applies to this body directly: it is the {organ}.",
    "law.analogy": "Kommunallagen applies to this body only per analogi: it is not an organ under the law.",
    "law.unstated": "Kommunallagen applies to this body only per analogi: the agreement states no legal form, so "
        "it is read as an informal collaboration, whose bodies are not organs under the law.",
    "organ.direktion": "förbundsdirektion", "organ.forbundsfullmaktige": "förbundsfullmäktige",
    "organ.forbundsstyrelse": "förbundsstyrelse", "organ.gemensam-namnd": "gemensam nämnd",
    "note.law.quote": "*Law:* {text}: “{quote}”",
    "section.review": "Review against the law",
    "states": "The document states {what} ({law}; `{id}`).",
    "review.intro": "What the law (or, for an informal collaboration, good practice) requires the document to "
                    "state — {checklist} — point by point, as `governance review` reports it.",
    "review.stated": "**Stated:** {what} ({law}; `{id}`), {lines}.",
    "review.assumed": "**Assumed, not stated by the document:** {what} ({law}; `{id}`), {lines}.",
    "review.missing": "**Missing:** {what} ({law}; `{id}`).",
    "review.law": "**By law:** {what} ({law}; `{id}`): the law governs it directly; the document need not state it.",
    "review.practice": "good practice", "review.line": "line {lines}", "review.lines": "lines {lines}",
    "note.cite.source": "*Quoted from:* {name}",
    "signed": "Signed on {date}{place}.", "signed.place": " in {place}",
    "binding.yes": "Legally binding.", "binding.no": "Not legally binding.",
    "valid.from.until": "Valid from {start} until {end}.",
    "valid.from.notice": "Valid from {start} until further notice.",
    "valid.until": "Valid until {end}.", "valid.notice": "Valid until further notice.",
    "renewed": "Renewed after each municipal election, for {periods} at a time.",
    "periods.1": "one mandate period", "periods.n": "{n} mandate periods",
    "renewal": "Renewed on {dates}.",
    "amends": "Replaces the earlier version {id}{start}.", "amends.from": " from {date}",
    "version": "Version: {text}",
    "status": "Status: {status}.",
    "status.draft": "draft", "status.adopted": "adopted", "status.replaced": "replaced",
    "reviewed": "Reviewed and updated every year.",
    "duty": "Duty: {text}",
    # members and their kinds (also the classes of seats: "each municipality")
    "kind.member": "member", "kind.municipality": "municipality", "kind.region": "region",
    "kind.county-board": "county administrative board", "kind.university": "university",
    "kind.association": "association", "kind.company": "company", "kind.other": "other",
    # bodies
    "body.body": "A body: it has seats and holds meetings.",
    "body.office": "An office: it prepares and serves the other bodies and holds no meetings of its own.",
    "topic.seats": "Seats", "topic.offices": "Chair and other roles", "topic.meetings": "Meetings",
    "topic.decisions": "Decisions", "topic.tasks": "Tasks", "topic.organisation": "Organisation",
    # seats
    "seat.each": "{seat}: {count} for each {cls}, {total} in all; {vote}.",
    "seat.listed": "{seat}: {count} for each of {members}, {total} in all; {vote}.",
    "seat.listed.one": "{seat}: {count} for {members}; {vote}.",
    "seat.any": "{seat}: {count}, filled from any {cls}; {vote}.",
    "seat.fixed": "{seat}: {count}; {vote}.",
    "seat.formula.each": "{seat}: by population, {formula}, for each {cls}; {vote}.",
    "seat.formula.listed": "{seat}: by population, {formula}, for each of {members}; {vote}.",
    "seats.formula.table": "Seats by population per {day} (figures: {source}):",
    "seats.formula.head": "| Body seat | Member | Population | Seats |",
    "seats.formula.missing": "The seats by population cannot be counted from the shipped figures: {why}.",
    "seat.voting": "voting", "seat.adjunct": "adjunct, attends without a vote",
    "substitutes.1": ", with 1 substitute", "substitutes.n": ", with {n} substitutes",
    "substitutes.personal.1": ", with 1 personal substitute",
    "substitutes.personal.n": ", with {n} personal substitutes",
    "substitutes.each": " for each {cls}", "substitutes.listed": " for each of them",
    "seats.1": "1 seat", "seats.n": "{n} seats", "seats.range": "{low}–{high} seats",
    "seats.total": "In all: {seats}.",
    "voting.1": "1 voting seat", "voting.n": "{n} voting seats", "voting.range": "{low}–{high} voting seats",
    "adjunct.1": "1 adjunct seat", "adjunct.n": "{n} adjunct seats",
    "adjunct.range": "{low}–{high} adjunct seats",
    # chair and other roles
    "office.chair": "Chair", "office.vice": "Vice chair",
    "chair.fixed": "{office}: {ref}.",
    "chair.elected": "{office}: elected by the body among the holders of the seat {role}.",
    "chair.rotating": "{office}: rotates among {among} {every}{start}{order}; it is held by the {role} of the "
                      "member whose turn it is.",
    "chair.next": "{office}: the {role} of the member next in the chair's rotation (with two members, the "
                  "one not chairing).",
    "among.all": "all members",
    "every.1": "every year", "every.n": "every {n} years",
    "rotation.start": " from {year}", "rotation.nostart": " (no start year given)",
    "rotation.order": ", in the order {order}",
    "rotation.turns": "Turns: {turns}; then again from {year}.",
    "rotation.turn": "{years} {member}",
    "secretary": "Secretary: {ref}.", "convener": "Convened by {ref}.", "spokesperson": "Spokesperson: {ref}.",
    "ref.chair": "the chair",
    # meetings
    "meets.at_least": "Meets at least {times} {period}.", "meets.at_most": "Meets at most {times} {period}.",
    "meets.about": "Meets about {times} {period}.", "meets.between": "Meets {low} to {high} times {period}.",
    "meets.exactly": "Meets {times} {period}.",
    "meets.soft": "{text} This is the rule, not a limit: a year that strays from it is a warning, not a breach.",
    "treats": "Treats {matters} at one of its meetings every year.",
    "treats.window": "Treats {matters} at one of its meetings every year, {period}.",
    "times.1": "once", "times.2": "twice", "times.n": "{n} times",
    "per.year": "per year", "per.month": "in {month}", "per.months": "in {first}–{last}",
    "notice": "Notice of a meeting is sent at least {days} ahead.",
    "justering": "The minutes are justerade at the latest {days} after the meeting.",
    "days.1": "1 day", "days.n": "{n} days",
    "summons": "Every seat is summoned to its meetings.",
    "agenda": "Meetings are prepared by {refs}.",
    # decisions
    "quorum": "Quorum: {rule} must be present.",
    "quorum.default": "Quorum as Swedish law has it where the agreement is silent: {rule} must be present.",
    "quorum.default.unknown": "Quorum as Swedish law has it where the agreement is silent (no module "
                              "giving the rule is imported).",
    "quorum.more_than_half": "more than half of the {unit}", "quorum.fraction": "at least {fraction} of the {unit}",
    "quorum.all": "all the {unit}", "quorum.at_least": "at least {n} of the {unit}",
    "unit.seats": "voting seats", "unit.members": "members",
    "decision.consensus": "Decisions are taken by consensus.",
    "decision.majority": "Decisions are taken by majority.",
    "decision.majority.how": "Decisions are taken by majority{base}{per}.",
    "decision.qualified": "Decisions are taken by a majority of at least {fraction}{base}{per}.",
    "base.votes": " of the votes cast", "base.present": " of those present", "base.seats": " of all seats",
    "per.seat": ", one voice per seat", "per.member": ", one voice per member", "per.group": ", one voice per group",
    "per.party": ", one voice per party group",
    "group": "{title} ({members}) vote as one group.",
    "equal": "Equal influence: one voice per member, however many seats it holds.",
    # tasks and organisation
    "decides.all": "Decides all matters.", "decides": "Decides on {matters}.",
    "prepares.all": "Prepares all matters for {bodies}.", "prepares": "Prepares {matters} for {bodies}.",
    "proposes.all": "Proposes all matters to {bodies}.", "proposes": "Proposes {matters} to {bodies}.",
    "executes.all": "Carries out all matters for {bodies}.", "executes": "Carries out {matters} for {bodies}.",
    "responsible": "Responsible for {targets}.", "appoints": "Appoints {targets}.",
    "reports_to": "Reports to {targets}.", "convenes": "Convenes the meetings of {targets}.",
    "uses": "Has {percent}% of the working time of {ref}.",
    "hosted": "Hosted by {member}.",
    # rules, participation, costs
    "rule.prepared.all": "Every matter that goes to {body} must first have been prepared by {by}.",
    "rule.prepared": "Every matter of type {matters} that goes to {body} must first have been prepared by {by}.",
    "rule.proposed.all": "Every matter that goes to {body} must first have been proposed by {by}.",
    "rule.proposed": "Every matter of type {matters} that goes to {body} must first have been proposed by {by}.",
    "rule.no_veto": "No veto: no member may block the others' collaboration.",
    "participation": "Participation is voluntary.",
    "participation.minimum": "Participation is voluntary; at least {members} must take part in a collaboration.",
    "members.1": "1 member", "members.n": "{n} members",
    "cost.population": "Costs are shared in proportion to population{at}{yearly}{among}.",
    "cost.at": " as of {date}", "cost.yearly": ", updated yearly",
    "cost.among": ", among the members that take part",
    "cost.fee": "Each member pays a fee per inhabitant and year{amount}{fixed}.",
    "cost.amount": " of {amount} SEK", "cost.fixed": ", set when the agreement is renewed",
    "cost.own": "Each member bears its own costs.",
    "cost.participant_fees": "Extra costs are met by fees from the members that take part.",
    "cost.projects": "Projects are paid for by the members that take part in them.",
    # Swedish law
    "import": "Where the agreement is silent, it relies on the module {id}: {title}.",
    "election": "General elections are held {every} from {start}, on the {ordinal} {weekday} of {month}.",
    "mandate": "A mandate period lasts {years} from {date} of the election year.",
    "mandate.after": "A mandate period lasts {years} from {date} of the year after the election.",
    "years.1": "1 year", "years.n": "{n} years",
    "default": "Where an agreement says no more than `quorum default`: {rule} must be present.",
    "ordinal.first": "first", "ordinal.second": "second", "ordinal.third": "third", "ordinal.fourth": "fourth",
    "ordinal.last": "last",
    "weekday.monday": "Monday", "weekday.tuesday": "Tuesday", "weekday.wednesday": "Wednesday",
    "weekday.thursday": "Thursday", "weekday.friday": "Friday", "weekday.saturday": "Saturday",
    "weekday.sunday": "Sunday",
    # small words
    "and": "and", "date": "{day} {month} {year}", "daymonth": "{day} {month}",
})

SV = MappingProxyType({
    "kind.bylaw": "Avtal", "kind.module": "Modul",
    "intro": "Varje regel nedan följs av den mening i avtalet som den vilar på, citerad ordagrant, och av "
             "den tolkning som gjorts där texten är tyst eller oklar.",
    "section.agreement": "Avtalet", "section.members": "Medlemmar", "section.matters": "Ärendetyper",
    "section.bodies": "Organ", "section.rules": "Regler", "section.participation": "Deltagande",
    "section.costs": "Kostnader", "section.law": "Svensk lag",
    "members.head": "| Id | Namn | Typ | SCB-kod |",
    "note.section": "*Avsnitt:* {text}",
    "note.law": "*Lag:* {text}",
    "note.statute": "*Vilar på svensk lag:* {law}{module}",
    "note.module": " (modulen {module})",
    "note.assume": "*Tolkning, inte avtalets ord:* {text}",
    "source": "Källdokument: {file}.",
    "source.named": "Källdokument {name}: {file}.",
    "sate": "Säte: {place}.",
    "form.kommunalforbund.direktion": "Juridisk form: kommunalförbund med förbundsdirektion, {direktion}, som "
        "är både beslutande församling och förbundsstyrelse (KL 9 kap. 3 och 5 §§). Kommunallagen gäller "
        "direktionen direkt, som för en nämnd, och förbundet som för en kommun (9 kap. 2 §).",
    "form.kommunalforbund.fullmaktige": "Juridisk form: kommunalförbund med förbundsfullmäktige, {ff}, som "
        "beslutande församling och en förbundsstyrelse, {fs} (KL 9 kap. 3 och 5 §§). Kommunallagen gäller "
        "direkt: för församlingen det som sägs om fullmäktige, för styrelsen det som sägs om en nämnd.",
    "form.gemensam-namnd": "Juridisk form: gemensam nämnd, {namnd}, tillsatt i och del av organisationen hos "
        "{host_word} {host} (KL 9 kap. 19–20 §§). Det som kommunallagen säger om en nämnd gäller den direkt "
        "(9 kap. 23 §).",
    "host.municipality": "värdkommunen", "host.region": "värdregionen",
    "form.avtalssamverkan": "Juridisk form: avtalssamverkan, ett avtal mellan medlemmarna (KL 9 kap. 37 §). "
        "Inget organ som avtalet inrättar är ett organ enligt kommunallagen; lagens regler för nämnder gäller "
        "bara per analogi.",
    "form.informal": "Juridisk form: informell samverkan (avsiktsförklaring, nätverk, handlingsplan). Inget "
        "organ som den inrättar är ett organ enligt kommunallagen; lagens regler för nämnder gäller bara per "
        "analogi.",
    "law.direct": "Kommunallagen gäller detta organ direkt: det är {organ}.",
    "law.analogy": "Kommunallagen gäller detta organ bara per analogi: det är inte ett organ enligt lagen.",
    "law.unstated": "Kommunallagen gäller detta organ bara per analogi: avtalet anger ingen juridisk form och "
        "läses som informell samverkan, vars organ inte är organ enligt lagen.",
    "organ.direktion": "förbundsdirektionen", "organ.forbundsfullmaktige": "förbundsfullmäktige",
    "organ.forbundsstyrelse": "förbundsstyrelsen", "organ.gemensam-namnd": "den gemensamma nämnden",
    "note.law.quote": "*Lag:* {text}: ”{quote}”",
    "section.review": "Granskning mot lagen",
    "states": "Dokumentet anger {what} ({law}; `{id}`).",
    "review.intro": "Det som lagen (eller, för informell samverkan, god sed) kräver att dokumentet anger — "
                    "{checklist} — punkt för punkt, som `governance review` redovisar det.",
    "review.stated": "**Anges:** {what} ({law}; `{id}`), {lines}.",
    "review.assumed": "**Antas, anges inte i dokumentet:** {what} ({law}; `{id}`), {lines}.",
    "review.missing": "**Saknas:** {what} ({law}; `{id}`).",
    "review.law": "**Gäller enligt lagen:** {what} ({law}; `{id}`): lagen gäller direkt; dokumentet behöver "
                  "inte ange det.",
    "review.practice": "god sed", "review.line": "rad {lines}", "review.lines": "rader {lines}",
    "note.cite.source": "*Citerat ur:* {name}",
    "signed": "Undertecknat den {date}{place}.", "signed.place": " i {place}",
    "binding.yes": "Rättsligt bindande.", "binding.no": "Inte rättsligt bindande.",
    "valid.from.until": "Gäller från och med den {start} till och med den {end}.",
    "valid.from.notice": "Gäller från och med den {start} tills vidare.",
    "valid.until": "Gäller till och med den {end}.", "valid.notice": "Gäller tills vidare.",
    "renewed": "Förnyas efter varje kommunval, för {periods} i taget.",
    "periods.1": "en mandatperiod", "periods.n": "{n} mandatperioder",
    "renewal": "Förnyat den {dates}.",
    "amends": "Ersätter den tidigare versionen {id}{start}.", "amends.from": " från och med den {date}",
    "version": "Version: {text}",
    "status": "Status: {status}.",
    "status.draft": "utkast", "status.adopted": "antaget", "status.replaced": "ersatt",
    "reviewed": "Ses över och uppdateras varje år.",
    "duty": "Uppgift: {text}",
    "kind.member": "medlem", "kind.municipality": "kommun", "kind.region": "region",
    "kind.county-board": "länsstyrelse", "kind.university": "lärosäte", "kind.association": "förening",
    "kind.company": "bolag", "kind.other": "övrig",
    "body.body": "Ett organ: det har ledamöter och håller sammanträden.",
    "body.office": "Ett kansli: det bereder åt och stöder de andra organen och håller inga egna sammanträden.",
    "topic.seats": "Ledamöter", "topic.offices": "Ordförande och andra uppdrag", "topic.meetings": "Sammanträden",
    "topic.decisions": "Beslut", "topic.tasks": "Uppgifter", "topic.organisation": "Organisation",
    "seat.each": "{seat}: {count} för varje {cls}, {total} totalt; {vote}.",
    "seat.listed": "{seat}: {count} för var och en av {members}, {total} totalt; {vote}.",
    "seat.listed.one": "{seat}: {count} för {members}; {vote}.",
    "seat.any": "{seat}: {count}, tillsatta från valfri {cls}; {vote}.",
    "seat.fixed": "{seat}: {count}; {vote}.",
    "seat.formula.each": "{seat}: efter folkmängd, {formula}, för varje {cls}; {vote}.",
    "seat.formula.listed": "{seat}: efter folkmängd, {formula}, för var och en av {members}; {vote}.",
    "seats.formula.table": "Platser efter folkmängd per {day} (siffror: {source}):",
    "seats.formula.head": "| Plats | Medlem | Folkmängd | Platser |",
    "seats.formula.missing": "Platserna efter folkmängd kan inte räknas ut med de medföljande siffrorna: {why}.",
    "seat.voting": "med rösträtt", "seat.adjunct": "adjungerad, utan rösträtt",
    "substitutes.1": ", samt 1 ersättare", "substitutes.n": ", samt {n} ersättare",
    "substitutes.personal.1": ", samt 1 personlig ersättare",
    "substitutes.personal.n": ", samt {n} personliga ersättare",
    "substitutes.each": " för varje {cls}", "substitutes.listed": " för var och en av dem",
    "seats.1": "1 plats", "seats.n": "{n} platser", "seats.range": "{low}–{high} platser",
    "seats.total": "Totalt: {seats}.",
    "voting.1": "1 plats med rösträtt", "voting.n": "{n} platser med rösträtt",
    "voting.range": "{low}–{high} platser med rösträtt",
    "adjunct.1": "1 adjungerad plats", "adjunct.n": "{n} adjungerade platser",
    "adjunct.range": "{low}–{high} adjungerade platser",
    "office.chair": "Ordförande", "office.vice": "Vice ordförande",
    "chair.fixed": "{office}: {ref}.",
    "chair.elected": "{office}: väljs av organet bland innehavarna av platsen {role}.",
    "chair.rotating": "{office}: roterar mellan {among} {every}{start}{order}; uppdraget innehas av {role} i "
                      "den medlem som står på tur.",
    "chair.next": "{office}: {role} i den medlem som står näst i tur i ordförandeskapets rotation (med två "
                  "medlemmar: den som inte är ordförande).",
    "among.all": "alla medlemmar",
    "every.1": "varje år", "every.2": "vartannat år", "every.3": "vart tredje år", "every.4": "vart fjärde år",
    "every.n": "vart {n}:e år",
    "rotation.start": " med start {year}", "rotation.nostart": " (inget startår angivet)",
    "rotation.order": ", i ordningen {order}",
    "rotation.turns": "Turordning: {turns}; därefter från början {year}.",
    "rotation.turn": "{years} {member}",
    "secretary": "Sekreterare: {ref}.", "convener": "Sammankallande: {ref}.", "spokesperson": "Talesperson: {ref}.",
    "ref.chair": "ordföranden",
    "meets.at_least": "Sammanträder minst {times} {period}.",
    "meets.at_most": "Sammanträder högst {times} {period}.",
    "meets.about": "Sammanträder cirka {times} {period}.",
    "meets.between": "Sammanträder {low}–{high} gånger {period}.",
    "meets.exactly": "Sammanträder {times} {period}.",
    "meets.soft": "{text} Det gäller som regel, inte som gräns: ett år som avviker ger en varning, inte ett brott.",
    "treats": "Behandlar {matters} vid något av sina sammanträden varje år.",
    "treats.window": "Behandlar {matters} vid något av sina sammanträden varje år, {period}.",
    "times.1": "en gång", "times.n": "{n} gånger",
    "per.year": "per år", "per.month": "i {month}", "per.months": "i {first}–{last}",
    "notice": "Kallelse till sammanträde skickas minst {days} i förväg.",
    "justering": "Protokollet justeras senast {days} efter sammanträdet.",
    "days.1": "1 dag", "days.n": "{n} dagar",
    "summons": "Alla ledamöter kallas till sammanträdena.",
    "agenda": "Sammanträdena bereds av {refs}.",
    "quorum": "Beslutförhet: {rule} ska vara närvarande.",
    "quorum.default": "Beslutförhet enligt svensk lag, där avtalet är tyst: {rule} ska vara närvarande.",
    "quorum.default.unknown": "Beslutförhet enligt svensk lag, där avtalet är tyst (ingen modul som ger "
                              "regeln är importerad).",
    "quorum.more_than_half": "mer än hälften av {unit}", "quorum.fraction": "minst {fraction} av {unit}",
    "quorum.all": "var och en av {unit}", "quorum.at_least": "minst {n} av {unit}",
    "unit.seats": "ledamöterna med rösträtt", "unit.members": "medlemmarna",
    "decision.consensus": "Beslut fattas i konsensus.",
    "decision.majority": "Beslut fattas med majoritet.",
    "decision.majority.how": "Beslut fattas med majoritet{base}{per}.",
    "decision.qualified": "Beslut fattas med kvalificerad majoritet, minst {fraction}{base}{per}.",
    "base.votes": " av de avgivna rösterna", "base.present": " av de närvarande", "base.seats": " av samtliga platser",
    "per.seat": ", en röst per plats", "per.member": ", en röst per medlem", "per.group": ", en röst per grupp",
    "per.party": ", en röst per partigrupp",
    "group": "{title} ({members}) röstar som en grupp.",
    "equal": "Lika inflytande: en röst per medlem, oavsett antal platser.",
    "decides.all": "Beslutar i alla ärenden.", "decides": "Beslutar om {matters}.",
    "prepares.all": "Bereder alla ärenden till {bodies}.", "prepares": "Bereder {matters} till {bodies}.",
    "proposes.all": "Lämnar förslag i alla ärenden till {bodies}.",
    "proposes": "Lämnar förslag om {matters} till {bodies}.",
    "executes.all": "Verkställer alla ärenden åt {bodies}.", "executes": "Verkställer {matters} åt {bodies}.",
    "responsible": "Ansvarar för {targets}.", "appoints": "Utser {targets}.",
    "reports_to": "Rapporterar till {targets}.", "convenes": "Kallar till sammanträden i {targets}.",
    "uses": "Förfogar över {percent} % av arbetstiden för {ref}.",
    "hosted": "Organisatoriskt placerat hos {member}.",
    "rule.prepared.all": "Alla ärenden som går till {body} ska först ha beretts av {by}.",
    "rule.prepared": "Alla ärenden av typen {matters} som går till {body} ska först ha beretts av {by}.",
    "rule.proposed.all": "Alla ärenden som går till {body} ska först ha föreslagits av {by}.",
    "rule.proposed": "Alla ärenden av typen {matters} som går till {body} ska först ha föreslagits av {by}.",
    "rule.no_veto": "Inget veto: ingen medlem får hindra de andras samarbete.",
    "participation": "Deltagandet är frivilligt.",
    "participation.minimum": "Deltagandet är frivilligt; minst {members} måste delta i en samverkan.",
    "members.1": "1 medlem", "members.n": "{n} medlemmar",
    "cost.population": "Kostnaderna fördelas efter folkmängd{at}{yearly}{among}.",
    "cost.at": " per den {date}", "cost.yearly": ", uppdaterat varje år",
    "cost.among": ", mellan de medlemmar som deltar",
    "cost.fee": "Varje medlem betalar en avgift per invånare och år{amount}{fixed}.",
    "cost.amount": " på {amount} kronor", "cost.fixed": ", som fastställs när avtalet förnyas",
    "cost.own": "Varje medlem står för sina egna kostnader.",
    "cost.participant_fees": "Extra kostnader täcks av avgifter från de medlemmar som deltar.",
    "cost.projects": "Projekt bekostas av de medlemmar som deltar i dem.",
    "import": "Där avtalet är tyst vilar det på modulen {id}: {title}.",
    "election": "Allmänna val hålls {every} från {start}, den {ordinal} {weekday} i {month}.",
    "mandate": "En mandatperiod är {years} från och med den {date} valåret.",
    "mandate.after": "En mandatperiod är {years} från och med den {date} året efter valåret.",
    "years.1": "1 år", "years.n": "{n} år",
    "default": "Där ett avtal inte säger mer än `quorum default`: {rule} ska vara närvarande.",
    "ordinal.first": "första", "ordinal.second": "andra", "ordinal.third": "tredje", "ordinal.fourth": "fjärde",
    "ordinal.last": "sista",
    "weekday.monday": "måndagen", "weekday.tuesday": "tisdagen", "weekday.wednesday": "onsdagen",
    "weekday.thursday": "torsdagen", "weekday.friday": "fredagen", "weekday.saturday": "lördagen",
    "weekday.sunday": "söndagen",
    "and": "och", "date": "{day} {month} {year}", "daymonth": "{day} {month}",
})



@dataclass(frozen=True, slots=True)
class Words:
    """One language: its templates, month names and decimal mark."""

    lang: str
    templates: Mapping[str, str]
    months: tuple[str, ...]
    decimal_mark: str

    def __call__(self, key: str, **values) -> str:
        return self.templates[key].format(**values)

    def count(self, key: str, low: int, high: int | None = None) -> str:
        """`key` for a number (`times.1`, else `times.n`) or a range `low..high` (`key.range`)."""
        if high is not None and high != low:
            return self(f"{key}.range", low=low, high=high)
        exact = f"{key}.{low}"
        return self(exact if exact in self.templates else f"{key}.n", n=low)

    def month(self, number: int) -> str:
        return self.months[number - 1]

    def date(self, day: date) -> str:
        return self("date", day=day.day, month=self.month(day.month), year=day.year)

    def join(self, items: Iterable[str]) -> str:
        """"a, b and c" / "a, b och c"."""
        items = list(items)
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self('and')} " + items[-1]

    def number(self, value: Decimal) -> str:
        return str(value).replace(".", self.decimal_mark)


LANGS = MappingProxyType({"en": Words("en", EN, MONTH_NAMES["en"], "."), "sv": Words("sv", SV, MONTH_NAMES["sv"], ",")})
