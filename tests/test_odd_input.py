"""What users really give the commands (a report's `-o` naming the calendar, a file Notepad saved as
"Unicode", a date written as Swedes write it …): each is read, or refused with exit 2 and a message that
says how to write it, and nothing the user has is lost."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from governance.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(args, capsys) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# ---- `-o` never writes over a file the command reads -------------------------------------------------
@pytest.mark.parametrize("command,output", [
    (["check", "{bylaw}", "{calendar}"], "{calendar}"),
    (["check", "{bylaw}", "{calendar}", "--format", "json"], "{bylaw}"),
    (["check", "{bylaw}", "{calendar}"], "./link.yaml"),  # the calendar under another name
    (["render", "{bylaw}"], "{bylaw}"),
    (["graph", "{bylaw}"], "{bylaw}"),
])
def test_output_never_replaces_an_input(command, output, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bylaw = Path(shutil.copy(EXAMPLES / "arkivforbundet.bylaw", tmp_path))
    calendar = Path(shutil.copy(EXAMPLES / "arkivforbundet-2025.yaml", tmp_path))
    (tmp_path / "link.yaml").symlink_to(calendar.name)
    before = {p: p.read_bytes() for p in (bylaw, calendar)}
    names = {"bylaw": bylaw.name, "calendar": calendar.name}
    argv = [part.format(**names) for part in command] + ["-o", output.format(**names)]
    status, out, err = run(argv, capsys)
    assert status == 2
    assert "skriver inte över" in err and "ange en annan fil med -o" in err, err
    assert {p: p.read_bytes() for p in before} == before
    assert (tmp_path / "link.yaml").is_symlink()


def test_output_beside_the_inputs_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "arkivforbundet.bylaw", tmp_path)
    shutil.copy(EXAMPLES / "arkivforbundet-2025.yaml", tmp_path)
    status, _, err = run(["check", "arkivforbundet.bylaw", "arkivforbundet-2025.yaml", "-o", "rapport.txt"], capsys)
    assert status == 0, err
    assert "följer avtalet" in (tmp_path / "rapport.txt").read_text(encoding="utf-8")
