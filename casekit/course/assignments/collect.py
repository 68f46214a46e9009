"""Taking in an LMS bulk download safely: plain learner ids, and archives of a sane size.

nbgrader's zip collect takes the learner id from each file name and writes
``submitted/<id>/<assignment>/``, replacing what was there. An id of ``..`` would make that
``graders/<assignment>/`` (an instructor's folder, wiped); an id starting with ``=`` becomes a
formula in a spreadsheet of grades. And it extracts every archive whole, however large it
expands. So, before anything is extracted or written:

* :func:`learner_id_problem` refuses ids that are not plain names;
* :func:`archive_problems` refuses archives past :class:`Limits` (total size, file count,
  compression ratio), nested archives included, and any archive but zip.

:class:`PlainNameCollector` and :class:`LimitedExtractor` are the same checks as nbgrader
plugins (set in ``graders/nbgrader_config.py``), so ``nbgrader zip_collect`` run by hand is
held too; ``casekit course collect-zip`` checks everything first and refuses with the list.
"""

from __future__ import annotations

import os
import tarfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from nbgrader.plugins.zipcollect import ExtractorPlugin, FileNameCollectorPlugin
from traitlets import Float, Integer, default

from casekit.course.config import CourseError

FORMULA_START = ("=", "+", "-", "@")
MAX_ID_LENGTH = 128
"""The gradebook's learner-id column holds 128 characters."""


class SubmissionArchiveError(CourseError):
    """An LMS download that cannot be taken in safely: a learner id that is not a plain name, or an archive past the limits."""


def learner_id_problem(learner: str) -> str | None:
    """Why ``learner`` cannot be a learner id (a folder name under ``submitted/``), or None when it is a plain name."""
    if not learner or not learner.strip():
        return "it is empty"
    if learner in (".", ".."):
        return f"{learner!r} names a folder, not a learner"
    if "/" in learner or "\\" in learner or os.sep in learner:
        return "it holds a path separator"
    if any(unicodedata.category(ch)[0] == "C" for ch in learner):
        return "it holds a control or invisible character"
    if learner != learner.strip():
        return "it starts or ends with a space"
    if learner.startswith(FORMULA_START):
        return f"it starts with {learner[0]!r}, which a spreadsheet reads as a formula"
    if len(learner) > MAX_ID_LENGTH:
        return f"it is longer than {MAX_ID_LENGTH} characters"
    return None


@dataclass(frozen=True)
class Limits:
    """How much one LMS download may hold once extracted."""

    total_bytes: int = 512 * 1024**2
    files: int = 20_000
    ratio: float = 200.0
    """Extracted size over archive size; a notebook compresses about 5 to 20 times, a zip bomb a thousand."""
    depth: int = 3
    """Archives inside archives (nbgrader extracts them too)."""


def _zip_problems(zf: zipfile.ZipFile, name: str, packed: int, limits: Limits, depth: int, seen: list[int]) -> list[str]:
    problems = []
    total = 0
    for info in zf.infolist():
        seen[0] += 1
        total += info.file_size
        seen[1] += info.file_size
        if info.filename.lower().endswith(".zip") and not info.is_dir():
            if depth >= limits.depth:
                problems.append(f"{name}: archives nested more than {limits.depth} deep ({info.filename})")
                continue
            try:
                with zf.open(info) as inner, zipfile.ZipFile(inner) as nested:
                    problems += _zip_problems(nested, f"{name}/{info.filename}", info.compress_size, limits, depth + 1, seen)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                problems.append(f"{name}/{info.filename}: not a readable zip archive ({exc})")
    if packed and total / max(packed, 1) > limits.ratio:
        problems.append(f"{name}: expands {total / max(packed, 1):.0f} times (from {packed:,} to {total:,} bytes), "
                        f"past the limit of {limits.ratio:g}; it looks like a zip bomb")
    return problems


