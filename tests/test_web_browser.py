"""`governance serve` in a real browser: Debian's Chromium, headless, through Debian's chromedriver.

Both paths are given to Selenium, so that Selenium Manager never looks for (or downloads) a driver. Without
them the test skips, unless GOVERNANCE_REQUIRE_BROWSER=1 (as .ci/run sets it): then it fails, so that CI
cannot pass without having run it. `make browser` installs them.
"""
from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path

import pytest

import governance
from governance import web
from governance.commands.serve import served
from governance.loader import shipped_ids

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
BREACHES = ROOT / "examples" / "laholmsbukten-2025-breaches.yaml"
GOLDEN = ROOT / "tests" / "golden" / "reports" / f"{BREACHES.name}.json"
COMPLIANT = ROOT / "examples" / "laholmsbukten-2025.yaml"

pytestmark = pytest.mark.browser


def _missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    absent = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if absent:
        return f"no {' and no '.join(absent)} (`make browser` installs chromium and chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("GOVERNANCE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"GOVERNANCE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--disable-extensions", "--no-first-run", "--window-size=1200,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def site():
    server = web.build_server(served(shipped_ids()), "127.0.0.1", 0, log=io.StringIO())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_read_a_bylaw_then_check_a_calendar_chosen_as_a_file_and_one_pasted(browser, site):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    # Stale: the page asked about was replaced by the next one while waiting for it.
    wait = WebDriverWait(browser, 10, ignored_exceptions=(StaleElementReferenceException,))
    bylaw = governance.load("laholmsbukten")

    browser.get(site)
    assert browser.title == "Avtal"
    assert bylaw.title in browser.find_element(By.CSS_SELECTOR, "ul.bylaws").text
    browser.find_element(By.CSS_SELECTOR, 'a[href="/bylaw/laholmsbukten?lang=sv"]').click()
    wait.until(lambda d: d.title == f"{bylaw.title} (laholmsbukten)")
    assert bylaw.title in browser.find_element(By.TAG_NAME, "h1").text

    browser.back()
    browser.find_element(By.CSS_SELECTOR, 'a[href="/check?bylaw=laholmsbukten&lang=sv"]').click()
    wait.until(lambda d: d.title == "Kontrollera en kalender")
    chooser = browser.find_element(By.ID, "file")
    assert chooser.is_displayed()  # the script showed it: hidden without script, where it could do nothing
    assert browser.find_element(By.CSS_SELECTOR, "#bylaw option:checked").get_attribute("value") == "laholmsbukten"
    chooser.send_keys(str(BREACHES))
    calendar = browser.find_element(By.ID, "calendar")
    wait.until(lambda d: calendar.get_property("value") != "")
    assert calendar.get_property("value") == BREACHES.read_text(encoding="utf-8")
    # A date input's typing order depends on the locale; the value is what the form sends.
    browser.execute_script("document.getElementById('as_of').value = '2025-01-01'")
    browser.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()

    verdict = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.verdict"))[0]
    assert verdict.get_attribute("class") == "verdict not-compliant"
    assert verdict.text == "calendar.yaml mot laholmsbukten: följer inte avtalet — 7 fel, 1 varning, 3 sammanträden granskade"
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["findings"]
    shown = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    assert [f.find_element(By.CSS_SELECTOR, ".rule").text for f in shown] == [f["rule"] for f in golden]
    quotes = [q.text for q in browser.find_elements(By.CSS_SELECTOR, "li.finding .quote")]
    assert quotes == [f"“{f['citation']['quote']}”" for f in golden if f["citation"]["quote"]]
    assert "Kalendern: calendar.yaml, rad 19" in browser.find_element(By.CSS_SELECTOR, "section.report").text

    # The form below the report holds the calendar just checked; paste another over it.
    calendar = browser.find_element(By.ID, "calendar")
    assert calendar.get_property("value") == BREACHES.read_text(encoding="utf-8")
    calendar.clear()
    calendar.click()
    # Pasted: Chromium inserts the text at the caret as a paste does (typing it with send_keys takes 4 s).
    browser.execute_cdp_cmd("Input.insertText", {"text": COMPLIANT.read_text(encoding="utf-8")})
    assert calendar.get_property("value") == COMPLIANT.read_text(encoding="utf-8")
    browser.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    # Asked in one script, within one document: a verdict element found in the page being replaced and then
    # asked for its class raised "Node ... does not belong to the document" (not a stale reference).
    wait.until(lambda d: d.execute_script("return document.querySelector('p.verdict')?.className") ==
               "verdict compliant")
    assert browser.find_element(By.CSS_SELECTOR, "p.verdict").text == \
        "calendar.yaml mot laholmsbukten: följer avtalet — 0 fel, 0 varningar, 6 sammanträden granskade"
    assert browser.find_elements(By.CSS_SELECTOR, "li.finding") == []


AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1, npm
SCREENSHOTS = ROOT / "build" / "screenshots"
PAGES = [("index-sv", "?lang=sv"), ("index-en", "?lang=en"), ("check-sv", "check"),
         ("document-sv", "bylaw/laholmsbukten?lang=sv"), ("document-en", "bylaw/laholmsbukten?lang=en"),
         ("not-found", "nowhere"), ("report-sv", None), ("unreadable-sv", None),
         ("calendar-pick-sv", "calendar?lang=sv"), ("calendar-pick-en", "calendar?lang=en"),
         ("calendar-en", "calendar?bylaw=laholmsbukten&lang=en")]


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_every_page_passes_axe_and_is_photographed(browser, site, name, path):
    """axe-core (vendored from npm, its hash checked) on every page the site has, each in Swedish where it
    has words: no violation of serious or critical impact. A screenshot of each goes to build/screenshots/.
    (The calendar editor in Swedish, with a calendar in it and a finding beside a meeting, is checked in
    the walk below.)"""
    from selenium.webdriver.common.by import By

    if path is not None:
        browser.get(site + path)
    else:  # the report of a calendar that breaks the bylaw, and the page for one that cannot be read
        browser.get(site + "check?lang=sv")
        text = BREACHES.read_text(encoding="utf-8") if name == "report-sv" else "meetings: [\n"
        browser.execute_script("document.getElementById('calendar').value = arguments[0];"
                               "document.getElementById('as_of').value = '2025-01-01';", text)
        from selenium.webdriver.support.ui import WebDriverWait

        before = browser.find_element(By.TAG_NAME, "html")
        browser.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
        # The answer is a new page: wait until the form's page is gone and the answer's mark is there.
        WebDriverWait(browser, 30).until(_gone(before))
        WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.verdict, ul.problems"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    assert axe_serious(browser) == []


def _gone(element):
    """expected_conditions.staleness_of, also when Chromium says the node no longer belongs to the document:
    an inspector error selenium does not turn into StaleElementReferenceException (seen when the answer
    arrives while the old page's element is being asked about)."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def check(_) -> bool:
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
    return check


def axe_serious(browser) -> list:
    """axe-core's violations of serious or critical impact on the page as it is now."""
    import hashlib

    source = AXE.read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256
    # Run through the driver (DevTools), not as a page script: the page's CSP allows only its own script.
    browser.execute_script(source.decode("utf-8"))
    browser.set_script_timeout(60)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
        "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))),"
        " e => done({error: String(e)}));")
    assert not isinstance(result, dict), result
    return [v for v in result if v["impact"] in ("serious", "critical")]


def test_a_report_prints_without_its_form(browser, site):
    """Printed (Chromium's print media), a report page keeps its heading, the report's head (collaboration,
    calendar, period, verdict, date judged: the page's own 'judged' line would say it twice), the verdict and
    the findings, and drops the navigation, the form and the heading above it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(site + "check?lang=sv")
    browser.execute_script("document.getElementById('calendar').value = arguments[0];"
                           "document.getElementById('as_of').value = '2025-01-01';",
                           BREACHES.read_text(encoding="utf-8"))
    before = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    WebDriverWait(browser, 30).until(_gone(before))
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.verdict"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = lambda css: all(e.is_displayed() for e in browser.find_elements(By.CSS_SELECTOR, css))
        hidden = lambda css: not any(e.is_displayed() for e in browser.find_elements(By.CSS_SELECTOR, css))
        assert shown("h1") and shown("dl.report-head") and shown("p.verdict") and shown("li.finding")
        assert hidden("nav") and hidden("p.judged") and hidden("form") and hidden("h2.again")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(SCREENSHOTS / "report-sv-print.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert browser.find_element(By.TAG_NAME, "nav").is_displayed()


ICS = ROOT / "examples" / "laholmsbukten-2025.ics"
MAPPING = ROOT / "examples" / "laholmsbukten-mapping.yaml"


def fresh_editor(browser, url: str) -> None:
    """The editor at `url` with nothing kept from an earlier test (the page keeps its table for the tab when
    it is left): cleared from a page of the same site that is not the editor, so that no editor saves after."""
    browser.get(url.split("calendar")[0] + "check")
    browser.execute_script("window.sessionStorage.clear()")
    browser.get(url)


def photograph(browser, name: str) -> None:
    """The whole page (the window made as tall as it), as build/screenshots/NAME.png."""
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1400, max(900, min(int(height) + 40, 6000)))
    browser.execute_script("window.scrollTo(0, 0)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def command(ics: Path, *options: str) -> tuple[int, str, str]:
    """`governance check laholmsbukten ICS [OPTIONS]` in its own process, as a secretary runs it (the
    mapping is found beside the .ics by its name)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "governance", "check", "laholmsbukten", str(ics), *options],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    return done.returncode, done.stdout, done.stderr


