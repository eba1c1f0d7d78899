"""Commands that write files (fmt --write, plan -o, render -o, graph -o) leave the old file or the new one,
never a part, and nothing else: tried under a small file-size limit (RLIMIT_FSIZE: a full disk, as the
process sees it), both with the write failing (EFBIG) and with the process killed by SIGXFSZ at its write.
"""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# Slow as a whole (commands killed at their write and run on a full disk, each in a process of its own):
# `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
LIMIT = 1024  # bytes: every document below is longer


def run_limited(args: list[str], cwd: Path, killed: bool) -> tuple[int, str]:
    def limits():
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    # Python ignores SIGXFSZ, so a write past the limit fails (EFBIG). Restored to its default, the signal
    # kills the process at that write, as a kill mid-write would.
    restore = "import signal; signal.signal(signal.SIGXFSZ, signal.SIG_DFL); " if killed else ""
    code = f"import sys; {restore}from governance.cli import main; sys.exit(main(sys.argv[1:]))"
    # No bytecode written under the limit: importlib's .pyc write is one unchecked FileIO.write, which the
    # limit cuts short, and the cut file is then renamed into __pycache__ and breaks later imports (seen).
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, preexec_fn=limits, timeout=120)
    return done.returncode, done.stderr


def _messy_bylaw(tmp_path: Path) -> tuple[Path, str]:
    text = (ROOT / "bylaws" / "laholmsbukten.bylaw").read_text(encoding="utf-8")
    messy = text.replace("\n  ", "\n      ") + "\n\n\n# a comment at the end\n"  # fmt rewrites it
    path = tmp_path / "laholmsbukten.bylaw"
    path.write_text(messy, encoding="utf-8")
    return path, messy


@pytest.mark.parametrize("killed", [False, True], ids=["write-fails", "killed-at-write"])
def test_fmt_write_on_a_full_disk_leaves_the_old_file(tmp_path, killed):
    path, messy = _messy_bylaw(tmp_path)
    status, err = run_limited(["fmt", "--write", path.name], tmp_path, killed)
    if killed:
        assert status == -signal.SIGXFSZ
    else:
        assert status == 2 and "laholmsbukten.bylaw: fel: kan inte skriva laholmsbukten.bylaw: filen är för stor" in err
        status, err = run_limited(["fmt", "--write", path.name, "--lang", "en"], tmp_path, killed)
        assert status == 2 and "laholmsbukten.bylaw: error: not written: File too large" in err
    assert path.read_text(encoding="utf-8") == messy
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_fmt_write_writes_the_canonical_form_and_keeps_the_mode(tmp_path):
    path, messy = _messy_bylaw(tmp_path)
    path.chmod(0o600)
    done = subprocess.run([sys.executable, "-m", "governance.cli", "fmt", "--write", path.name], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    expected = subprocess.run([sys.executable, "-m", "governance.cli", "fmt", path.name], cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True).stdout
    assert path.read_text(encoding="utf-8") == expected != messy
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("killed", [False, True], ids=["write-fails", "killed-at-write"])
@pytest.mark.parametrize("command", [
    ["render", "laholmsbukten", "--format", "html", "-o", "out.html"],
    ["graph", "laholmsbukten", "--format", "dot", "-o", "out.html"],
])
def test_render_and_graph_on_a_full_disk_leave_the_old_file(tmp_path, command, killed):
    old = tmp_path / "out.html"
    old.write_text("the old document\n", encoding="utf-8")
    status, err = run_limited(command, tmp_path, killed)
    assert status == (-signal.SIGXFSZ if killed else 2), err
    assert old.read_text(encoding="utf-8") == "the old document\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]


@pytest.mark.parametrize("killed", [False, True], ids=["write-fails", "killed-at-write"])
@pytest.mark.parametrize("command,names", [
    (["plan", "laholmsbukten", "--year", "2026", "-o", "plan.yaml"], ["plan.yaml"]),
    (["plan", "laholmsbukten", "--year", "2026", "--format", "ics", "-o", "plan.ics"],
     ["plan-mapping.yaml", "plan.ics"]),
])
def test_plan_on_a_full_disk_leaves_no_file_and_the_next_run_writes_them(tmp_path, command, names, killed):
    status, err = run_limited(command, tmp_path, killed)
    assert status == (-signal.SIGXFSZ if killed else 2), err
    assert list(tmp_path.iterdir()) == []  # no empty file that the next run would refuse to replace
    done = subprocess.run([sys.executable, "-m", "governance.cli", *command], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == names


def test_write_whole_without_o_tmpfile_leaves_no_temporary_file(tmp_path, monkeypatch):
    # Where O_TMPFILE is missing, the content goes to a hidden file beside the target: removed on failure.
    from governance.commands import common
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    target = tmp_path / "doc.txt"
    target.write_text("old\n", encoding="utf-8")
    common.write_whole(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n" and [p.name for p in tmp_path.iterdir()] == ["doc.txt"]

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError) as info:
        common.write_whole(target, "newer\n")
    assert info.value.filename == str(target)
    assert target.read_text(encoding="utf-8") == "new\n" and [p.name for p in tmp_path.iterdir()] == ["doc.txt"]
