"""Parse + build time per shipped bylaw, and for a generated 10,000-line bylaw (goals: 20 ms, 1 s)."""
from __future__ import annotations

import time

from timing import median_seconds

from governance.loader import Loader, read_text, shipped_dir
from governance.syntax.parser import _parser


def generated_bylaw(lines: int = 10_000) -> str:
    """A large federation written like the real ones: every municipality, cited clauses, bodies of a few
    members each, preparation chains between bodies."""
    out = ['bylaw big "Generated"', '  source "none.txt"', "import sweden"]
    n_members = 290
    for i in range(n_members):
        out += [f'member m{i} "Kommun {i}" municipality {1000 + i}', f'  cite "Kommun {i} är medlem."']
    out += [f'matter t{i} "Typ {i}"' for i in range(50)]
    body = 0
    while len(out) < lines:
        a, b, c = (f"m{(body + k) % n_members}" for k in range(3))
        out += [
            f'body b{body} "Grupp {body}"',
            f'  seat kso "Kommunstyrelsens ordförande" from {a}, {b}, {c}',
            '    cite "Gruppen består av kommunstyrelsernas ordförande."',
            f"  seat kommundirektor from {a}, {b}, {c} adjunct",
            f"  chair kso rotating among {a}, {b}, {c} every 2 years from 2025",
            '    cite "Ordförandeskapet roterar vartannat år."',
            "  vice chair kso next in rotation",
            "  meets at least 2 per year",
            '    cite "Gruppen träffas minst två gånger om året."',
            "  meets 1 in april..may",
            "  quorum more than half of members",
            '    law "Kommunallagen (2017:725) 6 kap. 27 §"',
            "  decision by consensus",
            '    cite "Beslut fattas i konsensus."',
        ]
        if body:
            out += [f"  prepares t{body % 50} for b{body - 1}", '    cite "Gruppen bereder ärenden."']
        body += 1
    return "\n".join(out[:lines]) + "\n"


def run() -> list[tuple[str, str]]:
    _parser()  # grammar compiled once per process, as in a real run
    rows = []
    for path in sorted(shipped_dir("bylaws").glob("*.bylaw")):
        text = read_text(path)
        seconds = median_seconds(lambda: Loader().analyse_text(text, str(path)), 20)
        rows.append((f"parse+build {path.name} ({text.count(chr(10))} lines)", f"{seconds * 1000:.1f} ms"))
    text = generated_bylaw()
    seconds = median_seconds(lambda: Loader().analyse_text(text, "big.bylaw"), 3)
    rows.append(("parse+build generated 10,000-line bylaw", f"{seconds * 1000:.0f} ms"))
    started = time.perf_counter()
    _parser.cache_clear()
    _parser()
    rows.append(("grammar compile (once per process)", f"{(time.perf_counter() - started) * 1000:.0f} ms"))
    return rows
