"""`governance serve`: a small web site on a secretariat's own machine: the bylaws as documents, and a form
that checks a pasted calendar exactly as `governance check` does.

Starlette (routing, requests, responses) on uvicorn (governance/webserver.py): an established ASGI stack
that a municipality's IT can run behind its own proxy, with an event loop that holds a slow client for a
few kilobytes instead of a thread. `build_server` makes a bound server (port 0: any free port) that a test
can run in a thread; `create_app` the ASGI application alone. Pages are HTML with every outside string
escaped, no external resources, and work without JavaScript. The server has no authentication: it
listens on localhost unless told otherwise, and answers only to the host names it is given.

    GET  /                       the bylaws served, each with its document and the check form
    GET  /bylaw/ID?lang=en|sv    the bylaw as a document (governance.render, HTML)
    GET  /calendar[?bylaw=ID]    the calendar editor: the collaboration chosen, then its meetings as a table,
                                 edited by /static/editor.js (plain JavaScript served from the package)
    POST /calendar/ACTION        the editor's requests, JSON in and out, with the page's token in X-CSRF-Token:
                                 import (an .ics with the body chosen for each event title, or YAML), plan (a
                                 year), check (findings by meeting id, the report as HTML), export (YAML, .ics,
                                 the .ics's mapping, the import's mapping) — governance.editor does each
    GET  /check[?bylaw=ID]       the check form
    POST /check[?format=json]    the form, with its CSRF token and cookie: fields bylaw, calendar, mapping
                                 (an .ics's --mapping file; optional), as_of, year; the report: an HTML
                                 page, or the JSON of DESIGN.md (also for `Accept: application/json`)
    POST /api/check              for programs: a JSON body {bylaw, calendar, mapping, as_of, year}, or the
                                 calendar itself (application/yaml, text/calendar) with the other fields in
                                 the query; the JSON report. No token: a browser sends neither type to
                                 another site without asking first (CORS), and this server never agrees.

Every page and report is in Swedish unless `?lang=en` (a form's or JSON body's `lang` field) asks for English.

Refused, each with its status: a Host not allowed (400), a cross-site or `Origin: null` POST (403), a form
without its token (403), a body over 10 MB (413, before it is read), a body that stalls (408). Each check runs
in a worker process under a budget of CPU time and memory (governance/checkpool.py): a calendar that cannot be
read is 422 with its issues, one over a reader's limit or the budget 413, and no worker free in time 503.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
import secrets
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from functools import partial
from html import escape
from importlib.resources import files
from http import HTTPStatus
from types import MappingProxyType
from typing import TextIO
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response as StarletteResponse
from starlette.routing import Route

from .calendar.errors import CalendarError, CalendarIssue
from .calendar.model import Calendar
from .calendar.source import MAX_BYTES
from .checkpool import DEFAULT as BUDGET
from .checkpool import Budget, Checks, Overrun
from .document.html import PAGE
from .document.html import STYLE as DOCUMENT_STYLE
from .lang import DEFAULT_LANG, LANGS, Lang, Text
from .limits import DEFAULT, EXCEEDED, Limits, year_problem
from .report.render_html import PRINT_STYLE
from .model.types import Bylaw
from .webserver import HEAD_TIMEOUT, MAX_CONNECTIONS, Server

# A form larger than the calendar reader's own limit cannot hold a calendar it would read.
MAX_BODY = MAX_BYTES
FORM_TYPE = "application/x-www-form-urlencoded"
RAW_TYPES = {"application/yaml": "calendar.yaml", "application/x-yaml": "calendar.yaml",
             "text/yaml": "calendar.yaml", "text/calendar": "calendar.ics"}
BODY_IDLE = 5.0    # seconds a request body may pause before it is answered 408
BODY_TOTAL = 60.0  # seconds for a whole body: 10 MB at a slow 1.4 Mbit/s
CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER = "governance-csrf", "csrf", "x-csrf-token"
EDITOR_ACTIONS = ("import", "plan", "check", "export")
LOOPBACK = ("127.0.0.1", "localhost", "::1")

STYLE = DOCUMENT_STYLE + """\
body { font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
select, input, button { font: inherit; max-width: 100%; box-sizing: border-box; }
/* On paper: the report alone, headed by what was checked against what, when; no links, no form. */
@media print {
  nav, form, .again, script { display: none !important; }
  body { font-size: 10.5pt; }
  .verdict, .finding { break-inside: avoid; }
  h2 { break-after: avoid; }
}
nav { font-family: system-ui, sans-serif; font-size: .9rem; margin-bottom: 1rem; }
form p { margin: .6rem 0; }
label { font-family: system-ui, sans-serif; font-weight: 600; }
textarea { width: 100%; box-sizing: border-box; font: 13px/1.4 ui-monospace, monospace; }
.bylaws li { margin-bottom: .8rem; }
.verdict { font-family: system-ui, sans-serif; font-weight: 600; padding: .5rem .8rem; border-radius: 4px; }
.verdict.compliant { background: #e4f4e4; border-left: 4px solid #2e7d32; }
.verdict.nothing-checked { background: #eeeeee; border-left: 4px solid #616161; }
.verdict.not-compliant, .problems { background: #fbe9e7; border-left: 4px solid #c62828; }
.problems { padding: .5rem .8rem .5rem 2rem; font-family: ui-monospace, monospace; font-size: .9rem; }
.findings { list-style: none; padding-left: 0; }
.finding { margin: .8rem 0; }
.severity { font-family: system-ui, sans-serif; font-weight: 700; }
.error .severity { color: #c62828; }
.warning .severity { color: #a05a00; }
.rule { font-family: ui-monospace, monospace; }
.at, .citation, .assumed { margin-left: 1.5rem; font-size: .92rem; }
.at, .cited-at { font-family: ui-monospace, monospace; color: #444; }
.assumed { color: #555; font-style: italic; }
.report-head { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
.report-head dt { font-family: system-ui, sans-serif; font-weight: 600; }
.report-head dd { margin: 0; }
/* The calendar editor: a table as wide as the window, its results beside each meeting. */
body:has(#editor) { max-width: 96rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.table-wrap { overflow-x: auto; }
#meetings { width: 100%; font-family: system-ui, sans-serif; font-size: .9rem; }
#meetings td { vertical-align: top; }
#meetings tr.has-error td { background: #fdf1ef; }
#meetings tr.has-warning td { background: #fff8e6; }
#meetings td.results { min-width: 16rem; }
#meetings select.body { max-width: 9rem; }
#meetings select.chair { max-width: 11rem; }
#meetings td.matters-cell { min-width: 18rem; }
.table-wrap, #editor { position: relative; }
#meetings button.remove { margin-top: .3rem; }
#meetings .findings { margin: 0; }
#meetings .finding { margin: 0 0 .4rem; }
#meetings .none { color: #2e7d32; }
#meetings .fix { margin-top: .2rem; color: #333; }
#meetings .empty { color: #555; font-style: italic; }
.present fieldset { border: 0; margin: .3rem 0 0; padding: 0; }
.present summary { cursor: pointer; white-space: nowrap; }
.seat { display: flex; gap: .3rem; align-items: flex-start; }
#meetings td.present-cell { width: 12rem; }
.matter { display: flex; flex-wrap: wrap; gap: .2rem; margin-bottom: .3rem; }
button.small { font-size: .8rem; }
.tools p { margin: .4rem 0; }
table.titles { font-family: system-ui, sans-serif; font-size: .9rem; }
table.titles caption { text-align: left; font-weight: 600; margin-bottom: .3rem; }
#status { font-family: system-ui, sans-serif; white-space: pre-wrap; }
#status.problems { font-family: ui-monospace, monospace; }
@media print { #editor .tools, #editor .actions, #editor #add, #meetings button { display: none; } }
""" + PRINT_STYLE

# Progressive enhancement: without script the textarea alone works; with it, a file input (hidden until
# then) reads the chosen file into the textarea. Its hash lets the page's CSP allow this script alone.
SCRIPT = """
(function () {
  var choice = document.getElementById("file-choice");
  var file = document.getElementById("file");
  var text = document.getElementById("calendar");
  var mapping = document.getElementById("mapping");
  // The pasted calendar is kept for the tab when the page is left (the language switch) and put back into
  // an empty form; a report's form holds its calendar already.
  try {
    if (text && !text.value) {
      var kept = JSON.parse(window.sessionStorage.getItem("governance-check") || "null");
      if (kept) { text.value = kept.calendar || ""; if (mapping && !mapping.value) { mapping.value = kept.mapping || ""; } }
    }
    window.addEventListener("pagehide", function () {
      if (text && text.value) {
        window.sessionStorage.setItem("governance-check", JSON.stringify({calendar: text.value,
          mapping: mapping ? mapping.value : ""}));
      }
    });
  } catch (e) { /* no storage: nothing is kept */ }
  if (!choice || !file || !text || !window.FileReader) { return; }
  choice.hidden = false;
  file.addEventListener("change", function () {
    if (!file.files.length) { return; }
    var reader = new FileReader();
    reader.onload = function () { text.value = reader.result; };
    reader.readAsText(file.files[0], "utf-8");
  });
})();
"""
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
# No answer may be shown inside another site's frame (frame-ancestors; X-Frame-Options for older browsers).
CSP_DOCUMENT = ("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
                "frame-ancestors 'none'")
CSP_PAGE = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# The calendar editor: its script is a file of this server's ('self'), and it talks to this server alone.
CSP_EDITOR = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'self' 'sha256-{_SCRIPT_HASH}'; "
              "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
CSP_DATA = "default-src 'none'; frame-ancestors 'none'; sandbox"
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # Not no-referrer: under it a browser sends its own form's POST with `Origin: null`, the very mark of a
    # request from an opaque (sandboxed, file:, data:) origin that Guard refuses.
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cache-control", b"no-store"),
)
JSON_TYPE = "application/json; charset=utf-8"


# The page's own words; the report's are report/render_text.py's, the findings' the check's.
WORDS: dict[str, dict[str, str]] = {
    "sv": {"bylaws": "Avtal", "check": "Kontrollera en kalender", "all": "Alla avtal", "other": "English",
           "intro": "Läs ett avtal som dokument, eller kontrollera en mötes­kalender mot det: varje iakttagelse "
                    "hänvisar till avtalets mening.",
           "document": "Dokument", "unreadable": "Kalendern kan inte läsas",
           "nothing": "Ingenting kontrollerades. Varje problem, med sin rad:",
           "checked": "Kontrollerad mot", "left out": "Utanför kontrollen", "again": "Kontrollera en annan kalender",
           "compliant": "Följer avtalet", "not compliant": "Följer inte avtalet", "nothing checked": "Inget granskat",
           "judged": "Bedömd per {day}", "judged year": "Bedömd per {day}, endast år {year}",
           "own": "kalenderns eget (dess rad bylaw:)", "superseded": "ersatt av {id}",
           "bylaw": "Avtal", "calendar": "Kalender", "calendar help": "YAML, eller en export från Outlook (.ics), "
           "inklistrad här", "file": "eller läst från en fil:", "mapping": "Mappning",
           "mapping help": "(bara för .ics, frivillig): vilken händelse som är vilket organ och vem som har vilken "
                           "plats, som i en fil <code>-mapping.yaml</code> bredvid exporten (<code>governance check "
                           "--mapping</code>)",
           "as of": "Per dag", "as of help": "(tomt: i dag; ofullständiga år bedöms per denna dag)",
           "year": "År", "year help": "(tomt: varje år i kalendern)", "submit": "Kontrollera",
           "mapping field": "fältet Mappning"},
    "en": {"bylaws": "Bylaws", "check": "Check a calendar", "all": "All bylaws", "other": "svenska",
           "intro": "Read an agreement as a document, or check a meeting calendar against it: every finding cites "
                    "the agreement's sentence.",
           "document": "Document", "unreadable": "The calendar cannot be read",
           "nothing": "Nothing was checked. Each problem, with its line:",
           "checked": "Checked against", "left out": "Left out of the check", "again": "Check another calendar",
           "compliant": "Compliant", "not compliant": "Not compliant", "nothing checked": "Nothing checked",
           "judged": "Judged as of {day}.", "judged year": "Judged as of {day}, year {year} only.",
           "own": "the calendar's own (its bylaw: line)", "superseded": "superseded by {id}",
           "bylaw": "Bylaw", "calendar": "Calendar", "calendar help": "YAML, or an iCalendar (.ics) export, pasted "
           "here", "file": "or read from a file:", "mapping": "Mapping",
           "mapping help": "(an .ics only, optional): which event is which body and who holds which seat, as in "
                           "a <code>-mapping.yaml</code> file beside the export (<code>governance check "
                           "--mapping</code>)",
           "as of": "As of", "as of help": "(empty: today; partial years are judged as of this day)",
           "year": "Year", "year help": "(empty: every year in the calendar)", "submit": "Check",
           "mapping field": "the mapping field"},
}
WORDS["sv"].update({
    "editor": "Mötesplanering", "editor intro": "Välj samverkan och bygg årets möten i en tabell: läs in en export "
    "från Outlook eller en YAML-fil, eller planera nästa år, ändra, kontrollera och exportera.",
    "choose": "Välj samverkan", "open": "Öppna",
    "noscript": "Tabellen behöver JavaScript. Utan det går det att", "noscript link": "kontrollera en kalender som text",
    "get": "Hämta en kalender", "import file": "Kalenderfil (.ics från Outlook, eller YAML)",
    "import mapping": "Mappningsfil (frivillig, för .ics)", "import": "Läs in",
    "plan year": "År", "plan july": "även i juli", "plan": "Planera året", "plan time": "klockan",
    "plan length": "mötenas längd i minuter (också i .ics)", "meetings": "Möten",
    "when": "Datum och tid", "body": "Organ", "chair": "Ordförande", "present": "Närvarande",
    "matters": "Ärenden", "results": "Iakttagelser", "add": "Lägg till möte", "check it": "Kontrollera",
    "export yaml": "Exportera YAML", "export ics": "Exportera .ics", "export mapping": "Spara mappningen",
    "as report": "Visa som rapport", "summary": "Sammanfattning", "files": "Filer", "table": "tabellen på sidan", "date format": "ÅÅÅÅ-MM-DD"})
WORDS["en"].update({
    "editor": "Meeting planner", "editor intro": "Choose a collaboration and build the year's meetings in a table: "
    "import an Outlook export or a YAML file, or plan next year, then edit, check and export.",
    "choose": "Choose a collaboration", "open": "Open",
    "noscript": "The table needs JavaScript. Without it you can", "noscript link": "check a calendar as text",
    "get": "Get a calendar", "import file": "Calendar file (.ics from Outlook, or YAML)",
    "import mapping": "Mapping file (optional, for .ics)", "import": "Import",
    "plan year": "Year", "plan july": "July too", "plan": "Plan the year", "plan time": "at",
    "plan length": "meetings' length in minutes (in the .ics too)", "meetings": "Meetings",
    "when": "Date and time", "body": "Body", "chair": "Chair", "present": "Present",
    "matters": "Matters", "results": "Findings", "add": "Add a meeting", "check it": "Check",
    "export yaml": "Export YAML", "export ics": "Export .ics", "export mapping": "Save the mapping",
    "as report": "Show as a report", "summary": "Summary", "files": "Files", "table": "the page's table", "date format": "YYYY-MM-DD"})
# The editor's script's own words (governance/data/editor.js), given to it in the page.
EDITOR_WORDS: dict[str, dict[str, str]] = {
    "sv": {"date": "Datum", "time": "Tid", "none": "—", "no body": "inget organ (lämnas utanför)",
           "of": "av", "present": "närvarande", "matter id": "Ärende", "matter title": "Rubrik",
           "action": "Åtgärd", "outcome": "Utfall", "add matter": "Lägg till ärende", "remove": "Ta bort",
           "remove meeting": "Ta bort mötet", "title": "Händelsens rubrik", "events": "händelser", "event": "händelse",
           "recurring": "återkommande", "is body": "Är organet", "titles": "Vilket organ är varje händelse?",
           "left out": "Utanför kontrollen", "working": "Arbetar …", "imported": "Inläst: {n} möten.", "imported 1": "Inläst: 1 möte.",
           "planned": "Planerat: {n} möten.", "planned 1": "Planerat: 1 möte.", "checked": "Kontrollerat.", "exported": "Exporterat: {file}.",
           "download": "Ladda ned {file}", "failed": "Det gick inte", "no findings": "inga iakttagelser",
           "not checked": "ej kontrollerat", "changed": "Ändrat sedan kontrollen: kontrollera igen.",
           "choose file": "Välj en fil först.", "error": "fel", "warning": "varning",
           "prepare": "bereda", "propose": "föreslå", "decide": "besluta", "inform": "informera",
           "consensus": "enighet", "objection": "invändning", "majority": "majoritet",
           "more": "Kallelse och protokoll", "status": "Status", "status held": "hållet", "status planned": "planerat",
           "status cancelled": "inställt", "notice": "Kallelse skickad", "convener": "Kallat av", "justering": "Justerat",
           "justerare": "Justerare", "anslag": "Anslaget", "kept": "Tabellen från förra gången: {n} möten.",
           "kept 1": "Tabellen från förra gången: 1 möte.",
           "meeting": "Möte", "fix": "Åtgärd", "body": "Organ", "chair": "Ordförande", "empty": "Inga möten ännu: läs in en kalender, planera året eller lägg till ett möte."},
    "en": {"date": "Date", "time": "Time", "none": "—", "no body": "no body (left out)",
           "of": "of", "present": "present", "matter id": "Matter", "matter title": "Title",
           "action": "Action", "outcome": "Outcome", "add matter": "Add a matter", "remove": "Remove",
           "remove meeting": "Remove the meeting", "title": "Event title", "events": "events", "event": "event",
           "recurring": "recurring", "is body": "Is the body", "titles": "Which body is each event?",
           "left out": "Left out of the check", "working": "Working …", "imported": "Imported: {n} meetings.", "imported 1": "Imported: 1 meeting.",
           "planned": "Planned: {n} meetings.", "planned 1": "Planned: 1 meeting.", "checked": "Checked.", "exported": "Exported: {file}.",
           "download": "Download {file}", "failed": "That did not work", "no findings": "no findings",
           "not checked": "not checked", "changed": "Changed since the check: check again.",
           "choose file": "Choose a file first.", "error": "error", "warning": "warning",
           "prepare": "prepare", "propose": "propose", "decide": "decide", "inform": "inform",
           "consensus": "consensus", "objection": "objection", "majority": "majority",
           "more": "Notice and minutes", "status": "Status", "status held": "held", "status planned": "planned",
           "status cancelled": "cancelled", "notice": "Notice sent", "convener": "Convened by", "justering": "Minutes approved",
           "justerare": "Approved by", "anslag": "Posted", "kept": "The table as you left it: {n} meetings.",
           "kept 1": "The table as you left it: 1 meeting.",
           "meeting": "Meeting", "fix": "Fix", "body": "Body", "chair": "Chair", "empty": "No meetings yet: import a calendar, plan the year or add a meeting."},
}
WORDS["sv"]["judged"] += "."
WORDS["sv"]["judged year"] += "."


@dataclass(frozen=True, slots=True)
class Ask:
    """What every page of one request needs: the form's CSRF token and the page's language."""

    token: str
    lang: Lang = DEFAULT_LANG
    here: str = "/"  # this page's address without its lang, for the link to the other language

    @property
    def words(self) -> dict[str, str]:
        return WORDS[self.lang]


@dataclass(frozen=True, slots=True)
class Served:
    """A bylaw the server offers, with the other versions of its agreement as `governance check` finds
    them (commands.common.versions_or_warn), so that the page judges the same `term` findings."""

    bylaw: Bylaw
    versions: tuple[Bylaw, ...] = ()


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: str
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()


class BadRequest(Exception):
    """The request cannot be answered as asked: its status, one line (in Swedish and English, or already in
    the page's language), the calendar's issues (as JSON) and headers the answer needs (Allow)."""

    def __init__(self, status: int, message: str | Text, *, issues: tuple[dict, ...] = (),
                 headers: tuple[tuple[str, str], ...] = ()):
        self.said = message if isinstance(message, Text) else Text(message, message)
        super().__init__(self.said.en)
        self.status, self.issues, self.headers = status, issues, headers

    @property
    def message(self) -> str:
        return self.said.en

    def __reduce__(self):  # raised in a check worker, raised again in the server (checkpool)
        return _bad_request, (self.status, self.said, self.issues, self.headers)


def _bad_request(status: int, message: Text, issues: tuple[dict, ...], headers: tuple[tuple[str, str], ...]):
    return BadRequest(status, message, issues=issues, headers=headers)


def _nothing_here(path: str) -> BadRequest:
    return BadRequest(404, Text(f"Här finns ingenting: {path}", f"Nothing here: {path}"))


def _no_bylaw(chosen: str, served: Iterable[str], status: int = 400) -> BadRequest:
    ids = ", ".join(served)
    return BadRequest(status, Text(f"Avtalet '{chosen}' finns inte här; välj ett av {ids}.",
                                   f"No bylaw '{chosen}' is served here; choose one of {ids}."))


_NO_TOKEN = Text("Formuläret saknar giltig säkerhetskod (det kan vara från innan servern startades om): ladda om sidan "
                 "och skicka därifrån.", "The form has no valid token (it may be from before the server was "
                 "restarted): load the page again and send it from there.")
_NO_TOKEN_API = Text(_NO_TOKEN.sv.replace("Formuläret", "Begäran"),
                     "The request has no valid token (it may be from before the server was restarted): load the "
                     "page again and send it from there.")

# The status line's words on an error page (HTTPStatus's phrases are the English).
STATUS_SV = {400: "Felaktig begäran", 403: "Inte tillåtet", 404: "Sidan finns inte", 405: "Inte tillåtet här",
             408: "Begäran tog för lång tid", 413: "För stort", 415: "Fel sorts innehåll",
             422: "Kalendern kan inte läsas", 500: "Internt fel", 503: "Servern är upptagen"}


def build_server(served: Iterable[Served], host: str = "127.0.0.1", port: int = 8000, *,
                 log: TextIO | None = None, allowed_hosts: Iterable[str] = (),
                 head_timeout: float = HEAD_TIMEOUT, max_connections: int = MAX_CONNECTIONS,
                 body_idle: float = BODY_IDLE, workers: int = 1, budget: Budget = BUDGET) -> Server:
    """A server for these bylaws, bound and listening on host:port (0: a free port; `server.url` says
    which). Run it with `serve_forever()`; stop it with `shutdown()` from another thread, then
    `server_close()`. Requests and unexpected errors are logged to `log` (default stderr).
    `allowed_hosts`: the names it answers to besides the address it listens on (localhost's names when that
    is a loopback address). `workers`: processes serving it (webserver.Server). `budget`: what one check may
    cost (checkpool.Budget). Raises ValueError for no bylaw or two with one id, OSError when the address
    cannot be had."""
    hosts = {host.strip("[]").lower(), *(h.lower() for h in allowed_hosts)}
    if hosts & set(LOOPBACK):
        hosts |= set(LOOPBACK)
    app = create_app(served, allowed_hosts=hosts, log=log, body_idle=body_idle, budget=budget)
    return Server(app, host, port, head_timeout=head_timeout, max_connections=max_connections, workers=workers)


def create_app(served: Iterable[Served], *, allowed_hosts: Iterable[str] = LOOPBACK, log: TextIO | None = None,
               body_idle: float = BODY_IDLE, budget: Budget = BUDGET) -> Guard:
    """The ASGI application: Starlette's routes inside `Guard` (hosts, origins, security headers, log); its
    checks run in worker processes under `budget`, started on the first check; `close()` stops them."""
    by_id: dict[str, Served] = {}
    for entry in served:
        if entry.bylaw.id in by_id:
            raise ValueError(f"two bylaws have the id '{entry.bylaw.id}'")
        by_id[entry.bylaw.id] = entry
    if not by_id:
        raise ValueError("no bylaw to serve")
    site = Site(MappingProxyType(by_id), sys.stderr if log is None else log, body_idle, budget)
    routes = [Route("/", site.index, methods=["GET"]),
              Route("/check", site.check, methods=["GET", "POST"]),
              Route("/api/check", site.api_check, methods=["POST"]),
              Route("/bylaw/{bylaw_id:str}", site.document, methods=["GET"]),
              Route("/calendar", site.calendar, methods=["GET"]),
              Route("/calendar/{action:str}", site.calendar_api, methods=["POST"]),
              Route("/static/editor.js", site.editor_script, methods=["GET"])]
    app = Starlette(routes=routes, exception_handlers={HTTPException: site.http_error})
    app.router.redirect_slashes = False  # one address per page: /check/ is not /check
    return Guard(app, frozenset(allowed_hosts), site.log_line, site.checks)


def check_text(served: Served | Callable[[Calendar], Served], text: str, *, mapping: str = "",
               as_of: date | None = None, year: int | None = None, lang: Lang = DEFAULT_LANG,
               limits: Limits = DEFAULT):
    """`governance check` on a calendar's text, as the command reads a file named `calendar.yaml`
    (`calendar.ics` when it starts with BEGIN:VCALENDAR): the same decoding, readers and limits, in memory.
    `mapping`: the text of an .ics calendar's mapping file (`--mapping`), if any, named `mapping.yaml`.
    Checked with the command's as-of, year, versions and language; read under `limits`. `served` may be a function that picks the bylaw
    once the calendar is read (by its `bylaw:`). Returns (report, calendar); raises CalendarError with every
    issue when the calendar cannot be read or no bylaw can be picked for it."""
    from .calendar import parse_calendar
    from .calendar.ics_reader import parse_ics
    from .calendar.mapping import parse_mapping
    from .calendar.source import decode_text, is_ics
    from .check import check_calendar
    from .calendar.preflight import other_bylaw

    ics = is_ics(text)
    name = "calendar.ics" if ics else "calendar.yaml"
    # In the order calendar.read takes them: a YAML calendar refuses any mapping unread; an .ics reads its
    # mapping before itself.
    table = None
    if mapping.strip():
        if not ics:
            raise CalendarError([CalendarIssue("mapping.yaml", 1, 0, "a mapping file is only used with .ics calendars")])
        table = parse_mapping(decode_text(mapping, "mapping.yaml", "mapping file"), "mapping.yaml")
    source = decode_text(text, name)
    if ics:  # a meeting that recurs without end is read through the year the check reaches
        through = year or (as_of or date.today()).year
        calendar = parse_ics(source, name, table, limits=limits, through=through)
    else:
        calendar = parse_calendar(source, name, limits)
    if not isinstance(served, Served):
        served = served(calendar)
    mismatch = other_bylaw(calendar, served.bylaw.id)
    if mismatch:
        key = re.search(r"(?m)^bylaw\s*:", text)
        raise CalendarError([CalendarIssue(name, text.count("\n", 0, key.start()) + 1 if key else 1, 0, mismatch)])
    report = check_calendar(served.bylaw, calendar, as_of=as_of, year=year, versions=served.versions, lang=lang)
    return report, calendar


class Guard:
    """ASGI middleware before every route: answers only to the allowed host names (no DNS rebinding), refuses
    a POST that a browser sends from another site or from an opaque origin (`Origin: null`), adds the
    security headers to every answer, and logs each request in one line."""

    def __init__(self, app, hosts: frozenset[str], log_line, checks: Checks | None = None):
        self.app, self.hosts, self.log_line, self.checks = app, hosts, log_line, checks

    def start(self) -> None:
        """Starts this process's check workers (webserver.Server calls it before it serves)."""
        if self.checks is not None:
            self.checks.start()

    def close(self) -> None:
        """Stops this process's check workers (webserver.Server calls it when it stops serving)."""
        if self.checks is not None:
            self.checks.close()

    def pool_pids(self) -> list[int]:
        """This process's check workers (for tests and measurements)."""
        return self.checks.pids() if self.checks is not None else []

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        status = 0

        async def secured(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", ()))
                names = {name for name, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP_DATA.encode()))
                message = {**message, "headers": headers}
            await send(message)

        refusal = self.refusal(scope)
        if refusal is None:
            await self.app(scope, receive, secured)
        else:
            code, text = refusal
            await StarletteResponse(text + "\n", code, media_type="text/plain; charset=utf-8")(scope, receive, secured)
        client = scope.get("client") or ("-", 0)
        query = scope.get("query_string", b"")
        self.log_line(f'{client[0]} "{scope["method"]} {scope["path"]}{"?" * bool(query)}'
                      f'{query.decode("latin-1")}" {status}')

    def refusal(self, scope) -> tuple[int, str] | None:
        headers: dict[bytes, bytes] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name, value)
        host = headers.get(b"host", b"").decode("latin-1")
        # Said before the request is read any further: in the language its query asks for (Swedish by default).
        en = b"lang=en" in scope.get("query_string", b"").split(b"&")
        if _host_name(host) not in self.hosts:
            hosts = ", ".join(sorted(self.hosts))
            return 400, (f"This server does not answer to the host '{host}'. It answers to {hosts} "
                         "(governance serve --allow-host NAME adds one)." if en else
                         f"Den här servern svarar inte på adressen '{host}'. Den svarar på {hosts} "
                         "(governance serve --allow-host NAMN lägger till en).")
        if scope["method"] in ("GET", "HEAD"):
            return None
        own_form = "use this server's own form." if en else "använd den här serverns eget formulär."
        # A browser says where a request comes from; a program that says nothing is not a browser.
        fetched = headers.get(b"sec-fetch-site", b"").decode("latin-1")
        if fetched in ("cross-site", "same-site"):
            return 403, (f"A request from another site ({fetched}) is refused: " if en else
                         f"En begäran från en annan webbplats ({fetched}) tas inte emot: ") + own_form
        origin = headers.get(b"origin")
        if origin is not None:
            origin_text = origin.decode("latin-1")
            if origin_text.strip().lower() == "null":
                return 403, ("A request from an opaque origin (Origin: null) is refused: " if en else
                             "En begäran utan känt ursprung (Origin: null) tas inte emot: ") + own_form
            parts = urlsplit(origin_text)
            if parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
                return 403, (f"A request from {origin_text} is refused: " if en else
                             f"En begäran från {origin_text} tas inte emot: ") + own_form
        return None


def _host_name(host: str) -> str:
    """The name in a Host header, without its port: `[::1]:8000` -> `::1`, `Localhost.:80` -> `localhost`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.index("]")] if "]" in host else ""
    if host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


class Site:
    """The routes' endpoints, over the bylaws served. `secret` signs the CSRF tokens of this run."""

    def __init__(self, served: Mapping[str, Served], log: TextIO, body_idle: float, budget: Budget = BUDGET):
        self.served, self.log, self.body_idle, self.budget = served, log, body_idle, budget
        # The readers' own bound on time says which line was too much work, before the budget stops the worker.
        self.limits = Limits(seconds=budget.cpu_seconds)
        self.secret = secrets.token_bytes(32)
        self.checks = Checks(partial(_site_checks, dict(served), budget), budget)

    def log_line(self, line: str) -> None:
        # Control characters from a request shown as escapes: nothing a client sends moves the cursor on
        # the secretariat's terminal.
        self.log.write(line.translate(_CONTROL) + "\n")
        self.log.flush()

    # ---- endpoints ----------------------------------------------------------------------------------
    async def index(self, request: Request) -> StarletteResponse:
        return await self._answer(request, lambda ask: self._page(ask.words["bylaws"], _index(self.served, ask), ask))

    async def document(self, request: Request) -> StarletteResponse:
        def page(ask: Ask) -> Response:
            served = self.served.get(request.path_params["bylaw_id"])
            if served is None:
                raise _nothing_here(request.url.path)
            return self._document(served.bylaw, request.query_params.get("lang", DEFAULT_LANG))
        return await self._answer(request, page)

    async def check(self, request: Request) -> StarletteResponse:
        if request.method == "POST":
            return await self._answer(request, None)
        chosen = request.query_params.get("bylaw", "")
        return await self._answer(request, lambda ask: self._page(
            ask.words["check"], f"<h1>{ask.words['check']}</h1>\n" + _form(self.served, ask, chosen=chosen), ask))

    async def api_check(self, request: Request) -> StarletteResponse:
        return await self._answer(request, None, api=True)

    async def calendar(self, request: Request) -> StarletteResponse:
        """The calendar editor for the collaboration chosen (`?bylaw=ID`), or the choice of one."""
        chosen = request.query_params.get("bylaw", "")

        def page(ask: Ask) -> Response:
            if not chosen:
                return self._page(ask.words["editor"], _picker(self.served, ask), ask)
            served = self.served.get(chosen)
            if served is None:
                raise _no_bylaw(chosen, self.served, 404)
            return self._editor(served, ask)
        return await self._answer(request, page)

    async def calendar_api(self, request: Request) -> StarletteResponse:
        """The editor's requests (import, plan, check, export): JSON in and out, with the page's token."""
        action = request.path_params["action"]
        if action not in EDITOR_ACTIONS:
            return await self._answer(request, lambda ask: _raise(_nothing_here(request.url.path)),
                                      api=True)
        return await self._answer(request, None, action=action)

    async def editor_script(self, request: Request) -> StarletteResponse:
        return await self._answer(request, lambda ask: Response(200, EDITOR_SCRIPT, "text/javascript; charset=utf-8"))

    async def http_error(self, request: Request, exc: HTTPException) -> StarletteResponse:
        """Starlette's own refusals (no such path, a method not allowed) as this site's pages."""
        headers: tuple[tuple[str, str], ...] = ()
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "")
            order = [m for m in ("GET", "HEAD", "POST") if m in allowed.split(", ")]
            headers = (("Allow", ", ".join(order)),)
            problem = BadRequest(405, Text(f"{request.method} går inte här; använd {' eller '.join(order)}.",
                                           f"{request.method} is not allowed here; use {' or '.join(order)}."),
                                 headers=headers)
        elif exc.status_code == 404:
            problem = _nothing_here(request.url.path)
        else:
            problem = BadRequest(exc.status_code, str(exc.detail))
        return self._respond(request, self._problem(problem, _wants_json(request), Ask("", _lang(request))), None)

    # ---- answering ----------------------------------------------------------------------------------
    async def _answer(self, request: Request, make, *, api: bool = False, action: str | None = None) -> StarletteResponse:
        """The answer to a request, never a traceback: `make(ask)` builds a page (GET), None a check, or with
        `action` the editor's request of that name."""
        if api or action is not None:  # a program's request, answered in JSON: no form, token or language link
            wants_json, cookie = True, None
            ask = Ask("", _lang(request))
        else:
            token, cookie = self._token(request)
            ask = Ask(token, _lang(request), _here(request))
            wants_json = _wants_json(request)
        try:
            if make is not None:
                response = make(ask)
            else:
                body = await self._body(request)
                if action is not None:
                    fields = self._editor_fields(request, body)
                else:
                    fields = self._api_fields(request, body) if api else self._form_fields(request, body)
                lang = fields.get("lang")
                ask = Ask(ask.token, _lang(request, lang if isinstance(lang, str) else None), "/check")
                # The check, or the editor's action, in a worker process under the budget (checkpool).
                response = await self.checks.run((action, fields, wants_json, ask))
        except BadRequest as exc:
            response = self._problem(exc, wants_json, ask)
        except Overrun as exc:
            response = self._problem(BadRequest(exc.status, exc.say(ask.lang), headers=exc.headers), wants_json, ask)
        except ClientDisconnect:
            response = Response(400, "", "text/plain; charset=utf-8")  # nobody is left to read it
        except Exception as exc:  # a bug: one line in the log and on the page, never a traceback
            self.log_line(f"governance: internal error: {type(exc).__name__}: {exc} "
                          f"({request.method} {request.url.path})")
            response = self._problem(BadRequest(500, Text(
                "Internt fel: servern kunde inte svara; dess logg säger varför.",
                "Internal error: the server could not answer; its log says why.")), wants_json, ask)
        return self._respond(request, response, cookie)

    def _respond(self, request: Request, response: Response, cookie: str | None) -> StarletteResponse:
        headers = dict(response.headers)
        # "replace": a lone surrogate that a JSON body gave (\ud800) and an answer says back is no 500
        answer = StarletteResponse(response.body.encode("utf-8", "replace"), response.status, headers,
                                   media_type=response.content_type)
        if response.status == 413:
            answer.headers["Connection"] = "close"  # the body is still unread: this connection cannot carry another
        if cookie is not None and response.content_type.startswith("text/html"):  # a page, with a form
            answer.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")
        return answer

    def _token(self, request: Request) -> tuple[str, str | None]:
        """The form's CSRF token for this browser, and the cookie to set when it has none yet: the cookie
        holds a random nonce, the form its signature, so a token cannot be made without this run's secret."""
        nonce = request.cookies.get(CSRF_COOKIE, "")
        fresh = None
        if not re.fullmatch(r"[A-Za-z0-9_-]{40,64}", nonce):
            nonce = fresh = secrets.token_urlsafe(32)
        return self._sign(nonce), fresh

    def _sign(self, nonce: str) -> str:
        return hmac.new(self.secret, nonce.encode("ascii"), hashlib.sha256).hexdigest()

    async def _body(self, request: Request) -> bytes:
        """The request's body, refused before a byte is read when it says it is too long (413), when it
        grows past the limit (413), or when it pauses for `body_idle` seconds or takes BODY_TOTAL (408)."""
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise BadRequest(400, Text("Content-Length är inget tal.", "Content-Length is not a number."))
            if int(declared) > MAX_BODY:
                raise BadRequest(413, Text(f"Formuläret är {_mb(int(declared), ',')} MB; gränsen är "
                                           f"{_mb(MAX_BODY, ',')} MB.",
                                           f"The form is {_mb(int(declared))} MB; the limit is {_mb(MAX_BODY)} MB."))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + BODY_TOTAL
        chunks, size = [], 0
        stream = request.stream().__aiter__()
        try:
            # One timer for the body, moved on at each chunk: asyncio.wait_for (3.11) made a task for each
            # chunk, nearly half of what the app itself spent on an /api/check.
            async with asyncio.timeout(None) as timer:
                while True:
                    timer.reschedule(min(loop.time() + self.body_idle, deadline))
                    try:
                        chunk = await stream.__anext__()
                    except StopAsyncIteration:
                        break
                    size += len(chunk)
                    if size > MAX_BODY:
                        raise BadRequest(413, Text(f"Formuläret är över {_mb(MAX_BODY, ',')} MB; gränsen är "
                                                   f"{_mb(MAX_BODY, ',')} MB.",
                                                   f"The form is over {_mb(MAX_BODY)} MB; the limit is {_mb(MAX_BODY)} MB."))
                    chunks.append(chunk)
        except TimeoutError:
            raise BadRequest(408, Text("Formulärets innehåll slutade komma fram; skicka det igen.",
                                       "The request's body stopped arriving; send it again.")) from None
        return b"".join(chunks)

    def _form_fields(self, request: Request, body: bytes) -> dict[str, str]:
        content_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
        if content_type != FORM_TYPE:
            raise BadRequest(415, Text(f"Skicka formuläret som {FORM_TYPE}, inte {content_type or 'utan typ'}.",
                                       f"Send the form as {FORM_TYPE}, not {content_type or 'nothing'}."))
        try:
            fields = _fields(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise BadRequest(400, Text("Formuläret är inte UTF-8.", "The form is not UTF-8.")) from None
        nonce = request.cookies.get(CSRF_COOKIE, "")
        if not (nonce and hmac.compare_digest(fields.get(CSRF_FIELD, ""), self._sign(nonce))):
            raise BadRequest(403, _NO_TOKEN)
        return fields

    def _editor_fields(self, request: Request, body: bytes) -> dict:
        """The editor's JSON object, sent by the page's script with the page's token in X-CSRF-Token (the
        cookie's signature, as the form's field is): 415 for another type, 400 for no JSON object, 403
        without a valid token."""
        content_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
        if content_type != "application/json":
            raise BadRequest(415, Text(f"Skicka application/json, inte {content_type or 'utan typ'}.",
                                       f"Send application/json, not {content_type or 'nothing'}."))
        nonce = request.cookies.get(CSRF_COOKIE, "")
        if not (nonce and hmac.compare_digest(request.headers.get(CSRF_HEADER, ""), self._sign(nonce))):
            raise BadRequest(403, _NO_TOKEN_API)
        try:
            fields = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise BadRequest(400, Text("Innehållet är inte JSON i UTF-8.", "The body is not JSON in UTF-8.")) from None
        if not isinstance(fields, dict):
            raise BadRequest(400, Text("Innehållet ska vara ett JSON-objekt.", "The body must be a JSON object."))
        return fields

    def _editor_action(self, action: str, fields: dict, wants_json: bool, ask: Ask) -> Response:
        """One editor request (in a worker thread) through governance.editor and the check; the JSON answer."""
        from .editor import export, import_calendar, plan_year, table_text
        from .report.handover import head_for
        from .report.render_html import render_html
        from .report.render_text import body_titles, verdict

        served = self.served.get(_text(fields, "bylaw"))
        if served is None:
            raise _no_bylaw(_text(fields, "bylaw"), self.served)
        bylaw = served.bylaw
        try:
            if action == "import":
                bodies = fields.get("bodies")
                if bodies is not None and not (isinstance(bodies, dict) and all(
                        isinstance(k, str) and isinstance(v, str) for k, v in bodies.items())):
                    raise BadRequest(400, Text("bodies: ett objekt med händelsens rubrik → organets id.",
                                               "bodies: an object of event title → body id."))
                # A standing meeting (recurring without end) is read through this year, as `check` reads it.
                out = import_calendar(bylaw, _text(fields, "text"), _text(fields, "mapping"), bodies,
                                      lang=ask.lang, through=date.today().year).to_json()
            elif action == "plan":
                year = _year(_text(fields, "year"))
                problem = year_problem(year) if year is not None else "no year given"
                if problem:
                    raise BadRequest(400, Text(f"År: {_swedish(problem) if year is not None else 'inget år angivet'}.",
                                               f"Year: {problem}."))
                out = plan_year(bylaw, year, july=fields.get("july") is True, mapping=_text(fields, "mapping"),
                                at=_clock(_text(fields, "time"), ask.lang), lang=ask.lang).to_json()
            elif action == "export":
                made = export(bylaw, fields.get("calendar"), _text(fields, "format"), _text(fields, "mapping"),
                              stamp=datetime.now(timezone.utc).replace(microsecond=0),
                              length=_length(_text(fields, "length"), ask.lang), lang=ask.lang)
                out = {"filename": made.filename, "content_type": made.content_type, "text": made.text}
            else:  # check: as the check form checks a pasted calendar, under the same name
                as_of = _as_of(_text(fields, "as_of")) or date.today()
                report, calendar = check_text(served, table_text(fields.get("calendar")), as_of=as_of,
                                              lang=ask.lang, limits=self.limits)
                # The table has no lines to point at: its findings stand beside their meetings instead.
                report = replace(report, findings=tuple(f._replace(location=None) for f in report.findings),
                                 facts=tuple(f._replace(location=None) for f in report.facts))
                head = head_for(bylaw, replace(calendar, path=ask.words["table"]), judged=as_of)
                out = {"verdict": report.verdict, "summary": verdict(report, None, ask.lang),
                       "report": report.to_json(), "html": render_html(report, head=head, lang=ask.lang,
                                                          titles=body_titles(bylaw)),
                       "judged": as_of.isoformat()}
        except CalendarError as exc:
            raise BadRequest(_unreadable_status(exc), exc.text(ask.lang),
                             issues=tuple(i.to_json(ask.lang) for i in exc.issues)) from None
        except ValueError as exc:  # a format the editor does not write
            raise BadRequest(400, Text(_swedish(str(exc)), str(exc))) from None
        return Response(200, json.dumps(out, ensure_ascii=False) + "\n", JSON_TYPE)

    def _editor(self, served: Served, ask: Ask) -> Response:
        from .editor import bylaw_facts
        w, bylaw = ask.words, served.bylaw
        data = {"bylaw": bylaw_facts(bylaw), "lang": ask.lang, "words": EDITOR_WORDS[ask.lang],
                "year": date.today().year + 1}
        # Inside <script>, "</" would end the element: JSON says it as \u003c instead.
        blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        body = EDITOR.format(
            title=escape(bylaw.title), id=escape(quote(bylaw.id, safe="")), token=escape(ask.token), lang=ask.lang,
            data=blob, next_year=data["year"], csrf_field=CSRF_FIELD, **{k.replace(" ", "_"): v for k, v in w.items()})
        page = self._page(f'{w["editor"]}: {bylaw.id}', body, ask)
        return replace(page, headers=(("Content-Security-Policy", CSP_EDITOR),))

    def _api_fields(self, request: Request, body: bytes) -> dict[str, str]:
        content_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest(400, Text("Innehållet är inte UTF-8.", "The body is not UTF-8.")) from None
        if content_type == "application/json":
            try:
                fields = json.loads(text)
            except ValueError as exc:
                raise BadRequest(400, Text(f"Innehållet är inte JSON (fel vid tecken {getattr(exc, 'pos', '?')}).",
                                           f"The body is not JSON: {exc}.")) from None
            if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
                raise BadRequest(400, Text("Innehållet ska vara ett JSON-objekt med texter: bylaw, calendar, mapping, "
                                           "as_of, year.", "The body must be a JSON object of strings: bylaw, "
                                           "calendar, mapping, as_of, year."))
            return fields
        if content_type in RAW_TYPES:
            return {**{k: v for k, v in request.query_params.items() if k != "calendar"}, "calendar": text}
        types = ", ".join(sorted(RAW_TYPES))
        raise BadRequest(415, Text(f"Skicka application/json, eller kalendern som {types}; inte "
                                   f"{content_type or 'utan typ'}.", f"Send application/json, or the calendar as "
                                   f"{types}; not {content_type or 'nothing'}."))

    # ---- pages --------------------------------------------------------------------------------------
    def _document(self, bylaw: Bylaw, lang: str) -> Response:
        from .document import render
        from .document.words import LANGS
        if lang not in LANGS:
            raise BadRequest(400, Text(f"Språket '{lang}' finns inte: ange {' eller '.join(LANGS)}.",
                                       f"No language '{lang}': give {' or '.join(LANGS)}."))
        return Response(200, render(bylaw, "html", lang), headers=(("Content-Security-Policy", CSP_DOCUMENT),))

    def _check(self, form: dict[str, str], wants_json: bool, ask: Ask) -> Response:
        """The check (in a check worker process, checkpool): the JSON report, or the report page with the form again."""
        from .calendar.preflight import nothing_to_check
        from .report.handover import head_for
        from .report.render_html import render_html
        from .report.render_json import render_json
        from .report.render_text import body_titles

        chosen, text, mapping = form.get("bylaw", ""), form.get("calendar", ""), form.get("mapping", "")
        served: Served | Callable[[Calendar], Served] | None = self.served.get(chosen) if chosen else self._own
        if served is None:
            raise _no_bylaw(chosen, self.served)
        # Today is fixed once, so that the page says the day the check used.
        as_of, year = _as_of(form.get("as_of", "")) or date.today(), _year(form.get("year", ""))
        w = ask.words
        try:
            report, calendar = check_text(served, text, mapping=mapping, as_of=as_of, year=year, lang=ask.lang,
                                          limits=self.limits)
        except CalendarError as exc:
            status = _unreadable_status(exc)
            if wants_json:
                raise BadRequest(status, exc.text(ask.lang), issues=tuple(i.to_json(ask.lang) for i in exc.issues)) from None
            return self._page(w["unreadable"], _unreadable(exc, ask) + self._again(form, ask), ask, status=status)
        if wants_json:
            return Response(200, render_json(report), JSON_TYPE)
        served = self.served[report.bylaw]
        again = self._again(form, ask)
        body = [f'<h1>{w["checked"]} <span lang="sv">{escape(served.bylaw.title)}</span></h1>',
                f'<p class="judged">{escape(_judged(as_of, year, ask))}</p>']
        if calendar.unmapped:
            body.append(f"<h2>{w['left out']}</h2>")
            body.append(_issue_list(calendar.unmapped, "left-out", ask.lang))
        empty = nothing_to_check(calendar, w["mapping field"], ask.lang)
        if empty:
            body.append(f'<p class="problems">{escape(empty[0].upper() + empty[1:])}.</p>')
        head = head_for(served.bylaw, calendar, judged=as_of, year=year)  # what a printed report is headed with
        body.append(render_html(report, calendar=calendar.path, head=head, lang=ask.lang,
                                titles=body_titles(served.bylaw)))
        body.append(f'<h2 class="again">{w["again"]}</h2>')
        body.append(again)
        title = {"compliant": w["compliant"], "not-compliant": w["not compliant"],
                 "nothing-checked": w["nothing checked"]}[report.verdict]
        return self._page(f"{title}: {served.bylaw.id}", "\n".join(body), ask)

    def _again(self, form: dict[str, str], ask: Ask) -> str:
        """The check form filled in as it was sent (built only for a page: a program's JSON has no use for it)."""
        return _form(self.served, ask, chosen=form.get("bylaw", ""), text=form.get("calendar", ""),
                     mapping=form.get("mapping", ""), as_of=form.get("as_of", ""), year=form.get("year", ""))

    def _own(self, calendar: Calendar) -> Served:
        """The bylaw a calendar names (`bylaw:`), or the only one served; CalendarError when it names none
        of several (a guess would check it against the wrong agreement) or one not served here."""
        if calendar.bylaw is None and len(self.served) == 1:
            return next(iter(self.served.values()))
        if calendar.bylaw in self.served:
            return self.served[calendar.bylaw]
        name = calendar.path or "calendar.yaml"
        said = (f"the calendar names bylaw '{calendar.bylaw}', which is not served here"
                if calendar.bylaw else "the calendar names no bylaw (a line 'bylaw: ID' at its top)")
        raise CalendarError([CalendarIssue(name, 1, 0, f"{said}; choose the bylaw in the list")])

    def _page(self, title: str, body: str, ask: Ask, status: int = 200) -> Response:
        w, other = ask.words, "en" if ask.lang == "sv" else "sv"
        nav = (f'<nav><a href="/?lang={ask.lang}">{w["all"]}</a> · <a href="/calendar?lang={ask.lang}">{w["editor"]}</a>'
               f' · <a href="/check?lang={ask.lang}">{w["check"]}</a>'
               f' · <a href="{escape(ask.here)}{"&amp;" if "?" in ask.here else "?"}lang={other}" hreflang="{other}" lang="{other}">{w["other"]}</a></nav>\n')
        page = PAGE.format(lang=ask.lang, title=escape(title), style=STYLE,
                           body=f"{nav}{body}\n<script>{SCRIPT}</script>\n")
        return Response(status, page, headers=(("Content-Security-Policy", CSP_PAGE),))

    def _problem(self, exc: BadRequest, wants_json: bool, ask: Ask) -> Response:
        if wants_json:
            body = {"error": exc.said(ask.lang), **({"issues": list(exc.issues)} if exc.issues else {})}
            return Response(exc.status, json.dumps(body, ensure_ascii=False, indent=2) + "\n", JSON_TYPE,
                            exc.headers)
        title = (STATUS_SV.get(exc.status) if ask.lang == "sv" else None) or HTTPStatus(exc.status).phrase
        said = exc.said(ask.lang)
        page = self._page(title, f"<h1>{escape(title)}</h1>\n<p class=\"problem\">{escape(said)}</p>",
                          ask, status=exc.status)
        return replace(page, headers=page.headers + exc.headers)


EDITOR = """\
<h1>{editor}: <span lang="sv">{title}</span></h1>
<p>{editor_intro}</p>
<noscript><p class="problems">{noscript} <a href="/check?bylaw={id}&amp;lang={lang}">{noscript_link}</a>.</p></noscript>
<script type="application/json" id="editor-data">{data}</script>
<div id="editor" hidden>
<input type="hidden" id="csrf" value="{token}">
<section class="tools" aria-labelledby="get-heading">
<h2 id="get-heading">{get}</h2>
<p><label for="import-file">{import_file}</label><br><input type="file" id="import-file" accept=".ics,.ical,.yaml,.yml"></p>
<p><label for="import-mapping">{import_mapping}</label><br><input type="file" id="import-mapping" accept=".yaml,.yml"></p>
<p><button type="button" id="import">{import}</button></p>
<div id="titles"></div>
<p><label for="plan-year">{plan_year}</label> <input type="number" id="plan-year" min="1900" max="2199" value="{next_year}">
<input type="checkbox" id="plan-july"> <label for="plan-july">{plan_july}</label>
<label for="plan-time">{plan_time}</label> <input type="text" id="plan-time" value="09:00" size="5" inputmode="numeric" pattern="[0-9]{{1,2}}:[0-9]{{2}}">
<label for="plan-length">{plan_length}</label> <input type="number" id="plan-length" min="15" max="720" step="15" value="120">
<button type="button" id="plan">{plan}</button></p>
</section>
<h2 id="meetings-heading">{meetings}</h2>
<div class="table-wrap">
<table id="meetings" aria-labelledby="meetings-heading">
<thead><tr><th scope="col">{when}</th><th scope="col">{body}</th><th scope="col">{chair}</th>
<th scope="col">{present}</th><th scope="col">{matters}</th><th scope="col">{results}</th></tr></thead>
<tbody></tbody>
</table>
</div>
<p><button type="button" id="add">{add}</button></p>
<p class="actions"><label for="as-of">{as_of}</label> <input type="text" id="as-of" inputmode="numeric" placeholder="{date_format}" pattern="[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}" size="11">
<button type="button" id="check">{check_it}</button>
<button type="button" id="export-yaml">{export_yaml}</button>
<button type="button" id="export-ics">{export_ics}</button>
<button type="button" id="export-mapping" hidden>{export_mapping}</button></p>
<p id="status" role="status" aria-live="polite"></p>
<div id="downloads"></div>
<section id="summary" aria-labelledby="summary-heading" hidden><h2 id="summary-heading">{summary}</h2><div id="summary-report"></div></section>
<form method="post" action="/check" accept-charset="utf-8" id="as-report">
<input type="hidden" name="{csrf_field}" value="{token}">
<input type="hidden" name="lang" value="{lang}">
<input type="hidden" name="bylaw" value="{id}">
<input type="hidden" name="as_of" id="report-as-of" value="">
<input type="hidden" name="calendar" id="report-calendar" value="">
<p><button type="submit">{as_report}</button></p>
</form>
</div>
<script src="/static/editor.js"></script>
"""
# The editor's script ships with the package (governance/data/editor.js): nothing is fetched at run time.
EDITOR_SCRIPT = files("governance.data").joinpath("editor.js").read_text(encoding="utf-8")


def _picker(served: Mapping[str, Served], ask: Ask) -> str:
    """The collaborations to plan for: a plain GET form (works without script)."""
    w = ask.words
    superseded = {e.bylaw.amends for e in served.values() if e.bylaw.amends in served}
    order = sorted(served, key=lambda i: (i in superseded, i))
    options = "\n".join(f'<option value="{escape(i)}">{escape(served[i].bylaw.title)} ({escape(i)})</option>'
                        for i in order)
    return (f"<h1>{w['editor']}</h1>\n<p>{w['editor intro']}</p>\n"
            f'<form method="get" action="/calendar"><input type="hidden" name="lang" value="{ask.lang}">\n'
            f'<p><label for="bylaw">{w["choose"]}</label><br><select id="bylaw" name="bylaw">\n{options}\n</select></p>\n'
            f'<p><button type="submit">{w["open"]}</button></p>\n</form>\n')


def _text(fields: dict, key: str) -> str:
    value = fields.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(400, Text(f"{key}: här ska stå en text, inte {type(value).__name__}.",
                                   f"{key}: text expected, not {type(value).__name__}."))
    return value


def _swedish(message: str) -> str:
    """A message the engine words in English (a year's limits, an export's format) in Swedish, by the calendar
    readers' catalogue; the English where it has none."""
    from .calendar.swedish import swedish
    return swedish(message) or message


def _raise(exc: Exception):
    raise exc


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F)}


def _unreadable_status(exc: CalendarError) -> int:
    """Too much work for one check (a reader's limit): 413; anything else the calendar says wrong: 422."""
    return 413 if any(i.message.startswith(EXCEEDED) for i in exc.issues) else 422


def _site_checks(served: dict[str, Served], budget: Budget) -> Callable[[tuple], Response]:
    """In a check worker (checkpool): the site's work on each job (action, fields, wants_json, ask): the check
    (no action), or the editor's action of that name."""
    # Imported before the worker says it is ready, so that its first check does not wait for them.
    from .calendar import ics_reader, mapping, preflight, yaml_reader  # noqa: F401
    from .check import check_calendar  # noqa: F401
    from .editor import export  # noqa: F401
    from .report import handover, render_html, render_json, render_text  # noqa: F401
    site = Site(MappingProxyType(served), sys.stderr, BODY_IDLE, budget)

    def run(job: tuple) -> Response:
        action, fields, wants_json, ask = job
        if action is None:
            return site._check(fields, wants_json, ask)
        return site._editor_action(action, fields, wants_json, ask)
    return run


def _fields(text: str) -> dict[str, str]:
    """A query string or form body as {name: first value}; BadRequest for one that cannot be one."""
    try:
        pairs = parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise BadRequest(400, Text("Formulärets fält kan inte läsas (för många, eller inte UTF-8).",
                                   "The form's fields cannot be read (too many, or not UTF-8).")) from None
    return {name: values[0] for name, values in pairs.items()}


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return ("application/json" in accept and "text/html" not in accept) or request.query_params.get("format") == "json"


def _as_of(text: str) -> date | None:
    if not text.strip():
        return None  # today, as for the command
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadRequest(400, Text(f"Per dag: '{text}' är inget datum (ÅÅÅÅ-MM-DD).",
                                   f"As of: '{text}' is not a date (YYYY-MM-DD).")) from None


def _year(text: str) -> int | None:
    if not text.strip():
        return None
    if not re.fullmatch(r"\s*[0-9]{1,4}\s*", text) or int(text) == 0:
        raise BadRequest(400, Text(f"År: '{text}' är inget årtal.", f"Year: '{text}' is not a year."))
    return int(text)


def _judged(as_of: date, year: int | None, ask: Ask) -> str:
    w = ask.words
    return (w["judged year"] if year is not None else w["judged"]).format(day=as_of.isoformat(), year=year)


def _here(request: Request) -> str:
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "lang"])
    return request.url.path + (f"?{query}" if query else "")


def _lang(request: Request, given: str | None = None) -> Lang:
    """The language asked for (a form's field, else the query's `lang`), Swedish when none or another."""
    lang = given or request.query_params.get("lang", "")
    return lang if lang in LANGS else DEFAULT_LANG


def _mb(size: int, point: str = ".") -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", point)  # Swedish writes a decimal comma


def _index(served: Mapping[str, Served], ask: Ask) -> str:
    w, items = ask.words, []
    for bylaw_id, entry in served.items():
        link = escape(quote(bylaw_id, safe=""))
        items.append(f'<li><span class="title" lang="sv">{escape(entry.bylaw.title)}</span> '
                     f"<code>{escape(bylaw_id)}</code><br>\n"
                     f'{w["document"]}: <a href="/bylaw/{link}?lang=sv" hreflang="sv" lang="sv">svenska</a> · '
                     f'<a href="/bylaw/{link}?lang=en" hreflang="en" lang="en">English</a> · '
                     f'<a href="/calendar?bylaw={link}&amp;lang={ask.lang}">{w["editor"]}</a> · '
                     f'<a href="/check?bylaw={link}&amp;lang={ask.lang}">{w["check"]}</a></li>')
    return (f"<h1>{w['bylaws']}</h1>\n<p>{w['intro']}</p>\n"
            f'<ul class="bylaws">\n{chr(10).join(items)}\n</ul>\n'
            f'<h2 id="check">{w["check"]}</h2>\n{_form(served, ask)}')


def _form(served: Mapping[str, Served], ask: Ask, *, chosen: str = "", text: str = "", mapping: str = "",
          as_of: str = "", year: str = "") -> str:
    w = ask.words
    # The calendar's own bylaw first (the default); then the newest versions; a superseded one says so.
    superseded = {e.bylaw.amends: i for i, e in served.items() if e.bylaw.amends in served}
    order = sorted(served, key=lambda i: (i in superseded, i))
    options = "\n".join(
        [f'<option value=""{" selected" if not chosen else ""}>{escape(w["own"])}</option>']
        + [f'<option value="{escape(i)}"{" selected" if i == chosen else ""}>{escape(i)}: {escape(served[i].bylaw.title)}'
           + (f" ({escape(w['superseded'].format(id=superseded[i]))})" if i in superseded else "") + "</option>"
           for i in order])
    # The newline after <textarea> is the one HTML drops there, so a calendar's own first line stays.
    return f"""\
<form method="post" action="/check" accept-charset="utf-8">
<input type="hidden" name="{CSRF_FIELD}" value="{escape(ask.token)}">
<input type="hidden" name="lang" value="{ask.lang}">
<p><label for="bylaw">{w["bylaw"]}</label><br>
<select id="bylaw" name="bylaw">
{options}
</select></p>
<p><label for="calendar">{w["calendar"]}</label>: {w["calendar help"]}
<span id="file-choice" hidden><label for="file">{w["file"]}</label> <input type="file" id="file" accept=".yaml,.yml,.ics"></span><br>
<textarea id="calendar" name="calendar" rows="20" cols="80" spellcheck="false" required>
{escape(text)}</textarea></p>
<p><label for="mapping">{w["mapping"]}</label> {w["mapping help"]}<br>
<textarea id="mapping" name="mapping" rows="6" cols="80" spellcheck="false">
{escape(mapping)}</textarea></p>
<p><label for="as_of">{w["as of"]}</label> <input type="text" id="as_of" name="as_of" value="{escape(as_of)}"
inputmode="numeric" pattern="[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}" placeholder="{w["date format"]}" size="11">
{w["as of help"]}
&nbsp; <label for="year">{w["year"]}</label> <input type="number" id="year" name="year" min="1" max="9999"
value="{escape(year)}"> {w["year help"]}</p>
<p><button type="submit">{w["submit"]}</button></p>
</form>
"""


def _clock(text: str, lang: Lang) -> time | None:
    """The plan's time of day, "13:30" (None when not given); BadRequest (400) when it is no time."""
    if not text.strip():
        return None
    try:
        return time.fromisoformat(text.strip().zfill(5))
    except ValueError:
        said = "klockan ska skrivas TT:MM, t.ex. 09:00" if lang == "sv" else "the time is written HH:MM, e.g. 09:00"
        raise BadRequest(400, f"time: {said}.") from None


def _length(text: str, lang: Lang) -> timedelta:
    """The meetings' length in minutes for an .ics export (two hours when not given), 15 to 720."""
    if not text.strip():
        return timedelta(hours=2)
    if text.strip().isdigit() and 15 <= int(text.strip()) <= 720:
        return timedelta(minutes=int(text.strip()))
    said = "längden är minuter, 15 till 720" if lang == "sv" else "the length is minutes, 15 to 720"
    raise BadRequest(400, f"length: {said}.")


def _unreadable(exc: CalendarError, ask: Ask) -> str:
    return (f"<h1>{ask.words['unreadable']}</h1>\n<p>{ask.words['nothing']}</p>\n"
            + _issue_list(exc.issues, "problems", ask.lang))


def _issue_list(issues: Iterable[CalendarIssue], cls: str, lang: Lang) -> str:
    return f'<ul class="{cls}">\n' + "\n".join(f"<li>{escape(i.text(lang))}</li>" for i in issues) + "\n</ul>\n"