def test_the_secretary_walk_in_swedish(browser, site, tmp_path):
    """The whole path of issue 16 in Swedish, in the page's table: pick the collaboration, import the Outlook
    export with its mapping (choosing which body each event title is), check it, add a meeting, see the
    finding beside it, export .ics and check that with the command (the same verdict and findings), fix the
    meeting, check again, export again, check with the command again. Each step photographed under
    build/screenshots/walk-*.png; axe-core on the editor at each state."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(browser, 30)
    try:
        fresh_editor(browser, site + "calendar?lang=sv")
        assert browser.title == "Mötesplanering"
        Select(browser.find_element(By.ID, "bylaw")).select_by_value("laholmsbukten")
        photograph(browser, "walk-1-pick")
        browser.find_element(By.CSS_SELECTOR, "form[action='/calendar'] button").click()
        wait.until(lambda d: d.title == "Mötesplanering: laholmsbukten")
        wait.until(lambda d: d.find_element(By.ID, "editor").is_displayed())
        assert browser.find_element(By.CSS_SELECTOR, "#meetings tbody").text.startswith("Inga möten ännu")
        assert axe_serious(browser) == []

        # Import: the .ics and its mapping file; each event title gets the body the mapping gives it.
        browser.find_element(By.ID, "import-file").send_keys(str(ICS))
        browser.find_element(By.ID, "import-mapping").send_keys(str(MAPPING))
        browser.find_element(By.ID, "import").click()
        rows = "#meetings tbody tr[data-meeting]"
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, rows)) == 6)
        titles = {s.get_attribute("data-title"): Select(s).first_selected_option.get_attribute("value")
                  for s in browser.find_elements(By.CSS_SELECTOR, "#titles select")}
        assert titles == {"Referensgruppen Laholmsbukten": "referensgruppen",
                          "Referensgruppen Laholmsbukten (flyttat)": "referensgruppen",
                          "Studiebesök Kattegattleden": "", "Styrgruppen Laholmsbukten": "styrgruppen"}
        assert "Inläst: 6 möten. Utanför kontrollen" in browser.find_element(By.ID, "status").text
        assert browser.find_element(By.ID, "export-mapping").is_displayed()  # the choice, to save as a file
        photograph(browser, "walk-2-imported")

        def check() -> str:
            browser.find_element(By.ID, "check").click()
            wait.until(lambda d: d.find_element(By.ID, "summary").is_displayed()
                       and d.find_element(By.ID, "status").text.startswith("Kontrollerat."))
            return browser.find_element(By.CSS_SELECTOR, "#summary p.verdict").get_attribute("class")

        assert check() == "verdict compliant"
        assert {c.text for c in browser.find_elements(By.CSS_SELECTOR, "#meetings td.results")} == {"inga iakttagelser"}
        photograph(browser, "walk-3-checked")

        # Add a meeting of the steering group with two of its ten seats present: not quorate.
        browser.find_element(By.ID, "add").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, rows)) == 7)
        Select(browser.find_element(By.CSS_SELECTOR, "#meeting-7 select.body")).select_by_value("styrgruppen")
        row = browser.find_element(By.ID, "meeting-7")
        for css, value in (("input.date", "2025-12-09"), ("input.time", "13:00")):
            field = row.find_element(By.CSS_SELECTOR, css)
            field.clear()
            field.send_keys(value, Keys.TAB)
        row.find_element(By.CSS_SELECTOR, "details.present summary").click()
        boxes = row.find_elements(By.CSS_SELECTOR, "details.present input[type=checkbox]")
        assert [b.get_attribute("value") for b in boxes][:5] == \
            ["bastad/kso", "falkenberg/kso", "halmstad/kso", "hylte/kso", "laholm/kso"]
        for box in boxes:
            if box.get_attribute("value") in ("halmstad/kso", "laholm/kso"):
                box.click()
        assert row.find_element(By.CSS_SELECTOR, "details.present summary").text == "2 av 10 närvarande"
        assert check() == "verdict not-compliant"
        row = browser.find_element(By.ID, "meeting-7")
        beside = row.find_elements(By.CSS_SELECTOR, "td.results li.finding")
        assert [f.find_element(By.CSS_SELECTOR, ".rule").text for f in beside] == ["quorum"]
        assert "2 av 10 platser närvarande" in beside[0].text
        assert "has-error" in row.get_attribute("class")
        meeting_id = row.get_attribute("data-meeting")
        assert axe_serious(browser) == []
        photograph(browser, "walk-4-finding")
        page_findings = sorted((f["rule"], f["meeting"]) for f in browser.execute_script(
            "return Array.from(document.querySelectorAll('#meetings tr[data-meeting]')).flatMap(tr => "
            "Array.from(tr.querySelectorAll('li.finding .rule')).map(r => ({rule: r.textContent, "
            "meeting: tr.getAttribute('data-meeting')})))"))
        assert page_findings == [("quorum", meeting_id)]

        def export(folder: Path) -> Path:
            folder.mkdir()
            browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
            browser.find_element(By.ID, "export-ics").click()
            wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Exporterat:"))
            wait.until(lambda d: sorted(p.name for p in folder.iterdir()) ==
                       ["laholmsbukten-2025-mapping.yaml", "laholmsbukten-2025.ics"])
            return folder / "laholmsbukten-2025.ics"

        # Exported as it is, the command finds what the page found.
        status, out, err = command(export(tmp_path / "broken"), "--format", "json")
        assert status == 1, err
        report = json.loads(out)
        assert report["verdict"] == "not-compliant"
        assert sorted((f["rule"], f["meeting"]) for f in report["findings"]) == page_findings

        # Fixed: every seat present.
        row = browser.find_element(By.ID, "meeting-7")
        if not row.find_element(By.CSS_SELECTOR, "details.present").get_attribute("open"):
            row.find_element(By.CSS_SELECTOR, "details.present summary").click()
        for box in row.find_elements(By.CSS_SELECTOR, "details.present input[type=checkbox]"):
            if not box.is_selected():
                box.click()
        assert browser.find_element(By.ID, "status").text == "Ändrat sedan kontrollen: kontrollera igen."
        assert check() == "verdict compliant"
        assert browser.find_element(By.CSS_SELECTOR, "#meeting-7 td.results").text == "inga iakttagelser"
        summary = browser.find_element(By.CSS_SELECTOR, "#summary p.verdict").text
        assert summary == "laholmsbukten: följer avtalet — 0 fel, 0 varningar, 7 sammanträden granskade"
        photograph(browser, "walk-5-fixed")

        exported = export(tmp_path / "fixed")
        status, out, err = command(exported, "--format", "json")
        assert status == 0, err
        assert json.loads(out)["verdict"] == "compliant" and json.loads(out)["findings"] == []
        status, out, _ = command(exported)
        # The command's verdict line says what the page's does, of the file instead of the table.
        assert out.strip().splitlines()[-1] == f"{exported} mot {summary}"
        assert "mailto:kommundirektor@bastad.se" in exported.read_text(encoding="utf-8")  # a real attendee
        assert browser.find_elements(By.CSS_SELECTOR, "#downloads a.download")
        photograph(browser, "walk-6-exported")
    finally:
        browser.set_window_size(1200, 900)



def test_plan_the_next_year_in_the_page_and_hand_it_over(browser, site, tmp_path):
    """Plan inside the page: next year's meetings from the planner, with the mapping file's people to invite;
    checked in the table; exported as .ics with real attendees, which the command judges the same; and the
    table shown as a report page (a page that reads without script)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    try:
        fresh_editor(browser, site + "calendar?bylaw=laholmsbukten&lang=sv")
        wait.until(lambda d: d.find_element(By.ID, "editor").is_displayed())
        browser.find_element(By.ID, "import-mapping").send_keys(str(MAPPING))
        year = browser.find_element(By.ID, "plan-year")
        year.clear()
        year.send_keys("2027")
        for field, value in (("plan-time", "10:00"), ("plan-length", "90")):  # the meetings' time and length
            browser.find_element(By.ID, field).clear()
            browser.find_element(By.ID, field).send_keys(value)
        browser.find_element(By.ID, "plan").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Planerat: 6 möten."))
        dates = [e.get_property("value") for e in browser.find_elements(By.CSS_SELECTOR, "#meetings input.date")]
        assert len(dates) == 6 and all(d.startswith("2027-") and d[5:7] != "07" for d in dates)
        assert {e.get_property("value") for e in browser.find_elements(By.CSS_SELECTOR, "#meetings input.time")} == {"10:00"}
        photograph(browser, "plan-1-planned")
        browser.find_element(By.ID, "check").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Kontrollerat."))
        verdict = browser.find_element(By.CSS_SELECTOR, "#summary p.verdict")
        assert verdict.get_attribute("class") == "verdict compliant"
        assert axe_serious(browser) == []
        photograph(browser, "plan-2-checked")

        folder = tmp_path / "plan"
        folder.mkdir()
        browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
        browser.find_element(By.ID, "export-ics").click()
        wait.until(lambda d: sorted(p.name for p in folder.iterdir()) ==
                   ["laholmsbukten-2027-mapping.yaml", "laholmsbukten-2027.ics"])
        exported = folder / "laholmsbukten-2027.ics"
        assert "mailto:kommundirektor@bastad.se" in exported.read_text(encoding="utf-8").replace("\r\n ", "")
        # Each event lasts the 90 minutes asked: 10:00 Stockholm time is 09:00 or 08:00 UTC, 90 minutes later.
        import re
        ics = exported.read_text(encoding="utf-8")
        minutes = lambda prop: [int(x[:2]) * 60 + int(x[2:]) for x in re.findall(rf"\n{prop}:\d{{8}}T(\d{{4}})00Z", ics)]
        assert len(minutes("DTSTART")) == 6
        assert [end - start for start, end in zip(minutes("DTSTART"), minutes("DTEND"))] == [90] * 6
        status, out, err = command(exported)
        assert status == 0, err
        assert out.strip().splitlines()[-1] == f"{exported} mot {verdict.text}"

        # The same table as a report page, posted by the page's form (as the check form posts a calendar).
        before = browser.find_element(By.TAG_NAME, "html")
        browser.find_element(By.CSS_SELECTOR, "#as-report button").click()
        wait.until(_gone(before))
        report = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "p.verdict"))
        assert report.get_attribute("class") == "verdict compliant"
        assert browser.find_element(By.ID, "calendar").get_property("value").startswith("bylaw: laholmsbukten\n")
        photograph(browser, "plan-3-report")
    finally:
        browser.set_window_size(1200, 900)


