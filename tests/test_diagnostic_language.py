"""A bylaw's diagnostics in Swedish (the default) and in English (`--lang en`): syntax errors, the model
builder's errors, lint's warnings and the summary lines, on every command that loads a bylaw. The golden
files (test_diagnostics_golden) hold every code's output in both languages; here each kind is held to its
wording, and no diagnostic can be made with one language only."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from governance.cli import main
from governance.diagnostics import BylawError, counted, render_text
from governance.lang import Text
from governance.loader import parse

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "diagnostics"


def _errors(text: str) -> BylawError:
    with pytest.raises(BylawError) as info:
        parse(text, "t.bylaw")
    return info.value


def _said(text: str, lang: str) -> str:
    exc = _errors(text)
    return render_text(exc.diagnostics, exc.sources, lang=lang)


# ---- each kind of syntax error, in both languages ----------------------------------------------------------
@pytest.mark.parametrize("text, sv, en", [
    ('body radet "Rådet"\n  notice at least x days\n',
     "t.bylaw:2:19: error[syntax]: 'x' kan inte stå här; här ska det stå ett tal",
     "t.bylaw:2:19: error[syntax]: unexpected 'x'; expected a number"),
    ('bylaw x "X"\nbody b "B" §\n',
     "error[syntax]: tecknet '§' kan inte stå här; här ska det stå \"office\" eller radens slut",
     "error[syntax]: unexpected character '§'; expected \"office\", end of line"),
    ('bylaw x "X"\nbody\n', "error[syntax]: raden tar slut för tidigt; här ska det stå ett namn",
     "error[syntax]: unexpected end of line; expected a name"),
    ('bylaw x "X"\nmember a "A" municipality 1380 extra\n', "error[syntax]: 'extra' kan inte stå här; raden ska sluta här",
     "error[syntax]: unexpected 'extra'; expected end of line"),
    ('bylaw x "X', "error[syntax]: citattecknet här stängs inte på samma rad; här ska det stå en text inom citattecken",
     "error[syntax]: unexpected character '\"'; expected a quoted string"),
    ('bylaw x "X"\n  meets 2\n', 'här kan det till exempel stå "amends", "assume", "binding", "body", "bylaw", "cite", '
     '"cost", "default"\n', 'expected "amends", "assume", "binding", "body", "bylaw", "cite", "cost", "default", …\n'),
])
def test_a_syntax_error_says_what_stands_and_what_could_in_the_language_asked(text, sv, en):
    assert sv in _said(text, "sv")
    assert en in _said(text, "en")


def test_a_misspelt_keyword_gets_the_nearest_in_both_languages():
    text = 'bylaw x "X"\nbody b "B"\n  seat a from each member\n  meet at least 2 per year\n'
    assert "  tips: menade du 'meets'?" in _said(text, "sv")
    assert "  help: did you mean 'meets'?" in _said(text, "en")


def test_every_terminal_a_syntax_error_can_name_is_said_in_words():
    """A terminal of the grammar that is not a keyword is named in words (a number, a date …), never by
    the grammar's own name, and in both languages."""
    from governance.syntax.parser import _TERMINAL_NAMES, _parser
    for terminal in _parser().terminals:
        if terminal.pattern.type == "str" or terminal.name.startswith("__") or terminal.name == "COMMENT":
            continue  # a keyword is shown as written; the ignored whitespace and comments are never expected
        assert terminal.name in _TERMINAL_NAMES, terminal.name
    same = {"ORDINAL", "OFFICE"}  # keywords listed as written, the same in both languages
    assert all(t.sv != t.en for name, t in _TERMINAL_NAMES.items() if name not in same)


