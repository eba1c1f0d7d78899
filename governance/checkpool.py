"""Work that untrusted input causes, run in worker processes under a budget (issue 18: the web page's check).

A check is Python: a thread cannot be stopped from outside, and memory it takes stays with the process. So
the server hands each check to one of a few worker processes (`Pool`), each its own interpreter started with
`python -m governance.checkpool` (nothing inherited but two pipes: no sockets, no locks, no threads of the
server), and bounds it:

- CPU time: before each job the worker's soft RLIMIT_CPU is set `Budget.cpu_seconds` past what it has used;
  the kernel's SIGXCPU then stops the job (`Overrun("time")`) and the worker exits. CPU time, not wall
  time, so that a loaded machine does not refuse a check that would fit.
- memory: RLIMIT_AS at the worker's size when ready plus `Budget.memory`; past it Python raises MemoryError,
  the job stops (`Overrun("memory")`) and the worker exits. A worker that has grown by half its budget over
  many jobs is replaced after its answer.
- wall time: past `Budget.wall_seconds` from the job's start (C code that never returns to Python for the
  SIGXCPU handler, or a machine too busy to give the job its CPU time) the worker is killed with SIGKILL:
  `Overrun("time")` when it had used its CPU budget, else `Overrun("busy")`.
- a free worker: waited for `Budget.wait_seconds` at most (`Overrun("busy")`).

A worker that stops is replaced; the others go on answering meanwhile. When the server dies, each worker
reads the end of its job pipe and exits: nothing is left running, and nothing was ever written to disk.
"""
from __future__ import annotations

import asyncio
import contextlib
import gc
import math
import os
import pickle
import queue
import resource
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal


MiB = 1024 * 1024
STARTUP_SECONDS = 60.0  # for a new worker's imports on a loaded machine


@dataclass(frozen=True, slots=True)
class Budget:
    """What one job may cost. cpu_seconds: CPU time in its worker; memory: bytes of address space it may add
    to the worker; wall_seconds: from its start to its answer, the backstop; wait_seconds: for a free worker;
    workers: processes in the pool. The largest calendar the readers allow (10,000 meetings, or a 10 MB .ics)
    checks in about 3 s of CPU and fits in 256 MB on the development machine; its wall time there reached 27 s
    with the machine's two cores loaded four times over, hence the backstop's 60 s."""

    cpu_seconds: float = 8.0
    memory: int = 512 * MiB
    wall_seconds: float = 60.0
    wait_seconds: float = 10.0
    workers: int = max(1, min(4, os.cpu_count() or 1))


DEFAULT = Budget()
Kind = Literal["time", "memory", "busy"]


WORDS = {
    "sv": {"time": "Kontrollen tog mer än {cpu:g} s datortid, gränsen för en kontroll: kontrollera ett år i taget "
                   "(fältet År) eller en mindre kalender.",
           "memory": "Kontrollen behövde mer än {mb} MB minne, gränsen för en kontroll: kontrollera ett år i taget "
                     "(fältet År) eller en mindre kalender.",
           "busy": "Servern hann inte kontrollera kalendern nu (alla kontroller var upptagna); försök igen om en "
                   "stund."},
    "en": {"time": "The check took more than {cpu:g} s of computing, the limit for one check: check one year at a "
                   "time (the Year field) or a smaller calendar.",
           "memory": "The check needed more than {mb} MB of memory, the limit for one check: check one year at a "
                     "time (the Year field) or a smaller calendar.",
           "busy": "The server could not check the calendar now (every checker was busy); try again shortly."},
}


