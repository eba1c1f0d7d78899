"""What users really give the commands (a report's `-o` naming the calendar, a file Notepad saved as
"Unicode", a date written as Swedes write it …): each is read, or refused with exit 2 and a message that
says how to write it, and nothing the user has is lost."""
from __future__ import annotations

import re
from datetime import date, datetime
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


# ---- dates as Swedes write them: said back in the ISO form to write ------------------------------------
@pytest.mark.parametrize("written, iso", [
    ("2025-5-3", "2025-05-03"), ("3 maj 2025", "2025-05-03"), ("den 3:e maj 2025", "2025-05-03"),
    ("20/2/2025", "2025-02-20"), ("20.2.2025", "2025-02-20"), ("2025/02/20", "2025-02-20"),
    ("20 feb. 2025 kl. 9.00", "2025-02-20T09:00"), ("2025-02-20 9.00", "2025-02-20T09:00"),
    ("2025-2-20T13:00", "2025-02-20T13:00"), ("20 okt 2025, kl 13.30", "2025-10-20T13:30"),
    ("May 3, 2025", "2025-05-03"),
])
def test_a_date_written_otherwise_is_read_into_its_iso_form(written, iso):
    from governance.calendar.written_dates import iso_spelling
    assert iso_spelling(written).iso == iso


@pytest.mark.parametrize("written", ["3 maj", "2025-02-30", "31/2/2025", "hej", "2025-02-20 25.00",
                                     "3 maj 2025 13", "1/1/1", "x" * 200])
def test_what_is_no_date_gets_no_guess(written):
    from governance.calendar.written_dates import how_to_write, iso_spelling
    assert iso_spelling(written) is None and how_to_write(written) == ""


def test_day_and_month_that_could_be_swapped_are_named():
    from governance.calendar.written_dates import how_to_write
    assert how_to_write("3/5/2025") == "; write 2025-05-03 (3 May)"  # the 3rd of May, as a Swede means it
    assert how_to_write("20/5/2025") == "; write 2025-05-20"  # no other reading
    assert how_to_write("5/5/2025") == "; write 2025-05-05"
    assert how_to_write("3/5/2205") == ""  # a year no meeting can be in: no hint towards it


def test_the_calendar_says_how_to_write_a_swedish_date(tmp_path, capsys):
    path = tmp_path / "kalender.yaml"
    path.write_text("bylaw: laholmsbukten\nmeetings:\n  - id: a\n    body: styrgruppen\n    date: 3/5 2025 kl. 9.00\n",
                    encoding="utf-8")
    status, _, err = run(["check", "laholmsbukten", path], capsys)
    assert status == 2
    assert err.strip().endswith(":5: fel: date '3/5 2025 kl. 9.00' är inget ISO-datum (2025-02-11) eller datum "
                                "med tid (2025-02-11T13:00); skriv 2025-05-03T09:00 (3 maj)"), err


def test_as_of_says_how_to_write_it(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check", "laholmsbukten", "examples/laholmsbukten-2025.yaml", "--as-of", "3/5/2025"])
    assert info.value.code == 2
    assert "'3/5/2025' är inget datum (ÅÅÅÅ-MM-DD); skriv 2025-05-03 (3 maj)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", "laholmsbukten", "examples/laholmsbukten-2025.yaml", "--as-of", "3 maj 2025 kl 9", "--lang", "en"])
    assert "'3 maj 2025 kl 9' is not a date (YYYY-MM-DD); write 2025-05-03" in capsys.readouterr().err


def test_a_meeting_built_in_python_says_how_to_write_its_date():
    import governance
    with pytest.raises(governance.CalendarError) as info:
        governance.Meeting("m", "styrgruppen", "12 maj 2025")
    assert info.value.text("sv").endswith("date '12 maj 2025' är inget ISO-datum (2025-02-11); skriv 2025-05-12")


# ---- a roster as Excel leaves it: spaces around a name or a party are no part of it ---------------------
def test_spaces_around_a_roster_name_or_party_are_no_part_of_it(tmp_path):
    from governance.calendar import read
    path = tmp_path / "kalender.yaml"
    path.write_text('bylaw: vattenforbundet\nroster:\n  "Anna Berg ": {seat: vara/ledamot, party: "S "}\n'
                    '  Eva Holm: {seat: vara/ledamot, as: ersattare, for: " Anna Berg", party: S}\n'
                    "meetings:\n  - {id: d-1, body: direktionen, date: 2025-03-04, attendees: [Anna Berg]}\n",
                    encoding="utf-8")
    calendar = read(path)
    anna, eva = calendar.roster
    assert (anna.name, anna.party, eva.stands_for, eva.party) == ("Anna Berg", "S", "Anna Berg", "S")
    assert calendar.meetings[0].present[0].person == "Anna Berg"


