"""A synthetic cohort: one learner per kind of submission an instructor meets.

Each learner is the released notebook plus a plan file, changed in one way. ``LEARNERS``
says what each one should score, so the tests read as a table of expectations.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from casekit.cases.library import CaseLibrary
from casekit.course.config import Course
from casekit.course.assignment import ANSWER_ID, criterion_of, notebook_file, plan_file
from casekit.model_plan import model_plan
from casekit.plan import Plan, plan_to_json

REPO = Path(__file__).resolve().parents[2]


def copy_course_kit(kit: Path) -> Path:
    """A kit at ``kit`` with what grading needs from this checkout: cases, keys, the course's
    source and config, and no course state (nothing built, released or graded)."""
    shutil.copytree(REPO / "casestudies", kit / "casestudies")
    shutil.copytree(REPO / "graders" / "keys", kit / "graders" / "keys")
    shutil.copytree(REPO / "graders" / "source", kit / "graders" / "source")
    shutil.copy(REPO / "graders" / "nbgrader_config.py", kit / "graders")
    return kit


@dataclass(frozen=True)
class Learner:
    name: str
    plan: str | None  # "model", "half", "empty", "corrupt" or None (no plan file)
    notebook: str  # "released", "missing", "corrupt", "deleted-tests", "edited-tests", "raises", "loops", "stderr", "tampers"
    expect: str  # "full", "zero", "between", "half-plan"
    problem: str | None  # a problem kind the summary must name, or None for a clean submission


LEARNERS = [
    Learner("model", "model", "released", "full", None),
    Learner("half", "half", "released", "between", None),
    Learner("empty", "empty", "released", "zero", None),
    Learner("nonotebook", "model", "missing", "zero", "missing-notebook"),
    Learner("corruptnotebook", "model", "corrupt", "zero", "corrupt-notebook"),
    Learner("deletedtests", "model", "deleted-tests", "full", "deleted-cells"),
    Learner("editedtests", "half", "edited-tests", "half-plan", "edited-cells"),
    Learner("noplan", None, "released", "zero", "missing-plan"),
    Learner("corruptplan", "corrupt", "released", "zero", "corrupt-plan"),
    # Grading runs no learner code, so code that raises, loops or writes to stderr changes nothing
    # and is not worth the instructor's attention; code that reaches for the key is still named.
    Learner("raises", "model", "raises", "full", None),
    Learner("loops", "model", "loops", "full", None),
    Learner("stderr", "model", "stderr", "full", None),
    Learner("tampers", "empty", "tampers", "zero", "key-access"),
]

TAMPERING = frozenset({"tampers"})
"""Learners whose code changes what an executing nbgrader records: plain nbgrader's grades for
them differ from the kit's, which are the rubric's for the plan file as submitted."""


def as_nbgrader_ships(course_dir: Path) -> None:
    """Make a copy of the course autograde as nbgrader ships (executing the notebook), for comparisons."""
    config = course_dir / "nbgrader_config.py"
    config.write_text(config.read_text(encoding="utf-8") + (
        "\nfrom nbgrader.converters import Autograde as _Autograde\n"
        "c.Autograde.autograde_preprocessors = _Autograde.class_traits()['autograde_preprocessors'].default()\n"
    ), encoding="utf-8")

DELETED = ("goals", "rights")
"""The criteria whose test cells the deletedtests learner removes."""


def half_plan(model: Plan) -> Plan:
    """The model plan with the second half of every list dropped: some criteria full, some not."""
    half = model.model_copy(deep=True)
    for field in ("flags", "needs", "eligibility", "goals", "referrals", "rights",
                  "information_requests", "delegations", "revisions"):
        items = getattr(half, field)
        setattr(half, field, items[: (len(items) + 1) // 2])
    half.progress_note = ""
    return half


def _saved(plan: Plan) -> str:
    """The plan as the learner's session writes it (with its save time)."""
    plan = plan.model_copy(deep=True)
    plan.updated = dt.datetime(2026, 2, 20, 14, 30, tzinfo=dt.timezone.utc)
    return plan_to_json(plan)


