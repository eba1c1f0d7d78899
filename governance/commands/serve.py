"""`governance serve [--host H] [--port P] [--allow-host NAME …] [BYLAW …]`: the bylaws as documents and a
calendar check, as a web page on this machine (governance/web.py, on Starlette and uvicorn). For one
secretariat's own computer: no authentication."""
from __future__ import annotations

import argparse
import gc
import sys

from ..lang import DEFAULT_LANG, LANGS, Text
from .common import fail, load_or_report, versions_or_warn


def register(sub) -> None:
    p = sub.add_parser("serve", help="a local web page: read the bylaws, check a pasted calendar")
    p.add_argument("bylaws", nargs="*", metavar="BYLAW",
                   help="bylaw files or shipped bylaw ids (default: every shipped bylaw)")
    p.add_argument("--host", default="127.0.0.1",
                   help="the address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="the port (default 8000; 0: any free port)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="a host name the server answers to besides the address it listens on (repeatable; "
                        "requests naming any other Host are refused, against DNS rebinding)")
    p.add_argument("--workers", type=_workers, default=1, metavar="N",
                   help="processes serving the page (default 1); each checks in worker processes of its own, as "
                        "many as cores (at most 4), under a budget of CPU time and memory")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                   help="the language of what the command says here: sv (default) or en; each page has its own "
                        "language switch")
    p.set_defaults(run=run)


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port (0 to 65535)")
    return int(text)


def _workers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes (1 to 64)")
    return int(text)


def _said(message: str) -> str:
    """build_server's refusals (web.py) in Swedish."""
    import re
    m = re.fullmatch(r"two bylaws have the id '(.*)'", message)
    if m:
        return f"två avtal har id:t '{m[1]}'"
    return "inget avtal att visa" if message == "no bylaw to serve" else message


def served(names: list[str], lang: str = "en"):
    """Each bylaw loaded as `governance check` loads it, with the versions beside it; None (the errors
    printed to stderr) if one cannot be loaded."""
    from ..web import Served
    entries = []
    for name in names:
        bylaw = load_or_report(name, lang)
        if bylaw is None:
            return None
        entries.append(Served(bylaw, versions_or_warn(name, bylaw, lang)))
    return entries


def run(args) -> int:
    from ..loader import shipped_ids
    from ..web import build_server

    entries = served(args.bylaws or shipped_ids(), args.lang)
    if entries is None:
        return 2
    try:
        server = build_server(entries, args.host, args.port, allowed_hosts=args.allow_host,
                              workers=args.workers)
    except ValueError as exc:
        return fail(_said(str(exc)) if args.lang == "sv" else str(exc), args.lang)
    except OSError as exc:
        from ..os_words import reason
        return fail(Text(f"kan inte lyssna på {args.host}:{args.port}: {reason(exc, 'sv')}",
                         f"cannot listen on {args.host}:{args.port}: {reason(exc, 'en')}"), args.lang)
    n = len(entries)
    if args.lang == "sv":
        print(f"governance: webbsidan för {n} avtal finns på {server.url} (Ctrl-C stänger)", flush=True)
    else:
        print(f"governance: serving {n} bylaw{'s' * (n != 1)} at {server.url} (Ctrl-C stops)", flush=True)
    # What the server keeps for its whole life is loaded now (modules, the bylaws, the pages' words: ~35k
    # objects): frozen, a full collection no longer scans it (12-25 ms unfrozen, 0.4 ms frozen; they are rare
    # here, none in a 15 s load test), and the processes --workers forks keep sharing those pages instead of
    # each copying them as its collector touches them. The collector stays on for what requests make.
    gc.freeze()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("governance: stängd" if args.lang == "sv" else "governance: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0
