"""`governance render` / `governance.render`: the bylaw as a readable document.

Golden files (tests/golden/document/, regenerated with UPDATE_GOLDEN=1 and reviewed in `git diff`): every
shipped bylaw's markdown in English and Swedish, the statutory module, a bylaw with every construct of the
language (each clause quoting its own mark, so a clause the document drops is a missing mark), and one
HTML page. Beside them: every note of every shipped bylaw is in its document; both languages phrase the
same things; hostile names and quotes stay text; the page is well-formed; the command line's exits.
"""
from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from test_fmt_roundtrip import bylaw_text

import governance
from governance.cli import main
from governance.document import render
from governance.document.markdown import escape
from governance.document.words import LANGS
from governance.drafting.lint import _cited_nodes as _nodes
from governance.loader import Loader, shipped_dir, shipped_ids
from governance.model import types as t
from governance.syntax.printer import print_bylaw
from golden_file import assert_golden

# `_nodes`: every node of a model (not its modules'); `bylaw_text`: bylaws in every form the language allows.
GOLDEN = Path(__file__).parent / "golden" / "document"
EVERY_CLAUSE = GOLDEN / "every-clause.bylaw"
SWEDEN = shipped_dir("rules") / "sweden.bylaw"


def _golden(name: str, text: str) -> None:
    assert_golden(GOLDEN / name, text)


def _load(name: str) -> t.Bylaw:
    return governance.load(name)


# ---- golden files ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("name", [*shipped_ids(), "every-clause", "sweden"])
def test_markdown_golden(name, lang):
    path = {"every-clause": EVERY_CLAUSE, "sweden": SWEDEN}.get(name, name)
    _golden(f"{name}.{lang}.md", render(_load(str(path)), "markdown", lang))


def test_html_golden():
    _golden("laholmsbukten.en.html", render(_load("laholmsbukten"), "html", "en"))


# ---- nothing left out --------------------------------------------------------------------------------------
def _unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