def archive_problems(path: Path, limits: Limits = Limits()) -> list[str]:
    """What is wrong with one archive (or loose file) before it is extracted; empty when it may be."""
    path = Path(path)
    if path.is_symlink() or not path.is_file():
        return [f"{path.name}: not a regular file; give the zip file downloaded from the LMS"]
    if not zipfile.is_zipfile(path):
        if tarfile.is_tarfile(path) or path.name.lower().endswith((".gz", ".tgz", ".tar", ".bz2", ".xz")):
            return [f"{path.name}: only zip archives are taken (LMS bulk downloads are zip files); unpack it and "
                    "collect the files, or zip them"]
        return []  # a loose file is copied as it is; its size is its size
    seen = [0, 0]  # files, bytes (all archives, nested ones too)
    try:
        with zipfile.ZipFile(path) as zf:
            problems = _zip_problems(zf, path.name, path.stat().st_size, limits, 1, seen)
    except (zipfile.BadZipFile, OSError) as exc:
        return [f"{path.name}: not a readable zip archive ({exc}); download it again from the LMS"]
    if seen[0] > limits.files:
        problems.append(f"{path.name}: holds {seen[0]:,} files, past the limit of {limits.files:,}")
    if seen[1] > limits.total_bytes:
        problems.append(f"{path.name}: expands to {seen[1]:,} bytes, past the limit of {limits.total_bytes:,}")
    return problems


def member_names(path: Path) -> list[str]:
    """The file names an archive would extract (its own name for a loose file)."""
    path = Path(path)
    if not zipfile.is_zipfile(path):
        return [path.name]
    with zipfile.ZipFile(path) as zf:
        return [i.filename for i in zf.infolist() if not i.is_dir()]


def _bad_id(gd: dict | None, name: str) -> str | None:
    if not gd or "student_id" not in gd:
        return None
    why = learner_id_problem(gd["student_id"])
    return f"{name}: learner id {gd['student_id']!r} is refused because {why}" if why else None


def check_download(archives: list[Path], collector: FileNameCollectorPlugin, limits: Limits = Limits()) -> None:
    """Refuse the whole download, naming every problem, before anything of it is extracted or written."""
    problems = []
    for path in archives:
        found = archive_problems(path, limits)
        problems += found
        if found:
            continue
        for name in member_names(path):
            # The name as nbgrader's collector sees it: a path under the extracted folder.
            gd = collector.match_only(f"extracted/{Path(path).stem}/{name}")
            bad = _bad_id(gd, name)
            if bad:
                problems.append(bad)
    if problems:
        raise SubmissionArchiveError(
            "the download was not collected, nothing was written:\n  " + "\n  ".join(problems)
            + "\nRename the files (learner ids are plain names) or ask the LMS for a smaller download")


class PlainNameCollector(FileNameCollectorPlugin):
    """nbgrader's file-name collector that refuses learner ids that are not plain names."""

    def match_only(self, submitted_file: str) -> dict | None:
        """The groups of ``named_regexp`` for a file name, without the log lines nbgrader writes."""
        import re

        _, ext = os.path.splitext(submitted_file)
        if ext not in self.valid_ext or not self.named_regexp:
            return None
        match = re.match(self.named_regexp, submitted_file)
        return match.groupdict() if match else None

    def collect(self, submitted_file: str) -> dict | None:
        groupdict = super().collect(submitted_file)
        bad = _bad_id(groupdict, os.path.basename(submitted_file))
        if bad:
            raise SubmissionArchiveError(bad + "; nothing was collected. Rename the file and collect again")
        return groupdict


class LimitedExtractor(ExtractorPlugin):
    """nbgrader's extractor that first checks every archive against :class:`Limits`."""

    max_total_bytes = Integer(Limits.total_bytes, help="Bytes one archive may expand to").tag(config=True)
    max_files = Integer(Limits.files, help="Files one archive may hold").tag(config=True)
    max_ratio = Float(Limits.ratio, help="Extracted size over archive size").tag(config=True)

    @default("zip_ext")
    def _only_zip(self):
        return [".zip"]  # not nbgrader's ".gz" too: tar archives can hold links and paths outside the folder

    def limits(self) -> Limits:
        return Limits(self.max_total_bytes, self.max_files, self.max_ratio)

    def extract(self, archive_path: str, extracted_path: str) -> None:
        problems = []
        for root, _, names in os.walk(archive_path):
            for name in names:
                problems += archive_problems(Path(root) / name, self.limits())
        if problems:
            raise SubmissionArchiveError("nothing was extracted:\n  " + "\n  ".join(problems))
        super().extract(archive_path, extracted_path)
