"""The shipped bylaws, rules and activity plan work from a real (non-editable) install, by id.

The repo is copied (so the build leaves nothing in the working tree), installed with pip into a temporary
folder, and a fresh interpreter with only that folder on its path loads every bylaw from another directory.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Slow as a whole (the package installed into a virtual environment of its own):
# `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
IDS = ("laholmsbukten", "halmstad-region-2020", "halsingeradet", "vasterbotten-planbygg", "malmolundregionen")
SKIP = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis",
                              ".pytest_cache", "tests", "bench")

PROBE = textwrap.dedent("""
    import json, sys
    from importlib import resources
    import governance
    from governance.planning.activities import check_plan, load_plan
    out = {"file": governance.__file__, "bylaws": {}}
    for bylaw_id in sys.argv[1:]:
        b = governance.load(bylaw_id)
        out["bylaws"][bylaw_id] = {"members": len(b.members), "bodies": [x.id for x in b.bodies],
                                   "modules": [m.id for m in b.modules], "path": b.path}
    plan_path = resources.files("governance.bylaws") / "halsingeradet-activities-2025.yaml"
    plan = load_plan(str(plan_path))
    out["activities"] = len(plan.activities)
    out["plan_findings"] = len(check_plan(plan, governance.load("halsingeradet")))
    out["sources"] = sorted(p.name for p in (resources.files("governance.bylaws") / "sources").iterdir())
    out["readme"] = (resources.files("governance.bylaws") / "README.md").is_file()
    out["law"] = (resources.files("governance.law") / "kommunallagen-2017-725.txt").is_file()
    from governance.drafting.review import review
    out["review"] = len(review(governance.load("medelpad-raddningstjanstforbund")).results)
    print(json.dumps(out))
""")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("installed")
    src, target = base / "src", base / "site"
    shutil.copytree(ROOT, src, ignore=SKIP)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--target", str(target), str(src)],
                   check=True, capture_output=True, text=True, cwd=base)
    return target


def _run(installed: Path, *args: str) -> subprocess.CompletedProcess:
    cwd = installed.parent / "elsewhere"
    cwd.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONPATH"] = str(installed)
    # -I would drop PYTHONPATH; -s keeps user site-packages out; the venv's own site-packages hold the
    # dependencies (lark, yaml, …) but its editable link to the repo is shadowed by PYTHONPATH, checked below.
    return subprocess.run([sys.executable, "-s", *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=120)


def test_every_shipped_bylaw_loads_by_id_from_the_installed_package(installed):
    proc = _run(installed, "-c", PROBE, *IDS)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert Path(out["file"]).is_relative_to(installed), "governance was not imported from the install"
    assert set(out["bylaws"]) == set(IDS)
    for bylaw_id, info in out["bylaws"].items():
        assert Path(info["path"]).is_relative_to(installed), f"{bylaw_id} was read from {info['path']}"
        # the informal collaborations import sweden; a kommunalförbund and a gemensam nämnd their KL modules
        expected = {"medelpad-raddningstjanstforbund": ["val", "kl-kommunalforbund"],
                    "mitt-bohuslan-raddningstjanstforbund": ["val", "kl-kommunalforbund"],
                    "gavleborg-hjalpmedelsnamnd": ["kl-gemensam-namnd"],
                    "lidkoping-raddningsnamnd": ["kl-gemensam-namnd"]}.get(bylaw_id, ["sweden"])
        assert info["modules"] == expected, f"{bylaw_id} did not import {expected} from rules/"
    assert out["bylaws"]["vasterbotten-planbygg"]["members"] == 17
    assert out["bylaws"]["malmolundregionen"]["members"] == 11
    assert out["activities"] == 19 and out["plan_findings"] == 0
    assert len([s for s in out["sources"] if s.endswith(".txt")]) == 9 and out["readme"]
    assert out["law"] and out["review"] == 19  # the statute text ships, and the review reads it installed


def test_installed_command_line_lints_a_shipped_bylaw_with_its_quotes(installed):
    proc = _run(installed, "-m", "governance", "lint", "--strict", "halsingeradet")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "halsingeradet: ok" in proc.stdout