# ---- amounts as Swedes write them ---------------------------------------------------------------------
@pytest.mark.parametrize("written, amount", [
    ("250000", "250000"), ("250 000", "250000"), ("250\u00a0000 kr", "250000"), ("1 250 000,50", "1250000.50"),
    ("25,5", "25.5"), ("100:-", "100"), ("1.000.000", "1000000"), ("1,000,000", "1000000"), ("1.5", "1.5"),
    ("250 000 SEK", "250000"),
])
def test_an_amount_written_as_swedes_write_it_is_read(written, amount):
    from decimal import Decimal
    from governance.money.share import money
    assert money(written) == Decimal(amount)


@pytest.mark.parametrize("written, said", [
    ("250.000", "write 250000 (thousands) or 250 (a decimal)"),  # was read as 250 kr
    ("1,500", "write 1500 (thousands) or 1.5 (a decimal)"),
    ("1.005", "write 1005 (thousands) or 1.0050 (a decimal)"),  # the decimal said so that it reads one way
])
def test_an_amount_that_reads_two_ways_is_refused_both_ways(written, said, capsys):
    from governance.money.share import ShareError, money
    with pytest.raises(ShareError, match=re.escape(said)):
        money(written)
    status, _, err = run(["share", "laholmsbukten", "--amount", written], capsys)
    assert status == 2 and "kan läsas på två sätt: skriv" in err and "(decimaltal)" in err, err


def test_share_splits_an_amount_written_with_spaces(capsys):
    status, out, err = run(["share", "laholmsbukten", "--amount", "1 000 000,50 kr", "--format", "json"], capsys)
    assert status == 0, err
    import json
    assert json.loads(out)["total"] in ("1000000.50", 1000000.5)


# ---- `-`: the calendar piped in ------------------------------------------------------------------------
def _stdin(monkeypatch, data: bytes, tty: bool = False):
    import io

    class Piped(io.TextIOWrapper):
        def isatty(self):
            return tty
    monkeypatch.setattr("sys.stdin", Piped(io.BytesIO(data), encoding="utf-8"))


def test_a_calendar_piped_in_is_checked_as_the_file_would_be(monkeypatch, capsys):
    path = EXAMPLES / "arkivforbundet-2025-breaches.yaml"
    filed = run(["check", EXAMPLES / "arkivforbundet.bylaw", path, "--format", "json"], capsys)
    _stdin(monkeypatch, path.read_bytes())
    piped = run(["check", EXAMPLES / "arkivforbundet.bylaw", "-", "--format", "json"], capsys)
    assert piped[0] == filed[0] == 1
    assert piped[1].replace("<stdin>", str(path)) == filed[1]


def test_an_ics_piped_in_with_its_mapping(monkeypatch, capsys):
    ics, mapping = EXAMPLES / "laholmsbukten-2025.ics", EXAMPLES / "laholmsbukten-mapping.yaml"
    filed = run(["check", "laholmsbukten", ics, "--mapping", mapping, "--format", "json"], capsys)
    _stdin(monkeypatch, ics.read_bytes())
    piped = run(["check", "laholmsbukten", "-", "--mapping", mapping, "--format", "json"], capsys)
    assert piped[0] == filed[0] and piped[1].replace("<stdin>", str(ics)) == filed[1]


def test_nothing_piped_is_said(monkeypatch, capsys):
    _stdin(monkeypatch, b"", tty=True)
    status, _, err = run(["check", "laholmsbukten", "-"], capsys)
    assert status == 2 and "'-' läser kalendern från standard in, och inget skickas dit" in err, err
    _stdin(monkeypatch, b"")
    status, _, err = run(["check", "laholmsbukten", "-", "--lang", "en"], capsys)
    assert status == 2 and err.strip() == "<stdin>:1: error: the calendar is empty"


def test_a_list_written_without_brackets_is_said_how_to_write(tmp_path, capsys):
    path = tmp_path / "kalender.yaml"
    path.write_text("bylaw: vattenforbundet\nroster: {Anna Berg: vara/ledamot, Eva Holm: vara/ledamot}\nmeetings:\n"
                    "  - id: d-1\n    body: direktionen\n    date: 2025-03-04\n"
                    "    attendees: Anna Berg, Eva Holm, 3 × grastorp/ledamot\n"
                    "    chair: vara/ledamot, grastorp/ledamot\n", encoding="utf-8")
    status, _, err = run(["check", EXAMPLES / "vattenforbundet.bylaw", path], capsys)
    assert status == 2
    assert (":7: fel: en post i attendees: 'Anna Berg, Eva Holm, 3 × grastorp/ledamot' anger flera; skriv dem som "
            "en lista inom hakparenteser: [Anna Berg, Eva Holm, 3 × grastorp/ledamot]") in err, err
    chair = next(line for line in err.splitlines() if ":8: fel: chair:" in line)  # one chair: no list to write
    assert "är ingen platsreferens" in chair and "lista" not in chair


# ---- a calendar built in Python is held to what a calendar file is held to ----------------------------
@pytest.mark.parametrize("day", [date(9999, 12, 31), "0001-01-01", "1800-06-01", datetime(2200, 1, 1, 9)])
def test_a_meeting_in_a_year_no_meeting_can_be_in_is_refused_when_built(day):
    import governance
    with pytest.raises(governance.CalendarError, match="is outside the years a meeting can be in"):
        governance.Meeting("m", "styrgruppen", day, attendees=["halmstad/kso"])


