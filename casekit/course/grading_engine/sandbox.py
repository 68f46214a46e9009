"""Running a submitted notebook, when an instructor asks for it, where it can reach nothing of the course.

Grading never needs the learner's code (:mod:`casekit.course.rubric_scores`). An instructor
who wants the notebook's own outputs grades with ``--execute``; the kernel then runs inside
bubblewrap (``bwrap``, Debian package ``bubblewrap``) with:

* no network (a network namespace of its own; the kernel talks to nbclient over Unix sockets
  in a folder bound in for it, not over TCP);
* a private, empty ``/tmp`` and ``$HOME``;
* read-only system folders (``/usr`` and the few files of ``/etc`` a kernel reads), this Python
  environment, the kit's library code and its case facts, and nothing else: not ``graders/`` (keys, gradebook, other learners' submissions, feedback),
  not the kit's git history, not the grader's home folder (nor so the saved copy of the case library,
  keys included, that casekit/saved_copy.py keeps in its cache folder);
* one writable folder, the submission's own working copy;
* its own process tree, killed with the grading process (``--die-with-parent``), with limits on
  memory, file size and open files (``prlimit``).

:class:`GuardedExecute` is nbgrader's ``Execute`` that survives a kernel which dies
(``os._exit``) or will not stop (a loop that swallows ``KeyboardInterrupt``): the cell is marked
with the reason, the rest of the learner's cells are not run, and grading goes on, so the plan
file still gets the rubric's score. :class:`SandboxedExecute` is the same in the sandbox.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute

from casekit.course.config import CourseError

BWRAP = "bwrap"
INSTALL_HINT = "install bubblewrap (`sudo apt-get install -y bubblewrap`, or `make sandbox`)"
KERNEL_DIED = "KernelDied"
KERNEL_STUCK = "StoppedAfterTimeout"
"""Error names written into a cell whose kernel died or ran out of time (read by :mod:`casekit.course.problems`)."""

clock = threading.local()
"""``clock.seconds``: time this thread spent running notebooks (kernel start and cells)."""


@functools.lru_cache(maxsize=1)
def sandbox_problem() -> str | None:
    """Why this machine cannot sandbox a kernel, or None when it can (bwrap runs and isolates)."""
    if sys.platform != "linux":
        return f"the sandbox uses Linux namespaces (bubblewrap); this is {sys.platform}"
    exe = shutil.which(BWRAP)
    if exe is None:
        return f"bwrap is not installed; {INSTALL_HINT}"
    try:
        proc = subprocess.run([exe, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bwrap cannot start ({exc})"
    if proc.returncode != 0:
        return f"bwrap cannot create a sandbox here ({proc.stderr.strip() or proc.returncode}); user namespaces may be disabled"
    return None


def require_sandbox() -> None:
    """Raise :class:`CourseError` when no sandbox can be made here, saying what to do."""
    why = sandbox_problem()
    if why:
        raise CourseError(
            f"--execute runs each learner's code, and it must run in a sandbox, but {why}. Grade without "
            "--execute (the scores are the same), fix the sandbox, or, only for learners you trust, "
            "pass --unsafe-execute"
        )


def _readable() -> list[str]:
    """What a sandboxed kernel may read: system folders, this Python, the kit's code and its case facts."""
    import casekit
    from casekit.paths import casestudies_dir

    paths = ["/usr", *(f"/etc/{name}" for name in ETC)]
    paths += [sys.prefix, sys.base_prefix, sysconfig.get_path("purelib"), sysconfig.get_path("platlib")]
    paths += [str(Path(casekit.__file__).resolve().parent), str(casestudies_dir())]
    out = []
    for p in paths:
        p = str(Path(p).resolve())
        if os.path.exists(p) and p not in out:
            out.append(p)
    return out


SYSTEM_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64")
ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "localtime", "passwd", "group", "nsswitch.conf",
       "hosts", "fonts", "mime.types", "matplotlibrc")
"""The few files of /etc a Python kernel reads (the library loader, names, fonts); not the rest of /etc."""


def bwrap_command(writable: Path, run_dir: Path, env: dict[str, str]) -> list[str]:
    """The bwrap prefix for a kernel whose working folder is ``writable``, talking through ``run_dir``."""
    cmd = [shutil.which(BWRAP) or BWRAP, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
           "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--dir", "/tmp/home"]
    for top in SYSTEM_LINKS:  # /bin, /lib... are links into /usr on most systems now
        if os.path.islink(top):
            cmd += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            cmd += ["--ro-bind", top, top]
    for path in _readable():
        cmd += ["--ro-bind", path, path]
    for folder in (writable, run_dir):
        cmd += ["--bind", str(folder), str(folder)]
    for name, value in env.items():
        cmd += ["--setenv", name, value]
    return [*cmd, "--chdir", str(writable)]