# ---- the builder's errors and lint's warnings -------------------------------------------------------------
def test_a_value_error_and_a_builder_error_in_both_languages():
    date = 'bylaw x "X"\n  signed 2025-02-30 in "Falkenberg"\n'
    assert "error[invalid-date]: '2025-02-30' är inte ett datum som finns" in _said(date, "sv")
    assert "error[invalid-date]: '2025-02-30' is not a date that exists" in _said(date, "en")
    body = 'bylaw x "X"\nbody styrgruppen "S"\n  seat ordf\nbody b "B"\n  seat ordf\n  prepares matters for styrgrupen\n'
    sv, en = _said(body, "sv"), _said(body, "en")
    assert "error[unknown-body]: okänt organ 'styrgrupen'" in sv and "tips: menade du 'styrgruppen'?" in sv
    assert "error[unknown-body]: unknown body 'styrgrupen'" in en and "help: did you mean 'styrgruppen'?" in en
    twice = 'bylaw x "X"\nmember a "A" municipality 1380\nmember a "A igen" municipality 1382\n'
    assert "medlemmen 'a' definieras två gånger" in _said(twice, "sv")
    assert "member 'a' is defined twice" in _said(twice, "en")


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            yield name, node


# How each maker of a diagnostic is called: (name, the index of its message, of its help).
MAKERS = {"error": (1, 3), "warning": (1, 3), "err": (1, 3), "warn": (1, 3), "_BadValue": (1, 3),
          "_fail": (2, None), "Diagnostic": (2, 4)}
FILES = ("diagnostics.py", "loader.py", "syntax/parser.py", "model/from_ast.py", "drafting/lint.py",
         "planning/activities.py")


def _words(node: ast.AST) -> bool:
    """Whether an argument is text in one language: a string, an f-string or strings joined."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _words(node.left) or _words(node.right)
    if isinstance(node, ast.IfExp):
        return _words(node.body) or _words(node.orelse)
    return False


def test_no_diagnostic_is_made_without_its_swedish():
    """Every diagnostic is made from a `Text` (both wordings), never from a string: a message or help given
    as one language only fails here, wherever in the bylaw's stages it is made."""
    found = 0
    for name in FILES:
        tree = ast.parse((ROOT / "governance" / name).read_text(encoding="utf-8"))
        for maker, call in _calls(tree):
            if maker not in MAKERS:
                continue
            message, help_at = MAKERS[maker]
            args = list(call.args)
            if len(args) <= message:
                continue  # not a diagnostic's maker (e.g. a logger's warning)
            found += 1
            assert not _words(args[message]), f"{name}:{call.lineno}: {maker}(…) gets a message in one language"
            if help_at is not None and len(args) > help_at:
                assert not _words(args[help_at]), f"{name}:{call.lineno}: {maker}(…) gets a help in one language"
    assert found > 80  # the oracle: the scan sees the builder's, the parser's and lint's diagnostics


@pytest.mark.parametrize("bylaw", sorted(p.name for p in GOLDEN.glob("*.bylaw")))
def test_every_golden_diagnostic_has_its_own_swedish(bylaw, monkeypatch):
    from governance.drafting.lint import lint
    monkeypatch.chdir(GOLDEN)
    analysis = lint(bylaw, [GOLDEN / "sources"])
    assert analysis.diagnostics
    for d in analysis.diagnostics:
        assert isinstance(d.text, Text) and d.text.sv and d.text.sv != d.text.en, (d.code, d.text)
        assert d.hint is None or (isinstance(d.hint, Text) and d.hint.sv), (d.code, d.hint)
        if d.hint is not None and d.code not in ("mandate-too-long",):  # that help is the statute's own words
            assert d.hint.sv != d.hint.en, (d.code, d.hint)


# ---- the summary lines and the commands ----------------------------------------------------------------------
def test_swedish_plurals_and_the_english_kept_as_it_was():
    assert [counted(n, "error", "sv") for n in (0, 1, 2)] == ["0 fel", "1 fel", "2 fel"]
    assert [counted(n, "warning", "sv") for n in (0, 1, 2)] == ["0 varningar", "1 varning", "2 varningar"]
    assert [counted(n, "error", "en") for n in (1, 2)] == ["1 error(s)", "2 error(s)"]


def _run(argv, capsys) -> tuple[int, str, str]:
    status = main(argv)
    out = capsys.readouterr()
    return status, out.out, out.err


BAD = 'body radet "Rådet"\n  notice at least x days\n'


