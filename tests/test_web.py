"""`governance serve` over HTTP (urllib): the pages, the check form, its JSON, and what it refuses.

The server runs on port 0 in a thread for the whole module. A checked calendar is compared with
`governance check` run on the same text under the same file name (`calendar.yaml` / `calendar.ics`, in a
temporary working folder), so that nothing differs but the medium: the JSON byte for byte (it names no
calendar path anyway), and the HTML report's words line by line with the text report's (its calendar
locations included), the verdict, which the page puts first, moved back to the end.
"""
from __future__ import annotations

import contextlib
import http.client
import io
import json
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from datetime import date
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest

import governance
from governance import web
from governance.cli import main
from governance.commands.serve import served
from governance.loader import shipped_ids

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden" / "reports"
AS_OF = "2025-01-01"  # as tests/test_check_golden.py pins it
# The page serves the shipped bylaws: the calendars of an example bylaw in examples/ are the command's only.
YAML_EXAMPLES = sorted(p for p in EXAMPLES.glob("*-20*.yaml") if any(p.name.startswith(i) for i in shipped_ids()))


def bylaw_of(example: Path) -> str:
    return max((i for i in shipped_ids() if example.name.startswith(i)), key=len)


@pytest.fixture(scope="module")
def site():
    """(base URL, the server's log) of a server for every shipped bylaw, stopped after the module."""
    log = io.StringIO()
    server = web.build_server(served(shipped_ids()), "127.0.0.1", 0, log=log)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url, log
    server.shutdown()
    server.server_close()
    thread.join(5)


