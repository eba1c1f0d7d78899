"""Process graph: cold compile time per shipped bylaw (cache cleared), and check-action latency on a
compiled bylaw (median of 1,000; goal under 1 ms), with and without a history calendar."""
from __future__ import annotations


from timing import median_seconds

from governance.graph.from_model import build_graph, compile_graph
from governance.loader import load, shipped_ids


def _cold(bylaw):
    build_graph(bylaw)  # uncached: the compile itself


def _laholmsbukten_action():
    from datetime import date

    from governance.calendar.model import Calendar, Matter, Meeting
    from governance.model.types import SeatRef

    members = ("bastad", "falkenberg", "halmstad", "hylte", "laholm")
    sg = tuple(SeatRef(m, r) for m in members for r in ("kso", "opposition"))
    rg = tuple(SeatRef(m, "kommundirektor") for m in members)
    matter = Matter(id="upphandling-it", type="budget", outcome="consensus", participants=("halmstad", "laholm"))
    action = (Meeting(id="sg-x", body="styrgruppen", date=date(2025, 5, 12), convened_by="sekretariatet",
                      attendees=sg, matters=(matter,)), matter)
    history = Calendar(path="history.yaml", bylaw="laholmsbukten", meetings=tuple(
        Meeting(id=f"rg-{i}", body="referensgruppen", date=date(2025, 2 * i, 11), convened_by="sekretariatet",
                attendees=rg, matters=(Matter(id="upphandling-it" if i == 2 else f"m{i}", action="prepare"),))
        for i in range(1, 5)))
    return action, history


def run() -> list[tuple[str, str]]:
    rows = []
    for bylaw_id in shipped_ids():
        bylaw = load(bylaw_id)
        seconds = median_seconds(lambda: _cold(bylaw), 50)
        g = compile_graph(bylaw)
        rows.append((f"compile {bylaw_id} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)",
                     f"{seconds * 1000:.2f} ms"))
    try:
        from governance.check.action import check_action
    except ImportError:  # check-action needs the calendar checks
        return rows
    bylaw = load("laholmsbukten")
    compile_graph(bylaw)
    action, history = _laholmsbukten_action()
    for label, hist in (("no history", None), (f"{len(history.meetings)}-meeting history", history)):
        assert check_action(bylaw, action, hist).verdict == ("denied" if hist is None else "allowed")
        seconds = median_seconds(lambda: check_action(bylaw, action, hist), 1000)
        rows.append((f"check-action laholmsbukten, {label} (median, n=1000)", f"{seconds * 1000:.3f} ms"))
    return rows
