"""The calendar readers' messages in Swedish (issue 16: Swedish by default, English on request).

The readers build each message once, in English (the text tests, the JSON API's programs and the English
report have always had); this is its Swedish catalogue, as gettext keeps one per language keyed by the
English text: a pattern per message form, its variable parts (ids, dates, line numbers, what the user
wrote) carried over unchanged, the parts that are themselves messages translated in turn. `swedish(text)`
is None for a message the catalogue does not know, and the caller then shows the English one
(tests/test_calendar_swedish.py holds every malformed-calendar case to a full translation).

Why keyed by the English text and not by message ids: the readers raise some 150 message forms, the English
is the JSON API's and the golden files' contract, and patterns here translate a message whatever reader built
it; ids would mean rewriting every reader's raise for no change a user sees. What YAML's parser and the
operating system say (their own English) is translated here too (_YAML_PROBLEMS, os_words), so no parser
English reaches a Swedish report.

Ids, keys and values the user writes (date, chair, attendees, decide, halmstad/kso) stay as written: they
are what the file says and what the message tells the user to write.
"""
from __future__ import annotations

import re
from functools import cache

from ..lang import MONTH_NAMES

# Descriptions of a value the readers put before a problem ("the seat of NAME: …", "body id …").
_WHAT = [
    (r"meeting id", "mötes-id"), (r"matter id", "ärende-id"), (r"body id", "organ-id"), (r"bylaw id", "avtals-id"),
    (r"member id", "medlems-id"), (r"matter type", "ärendetyp"), (r"role", "roll"),
    (r"a person's name in the roster", "ett namn i roster"), (r"the roster", "roster"),
    (r"body id for '(?P<a>[^']*)'", "organ-id för '{a}'"),
    (r"the seat of (?P<a>.+)", "platsen för {a}"), (r"what (?P<a>.+) is", "vad {a} är"),
    (r"an entry in (?P<a>.+)", "en post i {a}"), (r"a key in '(?P<a>[^']*)'", "en nyckel i '{a}'"),
    (r"anslag in (?P<a>.+)", "anslag i {a}"), (r"votes (?P<a>\w+)", "röster {a}"), (r"a vote (?P<a>\w+)", "en röst {a}"),
    (r"a meeting", "ett sammanträde"), (r"a matter", "ett ärende"), (r"a calendar", "en kalender"),
    (r"a person", "en person"), (r"a mapping file", "en mappningsfil"), (r"a roster file", "en roster-fil"),
    (r"'(?P<a>[^']*)'", "'{a}'"),
    (r"[a-z_]+", "{0}"),  # a key as the file writes it: date, chair, attendees, notice_date …
]
_WHAT_RE = [(re.compile(p), t) for p, t in _WHAT]

# The kinds of YAML value a reader expected or found.
_KIND = {"mapping": "en mappning (nyckel: värde)", "list": "en lista", "single value": "ett enkelt värde",
         "a mapping": "en mappning", "a list": "en lista", "a single value": "ett enkelt värde",
         "nothing": "ingenting", "an event": "en händelse"}

# Objects of "the {what} has no 'KEY'" and "… in a {what}".
_THING = {"meeting": "sammanträdet", "matter": "ärendet", "calendar": "kalendern", "person": "personen",
          "mapping file": "mappningsfilen", "roster file": "roster-filen", "roster": "roster", "anslag": "anslaget",
          "minutes": "protokollet", "vote": "rösten", "votes": "rösterna"}
_IN_A = {"meeting": "ett sammanträde", "matter": "ett ärende", "calendar": "en kalender", "person": "en person",
         "mapping file": "en mappningsfil", "roster file": "en roster-fil", "minutes": "protokollet",
         "calendar file": "en kalenderfil",
         "anslag": "anslaget", "votes": "rösterna", "roster": "roster"}

_MONTHS = dict(zip(MONTH_NAMES["en"], MONTH_NAMES["sv"]))
_OFTEN = {"every second": "varje sekund", "every minute": "varje minut", "every hour": "varje timme"}

