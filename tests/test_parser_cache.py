"""The parser's cache is loaded back with pickle, so it must never come from a place another user can write."""

import os
import pickle
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

import pytest
from lark import Lark

from governance.private_cache import private_dir
from governance.syntax.parser import LARK_OPTIONS

ROOT = Path(__file__).resolve().parent.parent


class _Plant:
    """Unpickling this runs code: it writes the marker file named in its argument."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (Path(self.marker), "pickle from the shared temp dir was loaded"))


def _lark_temp_cache_path(tmp: Path) -> Path:
    """Where lark's cache=True would keep our grammar's tables: made by lark itself, in a temp dir of our own."""
    grammar = resources.files("governance.syntax").joinpath("bylaw.lark").read_text(encoding="utf-8")
    saved = tempfile.tempdir
    tempfile.tempdir = str(tmp)
    try:
        Lark(grammar, **LARK_OPTIONS, cache=True)
    finally:
        tempfile.tempdir = saved
    (path,) = tmp.glob(".lark_cache_*")
    return path


def _lint(env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "governance", "lint", str(ROOT / "bylaws/laholmsbukten.bylaw")],
                          capture_output=True, text=True, env=env, timeout=120)


def test_a_pickle_planted_at_lark_s_temp_dir_path_is_never_loaded(tmp_path):
    shared_tmp = tmp_path / "tmp"
    shared_tmp.mkdir()
    planted = _lark_temp_cache_path(shared_tmp)
    marker = tmp_path / "pwned"
    with planted.open("wb") as f:  # lark reads a hash line, then unpickles: the code runs at that load
        f.write(b"0" * 64 + b"\n")
        pickle.dump(_Plant(str(marker)), f)
    result = _lint({"TMPDIR": str(shared_tmp), "GOVERNANCE_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert [p.name for p in shared_tmp.iterdir()] == [planted.name]  # and nothing new written there


def test_the_cache_lives_in_a_private_folder(tmp_path):
    folder = tmp_path / "cache"
    result = _lint({"GOVERNANCE_CACHE_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    assert folder.stat().st_mode & 0o777 == 0o700
    assert len(list(folder.glob("bylaw-grammar-*.lark"))) == 1
    again = _lint({"GOVERNANCE_CACHE_DIR": str(folder)})  # loaded back: the same answer
    assert again.stdout == result.stdout


def test_an_open_folder_of_ours_is_made_private(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    assert private_dir({"GOVERNANCE_CACHE_DIR": str(folder)}) == folder
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_symlink_or_a_file_in_its_place_is_not_used(tmp_path):
    target = tmp_path / "elsewhere"
    target.mkdir()
    link = tmp_path / "cache"
    link.symlink_to(target)
    assert private_dir({"GOVERNANCE_CACHE_DIR": str(link)}) is None
    plain = tmp_path / "file"
    plain.write_text("x")
    assert private_dir({"GOVERNANCE_CACHE_DIR": str(plain)}) is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_a_folder_owned_by_someone_else_is_not_used(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    assert private_dir({"GOVERNANCE_CACHE_DIR": str(folder)}) is None


def test_an_empty_setting_turns_the_cache_off():
    assert private_dir({"GOVERNANCE_CACHE_DIR": ""}) is None
