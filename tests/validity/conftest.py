"""The validity suite judges the rubric against plans written by case managers from the learner's view.

Each case with plans (``plans/<module>.py``) is a parameter; ``helpers`` reads or builds its plans.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import helpers  # noqa: E402


def pytest_generate_tests(metafunc):
    if "case_id" in metafunc.fixturenames:
        metafunc.parametrize("case_id", sorted(helpers.case_modules()))


@pytest.fixture
def shares(case_id) -> dict[str, float]:
    """Each level's share of the code-graded points for the case."""
    return {level: helpers.share(case_id, level) for level in helpers.levels()}