# What the YAML parser (libyaml's C words, or PyYAML's own where libyaml is missing) found wrong, said for
# a secretary: what is wrong on the line and what to do, in the words of the calendar guide (rad, nyckel,
# värde, lista, indrag, citattecken), not the parser's (mapping, scalar, token, block). A context ("while
# parsing a block mapping") may stand before the problem; it only narrows a few problems down.
_YAML_PROBLEMS = [
    (r"mapping values are not allowed (?:in this context|here)",
     "ett kolon står där inget 'nyckel: värde' får börja; kontrollera indraget, eller sätt ett värde som "
     "innehåller kolon inom citattecken"),
    (r"while scanning a simple key could not find expected ':'",
     "ett kolon saknas efter nyckeln (skriv 'nyckel: värde'), eller så fortsätter ett värde på nästa rad "
     "utan indrag"),
    (r"while scanning for the next token found character that cannot start any token",
     "ett tecken här får inte inleda ett värde (till exempel en tabb, '@' eller '`'); använd mellanslag för "
     "indrag och sätt värdet inom citattecken"),
    (r"while scanning for the next token found character '\\t' that cannot start any token", "{tab}"),
    (r"while scanning for the next token found character (?P<c>.+) that cannot start any token",
     "tecknet {c} får inte inleda ett värde; sätt värdet inom citattecken"),
    (r"found a tab character (?:that violates indentation|where an indentation space is expected)",
     "en tabb står i indraget; använd mellanslag för indrag"),
    (r"while parsing a block mapping did not find expected key",
     "indraget stämmer inte: här väntades en ny nyckel (namn: värde) på samma indrag som raderna ovanför"),
    (r"while parsing a block collection did not find expected '-' indicator",
     "indraget stämmer inte: här väntades en ny post i listan (en rad som börjar med '-') på samma indrag som "
     "posterna ovanför"),
    (r"(?:while parsing a block (?:mapping|collection) )?expected <block end>, but found (?P<t>.+)",
     "indraget stämmer inte: {t} står på fel indrag"),
    (r"(?:while parsing a flow sequence )?(?:did not find expected ',' or '\]'|expected ',' or '\]', but got .+)",
     "listan inom [ ] avslutas inte: ',' eller ']' saknas"),
    (r"(?:while parsing a flow mapping )?(?:did not find expected ',' or '}'|expected ',' or '}', but got .+)",
     "uppräkningen inom {{ }} avslutas inte: ',' eller '}}' saknas"),
    (r"while scanning a (?:double-)?quoted scalar found unexpected end of stream",
     "ett citattecken avslutas aldrig: filen tar slut innan det avslutande citattecknet"),
    (r"while scanning a (?:double-)?quoted scalar found unexpected document (?:indicator|separator)",
     "ett citattecken avslutas inte före en rad '---' eller '...'; avsluta citatet"),
    (r"(?:block sequence entries are not allowed in this context|sequence entries are not allowed here)",
     "en listpost ('-') står där den inte får stå; kontrollera indraget"),
    (r"mapping keys are not allowed here", "ett frågetecken ('?') får inte inleda en nyckel här"),
    (r"while parsing a flow node (?:did not find expected node content|expected the node content, but found .+)",
     "här saknas ett värde, eller så avslutas inte en lista inom [ ] eller {{ }}"),
    (r"(?:while parsing a (?:block |flow )?node )?(?:did not find expected node content|"
     r"expected the node content, but found (?P<t>.+))", "här saknas ett värde"),
    (r"while scanning an? (?:alias|anchor) (?:did not find expected alphabetic or numeric character|"
     r"expected alphabetic or numeric character, but found .+)",
     "efter '*' eller '&' ska ett namn av bokstäver och siffror stå; sätt värdet inom citattecken om det ska "
     "börja med '*' eller '&'"),
    (r"(?:while parsing a node )?found undefined tag handle.*",
     "en tagg ('!') som kalendern inte känner; sätt värdet inom citattecken om det ska börja med '!'"),
    (r"found duplicate %?YAML directive", "raden %YAML står två gånger"),
    (r"(?:found duplicate %TAG directive|duplicate tag handle .+)", "samma %TAG står två gånger"),
    (r"(?:found incompatible YAML document.*|incompatible %YAML directive)",
     "filen anger en YAML-version som inte kan läsas (skriv %YAML 1.2 eller ta bort raden)"),
    (r"(?:did not find expected <document start>|expected '<document start>', but found .+)",
     "efter en rad som börjar med '%' ska en rad '---' stå"),
    (r"found unknown escape character.*",
     "ett okänt tecken efter '\\' inom dubbla citattecken; skriv '\\\\' för ett omvänt snedstreck, eller "
     "använd enkla citattecken"),
    (r"(?:did not find expected hexdecimal number|expected escape sequence of \d+ hexadecimal numbers.*|"
     r"found invalid Unicode character escape code)",
     "en teckenkod efter '\\' inom dubbla citattecken är felaktig; använd enkla citattecken"),
    (r"(?:found an indentation indicator equal to 0|expected indentation indicator in the range 1-9.*)",
     "siffran efter '|' eller '>' anger indraget och ska vara 1–9"),
    (r"(?:did not find expected comment or line break|expected a comment or a line break, but found .+|"
     r"expected chomping or indentation indicators, but found .+)",
     "här ska raden ta slut (eller en kommentar som börjar med '#' följa)"),
    (r"(?:while scanning a (?:%YAML |%TAG )?directive )?(?:could not find expected directive name|"
     r"found unexpected non-alphabetical character|found unknown directive name|did not find expected "
     r"(?:version number|digit or '.' character|whitespace|whitespace or line break)|found extremely long "
     r"version number|expected (?:a digit.*|alphabetic or numeric character, but found .+|' ', but found .+))",
     "en rad som börjar med '%' ska vara %YAML 1.2 eller %TAG; sätt värdet inom citattecken om det ska börja "
     "med '%'"),
    (r"(?:while (?:scanning|parsing) an? (?:tag|%TAG directive|tag directive|URI) ).*",
     "en tagg ('!') är ofullständig; sätt värdet inom citattecken om det ska börja med '!'"),
    (r"found unexpected ':'", "ett kolon står där det inte får stå; sätt värdet inom citattecken"),
    (r"found unexpected end of stream", "filen tar slut mitt i ett värde"),
]

