"""The check rules, one module per rule id (`meeting-minimum` → `meeting_minimum.py`), each binding `RULE`.

Adding a rule is adding a module here; `governance.check.RULES` finds it. See `governance/check/rule.py`
for the form, and /work/notes/h17.md (or docs/rules/) for how to write one.
"""