def test_lint_says_a_broken_bylaw_in_swedish_and_in_english(tmp_path, capsys):
    (tmp_path / "bad.bylaw").write_text(BAD, encoding="utf-8")
    path = str(tmp_path / "bad.bylaw")
    status, out, _ = _run(["lint", path], capsys)
    assert status == 2 and out.endswith(f"{path}: kan inte läsas som ett avtal (1 fel)\n")
    assert f"{path}:2:19: error[syntax]: 'x' kan inte stå här; här ska det stå ett tal\n" in out
    status, out, _ = _run(["lint", path, "--lang", "en"], capsys)
    assert status == 2 and out.endswith(f"{path}: cannot be read as a bylaw (1 error(s))\n")
    status, out, _ = _run(["lint", str(GOLDEN / "empty-body.bylaw")], capsys)
    assert out.endswith("empty-body.bylaw: 0 fel, 2 varningar\n")


def test_lint_json_keeps_its_keys_and_says_the_message_in_the_language_asked(tmp_path, capsys):
    (tmp_path / "bad.bylaw").write_text(BAD, encoding="utf-8")
    for lang, message in (("sv", "'x' kan inte stå här; här ska det stå ett tal"),
                          ("en", "unexpected 'x'; expected a number")):
        _, out, _ = _run(["lint", str(tmp_path / "bad.bylaw"), "--format", "json", "--lang", lang], capsys)
        (report,) = json.loads(out)
        (d,) = report["diagnostics"]
        assert list(report) == ["file", "ok", "diagnostics"]
        assert list(d) == ["code", "severity", "message", "file", "line", "col", "help"]
        assert (d["code"], d["severity"], d["message"], d["line"], d["col"]) == ("syntax", "error", message, 2, 19)


@pytest.mark.parametrize("argv", [["fmt"], ["graph"], ["render"], ["diff", "laholmsbukten"], ["seats"],
                                  ["chairs", "@", "--from", "2025", "--to", "2026"], ["check", "@", "x.yaml"]])
def test_every_command_that_loads_a_bylaw_says_its_errors_in_the_run_s_language(argv, tmp_path, capsys):
    (tmp_path / "bad.bylaw").write_text(BAD, encoding="utf-8")
    bad = str(tmp_path / "bad.bylaw")
    line = [*argv[:1], *(a.replace("@", bad) for a in argv[1:])]
    if "@" not in argv:
        line.append(bad)
    status, _, err = _run(line, capsys)
    assert status == 2 and "error[syntax]: 'x' kan inte stå här; här ska det stå ett tal" in err, err
    assert "unexpected" not in err
    status, _, err = _run([*line, "--lang", "en"], capsys)
    assert status == 2 and "error[syntax]: unexpected 'x'; expected a number" in err, err


def test_fmt_says_why_it_formats_nothing_in_both_languages(tmp_path, capsys):
    (tmp_path / "bad.bylaw").write_text(BAD, encoding="utf-8")
    bad = str(tmp_path / "bad.bylaw")
    _, _, err = _run(["fmt", bad], capsys)
    assert err.endswith(f"{bad}: inte formaterad: 1 fel; fmt skriver bara ut giltiga avtal\n")
    _, _, err = _run(["fmt", bad, "--lang", "en"], capsys)
    assert err.endswith(f"{bad}: not formatted: 1 error(s); fmt prints only valid bylaws\n")


def test_serve_refuses_a_broken_bylaw_in_its_language(tmp_path, capsys):
    """`serve` loads its bylaws before it listens: a broken one stops it, said in the run's language."""
    (tmp_path / "bad.bylaw").write_text(BAD, encoding="utf-8")
    from governance.commands.common import load_or_report
    assert load_or_report(str(tmp_path / "bad.bylaw"), "sv") is None
    assert "'x' kan inte stå här" in capsys.readouterr().err
    assert load_or_report(str(tmp_path / "bad.bylaw"), "en") is None
    assert "unexpected 'x'" in capsys.readouterr().err


def test_the_first_of_a_bylaw_error_in_either_language(tmp_path):
    exc = _errors(BAD)
    assert exc.first("sv") == "t.bylaw:2:19: 'x' kan inte stå här; här ska det stå ett tal"
    assert exc.first("en") == str(exc) == "t.bylaw:2:19: unexpected 'x'; expected a number"
    assert re.search(r"error\[syntax\]", render_text(exc.diagnostics, exc.sources, lang="sv"))


