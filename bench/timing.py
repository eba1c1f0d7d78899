"""Timing shared by the benchmarks: the median of repeated calls, in seconds."""
from __future__ import annotations

import statistics
import time


def median_seconds(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)
