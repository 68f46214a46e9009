"""A PostgreSQL server for the tests: the one CASEKIT_TEST_POSTGRES_URL names, or a throwaway one.

When the variable is unset and the machine has PostgreSQL's server programs (Debian's
``postgresql`` package puts them in /usr/lib/postgresql/<version>/bin), a new cluster is
made in a temporary folder, listening on a free loopback port and trusting local
connections, and removed afterwards. PostgreSQL refuses to run as root, so under root the
cluster belongs to the ``postgres`` account. With neither, the tests that need it are skipped
and say why.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_VAR = "CASEKIT_TEST_POSTGRES_URL"
ROLE = "casekit"
NO_SERVER = (f"no PostgreSQL server to test against: install PostgreSQL's server programs (Debian: postgresql) or set "
             f"{ENV_VAR}=postgresql://USER:PASSWORD@HOST:PORT/DATABASE (a role that may create databases)")


def server_programs() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, newest version first; None if there is none."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(argv: list[str]) -> list[str]:
    """Run ``argv`` as the ``postgres`` account when we are root (PostgreSQL will not run as root)."""
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if not runuser:
        raise RuntimeError("running as root without runuser: cannot start PostgreSQL as another account")
    return [runuser, "-u", "postgres", "--", *argv]


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a new PostgreSQL cluster and yield a superuser URL to its ``postgres`` database."""
    bin_dir = server_programs()
    if bin_dir is None:
        raise RuntimeError(NO_SERVER)
    root = Path(tempfile.mkdtemp(prefix="casekit-pg-"))
    data, port = root / "data", _free_port()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    run = dict(check=True, capture_output=True, text=True, timeout=120)
    try:
        subprocess.run(_as_owner([str(bin_dir / "initdb"), "-D", str(data), "-U", ROLE, "-A", "trust", "-E", "UTF8"]),
                       **run)
        subprocess.run(_as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "server.log"),
                                  "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]),
                       **run)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start a throwaway PostgreSQL ({exc.cmd[-1]}): {exc.stderr.strip()}") from None
    try:
        yield f"postgresql+psycopg://{ROLE}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                       capture_output=True, timeout=120)
        shutil.rmtree(root, ignore_errors=True)
