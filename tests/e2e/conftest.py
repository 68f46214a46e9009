"""End-to-end fixtures: a temporary copy of the kit, JupyterLab on loopback, and Chromium.

The tests drive Debian's Chromium (``/usr/bin/chromium``) with Playwright for Python, because
no browser can be downloaded at test time. Install both with ``make e2e``. Without them the
tests are skipped with a reason saying so; CI installs both, so there they always run.

Every test gets screenshots in ``tests/e2e/screenshots/`` (git-ignored): the journeys save their
own at each milestone (``learner-1-assessment.png``, ...), and a failed test saves
``FAILED-<test name>.png`` of the page as it was.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
CHROMIUM = Path(os.environ.get("CASEKIT_E2E_CHROMIUM", "/usr/bin/chromium"))
BIN = Path(sys.executable).parent

# Chromium flags for a machine with no screen and a closed network: without the networking
# flags Chromium keeps trying to reach its update, sync and component services.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# What the copy of the kit leaves behind: environments, caches, and a user's own state
# (plan files, hours logs, the course's gradebook and cohort folders), so every run starts
# as a new user would.
_LEFT_BEHIND = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".pytest_cache", ".ipynb_checkpoints", "*.egg-info", "screenshots",
    "*.plan.json", "*.plan.json.bak*", "*.sqlite", "*.sqlite-*", "gradebook*.db",
)
COURSE_STATE = {"release", "submitted", "autograded", "feedback", "downloaded", "exports", "exchange"}


def COPY_IGNORE(folder: str, names: list[str]) -> set[str]:
    ignored = set(_LEFT_BEHIND(folder, names))
    if Path(folder).resolve() == REPO / "graders":
        ignored |= COURSE_STATE & set(names)
    if Path(folder).resolve() == REPO / "notebooks":
        ignored |= {"reports"} & set(names)  # hours reports the dashboard wrote
    if Path(folder).resolve() == REPO:
        ignored |= {"workspace"} & set(names)  # the developer's own copies of the notebooks
    return ignored


def _missing() -> str | None:
    """Why the end-to-end tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM}: run `make e2e` to install it and Playwright"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed: run `make e2e`"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=f"end-to-end tests skipped: {reason}")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so the page fixture knows a step failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


# --------------------------------------------------------------------------- the kit