class _Text(HTMLParser):
    """The text a browser shows, with the start tags seen (to look for anything active)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)

    @classmethod
    def of(cls, page: str) -> _Text:
        parser = cls()
        parser.feed(page)
        parser.close()
        return parser

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def test_every_node_type_of_the_model_is_in_the_every_clause_bylaw():
    """A clause type added to the model fails here until the every-clause bylaw (and so the golden files)
    has one, and the mark test below proves it rendered."""
    b = _load(str(EVERY_CLAUSE))
    seen = {type(n) for n in _nodes(b)} | {type(n) for m in b.modules for n in _nodes(m)}
    seen |= {type(c.spec) for body in b.bodies for c in body.of(t.Chair)}
    node_types = {c for c in vars(t).values() if isinstance(c, type) and issubclass(c, t.Node) and c is not t.Node}
    chair_specs = set(t.ChairSpec.__args__)
    assert node_types | chair_specs <= seen, sorted(c.__name__ for c in (node_types | chair_specs) - seen)
    relations = {c.kind for body in b.bodies for c in body.of(t.Relation)}
    assert relations == {"decides", "prepares", "proposes", "executes", "responsible", "convenes", "appoints",
                         "reports_to"}
    assert {h.key for h in b.header} == {"source", "signed", "binding", "valid", "renewed", "renewal", "amends",
                                         "version", "status", "reviewed", "duty"}
    assert {c.kind for c in b.costs} == {"population", "fee", "own", "participant_fees", "projects"}
    assert {c.kind for body in b.bodies for c in body.of(t.MeetingRule)} == {
        "at_least", "at_most", "about", "between", "exactly"}
    assert {c.kind for body in b.bodies for c in body.of(t.Quorum)} == {
        "more_than_half", "fraction", "all", "at_least", "default"}
    assert {c.holders.mode for body in b.bodies for c in body.of(t.SeatDecl)} == {"each", "any", "listed", "fixed"}


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_every_clause_of_the_every_clause_bylaw_is_rendered(lang):
    b = _load(str(EVERY_CLAUSE))
    marks = [n.notes.cite for n in _nodes(b)]
    assert all(marks) and len(set(marks)) == len(marks), "every node of the every-clause bylaw quotes its own mark"
    document = _unescape(render(b, "markdown", lang))
    assert [m for m in marks if f"> {m}\n" not in document] == []


@pytest.mark.parametrize("name", shipped_ids())
def test_every_note_of_a_shipped_bylaw_is_in_its_document(name):
    b = _load(name)
    notes = [n.notes for n in _nodes(b)]
    for lang in LANGS:
        document = _unescape(render(b, "markdown", lang))
        page = _Text.of(render(b, "html", lang)).text
        for note in notes:
            for text in filter(None, (note.cite, note.section, note.law, note.assume)):
                flat = " ".join(text.split())
                assert flat in document, (lang, flat)
                assert flat in page, (lang, flat)
        cites = [n.cite for n in notes if n.cite]
        assert all(f"> {' '.join(c.split())}" in document for c in cites)


def test_a_clause_on_a_statutory_default_names_the_law_it_rests_on():
    document = render(_load("laholmsbukten"), "markdown", "sv")
    styrgruppen = document.split("\n### Styrgruppen")[1].split("\n### ")[0]
    assert "Beslutförhet enligt svensk lag" in styrgruppen
    assert "*Vilar på svensk lag:* Kommunallagen (2017:725) 6 kap. 27 § (modulen `sweden`)" in styrgruppen
    renewed = render(_load("malmolundregionen"), "markdown", "en").split("Renewed after")[1].split("## ")[0]
    assert "Vallagen (2005:837) 1 kap. 3 §" in renewed and "Kommunallagen (2017:725) 5 kap. 9 §" in renewed


def test_clauses_resting_on_one_sentence_share_one_quote():
    document = render(_load("laholmsbukten"), "markdown", "en")
    seats = document.split("### Styrgruppen")[1].split("#### Meetings")[0]
    quote = "> Sekretariatet bereder ärenden till vår styrgrupp"
    assert seats.count(quote) == 1
    assert seats.index("Ledande oppositionsråd") < seats.index(quote) < seats.index("In all: 10 voting seats")


# ---- two languages -----------------------------------------------------------------------------------------
def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_phrase_the_same_things():
    en, sv = LANGS["en"].templates, LANGS["sv"].templates

    def base(keys):  # `.N` variants of a number are a language's own ("vartannat år"); `.n` is in both
        return {k for k in keys if not re.search(r"\.\d+$", k)}

    assert base(en) == base(sv)
    for key in base(en):
        assert _placeholders(en[key]) == _placeholders(sv[key]), key
    for key in set(en) | set(sv):
        if re.search(r"\.\d+$", key):
            assert re.sub(r"\d+$", "n", key) in en and re.sub(r"\d+$", "n", key) in sv, key


def test_phrasing_per_language():
    b = _load("laholmsbukten")
    en, sv = render(b, "markdown", "en"), render(b, "markdown", "sv")
    assert "Meets at least 4 times per year." in en
    assert "Sammanträder minst 4 gånger per år." in sv
    assert "Signed on 28 March 2024 in Falkenberg." in en
    assert "Undertecknat den 28 mars 2024 i Falkenberg." in sv
    # the quotes stay the agreement's own words in both
    assert "> Referensgruppen träffas minst fyra gånger om året." in en
    assert "> Referensgruppen träffas minst fyra gånger om året." in sv


# ---- hostile text ---------------------------------------------------------------------------------------------
HOSTILE = '''bylaw hostile "A *bold* | pipe <script>alert(1)</script> & [link](http://x)"
  cite "<script>alert('quote')</script> & 1. *not emphasis* | `code`"

member a "Kommun | A <b>" municipality 1280
member b "B_kommun *" municipality 1281

body styrelsen "**Styrelsen** <img src=x onerror=alert(1)>"
  seat kso "KSO <i>|" from each municipality
    cite "1. Inte en lista <script>"
    assume "- inte heller *detta*"
  meets at least 2 per year
    cite "# ingen rubrik"
'''


def test_hostile_names_and_quotes_stay_text():
    b = governance.parse(HOSTILE, filename="hostile.bylaw")
    for lang in LANGS:
        page = render(b, "html", lang)
        assert "<script" not in page.lower() and "<img" not in page.lower() and "<b>" not in page
        seen = _Text.of(page)
        assert set(seen.tags) <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4",
                                  "p", "blockquote", "em", "strong", "code", "table", "thead", "tbody", "tr",
                                  "th", "td"}
        for text in ("A *bold* | pipe <script>alert(1)</script> & [link](http://x)", "Kommun | A <b>",
                     "<script>alert('quote')</script> & 1. *not emphasis* | `code`", "1. Inte en lista <script>",
                     "- inte heller *detta*", "# ingen rubrik", "**Styrelsen** <img src=x onerror=alert(1)>",
                     "KSO <i>|", "B_kommun *"):
            assert text in seen.text, (lang, text)
        # the member table keeps its four columns whatever the names hold
        rows = re.findall(r"<tr>(.*?)</tr>", page, flags=re.DOTALL)
        assert len(rows) == 3 and all(row.count("<td>") + row.count("<th>") == 4 for row in rows)
        assert "<ol" not in page and "<ul" not in page and page.count("<h1>") == 1


@pytest.mark.parametrize("text", ["1. a", "1) a", "- a", "+ a", "---", "===", "# a", "> a", "    code", "a  ",
                                  "<div>", "&amp;", "a\\", "*a*", "_a_", "`a`", "[a](b)", "![a](b)", "a | b",
                                  "~~a~~", "<http://x>", "a\nb", "2024-03-28", "3.1", "file_name.txt"])
def test_escaped_text_renders_as_itself(text):
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    for context in ("{}", "> {}", "| {} |\n|---|"):
        shown = _Text.of(md.render(context.format(escape(text)))).text
        assert shown == " ".join(text.split()), (context, text, shown)


# ---- the page ---------------------------------------------------------------------------------------------
class _Strict(HTMLParser):
    """Fails on any end tag that does not close the innermost open element (html.parser itself forgives)."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.doctype: str | None = None
        self.html_lang: str | None = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        assert tag in self.VOID, f"<{tag}/> is not a void element"

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:] or 'nothing'}"
        self.open.pop()


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("name", shipped_ids())
def test_the_page_is_well_formed_and_standalone(name, lang):
    page = render(_load(name), "html", lang)
    parser = _Strict()
    parser.feed(page)
    parser.close()
    assert parser.open == [] and parser.doctype == "doctype html" and parser.html_lang == lang
    assert page.startswith("<!doctype html>\n") and '<meta charset="utf-8">' in page
    assert page.count("<title>") == 1 and f"({name})</title>" in page
    assert not re.search(r"\b(src|href)=|<link|<script|@import|url\(", page)