class Overrun(Exception):
    """A job went over its budget ("time", "memory") or found no worker in time ("busy").

    Its HTTP status: over budget is the input's doing, the same whenever it is sent: 413 (Content Too Large:
    the content asks for more work than one check may do). No worker free in time, or a machine too busy to
    give the job its CPU time before the wall-clock backstop, is the server's state: 503 with Retry-After."""

    def __init__(self, kind: Kind, budget: Budget):
        self.kind, self.budget = kind, budget
        super().__init__(self.say("en"))

    @property
    def status(self) -> int:
        return 503 if self.kind == "busy" else 413

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        return (("Retry-After", str(math.ceil(self.budget.wait_seconds))),) if self.kind == "busy" else ()

    def say(self, lang: str) -> str:
        return WORDS["sv" if lang == "sv" else "en"][self.kind].format(cpu=self.budget.cpu_seconds,
                                                                        mb=self.budget.memory // MiB)


class Pool:
    """Worker processes running `make()`'s function on each job. `make` is pickled to each worker (a
    module-level function, or a functools.partial of one), called there once; what it returns is called
    with each job. Jobs and answers cross by pickle. `run(job)` from any thread; `close()` stops them all."""

    def __init__(self, make: Callable[[], Callable[[Any], Any]], budget: Budget = DEFAULT):
        self.budget = budget
        self._setup = pickle.dumps((make, budget))
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(budget.workers):
            self._idle.put(self._new())

    def _new(self) -> _Worker:
        """A worker, starting in a thread of its own (its imports take a fraction of a second), so that a job
        seldom waits for one; a job that takes it before it is ready waits for it."""
        worker = _Worker(self._setup)
        with self._lock:
            self._all.add(worker)
        threading.Thread(target=worker.ready, args=(False,), daemon=True, name="check worker start").start()
        return worker

    def run(self, job: Any) -> Any:
        """What the function returns for `job` in a worker; what it raises is raised here (as RuntimeError
        when it cannot cross the pipe). Overrun when over budget or no worker is free in time."""
        try:
            worker = self._idle.get(timeout=self.budget.wait_seconds)
        except queue.Empty:
            raise Overrun("busy", self.budget) from None
        keep = False
        try:
            outcome, value, keep = worker.run(job, self.budget)
        finally:
            self._release(worker, keep, worker.stop)
        return self._outcome(outcome, value)

    async def run_async(self, job: Any) -> Any:
        """`run` for an asyncio event loop, without a thread: the job is written to a free worker's pipe and
        its answer read when the loop sees it readable. The caller makes sure a worker is free (Checks'
        semaphore holds as many as there are workers). A closed pool (the server stopping) is busy."""
        with self._lock:
            closed = self._closed
        try:
            if closed:
                raise queue.Empty
            worker = self._idle.get_nowait()
        except queue.Empty:
            raise Overrun("busy", self.budget) from None
        keep = False
        try:
            outcome, value, keep = await worker.run_async(job, self.budget)
        finally:  # a worker not kept is stopped in a thread: its kill and wait never hold the loop
            self._release(worker, keep, lambda: threading.Thread(target=worker.stop, daemon=True,
                                                                 name="check worker stop").start())
        return self._outcome(outcome, value)

    def _release(self, worker: _Worker, keep: bool, stop: Callable[[], None]) -> None:
        with self._lock:
            closed = self._closed
        if keep and not closed:
            self._idle.put(worker)
        else:
            stop()
            with self._lock:
                self._all.discard(worker)
            if not closed:
                self._idle.put(self._new())

    def _outcome(self, outcome: str, value: Any) -> Any:
        if outcome == "ok":
            return value
        if outcome == "over":
            raise Overrun(value, self.budget)
        raise value

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()

    def pids(self) -> list[int]:
        """The running workers' process ids (for tests and measurements)."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process is not None and w.process.poll() is None]


class Checks:
    """A Pool for an asyncio server: `await run(job)` waits for a free worker (at most `wait_seconds`), then
    for its answer on the event loop (Pool.run_async), which answers others meanwhile. No thread carries the
    job: a thread's hand-over cost more of the server's CPU than the rest of the request (0.28 of 0.63 ms). The pool is made in the
    process that calls `start()` or first runs a job (a server that forks its serving processes gives each its
    own)."""

    def __init__(self, make: Callable[[], Callable[[Any], Any]], budget: Budget = DEFAULT):
        self.make, self.budget = make, budget
        self._pool: tuple[int, Pool] | None = None
        self._free: tuple[int, asyncio.Semaphore] | None = None

    def start(self) -> None:
        """Starts this process's workers now rather than at the first check (a serving process calls it
        before it serves, so that no client waits for a worker's imports)."""
        if self._pool is None or self._pool[0] != os.getpid():
            self._pool = os.getpid(), Pool(self.make, self.budget)

    async def run(self, job: Any) -> Any:
        pool, free = self._here()
        try:  # every worker busy: wait for one, at most wait_seconds (a timer, not wait_for's task per job)
            async with asyncio.timeout(self.budget.wait_seconds):
                await free.acquire()
        except TimeoutError:
            raise Overrun("busy", self.budget) from None
        try:
            return await pool.run_async(job)
        finally:
            free.release()

    def _here(self) -> tuple[Pool, asyncio.Semaphore]:
        self.start()
        if self._free is None or self._free[0] != os.getpid():  # made in the event loop's thread
            self._free = os.getpid(), asyncio.Semaphore(self.budget.workers)
        assert self._pool is not None
        return self._pool[1], self._free[1]

    def pids(self) -> list[int]:
        """This process's running workers."""
        return self._pool[1].pids() if self._pool is not None and self._pool[0] == os.getpid() else []

    def close(self) -> None:
        """Stops this process's workers."""
        if self._pool is not None and self._pool[0] == os.getpid():
            self._pool[1].close()
            self._pool = None


class _Worker:
    """One worker process and its two pipes."""

    def __init__(self, setup: bytes):
        self.setup = setup
        self.process: subprocess.Popen | None = None
        self.jobs: Connection | None = None
        self.answers: Connection | None = None
        self._starting = threading.Lock()
        self._failed: BaseException | None = None
        self._stopped = False  # stopped before its start finished: the start kills what it started
        self.cpu: float | None = None  # its CPU time as it sent its last answer (it idles after): a job's start
        self.started = False  # it said it is ready

    def ready(self, say: bool = True) -> None:
        """Starts the process unless it is started; raises what stopped it from starting (`say`), else keeps
        it for the job that takes this worker."""
        with self._starting:
            if self._stopped and self._failed is None:
                self._failed = RuntimeError("a check worker was stopped before it started")
            if self.process is None and self._failed is None:
                try:
                    self._start()
                except BaseException as exc:  # noqa: BLE001 — said to the job that takes this worker
                    self._failed = exc
            if self._failed is not None and say:
                raise self._failed

    def _start(self) -> None:
        job_read, job_write = os.pipe()
        answer_read, answer_write = os.pipe()
        root = str(Path(__file__).resolve().parent.parent)  # the same governance as the server's
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "governance.checkpool", str(job_read), str(answer_write)],
                pass_fds=(job_read, answer_write), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
        finally:
            os.close(job_read)
            os.close(answer_write)
        self.jobs = Connection(job_write, readable=False)
        self.answers = Connection(answer_read, writable=False)
        if self._stopped:  # the pool closed while this one was starting (stop() saw no process yet)
            self.stop()
            raise RuntimeError("a check worker was stopped before it started")
        self.jobs.send_bytes(self.setup)
        if not self.answers.poll(STARTUP_SECONDS):
            raise RuntimeError("a check worker did not start in time")
        if self.answers.recv() != "ready":
            raise RuntimeError("a check worker could not start")
        self.started = True

    def run(self, job: Any, budget: Budget) -> tuple[str, Any, bool]:
        """(outcome, value, keep the worker): ("ok", result), ("raised", exception), ("over", kind)."""
        try:
            self.ready()
            assert self.jobs is not None and self.answers is not None and self.process is not None
            started = self._started()
            self.jobs.send(job)
            if not self.answers.poll(budget.wall_seconds):
                return self._overdue(started, budget)
            return self._answered(self.answers.recv())
        except (EOFError, OSError) as exc:  # the worker died: a signal it could not catch, or a bug in C
            return self._died(exc)

    async def run_async(self, job: Any, budget: Budget) -> tuple[str, Any, bool]:
        """`run` on the running event loop: the job written to the pipe (by a thread only when it is larger
        than the pipe holds), the answer read as it arrives, the wall-clock backstop a timer."""
        loop = asyncio.get_running_loop()
        try:
            if not self.started:  # still starting (or failed to): wait for its start in a thread
                await loop.run_in_executor(None, self.ready)
            assert self.jobs is not None and self.answers is not None and self.process is not None
            started = self._started()
            data = pickle.dumps(job, pickle.HIGHEST_PROTOCOL)
            if len(data) + 4 <= _PIPE_HOLDS:  # the worker has read its last job: the pipe is empty
                os.write(self.jobs.fileno(), struct.pack("!i", len(data)) + data)
            else:
                await loop.run_in_executor(None, self.jobs.send_bytes, data)
            answer: asyncio.Future = loop.create_future()
            reader = _Answer(self.answers.fileno(), answer)
            loop.add_reader(reader.fd, reader.readable)
            timer = loop.call_later(budget.wall_seconds, _settle, answer, None)
            try:
                got = await answer
            finally:
                loop.remove_reader(reader.fd)
                timer.cancel()
            if got is None:
                return self._overdue(started, budget)
            return self._answered(pickle.loads(got))
        except (EOFError, OSError) as exc:
            return self._died(exc)

    def _started(self) -> float:
        assert self.process is not None
        return self.cpu if self.cpu is not None else _cpu(self.process.pid)

    def _overdue(self, started: float, budget: Budget) -> tuple[str, Any, bool]:
        assert self.process is not None
        used = _cpu(self.process.pid) - started
        self.stop()
        return "over", "time" if used >= budget.cpu_seconds else "busy", False

    def _answered(self, answer: tuple) -> tuple[str, Any, bool]:
        outcome, value, keep, self.cpu = answer
        return outcome, value, keep

    def _died(self, exc: BaseException) -> tuple[str, Any, bool]:
        status = self.process.poll() if self.process is not None else None
        return "raised", RuntimeError(f"a check worker stopped ({_ended(status)}): {exc or type(exc).__name__}"), False

    def stop(self) -> None:
        self._stopped = True
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        if self.process is not None:
            self.process.wait()
        for end in (self.jobs, self.answers):
            if end is not None:
                end.close()
        self.jobs = self.answers = None


