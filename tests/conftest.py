from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# Hypothesis's default 200 ms deadline per example is a wall-clock assert: on a loaded two-core machine an
# example of a sound property overran it (test_rotation, seen twice). The suite must pass under load, so no
# example is judged by its time; each test's own max_examples still bounds the work.
settings.register_profile("governance", deadline=None)
settings.load_profile("governance")


@pytest.fixture
def root() -> Path:
    return ROOT
