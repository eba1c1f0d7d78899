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


# ---- the library: another agreement's calendar is not judged against this one --------------------------
def test_check_calendar_does_not_judge_another_agreements_calendar():
    import governance
    bylaw = governance.load(EXAMPLES / "arkivforbundet.bylaw")
    calendar = governance.read_calendar(EXAMPLES / "laholmsbukten-2025.yaml")
    report = governance.check_calendar(bylaw, calendar, lang="sv")
    assert report.verdict == "nothing-checked" and report.findings == ()
    assert report.reason == "kalendern gäller avtalet 'laholmsbukten', inte 'arkivforbundet'"
    assert not report.compliant and report.to_json()["checked"] == 0


def test_check_action_refuses_another_agreements_calendar():
    import governance
    from governance.calendar.errors import CalendarError
    bylaw = governance.load("laholmsbukten")
    action = governance.read_calendar(EXAMPLES / "actions" / "laholmsbukten-decide-upphandling.yaml")
    other = governance.read_calendar(EXAMPLES / "arkivforbundet-2025.yaml")
    assert governance.check_action(bylaw, action).bylaw == "laholmsbukten"  # its own: judged
    for args in ((governance.load(EXAMPLES / "arkivforbundet.bylaw"), action), (bylaw, action, other)):
        with pytest.raises(CalendarError) as info:
            governance.check_action(*args)
        assert "the calendar is for bylaw" in str(info.value)
        assert "kalendern gäller avtalet" in info.value.text("sv")