def copy_kit(parent: Path) -> Path:
    """A fresh copy of the kit in ``parent``: the checkout's files, without anyone's saved work, with the
    learner's workspace made as `make lab` makes it on first use."""
    root = parent / "kit"
    shutil.copytree(REPO, root, ignore=COPY_IGNORE)
    env = {**os.environ, "CASEKIT_HOME": str(root), "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    env.pop("CASEKIT_WORKSPACE", None)
    made = subprocess.run([str(BIN / "casekit"), "notebooks", "copy"], cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, f"casekit notebooks copy failed:\n{made.stdout}{made.stderr}"
    return root


@pytest.fixture(scope="session")
def kit(tmp_path_factory) -> Path:
    """The kit copy the journeys share (each journey works in its own part of it)."""
    return copy_kit(tmp_path_factory.mktemp("e2e"))


# --------------------------------------------------------------------------- JupyterLab


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab: its address, token, folder and log."""

    url: str
    token: str
    root: Path
    log: Path
    process: subprocess.Popen

    def page_url(self, path: str = "lab") -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}/{path.lstrip('/')}{sep}token={self.token}"

    def api(self, path: str) -> dict:
        request = urllib.request.Request(f"{self.url}/api/{path.lstrip('/')}", headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def _quiet_settings(settings: Path) -> None:
    """User settings for a clean first screen: no news prompt or update check over the closed network."""
    target = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))


def make_lab_command(kit: Path) -> list[str]:
    """The command `make lab` runs, read from the kit's Makefile (a dry run), with this environment's jupyter."""
    dry = subprocess.run(["make", "--dry-run", "lab"], cwd=kit, capture_output=True, text=True, timeout=60)
    lines = [line for line in dry.stdout.splitlines() if "jupyter lab" in line]
    assert dry.returncode == 0 and len(lines) == 1, f"`make --dry-run lab` shows no one jupyter command:\n{dry.stdout}{dry.stderr}"
    words = shlex.split(lines[0])
    assert words[0].endswith("/jupyter"), f"make lab does not start the environment's jupyter: {lines[0]}"
    return [str(BIN / "jupyter"), *words[1:]]


def start_lab(kit: Path, root: Path, state: Path, timeout: float = 90) -> Lab:
    """Start JupyterLab as `make lab` does, run from ``root``, on a free loopback port with a random token."""
    state.mkdir(parents=True, exist_ok=True)
    _quiet_settings(state / "settings")
    port, token = _free_port(), secrets.token_hex(24)
    env = {
        **os.environ,
        # as `make lab` from a shell that has not activated .venv (other tests may have put it on PATH)
        "PATH": os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                                if p and os.path.realpath(p) != os.path.realpath(BIN)),
        # the kernel imports the copy's casekit and reads the copy's cases
        "PYTHONPATH": os.pathsep.join(filter(None, [str(kit), os.environ.get("PYTHONPATH")])),
        "CASEKIT_HOME": str(kit),
        # nothing from the user's own Jupyter set-up, nothing left behind in it
        "JUPYTER_CONFIG_DIR": str(state / "config"),
        "JUPYTER_RUNTIME_DIR": str(state / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(state / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(state / "workspaces"),
        "IPYTHONDIR": str(state / "ipython"),
        "MPLCONFIGDIR": str(state / "matplotlib"),
    }
    log = state / "jupyterlab.log"
    # `make lab` itself (its root folder, the notebook it opens, --allow-root under root), plus
    # what a test needs: no browser of its own, loopback, a free port and a known token.
    command = [
        *make_lab_command(kit),
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    lab = Lab(url=f"http://127.0.0.1:{port}", token=token, root=root, log=log, process=process)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {process.returncode}:\n{lab.log_tail()}")
        try:
            if "started" in lab.api("status"):
                return lab
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            pass
        if time.monotonic() > deadline:
            stop_lab(lab)
            raise RuntimeError(f"JupyterLab did not answer on {lab.url} within {timeout:.0f}s:\n{lab.log_tail()}")
        time.sleep(0.25)


def stop_lab(lab: Lab) -> None:
    """Stop the server (it shuts its kernels down); kill its process group if it hangs."""
    if lab.process.poll() is None:
        lab.process.send_signal(signal.SIGTERM)
        try:
            lab.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(lab.process.pid, signal.SIGKILL)  # kernels left behind by a hung server
    except ProcessLookupError:
        pass
    lab.process.wait(timeout=10)


@pytest.fixture(scope="session")
def lab(kit, tmp_path_factory):
    """JupyterLab with its root at the kit copy, as `make lab` starts it."""
    server = start_lab(kit, kit, tmp_path_factory.mktemp("lab-state"))
    yield server
    stop_lab(server)


@pytest.fixture
def new_lab(tmp_path):
    """``new_lab(folder)``: a fresh kit copy and JupyterLab started in its ``folder``; stopped afterwards."""
    servers: list[Lab] = []

    def start(folder: str = ".") -> tuple[Path, Lab]:
        kit = copy_kit(tmp_path / f"copy{len(servers)}")
        servers.append(start_lab(kit, (kit / folder).resolve(), tmp_path / f"state{len(servers)}"))
        return kit, servers[-1]

    yield start
    for server in servers:
        stop_lab(server)


# --------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless; Playwright gives it a new, empty profile folder."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _journey(request) -> str:
    """A short name for the test's screenshots: test_learner_journey.py -> learner."""
    return request.node.module.__name__.rsplit(".", 1)[-1].removeprefix("test_").removesuffix("_journey")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The screenshot folder, emptied once per run so it shows this run only."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    return SCREENSHOTS


@pytest.fixture
def page(browser, screenshots, request):
    """A fresh browser context (a new profile: no cookies, no storage) and one page in it."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.set_default_timeout(30_000)
    pg = context.new_page()
    console: list[str] = []
    pg.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: console.append(f"page error: {e}"))
    yield pg
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        try:
            pg.screenshot(path=str(screenshots / f"FAILED-{request.node.name}.png"))
        except Exception as exc:  # the page may be gone; the test's own error says more
            print(f"could not save the failure screenshot: {exc}")
        if console:
            print("browser console:\n" + "\n".join(console[-30:]))
    context.close()


@pytest.fixture
def shot(page, request):
    """``shot("name", target)`` scrolls ``target`` (a locator) to the top and saves the window as a user sees it."""

    def save(name: str, target=None) -> Path:
        if target is not None:
            target.evaluate("e => e.scrollIntoView({block: 'start'})")
        path = SCREENSHOTS / f"{_journey(request)}-{name}.png"
        page.screenshot(path=str(path))
        return path

    return save
