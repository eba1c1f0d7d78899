"""Where shipped files live, and how reports print a bylaw's path. Light: no parser, no graph."""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path


def shipped_dir(kind: str) -> Path:
    """The shipped `bylaws/`, `rules/` or `law/` folder: package data when installed, the repo folder otherwise."""
    # The package's folder from its spec (importlib.util.find_spec imports nothing below `governance`) rather
    # than importlib.resources.files, which is the same folder for a package on disk but imports
    # importlib.resources, tempfile, random and zipfile: ~4 ms of every command's start.
    try:
        spec = importlib.util.find_spec(f"governance.{kind}")
    except (ImportError, ValueError):
        spec = None
    for folder in (spec.submodule_search_locations or ()) if spec is not None else ():
        path = Path(folder)
        if path.is_dir():
            return path
    return Path(__file__).resolve().parent.parent / kind


def stable_path(path: str) -> str:
    """A bylaw's path as reports print it: `bylaws/NAME` or `rules/NAME` for shipped files (so golden
    files and JSON do not depend on the machine), else relative to the working directory if possible."""
    if not path or path.startswith("<"):
        return path
    return _stable_path(path, os.getcwd())


@lru_cache(maxsize=64)  # keyed by the strings themselves; resolving asks the file system a dozen times
def _stable_path(path: str, cwd: str) -> str:
    p = Path(cwd, path).resolve()
    for kind in ("bylaws", "rules"):
        if p.parent in _shipped_folders(kind):
            return f"{kind}/{p.name}"
    try:
        return str(p.relative_to(Path(cwd).resolve()))
    except ValueError:
        return path


@lru_cache(maxsize=2)
def _shipped_folders(kind: str) -> frozenset[Path]:
    repo = Path(__file__).resolve().parent.parent
    return frozenset({shipped_dir(kind).resolve(), (repo / kind).resolve()})
