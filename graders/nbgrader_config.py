"""nbgrader settings for the Case Manager Study Kit course.

`casekit course ...` reads this file, and so does `nbgrader ...` run from this folder.
Every path is relative to this file, so the course works wherever the kit is checked out.
"""

from pathlib import Path

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import GetGrades

from casekit.course.grading_engine.chains import RUBRIC_ONLY
from casekit.course.config import tools_on_path
from casekit.course.grading_engine.release import RequireManualGrades

HERE = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 (provided by the config loader)

c.CourseDirectory.course_id = "casekit"
c.CourseDirectory.root = str(HERE)
c.CourseDirectory.db_url = f"sqlite:///{HERE / 'gradebook.db'}"

# nbgrader creates a new gradebook by running the `alembic` command, which is on PATH only
# when the kit's environment is activated. JupyterLab started by `make lab` (or any server
# started without activating) reads this file, so the environment's scripts go on PATH here;
# without them formgrader stays at "Loading, please wait..." on a course nobody has built.
tools_on_path()

# The exchange (release, fetch, submit, collect) lives inside the course, so formgrader's
# Release and Collect work for learners sharing one machine and no system folder is needed;
# learners elsewhere hand in through an LMS zip (`casekit course collect-zip`).
c.Exchange.root = str(HERE / "exchange")
(HERE / "exchange").mkdir(exist_ok=True)

# A learner's plan file is their answer: nbgrader copies every non-notebook file of source/
# over the submission at autograde time, so the plan file is excluded from that copy (and
# `casekit course build` refuses a source folder holding one, as it would be released).
c.Autograde.exclude_overwriting = {
    folder.name: [f"{folder.name}.plan.json"]
    for folder in sorted((HERE / "source").glob("*"))
    if folder.is_dir()
}

# Trust boundary: the answer is the plan file, which is data, so autograding runs no learner
# code. nbgrader's Execute is replaced by the kit's RubricScores, which writes each test cell's
# score from the rubric run here, on the plan file as submitted; nothing a kernel printed or wrote
# counts. `nbgrader autograde`, formgrader's Autograde button and `casekit course grade` all
# do this. (`casekit course grade --execute` also runs the notebook, in a sandbox, for its outputs.)
c.Autograde.autograde_preprocessors = RUBRIC_ONLY

# A page (or script) a learner puts beside the notebook must never reach feedback/ as if nbgrader
# had made it, whichever command or formgrader button ran: the exchange collects only notebooks and
# plan files (`include`), and nbgrader's steps never copy web files on (`ignore`; feedback pages are
# written, not copied). `casekit course feedback` keeps only the graded notebook's page in any case.
c.CourseDirectory.include = ["*.ipynb", "*.plan.json"]
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback",
                            "*.html", "*.htm", "*.xhtml", "*.svg", "*.js", "*.mjs"]

# When a notebook is run (--execute), a learner's infinite loop costs one cell, not the cohort:
# nbgrader interrupts a cell after this many seconds and the rest of the notebook is not run.
c.Execute.timeout = 30
c.Execute.startup_timeout = 60
# The kernel's own start-up notices would otherwise fill the instructor's console.
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]

# A deleted test or task cell is put back from the gradebook, so it is graded all the same.
c.OverwriteCells.add_missing_cells = True

# What replaces the worked answer in the released answer cell: a hint, never an error.
c.ClearSolutions.code_stub = {
    "python": "# YOUR CODE HERE (optional): change your plan in code, for example\n"
    '# session.add_need("<need-id>", "critical"); it is saved to PLAN_FILE at once.'
}

# Feedback shows each criterion's points and the rubric's comment, never the hidden test
# code nor the progress-note mark scheme (nbgrader keeps both unless told).
# Learner HTML (outputs, markdown) is sanitised: no script and no event handlers reach the page.
# RequireManualGrades refuses a learner's feedback while the progress note waits for a grader
# (the button and `casekit course feedback` alike; --allow-ungraded releases it anyway).
# ClearHiddenTests and ClearMarkScheme are nbgrader's, as casekit.course.grading_engine.feedback_page gives
# them: the same work, without a configuration warning on every run (and in formgrader's feedback dialog).
c.GenerateFeedback.preprocessors = [RequireManualGrades, GetGrades,
                                    "casekit.course.grading_engine.feedback_page.ClearHiddenTests",
                                    "casekit.course.grading_engine.feedback_page.ClearMarkScheme",
                                    "casekit.course.grading_engine.sanitize.LearnerHTML", CSSHTMLHeaderPreprocessor]
# Its list of scores names each rubric criterion instead of nbgrader's "Test cell", whether
# feedback comes from `casekit course feedback`, `nbgrader generate_feedback` or formgrader.
# Named, not imported: it is loaded only when feedback is made, not by every nbgrader command.
c.GenerateFeedback.exporter_class = "casekit.course.grading_engine.feedback_page.CriterionFeedbackExporter"

# LMS bulk downloads (`casekit course collect-zip`): files named
#   <learner-id>_<anything>_<original file name>, e.g. jsmith_12345_67890_<case-id>.ipynb
# The learner id is the first field before an underscore; the original name is kept.
c.FileNameCollectorPlugin.named_regexp = (
    r".*/(?P<student_id>[^/_]+)_(?:[^/]*_)?(?P<file_id>[A-Za-z0-9-]+(?:\.plan\.json|\.ipynb))$"
)
c.FileNameCollectorPlugin.valid_ext = [".ipynb", ".json"]
# A learner id from a file name must be a plain name (no "..", separators, control characters
# or a leading = + - @), and an archive is checked for size, file count and compression ratio
# before anything is extracted; `nbgrader zip_collect` run here does the same checks.
c.ZipCollectApp.collector_plugin = "casekit.course.assignments.collect.PlainNameCollector"
c.ZipCollectApp.extractor_plugin = "casekit.course.assignments.collect.LimitedExtractor"
