"""Fixtures shared by the whole suite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def library_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the case library, with CASEKIT_HOME pointing at it."""
    root = tmp_path / "kit"
    shutil.copytree(REPO / "casestudies", root / "casestudies")
    shutil.copytree(REPO / "graders" / "keys", root / "graders" / "keys")
    monkeypatch.setenv("CASEKIT_HOME", str(root))
    return root
