"""Reading bylaw files: text or a path or a shipped id → `Bylaw`, with `rules/` modules imported."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .encodings import is_utf16, read_at_most, undecodable
from .diagnostics import NOT_TEXT, BylawError, Diagnostic, error, has_errors
from .lang import Text, grouped
from .model.types import Bylaw, Import
from .paths import shipped_dir
from .span import SourceFile, Span

MAX_BYTES = 256 * 1024  # a bylaw is a few kB (the largest shipped: 8 kB); refuse what cannot be one


def shipped_ids(kind: str = "bylaws") -> list[str]:
    return sorted(p.stem for p in shipped_dir(kind).glob("*.bylaw"))


class Analysis(NamedTuple):
    """What `lint` needs: the model (None if the file could not be built), every diagnostic, the sources.
    (A NamedTuple: every command imports this module, and a dataclass costs ~0.3 ms more to make.)"""

    bylaw: Bylaw | None
    diagnostics: list[Diagnostic]
    sources: dict[str, SourceFile]


def read_text(path: Path) -> str:
    """Read a UTF-8 text file or raise BylawError with a one-line reason."""
    where = Span(str(path), 0, 0, 1, 1)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BylawError([error("too-large", Text(
                f"filen är {grouped(size)} byte; ett avtal är högst {grouped(MAX_BYTES)}",
                f"file is {size:,} bytes; a bylaw is at most {MAX_BYTES:,}"), where)])
        data = read_at_most(path, MAX_BYTES)
        if len(data) > MAX_BYTES:  # a pipe or a device: its size said nothing
            raise BylawError([error("too-large", Text(
                f"filen är över {grouped(MAX_BYTES)} byte; ett avtal är högst {grouped(MAX_BYTES)}",
                f"file is over {MAX_BYTES:,} bytes; a bylaw is at most {MAX_BYTES:,}"), where)])
    except OSError as exc:
        from .os_words import reason  # here: only a file that cannot be read needs the system's reasons
        raise BylawError([error("unreadable", Text(f"kan inte läsa filen: {reason(exc, 'sv')}",
                                                   f"cannot read file: {exc.strerror or exc}"), where)]) from None
    if is_utf16(data):  # Notepad's and Excel's "Unicode": text, but not the UTF-8 a bylaw is read as
        raise BylawError([error("encoding", Text(
            'filen är sparad som UTF-16 ("Unicode" i Anteckningar och Excel); spara avtalet som UTF-8',
            'the file is saved as UTF-16 ("Unicode" in Notepad and Excel); save the bylaw as UTF-8'), where)])
    if b"\x00" in data:
        raise BylawError([error("binary", NOT_TEXT, where)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = undecodable(data, exc)
        looks = Text('; den ser ut att vara sparad som Windows-1252 ("ANSI")',
                     '; it looks saved as Windows-1252 ("ANSI")') if bad.ansi else Text("", "")
        raise BylawError([error("encoding", Text(
            f"inte UTF-8-text (byten {bad.hex} kan inte avkodas){looks.sv}; spara avtalet som UTF-8",
            f"not UTF-8 text (byte {bad.hex} cannot be decoded){looks.en}; save the bylaw as UTF-8"),
            Span(str(path), exc.start, exc.start + 1, bad.line, bad.col))]) from None


class Loader:
    """Parses files and resolves `import` against rules/ folders, caching modules for one run."""

    def __init__(self, rule_dirs: list[Path] | None = None):
        self.rule_dirs = [*(rule_dirs or []), shipped_dir("rules")]
        self.modules: dict[str, Bylaw] = {}
        self.sources: dict[str, SourceFile] = {}

    def analyse_text(self, text: str, filename: str, stack: tuple[str, ...] = ()) -> Analysis:
        # Imported here: a bylaw found in the cache (bylaw_cache) is never parsed, and lark never loaded.
        from .model.from_ast import from_ast
        from .syntax.parser import parse_document
        try:
            doc = parse_document(text, filename)
        except BylawError as exc:
            self.sources.update(exc.sources)
            return Analysis(None, list(exc.diagnostics), dict(self.sources))
        self.sources[filename] = doc.source
        diags: list[Diagnostic] = []
        modules: dict[str, Bylaw] = {}
        for imp in (s for s in doc.statements if isinstance(s, Import)):
            module = self.module(imp.module, stack + (filename,), diags, imp.span)
            if module is not None:
                modules[imp.module] = module
        bylaw, more = from_ast(doc, modules)
        # The builder names every import not resolved; one found nowhere, or importing itself, the loader has
        # said already (with the nearest name, or the cycle): not again as "unknown" at the same place.
        said = {d.span for d in diags if d.code in ("unknown-module", "import-cycle")}
        more = [d for d in more if not (d.code == "unknown-module" and d.span in said)]
        return Analysis(bylaw, diags + more, dict(self.sources))

    def module(self, name: str, stack: tuple[str, ...], diags: list[Diagnostic], span: Span) -> Bylaw | None:
        if name in self.modules:
            return self.modules[name]
        candidates = [d / f"{name}.bylaw" for d in self.rule_dirs]
        path = next((p for p in candidates if p.is_file()), None)
        if path is None:
            from .model.from_ast import nearest_hint
            known = {p.stem for d in self.rule_dirs if d.is_dir() for p in d.glob("*.bylaw")}
            diags.append(error("unknown-module", Text(f"okänd modul '{name}'", f"unknown module '{name}'"), span,
                               nearest_hint(name, known)))
            return None
        if str(path) in stack:
            diags.append(error("import-cycle", Text(f"modulen '{name}' importerar sig själv",
                                                    f"module '{name}' imports itself"), span))
            return None
        analysis = self.analyse_text(read_text(path), str(path), stack)
        diags.extend(d for d in analysis.diagnostics if d.severity.value == "error")
        if analysis.bylaw is not None and not has_errors(analysis.diagnostics):
            self.modules[name] = analysis.bylaw
            return analysis.bylaw
        return None


def resolve_path(path_or_id: str | Path) -> Path:
    """A path to a .bylaw file, or the id of a shipped bylaw."""
    path = Path(path_or_id)
    if path.suffix == ".bylaw" or path.exists() or "/" in str(path_or_id):
        return path
    shipped = shipped_dir("bylaws") / f"{path_or_id}.bylaw"
    if shipped.is_file():
        return shipped
    from .model.from_ast import nearest_hint
    hint = nearest_hint(str(path_or_id), shipped_ids())
    raise BylawError([error("unknown-bylaw", Text(
        f"det finns ingen fil '{path_or_id}' och inget avtal med det id:t" + (f"; {hint.sv}" if hint else "")
        + " (`governance list` visar avtalen)",
        f"no file '{path_or_id}' and no shipped bylaw with that id" + (f"; {hint.en}" if hint else "")),
        Span(str(path_or_id), 0, 0, 0, 0))])


def _rule_dirs(path: Path) -> list[Path]:
    """Where a bylaw's imports are looked for: a `rules/` folder beside its folder, then the shipped one."""
    return [path.resolve().parent.parent / "rules"]


