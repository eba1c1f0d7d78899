"""The page's checks under a budget (issue 18): each runs in a worker process (governance/checkpool.py) and
the server answers, without a hung worker or a server that grows:

- 422 for a calendar that cannot be read, with every issue and its line;
- 413 for one over a reader's limit (its line said), over the CPU-time budget or over the memory budget:
  the calendar's own doing, the same each time it is sent, so not 503;
- 503 with Retry-After when no worker is free in time, or when the wall-clock backstop stops a job that had
  not used its CPU time (the machine, not the calendar);
- 500 and one line in the log for a bug in the check;
and it answers others meanwhile. Misbehaving checks are tests/web_faults.py's, put in the workers in place
of the site's check; every real calendar goes through the real check. No wall-clock asserts: the budgets
are CPU time, and the waits below are generous bounds.
"""
from __future__ import annotations

import asyncio
import contextlib
import http.client
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from email.message import Message
from pathlib import Path

import pytest

import web_faults
from governance import web
from governance.checkpool import Budget, Overrun, Pool
from governance.commands.serve import served

# Slow as a whole (servers with worker processes, checks that run out their budget):
# `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.slow

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
EXAMPLE = (ROOT / "examples" / "laholmsbukten-2025.yaml").read_text(encoding="utf-8")
MAPPING = (TESTS / "hostile" / "mapping.yaml").read_text(encoding="utf-8")


@contextlib.contextmanager
def serving(budget: Budget, faulty: bool = False):
    """(url, log, server) of a server for laholmsbukten under `budget`; `faulty`: the workers run
    web_faults.by_calendar, which misbehaves as the calendar's first line asks."""
    with pytest.MonkeyPatch.context() as patch:
        if faulty:
            patch.setattr(web, "_site_checks", web_faults.by_calendar)
            patch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(TESTS), os.environ.get("PYTHONPATH")) if p))
        log = io.StringIO()
        server = web.build_server(served(["laholmsbukten"]), "127.0.0.1", 0, log=log, budget=budget)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server.url, log, server
        finally:
            server.shutdown()
            server.server_close()
            thread.join(10)