def get(url: str, *, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
    """(status, headers, body text); an HTTP error status is an answer like any other here."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers, exc.read().decode("utf-8")


def token(base: str) -> tuple[str, dict]:
    """The form's CSRF token and the cookie header that goes with it, as a browser has them after GET /check."""
    _, headers, page = get(f"{base}check")
    value = re.search(r'<input type="hidden" name="csrf" value="([0-9a-f]{64})">', page)
    assert value, page
    return value.group(1), {"Cookie": headers["Set-Cookie"].partition(";")[0]}


def post_form(base: str, form: dict, *, query: str = "", headers: dict | None = None):
    """The form posted as the page posts it: with its token and cookie."""
    csrf, cookie = token(base)
    data = urlencode({**form, "csrf": csrf}).encode()
    return get(f"{base}check{query}", method="POST", data=data, headers={**cookie, **(headers or {})})


def post_check(base: str, bylaw: str, text: str, *, as_of: str = AS_OF, year: str = "", query: str = "",
               headers: dict | None = None, mapping: str = "", lang: str = "sv"):
    form = {"bylaw": bylaw, "calendar": text, "as_of": as_of, "year": year, "mapping": mapping, "lang": lang}
    return post_form(base, form, query=query, headers=headers)


def command(tmp_path: Path, bylaw: str, text: str, name: str, *args: str) -> tuple[int, str, str]:
    """`governance check BYLAW NAME ARGS…` on `text` saved as NAME, run in tmp_path: (status, stdout, stderr)."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    return run_in(tmp_path, "check", bylaw, name, *args)


def run_in(folder: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def text_of(fragment: str) -> list[str]:
    """The words of an HTML fragment, line by line, as a reader sees them (tags gone, blank lines left out)."""
    lines = (unescape(re.sub(r"<[^>]+>", "", line)).strip() for line in fragment.splitlines())
    return [line for line in lines if line]


def report_lines(page: str) -> list[str]:
    """The page's report in the text report's order: what was left out, the findings, then the verdict."""
    left_out = re.search(r'<ul class="left-out">(.*?)</ul>', page, re.DOTALL)
    section = re.search(r'<section class="report">(.*?)</section>', page, re.DOTALL)
    assert section, page
    verdict, *findings = text_of(section.group(1))
    return (text_of(left_out.group(1)) if left_out else []) + findings + [verdict]


def test_index_lists_every_shipped_bylaw(site):
    base, _ = site
    status, headers, page = get(base)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert page.startswith("<!doctype html>\n<html lang=\"sv\">") and '<meta charset="utf-8">' in page
    assert "<h1>Avtal</h1>" in page and '<a href="/?lang=en" hreflang="en" lang="en">English</a>' in page
    english = get(base + "?lang=en")[2]
    assert english.startswith("<!doctype html>\n<html lang=\"en\">") and "<h1>Bylaws</h1>" in english
    assert '<input type="hidden" name="lang" value="en">' in english
    assert "http" not in page.replace(base, "")  # no external resources (and no link elsewhere)
    assert len(shipped_ids()) == 9
    for bylaw_id in shipped_ids():
        bylaw = governance.load(bylaw_id)
        assert escape(bylaw.title) in page
        for lang in ("en", "sv"):
            assert f'href="/bylaw/{bylaw_id}?lang={lang}"' in page
        assert f'<option value="{bylaw_id}">' in page
    assert page.count('<form method="post" action="/check"') == 1
    assert '<span id="file-choice" hidden>' in page  # without script, no file input that could do nothing


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("bylaw_id", shipped_ids())
def test_document_page_is_the_rendered_bylaw(site, bylaw_id, lang):
    status, headers, page = get(f"{site[0]}bylaw/{bylaw_id}?lang={lang}")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert page == governance.render(governance.load(bylaw_id), format="html", lang=lang)
    assert f'<html lang="{lang}">' in page


@pytest.mark.parametrize("example", YAML_EXAMPLES, ids=[p.name for p in YAML_EXAMPLES])
def test_report_page_says_what_the_text_report_says(site, example):
    """Against the reviewed golden report of `governance check` (tests/golden/reports), whose calendar
    path becomes the pasted calendar's name."""
    text = example.read_text(encoding="utf-8")
    status, _, page = post_check(site[0], bylaw_of(example), text)
    assert status == 200
    golden = GOLDEN / f"{example.name}.txt"
    assert report_lines(page) == text_of(escape(golden.read_text(encoding="utf-8")
                                                .replace(f"examples/{example.name}", "calendar.yaml")))
    compliant = '<p class="verdict compliant">calendar.yaml mot' in page
    assert compliant == json.loads((GOLDEN / f"{example.name}.json").read_text(encoding="utf-8"))["compliant"]
    assert compliant != ('<p class="verdict not-compliant">' in page)
    if "breaches" in example.name:
        assert not compliant
        findings = json.loads((GOLDEN / f"{example.name}.json").read_text(encoding="utf-8"))["findings"]
        quotes = [f["citation"]["quote"] for f in findings if f["citation"] and f["citation"]["quote"]]
        assert quotes and all(f'<span class="quote" lang="sv">“{escape(q)}”</span>' in page for q in quotes)
    else:
        assert compliant and "mot " + bylaw_of(example) + ": följer avtalet" in page


@pytest.mark.parametrize("example", YAML_EXAMPLES, ids=[p.name for p in YAML_EXAMPLES])
def test_json_is_what_the_command_prints(site, example, tmp_path):
    text = example.read_text(encoding="utf-8")
    status, headers, body = post_check(site[0], bylaw_of(example), text, query="?format=json")
    assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    # The same calendar under its own path: the JSON's calendar places ("at") name the pasted one.
    code, out, _ = run_in(ROOT, "check", bylaw_of(example), f"examples/{example.name}", "--format", "json",
                          "--as-of", AS_OF)
    out = out.replace(f'"file": "examples/{example.name}"', '"file": "calendar.yaml"')
    assert body == out and (code == 0) == json.loads(body)["compliant"]


PLAN = "meetings:\n  - id: sg-1\n    body: styrgruppen\n    date: 2025-06-10\n"


def test_as_of_as_the_command_takes_it(site, tmp_path):
    """A plan for the rest of 2025 as of 1 May: a shortfall is a warning; judged today, an error."""
    _, _, body = post_check(site[0], "laholmsbukten", PLAN, as_of="2025-05-01", query="?format=json")
    assert body == command(tmp_path, "laholmsbukten", PLAN, "calendar.yaml", "--format", "json",
                           "--as-of", "2025-05-01")[1]
    assert json.loads(body)["compliant"]
    _, headers, body = post_check(site[0], "laholmsbukten", PLAN, as_of="", headers={"Accept": "application/json"})
    assert headers["Content-Type"].startswith("application/json")
    assert body == command(tmp_path, "laholmsbukten", PLAN, "calendar.yaml", "--format", "json")[1]
    assert not json.loads(body)["compliant"]
    _, _, page = post_check(site[0], "laholmsbukten", PLAN, as_of="")
    assert f'<p class="judged">Bedömd per {date.today().isoformat()}.</p>' in page
    _, _, page = post_check(site[0], "laholmsbukten", PLAN, as_of="", lang="en")
    assert f'<p class="judged">Judged as of {date.today().isoformat()}.</p>' in page


def test_a_year_as_the_command_takes_it(site, tmp_path):
    text = (EXAMPLES / "laholmsbukten-2025-breaches.yaml").read_text(encoding="utf-8")
    _, _, body = post_check(site[0], "laholmsbukten", text, year="2024", query="?format=json")
    assert body == command(tmp_path, "laholmsbukten", text, "calendar.yaml", "--format", "json",
                           "--as-of", AS_OF, "--year", "2024")[1]
    assert json.loads(body)["findings"] != json.loads(post_check(site[0], "laholmsbukten", text,
                                                                 query="?format=json")[2])["findings"]


def test_an_ics_export_is_read_as_ics(site, tmp_path):
    """Pasted text that starts BEGIN:VCALENDAR is an .ics; with no mapping file, what maps to no body is
    left out and listed, as the command lists it on stderr."""
    text = (EXAMPLES / "laholmsbukten-2025.ics").read_text(encoding="utf-8")
    status, _, page = post_check(site[0], "laholmsbukten", text, lang="en")
    _, out, err = command(tmp_path, "laholmsbukten", text, "calendar.ics", "--as-of", AS_OF, "--lang", "en")
    assert status == 200 and "calendar.ics:211: warning: event" in err
    # Nothing mapped, so nothing was checked: each says so in its own words (the page's form, --mapping).
    said, = [line for line in err.splitlines() if "no meeting was checked" in line]
    assert report_lines(page) == text_of(escape(err.replace(said + "\n", "") + out))
    assert "No meeting was checked" in page
    _, _, body = post_check(site[0], "laholmsbukten", text, query="?format=json")
    assert body == command(tmp_path, "laholmsbukten", text, "calendar.ics", "--format", "json", "--as-of", AS_OF)[1]


def test_an_ics_export_with_its_mapping_is_read_as_the_command_reads_it(site, tmp_path):
    """The mapping field is the command's --mapping: the same events placed, the same report."""
    text = (EXAMPLES / "laholmsbukten-2025.ics").read_text(encoding="utf-8")
    mapping = (EXAMPLES / "laholmsbukten-mapping.yaml").read_text(encoding="utf-8")
    (tmp_path / "mapping.yaml").write_text(mapping, encoding="utf-8")
    status, _, page = post_check(site[0], "laholmsbukten", text, mapping=mapping, lang="en")
    _, out, err = command(tmp_path, "laholmsbukten", text, "calendar.ics", "--mapping", "mapping.yaml",
                          "--as-of", AS_OF, "--lang", "en")
    assert status == 200 and "Add its summary or category under bodies: in mapping.yaml" in page
    # With the mapping, only the study visit maps to no body; without it, every event, and the page says
    # that nothing was checked rather than just "compliant".
    assert page.count("maps to no body") == 1 and "No meeting was checked" not in page
    without = post_check(site[0], "laholmsbukten", text, lang="en")[2]
    assert without.count("maps to no body") == 4
    assert "No meeting was checked: every event was left out (an .ics needs its mapping file: the mapping field)" in without
    assert report_lines(page) == text_of(escape(err + out))
    _, _, body = post_check(site[0], "laholmsbukten", text, mapping=mapping, query="?format=json")
    assert body == command(tmp_path, "laholmsbukten", text, "calendar.ics", "--mapping", "mapping.yaml",
                           "--format", "json", "--as-of", AS_OF)[1]


def test_a_standing_meeting_is_read_into_the_year_checked_as_the_command_reads_it(site, tmp_path):
    """An .ics meeting that recurs without end is read through the year checked, on the page as by the command."""
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//SV\r\nBEGIN:VEVENT\r\nUID:s\r\n"
            "DTSTART;TZID=Europe/Stockholm:20240116T090000\r\nSUMMARY:Referensgruppen\r\n"
            "RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=3TU\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    mapping = "bylaw: laholmsbukten\nbodies:\n  Referensgruppen: referensgruppen\n"
    (tmp_path / "mapping.yaml").write_text(mapping, encoding="utf-8")
    _, _, body = post_check(site[0], "laholmsbukten", text, mapping=mapping, year="2026", as_of="2026-12-31",
                            query="?format=json")
    assert json.loads(body)["checked"] == 4
    assert body == command(tmp_path, "laholmsbukten", text, "calendar.ics", "--mapping", "mapping.yaml",
                           "--format", "json", "--as-of", "2026-12-31", "--year", "2026")[1]


def test_the_planner_page_imports_a_standing_meeting_through_this_year(site):
    """An Outlook series without end, begun two years ago: the import holds this year's meetings too."""
    start = date.today().year - 2
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//SV\r\nBEGIN:VEVENT\r\nUID:s\r\n"
            f"DTSTART;TZID=Europe/Stockholm:{start}0116T090000\r\nSUMMARY:Referensgruppen\r\n"
            "RRULE:FREQ=MONTHLY;INTERVAL=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    _, headers, page = get(f"{site[0]}calendar?bylaw=laholmsbukten")
    csrf = re.search(r'id="csrf" value="([0-9a-f]+)"', page).group(1)
    fields = {"bylaw": "laholmsbukten", "text": text, "mapping": "bodies:\n  Referensgruppen: referensgruppen\n"}
    status, _, body = get(f"{site[0]}calendar/import", method="POST", data=json.dumps(fields).encode(),
                          headers={"Content-Type": "application/json", "X-CSRF-Token": csrf,
                                   "Cookie": headers["Set-Cookie"].partition(";")[0]})
    assert status == 200, body
    years = [m["date"][:4] for m in json.loads(body)["calendar"]["meetings"]]
    assert years == [str(y) for y in range(start, start + 3) for _ in range(4)]
    assert any("återkommer utan slutdatum" in said for said in json.loads(body)["left_out"])


@pytest.mark.parametrize(("calendar", "mapping", "said"), [
    ("laholmsbukten-2025.yaml", "bodies: [not, a, mapping]\n", "mapping.yaml:1: error: a mapping file is only used"),
    ("laholmsbukten-2025.ics", "bodies:\n  - oops\n", "mapping.yaml:2: error: 'bodies' must be a mapping"),
    ("laholmsbukten-2025.ics", "bodies:\n  - oops\n", "mapping.yaml:2: fel: 'bodies' måste vara en mappning"),
])
def test_a_mapping_that_cannot_be_used_is_named_with_its_line(site, calendar, mapping, said):
    text = (EXAMPLES / calendar).read_text(encoding="utf-8")
    lang = "sv" if ": fel: " in said else "en"  # the reader's messages in the language asked for
    status, _, body = post_check(site[0], "laholmsbukten", text, mapping=mapping, query="?format=json", lang=lang)
    assert status == 422 and said in json.loads(body)["error"] and "governance-serve-" not in body


BAD = """\
bylaw: laholmsbukten
meetings:
  - id: a
    body: styrgruppen
    date: 2025-02-30
  - id: b
    body: styrgruppen
    date: 2025-03-01
    colour: red
"""


def test_a_bad_calendar_is_422_with_every_issue_and_its_line(site, tmp_path):
    status, _, page = post_check(site[0], "laholmsbukten", BAD)
    assert status == 422 and "Traceback" not in page
    code, out, err = command(tmp_path, "laholmsbukten", BAD, "calendar.yaml")
    assert code == 2 and out == "" and len(err.splitlines()) == 2
    issues = re.search(r'<ul class="problems">(.*?)</ul>', page, re.DOTALL)
    assert issues and text_of(issues.group(1)) == err.splitlines()
    assert [line.split(":")[1] for line in err.splitlines()] == ["5", "9"]
    assert f"\n{escape(BAD)}</textarea>" in page  # the calendar stays in the form, to be mended
    status, _, body = post_check(site[0], "laholmsbukten", BAD, query="?format=json")
    answer = json.loads(body)
    assert status == 422 and answer["error"] == err.rstrip("\n")
    assert [(i["file"], i["line"]) for i in answer["issues"]] == [("calendar.yaml", 5), ("calendar.yaml", 9)]


@pytest.mark.parametrize("text, said", [
    ("", "calendar.yaml:1: fel: kalendern är tom"),  # the page's language (sv) for the readers' messages too
    ("# plan\nbylaw: halsingeradet\nmeetings: []\n",
     "calendar.yaml:2: fel: kalendern gäller avtalet &#x27;halsingeradet&#x27;, inte &#x27;laholmsbukten&#x27;"),
    ("meetings: [\n", "calendar.yaml:1: fel: här saknas ett värde, eller så avslutas inte en lista"),
    ("BEGIN:VCALENDAR\nthis is no calendar\n", "calendar.ics:"),
])
def test_unreadable_calendars(site, text, said):
    status, _, page = post_check(site[0], "laholmsbukten", text)
    assert status == 422 and said in page, page


SERVED = ("gavleborg-hjalpmedelsnamnd, halmstad-region-2020, halsingeradet, laholmsbukten, lidkoping-raddningsnamnd, "
          "malmolundregionen, medelpad-raddningstjanstforbund, mitt-bohuslan-raddningstjanstforbund, vasterbotten-planbygg.")


@pytest.mark.parametrize("fields, sv, en", [
    ({"bylaw": "nowhere"}, f"Avtalet &#x27;nowhere&#x27; finns inte här; välj ett av {SERVED}",
     f"No bylaw &#x27;nowhere&#x27; is served here; choose one of {SERVED}"),
    ({"bylaw": '"><script>'}, "Avtalet &#x27;&quot;&gt;&lt;script&gt;&#x27; finns inte här; välj ett av",
     "No bylaw &#x27;&quot;&gt;&lt;script&gt;&#x27; is served here; choose one of"),
    ({"as_of": "1 May"}, "Per dag: &#x27;1 May&#x27; är inget datum (ÅÅÅÅ-MM-DD).",
     "As of: &#x27;1 May&#x27; is not a date (YYYY-MM-DD)."),
    ({"year": "²"}, "År: &#x27;²&#x27; är inget årtal.", "Year: &#x27;²&#x27; is not a year."),
])
def test_bad_fields_are_400(site, fields, sv, en):
    """Said in the page's language: Swedish by default, English when the form asks for it."""
    for lang, said in (("sv", sv), ("en", en)):
        form = {"bylaw": "laholmsbukten", "calendar": "meetings: []\n", **fields, **({"lang": lang} if lang == "en" else {})}
        status, _, page = post_form(site[0], form)
        assert status == 400 and said in page
        assert f"<h1>{'Felaktig begäran' if lang == 'sv' else 'Bad Request'}</h1>" in page
        status, _, body = post_form(site[0], form, query="?format=json")
        assert status == 400 and json.loads(body)["error"].startswith(unescape(said))


def test_oversize_is_413_before_the_body_is_read(site):
    """Only the headers are sent: the answer comes without the server waiting for 10 MB."""
    host, port = site[0].removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.putrequest("POST", "/check")
    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
    connection.putheader("Content-Length", str(web.MAX_BODY + 1))
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413 and "gränsen är 10,0 MB".encode() in response.read()
    connection.close()


@pytest.mark.parametrize(("text", "against"), [
    ((EXAMPLES / "halsingeradet-2025.yaml").read_text(encoding="utf-8"), "halsingeradet"),
    ((EXAMPLES / "laholmsbukten-2025.yaml").read_text(encoding="utf-8"), "laholmsbukten"),
])
def test_by_default_the_calendar_is_checked_against_its_own_bylaw(site, text, against, tmp_path):
    """The list's first choice, selected by default: the bylaw the calendar names, as the command would
    be given it; the report and the form again say which."""
    status, _, page = post_check(site[0], "", text)
    assert status == 200 and f'mot {against}: ' in page
    assert '<option value="" selected>' in page
    _, _, body = post_check(site[0], "", text, query="?format=json")
    assert body == command(tmp_path, against, text, "calendar.yaml", "--format", "json", "--as-of", AS_OF)[1]


def test_a_calendar_naming_no_bylaw_is_not_guessed(site):
    status, _, page = post_check(site[0], "", PLAN)
    assert status == 422 and "kalendern anger inget avtal" in page and "välj avtalet i listan" in page
    status, _, page = post_check(site[0], "", "bylaw: nowhere\n" + PLAN)
    assert status == 422 and "anger avtalet &#x27;nowhere&#x27;, som inte finns här" in page


def test_the_list_puts_the_newest_versions_first(site):
    page = get(f"{site[0]}check")[2]
    options = re.findall(r'<option value="([^"]*)"', page)
    assert options[0] == "" and options[-1] == "halmstad-region-2020"
    assert "halmstad-region-2020: " in page and "(ersatt av laholmsbukten)</option>" in page


def test_no_temporary_folder_is_left(site):
    before = set(Path(tempfile.gettempdir()).glob("governance-serve-*"))
    post_check(site[0], "laholmsbukten", (EXAMPLES / "laholmsbukten-2025.yaml").read_text(encoding="utf-8"))
    post_check(site[0], "laholmsbukten", BAD)
    assert set(Path(tempfile.gettempdir()).glob("governance-serve-*")) == before


def test_paths_and_methods(site):
    base = site[0]
    for path in ("nowhere", "bylaw/nowhere", "bylaw/", "check/", "bylaw/laholmsbukten/x"):
        assert get(base + path)[0] == 404, path
    status, headers, _ = get(base, method="POST", data=b"")
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    status, headers, _ = get(base + "check", method="PUT", data=b"")
    assert status == 405 and headers["Allow"] == "GET, HEAD, POST"
    assert get(base + "bylaw/laholmsbukten", method="DELETE")[0] == 405
    status, headers, body = get(base, method="HEAD")
    assert status == 200 and body == "" and int(headers["Content-Length"]) > 1000
    assert get(base + "bylaw/laholmsbukten?lang=fi")[0] == 400
    assert get(base + "check", method="POST", data=b"{}", headers={"Content-Type": "application/json"})[0] == 415
    status, _, body = get(base + "nowhere", headers={"Accept": "application/json"})
    assert status == 404 and json.loads(body) == {"error": "Här finns ingenting: /nowhere"}
    status, _, body = get(base + "nowhere?lang=en", headers={"Accept": "application/json"})
    assert status == 404 and json.loads(body) == {"error": "Nothing here: /nowhere"}
    status, _, page = get(base + "nowhere")
    assert "<h1>Sidan finns inte</h1>" in page and "Här finns ingenting: /nowhere" in page
    status, _, page = get(base + "nowhere?lang=en")
    assert "<h1>Not Found</h1>" in page and "Nothing here: /nowhere" in page
    status, _, page = get(base + "check?bylaw=malmolundregionen")
    assert status == 200 and '<option value="malmolundregionen" selected>' in page


HOSTILE = """\
meetings:
  - id: "</textarea><script>alert('id')</script>"
    body: referensgruppen
    date: 2025-12-25
"""


def test_hostile_text_is_escaped(site):
    status, _, page = post_check(site[0], "laholmsbukten", HOSTILE)
    assert status == 200 and "infaller på en allmän helgdag" in page
    assert "<script>alert" not in page and "</textarea><script>" not in page
    hostile = escape("'</textarea><script>alert('id')</script>'")
    assert f'<span class="message">{hostile} infaller på en allmän helgdag' in page
    status, _, page = post_check(site[0], "laholmsbukten", "meetings:\n  - {<b>id</b>: 1}\n")
    assert status == 422 and "<b>id</b>" not in page and "&lt;b&gt;id&lt;/b&gt;" in page


def _ctrl_c_as_at_a_terminal() -> None:
    """The server started as from a terminal, where Ctrl-C interrupts: a test run started in the background
    of a shell (`make test &`, nohup) has SIGINT ignored, which its children inherit, and an ignored SIGINT
    neither stops the parent of --workers 2 nor lets the command say it stopped."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow  # the command started as a process and stopped
def test_the_command_serves_until_interrupted(tmp_path):
    process = subprocess.Popen([sys.executable, "-m", "governance", "serve", "--port", "0", "laholmsbukten"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                               preexec_fn=_ctrl_c_as_at_a_terminal)
    try:
        line = process.stdout.readline()
        url = re.fullmatch(r"governance: webbsidan för 1 avtal finns på (http://127\.0\.0\.1:\d+/) \(Ctrl-C stänger\)\n",
                           line)
        assert url, line
        status, _, page = get(url.group(1))
        assert status == 200 and "laholmsbukten" in page and "halsingeradet" not in page
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0 and "Traceback" not in err and err.endswith("governance: stängd\n")


@pytest.mark.slow  # the command started as a process and stopped
def test_the_command_serves_from_several_processes(tmp_path):
    """--workers 2: two processes answer on one port; Ctrl-C to the parent stops both."""
    process = subprocess.Popen([sys.executable, "-m", "governance", "serve", "--port", "0", "--workers", "2",
                                "laholmsbukten", "--lang", "en"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=tmp_path, preexec_fn=_ctrl_c_as_at_a_terminal)
    try:
        url = re.search(r"at (http://127\.0\.0\.1:\d+/) ", process.stdout.readline()).group(1)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        for _ in range(100):
            if len(children.read_text().split()) == 2:
                break
            threading.Event().wait(0.1)
        workers = [int(pid) for pid in children.read_text().split()]
        assert len(workers) == 2
        text = (EXAMPLES / "laholmsbukten-2025.yaml").read_text(encoding="utf-8")
        for _ in range(4):
            status, _, body = post_check(url, "laholmsbukten", text, query="?format=json")
            assert status == 200 and json.loads(body)["compliant"]
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0 and "Traceback" not in err and err.endswith("governance: stopped\n")
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def test_the_command_refuses_bad_input(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "laholmsbukten", "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert err == f"governance: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
        assert main(["serve", "--port", str(port), "laholmsbukten"]) == 2
        assert capsys.readouterr().err == (f"governance: fel: kan inte lyssna på 127.0.0.1:{port}: adressen används "
                                           "redan (körs servern redan?)\n")
    assert main(["serve", "nowhere"]) == 2
    assert "inget avtal med det id:t" in capsys.readouterr().err
    assert main(["serve", "--port", "0", "laholmsbukten", str(ROOT / "bylaws/laholmsbukten.bylaw"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == "governance: error: two bylaws have the id 'laholmsbukten'\n"
    assert main(["serve", "--port", "0", "laholmsbukten", str(ROOT / "bylaws/laholmsbukten.bylaw")]) == 2
    assert capsys.readouterr().err == "governance: fel: två avtal har id:t 'laholmsbukten'\n"
    for argv in (["--port", "http"], ["--workers", "0"], ["--workers", "many"]):
        with pytest.raises(SystemExit) as exit:
            main(["serve", *argv])
        assert exit.value.code == 2


# ---- the calendar editor (/calendar): its pages; its requests in test_web_security.py and the browser walk ----
def test_the_editor_is_chosen_from_the_collaborations_without_script(site):
    base, _ = site
    status, _, page = get(f"{base}calendar?lang=sv")
    assert status == 200 and "<title>Mötesplanering</title>" in page
    assert '<form method="get" action="/calendar">' in page and "<script src=" not in page
    assert all(f'<option value="{i}">' in page for i in shipped_ids())
    status, _, page = get(f"{base}calendar?bylaw=nowhere")
    assert status == 404
    _, _, index = get(f"{base}?lang=en")
    assert '<a href="/calendar?bylaw=laholmsbukten&amp;lang=en">Meeting planner</a>' in index


def test_the_editor_page_carries_its_script_its_data_and_words_for_a_reader_without_script(site):
    base, _ = site
    status, headers, page = get(f"{base}calendar?bylaw=laholmsbukten&lang=sv")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in csp and "connect-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert '<script src="/static/editor.js"></script>' in page
    assert '<div id="editor" hidden>' in page  # the script shows it; without script the noscript says what to do
    assert '<noscript><p class="problems">Tabellen behöver JavaScript.' in page
    assert '<a href="/check?bylaw=laholmsbukten&amp;lang=sv">kontrollera en kalender som text</a>' in page
    blob = re.search(r'<script type="application/json" id="editor-data">(.*?)</script>', page, re.S).group(1)
    data = json.loads(blob)
    assert data["bylaw"]["id"] == "laholmsbukten" and data["lang"] == "sv" and data["words"]["remove"] == "Ta bort"
    assert data["year"] == date.today().year + 1
    status, headers, script = get(f"{base}static/editor.js")
    assert status == 200 and headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    # Nothing from elsewhere: the script talks to this server only, by relative paths.
    assert "://" not in script and '"/calendar/" + action' in script


def test_the_editor_data_cannot_close_its_script_element():
    """A bylaw's text inside the page's JSON is escaped for <script>: a title with </script> stays data."""
    import dataclasses

    from governance.editor import bylaw_facts
    bylaw = governance.load("laholmsbukten")
    hostile = dataclasses.replace(bylaw, title="</script><script>alert(1)</script>")
    site_ = web.Site({"laholmsbukten": web.Served(hostile)}, io.StringIO(), 5)
    page = site_._editor(site_.served["laholmsbukten"], web.Ask("t")).body
    assert "<script>alert(1)" not in page and bylaw_facts(hostile)["title"] in json.loads(
        re.search(r'id="editor-data">(.*?)</script>', page, re.S).group(1))["bylaw"]["title"]


def test_a_lone_surrogate_in_a_json_body_is_refused_not_an_internal_error(site):
    """JSON may escape half of a UTF-16 pair (\\ud800), which no UTF-8 text holds: the calendar is refused
    (422, at its line) as a file that is not UTF-8 is, and a bylaw named so is no such bylaw (400); neither
    was an answer before (UnicodeEncodeError: 500)."""
    base, _ = site
    def api(fields: dict) -> tuple[int, dict]:
        data = json.dumps(fields).encode()  # ensure_ascii: the surrogate goes as the escape \ud800
        status, _, body = get(base + "api/check", method="POST", data=data, headers={"Content-Type": "application/json"})
        return status, json.loads(body)
    calendar = "bylaw: laholmsbukten\nmeetings: []\n# \ud800\n"
    status, answer = api({"bylaw": "laholmsbukten", "calendar": calendar, "lang": "en"})
    assert status == 422 and answer["issues"] == [{"file": "calendar.yaml", "line": 3, "col": 0, "severity": "error", "message":
        "not UTF-8 text (character U+D800 has no UTF-8 form); save the calendar as UTF-8"}]
    status, answer = api({"bylaw": "laholmsbukten", "calendar": calendar})
    assert status == 422 and "inte UTF-8-text (tecknet U+D800 finns inte i UTF-8); spara kalendern som UTF-8" in answer["error"]
    status, answer = api({"bylaw": "laholm\ud800", "calendar": "meetings: []\n"})
    assert status == 400 and "laholm?" in answer["error"]
