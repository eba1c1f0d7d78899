"""The rules as objects: one module per id, documented, with examples that fire and examples that don't;
docs/rules/ generated from them; and a check run from many threads at once says what a serial one says."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

import governance
from governance.check import BY_ID, RULE_IDS, RULES
from governance.check.docs import document
from governance.check.docs import pages, run_example
from governance.check.rule import LANGS

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "governance" / "check" / "rules"


def test_each_rule_is_the_module_named_after_its_id():
    modules = sorted(p.stem for p in RULES_DIR.glob("*.py") if p.stem != "__init__")
    assert modules == sorted(rule.id.replace("-", "_") for rule in RULES)
    assert len(set(RULE_IDS)) == len(RULE_IDS) == len(RULES)
    for rule in RULES:
        assert BY_ID[rule.id] is rule
        assert rule.severity in ("error", "warning") and rule.basis.kind in ("agreement", "statute", "default")
        for lang in LANGS:
            assert rule.summary(lang) and rule.why(lang)


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_examples_that_fire_do_and_examples_that_pass_do_not(rule):
    for example in rule.fires:
        found = {lang: run_example(rule, example, lang) for lang in LANGS}
        assert found["en"], f"{rule.id}: an example that should fire found nothing"
        assert {f.rule for f in found["en"]} == {rule.id}
        # The same findings in both languages, each message in its own words.
        assert [f._replace(message="", fix=None) for f in found["sv"]] == \
            [f._replace(message="", fix=None) for f in found["en"]]
        for sv, en in zip(found["sv"], found["en"]):
            assert sv.message and en.message and sv.message != en.message
            # a computed fix is there in both languages or in neither, each in its own words
            assert (sv.fix is None) == (en.fix is None) and (sv.fix is None or sv.fix != en.fix)
    for example in rule.passes:
        assert run_example(rule, example) == [], f"{rule.id}: an example that should pass fired"


def test_docs_rules_is_generated_from_the_rule_objects():
    """docs/rules/ is what `governance rules --write-docs docs/rules` writes; run it after changing a rule."""
    folder = ROOT / "docs" / "rules"
    expected = pages(RULES, "en")
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")}
    assert sorted(on_disk) == sorted(expected), "run: governance rules --write-docs docs/rules"
    for name, text in expected.items():
        assert on_disk[name] == text, f"docs/rules/{name} is stale: run governance rules --write-docs docs/rules"


def test_every_rule_id_is_documented_in_docs():
    listed = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    for rule_id in RULE_IDS:
        assert f"[{rule_id}]({rule_id}.md)" in listed


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "governance", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, check=False)


def test_rules_command_lists_and_documents():
    listed = _cli("rules", "--lang", "en")
    assert listed.returncode == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == list(RULE_IDS)
    one = _cli("rules", "quorum", "--lang", "en")
    assert one.returncode == 0 and one.stdout == document(BY_ID["quorum"], "en")
    wrong = _cli("rules", "qorum")
    assert wrong.returncode == 2 and "menade du 'quorum'" in wrong.stderr and not wrong.stdout
    wrong = _cli("rules", "qorum", "--lang", "en")
    assert wrong.returncode == 2 and "did you mean 'quorum'" in wrong.stderr and not wrong.stdout


CASES = [("laholmsbukten", "laholmsbukten-2025-breaches.yaml"), ("laholmsbukten", "laholmsbukten-2025.yaml"),
         ("halsingeradet", "halsingeradet-2025-breaches.yaml"),
         ("malmolundregionen", "malmolundregionen-2025-breaches.yaml"),
         ("vasterbotten-planbygg", "vasterbotten-planbygg-2025-breaches.yaml"),
         ("halmstad-region-2020", "halmstad-region-2020-2023-breaches.yaml")]


def test_checks_from_16_threads_say_what_serial_checks_say():
    """No process-wide state: the same bylaw objects checked from 16 threads at once, several calendars
    each, give every report a serial run gives (and each bylaw object is shared by the threads)."""
    bylaws = {name: governance.load(name) for name, _ in CASES}
    calendars = {path: governance.read_calendar(ROOT / "examples" / path) for _, path in CASES}
    as_of = date(2025, 1, 1)

    def one(case: tuple[str, str]):
        name, path = case
        return governance.check_calendar(bylaws[name], calendars[path], as_of=as_of).to_json()

    # The serial reports from bylaw objects of their own: nothing they keep is shared with the threads.
    serial = {case: governance.check_calendar(governance.load(case[0]), calendars[case[1]], as_of=as_of).to_json()
              for case in CASES}
    work = CASES * 8
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch as often as the interpreter allows: races show
    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            reports = list(pool.map(one, work))
    finally:
        sys.setswitchinterval(interval)
    for case, report in zip(work, reports):
        assert report == serial[case], case
    assert any(not report["compliant"] for report in serial.values())
