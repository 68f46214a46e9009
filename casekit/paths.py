"""Where the kit's files live.

The kit runs from a checkout (``make lab``), so data files are found relative to the
repository root. ``CASEKIT_HOME`` points elsewhere, for a copy of the kit or a test.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

_PACKAGE_DIR = Path(__file__).resolve().parent
_chosen_kit: Path | None = None


def use_kit(root: str | os.PathLike | None) -> None:
    """Read this process's kit from ``root`` from now on (None: back to ``CASEKIT_HOME`` or the checkout).

    A grading worker is handed the kit of each task as data and sets it here, so nothing about the
    kit travels through the process environment (which a learner's kernel would inherit).
    """
    global _chosen_kit
    _chosen_kit = Path(root).expanduser().resolve() if root else None


@contextmanager
def using_kit(root: str | os.PathLike | None) -> Iterator[None]:
    """Read the kit from ``root`` inside the block (nothing changes for None), and as before after it:
    grading one learner in the instructor's own process leaves the process's kit as it found it."""
    global _chosen_kit
    if root is None:
        yield
        return
    before = _chosen_kit
    use_kit(root)
    try:
        yield
    finally:
        _chosen_kit = before


def kit_root() -> Path:
    """The folder holding casestudies/, graders/ and notebooks/."""
    if _chosen_kit is not None:
        return _chosen_kit
    env = os.environ.get("CASEKIT_HOME")
    if env:
        return Path(env).expanduser().resolve()
    return _PACKAGE_DIR.parent


def casestudies_dir() -> Path:
    return kit_root() / "casestudies"


def keys_dir() -> Path:
    return kit_root() / "graders" / "keys"


def notebooks_dir() -> Path:
    return kit_root() / "notebooks"


def workspace_dir() -> Path:
    """The learner's own copies of the notebooks (ignored by git); ``CASEKIT_WORKSPACE`` moves it."""
    env = os.environ.get("CASEKIT_WORKSPACE")
    return Path(env).expanduser().resolve() if env else kit_root() / "workspace"


def graders_dir() -> Path:
    return kit_root() / "graders"


def package_data(*parts: str) -> Path:
    """A data file shipped inside the package (credential rules, templates)."""
    return _PACKAGE_DIR.joinpath(*parts)
