"""The compiled-bylaw cache: keyed by content, kept only in the user's private folder, and never loaded
from a file someone else could have written."""
from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import governance
from governance import bylaw_cache

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def bylaw_file(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("GOVERNANCE_CACHE_DIR", str(cache))
    folder = tmp_path / "bylaws"
    folder.mkdir()
    path = folder / "laholmsbukten.bylaw"
    shutil.copy(ROOT / "bylaws" / "laholmsbukten.bylaw", path)
    return path, cache


def _pickles(cache: Path) -> list[Path]:
    return sorted(cache.glob("bylaw-*.pickle"))


def test_a_bylaw_loaded_again_comes_from_the_cache_equal_and_with_its_answers(bylaw_file):
    path, cache = bylaw_file
    first = governance.load(path)
    [kept] = _pickles(cache)
    assert kept.stat().st_mode & 0o777 == 0o600
    again = governance.load(path)
    assert again == first and again is not first
    assert [b.span for b in again.bodies] == [b.span for b in first.bodies]  # spans kept: citations agree
    from governance.graph.queries import who_convenes
    assert again.derived.items(lambda key: key[:2] == ("query", "convenes"))  # answered before, kept
    assert who_convenes(again, "styrgruppen") == who_convenes(first, "styrgruppen")


def test_the_key_changes_with_the_bylaws_text(bylaw_file):
    path, cache = bylaw_file
    governance.load(path)
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    governance.load(path)
    assert len(_pickles(cache)) == 2


def _key(kept: Path) -> bytes:
    """The key a cache file keeps (with its value, compared on load)."""
    return pickle.loads(kept.read_bytes())[0]


def test_a_cache_file_others_may_write_is_never_loaded(bylaw_file):
    path, cache = bylaw_file
    real = governance.load(path)
    [kept] = _pickles(cache)
    planted = governance.parse('bylaw planted "Planted"\n')
    key = _key(kept)
    kept.write_bytes(pickle.dumps((key, planted, {})))
    os.chmod(kept, 0o666)  # as if another user had written it
    assert governance.load(path) == real
    # …while the same file, private, is what the cache trusts (so the check above is what protects).
    kept.write_bytes(pickle.dumps((key, planted, {})))
    os.chmod(kept, 0o600)
    assert governance.load(path).id == "planted"


def test_a_link_in_the_cache_is_never_followed(bylaw_file, tmp_path):
    path, cache = bylaw_file
    real = governance.load(path)
    [kept] = _pickles(cache)
    elsewhere = tmp_path / "elsewhere.pickle"
    elsewhere.write_bytes(pickle.dumps((_key(kept), governance.parse('bylaw planted "Planted"\n'), {})))
    os.chmod(elsewhere, 0o600)
    kept.unlink()
    kept.symlink_to(elsewhere)
    assert governance.load(path) == real


def test_a_file_kept_for_another_key_under_the_same_name_is_not_used(bylaw_file):
    # The file's name is a checksum of the key: two keys may share it, and the key kept inside tells them apart.
    path, cache = bylaw_file
    real = governance.load(path)
    [kept] = _pickles(cache)
    other = _key(kept)[:-1] + b"!"  # same length, same name's length part
    kept.write_bytes(pickle.dumps((other, governance.parse('bylaw planted "Planted"\n'), {})))
    os.chmod(kept, 0o600)
    assert governance.load(path) == real
    assert _key(kept) != other  # built again and kept under its own key


def test_no_cache_when_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("GOVERNANCE_CACHE_DIR", "")
    assert governance.load("laholmsbukten").id == "laholmsbukten"
    assert bylaw_cache.private_dir() is None


def test_an_edited_program_keys_anew_and_a_running_one_keeps_its_key(tmp_path):
    # The key covers the program's own files: a copy of the package edited between two runs keys anew. Within
    # one process the fingerprint is read once: that process runs the code it imported, edited or not.
    shutil.copytree(ROOT / "governance", tmp_path / "governance", ignore=shutil.ignore_patterns("__pycache__"))
    probe = ("import sys\nfrom pathlib import Path\nfrom governance import bylaw_cache as b\n"
             "key = lambda: b.key(Path('x.bylaw'), b'bylaw x \"X\"', [])\nfirst = key()\n"
             "Path(b.__file__).with_name('lang.py').open('a').write('# edited\\n')\nprint(first.hex(), key().hex())")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}

    def run() -> list[str]:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    before, during = run()  # the edit made while the process ran does not change its key
    after, _ = run()
    assert before == during != after


# ---- the folder is bounded ---------------------------------------------------------------------------------
def _aged(path: Path, days: float) -> Path:
    path.write_bytes(b"x")
    when = time.time() - days * 24 * 3600
    os.utime(path, (when, when))
    return path


def test_the_folder_keeps_only_the_most_recently_used_files(tmp_path):
    files = [_aged(tmp_path / f"bylaw-{n:08x}-10.pickle", days=n) for n in range(5)]
    analysis = _aged(tmp_path / "analysis-00000000-10.pickle", days=0.5)
    older_format = _aged(tmp_path / ("analysis-" + "ab" * 32 + ".pickle"), days=30)
    others = [_aged(tmp_path / name, days=90) for name in ("grammar.pickle", "notes.txt", "bylaw-notes.txt")]
    stale_temp = _aged(tmp_path / ".bylaw-abc.tmp", days=2)
    fresh_temp = _aged(tmp_path / ".bylaw-def.tmp", days=0)  # a writer at work now
    bylaw_cache._prune(tmp_path, keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in [files[0], analysis, files[1], *others, fresh_temp])
    assert not older_format.exists() and not stale_temp.exists()


def test_loading_a_file_marks_it_used_at_most_once_a_day(bylaw_file):
    path, cache = bylaw_file
    governance.load(path)
    [kept] = _pickles(cache)
    before = time.time() - 3 * 24 * 3600
    os.utime(kept, (before, before))
    governance.load(path)
    assert kept.stat().st_mtime > time.time() - 60  # marked used
    hour_ago = time.time() - 3600
    os.utime(kept, (hour_ago, hour_ago))
    governance.load(path)
    assert abs(kept.stat().st_mtime - hour_ago) < 1  # not marked again within the day: no write per run


def test_writing_a_new_file_prunes_the_folder(bylaw_file, monkeypatch):
    path, cache = bylaw_file
    monkeypatch.setattr(bylaw_cache, "KEEP", 2)
    text = path.read_text(encoding="utf-8")
    for n in range(4):  # four edits of the bylaw: four keys
        path.write_text(text + f"\n# edit {n}\n", encoding="utf-8")
        governance.load(path)
        newest = max(_pickles(cache), key=lambda p: p.stat().st_mtime_ns)
        time.sleep(0.01)
    assert len(_pickles(cache)) == 2 and newest in _pickles(cache)
    assert governance.load(path).id == "laholmsbukten"  # the last edit's file is among those kept
