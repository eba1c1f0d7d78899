"""`make fuzz`: each fuzz target (targets.py) under atheris, coverage-guided, for a set time or number of runs.

    python fuzz/run.py [TARGET ...] [--seconds N | --runs N] [--seed N]

Each target runs in a process of its own (libFuzzer ends the process it runs in) with:
- a working corpus in build/fuzz/TARGET/corpus that grows from run to run, seeded from the shipped files
  and the reproducers under tests/ (targets.py says which) and the inputs in fuzz/crashes/TARGET/;
- a hang: an input that takes over 5 s of CPU time (a profiling timer: a loaded machine stretches wall
  time, not CPU time), with libFuzzer's own wall-clock -timeout=60 behind it for a hang inside C code;
- a memory blow-up: the process over 500 MB resident (-rss_limit_mb=500);
- a crash, hang or blow-up saved as build/fuzz/TARGET/crash-*, hang-*, timeout-* or oom-*: copy it into
  fuzz/crashes/TARGET/ once fixed, and tests/test_fuzz.py replays it for ever after.
Prints one line per target with the number of inputs run; exit status 1 if any target failed.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

HANG_SECONDS = 5  # CPU time for one input
WALL_SECONDS = 60  # libFuzzer's -timeout: the backstop where the CPU timer cannot interrupt (C code)
RSS_LIMIT_MB = 500
# Inputs up to 16 kB: every shipped file fits, and the work a reader does grows with the size of its input
# (a bylaw at the 256 kB limit lints for seconds by design); a hang here is work out of proportion to it.
MAX_LEN = 16 * 1024
_RUNS = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
SAVED = "crash input saved to"
_ARTIFACT = re.compile(rf"(?:Test unit written to|{SAVED}) (\S+)")


# What each target's process instruments besides governance itself: the library that reads its input, so
# that coverage inside the lexer or parser guides the mutations too. Instrumenting everything loaded
# (atheris.instrument_all) took minutes on a loaded box; these few take seconds.
LIBRARIES = {"bylaw": ["lark"], "yaml": ["yaml"], "ics": ["icalendar", "recurring_ical_events"],
             "mapping": ["yaml"], "check": []}


class Hang(BaseException):
    """Raised by the profiling timer inside a target: a BaseException, so that no `except Exception` in the
    code under test can swallow it."""


def guarded(run, prefix: str, seconds: float = HANG_SECONDS):
    """`run` with a CPU-time bound per input, saving an input that fails as PREFIX{crash,hang}-SHA1."""
    def over_time(signum, frame):
        raise Hang(f"over {seconds:g} s of CPU time on one input")

    signal.signal(signal.SIGPROF, over_time)

    def one_input(data: bytes) -> None:
        signal.setitimer(signal.ITIMER_PROF, seconds)
        try:
            run(data)
        except BaseException as exc:
            # libFuzzer saves the input too, but a process that takes long to die after the traceback can
            # be ended by its own timeout alarm before it does (seen on a loaded box): save it first.
            kind = "hang" if isinstance(exc, Hang) else "crash"
            saved = Path(f"{prefix}{kind}-{hashlib.sha1(data).hexdigest()}")
            saved.write_bytes(data)
            print(f"{SAVED} {saved}", file=sys.stderr, flush=True)
            raise
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    return one_input


def _child(target: str, libfuzzer_args: list[str]) -> None:
    """Inside the target's own process: import instrumented, hand over to libFuzzer (never returns)."""
    import importlib
    import pkgutil

    import atheris
    with atheris.instrument_imports(include=["governance", *LIBRARIES[target]]):
        # governance imports much on first use: every module now, so that all of it is instrumented
        import governance
        for module in pkgutil.walk_packages(governance.__path__, "governance."):
            leaf = module.name.rpartition(".")[2]
            if leaf == "__main__" or leaf.startswith(("web", "serve")):  # the command; the web stack
                continue
            try:
                importlib.import_module(module.name)
            except ImportError:  # an optional dependency that is not installed: no reader needs it
                pass
        from fuzz.targets import TARGETS
    prefix = next(a.partition("=")[2] for a in libfuzzer_args if a.startswith("-artifact_prefix="))
    one_input = guarded(TARGETS[target].run, prefix)
    atheris.Setup([sys.argv[0], *libfuzzer_args], one_input)
    atheris.Fuzz()


def _seed_folder(target: str, work: Path) -> Path:
    """The target's seeds copied into one folder (libFuzzer reads folders), named by their origin."""
    from fuzz.targets import TARGETS, regressions
    folder = work / "seeds"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in [*TARGETS[target].seeds(), *regressions(target)]:
        shutil.copyfile(path, folder / str(path.relative_to(ROOT)).replace(os.sep, "__"))
    return folder


def _dictionary(target: str, work: Path) -> Path:
    """The target's tokens as a libFuzzer dictionary: one quoted string a line, bytes outside ASCII escaped."""
    from fuzz.targets import TARGETS

    def quoted(token: str) -> str:
        return "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02x}"
                       for b in token.encode("utf-8"))
    path = work / "tokens.dict"
    path.write_text("".join(f'"{quoted(t)}"\n' for t in TARGETS[target].tokens), encoding="ascii")
    return path


def fuzz_one(target: str, seconds: int | None, runs: int | None, seed: int, build: Path) -> tuple[bool, str]:
    work = build / target
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    seeds = _seed_folder(target, work)
    args = [f"-timeout={WALL_SECONDS}", f"-rss_limit_mb={RSS_LIMIT_MB}", f"-max_len={MAX_LEN}", f"-seed={seed}",
            f"-artifact_prefix={work}{os.sep}", "-print_final_stats=1", f"-dict={_dictionary(target, work)}"]
    args.append(f"-runs={runs}" if runs is not None else f"-max_total_time={seconds}")
    started = time.monotonic()
    log = work / "log.txt"
    with log.open("w") as out:
        status = subprocess.run([sys.executable, str(Path(__file__)), "--child", target, "--", *args,
                                 str(corpus), str(seeds)], stdout=out, stderr=subprocess.STDOUT,
                                cwd=ROOT).returncode
    elapsed = time.monotonic() - started
    text = log.read_text(errors="replace")
    executed = _RUNS.findall(text)
    artifacts = sorted(set(_ARTIFACT.findall(text)))
    inputs = executed[-1] if executed else "?"
    line = f"{target:8} {inputs:>9} inputs in {elapsed:6.0f} s, corpus {len(list(corpus.iterdir())):5} files"
    if status != 0 or artifacts:
        what = ", ".join(artifacts) or f"exit status {status}"
        return False, f"{line}  FAILED: {what} (log: {log})"
    return True, line + "  ok"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(argv[1], argv[3:])
        return 0  # not reached
    from fuzz.targets import TARGETS
    parser = argparse.ArgumentParser(prog="fuzz/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=f"default: all ({', '.join(TARGETS)})")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", 300)),
                      help="time per target (default: $FUZZ_SECONDS, else 300)")
    when.add_argument("--runs", type=int, default=None, help="number of inputs per target instead of a time")
    parser.add_argument("--seed", type=int, default=1, help="libFuzzer's random seed (default 1)")
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "fuzz",
                        help="where corpora, logs and crashes go (default build/fuzz)")
    args = parser.parse_args(argv)
    unknown = [t for t in args.targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target {', '.join(unknown)}; the targets are {', '.join(TARGETS)}")
    ok = True
    for target in args.targets or list(TARGETS):
        passed, line = fuzz_one(target, None if args.runs else args.seconds, args.runs, args.seed, args.build)
        print(line, flush=True)
        ok &= passed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