def _plan_text(kind: str, case_id: str, lib: CaseLibrary) -> str:
    model = model_plan(lib.case(case_id), lib.key(case_id), lib)
    if kind == "model":
        return _saved(model)
    if kind == "half":
        return _saved(half_plan(model))
    if kind == "empty":
        return _saved(Plan(case=case_id))
    if kind == "corrupt":
        return '{"format_version": 2, "case": "' + case_id + '", "needs": [ {"need": '
    raise ValueError(kind)


def _cell(nb, name):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == name)


def _notebook_text(kind: str, released: Path) -> str | None:
    if kind == "missing":
        return None
    if kind == "corrupt":
        return released.read_text(encoding="utf-8")[:900]  # cut off mid-file, as a failed upload is
    nb = nbformat.read(released, as_version=4)
    answer = _cell(nb, ANSWER_ID)
    if kind == "deleted-tests":
        nb.cells = [c for c in nb.cells if criterion_of(c.metadata.get("nbgrader", {}).get("grade_id", "")) not in DELETED]
    elif kind == "edited-tests":
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if criterion_of(meta.get("grade_id", "")) and cell.cell_type == "code":
                cell.source = f"{float(meta['points'])}  # full marks, please"
    elif kind == "raises":
        answer.source = 'raise RuntimeError("my code has a bug")'
    elif kind == "loops":
        answer.source = "while True:\n    pass"
    elif kind == "stderr":
        answer.source = (
            "import sys, warnings\n"
            'print("debugging to stderr", file=sys.stderr)\n'
            'warnings.warn("a learner warning")'
        )
    elif kind == "tampers":  # at autograde time the key is on the machine: write its model plan
        case_id = released.stem
        answer.source = (
            "from casekit.cases.library import CaseLibrary\n"
            "from casekit.model_plan import model_plan\n"
            "from casekit.plan import save_plan\n"
            "lib = CaseLibrary.load()\n"
            f'save_plan(model_plan(lib.case("{case_id}"), lib.key("{case_id}"), lib), "{case_id}.plan.json")'
        )
    elif kind != "released":
        raise ValueError(kind)
    return nbformat.writes(nb)


def submission_files(release_dir: Path, case_id: str, lib: CaseLibrary) -> dict[str, dict[str, str]]:
    """learner -> {file name: text}: what each learner hands in."""
    released = release_dir / case_id / notebook_file(case_id)
    files = {}
    for learner in LEARNERS:
        mine = {}
        nb = _notebook_text(learner.notebook, released)
        if nb is not None:
            mine[notebook_file(case_id)] = nb
        if learner.plan is not None:
            mine[plan_file(case_id)] = _plan_text(learner.plan, case_id, lib)
        files[learner.name] = mine
    return files


def lms_zip(path: Path, files: dict[str, dict[str, str]]) -> Path:
    """An LMS bulk download: every file named <learner>_<ids>_<original name>."""
    with zipfile.ZipFile(path, "w") as zf:
        for i, (learner, mine) in enumerate(sorted(files.items()), start=1):
            for name, text in mine.items():
                zf.writestr(f"{learner}_{1000 + i}_{5000 + i}_{name}", text)
    return path


def expected_totals(case_id: str, lib: CaseLibrary) -> dict[str, float]:
    """What the rubric gives the half plan, criterion by criterion (the edited-tests learner must get it)."""
    from casekit.rubric import score

    model = model_plan(lib.case(case_id), lib.key(case_id), lib)
    return {r.id: r.points for r in score(half_plan(model), lib.case(case_id), lib.key(case_id), lib)}




# --------------------------------------------------------------------------- the hostile cohort
# Each learner below attacks the grading, or hands in a plan file the way a careless editor
# writes it. ``expect`` is what the rubric gives the plan file as submitted; ``problem`` is the
# kind the summary must name (None: nothing to report, the attack simply has no effect).