def test_the_transcript_in_docs_language_md_is_what_lint_prints(tmp_path, monkeypatch, capsys):
    from markdown_it import MarkdownIt
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    (block,) = [t.content for t in MarkdownIt("commonmark").parse(text) if t.type == "fence" and t.info == "console"]
    (tmp_path / "bad.bylaw").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runs = re.findall(r"^\$ (.+)\n((?:(?!\$ ).*\n)*)", block, flags=re.M)
    assert len(runs) == 2
    for command, shown in runs:
        argv = command.split()
        assert argv[0] == "governance"
        main(argv[1:])
        assert capsys.readouterr().out == shown, command


def test_an_import_that_fails_is_reported_once_at_its_line(tmp_path):
    """The loader says why an import failed (not found, with the nearest name; importing itself); the model
    builder's own "unknown module" at the same place was a second error for the same fault."""
    from governance.loader import analyse
    (tmp_path / "rules").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "rules" / "loop.bylaw").write_text('module loop "L"\nimport loop\n', encoding="utf-8")
    (tmp_path / "b" / "x.bylaw").write_text('bylaw x "X"\nimport swedne\nimport loop\n', encoding="utf-8")
    found = [(d.code, Path(d.span.file).name, d.span.line) for d in analyse(tmp_path / "b" / "x.bylaw").diagnostics]
    assert sorted(found) == [("import-cycle", "loop.bylaw", 2), ("unknown-module", "x.bylaw", 2),
                             ("unknown-module", "x.bylaw", 3)]


def test_a_broken_other_version_is_warned_of_in_the_run_s_language(tmp_path, capsys):
    """`check` and `plan` read the versions beside a bylaw; one that does not parse is left out with a
    warning, which says the bylaw's error in the run's language."""
    from governance.commands.common import versions_or_warn
    new = tmp_path / "new.bylaw"
    new.write_text('bylaw new "Ny"\n  amends old from 2025-01-01\nmember a "A" municipality 1380\nbody b "B"\n'
                   '  seat ledamot from each member\n', encoding="utf-8")
    (tmp_path / "old.bylaw").write_text(BAD, encoding="utf-8")
    from governance.loader import load
    bylaw = load(new)
    assert versions_or_warn(str(new), bylaw, "sv") == ()
    assert "varning: avtalets andra versioner beaktas inte: " in (err := capsys.readouterr().err)
    assert "old.bylaw:2:19: 'x' kan inte stå här; här ska det stå ett tal" in err
    assert versions_or_warn(str(new), bylaw, "en") == ()
    assert "old.bylaw:2:19: unexpected 'x'; expected a number" in capsys.readouterr().err


def test_fmt_check_says_which_file_would_change_in_both_languages(tmp_path, capsys):
    messy = tmp_path / "x.bylaw"
    messy.write_text('bylaw x "X"\nmember a "A" municipality 1380\n\n\n', encoding="utf-8")
    assert main(["fmt", "--check", str(messy)]) == 1
    assert capsys.readouterr().out == f"{messy}: skulle formateras om\n"
    assert main(["fmt", "--check", str(messy), "--lang", "en"]) == 1
    assert capsys.readouterr().out == f"{messy}: would be reformatted\n"


def test_versions_that_cannot_be_read_are_warned_of_with_the_system_s_reason_in_swedish(monkeypatch, capsys):
    import errno
    import governance.time.versions as versions
    from governance.commands.common import versions_or_warn

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "/avtal/old.bylaw")
    monkeypatch.setattr(versions, "load_versions", refused)
    assert versions_or_warn("x.bylaw", None, "sv") == ()
    err = capsys.readouterr().err
    assert err.startswith("x.bylaw: varning: avtalets andra versioner beaktas inte: /avtal/old.bylaw: ") and \
        "Permission" not in err
    assert versions_or_warn("x.bylaw", None, "en") == ()
    assert "Permission denied: '/avtal/old.bylaw'" in capsys.readouterr().err
