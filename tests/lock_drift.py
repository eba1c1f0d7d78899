"""Lists the installed distributions whose versions differ from a lock file (used by `make test-latest`)."""

import re
import sys
from importlib import metadata


def locked(path: str) -> dict[str, str]:
    pins = {}
    for line in open(path, encoding="utf-8"):
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", line)
        if match:
            pins[_norm(match[1])] = match[2]
    return pins


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main(path: str) -> None:
    pins = locked(path)
    installed = {_norm(d.metadata["Name"]): d.version for d in metadata.distributions()}
    for name in sorted(set(pins) & set(installed)):
        if pins[name] != installed[name]:
            print(f"  {name}: {pins[name]} (lock) -> {installed[name]} (latest)")
    for name in sorted(set(installed) - set(pins) - {"governance", "pip"}):
        print(f"  {name}: not in the lock -> {installed[name]}")


if __name__ == "__main__":
    main(sys.argv[1])