HOSTILE = [
    Learner("gradebookwriter", "empty", "writes-gradebook", "zero", None),
    Learner("coursebookwriter", "empty", "edits-course-gradebook", "zero", None),
    Learner("keythief", "empty", "steals-key", "zero", None),
    Learner("scripter", "model", "scripts", "full", None),
    Learner("bomcrlf", "model-bom-crlf", "released", "full", None),
    Learner("utf16", "model-utf16", "released", "full", None),
    Learner("cp1252", "model-cp1252", "released", "full", None),
    Learner("randombytes", "random", "released", "zero", "corrupt-plan"),
    Learner("deepnesting", "deep", "released", "zero", "corrupt-plan"),
    Learner("exits", "model", "exits", "full", None),
    Learner("swallows", "model", "swallows-interrupt", "full", None),
    # nbgrader itself cannot grade these notebooks; the plan file is graded with the released notebook.
    Learner("gradesanswer", "model", "grades-answer-cell", "full", "autograde-failed"),
    Learner("bonuscell", "model", "adds-grade-cell", "full", "autograde-failed"),
]

NBGRADER_FAILS = frozenset({"gradesanswer", "bonuscell"})
"""Hostile learners whose notebook plain nbgrader refuses to grade (it exits 1 for them)."""

SCRIPT_MARK = "casekit-hostile-script"
"""Text inside the scripter's script tags and event handlers: it must never reach a page."""


def _hostile_plan(kind: str, case_id: str, lib: CaseLibrary) -> bytes:
    import random

    model = _plan_text("model", case_id, lib)
    if kind == "model-bom-crlf":  # Windows Notepad
        return b"\xef\xbb\xbf" + model.replace("\n", "\r\n").encode("utf-8")
    if kind == "model-utf16":
        return model.encode("utf-16")
    if kind == "model-cp1252":  # an editor's "ANSI", with a character outside ASCII in the note
        text = model.replace('"progress_note": "', '"progress_note": "Caf\u00e9 meeting \u2013 ', 1)
        return text.encode("cp1252")
    if kind == "random":
        return random.Random(15).randbytes(4096)
    if kind == "deep":
        return b'{"format_version": 2, "case": "' + case_id.encode() + b'", "needs": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    return _plan_text(kind, case_id, lib).encode("utf-8")


def _hostile_answer(kind: str, case_id: str) -> str:
    if kind == "writes-gradebook":  # the run's private gradebook, found through nbgrader's own settings
        return (
            "import os, glob, sqlite3\n"
            "for db in glob.glob('/tmp/casekit-grade-*/gradebook.db') + glob.glob('../../../gradebook.db'):\n"
            "    con = sqlite3.connect(db)\n"
            "    con.execute('UPDATE grade SET manual_score = 1000, extra_credit = 3')\n"
            "    con.commit()\n"
        )
    if kind == "edits-course-gradebook":  # the course gradebook, through the inherited CASEKIT_HOME
        return (
            "import os, sqlite3, subprocess, sys\n"
            "db = os.path.join(os.environ.get('CASEKIT_HOME', '.'), 'graders', 'gradebook.db')\n"
            "con = sqlite3.connect(db)\n"
            "con.execute('UPDATE grade SET manual_score = 0')\n"
            "con.commit()\n"
            "subprocess.Popen([sys.executable, '-c', 'import time, sqlite3; time.sleep(3); "
            "c = sqlite3.connect(%r); c.execute(\"UPDATE grade SET extra_credit = 5\"); c.commit()' % db])\n"
        )
    if kind == "steals-key":  # a path to the keys built from pieces, and a page of its own
        others = "', '".join(["managed-care-workers-comp-back-injury", "nursing-discharge-heart-failure-lives-alone",
                              "school-seventh-grader-absences"])
        return (
            "import os\n"
            "root = os.environ.get('CASEKIT_HOME', '../../..')\n"
            f"for case in ['{others}']:\n"
            "    path = os.path.join(root, 'grad' + 'ers', 'k' + 'eys', case + '.yaml')\n"
            "    if os.path.exists(path):\n"
            "        text = open(path).read()\n"
            "        print(text)\n"
            "        open('stolen-key.html', 'w').write('<pre>' + text + '</pre>')\n"
            "open('stolen-key.html', 'a').write('<p>stolen</p>')\n"
        )
    if kind == "scripts":
        return (
            "from IPython.display import HTML, Javascript, display\n"
            f"display(HTML('<b onmouseover=\"{SCRIPT_MARK}()\">hi</b><script>{SCRIPT_MARK}()</script>'))\n"
            f"display(Javascript('{SCRIPT_MARK}()'))\n"
        )
    if kind == "exits":
        return "import os\nos._exit(1)"
    if kind == "swallows-interrupt":
        return "while True:\n    try:\n        pass\n    except KeyboardInterrupt:\n        pass"
    raise ValueError(kind)


