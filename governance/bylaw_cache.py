"""Compiled bylaws kept between runs, keyed by content, in the user's private cache folder.

Why: a command spends most of its time before it starts its work — parsing the bylaw and the `rules/`
modules it imports (lark), and building the process graph (networkx) to answer who convenes a body, who
keeps its minutes and which bodies must prepare its matters. The model and those answers depend only on
the files read and on this program, so they are kept, pickled, under a key made of exactly that: the
bylaw's path and bytes, every `.bylaw` file in the folders imports resolve against, and the program's
own files (their sizes and times: an edited checkout is a new key) and Python's version. The file is named
by a checksum of the key (CRC-32 and length) and keeps the whole key, compared on load: a file found under
another key's name is not the one asked for, and is built again. (No cryptographic digest: loading OpenSSL
for hashlib cost every warm command ~2-3 ms, and a key compared whole cannot collide.)

A pickle is code when it is loaded. It is only ever read from `private_cache.private_dir()` (the user's
own folder, 0700, refused when it is not), and only a regular file owned by the user that nobody else may
write; anything else there is ignored. A file that cannot be read back is ignored too (and replaced).
`GOVERNANCE_CACHE_DIR=` (empty) turns the cache off.

The folder is bounded: every edit of a bylaw (and every new version of this program) is a new key, so a
lawyer's drafting day would otherwise leave hundreds of files behind for good. When a file is written, all
but the `KEEP` most recently used are removed (a file read is marked used at most once a day), with any
temporary file a stopped writer left and files of this cache's older formats.
"""
from __future__ import annotations

import os
import pickle
import stat
import sys
import time
from binascii import crc32
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

from .model.types import Bylaw
from .private_cache import private_dir

if TYPE_CHECKING:
    from .loader import Analysis

Kept = TypeVar("Kept")  # what a cache file keeps: a Bylaw, or lint's Analysis

FORMAT = 2  # bump when what is stored changes shape
KEEP = 256  # cache files kept: a year's bylaws and their versions many times over, some 10-50 MB in all
_DAY = 24 * 3600
_PREFIXES = ("bylaw-", "analysis-")  # this cache's files; the folder may hold others' (lark's tables)


@cache
def _program_fingerprint() -> bytes:
    """The program's own files (names, sizes, times) and Python's version, read once per process: a process
    runs the code it imported, and one left running while its checkout is edited would otherwise store what
    its old code builds under the edited code's key. A warm command that loads a bylaw and its other
    versions reads the folder once."""
    listing = sorted(_sources(os.path.dirname(os.path.realpath(__file__)), ""))
    return "".join([f"{FORMAT} {sys.version} {sys.implementation.cache_tag}\n",
                    *(f"{name} {size} {mtime}\n" for name, size, mtime in listing)]).encode()


def _sources(folder: str, prefix: str) -> Iterator[tuple[str, int, int]]:
    """(relative name, size, mtime) of every .py file under `folder` (os.scandir: a third of Path.rglob's time)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _sources(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py"):
                info = entry.stat()
                yield f"{prefix}{entry.name}", info.st_size, info.st_mtime_ns


def key(path: Path, text: bytes, rule_dirs: Iterable[Path]) -> bytes:
    """The cache key of a bylaw file: everything its compiled form depends on, each part led by its length
    (so that no two different sets of files give the same key)."""
    parts = [_program_fingerprint(), str(path).encode(), text]
    for folder in rule_dirs:
        for module in sorted(folder.glob("*.bylaw")) if folder.is_dir() else ():
            parts += [str(module).encode(), module.read_bytes()]
    return b"".join(b"%d:%b" % (len(part), part) for part in parts)


def _trusted(path: Path) -> os.stat_result | None:
    """The file's status if it is a regular file (not a link), ours, that no one else may write; else None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022 else None


def cached(path: Path, text: bytes, rule_dirs: Iterable[Path], build: Callable[[], Bylaw]) -> Bylaw:
    """The bylaw at `path` (whose bytes are `text`): from the cache when its key is there, else `build()`,
    its answers worked out (`answers`) and kept for the next run."""
    return _through_cache("bylaw", key(path, text, rule_dirs), build, Bylaw, lambda bylaw: bylaw, answers)


def cached_analysis(path: Path, text: bytes, rule_dirs: Iterable[Path], build: Callable[[], Analysis],
                    kind: type[Analysis]) -> Analysis:
    """`lint`'s reading of the bylaw at `path` (the model, the parser's and builder's diagnostics, the sources
    they cite), kept like `cached` under the same key, with the graph's answers lint asks for (its
    preparation cycles, bodies nothing links to) — a warm lint parses nothing and never loads networkx.
    What lint reads besides (the quoted source documents, the law) is not kept: its passes run every time.
    `kind` is loader's Analysis (passed in: the loader imports this module)."""
    return _through_cache("analysis", key(path, text, rule_dirs), build, kind,
                          lambda analysis: analysis.bylaw, _lint_answers_if_it_compiles)


