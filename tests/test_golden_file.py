"""The golden-file helper: compares unless UPDATE_GOLDEN=1 exactly, and never writes a missing file quietly."""

import pytest

from golden_file import assert_golden


@pytest.mark.parametrize("setting", [None, "0", "", "yes"])
def test_without_update_golden_1_a_missing_file_fails_and_stays_missing(tmp_path, monkeypatch, setting):
    if setting is None:
        monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    else:
        monkeypatch.setenv("UPDATE_GOLDEN", setting)
    path = tmp_path / "case.txt"
    with pytest.raises(pytest.fail.Exception, match="no golden file"):
        assert_golden(path, "output\n")
    assert not path.exists()


@pytest.mark.parametrize("setting", ["0", "true"])
def test_only_update_golden_1_rewrites(tmp_path, monkeypatch, setting):
    path = tmp_path / "case.txt"
    path.write_text("old\n", encoding="utf-8")
    monkeypatch.setenv("UPDATE_GOLDEN", setting)
    with pytest.raises(pytest.fail.Exception, match=r"(?s)-old.*\+new"):
        assert_golden(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    assert_golden(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"


def test_equal_output_passes(tmp_path, monkeypatch):
    monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    path = tmp_path / "case.txt"
    path.write_text("same\n", encoding="utf-8")
    assert_golden(path, "same\n")
