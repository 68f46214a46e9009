"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from postgres_server import ENV_VAR, NO_SERVER, server_programs, throwaway_server

REPO = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """The suite keeps its saved copies of the case library (casekit/saved_copy.py) in a folder of its
    own, set before collection loads any case, and inherited by the kernels and servers the tests start."""
    if not os.environ.get("CASEKIT_CACHE"):
        folder = tempfile.mkdtemp(prefix="casekit-test-cache-")
        os.environ["CASEKIT_CACHE"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the marks to name each item's group
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep together what must run in one process when `make test` spreads the suite over workers.

    A notebook's cells share one kernel and run in order, and a test file's module fixtures (a
    built course, a cohort) are made once per process, so each file is one group; the browser
    journeys share one JupyterLab server and one Chromium, so they are one group of their own.
    Without pytest-xdist (`pytest` run alone) the marks change nothing.
    """
    for item in items:
        path = Path(str(item.path)).resolve()
        group = "browser" if (REPO / "tests" / "e2e") in path.parents else str(path.relative_to(REPO))
        item.add_marker(pytest.mark.xdist_group(group))


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


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL URL for a role that may create databases (see tests/postgres_server.py); skips without one."""
    given = os.environ.get(ENV_VAR)
    if given:
        from sqlalchemy.engine import make_url

        url = make_url(given)
        if url.drivername == "postgresql":  # the driver the kit installs, not SQLAlchemy's default psycopg2
            url = url.set(drivername="postgresql+psycopg")
        yield url.render_as_string(hide_password=False)
        return
    if server_programs() is None:
        pytest.skip(NO_SERVER)
    server = throwaway_server()
    try:
        url = server.__enter__()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    try:
        yield url
    finally:
        server.__exit__(None, None, None)
