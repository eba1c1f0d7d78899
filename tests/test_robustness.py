"""No input makes `lint` or `fmt` print a traceback: unreadable or unparsable files exit 2 with a
one-line reason as the last line of output."""
import random

import pytest

from governance.cli import main
from governance.loader import shipped_dir


def run(args, capsys) -> tuple[int, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def bad_files(tmp_path):
    text = (shipped_dir("bylaws") / "laholmsbukten.bylaw").read_text(encoding="utf-8")
    rng = random.Random(2025)
    cut = text.index('cite "') + 12  # inside a string: the rest of the line is an unterminated string
    files = {
        "truncated": text[:cut],
        "binary": bytes(rng.randrange(256) for _ in range(4096)),
        "nested": "body x \"X\"\n" + "(" * 100_000 + ")" * 100_000 + "\n",
        "deep-indent": "".join(" " * i + "seat\n" for i in range(2000)),
        "random-1mb": "".join(rng.choice("abc \n\"#åäö{}[]..0123456789-/") for _ in range(1_000_000)),
    }
    paths = {}
    for name, content in files.items():
        path = tmp_path / f"{name}.bylaw"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths[name] = path
    return paths


@pytest.mark.parametrize("command", ["lint", "fmt"])
def test_bad_files_exit_2_with_a_one_line_reason(command, tmp_path, capsys):
    for name, path in bad_files(tmp_path).items():
        status, output = run([command, str(path)], capsys)
        assert status == 2, (name, output[-500:])
        assert "Traceback" not in output
        last = output.strip().splitlines()[-1]
        assert str(path) in last or "more" in last, (name, last)


def test_missing_file_and_unknown_id(capsys):
    status, output = run(["lint", "no-such-file.bylaw"], capsys)
    assert status == 2 and "kan inte läsa filen" in output
    status, output = run(["lint", "laholmsbukte", "--lang", "en"], capsys)
    assert status == 2 and "did you mean 'laholmsbukten'" in output


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["lint"])
    assert info.value.code == 2