def hostile_files(release_dir: Path, case_id: str, lib: CaseLibrary) -> dict[str, dict[str, bytes]]:
    """learner -> {file name: bytes}: what each hostile learner hands in."""
    from nbformat.v4 import new_markdown_cell

    released = release_dir / case_id / notebook_file(case_id)
    files = {}
    for learner in HOSTILE:
        if learner.notebook == "released":
            nb_text = released.read_text(encoding="utf-8")
        elif learner.notebook in ("grades-answer-cell", "adds-grade-cell"):
            nb = nbformat.read(released, as_version=4)
            if learner.notebook == "grades-answer-cell":  # the answer cell made a graded cell worth 50
                _cell(nb, ANSWER_ID).metadata["nbgrader"].update(grade=True, points=50.0)
            else:  # a test cell of the learner's own, worth 100 points
                from nbformat.v4 import new_code_cell

                bonus = new_code_cell("100.0")
                bonus.metadata["nbgrader"] = {"grade": True, "grade_id": "crit-bonus", "locked": False, "points": 100.0,
                                              "schema_version": 3, "solution": False, "task": False}
                nb.cells.append(bonus)
            nb_text = nbformat.writes(nb)
        else:
            nb = nbformat.read(released, as_version=4)
            _cell(nb, ANSWER_ID).source = _hostile_answer(learner.notebook, case_id)
            if learner.notebook == "scripts":
                nb.cells.append(new_markdown_cell(
                    f"My notes <script>{SCRIPT_MARK}()</script> <img src=x onerror=\"{SCRIPT_MARK}()\">"))
            nb_text = nbformat.writes(nb)
        mine = {notebook_file(case_id): nb_text.encode("utf-8"),
                plan_file(case_id): _hostile_plan(learner.plan, case_id, lib)}
        if learner.notebook == "steals-key":
            mine["stolen-key.html"] = b"<p>brought along: <script>alert(1)</script></p>"
        files[learner.name] = mine
    return files


def write_submissions(course_dir: Path, case_id: str, files: dict[str, dict[str, bytes]]) -> None:
    """Put each learner's files into ``submitted/<learner>/<case>/``."""
    for learner, mine in files.items():
        folder = course_dir / "submitted" / learner / case_id
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in mine.items():
            (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def one_case_course(root: Path, learners) -> tuple[Course, str]:
    """A course at ``root`` holding the first case's assignment, generated by nbgrader, with the submissions
    of ``learners`` (names from :func:`submission_files`); returns the course and the case id."""
    import warnings

    from casekit.course.nbgrader_api import nbgrader_api

    lib = CaseLibrary.load()
    case_id = sorted(c for c in lib.cases if c in lib.keys)[0]
    shutil.copytree(REPO / "graders" / "source" / case_id, root / "source" / case_id)
    shutil.copy(REPO / "graders" / "nbgrader_config.py", root)
    course = Course.open(root)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert nbgrader_api(course).generate_assignment(case_id, force=True, create=True)["success"]
    for learner, files in submission_files(course.release_dir, case_id, lib).items():
        if learner in learners:
            folder = course.submission(learner, case_id)
            folder.mkdir(parents=True)
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8")
    return course, case_id