def post(url: str, calendar: str, *, mapping: str = "", lang: str = "en") -> tuple[int, Message, dict]:
    """(status, headers, JSON answer) of POST /api/check."""
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=120)
    try:
        body = json.dumps({"bylaw": "laholmsbukten", "calendar": calendar, "mapping": mapping, "as_of": "2025-01-01",
                           "lang": lang})
        connection.request("POST", "/api/check", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.headers, json.loads(response.read())
    finally:
        connection.close()


def get(url: str) -> int:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def in_background(function, *args):
    """Runs function(*args) in a thread; the returned function waits and gives its result (or what it raised)."""
    result: list = []

    def run():
        try:
            result.append(function(*args))
        except OSError as exc:  # a connection reset by a killed server
            result.append(exc)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def wait():
        thread.join(120)
        return result[0]
    return wait


def workers_of(server) -> list[int]:
    return server._uvicorn.config.app.pool_pids()


def all_workers_of(server, count: int = 2) -> list[int]:
    """The workers once all `count` have started: a worker replacing a stopped one starts in a thread and has
    no process id for a moment, and a check it then runs would not be among those seen before."""
    deadline = time.monotonic() + 60
    while len(pids := workers_of(server)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return pids


def daily_for_ever() -> str:
    """30 meetings every day with no end: more meetings in the calendar's span (a year) than one check reads
    (10,000)."""
    events = "".join(f"BEGIN:VEVENT\r\nUID:daily{i}\r\nDTSTART:20250101T{9 + i % 8:02}{i:02}00Z\r\nRRULE:FREQ=DAILY\r\n"
                     "SUMMARY:Styrgruppen\r\nEND:VEVENT\r\n" for i in range(30))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n{events}END:VCALENDAR\r\n"


@pytest.fixture(scope="module")
def site():
    with serving(Budget(cpu_seconds=1, memory=96 * 1024 * 1024, workers=2), faulty=True) as running:
        yield running


def test_a_calendar_that_cannot_be_read_is_422_with_its_lines(site):
    status, _, answer = post(site[0], "meetings:\n  - id: a\n    body: styrgruppen\n    date: 2025-02-30\n")
    assert status == 422
    assert [(i["file"], i["line"]) for i in answer["issues"]] == [("calendar.yaml", 4)]


def test_a_calendar_over_a_readers_limit_is_413_with_its_line(site):
    status, _, answer = post(site[0], daily_for_ever(), mapping=MAPPING)
    assert status == 413 and answer["error"].startswith("calendar.ics:"), answer
    assert "too much work" in answer["error"] and all(i["line"] >= 1 for i in answer["issues"])


def test_a_check_over_its_cpu_time_is_413_while_others_are_answered(site):
    url, log, server = site
    assert post(url, EXAMPLE)[0] == 200  # the pool starts with this process's first check
    before = all_workers_of(server)
    endless = in_background(post, url, "# fault: endless\n" + EXAMPLE)
    # Meanwhile: pages, and checks in the other worker.
    for _ in range(3):
        assert get(url) == 200
        status, _, answer = post(url, EXAMPLE)
        assert status == 200 and answer["verdict"] == "compliant"
    status, headers, answer = endless()
    assert status == 413 and "Retry-After" not in headers
    assert answer == {"error": "The check took more than 1 s of computing, the limit for one check: check one "
                               "year at a time (the Year field) or a smaller calendar."}
    # The worker that ran it is gone; a new one answers.
    assert len(set(before) - set(workers_of(server))) >= 1
    assert post(url, EXAMPLE)[0] == 200
    assert post(url, "# fault: endless\n" + EXAMPLE, lang="sv")[2]["error"].startswith(
        "Kontrollen tog mer än 1 s datortid")


def test_a_check_over_its_memory_is_413(site):
    status, _, answer = post(site[0], "# fault: hungry\n" + EXAMPLE)
    assert status == 413 and "more than 96 MB of memory" in answer["error"]
    assert post(site[0], EXAMPLE)[0] == 200


def test_a_bug_in_the_check_is_500_and_one_line_in_the_log(site):
    url, log, _ = site
    status, _, answer = post(url, "# fault: broken\n" + EXAMPLE)
    assert status == 500 and "Internal error" in answer["error"] and "a bug" not in answer["error"]
    [line] = [line for line in log.getvalue().splitlines() if "internal error" in line]
    assert line.endswith("governance: internal error: RuntimeError: a bug\\x0awith two lines (POST /api/check)")
    assert post(url, EXAMPLE)[0] == 200
    status, _, answer = post(url, "# fault: broken\n" + EXAMPLE, lang="sv")
    assert status == 500 and answer["error"].startswith("Internt fel: servern kunde inte svara")


def test_a_stalled_check_and_a_full_pool_are_503_with_retry_after():
    """One worker, a wall-clock backstop of 2 s and a wait of 0.5 s: a check that sleeps (no CPU time) is
    stopped at the backstop, 503 (the machine's doing, not the calendar's); a check sent meanwhile finds no
    worker free, 503 too; afterwards a new worker answers."""
    budget = Budget(cpu_seconds=60, wall_seconds=2, wait_seconds=0.5, workers=1)
    with serving(budget, faulty=True) as (url, _, server):
        assert post(url, EXAMPLE)[0] == 200  # the worker started
        asleep = in_background(post, url, "# fault: asleep\n" + EXAMPLE)
        time.sleep(0.3)  # not an assert: only lets the first request reach the worker first
        status, headers, answer = post(url, EXAMPLE)
        assert (status, headers.get("Retry-After")) == (503, "1"), answer
        assert "every checker was busy" in answer["error"]
        assert get(url) == 200
        status, headers, _ = asleep()
        assert (status, headers.get("Retry-After")) == (503, "1")
        assert post(url, EXAMPLE)[0] == 200


@pytest.mark.slow
def test_the_largest_calendar_a_reader_allows_fits_the_default_budget():
    """10,000 meetings, the readers' limit: checked (about 3 s of CPU and under 256 MB here), not refused."""
    text = EXAMPLE.partition("\nmeetings:\n")[0] + "\nmeetings:\n" + "".join(
        f"  - id: m{i}\n    body: styrgruppen\n    date: {1901 + i // 40}-{1 + i % 40 // 4:02}-{10 + i % 4}\n"
        for i in range(10_000))
    with serving(Budget(workers=1)) as (url, _, _):
        status, _, answer = post(url, text)
    assert status == 200 and answer["checked"] == 10_000


def test_closing_stops_the_workers():
    with serving(Budget(workers=2)) as (url, _, server):
        assert post(url, EXAMPLE)[0] == 200
        pids = workers_of(server)
        assert len(pids) == 2
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
def test_a_killed_server_leaves_no_process_and_no_file(tmp_path):
    """SIGKILL mid-check: its workers read the end of their pipes and exit; the temporary folder stays
    empty (the check reads in memory; nothing is ever named on disk)."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "governance", "serve", "--port", "0", "laholmsbukten"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp_path, env=env)
    try:
        url = re.search(r"(http://\S+/)", server.stdout.readline()).group(1)
        ics = (ROOT / "examples" / "laholmsbukten-2025.ics").read_text(encoding="utf-8")
        assert post(url, ics, mapping=MAPPING)[0] in (200, 422)
        workers = children(server.pid)
        assert workers
        in_background(lambda: post(url, daily_for_ever(), mapping=MAPPING))
        server.send_signal(signal.SIGKILL)
        server.wait(30)
    finally:
        server.kill()
    for _ in range(600):  # a generous bound: each worker ends its job (within its CPU budget), then exits
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
        if not alive:
            break
        time.sleep(0.1)
    assert not alive, f"workers still running: {alive}"
    assert list(temp.iterdir()) == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return "Z"


def test_a_pool_runs_jobs_and_says_what_a_job_raised(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    pool = Pool(web_faults.echo, Budget(workers=1))
    try:
        assert pool.run(("a", 1)) == ("a", 1)
        with pytest.raises(ZeroDivisionError):
            pool.run("divide")
        assert pool.run("again") == "again"  # the worker is kept after an ordinary exception
    finally:
        pool.close()


def test_a_worker_freezes_what_it_loaded_at_start(monkeypatch):
    """What a worker loads before it is ready lives as long as it: frozen, so that no full collection during a
    check scans it again (checkpool._worker). The collector itself stays on."""
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    pool = Pool(web_faults.echo, Budget(workers=1))
    try:
        assert pool.run("frozen") > 1000
    finally:
        pool.close()


@pytest.mark.skipif(not hasattr(os, "SCHED_BATCH"), reason="SCHED_BATCH is Linux's")
def test_a_worker_is_a_batch_process(monkeypatch):
    """A worker woken by its job does not preempt the serving process that handed it over (checkpool._worker)."""
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    pool = Pool(web_faults.echo, Budget(workers=1))
    try:
        assert pool.run("scheduling") == os.SCHED_BATCH
    finally:
        pool.close()


def test_the_event_loop_path_carries_small_and_large_jobs_and_answers(monkeypatch):
    """Pool.run_async (what the server uses): a job and answer far larger than a pipe holds (64 KB) cross
    whole, a small one too, an exception is raised again, and jobs at once take every worker."""
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    pool = Pool(web_faults.echo, Budget(workers=2))
    big = "å" * 300_000

    async def jobs():
        assert await pool.run_async(("a", 1)) == ("a", 1)
        assert await pool.run_async(big) == big
        with pytest.raises(ZeroDivisionError):
            await pool.run_async("divide")
        return await asyncio.gather(pool.run_async("x"), pool.run_async(big[:70_000]))

    try:
        assert asyncio.run(jobs()) == ["x", big[:70_000]]
        assert len(pool.pids()) == 2
    finally:
        pool.close()


def test_a_closed_pool_answers_busy_on_the_event_loop_path(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(TESTS))
    pool = Pool(web_faults.echo, Budget(workers=1))
    pool.close()
    with pytest.raises(Overrun) as raised:
        asyncio.run(pool.run_async("late"))
    assert raised.value.status == 503