def test_a_far_year_no_longer_reaches_the_checks():
    """9999-12-31 went on to a ValueError inside check_calendar ('year 10000 is out of range')."""
    import governance
    with pytest.raises(governance.CalendarError):
        calendar = governance.Calendar("x.yaml", meetings=[governance.Meeting("m", "styrgruppen", date(9999, 12, 31))])
        governance.check_calendar(governance.load("laholmsbukten"), calendar, as_of=date(2025, 1, 1))


def test_ids_and_names_are_unique_in_a_calendar_built_in_python():
    import governance
    twice = [governance.Meeting("m", "styrgruppen", "2025-03-01"), governance.Meeting("m", "styrgruppen", "2025-09-01")]
    with pytest.raises(governance.CalendarError) as info:
        governance.Calendar("x.yaml", meetings=twice)  # was judged as one meeting: meeting-minimum fired
    assert info.value.text("sv").endswith("mötes-id 'm' förekommer två gånger")
    with pytest.raises(governance.CalendarError, match="duplicate person 'A' in the roster"):
        governance.Calendar("x.yaml", roster=[governance.Person("A", "a/b"), governance.Person("A", "c/d")])


# ---- the command line as people type it -----------------------------------------------------------------
def test_lang_before_the_command_is_the_command_s(capsys):
    status = main(["--lang", "en", "check", "laholmsbukten", "examples/laholmsbukten-2025.yaml", "--as-of",
                   "2026-01-01"])
    out = capsys.readouterr().out
    assert status == 0 and "against laholmsbukten: compliant" in out, out
    assert main(["--lang=en", "rules"]) == 0


def test_a_misspelt_command_gets_the_nearest(capsys):
    with pytest.raises(SystemExit):
        main(["chekc", "laholmsbukten"])
    assert "menade du 'check'?" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["rendr", "laholmsbukten", "--lang", "en"])
    assert "did you mean 'render'?" in capsys.readouterr().err


def test_no_break_spaces_from_word_are_spaces(tmp_path):
    """'Anna\\u00a0Berg' in the roster and 'Anna Berg' in a meeting were two people ("'Anna Berg' finns inte i
    roster; menade du 'Anna Berg'?"); a seat reference or a body with a no-break space after it was refused."""
    from governance.calendar import read
    path = tmp_path / "kalender.yaml"
    path.write_text("bylaw: vattenforbundet\nroster:\n  Anna\u00a0 Berg: {seat: vara/ledamot, party: S\u00a0}\n"
                    "meetings:\n  - {id: d-1, body: direktionen\u00a0, date: 2025-03-04,\n"
                    "     attendees: [Anna Berg, grastorp/ledamot\u00a0, 2 × essunga/ledamot\u00a0],\n"
                    "     matters: [{id: x, votes: {ja: [Anna\u00a0Berg]}}]}\n", encoding="utf-8")
    calendar = read(path)
    assert [p.name for p in calendar.roster] == ["Anna Berg"] and calendar.roster[0].party == "S"
    meeting, = calendar.meetings
    assert meeting.body == "direktionen"
    assert [str(p.seat) for p in meeting.people] == ["vara/ledamot", "grastorp/ledamot", "essunga/ledamot",
                                                     "essunga/ledamot"]
    assert meeting.matters[0].votes[0].who == "Anna Berg"


@pytest.mark.parametrize("year", [1800, 99999, 0])
def test_plan_says_a_year_no_meeting_can_be_in(year):
    import governance
    with pytest.raises(ValueError, match=f"year {year} is outside the years a meeting can be in"):
        governance.plan(governance.load("laholmsbukten"), year)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="a system without /dev/zero")
@pytest.mark.parametrize("argv, said", [
    (["check", "laholmsbukten", "/dev/zero", "--lang", "en"], "/dev/zero:1: error: calendar is over 10 MB"),
    (["lint", "/dev/zero", "--lang", "en"], "/dev/zero:1:1: error[too-large]: file is over 262,144 bytes"),
    (["share", "laholmsbukten", "--amount", "100", "--population", "/dev/zero", "--lang", "en"],
     "/dev/zero: too large for a population table"),
])
def test_a_device_without_end_is_refused_by_what_was_read(argv, said, capsys):
    """/dev/zero (or a pipe that never ends) has size 0: it was read whole, without end."""
    status, out, err = run(argv, capsys)
    assert status == 2 and said in out + err, out + err


def test_a_fee_finer_than_ore_is_shown_as_applied(capsys):
    """--fee 1.0050 was printed 'avgift 1,00 kr' while every share was worked out at 1.005."""
    status, out, _ = run(["share", "laholmsbukten", "--fee", "1.0050"], capsys)
    assert status == 0 and "avgift 1,005 kr per invånare" in out, out
    status, out, _ = run(["share", "laholmsbukten", "--fee", "12,50"], capsys)
    assert "avgift 12,50 kr per invånare" in out
