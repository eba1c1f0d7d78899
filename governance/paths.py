"""Where shipped files live, and how reports print a bylaw's path. Light: no parser, no graph."""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path


def shipped_dir(kind: str) -> Path:
    """The shipped `bylaws/` or `rules/` folder: package data when installed, the repo folder otherwise."""
    try:
        folder = resources.files(f"governance.{kind}")
        path = Path(str(folder))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
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
