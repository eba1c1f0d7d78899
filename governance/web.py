"""`governance serve`: a small web site on a secretariat's own machine: the bylaws as documents, and a form
that checks a pasted calendar exactly as `governance check` does.

Standard library only (`http.server`). `build_server` makes a bound server (port 0: any free port) that a
test can run in a thread. Pages are HTML with every outside string escaped, no external resources, and
work without JavaScript; a few lines of inline script only read a chosen file into the form. The server
has no authentication: it listens on localhost unless told otherwise.

    GET  /                       the bylaws served, each with its document and the check form
    GET  /bylaw/ID?lang=en|sv    the bylaw as a document (governance.render, HTML)
    GET  /check[?bylaw=ID]       the check form
    POST /check[?format=json]    fields bylaw, calendar, mapping (an .ics's --mapping file; optional),
                                 as_of, year; the report: an HTML page, or the JSON of DESIGN.md (also for
                                 `Accept: application/json`); 400 for a calendar that cannot be read
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import socketserver
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import MappingProxyType
from typing import TextIO
from urllib.parse import parse_qs, quote, urlsplit

from .calendar.errors import CalendarError, CalendarIssue
from .calendar.source import MAX_BYTES
from .document.html import PAGE
from .document.html import STYLE as DOCUMENT_STYLE
from .model.types import Bylaw

# A form larger than the calendar reader's own limit cannot hold a calendar it would read.
MAX_BODY = MAX_BYTES
FORM_TYPE = "application/x-www-form-urlencoded"

STYLE = DOCUMENT_STYLE + """\
nav { font-family: system-ui, sans-serif; font-size: .9rem; margin-bottom: 1rem; }
form p { margin: .6rem 0; }
label { font-family: system-ui, sans-serif; font-weight: 600; }
textarea { width: 100%; box-sizing: border-box; font: 13px/1.4 ui-monospace, monospace; }
.bylaws li { margin-bottom: .8rem; }
.verdict { font-family: system-ui, sans-serif; font-weight: 600; padding: .5rem .8rem; border-radius: 4px; }
.verdict.compliant { background: #e4f4e4; border-left: 4px solid #2e7d32; }
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
"""

# Progressive enhancement: without script the textarea alone works; with it, a file input (hidden until
# then) reads the chosen file into the textarea. Its hash lets the page's CSP allow this script alone.
SCRIPT = """
(function () {
  var choice = document.getElementById("file-choice");
  var file = document.getElementById("file");
  var text = document.getElementById("calendar");
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
CSP_DOCUMENT = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
CSP_PAGE = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; "
            "base-uri 'none'; form-action 'self'")


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
    """The request cannot be answered as asked: its status, one line, the calendar's issues (as JSON) and
    headers the answer needs (Allow)."""

    def __init__(self, status: int, message: str, *, issues: tuple[dict, ...] = (),
                 headers: tuple[tuple[str, str], ...] = ()):
        super().__init__(message)
        self.status, self.message, self.issues, self.headers = status, message, issues, headers


def build_server(served: Iterable[Served], host: str = "127.0.0.1", port: int = 8000, *,
                 log: TextIO | None = None) -> Server:
    """A server for these bylaws, bound and listening on host:port (0: a free port; `server.url` says
    which). Run it with `serve_forever()`; stop it with `shutdown()` from another thread, then
    `server_close()`. Requests and unexpected errors are logged to `log` (default stderr).
    Raises ValueError for no bylaw or two with one id, OSError when the address cannot be had."""
    by_id: dict[str, Served] = {}
    for entry in served:
        if entry.bylaw.id in by_id:
            raise ValueError(f"two bylaws have the id '{entry.bylaw.id}'")
        by_id[entry.bylaw.id] = entry
    if not by_id:
        raise ValueError("no bylaw to serve")
    cls = _Server6 if ":" in host else Server
    return cls((host, port), MappingProxyType(by_id), sys.stderr if log is None else log)


class Server(ThreadingHTTPServer):
    daemon_threads = True  # a request still running never keeps the process from stopping

    def __init__(self, address: tuple[str, int], served: Mapping[str, Served], log: TextIO):
        self.served, self.log = served, log
        super().__init__(address, Handler)

    def server_bind(self) -> None:
        # HTTPServer's own looks the host's full name up (getfqdn), which can hang on a machine without
        # DNS; nothing here uses that name.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


class _Server6(Server):
    address_family = socket.AF_INET6


def check_text(served: Served, text: str, *, mapping: str = "", as_of: date | None = None,
               year: int | None = None):
    """`governance check` on a calendar's text: written as `calendar.yaml` (`calendar.ics` when it starts
    with BEGIN:VCALENDAR) into a temporary folder, read as the command reads a file (the same size and
    encoding limits), the folder removed, and checked with the command's as-of, year and versions.
    `mapping`: the text of an .ics calendar's mapping file (`--mapping`), if any, read as `mapping.yaml`.
    Reports and issues name the files `calendar.yaml`/`calendar.ics` and `mapping.yaml`, not the temporary
    folder. Returns (report, calendar); raises CalendarError with every issue when the calendar cannot be
    read."""
    from .calendar import read
    from .check import check_calendar
    from .commands.common import other_bylaw

    name = "calendar.ics" if text.lstrip("\ufeff \t\r\n").upper().startswith("BEGIN:VCALENDAR") else "calendar.yaml"
    with tempfile.TemporaryDirectory(prefix="governance-serve-") as folder:
        path, table = Path(folder, name), None
        path.write_bytes(text.encode("utf-8"))
        shown = {str(path): name}  # issues name the files as the user knows them, not the temporary folder
        if mapping.strip():
            table = Path(folder, "mapping.yaml")
            table.write_bytes(mapping.encode("utf-8"))
            shown[str(table)] = "mapping.yaml"
        try:
            calendar = read(path, table)
        except CalendarError as exc:
            raise CalendarError(replace(i, file=shown.get(i.file, i.file)) for i in exc.issues) from None
    calendar = replace(calendar, path=name,
                       unmapped=tuple(replace(i, file=shown.get(i.file, i.file)) for i in calendar.unmapped))
    mismatch = other_bylaw(calendar, served.bylaw.id)
    if mismatch:
        key = re.search(r"(?m)^bylaw\s*:", text)
        raise CalendarError([CalendarIssue(name, text.count("\n", 0, key.start()) + 1 if key else 1, 0, mismatch)])
    report = check_calendar(served.bylaw, calendar, as_of=as_of, year=year, versions=served.versions)
    return report, calendar


class Handler(BaseHTTPRequestHandler):
    server: Server
    timeout = 60  # a client that stops sending in the middle of a request frees its thread

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        self.wants_json = (_wants_json(self.headers.get("Accept", ""))
                           or "json" in parse_qs(url.query).get("format", ()))
        try:
            response = self._route(url)
        except BadRequest as exc:
            response = self._problem(exc)
        except Exception as exc:  # a bug: one line in the log and on the page, never a traceback
            self.log_message("governance: internal error: %s: %s (%s %s)", type(exc).__name__, exc,
                             self.command, url.path)
            response = self._problem(BadRequest(500, "Internal error: the server could not answer; "
                                                     "its log says why."))
        self._send(response)

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def version_string(self) -> str:  # the Server header: what answers, not which Python
        return "governance"

    def _route(self, url) -> Response:
        path, query = url.path, _fields(url.query)
        if path == "/":
            self._allow("GET", "HEAD")
            return self._page("Bylaws", _index(self.server.served))
        if path == "/check":
            self._allow("GET", "HEAD", "POST")
            if self.command == "POST":
                return self._check()
            chosen = query.get("bylaw", "")
            return self._page("Check a calendar",
                              "<h1>Check a calendar</h1>\n" + _form(self.server.served, chosen=chosen))
        if path.startswith("/bylaw/") and path[len("/bylaw/"):] in self.server.served:
            self._allow("GET", "HEAD")
            return self._document(self.server.served[path[len("/bylaw/"):]].bylaw, query.get("lang", "en"))
        raise BadRequest(404, f"Nothing here: {path}")

    def _allow(self, *methods: str) -> None:
        if self.command not in methods:
            raise BadRequest(405, f"{self.command} is not allowed here; use {' or '.join(methods)}.",
                             headers=(("Allow", ", ".join(methods)),))

    def _document(self, bylaw: Bylaw, lang: str) -> Response:
        from .document import render
        from .document.words import LANGS
        if lang not in LANGS:
            raise BadRequest(400, f"No language '{lang}': give {' or '.join(LANGS)}.")
        return Response(200, render(bylaw, "html", lang), headers=(("Content-Security-Policy", CSP_DOCUMENT),))

    def _check(self) -> Response:
        from .commands.common import nothing_to_check
        from .report.render_html import render_html
        from .report.render_json import render_json

        form = self._form_body()
        chosen, text, mapping = form.get("bylaw", ""), form.get("calendar", ""), form.get("mapping", "")
        served = self.server.served.get(chosen)
        if served is None:
            raise BadRequest(400, f"No bylaw '{chosen}' is served here; choose one of "
                                  f"{', '.join(self.server.served)}.")
        # Today is fixed once, so that the page says the day the check used.
        as_of, year = _as_of(form.get("as_of", "")) or date.today(), _year(form.get("year", ""))
        again = _form(self.server.served, chosen=chosen, text=text, mapping=mapping, as_of=form.get("as_of", ""),
                      year=form.get("year", ""))
        try:
            report, calendar = check_text(served, text, mapping=mapping, as_of=as_of, year=year)
        except CalendarError as exc:
            if self.wants_json:
                raise BadRequest(400, str(exc), issues=tuple(i.to_json() for i in exc.issues)) from None
            return self._page("The calendar cannot be read", _unreadable(exc) + again, status=400)
        if self.wants_json:
            return Response(200, render_json(report), "application/json; charset=utf-8")
        body = [f'<h1>Checked against <span lang="sv">{escape(served.bylaw.title)}</span></h1>',
                f'<p class="judged">{escape(_judged(as_of, year))}</p>']
        if calendar.unmapped:
            body.append("<h2>Left out of the check</h2>")
            body.append(_issue_list(calendar.unmapped, "left-out"))
        empty = nothing_to_check(calendar, "the mapping field")
        if empty:
            body.append(f'<p class="problems">{escape(empty[0].upper() + empty[1:])}.</p>')
        body.append(render_html(report, calendar=calendar.path))
        body.append("<h2>Check another calendar</h2>")
        body.append(again)
        return self._page(f"{'Compliant' if report.compliant else 'Not compliant'}: {served.bylaw.id}",
                          "\n".join(body))

    def _form_body(self) -> dict[str, str]:
        """The posted form's fields (the first of each), refused before a byte of the body is read when it
        is too large or not a form."""
        if self.headers.get("Transfer-Encoding"):
            raise BadRequest(411, "Send the form with a Content-Length, not in chunks.")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise BadRequest(411, "The request says not how long its form is (Content-Length).") from None
        if length < 0:
            raise BadRequest(400, "Content-Length is negative.")
        if length > MAX_BODY:
            raise BadRequest(413, f"The form is {_mb(length)} MB; the limit is {_mb(MAX_BODY)} MB.")
        if self.headers.get_content_type() != FORM_TYPE:
            raise BadRequest(415, f"Send the form as {FORM_TYPE}, not {self.headers.get_content_type()}.")
        data = self.rfile.read(length)
        if len(data) < length:
            raise BadRequest(400, "The form ended before its Content-Length.")
        try:
            return _fields(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise BadRequest(400, "The form is not UTF-8.") from None

    def _page(self, title: str, body: str, status: int = 200) -> Response:
        page = PAGE.format(lang="en", title=escape(title), style=STYLE,
                           body=f'<nav><a href="/">All bylaws</a> · <a href="/check">Check a calendar</a></nav>\n'
                                f"{body}\n<script>{SCRIPT}</script>\n")
        return Response(status, page, headers=(("Content-Security-Policy", CSP_PAGE),))

    def _problem(self, exc: BadRequest) -> Response:
        if self.wants_json:
            body = {"error": exc.message, **({"issues": list(exc.issues)} if exc.issues else {})}
            return Response(exc.status, json.dumps(body, ensure_ascii=False, indent=2) + "\n",
                            "application/json; charset=utf-8", exc.headers)
        title = HTTPStatus(exc.status).phrase
        page = self._page(title, f"<h1>{escape(title)}</h1>\n<p class=\"problem\">{escape(exc.message)}</p>",
                          status=exc.status)
        return replace(page, headers=page.headers + exc.headers)

    def _send(self, response: Response) -> None:
        data = response.body.encode("utf-8")
        if response.status == 413:
            self.close_connection = True  # the body is still unread: this connection cannot carry another
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:
        # Without the date (the terminal has one), and with control characters of the request line shown
        # as escapes: nothing a client sends moves the cursor on the secretariat's terminal.
        line = (format % args).translate(_CONTROL)
        self.server.log.write(f"{self.address_string()} {line}\n")
        self.server.log.flush()


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F)}


def _fields(text: str) -> dict[str, str]:
    """A query string or form body as {name: first value}; BadRequest for one that cannot be one."""
    try:
        pairs = parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise BadRequest(400, "The form's fields cannot be read (too many, or not UTF-8).") from None
    return {name: values[0] for name, values in pairs.items()}


def _wants_json(accept: str) -> bool:
    return "application/json" in accept and "text/html" not in accept


def _as_of(text: str) -> date | None:
    if not text.strip():
        return None  # today, as for the command
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadRequest(400, f"As of: '{text}' is not a date (YYYY-MM-DD).") from None


def _year(text: str) -> int | None:
    if not text.strip():
        return None
    if not re.fullmatch(r"\s*[0-9]{1,4}\s*", text) or int(text) == 0:
        raise BadRequest(400, f"Year: '{text}' is not a year.")
    return int(text)


def _judged(as_of: date, year: int | None) -> str:
    when = f"Judged as of {as_of.isoformat()}"
    return f"{when}, year {year} only." if year is not None else f"{when}."


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _index(served: Mapping[str, Served]) -> str:
    items = []
    for bylaw_id, entry in served.items():
        link = escape(quote(bylaw_id, safe=""))
        items.append(f'<li><span class="title" lang="sv">{escape(entry.bylaw.title)}</span> '
                     f"<code>{escape(bylaw_id)}</code><br>\n"
                     f'Document: <a href="/bylaw/{link}?lang=en">English</a> · '
                     f'<a href="/bylaw/{link}?lang=sv" hreflang="sv" lang="sv">svenska</a> · '
                     f'<a href="/check?bylaw={link}">Check a calendar</a></li>')
    return ("<h1>Bylaws</h1>\n<p>Read an agreement as a document, or check a meeting calendar against it: "
            "every finding cites the agreement's sentence.</p>\n"
            f'<ul class="bylaws">\n{chr(10).join(items)}\n</ul>\n'
            f'<h2 id="check">Check a calendar</h2>\n{_form(served)}')


def _form(served: Mapping[str, Served], *, chosen: str = "", text: str = "", mapping: str = "",
          as_of: str = "", year: str = "") -> str:
    options = "\n".join(f'<option value="{escape(i)}"{" selected" if i == chosen else ""}>'
                        f"{escape(i)}: {escape(e.bylaw.title)}</option>" for i, e in served.items())
    # The newline after <textarea> is the one HTML drops there, so a calendar's own first line stays.
    return f"""\
<form method="post" action="/check" accept-charset="utf-8">
<p><label for="bylaw">Bylaw</label><br>
<select id="bylaw" name="bylaw">
{options}
</select></p>
<p><label for="calendar">Calendar</label>: YAML, or an iCalendar (.ics) export, pasted here
<span id="file-choice" hidden>or read from a file: <input type="file" id="file" accept=".yaml,.yml,.ics"></span><br>
<textarea id="calendar" name="calendar" rows="20" cols="80" spellcheck="false" required>
{escape(text)}</textarea></p>
<p><label for="mapping">Mapping</label> (an .ics only, optional): which event is which body and who holds
which seat, as in a <code>-mapping.yaml</code> file beside the export (<code>governance check --mapping</code>)<br>
<textarea id="mapping" name="mapping" rows="6" cols="80" spellcheck="false">
{escape(mapping)}</textarea></p>
<p><label for="as_of">As of</label> <input type="date" id="as_of" name="as_of" value="{escape(as_of)}">
(empty: today; partial years are judged as of this day)
&nbsp; <label for="year">Year</label> <input type="number" id="year" name="year" min="1" max="9999"
value="{escape(year)}"> (empty: every year in the calendar)</p>
<p><button type="submit">Check</button></p>
</form>
"""


def _unreadable(exc: CalendarError) -> str:
    return ("<h1>The calendar cannot be read</h1>\n<p>Nothing was checked. Each problem, with its line:</p>\n"
            + _issue_list(exc.issues, "problems"))


def _issue_list(issues: Iterable[CalendarIssue], cls: str) -> str:
    return f'<ul class="{cls}">\n' + "\n".join(f"<li>{escape(str(i))}</li>" for i in issues) + "\n</ul>\n"