# The parser's names of what it found (PyYAML's token ids).
_YAML_TOKENS = {"'<block mapping start>'": "en nyckel", "'<block sequence start>'": "en lista",
                "'<block end>'": "ett indrag", "'<scalar>'": "ett värde", "'-'": "en listpost ('-')",
                "'?'": "ett frågetecken", "':'": "ett kolon", "','": "ett kommatecken",
                "'['": "'['", "']'": "']'", "'{'": "'{'", "'}'": "'}'", "'<alias>'": "ett alias ('*')",
                "'<anchor>'": "ett ankare ('&')", "'<tag>'": "en tagg ('!')", "'<document start>'": "'---'",
                "'<document end>'": "'...'", "'<stream end>'": "filens slut", "'<directive>'": "en rad med '%'"}

_TAB = "en tabb står där den inte får stå (oftast i indraget); använd mellanslag"
_CHARS = {"'\\t'": "tabb", "' '": "mellanslag", "'@'": "'@'", "'`'": "'`'", "'%'": "'%'"}


@cache
def _yaml_compiled() -> list[tuple[re.Pattern[str], str]]:
    # A problem written without its context may still come with one ("while scanning a plain scalar …").
    return [(re.compile(p if p.startswith(("while", "(?:while")) else f"(?:while [^:]*? )?(?:{p})"), t)
            for p, t in _YAML_PROBLEMS]


def yaml_problem(text: str, form: str = "kalenderns form") -> str:
    """The Swedish for what YAML's parser found wrong (its context and problem, as it words them); a plain
    general sentence where the problem is not known (the line and column still say where), so no parser
    English reaches a Swedish report. `form`: what the text should follow, for that sentence."""
    for pattern, template in _yaml_compiled():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        parts = m.groupdict()
        token = _YAML_TOKENS.get(parts.get("t") or "", "något")
        char = parts.get("c") or ""
        return template.format(t=token, c=_CHARS.get(char, char), tab=_TAB)
    return f"texten följer inte {form} här; jämför med raderna ovanför (indrag, kolon, citattecken)"


