"""Checks that misbehave, for tests/test_web_budget.py: each stands in for web._site_checks in the check
workers (imported there by name, from tests/ on the workers' PYTHONPATH)."""
from __future__ import annotations

import time


def by_calendar(served, budget):
    """The site's real check, unless the calendar's first line is `# fault: NAME`: then NAME's misbehaviour."""
    from governance import web
    real = web._site_checks(served, budget)

    def run(job):
        first = job[1].get("calendar", "").partition("\n")[0]
        if first.startswith("# fault: "):
            FAULTS[first.removeprefix("# fault: ")]()
        return real(job)
    return run


def endless():
    while True:  # Python that never ends: the CPU budget's SIGXCPU stops it
        pass


def hungry():
    kept = []
    while True:  # memory without end: the address-space limit's MemoryError stops it
        kept.append(bytearray(1 << 20))


def asleep():
    time.sleep(3600)  # no CPU time at all: only the wall-clock backstop ends it


def broken():
    raise RuntimeError("a bug\nwith two lines")


FAULTS = {"endless": endless, "hungry": hungry, "asleep": asleep, "broken": broken}


def echo():
    """A Pool's function: gives back its job, divides by zero for "divide", says how many objects its worker
    froze at start for "frozen", its scheduling policy for "scheduling"."""
    def run(job):
        if job == "divide":
            return 1 / 0
        if job == "frozen":
            import gc
            return gc.get_freeze_count()
        if job == "scheduling":
            import os
            return os.sched_getscheduler(0)
        return job
    return run
