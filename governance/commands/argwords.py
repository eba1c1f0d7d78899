"""argparse's refusals and help in Swedish (issue 16: Swedish by default, `--lang en` for English).

argparse words its errors in English (through gettext, which would need a process-wide catalogue); the
command line's parser says them again here, pattern by pattern, when the run is in Swedish. Imported only
when a command line is refused, so `governance --help` and every command start no slower.
"""
from __future__ import annotations

import argparse
import re

_ERRORS = (
    (r"the following arguments are required: (?P<a>.+)", "dessa argument saknas: {a}"),
    (r"argument (?P<a>\S+): invalid choice: (?P<b>.+) \(choose from (?P<c>.+)\); menade du (?P<d>'[^']*')\?",
     "argument {a}: ogiltigt val {b} (välj bland {c}); menade du {d}?"),
    (r"argument (?P<a>\S+): invalid choice: (?P<b>.+) \(choose from (?P<c>.+)\)", "argument {a}: ogiltigt val {b} (välj bland {c})"),
    (r"unrecognized arguments: (?P<a>.+)", "okända argument: {a}"),
    (r"argument (?P<a>\S+): expected one argument", "argument {a}: ett värde saknas"),
    (r"argument (?P<a>\S+): expected at least one argument", "argument {a}: minst ett värde saknas"),
    (r"argument (?P<a>\S+): expected (?P<b>\d+) arguments", "argument {a}: {b} värden väntades"),
    (r"argument (?P<a>\S+): invalid \w+ value: (?P<b>.+)", "argument {a}: ogiltigt värde {b}"),
    (r"argument (?P<a>\S+): not allowed with argument (?P<b>.+)", "argument {a}: går inte att ge tillsammans med {b}"),
    (r"one of the arguments (?P<a>.+) is required", "ett av argumenten {a} krävs"),
    (r"ambiguous option: (?P<a>\S+) could match (?P<b>.+)", "tvetydigt argument: {a} kan betyda {b}"),
    # the commands' own argument types (commands.common.year_arg, day_arg)
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a year such as 2025", "argument {a}: '{b}' är inget år som 2025"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a date \(YYYY-MM-DD\); write (?P<c>[\d-]+) \((?P<d>\d+) (?P<m>[A-Z][a-z]+)\)",
     "argument {a}: '{b}' är inget datum (ÅÅÅÅ-MM-DD); skriv {c} ({d} {m})"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a date \(YYYY-MM-DD\); write (?P<c>[\d-]+)",
     "argument {a}: '{b}' är inget datum (ÅÅÅÅ-MM-DD); skriv {c}"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a date \(YYYY-MM-DD\)", "argument {a}: '{b}' är inget datum (ÅÅÅÅ-MM-DD)"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a port \(0 to 65535\)", "argument {a}: '{b}' är ingen port (0 till 65535)"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a number of processes \(1 to 64\)",
     "argument {a}: '{b}' är inget antal processer (1 till 64)"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a time of day such as (?P<c>\S+)",
     "argument {a}: '{b}' är ingen tid på dagen som {c}"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a number of minutes between (?P<c>\d+) and (?P<d>\d+)",
     "argument {a}: '{b}' är inget antal minuter mellan {c} och {d}"),
)


def _month_sv(name: str) -> str | None:
    from ..lang import MONTH_NAMES
    months = MONTH_NAMES["en"]
    return MONTH_NAMES["sv"][months.index(name)] if name in months else None


def swedish(message: str) -> str:
    """argparse's English error in Swedish; as it is where no pattern knows it."""
    from ..lang import by_pattern
    said = by_pattern(_ERRORS, message, {"m": _month_sv})
    if said:
        return said
    m = re.fullmatch(r"argument (?P<a>\S+): (?P<b>.+)", message)  # a type's own message: the calendar catalogue
    if m:
        from ..calendar.swedish import swedish as calendar_swedish
        said = calendar_swedish(m["b"])
        if said:
            return f"argument {m['a']}: {said}"
    return message