LIMITS = {"--as": 8 * 1024**3, "--fsize": 1024**3, "--nofile": 1024, "--core": 0}
"""Per-kernel resource limits (util-linux ``prlimit``): address space, the largest file it may write
(the submission's folder is writable, the disk is shared), open files, and no core dumps."""


def limits_prefix() -> list[str]:
    """``prlimit`` with :data:`LIMITS`, to put before the kernel command (nothing where prlimit is missing)."""
    exe = shutil.which("prlimit")
    if exe is None:
        return []
    return [exe, *(f"{flag}={value}" for flag, value in LIMITS.items()), "--"]


def _kernel_env() -> dict[str, str]:
    from casekit.paths import kit_root

    env = {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": "/tmp/home",
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "PYTHONDONTWRITEBYTECODE": "1",
        "CASEKIT_HOME": str(kit_root()),
        # The kernel's parent inside the sandbox is bwrap's init (pid 1); bwrap dies with the grader.
        "JPY_PARENT_PID": "1",
    }
    if "NBGRADER_EXECUTION" in os.environ:
        env["NBGRADER_EXECUTION"] = os.environ["NBGRADER_EXECUTION"]
    return env


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs inside bubblewrap, reached over Unix sockets."""

    _run_dir: Path | None = None
    _writable: Path | None = None

    async def _async_pre_start_kernel(self, **kw):
        require_sandbox()
        self._writable = Path(kw.get("cwd") or os.getcwd()).resolve()
        self._run_dir = Path(tempfile.mkdtemp(prefix="casekit-kernel-"))
        self.transport = "ipc"
        self.connection_file = str(self._run_dir / "kernel.json")
        self.ip = str(self._run_dir / "kernel-ipc")
        # A signal to bwrap does not reach the kernel in its own session; ask the kernel itself.
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"
        return await super()._async_pre_start_kernel(**kw)

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = super().format_kernel_cmd(extra_arguments)
        assert self._writable is not None and self._run_dir is not None
        return [*bwrap_command(self._writable, self._run_dir, _kernel_env()), *limits_prefix(), *cmd]

    async def _cleanup_resources_and_run_dir(self, restart: bool = False) -> None:
        await super().cleanup_resources(restart=restart)
        if self._run_dir is not None and not restart:
            shutil.rmtree(self._run_dir, ignore_errors=True)

    # A coroutine function as a class attribute, as jupyter_client's AsyncKernelManager declares its own:
    # written as a method, it would be checked against the synchronous KernelManager.cleanup_resources.
    cleanup_resources: Callable[..., Awaitable[None]] = _cleanup_resources_and_run_dir


def _mark(cell, ename: str, evalue: str) -> None:
    cell.outputs.append(new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"]))


class GuardedExecute(Execute):
    """nbgrader's ``Execute``, bounded: after a cell whose kernel died or ran past the time limit, no more cells run.

    The test cells are skipped anyway (their scores come from the rubric), so a dead or stuck
    kernel costs the notebook's outputs, never the plan's score.
    """

    def preprocess(self, nb, resources=None, km=None):
        self._stopped = False
        start = time.perf_counter()
        try:
            return super().preprocess(nb, resources, km)
        except DeadKernelError:  # died while starting or between cells: keep what ran
            self._stopped = True
            return nb, resources
        finally:
            clock.seconds = getattr(clock, "seconds", 0.0) + time.perf_counter() - start

    def preprocess_cell(self, cell, resources, index):
        if self._stopped or cell.cell_type != "code":
            return cell, resources
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stopped = True
            _mark(cell, KERNEL_DIED, "the kernel stopped (it exited or was killed) while running this cell; "
                                     "the cells after it were not run")
            return cell, resources
        if any(o.output_type == "error" and o.get("ename") == "CellTimeoutError" for o in cell.get("outputs", [])):
            # A loop that swallows the interrupt would cost every later cell a time-out of its own.
            self._stopped = True
            _mark(cell, KERNEL_STUCK, "the cell ran past the time limit; the cells after it were not run")
        return cell, resources


class SandboxedExecute(GuardedExecute):
    """:class:`GuardedExecute` with the kernel in the bubblewrap sandbox."""

    def __init__(self, *args, **kwargs):
        kwargs["kernel_manager_class"] = SandboxedKernelManager
        super().__init__(*args, **kwargs)
