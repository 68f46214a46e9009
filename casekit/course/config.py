"""The nbgrader course directory (``graders/``) and its configuration.

:class:`Course` reads ``nbgrader_config.py`` from the course folder, exactly as the
``nbgrader`` command does when run there, and hands that configuration to nbgrader's Python
API. A few settings can be overridden per run (the per-cell timeout, the zip file-name
pattern) without editing the file.
"""

from __future__ import annotations

import os
import shutil
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from casekit.errors import CasekitError
from casekit.paths import graders_dir

CONFIG_FILE = "nbgrader_config.py"


def tools_on_path() -> None:
    """nbgrader's gradebook runs the ``alembic`` command; find it in this Python's environment
    even when the environment is not activated (``.venv/bin/casekit ...``)."""
    if shutil.which("alembic"):
        return
    scripts = sysconfig.get_path("scripts")
    os.environ["PATH"] = os.pathsep.join([scripts, os.environ.get("PATH", "")])


class CourseError(CasekitError):
    """The course directory, an assignment or a submission cannot be used as asked."""


@dataclass
class Course:
    root: Path
    config: Config = field(repr=False)

    @classmethod
    def open(cls, root: Path | str | None = None, *, timeout: int | None = None) -> "Course":
        """The course in ``root`` (default: the kit's ``graders/``), with its nbgrader config loaded."""
        root = Path(root) if root else graders_dir()
        root = root.expanduser().resolve()
        config_path = root / CONFIG_FILE
        if not config_path.is_file():
            raise CourseError(
                f"{config_path}: no nbgrader configuration here; run the command from a kit checkout "
                "or point --course at the folder that holds nbgrader_config.py"
            )
        try:
            config = PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()
        except Exception as exc:
            raise CourseError(f"{config_path}: cannot be read ({type(exc).__name__}: {exc}); fix the file") from None
        # The course is where the config file is, whatever the file says, so a copied course works.
        config.CourseDirectory.root = str(root)
        if "db_url" not in config.CourseDirectory:
            config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
        if timeout is not None:
            if timeout < 1:
                raise CourseError(f"timeout {timeout}: give the per-cell timeout in whole seconds, at least 1")
            config.Execute.timeout = int(timeout)
        return cls(root, config)

    # ------------------------------------------------------------------ folders

    @property
    def course_id(self) -> str:
        return str(self.config.CourseDirectory.get("course_id", "casekit"))

    @property
    def db_url(self) -> str:
        return str(self.config.CourseDirectory.db_url)

    @property
    def timeout(self) -> int:
        return int(self.config.Execute.get("timeout", 30))

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def release_dir(self) -> Path:
        return self.root / "release"

    @property
    def submitted_dir(self) -> Path:
        return self.root / "submitted"

    @property
    def autograded_dir(self) -> Path:
        return self.root / "autograded"

    @property
    def feedback_dir(self) -> Path:
        return self.root / "feedback"

    @property
    def downloaded_dir(self) -> Path:
        return self.root / "downloaded"

    def submission(self, learner: str, assignment: str) -> Path:
        return self.submitted_dir / learner / assignment

    def autograded(self, learner: str, assignment: str) -> Path:
        return self.autograded_dir / learner / assignment

    def assignments(self) -> list[str]:
        """Assignments with a source folder, in name order."""
        if not self.source_dir.is_dir():
            return []
        return sorted(p.name for p in self.source_dir.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))

    def require_assignment(self, assignment: str) -> None:
        if assignment not in self.assignments():
            known = ", ".join(self.assignments()) or "none yet (run `casekit course build`)"
            raise CourseError(f"no assignment {assignment!r} in {self.source_dir}; known: {known}")

    def learners(self, assignment: str) -> list[str]:
        """Learners with a submission folder for ``assignment``, in name order."""
        if not self.submitted_dir.is_dir():
            return []
        return sorted(p.name for p in self.submitted_dir.iterdir() if (p / assignment).is_dir())