def _settle(future: asyncio.Future, value: Any) -> None:
    if not future.done():
        future.set_result(value)


_PIPE_HOLDS = 65536  # Linux's pipe capacity: a write this long into an empty pipe never waits


class _Answer:
    """Reads one answer from a worker's pipe as the event loop sees it readable: multiprocessing's framing
    (a 4-byte big-endian length, or -1 and an 8-byte one), the pickle after it. EOFError when the worker died."""

    def __init__(self, fd: int, done: asyncio.Future):
        self.fd, self.done = fd, done
        self.buffer = bytearray()
        self.size: int | None = None

    def readable(self) -> None:
        if self.done.done():
            return
        try:
            chunk = os.read(self.fd, 1 << 20)  # readable: this returns what is there, never waits
            if not chunk:
                raise EOFError("the worker's pipe closed")
        except (OSError, EOFError) as exc:
            self.done.set_exception(exc)
            return
        self.buffer += chunk
        if self.size is None:
            if len(self.buffer) < 4:
                return
            size, = struct.unpack("!i", self.buffer[:4])
            if size == -1:
                if len(self.buffer) < 12:
                    return
                size, = struct.unpack("!Q", self.buffer[4:12])
                del self.buffer[:12]
            else:
                del self.buffer[:4]
            self.size = size
        if len(self.buffer) >= self.size:
            self.done.set_result(bytes(self.buffer[:self.size]))


