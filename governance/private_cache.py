"""A cache folder that only the current user can write to, for files the library loads back.

Why: a cache that is loaded back (lark's parser tables are a pickle) is code. In a shared temp directory,
under a name anyone can predict, another local user could plant one (lark's `cache=True` does exactly that).
Here the folder is the user's own (`$GOVERNANCE_CACHE_DIR`, else `$XDG_CACHE_HOME/governance`, else
`~/.cache/governance`), created 0700; a folder that is not a real directory owned by this user is not used
at all, and nothing is cached.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def private_dir(environ: dict[str, str] | None = None) -> Path | None:
    """The user's private cache folder, created if need be, or None when none can be trusted.

    `GOVERNANCE_CACHE_DIR=` (empty) turns caching off."""
    env = os.environ if environ is None else environ
    if "GOVERNANCE_CACHE_DIR" in env:
        if not env["GOVERNANCE_CACHE_DIR"]:
            return None
        path = Path(env["GOVERNANCE_CACHE_DIR"])
    else:
        base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        path = Path(base) / "governance"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)  # lstat: a symlink planted in its place is not followed
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return None
        if info.st_mode & 0o077:  # ours, but others may read or write into it: make it private first
            os.chmod(path, 0o700)
    except OSError:  # read-only home, no home at all: run without a cache
        return None
    return path
