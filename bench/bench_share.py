"""Cost sharing speed: a split among all 290 municipalities, and the 2020 → 2024 semantic diff."""
from __future__ import annotations

import time

import governance
from governance.drafting.diff import diff
from governance.money.share import share


def _per_call(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def run() -> list[tuple[str, str]]:
    codes = [f"{i:04d}" for i in range(1, 291)]
    bylaw = governance.parse('bylaw all "All"\n' + "".join(f'member m{c} "M" municipality {c}\n' for c in codes))
    pops = {c: 1000 + 37 * i for i, c in enumerate(codes)}
    split_s = _per_call(lambda: share(bylaw, "123456789.01", population=pops), 50)
    old, new = governance.load("halmstad-region-2020"), governance.load("laholmsbukten")
    diff_s = _per_call(lambda: diff(old, new), 200)
    return [("share: 290 municipalities, one split", f"{split_s * 1000:.2f} ms"),
            ("diff: halmstad-region-2020 → laholmsbukten", f"{diff_s * 1000:.2f} ms")]


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label}: {figure}")
