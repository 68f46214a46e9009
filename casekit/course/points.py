"""The points nbgrader counts, read in one place.

nbgrader keeps a criterion's points in three places: the cell's metadata (``nbgrader.points``,
the most the cell can earn), the gradebook's cells and assignments (``max_score``, the same
numbers summed), and each learner's grade row: ``auto_score`` (what autograde recorded),
``manual_score`` (a grader's, from formgrader), ``extra_credit`` and ``needs_manual_grade``.
nbgrader counts a grade as the manual score when a grader gave one, else the auto score, plus
any extra credit (``nbgrader.api.Grade.score``); after feedback's ``GetGrades`` a cell's
metadata carries that count as ``score`` beside its ``points``.

Every part of the course that reads these (the per-criterion export, the cohort analytics and
report, the feedback page, the check before feedback is released, the corrections after
autograde, the comparison with plain nbgrader, the quiz's check) reads them here, so no two of
them can count a grade differently. Writing a score stays with the code that writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

GRADE_COLUMNS = ("auto_score", "manual_score", "extra_credit", "needs_manual_grade")
"""The columns of nbgrader's ``grade`` table that decide what a grade counts."""

SAME_WITHIN = 0.005
"""Two scores closer than this are the same score: the rubric's points are kept to 2 decimal places."""


def _field(record: Any, name: str) -> Any:
    """``name`` of a gradebook row (a mapping, as SQL gives it) or of one of nbgrader's objects."""
    return record[name] if isinstance(record, Mapping) else getattr(record, name)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True)
class GradePoints:
    """One learner's grade of one cell, as nbgrader counts it."""

    auto: float | None
    """What autograde recorded (None before autograde, or for a cell only a person grades)."""
    manual: float | None
    """A grader's score, which takes the auto score's place (None until a grader gives one)."""
    extra: float | None
    needs_manual_grade: bool

    @classmethod
    def of(cls, grade: Any) -> GradePoints:
        """The points of a grade row (a mapping with :data:`GRADE_COLUMNS`) or of nbgrader's ``Grade``."""
        return cls(_number(_field(grade, "auto_score")), _number(_field(grade, "manual_score")),
                   _number(_field(grade, "extra_credit")), bool(_field(grade, "needs_manual_grade")))

    @property
    def waits_for_grader(self) -> bool:
        """A person has yet to grade it: nbgrader asks for a manual grade and none was given."""
        return self.needs_manual_grade and self.manual is None

    @property
    def counted(self) -> float:
        """The points nbgrader counts: the manual score if any, else the auto score, else 0; plus extra credit."""
        value = self.manual if self.manual is not None else self.auto
        return float(value or 0.0) + float(self.extra or 0.0)

    @property
    def final(self) -> float | None:
        """:attr:`counted`, or None while the grade waits for a person (never shown as a 0)."""
        return None if self.waits_for_grader else self.counted


def max_points(record: Any) -> float:
    """The most a gradebook cell (or a whole assignment, its cells summed by nbgrader) can earn: ``max_score``."""
    return float(_field(record, "max_score"))


def cell_points(nbgrader_metadata: Mapping[str, Any]) -> float:
    """The most a notebook cell can earn: its ``nbgrader.points`` (the metadata of a grade cell has them)."""
    return float(nbgrader_metadata["points"])


def shown_score(nbgrader_metadata: Mapping[str, Any]) -> tuple[float, float]:
    """(points counted, most it can earn) of a cell after feedback's ``GetGrades``; 0 for what is not there."""
    return float(nbgrader_metadata.get("score") or 0), float(nbgrader_metadata.get("points") or 0)


def disagrees(recorded: float | None, trusted: float) -> bool:
    """Whether a recorded auto score (None: none recorded) is not the ``trusted`` one."""
    return recorded is None or abs(recorded - trusted) > SAME_WITHIN


def as_recorded(recorded: float | None) -> str:
    """A recorded auto score in words, for a correction's note: ``1.5``, or ``no score``."""
    return "no score" if recorded is None else f"{recorded:g}"