# ---- --help in Swedish ---------------------------------------------------------------------------------
# Each command's help, keyed by the English the commands write (tests/test_swedish_messages.py holds every
# help string of the command line to an entry here, so none is left in English).
HELP = {
    "language of this help, of refusals and of the diagnostics: sv (default) or en":
        "språk för den här hjälpen, för felmeddelanden och för granskningens meddelanden: sv (standard) eller en",
    "language of this help, of refusals and of a bylaw's errors: sv (default) or en; the bylaw is printed as written":
        "språk för den här hjälpen, för felmeddelanden och för fel i avtalet: sv (standard) eller en; avtalet "
        "skrivs ut som det är skrivet",
    "language of this help, of refusals, of a bylaw's errors and of the diff's headings: sv (default) or en; "
    "the bylaw's lines are shown as written":
        "språk för den här hjälpen, för felmeddelanden, för fel i avtalen och för jämförelsens rubriker: sv "
        "(standard) eller en; avtalens rader visas som de är skrivna",
    "language of this help, of refusals and of a bylaw's errors: sv (default) or en; the picture's labels are in "
    "Swedish":
        "språk för den här hjälpen, för felmeddelanden och för fel i avtalet: sv (standard) eller en; bildens "
        "etiketter är på svenska",
    "Bylaws of municipal collaborations as code.": "Avtal för kommunal samverkan som kod.",
    "check bylaw files: syntax, references, consistency, quotes":
        "granska avtalsfiler: syntax, hänvisningar, samstämmighet, citat",
    "print bylaws in canonical form": "skriv ut avtal i normalform",
    "drafting review: what the bylaw's legal form requires it to state":
        "granskning av utkast: vad avtalets juridiska form kräver att det anger",
    "check a meeting calendar (YAML or .ics) against a bylaw": "kontrollera en möteskalender (YAML eller .ics) mot ett avtal",
    "may a body take this action on this matter on this day?": "får ett organ göra detta med ärendet den här dagen?",
    "list the check rules, or print one rule's documentation": "lista kontrollreglerna, eller visa en regels beskrivning",
    "plan a year's meetings that the bylaw allows (a calendar to start from)":
        "planera ett års sammanträden som avtalet tillåter (en kalender att utgå från)",
    "draw the process graph: who prepares, proposes, convenes and decides":
        "rita processen: vem som bereder, föreslår, kallar och beslutar",
    "the bylaw as a readable document (markdown or HTML, English or Swedish)":
        "avtalet som ett läsbart dokument (markdown eller HTML, svenska eller engelska)",
    "chair and vice chair of each body per year, from the rotation":
        "ordförande och vice ordförande i varje organ år för år, enligt rotationen",
    "terms of an agreement, mandate periods and renewal deadlines":
        "avtalets giltighetstider, mandatperioder och sista dag att förnya",
    "semantic diff of two bylaws (members, bodies, seats, rules, costs …)":
        "skillnaderna i sak mellan två avtal (medlemmar, organ, platser, regler, kostnader …)",
    "split a cost by population, or compute per-inhabitant fees":
        "fördela en kostnad efter folkmängd, eller räkna ut avgifter per invånare",
    "the seats a bylaw's formula gives each member, from SCB's population figures":
        "de platser avtalets formel ger varje medlem, enligt SCB:s folkmängd",
    "a local web page: read the bylaws, check a pasted calendar":
        "en lokal webbsida: läs avtalen, kontrollera en inklistrad kalender",
    "the shipped bylaws: id, title, legal form, version, validity, members":
        "de medföljande avtalen: id, titel, juridisk form, version, giltighet, medlemmar",
    "bylaw files or shipped bylaw ids": "avtalsfiler eller id för medföljande avtal",
    "folder with the source documents (default: sources/ beside the bylaw)":
        "mappen med källdokumenten (annars: sources/ bredvid avtalet)",
    "warnings fail too": "även varningar ger fel",
    "exit 1 if a file is not in canonical form": "avsluta med 1 om en fil inte är i normalform",
    "rewrite the files in place (comments are kept)": "skriv om filerna på plats (kommentarer behålls)",
    "sv (default) or en": "sv (förval) eller en",
    "a bylaw file or a shipped bylaw id": "en avtalsfil eller ett medföljande avtals id",
    "a bylaw file or a shipped bylaw id (left out: the one the calendar names on its bylaw: line)":
        "en avtalsfil eller ett medföljande avtals id (utelämnat: det avtal som kalendern anger på raden bylaw:)",
    "the calendar: .yaml/.yml or .ics, or - to read it from standard input":
        "kalendern: .yaml/.yml eller .ics, eller - för att läsa den från standard in",
    "for .ics: the file mapping event categories to bodies and people to seats (default: a mapping file beside "
    "the calendar)": "för .ics: filen som anger vilket organ varje händelse är och vem som har vilken plats "
                     "(annars: en mappningsfil bredvid kalendern)",
    "text (default), json, or pdf: a report to hand over (needs -o FILE)":
        "text (förval), json eller pdf: en rapport att lämna över (kräver -o FILE)",
    "write the report to FILE (replaced whole, or left as it was) instead of stdout":
        "skriv rapporten till FILE (ersatt i sin helhet, eller orörd) i stället för till skärmen",
    "the language of the report: sv (default) or en; rule ids and JSON keys stay as they are":
        "rapportens språk: sv (förval) eller en; regel-id och JSON-nycklar är desamma",
    "report only on calendar year Y": "rapportera bara kalenderåret Y",
    "judge partial years as of this date (default: today), YYYY-MM-DD":
        "bedöm påbörjade år per denna dag (annars: i dag), ÅÅÅÅ-MM-DD",
    "a calendar file with one meeting holding one matter": "en kalenderfil med ett sammanträde och ett ärende",
    "what already happened: a calendar (.yaml or .ics)": "det som redan har skett: en kalender (.yaml eller .ics)",
    "print the path through the graph the verdict took": "visa vägen genom processen som bedömningen tog",
    "the language of the verdict and the path: sv (default) or en; rule ids and JSON keys stay":
        "språket för bedömningen och vägen: sv (förval) eller en; regel-id och JSON-nycklar är desamma",
    "a rule id (e.g. quorum)": "en regels id (t.ex. quorum)",
    "language (default: sv)": "språk (förval: sv)",
    "write every rule's page and an index into DIR (docs/rules in the repository)":
        "skriv varje regels sida och en förteckning till DIR (docs/rules i förrådet)",
    "the year to plan (default: next year)": "året att planera (annars: nästa år)",
    "yaml (default), or ics for Outlook and the like (needs -o FILE.ics)":
        "yaml (förval), eller ics för Outlook och liknande (kräver -o FILE.ics)",
    "write the calendar to FILE (a new file) instead of stdout": "skriv kalendern till FILE (en ny fil) i stället för till skärmen",
    "a mapping file whose people: give seats their persons ('Name <e-mail>: member/role'); the .ics invites them by "
    "address": "en mappningsfil vars people: anger vem som har vilken plats ('Namn <e-post>: medlem/roll'); "
               ".ics-filen bjuder in dem via e-post",
    "when meetings start (default 09:00)": "när sammanträdena börjar (annars 09:00)",
    "how long a meeting is, in the .ics (default 120)": "hur länge ett sammanträde varar i .ics-filen, i minuter (annars 120)",
    "plan meetings in July too (by default July is left free, as offices close for the summer)":
        "planera sammanträden även i juli (annars lämnas juli fri, då kontoren stänger över sommaren)",
    "the language of the file's head comment and of the plan's check: sv (default) or en":
        "språket i filens inledande kommentar och i kontrollen av planen: sv (förval) eller en",
    "dot (Graphviz), mermaid, json (node-link data) or svg (needs Graphviz's `dot`)":
        "dot (Graphviz), mermaid, json (noder och länkar) eller svg (kräver Graphviz `dot`)",
    "write here instead of standard output": "skriv hit i stället för till skärmen",
    "markdown (default), or html: a standalone page": "markdown (förval), eller html: en fristående sida",
    "sv (default) or en; quotes stay in Swedish": "sv (förval) eller en; citat står kvar på svenska",
    "a bylaw file or shipped id": "en avtalsfil eller ett medföljande avtals id",
    "only this body": "bara detta organ",
    "the text's language (default Swedish)": "textens språk (förval: svenska)",
    "last year to list (default: this year + 4)": "sista året att visa (annars: i år + 4)",
    "the earlier bylaw (file or shipped id)": "det tidigare avtalet (fil eller medföljande id)",
    "the later bylaw (file or shipped id)": "det senare avtalet (fil eller medföljande id)",
    "the cost to split by population (whole öre at most)": "kostnaden att fördela efter folkmängd (högst hela ören)",
    "fee per inhabitant, when the bylaw names none": "avgift per invånare, när avtalet inte anger någon",
    "comma-separated member ids (default: every municipality)": "medlemmarnas id åtskilda med komma (annars: alla kommuner)",
    "take the figures at the agreement's reference date in this year":
        "ta folkmängden per avtalets referensdag detta år",
    "a population CSV (ours or an SCB export)": "en CSV-fil med folkmängd (vår eller en export från SCB)",
    "the text's language: sv (default) or en; member ids and JSON keys stay":
        "textens språk: sv (förval) eller en; medlems-id och JSON-nycklar är desamma",
    "the figures at the formula's day in this year (default: the latest day every member has a figure for)":
        "folkmängden per formelns dag detta år (annars: den senaste dag som alla medlemmar har en siffra för)",
    "a population CSV (SCB's Statistikdatabasen export, or ours)":
        "en CSV-fil med folkmängd (export från SCB:s Statistikdatabasen, eller vår)",
    "bylaw files or shipped bylaw ids (default: every shipped bylaw)":
        "avtalsfiler eller id för medföljande avtal (annars: alla medföljande avtal)",
    "the address to listen on (default 127.0.0.1: this machine only)":
        "adressen att lyssna på (annars 127.0.0.1: bara den här datorn)",
    "the port (default 8000; 0: any free port)": "porten (annars 8000; 0: valfri ledig port)",
    "a host name the server answers to besides the address it listens on (repeatable; requests naming any other "
    "Host are refused, against DNS rebinding)": "ett värdnamn som servern svarar på utöver adressen den lyssnar "
                                                "på (kan upprepas; begäranden till andra värdnamn avvisas, mot DNS "
                                                "rebinding)",
    "processes serving the page (default 1); each checks in worker processes of its own, as many as cores (at most "
    "4), under a budget of CPU time and memory": "processer som betjänar sidan (annars 1); var och en kontrollerar i "
                                                 "egna arbetsprocesser, lika många som kärnor (högst 4), inom en "
                                                 "budget för processortid och minne",
    "sv (default) or en; titles stay as written": "sv (förval) eller en; titlar står som de är skrivna",
    "the language of what the command says here: sv (default) or en; each page has its own language switch":
        "språket för det kommandot skriver här: sv (förval) eller en; varje sida har sitt eget språkval",
    # argparse's own
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "show program's version number and exit": "visa programmets version och avsluta",
}
_SECTIONS = {"positional arguments": "argument", "options": "flaggor", "optional arguments": "flaggor"}


class SwedishHelp(argparse.HelpFormatter):
    """argparse's help in Swedish: its headings and words, and the commands' help by HELP (the English where an
    entry is missing)."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="användning: " if prefix is None else prefix)

    def start_section(self, heading):
        super().start_section(_SECTIONS.get(heading or "", heading))

    def add_text(self, text):
        super().add_text(HELP.get(text, text) if text else text)

    def _get_help_string(self, action):
        return HELP.get(action.help or "", action.help or "")