# (pattern of the English message, the Swedish one). Named groups are carried over; a group named
# w* is a description (_WHAT), k* a kind (_KIND), t* a thing (_THING), i* "in a thing" (_IN_A), m* a
# month, o* how often, r* a message in its own right (translated by the catalogue again), y* what YAML
# found wrong (_YAML_PROBLEMS), e* an operating system's reason (os_words).
_RULES: list[tuple[str, str]] = [
    # source.py: the file as a whole
    (r"(?P<t>calendar|mapping file|roster file) is (?P<a>[\d.]+) MB; the limit is (?P<b>[\d.]+) MB",
     "{t} är {a} MB; gränsen är {b} MB"),
    (r"(?P<t>calendar|mapping file|roster file) is over (?P<a>[\d.]+) MB; the limit is (?P<b>[\d.]+) MB",
     "{t} är över {a} MB; gränsen är {b} MB"),
    (r"this is a folder, not a (?P<i>calendar file|mapping file|roster file)", "det här är en mapp, inte {i}"),
    (r"cannot read the (?P<t>calendar|mapping file|roster file): (?P<e>.+)", "kan inte läsa {t}: {e}"),
    (r"this is not a text file \(it contains a NUL byte\); a (?P<i>calendar|mapping file|roster file) is UTF-8 text",
     "det här är ingen textfil (den innehåller en NUL-byte); {i} är UTF-8-text"),
    (r'the (?P<t>calendar|mapping file|roster file) is saved as UTF-16 \("Unicode" in Notepad and Excel\); save it as '
     r'UTF-8', "{t} är sparad som UTF-16 (\"Unicode\" i Anteckningar och Excel); spara den som UTF-8"),
    (r'not UTF-8 text \(byte (?P<a>0x[0-9a-f]+) cannot be decoded\); it looks saved as Windows-1252 \("ANSI"\); save '
     r'the (?P<t>calendar|mapping file|roster file) as UTF-8',
     "inte UTF-8-text (byten {a} kan inte avkodas); den ser ut att vara sparad som Windows-1252 (\"ANSI\"); "
     "spara {t} som UTF-8"),
    (r"not UTF-8 text \(byte (?P<a>0x[0-9a-f]+) cannot be decoded\); save the (?P<t>calendar|mapping file|roster file) "
     r"as UTF-8", "inte UTF-8-text (byten {a} kan inte avkodas); spara {t} som UTF-8"),
    (r"not UTF-8 text \(character (?P<a>U\+[0-9A-F]+) has no UTF-8 form\); save the "
     r"(?P<t>calendar|mapping file|roster file) as UTF-8", "inte UTF-8-text (tecknet {a} finns inte i UTF-8); spara {t} som UTF-8"),
    (r"the (?P<t>calendar|mapping file|roster file) is empty", "{t} är tom"),
    (r"a mapping file is only used with \.ics calendars", "en mappningsfil används bara med .ics-kalendrar"),
    (r"'-' reads the calendar from standard input, and nothing is piped to it; give the calendar's file name, or "
     r"pipe it: (?P<a>.+)", "'-' läser kalendern från standard in, och inget skickas dit; ange kalenderns filnamn, "
     "eller skicka den dit: {a}"),
    # the limits (the "too much work:" prefix is the key web.py answers 413 by; said in Swedish here)
    (r"too much work: (?P<r>.+)", "för mycket arbete: {r}"),
    # (?P<n…>: a number the English writes 10,000, in Swedish 10 000 (a comma is a decimal comma here)
    (r"the calendar holds more than (?P<na>[\d,]+) events", "kalendern har fler än {na} händelser"),
    (r"the calendar holds more than (?P<na>[\d,]+) meetings in the window \(recurrences counted\); read a "
     r"shorter window", "kalendern har fler än {na} sammanträden i perioden (upprepningar räknade); läs en kortare "
     "period"),
    (r"the calendar holds more than (?P<na>[\d,]+) meetings(?P<b>.*)", "kalendern har fler än {na} sammanträden{b}"),
    (r"the calendar lists (?P<na>[\d,]+) meetings; the limit is (?P<nb>[\d,]+)",
     "kalendern listar {na} sammanträden; gränsen är {nb}"),
    (r"the recurring events would be expanded over (?P<a>\d+)–(?P<b>\d+); the limit is (?P<c>\d+) years: "
     r"read a shorter (?P<d>.+)", "de återkommande händelserna skulle läggas ut över {a}–{b}; gränsen är {c} år: "
     "läs en kortare period ({d})"),
    (r"expanding the recurring events took over (?P<a>[\d.]+) s",
     "att lägga ut de återkommande händelserna tog över {a} s"),
    # yaml_compose.py: YAML itself (PyYAML's own words follow the colon; they name YAML's syntax)
    (r"YAML syntax: (?P<y>.+)", "{y}"),
    (r"YAML: unacceptable character #x(?P<a>[0-9a-f]+): control characters are not allowed",
     "YAML: otillåtet tecken #x{a}: styrtecken är inte tillåtna"),
    (r"YAML: unacceptable character #x(?P<a>[0-9a-f]+): (?P<b>.+)",
     "YAML: otillåtet tecken #x{a}: filen får bara innehålla tecken som går att skriva ut"),
    (r"the YAML nests deeper than (?P<a>\d+) levels; a calendar needs 6",
     "YAML-texten är nästlad djupare än {a} nivåer; en kalender behöver 6"),
    (r"YAML alias '(?P<a>[^']*)' names no anchor defined before it",
     "YAML-aliaset '{a}' hänvisar till ett ankare som inte definierats före det"),
    (r"YAML alias '(?P<a>[^']*)' refers to the collection it stands in",
     "YAML-aliaset '{a}' hänvisar till samlingen det står i"),
    (r"YAML aliases here expand to more than (?P<a>[\d,]+) values(?P<b>.*)",
     "YAML-aliasen här blir fler än {a} värden när de läggs ut"),
    (r"a calendar is one YAML document; this file has more than one \('---'\)",
     "en kalender är ett YAML-dokument; den här filen har fler än ett ('---')"),
    (r"YAML tag '(?P<a>[^']*)' is not allowed in a calendar", "YAML-taggen '{a}' är inte tillåten i en kalender"),
    (r"YAML: (?P<y>.+)", "{y}"),
    # yaml_reader.py / mapping.py: the schema
    (r"a key in a (?P<ia>[a-z ]+) must be a word, not a (?P<ka>[a-z ]+)", "en nyckel i {ia} måste vara ett ord, inte {ka}"),
    (r"duplicate key '(?P<a>[^']*)' in a (?P<ib>[a-z ]+) \(first given on line (?P<c>\d+)\)",
     "nyckeln '{a}' förekommer två gånger i {ib} (första gången på rad {c})"),
    (r"duplicate key '(?P<a>[^']*)' in the roster \(first given on line (?P<c>\d+)\)",
     "nyckeln '{a}' förekommer två gånger i roster (första gången på rad {c})"),
    (r"unknown key '(?P<a>[^']*)' in a (?P<ib>[a-z ]+); did you mean '(?P<c>[^']*)'\?",
     "okänd nyckel '{a}' i {ib}; menade du '{c}'?"),
    (r"unknown key '(?P<a>[^']*)' in a (?P<ib>[a-z ]+); expected one of (?P<c>.+)",
     "okänd nyckel '{a}' i {ib}; tillåtna är {c}"),
    (r"the (?P<ta>[a-z ]+) has no '(?P<b>[^']*)'", "{ta} saknar '{b}'"),
    (r"(?P<wa>.+) must be an? (?P<kb>mapping|list|single value), not (?P<c>'.*'|nothing)",
     "{wa} måste vara {kb}, inte {c}"),
    (r"(?P<wa>.+) must be an? (?P<kb>mapping|list|single value), not an? (?P<kc>mapping|list|single value)",
     "{wa} måste vara {kb}, inte {kc}"),
    (r"'(?P<a>[^']*)' is not a valid (?P<wb>.+): use letters, digits and '-'",
     "'{a}' duger inte som {wb}: använd bokstäver, siffror och '-'"),
    (r"'(?P<a>[^']*)' is not a valid (?P<wb>.+): ids are lowercase ASCII words joined by '-'; did you mean "
     r"'(?P<c>[^']*)'\?", "'{a}' duger inte som {wb}: id skrivs med gemena ASCII-ord förenade med '-'; "
     "menade du '{c}'?"),
    (r"'(?P<a>[^']*)' is not a valid (?P<wb>.+): ids are lowercase ASCII words joined by '-'",
     "'{a}' duger inte som {wb}: id skrivs med gemena ASCII-ord förenade med '-'"),
    (r"'(?P<a>[^']*)' is not a seat reference: write MEMBER/ROLE or ROLE in lowercase ids \(e\.g\. halmstad/kso\); "
     r"did you mean '(?P<c>[^']*)'\?", "'{a}' är ingen platsreferens: skriv MEDLEM/ROLL eller ROLL med gemena id "
     "(t.ex. halmstad/kso); menade du '{c}'?"),
    (r"'(?P<a>[^']*)' is not a seat reference: write MEMBER/ROLE or ROLE in lowercase ids \(e\.g\. halmstad/kso\)",
     "'{a}' är ingen platsreferens: skriv MEDLEM/ROLL eller ROLL med gemena id (t.ex. halmstad/kso)"),
    (r"(?P<wa>.+) '(?P<b>[^']*)' is not one of (?P<c>[a-z_ |-]+); did you mean '(?P<d>[^']*)'\?",
     "{wa} '{b}' är inte en av {c}; menade du '{d}'?"),
    (r"(?P<wa>.+) '(?P<b>[^']*)' is not one of (?P<c>[a-z_ |-]+)", "{wa} '{b}' är inte en av {c}"),
    (r"(?P<wa>.+) is empty; write an ISO date such as 2025-02-11", "{wa} är tomt; skriv ett ISO-datum som 2025-02-11"),
    (r"(?P<wa>[^']+) (?P<b>\d{4}-\d{2}-\d{2}) does not exist: (?P<rc>.+)", "{wa} {b} finns inte: {rc}"),
    (r"(?P<wa>[^']+) (?P<b>[-+]?\d+-\d{2}-\d{2}): (?P<rc>.+)", "{wa} {b}: {rc}"),
    (r"(?P<wa>.+) '(?P<b>[^']*)' is not an ISO date \(2025-02-11\) or date-time \(2025-02-11T13:00\); "
     r"write (?P<d>[\dT:-]+) \((?P<e>\d+) (?P<ma>[A-Z][a-z]+)\)",
     "{wa} '{b}' är inget ISO-datum (2025-02-11) eller datum med tid (2025-02-11T13:00); skriv {d} ({e} {ma})"),
    (r"(?P<wa>.+) '(?P<b>[^']*)' is not an ISO date \(2025-02-11\) or date-time \(2025-02-11T13:00\); "
     r"write (?P<d>[\dT:-]+)",
     "{wa} '{b}' är inget ISO-datum (2025-02-11) eller datum med tid (2025-02-11T13:00); skriv {d}"),
    (r"(?P<wa>.+) '(?P<b>[^']*)' is not an ISO date \(2025-02-11\); write (?P<d>[\d-]+) \((?P<e>\d+) (?P<ma>[A-Z][a-z]+)\)",
     "{wa} '{b}' är inget ISO-datum (2025-02-11); skriv {d} ({e} {ma})"),
    (r"(?P<wa>.+) '(?P<b>[^']*)' is not an ISO date \(2025-02-11\); write (?P<d>[\d-]+)",
     "{wa} '{b}' är inget ISO-datum (2025-02-11); skriv {d}"),
    (r"(?P<wa>.+) '(?P<b>[^']*)' is not an ISO date \(2025-02-11\) or date-time \(2025-02-11T13:00\)",
     "{wa} '{b}' är inget ISO-datum (2025-02-11) eller datum med tid (2025-02-11T13:00)"),
    (r"(?P<wa>.+) '(?P<b>[^']*)' is not an ISO date \(2025-02-11\)", "{wa} '{b}' är inget ISO-datum (2025-02-11)"),
    (r"there is no month (?P<a>\d+)", "det finns ingen månad {a}"),
    (r"(?P<ma>[A-Z][a-z]+) (?P<b>\d+) has (?P<c>\d+) days", "{ma} {b} har {c} dagar"),
    (r"the top level of a calendar must be a mapping with 'meetings:', not an? (?P<ka>[a-z ]+)",
     "en kalender måste överst vara en mappning med 'meetings:', inte {ka}"),
    (r"the top level of a mapping file must be a mapping with 'bodies:', not an? (?P<ka>[a-z ]+)",
     "en mappningsfil måste överst vara en mappning med 'bodies:', inte {ka}"),
    (r"the mapping file has no 'bodies:' \(which events belong to which body\)",
     "mappningsfilen saknar 'bodies:' (vilka händelser som hör till vilket organ)"),
    (r"a person's name in the roster is empty", "ett namn i roster är tomt"),
    (r"(?P<a>.+) stands in for '(?P<b>[^']*)', who is not a ledamot of (?P<c>.+)",
     "{a} är ersättare för '{b}', som inte är ledamot på {c}"),
    (r"the roster gives no seat for (?P<a>.+): write seat: MEMBER/ROLE",
     "roster anger ingen plats för {a}: skriv seat: MEDLEM/ROLL"),
    (r"the roster gives no seat for (?P<a>.+)", "roster anger ingen plats för {a}"),
    (r"(?P<a>.+): give either 'seat' or 'member' and 'role', not both",
     "{a}: ange antingen 'seat' eller 'member' och 'role', inte båda"),
    (r"(?P<a>.+): only an ersättare stands in 'for' a ledamot", "{a}: bara en ersättare står 'for' en ledamot"),
    (r"the roster file '(?P<a>[^']*)' must be named relative to the calendar's folder",
     "roster-filen '{a}' ska anges relativt kalenderns mapp"),
    (r"the roster file '(?P<a>[^']*)' must be a mapping with 'roster:'",
     "roster-filen '{a}' måste vara en mappning med 'roster:'"),
    (r"the roster file '(?P<a>[^']*)': (?P<rb>.+)", "roster-filen '{a}': {rb}"),
    (r"a roster file holds the roster itself, not the name of another",
     "en roster-fil innehåller själva roster, inte namnet på en annan"),
    (r"the period ends \((?P<a>[^)]*)\) before it begins \((?P<b>[^)]*)\)", "perioden slutar ({a}) innan den börjar ({b})"),
    (r"duplicate meeting id '(?P<a>[^']*)'", "mötes-id '{a}' förekommer två gånger"),
    (r"duplicate person '(?P<a>[^']*)' in the roster", "personen '{a}' står två gånger i roster"),
    (r"duplicate meeting id '(?P<a>[^']*)' \(first used on line (?P<b>\d+)\)",
     "mötes-id '{a}' förekommer två gånger (första gången på rad {b})"),
    (r"(?P<wa>.+): '(?P<b>[^']*)' is no one in the roster; (?P<rc>.+)", "{wa}: '{b}' finns inte i roster; {rc}"),
    (r"'(?P<a>[^']*)' names several; write them as a list in brackets: (?P<b>\[.*\])",
     "'{a}' anger flera; skriv dem som en lista inom hakparenteser: {b}"),
    (r"did you mean '(?P<a>[^']*)'\?", "menade du '{a}'?"),
    (r"(?P<wa>[a-z_]+|an entry in [a-z_]+|the seat of [^:']+|what [^:']+ is): (?P<rb>'.+)", "{wa}: {rb}"),
    (r"(?P<wa>.+): no one in the roster is called '(?P<b>[^']*)', and (?P<rc>.+)",
     "{wa}: ingen i roster heter '{b}', och {rc}"),
    (r"(?P<wa>.+): (?P<b>.+) holders of (?P<c>.+) is not a count (?P<d>.*)",
     "{wa}: {b} innehavare av {c} är inget antal"),
    (r"(?P<a>.+) is listed twice in (?P<wb>.+) \(first on line (?P<c>\d+)\)",
     "{a} står två gånger i {wb} (första gången på rad {c})"),
    (r"matter '(?P<a>[^']*)' appears twice in this meeting \(first on line (?P<b>\d+)\)",
     "ärendet '{a}' förekommer två gånger i sammanträdet (första gången på rad {b})"),
    (r"(?P<a>.+) voted twice \(first on line (?P<b>\d+)\)", "{a} röstade två gånger (första gången på rad {b})"),
    (r"a vote (?P<a>\w+): '(?P<b>[^']*)' is neither a person of the roster, a seat reference nor a member id",
     "en röst {a}: '{b}' är varken en person i roster, en platsreferens eller ett medlems-id"),
    (r"'(?P<a>[^']*)' is given twice in '(?P<b>[^']*)' \(first on line (?P<c>\d+)\)",
     "'{a}' anges två gånger i '{b}' (första gången på rad {c})"),
    (r"'(?P<a>[^']*)' in '(?P<b>[^']*)' maps to nothing", "'{a}' i '{b}' pekar inte på något"),
    (r"a key in '(?P<a>[^']*)' is empty", "en nyckel i '{a}' är tom"),
    # ics_reader.py: the file, its events and their fields
    (r"not an iCalendar file: it must begin with BEGIN:VCALENDAR",
     "ingen iCalendar-fil: den måste börja med BEGIN:VCALENDAR"),
    (r"not an iCalendar content line \(NAME:VALUE\): '(?P<a>.*)'", "ingen iCalendar-rad (NAMN:VÄRDE): '{a}'"),
    (r"BEGIN:VEVENT inside the event begun on line (?P<a>\d+); events do not nest",
     "BEGIN:VEVENT inuti händelsen som börjar på rad {a}; händelser kan inte ligga i varandra"),
    (r"BEGIN:(?P<a>\w+) is never closed \(END:(?P=a) missing before END:(?P<b>\w+) on line (?P<c>\d+)\)",
     "BEGIN:{a} avslutas aldrig (END:{a} saknas före END:{b} på rad {c})"),
    (r"BEGIN:(?P<a>\w+) is never closed \(END:(?P=a) missing\)", "BEGIN:{a} avslutas aldrig (END:{a} saknas)"),
    (r"END:(?P<a>\w+) without a matching BEGIN:(?P=a)", "END:{a} utan motsvarande BEGIN:{a}"),
    (r"text after END:VCALENDAR; one calendar per file", "text efter END:VCALENDAR; en kalender per fil"),
    (r"iCalendar: the events could not be matched to their lines",
     "iCalendar: händelserna kunde inte kopplas till sina rader"),
    (r"iCalendar: (?P<a>.+)", "iCalendar: {a}"),
    (r"two occurrences have the meeting id '(?P<a>[^']*)'", "två förekomster har mötes-id '{a}'"),
    (r"event (?P<a>.+) has a second (?P<b>[A-Z-]+) \(the first is on line (?P<c>\d+)\); an event has one (?P=b)",
     "händelsen {a} har en andra {b} (den första står på rad {c}); en händelse har en {b}"),
    (r"this event has no UID; every meeting needs one to be told apart",
     "händelsen saknar UID; varje sammanträde behöver ett för att kunna skiljas från de andra"),
    (r"event (?P<a>\S+) has no DTSTART", "händelsen {a} saknar DTSTART"),
    (r"event (?P<a>\S+): (?P<b>[A-Z-]+) must be one date or date-time",
     "händelsen {a}: {b} måste vara ett datum eller en tidpunkt"),
    (r"UID (?P<a>\S+) is used by two events \(first on line (?P<b>\d+)\)",
     "UID {a} används av två händelser (första gången på rad {b})"),
    (r"event (?P<a>\S+): (?P<b>[A-Z-]+) (?P<c>[-\d]+): (?P<rd>.+)", "händelsen {a}: {b} {c}: {rd}"),
    (r"event (?P<a>\S+) lasts (?P<nb>[\d,]+) days; a meeting lasts at most (?P<c>\d+) days",
     "händelsen {a} varar i {nb} dagar; ett sammanträde varar högst {c} dagar"),
    (r"event (?P<a>\S+) recurs (?P<ob>every \w+) \(FREQ=(?P<c>\w+)\); a meeting recurs at most daily",
     "händelsen {a} upprepas {ob} (FREQ={c}); ett sammanträde upprepas högst en gång om dagen"),
    (r"event (?P<a>\S+): INTERVAL=(?P<b>\S+) never advances; it must be 1 or more",
     "händelsen {a}: INTERVAL={b} kommer aldrig framåt; det måste vara 1 eller mer"),
    (r"event (?P<a>\S+) recurs more than once a day \((?P<b>\w+) lists several\); a meeting recurs at most daily",
     "händelsen {a} upprepas mer än en gång om dagen ({b} anger flera); ett sammanträde upprepas högst en gång "
     "om dagen"),
    (r"event (?P<a>\S+) cannot be expanded: (?P<b>.+)", "händelsen {a} kan inte läggas ut: {b}"),
    (r"event (?P<a>'[^']*'|UID \S+) recurs without an end; its meetings after (?P<b>\d+) are not read",
     "händelsen {a} återkommer utan slutdatum; dess sammanträden efter {b} läses inte"),
    (r"event (?P<a>'[^']*'|UID \S+) maps to no body; it is left out\. Add its summary or category under "
     r"bodies: in (?P<b>\S+)", "händelsen {a} hör inte till något organ och lämnas utanför. Lägg till dess rubrik "
     "eller kategori under bodies: i {b}"),
    (r"event (?P<a>'[^']*'|UID \S+) maps to no body; it is left out\. Add its summary or category under "
     r"bodies: \(no mapping file\)", "händelsen {a} hör inte till något organ och lämnas utanför. Lägg till dess "
     "rubrik eller kategori under bodies: i en mappningsfil"),
    # ATTENDEE and ORGANIZER as Outlook says them in Swedish: deltagare, organisatör.
    (r"attendee (?P<b>.+) holds no known seat; add them under people: in (?P<c>\S+)",
     "deltagaren {b} har ingen känd plats; lägg till personen under people: i {c}"),
    (r"organizer (?P<b>.+) holds no known seat; add them under people: in (?P<c>\S+)",
     "organisatören {b} har ingen känd plats; lägg till personen under people: i {c}"),
    (r"attendee (?P<b>.+) holds no known seat; add them in a mapping file",
     "deltagaren {b} har ingen känd plats; lägg till personen i en mappningsfil"),
    (r"organizer (?P<b>.+) holds no known seat; add them in a mapping file",
     "organisatören {b} har ingen känd plats; lägg till personen i en mappningsfil"),
    (r"DESCRIPTION line (?P<a>\d+): (?P<rb>.+)", "DESCRIPTION rad {a}: {rb}"),
    (r"'(?P<a>[^']*)' after '(?P<b>[^']*)' is no seat reference(?P<c>.*)",
     "'{a}' efter '{b}' är ingen platsreferens{c}"),
    (r"notice date '(?P<a>[^']*)' is not an ISO date such as (?P<b>\S+)",
     "kallelsedatumet '{a}' är inget ISO-datum som {b}"),
    (r"(?P<a>\w+) date '(?P<b>[^']*)' is not an ISO date such as (?P<c>\S+)", "{a}-datumet '{b}' är inget ISO-datum som {c}"),
    (r"matter '(?P<a>[^']*)' appears twice", "ärendet '{a}' förekommer två gånger"),
    (r"'(?P<a>\w+):' needs a matter id, e\.g\. '(?P<b>[^']*)'", "'{a}:' behöver ett ärende-id, t.ex. '{b}'"),
    (r"a member is listed twice in the participants of matter '(?P<a>[^']*)'",
     "en medlem står två gånger bland deltagarna i ärendet '{a}'"),
    (r"(?P<a>[A-Z-]+) (?P<b>\S+): the date does not exist \((?P<rc>.+)\)", "{a} {b}: datumet finns inte ({rc})"),
    (r"(?P<a>RRULE|EXDATE|RDATE|DTSTART|DTEND|RECURRENCE-ID|DURATION|STATUS|event): Expected frequency, got: (?P<b>.+)",
     "{a}: FREQ väntades, men var: {b}"),
    (r"(?P<a>[A-Z-]+|event): (?P<b>.+)", "{a}: {b}"),
    # check/action.py: a proposed action
    (r"an action is one meeting with one matter; this file has (?P<a>\d+) meetings",
     "en åtgärd att pröva är ett sammanträde med ett ärende; den här filen har {a} sammanträden"),
    (r"an action is one meeting with one matter; meeting '(?P<a>[^']*)' has (?P<b>\d+) matters",
     "en åtgärd att pröva är ett sammanträde med ett ärende; sammanträdet '{a}' har {b} ärenden"),
    # the whole calendar against the bylaw chosen (preflight, editor)
    (r"the calendar is for bylaw '(?P<a>[^']*)', not '(?P<b>[^']*)'; choose that collaboration",
     "kalendern gäller avtalet '{a}', inte '{b}'; välj det samarbetet"),
    (r"the calendar is for bylaw '(?P<a>[^']*)', not '(?P<b>[^']*)'", "kalendern gäller avtalet '{a}', inte '{b}'"),
    (r"the calendar names bylaw '(?P<a>[^']*)', which is not served here; choose the bylaw in the list",
     "kalendern anger avtalet '{a}', som inte finns här; välj avtalet i listan"),
    (r"the calendar names no bylaw \(a line 'bylaw: ID' at its top\); choose the bylaw in the list",
     "kalendern anger inget avtal (en rad 'bylaw: ID' överst); välj avtalet i listan"),
    (r"no body '(?P<a>[^']*)' in (?P<b>\S+); choose one of (?P<c>.+)", "inget organ '{a}' i {b}; välj ett av {c}"),
    (r"there is no mapping: import an \.ics first", "det finns ingen mappning: läs in en .ics först"),
    (r"no format '(?P<a>[^']*)': give one of (?P<b>.+)", "formatet '{a}' finns inte: välj ett av {b}"),
    (r"year (?P<a>-?\d+) is outside the years a meeting can be in \((?P<b>\d+)–(?P<c>\d+)\)",
     "året {a} ligger utanför de år ett sammanträde kan ligga i ({b}–{c})"),
]