# ---- the library function ---------------------------------------------------------------------------------
def test_render_is_public_and_refuses_what_it_cannot_do():
    assert "render" in governance.__all__ and governance.render is render
    b = _load("laholmsbukten")
    assert governance.render(b) == render(b, "markdown", "en")
    for bad in ({"format": "pdf"}, {"lang": "de"}):
        with pytest.raises(ValueError):
            governance.render(b, **bad)


@pytest.mark.parametrize("name", shipped_ids())
def test_rendering_is_deterministic(name):
    b = _load(name)
    first = [render(b, f, lang) for f in ("markdown", "html") for lang in LANGS]
    assert first == [render(b, f, lang) for f in ("markdown", "html") for lang in LANGS]
    # a bylaw printed by `fmt` and parsed again is the same model, so the same document
    again = governance.parse(print_bylaw(b), filename=Path(b.path).name)
    assert render(again, "markdown", "sv") == render(b, "markdown", "sv")


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bylaw_text())
def test_any_bylaw_the_language_can_say_renders_with_its_quotes(text):
    analysis = Loader().analyse_text(text, "gen.bylaw")
    assume(analysis.bylaw is not None)
    b = analysis.bylaw
    for lang in LANGS:
        document = _unescape(render(b, "markdown", lang))
        page = _Text.of(render(b, "html", lang)).text
        for n in _nodes(b):
            if n.notes.cite:
                assert " ".join(n.notes.cite.split()) in document
                assert " ".join(n.notes.cite.split()) in page


# ---- the command line ---------------------------------------------------------------------------------------
BAD = 'bylaw x "X"\nbody b "B"\n  meets sometimes\n'


def test_cli_prints_the_document(capsys):
    assert main(["render", "laholmsbukten"]) == 0  # Swedish by default, as every command
    assert capsys.readouterr().out == render(_load("laholmsbukten"), "markdown", "sv")
    assert main(["render", "laholmsbukten", "--lang", "en"]) == 0
    assert capsys.readouterr().out == render(_load("laholmsbukten"), "markdown", "en")
    assert main(["render", str(EVERY_CLAUSE), "--format", "html"]) == 0
    assert capsys.readouterr().out.startswith("<!doctype html>")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "governance", "render", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60, check=False)


