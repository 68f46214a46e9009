"""Fixtures for the exam tests: the fixture items and a small blueprint."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from .helpers import FakeClock, synthetic_bank

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_items() -> Path:
    return FIXTURES / "items"


@pytest.fixture
def sample_items() -> list[dict]:
    """The fixture items as plain data, to break one way at a time."""
    return copy.deepcopy(yaml.safe_load((FIXTURES / "items" / "sample.yaml").read_text())["items"])


@pytest.fixture
def big_bank():
    return synthetic_bank()


@pytest.fixture
def clock():
    return FakeClock()