@cache
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), t) for p, t in _RULES]


def _what(text: str) -> str | None:
    for pattern, template in _WHAT_RE:
        m = pattern.fullmatch(text)
        if m:
            return template.format(text, **m.groupdict())
    return None


def _part(name: str, value: str) -> str | None:
    kind = name[0]
    if kind == "w":
        return _what(value)
    if kind == "k":
        return _KIND.get(value)
    if kind == "t":
        return _THING.get(value)
    if kind == "i":
        return _IN_A.get(value)
    if kind == "m":
        return _MONTHS.get(value)
    if kind == "o":
        return _OFTEN.get(value)
    if kind == "n":
        return value.replace(",", " ")
    if kind == "r":
        return swedish(value)
    if kind == "y":
        return yaml_problem(value)
    if kind == "e":
        from ..os_words import swedish_reason
        return swedish_reason(value) or value
    return value


def swedish(message: str) -> str | None:
    """The Swedish for a calendar reader's English message, or None if the catalogue does not know it."""
    for pattern, template in _compiled():
        m = pattern.fullmatch(message)
        if m is None:
            continue
        parts = {}
        for name, value in m.groupdict().items():
            said = _part(name, value) if value is not None else ""
            if said is None:
                break
            parts[name] = said
        else:
            return template.format(**parts)
    return None