def _cpu(pid: int) -> float:
    """A process's CPU time so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _ended(status: int | None) -> str:
    if status is None:
        return "still running"
    if status < 0:
        return signal.Signals(-status).name
    return f"exit {status}"


# ---- the worker process -----------------------------------------------------------------------------------
class _OverTime(BaseException):
    """Raised by the SIGXCPU handler: a BaseException, so that no `except Exception` in a job swallows it."""


def _size() -> int:
    """This process's address space in bytes."""
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _worker(jobs: Connection, answers: Connection) -> None:
    make, budget = pickle.loads(jobs.recv_bytes())
    function = make()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a worker stopped by a limit writes no core file
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    ceiling = _size() + budget.memory
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 + budget.memory // 2
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))

    in_job = [False]

    def over_time(signum, frame):
        if in_job[0]:  # a signal that arrives as a job ends is not that job's overrun
            raise _OverTime

    signal.signal(signal.SIGXCPU, over_time)
    # What is loaded now (modules, the bylaws, the grammar: ~43k objects) lives as long as the worker: frozen,
    # the collector no longer scans it in each full collection, which came every ~170 checks and cost 12-16 ms
    # (the check's p99 4.8 ms, max 46); frozen it costs ~0.25 ms (p99 2.9 ms). The collector stays on.
    gc.freeze()
    # A check is CPU work that no one waits on by the millisecond; the serving process that hands checks out
    # and answers is. As SCHED_BATCH (Linux: the same share of the CPU, no privilege needed) a worker woken by
    # its job no longer preempts the serving process that wrote it: that process's wait for a CPU per check
    # 0.97 -> 0.60 and 1.35 -> 0.56 ms at c=32 (14 interleaved rounds, every one lower; load 3.2-4.7).
    if hasattr(os, "SCHED_BATCH"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    answers.send("ready")
    while True:
        try:
            job = jobs.recv()
        except EOFError:  # the server has gone
            return
        usage = resource.getrusage(resource.RUSAGE_SELF)
        soft = math.ceil(usage.ru_utime + usage.ru_stime + budget.cpu_seconds)
        resource.setrlimit(resource.RLIMIT_CPU, (soft if cpu_hard == resource.RLIM_INFINITY else min(soft, cpu_hard),
                                                 cpu_hard))
        keep = True
        try:
            try:
                in_job[0] = True
                answer: tuple = ("ok", function(job))
            finally:
                in_job[0] = False
        except _OverTime:
            answer, keep = ("over", "time"), False
        except MemoryError:
            answer, keep = ("over", "memory"), False
        except Exception as exc:  # noqa: BLE001 — raised again in the server
            answer = ("raised", exc)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_hard, cpu_hard))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        if keep and usage.ru_maxrss * 1024 > grown:
            keep = False  # it has grown by half its budget: a fresh worker has the whole budget again
        cpu = usage.ru_utime + usage.ru_stime  # the next job's start, for the server's wall-clock backstop
        try:
            try:
                answers.send((*answer, keep, cpu))
            except MemoryError:
                answers.send(("over", "memory", False, cpu))
            except OSError:
                raise
            except Exception as exc:  # noqa: BLE001 — an answer or exception that does not pickle
                answers.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}"), keep, cpu))
        except OSError:  # the server has gone
            return
        if not keep:
            return


if __name__ == "__main__":
    # Ctrl-C in the terminal reaches the whole process group: the server stops, and with it (by the end of
    # the pipe) this worker, without a KeyboardInterrupt of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False))