def analyse(path_or_id: str | Path, rule_dirs: list[Path] | None = None, *, cache: bool = False) -> Analysis:
    """Read a bylaw with every diagnostic (for lint). `cache`: kept in the user's private cache (bylaw_cache)
    under the files' content; the caller gets its own copy and may change it."""
    path = resolve_path(path_or_id)
    dirs = [*(rule_dirs or []), *_rule_dirs(path)]
    try:
        text = read_text(path)
    except BylawError as exc:
        return Analysis(None, list(exc.diagnostics), {})
    if not cache:
        return Loader(dirs).analyse_text(text, str(path))
    from .bylaw_cache import cached_analysis
    return cached_analysis(path, text.encode("utf-8"), [*dirs, shipped_dir("rules")],
                           lambda: Loader(dirs).analyse_text(text, str(path)), Analysis)


def _checked(analysis: Analysis) -> Bylaw:
    if analysis.bylaw is None or has_errors(analysis.diagnostics):
        raise BylawError([d for d in analysis.diagnostics if d.severity.value == "error"], analysis.sources)
    return analysis.bylaw


def load(path_or_id: str | Path) -> Bylaw:
    """Load a bylaw from a file path or a shipped id (``governance.load("laholmsbukten")``).

    Raises `BylawError` (with every error and the sources to print them) if the bylaw has errors. A bylaw
    loaded before (the same files, the same program) comes from the user's private cache (bylaw_cache)."""
    from .bylaw_cache import cached
    path = resolve_path(path_or_id)
    text = read_text(path)
    return cached(path, text.encode("utf-8"), [*_rule_dirs(path), shipped_dir("rules")],
                  lambda: _checked(analyse(path)))


def parse(text: str, filename: str = "<string>") -> Bylaw:
    """Parse bylaw text; imports resolve against the shipped rules/. Raises `BylawError` on errors."""
    return _checked(Loader().analyse_text(text, filename))
