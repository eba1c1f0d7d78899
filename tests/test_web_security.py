"""`governance serve` against hostile requests, each refused with its status: a foreign Host (DNS
rebinding), a cross-site or opaque (`Origin: null`) POST, a form without its CSRF token, framing, an oversize
body, a stalled body or head, and many slow clients (bounded, the others still served).

The server runs in a thread with short deadlines (head 1 s, body pause 0.5 s) so that the tests wait
little; the defaults are checked to be a few seconds. Raw sockets send what urllib would not.
"""
from __future__ import annotations

import http.client
import io
import json
import re
import socket
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest

from governance import web, webserver
from governance.commands.serve import served

# Slow as a whole (servers started, stalled and slow clients waited out):
# `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CALENDAR = (ROOT / "examples" / "laholmsbukten-2025.yaml").read_text(encoding="utf-8")
MAX_CONNECTIONS = 40


@pytest.fixture(scope="module")
def site():
    server = web.build_server(served(["laholmsbukten"]), "127.0.0.1", 0, log=io.StringIO(), head_timeout=1.0,
                              body_idle=0.5, max_connections=MAX_CONNECTIONS)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(5)


def request(port: int, method: str, path: str, *, body: bytes = b"", headers: dict | None = None):
    """(status, headers, body text) of one request on a new connection; Host is the server's own unless
    `headers` says otherwise."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    headers = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    if body or method == "POST":
        headers.setdefault("Content-Length", str(len(body)))
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders(body or None)
    response = connection.getresponse()
    answer = response.status, response.headers, response.read().decode("utf-8")
    connection.close()
    return answer


def form_token(port: int) -> tuple[str, str]:
    """(token, cookie) as the page gives them to a browser."""
    _, headers, page = request(port, "GET", "/check")
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    return token, headers["Set-Cookie"].partition(";")[0]


def post_form(port: int, token: str | None = None, cookie: str | None = None, *, headers: dict | None = None):
    fields = {"bylaw": "laholmsbukten", "calendar": CALENDAR, "as_of": "2025-01-01"}
    if token is not None:
        fields["csrf"] = token
    extra = {"Content-Type": "application/x-www-form-urlencoded", **({"Cookie": cookie} if cookie else {})}
    return request(port, "POST", "/check?format=json", body=urlencode(fields).encode(),
                   headers={**extra, **(headers or {})})


def test_the_page_posts_with_its_token(site):
    status, _, body = post_form(site, *form_token(site))
    assert status == 200 and json.loads(body)["compliant"] is True


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.2:{port}", "", "localhost.evil"])
def test_a_foreign_host_is_refused(site, host):
    """DNS rebinding: a page at evil.example whose name now points here; the request names evil.example."""
    host = host.format(port=site)
    for method, path in (("GET", "/"), ("POST", "/api/check?bylaw=laholmsbukten")):
        status, _, body = request(site, method, path, body=CALENDAR.encode() if method == "POST" else b"",
                                  headers={"Host": host, "Content-Type": "application/yaml"})
        assert status == 400 and "svarar inte på adressen" in body and "findings" not in body  # Swedish …
    status, _, body = request(site, "GET", "/?lang=en", headers={"Host": host})
    assert status == 400 and "does not answer to the host" in body  # … English on request


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST", "[::1]:{port}", "localhost."])
def test_the_loopback_names_are_answered(site, host):
    assert request(site, "GET", "/", headers={"Host": host.format(port=site)})[0] == 200


@pytest.mark.parametrize("headers", [
    {"Origin": "null"},
    {"Origin": "http://evil.example"},
    {"Origin": "http://127.0.0.1:1"},  # another program on this machine is another origin
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
])
def test_a_post_from_another_site_is_refused_even_with_a_token(site, headers):
    status, _, body = post_form(site, *form_token(site), headers=headers)
    assert status == 403 and "tas inte emot" in body and "findings" not in body


def test_a_post_from_the_page_itself_is_served(site):
    headers = {"Origin": f"http://127.0.0.1:{site}", "Sec-Fetch-Site": "same-origin"}
    assert post_form(site, *form_token(site), headers=headers)[0] == 200


def test_a_form_without_its_token_is_refused(site):
    token, cookie = form_token(site)
    other_token, other_cookie = form_token(site)
    assert cookie != other_cookie
    for sent in ({}, {"cookie": cookie}, {"token": token}, {"token": token, "cookie": other_cookie},
                 {"token": "0" * 64, "cookie": cookie}, {"token": token.upper(), "cookie": cookie}):
        status, _, body = post_form(site, **sent)
        assert status == 403 and "giltig säkerhetskod" in json.loads(body)["error"], sent
    assert post_form(site, token=other_token, cookie=other_cookie)[0] == 200


def test_the_program_interface_takes_no_form(site):
    """/api/check needs a type a browser cannot send cross-site without a preflight that is never granted."""
    body = urlencode({"bylaw": "laholmsbukten", "calendar": CALENDAR}).encode()
    for kind in ("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"):
        status, _, _ = request(site, "POST", "/api/check", body=body, headers={"Content-Type": kind})
        assert status == 415, kind
    status, headers, _ = request(site, "OPTIONS", "/api/check", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    assert status in (403, 405) and "Access-Control-Allow-Origin" not in headers
    status, _, answer = request(site, "POST", "/api/check", headers={"Content-Type": "application/json"},
                                body=json.dumps({"bylaw": "laholmsbukten", "calendar": CALENDAR,
                                                 "as_of": "2025-01-01"}).encode())
    assert status == 200 and json.loads(answer)["compliant"] is True


@pytest.mark.parametrize("path", ["/", "/check", "/bylaw/laholmsbukten?lang=sv", "/nowhere"])
def test_no_answer_may_be_framed(site, path):
    for host in (f"127.0.0.1:{site}", "evil.example"):
        _, headers, _ = request(site, "GET", path, headers={"Host": host})
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin" and headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_an_oversize_chunked_body_is_413(site):
    """Without a Content-Length the body is counted as it comes, and refused when it passes the limit."""
    with socket.create_connection(("127.0.0.1", site), timeout=10) as sock:
        sock.sendall(f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{site}\r\nContent-Type: application/yaml\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        chunk = b"#" * (1024 * 1024)
        try:
            for _ in range(web.MAX_BODY // len(chunk) + 2):
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed: the rest need not be sent
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_a_stalled_body_is_408(site):
    """A body shorter than its Content-Length, the client waiting: answered 408 once the body pauses."""
    with socket.create_connection(("127.0.0.1", site), timeout=10) as sock:
        sock.sendall(f"POST /api/check?bylaw=laholmsbukten HTTP/1.1\r\nHost: 127.0.0.1:{site}\r\n"
                     "Content-Type: application/yaml\r\nContent-Length: 1000\r\n\r\nmeetings:".encode())
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 408 ") and "slutade komma fram".encode() in answer


def test_a_stalled_head_is_408_and_closed(site):
    with socket.create_connection(("127.0.0.1", site), timeout=10) as sock:
        sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{site}\r\nX-Slow: ".encode())
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 408 ")


def test_the_deadlines_are_seconds():
    assert 1 <= web.BODY_IDLE <= 10 and 1 <= webserver.HEAD_TIMEOUT <= 30 and web.BODY_TOTAL <= 120


def test_many_slow_clients_are_bounded_and_the_others_served(site):
    """Slow clients each hold a connection, not a thread: others are served while they dawdle; past
    MAX_CONNECTIONS a request is refused at once (503); and each slow one is cut off at its deadline."""
    threads = threading.active_count()
    slow = []
    try:
        for _ in range(MAX_CONNECTIONS - 5):
            sock = socket.create_connection(("127.0.0.1", site), timeout=10)
            sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{site}\r\nX-Slow: ".encode())
            slow.append(sock)
        assert threading.active_count() == threads
        assert request(site, "GET", "/")[0] == 200
        assert post_form(site, *form_token(site))[0] == 200
        more = [socket.create_connection(("127.0.0.1", site), timeout=10) for _ in range(10)]
        slow += more
        status, headers, body = request(site, "GET", "/")
        assert status == 503
        # said in Swedish, then English (not uvicorn's bare "Service Unavailable"), with when to try again
        assert body.startswith("Servern har för många öppna anslutningar just nu; försök igen om en stund.")
        assert "too many open connections" in body and headers.get("retry-after") == "5"
        for sock in slow[:MAX_CONNECTIONS - 5]:
            assert _read_all(sock).startswith(b"HTTP/1.1 408 ")
        for sock in more:
            assert _read_all(sock) == b""  # never said a word: closed without an answer
    finally:
        for sock in slow:
            sock.close()
    assert request(site, "GET", "/")[0] == 200


def _read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


# ---- the calendar editor's requests (POST /calendar/ACTION): the same refusals, its token in a header ----
EDITOR_ACTIONS = ("import", "plan", "check", "export")


def editor_token(port: int) -> tuple[str, str]:
    """(token, cookie) as the editor page gives them to its script."""
    _, headers, page = request(port, "GET", "/calendar?bylaw=laholmsbukten")
    token = re.search(r'id="csrf" value="([0-9a-f]+)"', page).group(1)
    return token, headers["Set-Cookie"].partition(";")[0]


def post_editor(port: int, action: str, fields: dict | None = None, token: str | None = None,
                cookie: str | None = None, *, headers: dict | None = None, body: bytes | None = None):
    fields = {"bylaw": "laholmsbukten", "text": CALENDAR, "year": "2027", "format": "yaml",
              "calendar": {"bylaw": "laholmsbukten", "meetings": []}, **(fields or {})}
    extra = {"Content-Type": "application/json", **({"Cookie": cookie} if cookie else {}),
             **({"X-CSRF-Token": token} if token is not None else {})}
    return request(port, "POST", f"/calendar/{action}", body=json.dumps(fields).encode() if body is None else body,
                   headers={**extra, **(headers or {})})


@pytest.mark.parametrize("action", EDITOR_ACTIONS)
def test_the_editor_posts_with_its_token(site, action):
    status, headers, body = post_editor(site, action, None, *editor_token(site))
    assert status == 200, body
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("action", EDITOR_ACTIONS)
def test_the_editor_refuses_a_foreign_host_and_another_site(site, action):
    token, cookie = editor_token(site)
    for headers, code, said in (({"Host": "evil.example"}, 400, "svarar inte på adressen"),
                                ({"Origin": "null"}, 403, "tas inte emot"),
                                ({"Origin": "http://evil.example"}, 403, "tas inte emot"),
                                ({"Sec-Fetch-Site": "cross-site"}, 403, "tas inte emot")):
        status, _, body = post_editor(site, action, None, token, cookie, headers=headers)
        assert status == code and said in body and "calendar" not in body, (headers, body)


@pytest.mark.parametrize("action", EDITOR_ACTIONS)
def test_the_editor_refuses_a_request_without_its_token(site, action):
    token, cookie = editor_token(site)
    _, other_cookie = editor_token(site)
    for sent in ({}, {"cookie": cookie}, {"token": token}, {"token": token, "cookie": other_cookie},
                 {"token": "0" * 64, "cookie": cookie}):
        status, _, body = post_editor(site, action, None, **sent)
        assert status == 403 and "giltig säkerhetskod" in json.loads(body)["error"], sent


def test_the_editor_takes_json_alone_and_nothing_too_large(site):
    """A form or plain text (what a page elsewhere can send without asking) is 415; no JSON object is 400;
    a body over the limit is 413 before it is read."""
    token, cookie = editor_token(site)
    for kind in ("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"):
        status, _, _ = post_editor(site, "check", None, token, cookie, headers={"Content-Type": kind})
        assert status == 415, kind
    for body in (b"[1, 2]", b"{", "\"x\"".encode(), b"\xff\xfe", b"[" * 100_000):
        status, _, answer = post_editor(site, "check", None, token, cookie, body=body)
        assert status == 400, (body[:10], answer)
    status, _, _ = post_editor(site, "check", None, token, cookie, body=b"{}",
                               headers={"Content-Length": str(web.MAX_BODY + 1)})
    assert status == 413


def test_the_editor_refuses_what_it_cannot_do_with_a_reason(site):
    token, cookie = editor_token(site)
    for action, fields, said in (
            ("check", {"bylaw": "nowhere"}, "No bylaw 'nowhere'"),
            ("check", {"calendar": {"meetings": [{"id": "x", "body": "styrgruppen", "date": "2025-13-01"}]}},
             "calendar.yaml:"),
            ("check", {"calendar": "meetings: [\n"}, "calendar.yaml:"),
            ("plan", {"year": "99999"}, "Year:"),
            ("plan", {"year": "1200"}, "outside the years"),
            ("plan", {"time": "25:99"}, "time: the time is written HH:MM"),
            ("export", {"format": "ics", "length": "5"}, "length: the length is minutes"),
            ("export", {"format": "pdf"}, "no format 'pdf'"),
            ("export", {"format": "mapping"}, "there is no mapping"),
            ("import", {"text": "BEGIN:VCALENDAR\nEND:VCALENDAR\n", "bodies": {"x": "nobody"}}, "no body 'nobody'"),
            ("import", {"text": "BEGIN:VCALENDAR\n", "bodies": ["x"]}, "bodies:"),
            ("import", {"text": 5}, "text: text expected"),
            ("import", {"text": CALENDAR.replace("bylaw: laholmsbukten", "bylaw: other")}, "for bylaw 'other'")):
        status, _, body = post_editor(site, action, {"lang": "en", **fields}, token, cookie)  # English words
        # 422: the calendar cannot be read or used (CalendarError, its issues with their lines); 400: the
        # request itself is wrong.
        unusable = said.startswith("calendar.yaml:") or said in ("there is no mapping", "no body 'nobody'",
                                                                 "for bylaw 'other'")
        assert status == (422 if unusable else 400), (status, action, fields)
        assert said in json.loads(body)["error"], (action, fields, body)
    status, _, body = post_editor(site, "nothing", None, token, cookie)
    assert status == 404


ENGLISH_WORDS = ("No bylaw", "is served", "Year", "outside", "the time", "the length", "no format", "no mapping",
                 "no body", "text expected", "not JSON", "Nothing here", "the calendar")


def test_the_editor_says_what_it_cannot_do_in_swedish(site):
    """The page's language is Swedish by default: so are the editor's refusals (no English left in them)."""
    token, cookie = editor_token(site)
    for action, fields, said in (
            ("check", {"bylaw": "nowhere"}, "Avtalet 'nowhere' finns inte här; välj ett av"),
            ("plan", {"year": "99999"}, "År: '99999' är inget årtal."),
            ("plan", {"year": "1200"}, "ligger utanför de år ett sammanträde kan ligga i"),
            ("plan", {"time": "25:99"}, "klockan ska skrivas TT:MM"),
            ("export", {"format": "ics", "length": "5"}, "längden är minuter"),
            ("export", {"format": "pdf"}, "formatet 'pdf' finns inte: välj ett av"),
            ("export", {"format": "mapping"}, "det finns ingen mappning"),
            ("import", {"text": 5}, "text: här ska stå en text, inte int"),
            ("import", {"text": "BEGIN:VCALENDAR\n", "bodies": ["x"]}, "bodies: ett objekt med händelsens rubrik")):
        status, _, body = post_editor(site, action, fields, token, cookie)
        error = json.loads(body)["error"]
        assert status in (400, 422) and said in error, (action, fields, error)
        assert not any(word in error for word in ENGLISH_WORDS), error
    status, _, body = post_editor(site, "check", {"bylaw": "x"}, token, cookie, body=b"[1]")
    assert status == 400 and json.loads(body)["error"] == "Innehållet ska vara ett JSON-objekt."


def test_the_plan_in_the_page_takes_a_time_and_the_ics_export_a_length(site):
    """Plan inside the page (issue 16 item 3): the meetings at the time asked; the exported .ics's events last
    the length asked (DTEND − DTSTART, read independently of the writer from the file's text)."""
    import re
    from datetime import datetime as dt
    token, cookie = editor_token(site)
    status, _, body = post_editor(site, "plan", {"year": "2027", "time": "13:30"}, token, cookie)
    planned = json.loads(body)["calendar"]
    assert status == 200 and planned["meetings"]
    assert {m["date"][10:] for m in planned["meetings"]} == {"T13:30"}
    status, _, body = post_editor(site, "export", {"calendar": planned, "format": "ics", "length": "90"}, token, cookie)
    text = json.loads(body)["text"]
    starts = [dt.strptime(x, "%Y%m%dT%H%M%SZ") for x in re.findall(r"\nDTSTART:(\d{8}T\d{6}Z)", text)]
    ends = [dt.strptime(x, "%Y%m%dT%H%M%SZ") for x in re.findall(r"\nDTEND:(\d{8}T\d{6}Z)", text)]
    assert status == 200 and len(starts) == len(ends) == len(planned["meetings"])
    assert {(e - s).total_seconds() for s, e in zip(starts, ends)} == {90 * 60}
    status, headers, _ = request(site, "GET", "/calendar/check")
    assert status == 405 and headers["Allow"] == "POST"


def test_a_forwarded_for_header_does_not_rename_the_client_in_the_log():
    """No X-Forwarded-For is believed, not even from loopback (uvicorn believes 127.0.0.1's by default): the
    log names the peer that connected, and no local program passes for another address."""
    log = io.StringIO()
    server = web.build_server(served(["laholmsbukten"]), "127.0.0.1", 0, log=log)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        status, _, _ = request(server.server_address[1], "GET", "/?lang=en",
                               headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"})
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert status == 200
    [line] = [line for line in log.getvalue().splitlines() if '"GET /?lang=en"' in line]
    assert line.startswith('127.0.0.1 "GET') and "203.0.113.7" not in log.getvalue()
