"""What grading a cohort reports: one result per learner, and the cohort's totals and timings."""

from __future__ import annotations

from dataclasses import dataclass, field

from casekit.course.grading_engine.problems import SubmissionProblem

NOT_GRADED = "not-graded"


@dataclass
class SubmissionResult:
    """One learner's autograde.

    ``seconds`` is the whole time spent on the submission (grading and saving it);
    ``execute_seconds`` the part nbgrader spent running the notebook (kernel start and
    cells), when it ran it. ``nbgrader_scores`` holds nbgrader's own score per grade cell
    before the rubric's correction (see :mod:`casekit.course.gradebook`). ``skipped`` marks
    a learner graded by an earlier run whose submission has not changed since.
    """

    learner: str
    assignment: str
    seconds: float
    graded_by_nbgrader: bool
    problems: list[SubmissionProblem] = field(default_factory=list)
    execute_seconds: float | None = None
    nbgrader_scores: dict[str, float | None] = field(default_factory=dict)
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def flag_reasons(self) -> list[SubmissionProblem]:
        """The problems for which saving this result flags the submission in formgrader (none: no flag is set)."""
        return [p for p in self.problems if p.flags]

    @property
    def overhead_seconds(self) -> float | None:
        """Time beyond running the notebook itself: reading, the gradebook, corrections, saving."""
        if self.execute_seconds is None:
            return None
        return max(0.0, self.seconds - self.execute_seconds)


@dataclass
class CohortReport:
    assignment: str
    results: list[SubmissionResult]
    seconds: float
    workers: int = 1
    tampered: list[str] = field(default_factory=list)
    """Learners whose gradebook rows changed during an --unsafe-execute run other than by the kit's own saves."""

    @property
    def graded(self) -> list[SubmissionResult]:
        """The learners graded by this run (not the ones skipped as already graded)."""
        return [r for r in self.results if not r.skipped]

    @property
    def skipped(self) -> list[SubmissionResult]:
        return [r for r in self.results if r.skipped]

    @property
    def not_graded(self) -> list[SubmissionResult]:
        """Learners this run could not grade (a worker died under them); nothing was saved for them."""
        return [r for r in self.results if any(p.kind == NOT_GRADED for p in r.problems)]

    @property
    def problem_submissions(self) -> list[SubmissionResult]:
        return [r for r in self.results if r.problems]

    @property
    def flagged(self) -> list[SubmissionResult]:
        """The learners this run saved with a problem that flags their submission (Flagged? in formgrader).

        A learner skipped as already graded is not counted again: their flag was set by the run that graded them.
        """
        return [r for r in self.saved if r.flag_reasons]

    def _ran(self) -> list[SubmissionResult]:
        return [r for r in self.graded if r.graded_by_nbgrader]

    @property
    def saved(self) -> list[SubmissionResult]:
        """The learners this run graded and saved."""
        return [r for r in self.graded if r not in self.not_graded]

    @property
    def seconds_per_submission(self) -> float:
        """Mean autograde time of the submissions nbgrader ran (a looping one counts its timeout)."""
        graded = [r.seconds for r in self._ran()]
        return sum(graded) / len(graded) if graded else 0.0

    @property
    def median_seconds(self) -> float:
        graded = sorted(r.seconds for r in self._ran())
        return graded[len(graded) // 2] if graded else 0.0

    @property
    def overhead_per_submission(self) -> float | None:
        """Mean time per submission beyond running its notebook (None when nothing was timed)."""
        extra = [r.overhead_seconds for r in self._ran() if r.overhead_seconds is not None]
        return sum(extra) / len(extra) if extra else None

    @property
    def wall_seconds_per_submission(self) -> float:
        """Elapsed time of the run divided by the submissions it graded: what parallel grading improves."""
        return self.seconds / len(self.graded) if self.graded else 0.0
