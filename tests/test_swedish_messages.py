"""No English inside a Swedish message (issue 16): what YAML's parser and the operating system say about a file
the user gave reaches a Swedish report, a Swedish command line and the Swedish page in Swedish, and the English
ones stay English. Each class of broken input is read with libyaml's parser and with PyYAML's own (its words
differ), and the Swedish is held against the parsers' English phrases."""
from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
import yaml

from governance.calendar import CalendarError, read
from governance.calendar import yaml_compose
from governance.calendar.swedish import swedish
from governance.cli import main
from governance.os_words import reason

# Words of the parsers and of the C library that must not survive into Swedish.
ENGLISH = re.compile(
    r"\b(while|parsing|scanning|found|expected|expect|mapping|token|scalar|indicator|allowed|could not|did not|"
    r"block|flow|stream|directive|alias(?!et)|anchor|cannot|character|indentation|such|permission|denied|"
    r"directory|file|not)\b", re.IGNORECASE)

# (name, text): one calendar per class of YAML syntax error a secretary's hand makes.
BROKEN = [
    ("colon-in-value", "meetings:\n  - id: a\n    body: styrgrupp: extra\n"),
    ("tab-indent", "meetings:\n\t- id: a\n"),
    ("tab-in-value", "meetings:\n  - id: a\n    body:\tstyrgruppen\n\t  date: 2025-01-01\n"),
    ("dedent-key", "meetings:\n  - id: a\n body: x\n"),
    ("list-in-map", "meetings:\n  - id: a\n  - id: b\n    - c\n"),
    ("unclosed-list", "meetings: [a, b\n"),
    ("unclosed-braces", "meetings:\n  - {id: a\n"),
    ("unclosed-quote", "meetings:\n  - id: \"a\n"),
    ("at-sign", "meetings:\n  - id: @a\n"),
    ("backtick", "meetings:\n  - id: `a`\n"),
    ("bare-star", "meetings:\n  - id: *\n"),
    ("two-yaml-lines", "%YAML 1.1\n%YAML 1.1\n---\nmeetings: []\n"),
    ("bad-escape", "meetings:\n  - id: \"a\\qb\"\n"),
    ("key-without-colon", "meetings:\n  - id: a\n    body\n    date: 2025-01-01\n"),
    ("lone-dash-in-map", "bylaw: x\n- a\n"),
    ("document-end-in-quote", "meetings:\n  - id: 'a\n...\n'\n"),
    ("bad-tag", "meetings:\n  - id: !x!y a\n"),
    ("block-indicator", "meetings:\n  - id: |0\n      a\n"),
]

LOADERS = {"libyaml": getattr(yaml, "CSafeLoader", None), "pyyaml": yaml.SafeLoader}


def _issues(path: Path) -> list:
    with pytest.raises(CalendarError) as info:
        read(path)
    return list(info.value.issues)