def _lint_answers_if_it_compiles(bylaw: Bylaw) -> dict:
    try:
        return lint_answers(bylaw)
    except Exception:  # a bylaw with errors may not compile: keep its reading without the answers
        return {}


def _through_cache(prefix: str, content_key: bytes, build: Callable[[], Kept], kind: type[Kept],
                   bylaw_of: Callable[[Kept], Bylaw | None], answers_of: Callable[[Bylaw], dict]) -> Kept:
    """`build()`'s value, kept in the private folder as `PREFIX-CHECKSUM.pickle` together with its key and the
    answers worked out for its bylaw (given back to the bylaw's `derived` on load); built afresh when there
    is no private folder or the file is missing, not ours, not a (key, kind, dict) triple or kept for
    another key."""
    folder = private_dir()
    if folder is None:
        return build()
    file = folder / f"{prefix}-{crc32(content_key):08x}-{len(content_key):x}.pickle"
    kept = _load(file)
    if (isinstance(kept, tuple) and len(kept) == 3 and kept[0] == content_key and isinstance(kept[1], kind)
            and isinstance(kept[2], dict)):
        bylaw = bylaw_of(kept[1])
        if bylaw is not None:
            bylaw.derived.update(kept[2])
        return kept[1]
    value = build()
    bylaw = bylaw_of(value)
    _store(file, (content_key, value, answers_of(bylaw) if bylaw is not None else {}))
    return value


def _load(file: Path) -> object:
    """What a trusted cache file holds, or None (no file, not ours, damaged, stale). A file read is marked
    used (its time) when it was last marked a day or more ago: the folder keeps what is used (`_prune`)."""
    info = _trusted(file)
    if info is None:
        return None
    try:
        with open(file, "rb") as f:
            kept = pickle.load(f)
    except Exception:  # a damaged or stale file: the caller builds again and replaces it
        return None
    if info.st_mtime < time.time() - _DAY:
        try:
            os.utime(file)
        except OSError:
            pass
    return kept


def _queries(bylaw: Bylaw) -> dict:
    return bylaw.derived.items(lambda key: isinstance(key, tuple) and key[:1] == ("query",))


def lint_answers(bylaw: Bylaw) -> dict:
    """The graph's answers `lint` asks for, worked out now to be kept."""
    from .graph.queries import flow_cycles, unreachable_bodies
    flow_cycles(bylaw)
    unreachable_bodies(bylaw)
    return _queries(bylaw)


def answers(bylaw: Bylaw) -> dict:
    """What the checks ask the process graph about each body, worked out now so that a later run
    finds it in the cache (and never loads networkx): who convenes it, who keeps its minutes, and the
    preparation chain before it decides a matter of each type the bylaw's rules name (or of none)."""
    from .graph.queries import preparation_chain, who_convenes, who_keeps_minutes
    from .model.types import Requirement
    types: set[str | None] = {None}
    for rule in bylaw.rules:
        if isinstance(rule, Requirement) and rule.matters is not None:
            types.update(rule.matters)
    for body in bylaw.bodies:
        who_convenes(bylaw, body.id)
        who_keeps_minutes(bylaw, body.id)
        for matter_type in types:
            preparation_chain(bylaw, body.id, matter_type)
    return _queries(bylaw)


def _store(file: Path, value: tuple) -> None:
    """Written to a private temporary file beside it and renamed over it: a reader (another process, another
    thread) sees the old file or the whole new one, never part of one."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # something in it cannot be kept: the next run builds it again
    import tempfile  # here: only a run that builds the bylaw writes it (tempfile loads random)
    temp = None
    try:
        fd, temp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name.split('-')[0]}-", suffix=".tmp")  # 0600
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(temp, file)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        return
    _prune(file.parent, KEEP)


def _prune(folder: Path, keep: int) -> None:
    """All but the `keep` most recently used cache files removed, and any temporary file older than a day
    (its writer stopped). Only this cache's own files, by their names; another process removing the same
    file at the same time is no error, and a reader that has one open still reads it whole."""
    kept: list[tuple[float, str]] = []
    stale: list[str] = []
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if not entry.is_file(follow_symlinks=False):
                    continue
                if name.startswith(_PREFIXES) and name.endswith(".pickle"):
                    kept.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
                elif name.startswith(tuple("." + p for p in _PREFIXES)) and name.endswith(".tmp"):
                    if entry.stat(follow_symlinks=False).st_mtime < now - _DAY:
                        stale.append(entry.path)
    except OSError:
        return
    kept.sort(reverse=True)
    for path in stale + [path for _, path in kept[keep:]]:
        try:
            os.unlink(path)
        except OSError:
            pass