def test_a_meeting_s_notice_convener_status_and_minutes_are_edited_in_the_table(browser, site, tmp_path):
    """The fields a meeting keeps beside its day (issue 16 item 2): status, notice date, convener, and the
    minutes' justering, justerare and anslag, edited in the row's "Kallelse och protokoll"; the language
    switch keeps the table; the YAML export holds them as the command reads them."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from governance.calendar import read_calendar

    wait = WebDriverWait(browser, 30)
    try:
        fresh_editor(browser, site + "calendar?bylaw=laholmsbukten&lang=sv")
        wait.until(lambda d: d.find_element(By.ID, "editor").is_displayed())
        browser.find_element(By.ID, "add").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#meeting-1 details.more"))
        row = browser.find_element(By.ID, "meeting-1")
        date = row.find_element(By.CSS_SELECTOR, "input.date")
        date.clear()
        date.send_keys("2025-05-12", Keys.TAB)
        row.find_element(By.CSS_SELECTOR, "details.more summary").click()
        Select(row.find_element(By.CSS_SELECTOR, "select.status")).select_by_value("held")
        for css, value in (("input.notice", "2025-04-28"), ("input.convener", "sekretariatet"),
                           ("input.justering", "2025-05-19"), ("input.justerare", "halmstad/kso, laholm/kso"),
                           ("input.anslag", "2025-05-20")):
            field = row.find_element(By.CSS_SELECTOR, css)
            field.send_keys(value, Keys.TAB)
        assert axe_serious(browser) == []
        photograph(browser, "editor-more-fields")
        # The language switch: the same table, in English.
        browser.find_element(By.CSS_SELECTOR, "nav a[hreflang=en]").click()
        wait.until(lambda d: d.title == "Meeting planner: laholmsbukten")
        wait.until(lambda d: d.find_element(By.ID, "status").text == "The table as you left it: 1 meeting.")
        row = browser.find_element(By.ID, "meeting-1")
        assert row.find_element(By.CSS_SELECTOR, "input.date").get_property("value") == "2025-05-12"
        assert Select(row.find_element(By.CSS_SELECTOR, "select.status")).first_selected_option.get_attribute("textContent") == "held"
        photograph(browser, "editor-kept-in-english")
        folder = tmp_path / "yaml"
        folder.mkdir()
        browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
        browser.find_element(By.ID, "export-yaml").click()
        wait.until(lambda d: [p.name for p in folder.iterdir()] == ["laholmsbukten-2025.yaml"])
        (meeting,) = read_calendar(folder / "laholmsbukten-2025.yaml").meetings
        assert (meeting.status, str(meeting.notice_date), str(meeting.convened_by)) == \
            ("held", "2025-04-28", "sekretariatet")
        assert str(meeting.minutes.justering) == "2025-05-19"
        assert meeting.minutes.justerare == ("halmstad/kso", "laholm/kso")
        assert [str(a.date) for a in meeting.minutes.anslag] == ["2025-05-20"]
        # … and back: the status line in the page's language, in the singular for one meeting
        browser.find_element(By.CSS_SELECTOR, "nav a[hreflang=sv]").click()
        wait.until(lambda d: d.title == "Mötesplanering: laholmsbukten")
        wait.until(lambda d: d.find_element(By.ID, "status").text == "Tabellen från förra gången: 1 möte.")
        browser.find_element(By.ID, "add").click()  # two meetings: the plural
        wait.until(lambda d: d.find_elements(By.ID, "meeting-2"))
        browser.find_element(By.CSS_SELECTOR, "nav a[hreflang=en]").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text == "The table as you left it: 2 meetings.")
    finally:
        browser.set_window_size(1200, 900)


def test_the_language_switch_keeps_a_pasted_calendar(browser, site):
    """The check form's calendar (and mapping) survive the language switch: the other language's form has
    them (kept for the tab, put back into the empty form)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(site + "check?lang=sv")
    text = COMPLIANT.read_text(encoding="utf-8")
    browser.execute_script("document.getElementById('calendar').value = arguments[0];", text)
    browser.find_element(By.CSS_SELECTOR, "nav a[hreflang=en]").click()
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert browser.find_element(By.ID, "calendar").get_property("value") == text
    browser.execute_script("window.sessionStorage.clear()")