@pytest.mark.parametrize("loader", LOADERS, ids=str)
@pytest.mark.parametrize("name, text", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_yaml_syntax_error_is_said_in_swedish_and_in_english(name, text, loader, tmp_path, monkeypatch):
    if LOADERS[loader] is None:
        pytest.skip("PyYAML built without libyaml")
    monkeypatch.setattr(yaml_compose, "_Loader", LOADERS[loader])
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    for issue in _issues(path):
        sv, en = issue.said("sv"), issue.said("en")
        assert not ENGLISH.search(sv), (issue.message, sv)
        assert sv != en and swedish(issue.message) == sv
        assert en == issue.message and ENGLISH.search(en), en  # the English keeps the parser's own words


def test_the_command_line_says_the_yaml_problem_in_swedish_and_english(tmp_path, capsys):
    path = tmp_path / "cal.yaml"
    path.write_text(BROKEN[0][1], encoding="utf-8")
    assert main(["check", "laholmsbukten", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3: fel: ett kolon står där" in err and "mapping values" not in err
    assert main(["check", "laholmsbukten", str(path), "--lang", "en"]) == 2
    assert "error: YAML syntax: mapping values are not allowed" in capsys.readouterr().err


@pytest.mark.parametrize("problem", [
    # libyaml's problems (with the contexts it gives them) and PyYAML's, as their sources word them
    "while parsing a block mapping did not find expected key",
    "while parsing a block collection did not find expected '-' indicator",
    "while parsing a flow sequence did not find expected ',' or ']'",
    "while parsing a flow mapping did not find expected ',' or '}'",
    "while scanning a quoted scalar found unexpected end of stream",
    "while scanning a quoted scalar found unexpected document indicator",
    "while scanning a plain scalar found a tab character that violates indentation",
    "while scanning for the next token found character that cannot start any token",
    "while scanning for the next token found character '\\t' that cannot start any token",
    "while scanning for the next token found character '@' that cannot start any token",
    "while scanning a simple key could not find expected ':'",
    "mapping values are not allowed in this context",
    "mapping values are not allowed here",
    "block sequence entries are not allowed in this context",
    "sequence entries are not allowed here",
    "mapping keys are not allowed here",
    "while parsing a block node did not find expected node content",
    "while parsing a flow node expected the node content, but found '<block end>'",
    "while scanning an alias did not find expected alphabetic or numeric character",
    "while scanning an anchor expected alphabetic or numeric character, but found '?'",
    "while parsing a block mapping expected <block end>, but found '<block sequence start>'",
    "while parsing a block collection expected <block end>, but found '?'",
    "while parsing a flow sequence expected ',' or ']', but got '<stream end>'",
    "while parsing a flow mapping expected ',' or '}', but got '<stream end>'",
    "found duplicate %YAML directive",
    "found duplicate YAML directive",
    "found incompatible YAML document (version 1.* is required)",
    "while parsing a node found undefined tag handle '!x!'",
    "while parsing a quoted scalar found unknown escape character",
    "while scanning a double-quoted scalar found unknown escape character 'q'",
    "while scanning a block scalar found an indentation indicator equal to 0",
    "while scanning a block scalar expected a comment or a line break, but found 'x'",
    "while scanning a directive found unknown directive name",
    "while scanning a %YAML directive did not find expected version number",
    "while scanning a tag did not find expected whitespace or line break",
    "while parsing a tag expected '>', but found 'x'",
    "did not find expected <document start>",
    "expected '<document start>', but found '<scalar>'",
    "something the parser may say one day",
])
def test_every_yaml_problem_has_swedish_without_parser_words(problem):
    sv = swedish(f"YAML syntax: {problem}")
    assert sv and not ENGLISH.search(sv), sv


@pytest.mark.parametrize("code", [errno.ENOENT, errno.EACCES, errno.EISDIR, errno.ENOTDIR, errno.ENAMETOOLONG,
                                  errno.ELOOP, errno.EIO, errno.ENOSPC, errno.EROFS, errno.EEXIST])
def test_an_operating_system_reason_is_said_in_swedish(code):
    import os
    exc = OSError(code, os.strerror(code))
    assert reason(exc, "en") == os.strerror(code)
    sv = reason(exc, "sv")
    assert not ENGLISH.search(sv.replace("filen", "")), sv
    assert swedish(f"cannot read the calendar: {os.strerror(code)}") == f"kan inte läsa kalendern: {sv}"


def _said(path, capsys, lang="sv"):
    status = main(["check", "laholmsbukten", str(path), "--lang", lang])
    return status, capsys.readouterr().err


def test_a_missing_calendar_is_said_in_swedish(tmp_path, capsys):
    status, err = _said(tmp_path / "nowhere.yaml", capsys)
    assert status == 2 and err.strip().endswith("fel: kan inte läsa kalendern: filen eller mappen finns inte")
    status, err = _said(tmp_path / "nowhere.yaml", capsys, "en")
    assert err.strip().endswith("error: cannot read the calendar: No such file or directory")


def test_an_unreadable_calendar_is_said_in_swedish(tmp_path, capsys, monkeypatch):
    path = tmp_path / "locked.yaml"
    path.write_text("meetings: []\n", encoding="utf-8")

    from governance.calendar import source
    read_at_most = source.read_at_most

    def refused(file, limit):  # as chmod 000 would, for a user who is not root (the tests may run as root)
        if Path(file).name != path.name:
            return read_at_most(file, limit)
        raise PermissionError(errno.EACCES, "Permission denied", str(file))
    monkeypatch.setattr(source, "read_at_most", refused)
    status, err = _said(path, capsys)
    assert status == 2 and "kan inte läsa kalendern: du har inte behörighet till filen" in err
    assert "Permission" not in err
    status, err = _said(path, capsys, "en")
    assert "cannot read the calendar: Permission denied" in err


def test_a_folder_and_latin1_are_said_in_swedish(tmp_path, capsys):
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    status, err = _said(folder, capsys)
    assert status == 2 and "det här är en mapp, inte en kalenderfil" in err
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("meetings:\n  - id: möte\n".encode("latin-1"))
    status, err = _said(latin1, capsys)
    assert status == 2 and ("inte UTF-8-text (byten 0xf6 kan inte avkodas); den ser ut att vara sparad som "
                            'Windows-1252 ("ANSI"); spara kalendern som UTF-8') in err
    status, err = _said(latin1, capsys, "en")
    assert "not UTF-8 text (byte 0xf6 cannot be decoded)" in err


# ---- the command line's own refusals: argparse's, the commands', a bylaw that cannot be had -------------
@pytest.mark.parametrize("argv, sv, en", [
    (["check", "laholmsbukten"], "governance: fel: dessa argument saknas: CALENDAR",
     "governance: error: the following arguments are required: CALENDAR"),
    (["check", "laholmsbukten", "x.yaml", "--format", "xml"], "ogiltigt val 'xml' (välj bland 'text', 'json', 'pdf')",
     "invalid choice: 'xml' (choose from 'text', 'json', 'pdf')"),
    (["check", "laholmsbukten", "x.yaml", "--year", "0"],
     "argument --year: året 0 ligger utanför de år ett sammanträde kan ligga i (1900–2199)",
     "argument --year: year 0 is outside the years a meeting can be in (1900–2199)"),
    (["check", "laholmsbukten", "x.yaml", "--as-of", "2025-13-01"], "'2025-13-01' är inget datum (ÅÅÅÅ-MM-DD)",
     "'2025-13-01' is not a date (YYYY-MM-DD)"),
    (["plan", "laholmsbukten", "--year", "tjugo"], "'tjugo' är inget år som 2025", "'tjugo' is not a year such as 2025"),
    (["check", "laholmsbukten", "x.yaml", "--bogus"], "okända argument: --bogus", "unrecognized arguments: --bogus"),
    (["chairs", "laholmsbukten", "--from", "2025", "--to", "2020"], "governance: fel: --to 2020 ligger före --from 2025",
     "governance: error: --to 2020 is before --from 2025"),
    (["chairs", "laholmsbukten", "--from", "2025", "--to", "2026", "--body", "nobody"],
     "avtalet 'laholmsbukten' har inget organ 'nobody' (organ: ", "bylaw 'laholmsbukten' has no body 'nobody' (bodies: "),
    (["check", "laholmsbuktn", "x.yaml"],
     "laholmsbuktn:0:0: error[unknown-bylaw]: det finns ingen fil 'laholmsbuktn' och inget avtal med det id:t; menade du "
     "'laholmsbukten'?", "error[unknown-bylaw]: no file 'laholmsbuktn' and no shipped bylaw with that id"),
    (["render", "/nowhere/x.bylaw"], "/nowhere/x.bylaw:1:1: error[unreadable]: kan inte läsa filen: filen eller mappen finns inte",
     "error[unreadable]: cannot read file: No such file or directory"),
    (["render", "laholmsbukten", "-o", "/nowhere/x.md"], "governance: fel: kan inte skriva /nowhere/x.md: filen eller "
     "mappen finns inte", "governance: error: cannot write /nowhere/x.md: No such file or directory"),
    (["rules", "quorm"], "governance: fel: ingen regel 'quorm' (menade du 'quorum'?)", "governance: error: no rule 'quorm'"),
    (["check", "laholmsbukten", "x.yaml", "--format", "pdf"], "--format pdf skriver en fil: ange -o FILE.pdf",
     "--format pdf writes a file: give -o FILE.pdf"),
])
def test_the_command_line_refuses_in_swedish_and_in_english(argv, sv, en, capsys):
    assert _status(argv) == 2
    err = capsys.readouterr().err
    # a diagnostic's code keeps its severity word (`error[unreadable]`) in both languages: it is an id
    assert sv in err and "error" not in re.sub(r"\berror\[[\w-]+\]", "", err), err
    assert _status([*argv, "--lang", "en"]) == 2
    assert en in capsys.readouterr().err


def _status(argv) -> int:
    """The exit status, whether the command returned it or argparse exited with it."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


# ---- --help ---------------------------------------------------------------------------------------------
def _help_strings() -> list[str]:
    """Every help text of the command line: its description, each command's, each argument's."""
    import argparse
    from governance.cli import build_parser
    parser, found = build_parser(), []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [a.help for a in action._choices_actions]
            for sub in action.choices.values():
                found += [a.help for a in sub._actions if not isinstance(a, argparse._HelpAction)]
    return [h for h in [parser.description, *found] if h and h != argparse.SUPPRESS]


def test_every_help_text_has_its_swedish():
    from governance.commands.argwords import HELP
    missing = [h for h in _help_strings() if h not in HELP]
    assert missing == [], "add these to governance/commands/argwords.py HELP: " + repr(missing)


@pytest.mark.parametrize("argv", [[], ["check"], ["plan"], ["share"], ["serve"], ["lint"]])
def test_help_is_swedish_by_default_and_english_on_request(argv, capsys):
    assert _status([*argv, "--help"]) == 0
    sv = capsys.readouterr().out
    assert sv.startswith("användning: governance") and "flaggor:" in sv and "visa den här hjälpen" in sv
    assert not re.search(r"\b(the|show|default|options|usage|positional)\b", sv), sv
    assert _status([*argv, "--help", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert en.startswith("usage: governance") and "options:" in en and "show this help message and exit" in en


def _command_parsers() -> dict:
    import argparse
    from governance.cli import build_parser
    return next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices


@pytest.mark.parametrize("command", sorted(_command_parsers()))
def test_every_command_takes_lang_so_its_refusals_can_be_english(command, capsys):
    """Help and argparse's refusals are Swedish by default: every command must accept `--lang en`, or a user
    could never have them in English on a command line that is otherwise right (lint, fmt, diff and graph
    had no --lang: `governance lint X --lang en` was refused)."""
    lang = [a for a in _command_parsers()[command]._actions if "--lang" in a.option_strings]
    assert len(lang) == 1 and tuple(lang[0].choices) == ("sv", "en") and lang[0].default == "sv"
    assert _status([command, "--no-such-option"]) == 2
    sv = capsys.readouterr().err
    assert sv.startswith("användning: governance") and "governance: fel: " in sv, sv
    assert _status([command, "--no-such-option", "--lang", "en"]) == 2
    en = capsys.readouterr().err
    assert en.startswith("usage: governance") and "governance: error: " in en, en


def test_lint_with_lang_en_runs():
    assert _status(["lint", "laholmsbukten", "--lang", "en"]) == 0


@pytest.mark.parametrize("english, swedish_words", [
    ("these bylaws are not one chain of versions: a, b amend none of the others",
     "avtalen är inte en kedja av versioner: a, b ändrar inget av de andra"),
    ("'a' is amended by more than one version: b, c", "'a' ändras av mer än en version: b, c"),
    ("the amendments form a cycle", "ändringarna bildar en cirkel"),
    ("'b' amends 'a' but has no date of effect; write `amends a from YYYY-MM-DD`",
     "'b' ändrar 'a' men anger ingen dag då ändringen gäller; skriv `amends a from YYYY-MM-DD`"),
    ("'b' takes effect (2020-01-01) before the version it amends, 'a' (2021-01-01)",
     "'b' gäller från 2020-01-01, före versionen den ändrar, 'a' (2021-01-01)"),
])
def test_why_other_versions_are_not_considered_in_swedish(english, swedish_words):
    from governance.commands.common import _versions_sv
    assert _versions_sv(english) == swedish_words


# ---- a mapping or roster file is named as what it is, not "the calendar" -------------------------------
_BROKEN_FILES = {
    "empty": (b"", "is empty", "är tom"),
    "nul": (b"a: 1\n\x00\n", "is UTF-8 text", "är UTF-8-text"),
    "latin1": (b"a: \xff\n", "as UTF-8", "som UTF-8"),
}


@pytest.mark.parametrize("case", sorted(_BROKEN_FILES))
def test_a_broken_mapping_or_roster_file_is_not_called_the_calendar(case, tmp_path):
    from governance.calendar.mapping import read_mapping
    data, en_end, sv_end = _BROKEN_FILES[case]
    (tmp_path / "m.yaml").write_bytes(data)
    (tmp_path / "r.yaml").write_bytes(data)
    (tmp_path / "cal.yaml").write_text("bylaw: laholmsbukten\nroster: r.yaml\nmeetings: []\n", encoding="utf-8")
    said = {}
    for what, reading in (("mapping file", lambda: read_mapping(tmp_path / "m.yaml")),
                          ("roster file", lambda: read(tmp_path / "cal.yaml"))):
        with pytest.raises(CalendarError) as caught:
            reading()
        said[what] = caught.value.issues[0].message
    assert "mapping file" in said["mapping file"] and en_end in said["mapping file"]
    assert "calendar" not in said["mapping file"]
    assert said["roster file"].startswith("the roster file 'r.yaml': ") and "calendar" not in said["roster file"]
    assert "mappningsfil" in swedish(said["mapping file"]) and sv_end in swedish(said["mapping file"])
    assert "kalender" not in swedish(said["mapping file"]) + swedish(said["roster file"])


@pytest.mark.parametrize("kind, sv", [("calendar", "kalendern"), ("mapping file", "mappningsfilen"),
                                      ("roster file", "roster-filen")])
def test_an_unreadable_file_is_named_as_what_it_is(kind, sv, tmp_path):
    from governance.calendar.source import read_source
    with pytest.raises(CalendarError) as caught:
        read_source(tmp_path / "nowhere.yaml", kind=kind)
    message = caught.value.issues[0].message
    assert message.startswith(f"cannot read the {kind}: ")
    assert swedish(message) == f"kan inte läsa {sv}: filen eller mappen finns inte"
    (tmp_path / "folder").mkdir()
    with pytest.raises(CalendarError) as caught:
        read_source(tmp_path / "folder", kind=kind)
    assert swedish(caught.value.issues[0].message).startswith("det här är en mapp, inte en ")
