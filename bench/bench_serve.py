"""`governance serve` under load, from a second process on loopback: checks of a 20-meeting calendar through
POST /api/check at 8 and at 32 connections, 20 s each (BENCH_SERVE_SECONDS to change it), with wrk when it
is installed (Debian's package), else a bounded Python client (threads, one kept-alive connection each).

Every answer is compared with what `governance check --format json` prints for the same calendar: a
different byte, a status other than 200, or a connection error counts as an error. The server's resident
memory is read before, between and after the runs. Figures: checks/s, p50 and p99 latency, errors, RSS,
and the server's CPU time per check (user + system), which a busy machine does not inflate as it does the
latency: 1 / that is what one core of the server could answer. It is split into the serving process(es)
(HTTP, the page's guard, the hand-over) and the check workers (reading, checking, rendering), and the load
average is printed beside each run: on a shared machine the rates are only as good as the quiet they had.
"""
from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BYLAW, AS_OF = "laholmsbukten", "2025-01-01"
PATH = f"/api/check?bylaw={BYLAW}&as_of={AS_OF}"
SECONDS = float(os.environ.get("BENCH_SERVE_SECONDS", "20"))
CONCURRENCY = (8, 32)
# serve --workers: serve's default, one. One serving process already checks on every core through its check
# workers (checkpool); a second adds a second pool and its memory, and more CPU per check on two cores.
WORKERS = int(os.environ.get("BENCH_SERVE_WORKERS", "1"))

LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/yaml"
local function slurp(path) local f = assert(io.open(path, "rb")); local s = f:read("*a"); f:close(); return s end
wrk.body = slurp("{calendar}")
expected = slurp("{expected}")
wrong = 0
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status ~= 200 or body ~= expected then wrong = wrong + 1 end
end
function done(summary, latency, requests)
  local w = 0
  for _, t in ipairs(threads) do w = w + t:get("wrong") end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %f %f\\n", summary.requests, summary.duration, w,
    e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50), latency:percentile(99)))
end
"""


def calendar(meetings: int = 20) -> str:
    """The shipped 2025 example's meetings, repeated over earlier years, cut at `meetings`."""
    text = (ROOT / "examples" / "laholmsbukten-2025.yaml").read_text(encoding="utf-8")
    head, _, body = text.partition("\nmeetings:\n")
    blocks = re.split(r"\n(?=  - id: )", body.strip("\n"))
    out, year = [], 2025
    while len(out) < meetings:
        out += [re.sub(r"2025-", f"{year}-", b).replace("id: ", f"id: y{year}-", 1) for b in blocks]
        year -= 1
    return head + "\nmeetings:\n" + "\n".join(out[:meetings]) + "\n"


def family(pid: int) -> list[int]:
    """The server and its processes: serving workers (--workers) and their check workers."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if not children.exists():
        return [pid]
    return [pid, *(member for c in children.read_text().split() for member in family(int(c)))]


def rss_kb(pid: int) -> int:
    total = 0
    for member in family(pid):
        for line in Path(f"/proc/{member}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU time so far (user + system) of the serving processes and of the check workers: what a check costs,
    however busy the machine."""
    serving = checking = 0
    for member in family(pid):
        fields = Path(f"/proc/{member}/stat").read_text().rpartition(")")[2].split()
        ticks = int(fields[11]) + int(fields[12])
        if b"governance.checkpool" in Path(f"/proc/{member}/cmdline").read_bytes():
            checking += ticks
        else:
            serving += ticks
    tick = os.sysconf("SC_CLK_TCK")
    return serving / tick, checking / tick


def with_wrk(port: int, connections: int, folder: Path, seconds: float = SECONDS) -> dict:
    script = folder / "check.lua"
    script.write_text(LUA.format(calendar=folder / "calendar.yaml", expected=folder / "expected.json"))
    out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds:g}s", "--timeout", "5s",
                          "-s", str(script), f"http://127.0.0.1:{port}{PATH}"],
                         capture_output=True, text=True, check=True).stdout
    requests, duration, wrong, errors, p50, p99 = re.search(r"RESULT (.*)", out).group(1).split()
    return {"rate": int(requests) / (int(duration) / 1e6), "requests": int(requests),
            "errors": int(wrong) + int(errors), "p50": float(p50) / 1000, "p99": float(p99) / 1000}


def with_python(port: int, connections: int, folder: Path, seconds: float = SECONDS) -> dict:
    body = (folder / "calendar.yaml").read_bytes()
    expected = (folder / "expected.json").read_bytes()
    times: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    stop = time.monotonic() + seconds

    def client(i: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                connection.request("POST", PATH, body, {"Content-Type": "application/yaml"})
                response = connection.getresponse()
                ok = response.status == 200 and response.read() == expected
            except OSError:
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            times[i].append(time.perf_counter() - started)
            errors[i] += not ok
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    flat = sorted(x for ts in times for x in ts)
    return {"rate": len(flat) / elapsed, "requests": len(flat), "errors": sum(errors),
            "p50": flat[len(flat) // 2] * 1000, "p99": flat[int(len(flat) * 0.99)] * 1000}


def run() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        folder = Path(tmp)
        (folder / "calendar.yaml").write_text(calendar(), encoding="utf-8")
        expected = subprocess.run([sys.executable, "-m", "governance", "check", BYLAW, "calendar.yaml",
                                   "--format", "json", "--as-of", AS_OF], cwd=folder, capture_output=True)
        (folder / "expected.json").write_bytes(expected.stdout)
        server = subprocess.Popen([sys.executable, "-m", "governance", "serve", "--port", "0", "--workers",
                                   str(WORKERS), BYLAW],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=folder)
        try:
            port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
            client = with_wrk if shutil.which("wrk") else with_python
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            for _ in range(50 * WORKERS):  # warm: imports, the grammar, the first allocations
                connection.request("POST", PATH, (folder / "calendar.yaml").read_bytes(),
                                   {"Content-Type": "application/yaml"})
                assert connection.getresponse().read() == expected.stdout
            connection.close()
            client(port, 8, folder, 3)  # every serving process and check worker warm, not only one
            rows = [("client; server processes", f"{'wrk' if client is with_wrk else 'Python threads'}; {WORKERS}"),
                    ("servers' RSS after warm-up", f"{rss_kb(server.pid) / 1024:.1f} MB")]
            for connections in CONCURRENCY:
                load = os.getloadavg()[0]
                serving, checking = cpu_seconds(server.pid)
                r = client(port, connections, folder)
                after = cpu_seconds(server.pid)
                serving, checking = after[0] - serving, after[1] - checking
                cpu = serving + checking
                rows.append((f"c={connections}, {SECONDS:g} s: checks/s (20 meetings)",
                             f"{r['rate']:.0f} (load average before: {load:.2f}, after: {os.getloadavg()[0]:.2f})"))
                rows.append((f"c={connections}: p50 / p99", f"{r['p50']:.1f} ms / {r['p99']:.1f} ms"))
                rows.append((f"c={connections}: server CPU per check (one core: checks/s)",
                             f"{cpu / r['requests'] * 1000:.2f} ms ({r['requests'] / cpu:.0f}/s): serving "
                             f"{serving / r['requests'] * 1000:.2f} + check workers {checking / r['requests'] * 1000:.2f}"))
                rows.append((f"c={connections}: errors (status, bytes, connection) of {r['requests']}",
                             f"{r['errors']}"))
                rows.append((f"servers' RSS after c={connections}", f"{rss_kb(server.pid) / 1024:.1f} MB"))
            return rows
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label}: {figure}")