def test_a_seat_line_held_by_two_has_a_box_for_each(browser, site, tmp_path):
    """Västerbotten's samverkansgrupp has 1..2 plan- och byggansvariga from each municipality: a box for
    each place, and a line listed twice stays twice when another box is ticked (before, every tick folded
    the attendees to one a line, and a quorum counted by persons fell short)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    calendar = tmp_path / "vasterbotten-planbygg-2026.yaml"
    calendar.write_text("bylaw: vasterbotten-planbygg\nmeetings:\n- id: s1\n  body: samverkansgruppen\n"
                        "  date: 2026-05-12T09:00\n  attendees: [2 × umea/planbyggansvarig, lycksele/planbyggansvarig]\n",
                        encoding="utf-8")
    wait = WebDriverWait(browser, 30)
    try:
        fresh_editor(browser, site + "calendar?bylaw=vasterbotten-planbygg&lang=sv")
        wait.until(lambda d: d.find_element(By.ID, "editor").is_displayed())
        browser.find_element(By.ID, "import-file").send_keys(str(calendar))
        browser.find_element(By.ID, "import").click()
        wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("Inläst: 1 möte."))
        row = browser.find_element(By.ID, "meeting-1")
        row.find_element(By.CSS_SELECTOR, "details.present summary").click()
        boxes = row.find_elements(By.CSS_SELECTOR, "details.present input[type=checkbox]")
        umea = [b for b in boxes if b.get_attribute("value") == "umea/planbyggansvarig"]
        assert [b.is_selected() for b in umea] == [True, True]
        summary = row.find_element(By.CSS_SELECTOR, "details.present summary").text
        assert summary.startswith("3 av ") and summary.endswith(" närvarande")
        skelleftea = [b for b in boxes if b.get_attribute("value") == "skelleftea/planbyggansvarig"]
        assert len(skelleftea) == 2
        skelleftea[0].click()
        assert row.find_element(By.CSS_SELECTOR, "details.present summary").text.startswith("4 av ")
        labels = [e.text for e in row.find_elements(By.CSS_SELECTOR, "details.present label")]
        assert "umea/planbyggansvarig 2" in labels, labels
    except Exception:
        photograph(browser, "failure-places")
        raise