def test_cli_bad_input_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "bad.bylaw").write_text(BAD, encoding="utf-8")
    missing = _run("missing.bylaw", "-o", "out.md", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.splitlines()[0] == ("missing.bylaw:1:1: error[unreadable]: kan inte läsa filen: "
                                              "filen eller mappen finns inte")
    missing = _run("missing.bylaw", "-o", "out.md", "--lang", "en", cwd=tmp_path)
    assert missing.stderr.splitlines()[0] == ("missing.bylaw:1:1: error[unreadable]: cannot read file: "
                                              "No such file or directory")
    bad = _run("bad.bylaw", "-o", "out.md", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stdout == ""
    assert re.fullmatch(r"bad\.bylaw:3:9: error\[syntax\]: 'sometimes' kan inte stå här; här ska det stå .+",
                        bad.stderr.splitlines()[0])
    english = _run("bad.bylaw", "-o", "out.md", "--lang", "en", cwd=tmp_path)
    assert re.fullmatch(r"bad\.bylaw:3:9: error\[syntax\]: unexpected 'sometimes'; .+", english.stderr.splitlines()[0])
    for result in (missing, bad, english):
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.bylaw"]  # no document, no temporary file
    unknown = _run("laholmsbukten", "--lang", "de", cwd=tmp_path)
    assert unknown.returncode == 2 and "ogiltigt val 'de'" in unknown.stderr


def test_cli_writes_the_file_whole(tmp_path, capsys):
    out = tmp_path / "laholmsbukten.html"
    out.write_text("an older version", encoding="utf-8")
    assert main(["render", "laholmsbukten", "--format", "html", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == render(_load("laholmsbukten"), "html", "sv")  # Swedish by default
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laholmsbukten.html"]


def test_cli_a_failed_write_leaves_what_was_there(tmp_path, capsys, monkeypatch):
    out = tmp_path / "doc.md"
    out.write_text("kept", encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", refuse)
    assert main(["render", "laholmsbukten", "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"governance: fel: kan inte skriva {out}: disken är full\n"
    assert main(["render", "laholmsbukten", "-o", str(out), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"governance: error: cannot write {out}: No space left on device\n"
    assert out.read_text(encoding="utf-8") == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.md"]
    assert main(["render", "laholmsbukten", "-o", str(tmp_path / "no-such-folder" / "doc.md")]) == 2
    assert "kan inte skriva" in capsys.readouterr().err


def test_substitutes_are_counted_per_member_as_the_seats_are():
    """`seat ledamot 2 from each municipality with 2 substitutes` is two ersättare for each municipality: the
    sentence said "samt 2 ersättare" after "6 platser totalt", which reads as two in all."""
    text = ('bylaw x "X"\nmember a "A" municipality 1280\nmember b "B" municipality 1281\n'
            'member c "C" municipality 1282\nbody s "S"\n  seat ledamot 2 from each municipality with 2 substitutes\n'
            '  seat adj 1 from a, b with 1 substitute\n  seat ordf 1 from a with 1 substitute\n')
    sv = render(governance.parse(text), "markdown", "sv")
    assert ("`ledamot`: 2 platser för varje kommun, 6 platser totalt; med rösträtt, samt 2 ersättare för varje "
            "kommun.") in sv
    assert "för var och en av A och B, 2 platser totalt; med rösträtt, samt 1 ersättare för var och en av dem." in sv
    assert "`ordf`: 1 plats för A; med rösträtt, samt 1 ersättare." in sv
    en = render(governance.parse(text), "markdown", "en")
    assert "6 seats in all; voting, with 2 substitutes for each municipality." in en


def test_a_region_hosting_a_gemensam_nämnd_is_its_värdregion_not_värdkommun():
    """KL 9 kap. 20 §: the nämnd is set up in one of the kommuner or regioner. Gävleborg's is hosted by Region
    Gävleborg, which the document called "värdkommunen Region Gävleborg"."""
    bylaw = governance.load("gavleborg-hjalpmedelsnamnd")
    assert "organisationen hos värdregionen Region Gävleborg (`region-gavleborg`)" in render(bylaw, "markdown", "sv")
    assert "organisation of the host region Region Gävleborg" in render(bylaw, "markdown", "en")
    assert "hos värdkommunen Lidköpings kommun" in render(governance.load("lidkoping-raddningsnamnd"), "markdown", "sv")
