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
    (["check", "{calendar}"], "{bylaw}"),  # the bylaw the calendar names, found beside it
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


# ---- a file saved by a Windows program in another encoding: what it is, and where ---------------------
BYLAW_TEXT = (EXAMPLES / "arkivforbundet.bylaw").read_text(encoding="utf-8")


def test_a_bylaw_saved_as_unicode_by_notepad_is_said_to_be_utf16(tmp_path, capsys):
    for codec in ("utf-16", "utf-16-le"):  # with a byte-order mark, and without one
        path = tmp_path / "arkivforbundet.bylaw"
        path.write_bytes(BYLAW_TEXT.encode(codec))
        status, out, _ = run(["lint", path], capsys)
        assert status == 2
        assert 'sparad som UTF-16 ("Unicode" i Anteckningar och Excel); spara avtalet som UTF-8' in out, out
        assert "ingen textfil" not in out


def test_a_bylaw_saved_as_ansi_points_at_the_letter(tmp_path, capsys):
    path = tmp_path / "arkivforbundet.bylaw"
    path.write_bytes(BYLAW_TEXT.encode("cp1252"))
    line = next(i for i, text in enumerate(BYLAW_TEXT.splitlines(), 1) if not text.isascii())
    col = next(i for i, c in enumerate(BYLAW_TEXT.splitlines()[line - 1], 1) if not c.isascii())
    status, out, _ = run(["lint", path, "--lang", "en"], capsys)
    assert status == 2
    assert f"arkivforbundet.bylaw:{line}:{col}: error[encoding]: not UTF-8 text (byte 0x" in out, out
    assert 'it looks saved as Windows-1252 ("ANSI"); save the bylaw as UTF-8' in out


def test_binary_is_still_binary(tmp_path, capsys):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"meetings: []\n\x00\x01\x02\xff" * 3)
    status, _, err = run(["check", "laholmsbukten", path], capsys)
    assert status == 2 and "ingen textfil" in err
