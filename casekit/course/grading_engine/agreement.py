"""Does a kit grading run give the scores plain ``nbgrader autograde`` gives on the same submissions?

Every grade cell of every learner is compared. Plain nbgrader trusts what the learner's kernel
printed; the kit records the rubric's score for the plan file as submitted, with no learner code
run. So for a learner whose code changed the plan or the grading while it ran (``untrusted``,
or one the kit reported as corrected) the two may differ: such grades are listed apart as
``corrected``; any other difference is a disagreement. A learner plain nbgrader never graded
(no notebook at all) counts as 0 on every cell, as nbgrader's own export has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casekit.course.grading_engine import graded as ledger
from casekit.course.grading_engine.gradebook_rows import engine_for, scores, snapshot


@dataclass
class Agreement:
    compared: int = 0
    identical: int = 0
    corrected: list[tuple[str, str, float, float]] = field(default_factory=list)
    """(learner, cell, nbgrader's score, the rubric's score the kit recorded)"""
    differ: list[tuple[str, str, float, float]] = field(default_factory=list)
    """(learner, cell, plain nbgrader's score, the kit's): unexplained, should be empty"""

    @property
    def agree(self) -> bool:
        return not self.differ and self.compared > 0


def compare(kit_db_url: str, nbgrader_db_url: str, assignment: str, untrusted=()) -> Agreement:
    """Compare the kit's gradebook with plain nbgrader's, grade cell by grade cell.

    ``untrusted``: learners known to tamper (their differences are ``corrected``, not disagreements).
    """
    kit = scores(snapshot(kit_db_url, assignment))
    plain = scores(snapshot(nbgrader_db_url, assignment))
    engine = engine_for(kit_db_url)
    try:
        with engine.connect() as conn:
            graded = ledger.read(conn, assignment)
    finally:
        engine.dispose()
    out = Agreement()
    for learner in sorted(set(kit) | set(plain)):
        cells = sorted(set(kit.get(learner, {})) | set(plain.get(learner, {})))
        entry = graded.get(learner)
        corrected = entry is not None and any(p.kind == "score-corrected" for p in entry.result.problems)
        for cell in cells:
            out.compared += 1
            expected = plain.get(learner, {}).get(cell, 0.0)
            got = kit.get(learner, {}).get(cell, 0.0)
            if abs(got - expected) < 1e-9:
                out.identical += 1
                continue
            seen = entry.result.nbgrader_scores.get(cell) if entry is not None else None
            if learner in untrusted or (corrected and abs(float(seen or 0.0) - expected) < 1e-9):
                out.corrected.append((learner, cell, expected, got))
            else:
                out.differ.append((learner, cell, expected, got))
    return out
