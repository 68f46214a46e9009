"""A fictional cohort of mixed quality, for trying the analytics and timing the grading.

Each demo learner's plan is the key's model plan with items dropped at random (a learner
who keeps 90% of what an expert would decide, one who keeps 30%, ...), so every rubric
criterion is sometimes met and sometimes not, and some learners miss a critical need.
Instructor side only: it reads the answer keys. The learners are numbered, never named.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from casekit.cases.library import CaseLibrary
from casekit.course.assignments.assignment import notebook_file, plan_file
from casekit.course.config import Course, CourseError
from casekit.casework.model_plan import model_plan
from casekit.casework.plan import Plan, plan_to_json

LISTS = ("flags", "needs", "eligibility", "goals", "referrals", "rights", "information_requests", "delegations", "revisions")
SAVED_AT = dt.datetime(2026, 2, 20, 14, 30, tzinfo=dt.timezone.utc)


def learner_names(count: int, prefix: str = "learner") -> list[str]:
    width = max(2, len(str(count)))
    return [f"{prefix}-{i:0{width}d}" for i in range(1, count + 1)]


def varied_plan(model: Plan, keep: float, rng: random.Random) -> Plan:
    """``model`` with each listed decision kept with probability ``keep`` (the progress note with it)."""
    plan = model.model_copy(deep=True)
    for name in LISTS:
        items = getattr(plan, name)
        setattr(plan, name, [item for item in items if rng.random() < keep])
    if rng.random() >= keep:
        plan.progress_note = ""
    plan.updated = SAVED_AT
    return plan


def demo_plans(case_id: str, count: int, *, seed: int = 7, library: CaseLibrary | None = None) -> dict[str, Plan]:
    """``count`` demo learners' plans for one case: quality spread evenly from weak (30% kept) to the full model."""
    lib = library or CaseLibrary.load()
    model = model_plan(lib.case(case_id), lib.key(case_id), lib)
    rng = random.Random(f"{seed}:{case_id}")
    plans = {}
    for i, name in enumerate(learner_names(count)):
        keep = 0.3 + 0.7 * (i + 0.5) / count
        plans[name] = varied_plan(model, keep, rng)
    return plans


def write_submissions(course_root: Path | str, case_id: str, plans: dict[str, Plan]) -> list[Path]:
    """Submit each plan with the released notebook, as ``submitted/<learner>/<case>/`` (nbgrader's layout)."""
    root = Path(course_root)
    released = root / "release" / case_id / notebook_file(case_id)
    text = released.read_text(encoding="utf-8")
    folders = []
    for learner, plan in plans.items():
        folder = root / "submitted" / learner / case_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / notebook_file(case_id)).write_text(text, encoding="utf-8")
        (folder / plan_file(case_id)).write_text(plan_to_json(plan), encoding="utf-8")
        folders.append(folder)
    return folders


def submit_demo_cohort(course: Course, case_id: str, count: int = 16, *, seed: int = 7,
                       library: CaseLibrary | None = None) -> list[str]:
    """Put ``count`` demo learners' submissions of ``case_id`` into the course's ``submitted/``, to try the
    instructor's routine (grade, formgrader, feedback, export, report) before a real cohort hands anything in.

    Refuses, writing nothing, when the assignment is not released yet or a demo learner's folder is
    already there (it could be a real learner's submission).
    """
    if count < 1:
        raise CourseError(f"a demo cohort needs at least one learner (got {count})")
    library = library or CaseLibrary.load()
    library.case(case_id)  # an id the library does not have is named as such, with the nearest ones
    released = course.release_dir / case_id / notebook_file(case_id)
    if not released.is_file():
        raise CourseError(f"{case_id} is not released yet ({released} is missing); run `casekit course build {case_id}` first")
    names = learner_names(count, prefix="demo-learner")
    taken = [n for n in names if (course.submitted_dir / n / case_id).exists()]
    if taken:
        raise CourseError(f"{course.submitted_dir / taken[0] / case_id} is already there"
                          f"{f' (and {len(taken) - 1} more demo learners)' if len(taken) > 1 else ''}; "
                          "remove those folders to make the demo cohort again")
    plans = demo_plans(case_id, count, seed=seed, library=library)
    write_submissions(course.root, case_id, dict(zip(names, plans.values())))
    return names

