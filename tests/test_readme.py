"""Every example in README.md is real: it runs as written, and the output it shows is the output it gives.

How a fenced block is read, by its info string:
- `python`: executed, in order, each in a namespace holding what the blocks before it defined.
- `sh`: each command is run from a folder that holds `examples/` and `bylaws/` (so files it writes stay out of
  the repository) and must exit 0, or N where its comment says `# exit N`. `make TARGET` lines name a target of
  the Makefile (the suite is not run from inside itself). `governance serve` starts in the background on a
  free port, and the block's `curl` lines talk to it.
- `console`: a transcript. Each `$ command` is run the same way and what follows it, up to the next `$`, is
  exactly what it prints (stdout and stderr together).
- `text`, `bylaw`, `yaml`, `json`, `mermaid`: shown, not run; when the line before the block is
  `<!-- output of: COMMAND -->` the block is COMMAND's output exactly, and with `<!-- excerpt of: COMMAND -->`
  a part of it.
A block with no info string fails: a fence that lost its closing line turns the next closing fence into an
opening one without an info string, so this also catches broken markdown.
"""
from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")
LINES = TEXT.splitlines()
KINDS = {"python", "sh", "console", "text", "bylaw", "yaml", "json", "mermaid"}
DIRECTIVE = re.compile(r"^<!-- (output|excerpt) of: (.+?) -->$")


@dataclass(frozen=True)
class Block:
    kind: str
    content: str
    line: int  # 1-based line of the opening fence
    directive: tuple[str, str] | None

    def __str__(self) -> str:
        return f"README.md:{self.line} ({self.kind})"


def _blocks() -> list[Block]:
    blocks = []
    for token in MarkdownIt("commonmark").parse(TEXT):
        if token.type != "fence":
            continue
        start = token.map[0]
        before = LINES[start - 1].strip() if start > 0 else ""
        match = DIRECTIVE.match(before)
        blocks.append(Block(token.info.strip().split(" ")[0], token.content, start + 1,
                            (match[1], match[2]) if match else None))
    return blocks


BLOCKS = _blocks()
PYTHON = [b for b in BLOCKS if b.kind == "python"]
RUN = [b for b in BLOCKS if b.kind in ("sh", "console") or b.directive]


# ---- the markdown itself ---------------------------------------------------------------------------------
def test_every_fence_has_a_known_kind():
    assert BLOCKS
    unknown = [f"README.md:{b.line}: '{b.kind}'" for b in BLOCKS if b.kind not in KINDS]
    assert not unknown, f"fences without a known info string (or a fence that did not close): {unknown}"


def test_every_fence_closes_on_a_line_of_its_own():
    for token in MarkdownIt("commonmark").parse(TEXT):
        if token.type == "fence":
            closing = LINES[token.map[1] - 1] if token.map[1] - 1 < len(LINES) else ""
            assert re.fullmatch(r"\s*(`{3,}|~{3,})\s*", closing), \
                f"README.md:{token.map[0] + 1}: the fence does not close (its last line is {closing!r})"


def test_every_heading_is_a_heading():
    tokens = MarkdownIt("commonmark").parse(TEXT)
    headings = {t.map[0] for t in tokens if t.type == "heading_open"}
    fenced = {i for t in tokens if t.type == "fence" for i in range(t.map[0], t.map[1])}
    looks_like = {i for i, line in enumerate(LINES) if re.match(r"#{1,6} \S", line) and i not in fenced}
    assert looks_like == headings
    top = [LINES[i] for i in sorted(headings) if LINES[i].startswith("## ")]
    assert "## Set-up: two commands" in top and "## Library" in top  # sections after the old broken fence


def test_the_python_blocks_exist():
    assert len(PYTHON) >= 5


# ---- running them ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("index", range(len(PYTHON)), ids=[str(b) for b in PYTHON])
def test_python_block_runs(index, monkeypatch):
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    for earlier in PYTHON[:index]:  # later blocks may use names from earlier ones
        exec(compile(earlier.content, str(earlier), "exec"), namespace)
    exec(compile(PYTHON[index].content, str(PYTHON[index]), "exec"), namespace)


@pytest.fixture
def workdir(tmp_path) -> Path:
    """A folder that looks like the repository to a command, where the files it writes land."""
    for name in ("examples", "bylaws"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def _env() -> dict[str, str]:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": path, "COLUMNS": "120", "NO_COLOR": "1"}


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=_env(), capture_output=True, text=True,
                          timeout=300)


def _commands(block: Block) -> list[str]:
    """Non-empty lines of a `sh` block, with the continuation backslashes joined."""
    joined = block.content.replace("\\\n", " ")
    return [line for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _expected_status(command: str) -> int:
    match = re.search(r"#\s*exit (\d+)", command)
    return int(match[1]) if match else 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(command: str, cwd: Path) -> tuple[subprocess.Popen, int, int]:
    """Start `governance serve …` on a free port; (process, the port the README names, the port used)."""
    argv = shlex.split(command.split("#")[0])
    named = 8000
    if "--port" in argv:
        at = argv.index("--port")
        named = int(argv[at + 1])
        del argv[at:at + 2]
    port = _free_port()
    argv += ["--port", str(port)]
    process = subprocess.Popen(argv, cwd=cwd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{command!r} ended: {process.stderr.read().decode()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return process, named, port
        time.sleep(0.1)
    raise AssertionError(f"{command!r} did not listen within a minute")


@pytest.mark.slow  # a process per command
@pytest.mark.parametrize("block", [b for b in RUN if b.kind == "sh"], ids=str)
def test_sh_block_runs(block, workdir):
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    servers: list[tuple[subprocess.Popen, int, int]] = []
    try:
        for command in _commands(block):
            if command.startswith("make "):
                target = command.split()[1]
                assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"{block}: no make target {target}"
                continue
            if command.startswith("governance serve"):
                servers.append(_start_server(command, workdir))
                continue
            for _, named, port in servers:
                command = command.replace(f"127.0.0.1:{named}", f"127.0.0.1:{port}")
            result = _shell(command, workdir)
            assert result.returncode == _expected_status(command), \
                f"{block}: {command}\nexit {result.returncode}\n{result.stdout}{result.stderr}"
            assert "Traceback" not in result.stderr
    finally:
        for process, _, _ in servers:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=30)


def _transcript(block: Block) -> list[tuple[str, str]]:
    """(command, expected output) pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.content.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        else:
            assert pairs, f"{block}: a console block starts with '$ command'"
            pairs[-1][1].append(line)
    return [(command, "\n".join(lines).rstrip("\n")) for command, lines in pairs]


@pytest.mark.slow  # a process per command
@pytest.mark.parametrize("block", [b for b in RUN if b.kind == "console"], ids=str)
def test_console_block_is_what_the_commands_print(block, workdir):
    for command, expected in _transcript(block):
        result = _shell(f"{{ {command}\n}} 2>&1", workdir)
        assert result.stdout.rstrip("\n") == expected, f"{block}: $ {command}"


@pytest.mark.slow  # a process per command
@pytest.mark.parametrize("block", [b for b in RUN if b.directive], ids=str)
def test_shown_output_is_the_command_s(block, workdir):
    how, command = block.directive
    result = _shell(command, workdir)
    assert "Traceback" not in result.stderr
    if how == "output":
        assert result.stdout == block.content, f"{block} is not the output of {command}"
    else:
        assert block.content in result.stdout, f"{block} is not a part of the output of {command}"
