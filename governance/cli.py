"""The `governance` command. Each subcommand lives in `governance/commands/` and is listed in COMMANDS.

Exit status: 0 fine, 1 findings of severity error, 2 bad usage or unreadable input. No traceback ever
reaches the user: anything unexpected becomes a one-line message and status 2.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

# Module names under governance.commands, in the order `--help` lists them.
COMMANDS = ("lint", "fmt", "review", "check", "check-action", "rules", "plan", "graph", "render", "chairs", "terms",
            "diff", "share", "seats", "serve", "list")


def _help_width() -> int:
    """The width argparse wraps help to: shutil.get_terminal_size()'s columns less 2, as argparse asks it,
    worked out here because argparse makes a formatter for every argument a command adds, and importing
    shutil (with bz2 and lzma) for it cost every command ~2 ms."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # AttributeError: no stdout (None), as shutil has it
            columns = 0
    return (columns or 80) - 2


class _Parser(argparse.ArgumentParser):
    lang = "en"  # of its refusals

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog, width=_help_width())

    def error(self, message: str):  # argparse exits 2 already; keep its message to one line
        message += _command_meant(message, self.lang)
        if self.lang == "sv":
            from .commands.argwords import swedish
            sys.stderr.write(self.format_usage())
            self.exit(EXIT_BAD_INPUT, f"governance: fel: {swedish(message)}\n")
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"governance: error: {message}\n")


class _SwedishParser(_Parser):
    lang = "sv"

    def _get_formatter(self):  # --help and usage in Swedish; the words imported only when help is shown
        from .commands.argwords import SwedishHelp
        return SwedishHelp(prog=self.prog, width=_help_width())


def _command_meant(message: str, lang: str) -> str:
    """"; menade du 'check'?" after argparse's refusal of a command that is misspelt (`governance chekc`)."""
    import re
    m = re.match(r"argument COMMAND: invalid choice: '([^']*)'", message)
    if m is None:
        return ""
    from .nearest import nearest
    close = nearest(m[1], COMMANDS)
    if close is None:
        return ""
    return f"; menade du '{close}'?" if lang == "sv" else f"; did you mean '{close}'?"


def _command_first(argv: list[str]) -> list[str]:
    """`governance --lang en check …` as `governance check … --lang en`: every command takes --lang, and
    before the command it was read as the command (\"invalid choice: 'en'\")."""
    if argv[:1] == ["--lang"] and len(argv) > 2:
        return [*argv[2:], *argv[:2]]
    if argv[:1] and argv[0].startswith("--lang=") and len(argv) > 1:
        return [*argv[1:], argv[0]]
    return argv


def _lang_asked(argv: list[str]) -> str:
    """The language a command line asks for (`--lang en`, `--lang=en`), Swedish by default: known before
    argparse has read it, so that its refusals are said in it too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "sv"
        if arg.startswith("--lang="):
            return "en" if arg == "--lang=en" else "sv"
    return "sv"


def build_parser(only: str | None = None, lang: str = "en") -> argparse.ArgumentParser:
    """The whole command line, or (`only`) the one command about to run: its module alone is imported.
    `lang` is the language of its refusals."""
    parser_class = _SwedishParser if lang == "sv" else _Parser
    parser = parser_class(prog="governance", description="Bylaws of municipal collaborations as code.")
    parser.add_argument("--version", action="version", version=f"governance {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    sub.required = True
    for name in (only,) if only in COMMANDS else COMMANDS:
        module = importlib.import_module(f"governance.commands.{name.replace('-', '_')}")
        module.register(sub)
    return parser


def _version() -> str:
    from . import __version__
    return __version__


def main(argv: list[str] | None = None) -> int:
    argv = _command_first(sys.argv[1:] if argv is None else list(argv))
    # `governance check …` needs only check's parser; anything else (--help, a typo) gets them all.
    parser = build_parser(argv[0] if argv else None, _lang_asked(argv))
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: a bug must not print a traceback at a user
        print(f"governance: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
