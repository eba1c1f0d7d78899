"""Versions of an agreement: bylaws linked by `amends OLD from DATE`, and the one in force on a day.

A chain is the bylaws that amend one another (laholmsbukten `amends halmstad-region-2020 from 2024-03-28`).
A version is in force from its `effective_from` date (`amends … from`, else `valid from`, else `signed`)
until the next version takes effect. The first version of a chain without any date is in force from the
beginning of time; a later version must have a date (else VersionError).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable

from ..model.types import Bylaw


class VersionError(ValueError):
    """The bylaws do not form one chain of versions with dates."""


def version_chain(bylaws: Iterable[Bylaw]) -> tuple[Bylaw, ...]:
    """The versions ordered oldest first, checked: every version but the first amends one in the set, and
    every version but the first has a date of effect."""
    items = {b.id: b for b in bylaws}
    if not items:
        return ()
    ids = set(items)
    roots = [b for b in items.values() if b.amends not in ids]
    if len(roots) != 1:
        raise VersionError(f"these bylaws are not one chain of versions: {', '.join(sorted(b.id for b in roots))} "
                           "amend none of the others")
    chain = [roots[0]]
    by_old: dict[str, list[Bylaw]] = {}
    for b in items.values():
        if b.amends in ids:
            by_old.setdefault(b.amends, []).append(b)
    while chain[-1].id in by_old:
        nexts = by_old.pop(chain[-1].id)
        if len(nexts) > 1:
            raise VersionError(f"'{chain[-1].id}' is amended by more than one version: "
                               f"{', '.join(sorted(b.id for b in nexts))}")
        chain.append(nexts[0])
    if len(chain) != len(items):
        raise VersionError("the amendments form a cycle")
    for b in chain[1:]:
        if b.effective_from is None:
            raise VersionError(f"'{b.id}' amends '{b.amends}' but has no date of effect; write "
                               f"`amends {b.amends} from YYYY-MM-DD`")
    for old, new in zip(chain, chain[1:]):
        if old.effective_from and new.effective_from and new.effective_from < old.effective_from:
            raise VersionError(f"'{new.id}' takes effect ({new.effective_from}) before the version it amends, "
                               f"'{old.id}' ({old.effective_from})")
    return tuple(chain)


def version_in_force(bylaws: Iterable[Bylaw], day: date) -> Bylaw | None:
    """The version in force on `day`: the latest whose date of effect is on or before `day` (a chain's
    undated first version counts as always in force); None if `day` precedes every version."""
    current = None
    for b in version_chain(bylaws):
        start = b.effective_from
        if start is None or start <= day:
            current = b
    return current


def successor(bylaw: Bylaw, versions: Iterable[Bylaw]) -> Bylaw | None:
    """The version that takes `bylaw`'s place, among `versions` (any of which may be `bylaw` itself):
    the next in their chain; None if there is none. VersionError if they are not one chain."""
    others = [v for v in versions if v.id != bylaw.id]
    if not others:
        return None
    chain = version_chain([bylaw, *others])
    position = [b.id for b in chain].index(bylaw.id)
    return chain[position + 1] if position + 1 < len(chain) else None


def periods(bylaws: Iterable[Bylaw]) -> tuple[tuple[Bylaw, date | None, date | None], ...]:
    """(version, first day, last day) per version; None at either end means open."""
    from datetime import timedelta
    chain = version_chain(bylaws)
    out = []
    for i, b in enumerate(chain):
        nxt = chain[i + 1].effective_from if i + 1 < len(chain) else None
        out.append((b, b.effective_from, nxt - timedelta(days=1) if nxt else None))
    return tuple(out)


def load_versions(path_or_id: str | Path, loaded_as: Bylaw | None = None) -> tuple[Bylaw, ...]:
    """Load a bylaw with every version linked to it by `amends` in the same folder, oldest first.

    Follows `amends` backwards to the files `<id>.bylaw` beside it, and forwards to any file there that
    amends one of them. `loaded_as`: the bylaw at `path_or_id` when the caller has loaded it already (it
    is not parsed again). Raises `BylawError` when a version does not load, `VersionError` when the versions
    are not one chain."""
    from ..loader import load, resolve_path
    path = resolve_path(path_or_id)
    folder = path.resolve().parent
    loaded: dict[str, Bylaw] = {}
    first = loaded_as if loaded_as is not None else load(path)
    loaded[first.id] = first
    current = first
    while current.amends and current.amends not in loaded:
        older = folder / f"{current.amends}.bylaw"
        if not older.is_file():
            break  # the amended version is not at hand: the chain starts here
        current = load(older)
        loaded[current.id] = current
    others = [p for p in sorted(folder.glob("*.bylaw")) if p.stem not in loaded]
    changed = True
    while changed:  # forwards: files that amend a version we have
        changed = False
        for p in others:
            if p.stem in loaded:
                continue
            head = _amends_of(p)
            if head in loaded:
                loaded[p.stem] = load(p)
                changed = True
    return version_chain(loaded.values())


def _amends_of(path: Path) -> str | None:
    """The id after `amends` in a file's header, read cheaply (loading every file would be slow)."""
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] == "amends":
                return words[1]
            if words and not line[:1].isspace() and words[0] != "bylaw" and not words[0].startswith("#"):
                return None  # past the header
    except (OSError, UnicodeDecodeError):
        return None
    return None
