"""Per-criterion scores from the nbgrader gradebook, one row per learner, for the LMS.

nbgrader's own export has one total per assignment. Each criterion here is the grade of
its cell (``crit-<criterion>``), so the columns follow the key's rubric: every criterion,
then the total, the maximum, and whether a person still has to grade something (the
progress note) before the total is final, and what grading found wrong with the submission
(an unreadable plan file is 0 with its reason here). A criterion still waiting for a person is
left blank, never written as 0, and is not in the total; ``max`` is the whole assignment's.
A learner who submitted but has not been graded yet is listed with blank scores.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from casekit.course.assignments.assignment import criterion_of
from casekit.course.config import Course, CourseError, tools_on_path
from casekit.csvsafe import neutralise_row


@dataclass
class Row:
    learner: str
    scores: dict[str, float | None]  # None: waits for a person to grade it
    total: float
    max: float
    needs_manual_grade: bool
    problems: str = ""
    """What grading found wrong with the submission (an unreadable plan file, a missing notebook...)."""


@dataclass
class Export:
    assignment: str
    criteria: list[str]
    maxima: dict[str, float]
    rows: list[Row]

    @property
    def header(self) -> list[str]:
        return ["learner", *self.criteria, "total", "max", "needs_manual_grade", "problems"]


def per_criterion(course: Course, assignment: str) -> Export:
    """Every learner's points per criterion for ``assignment``, read from the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    tools_on_path()
    found = _ledger(course, assignment)
    with Gradebook(course.db_url, course.course_id) as gb:
        try:
            record = gb.find_assignment(assignment)
        except MissingEntry:
            raise CourseError(f"{assignment!r} is not in the gradebook; run `casekit course build` first") from None
        cells = [(nb.name, cell) for nb in record.notebooks for cell in [*nb.grade_cells, *nb.task_cells]]
        order = {}
        for nb in record.notebooks:
            for i, cell in enumerate(nb.source_cells):
                order[(nb.name, cell.name)] = i
        cells.sort(key=lambda item: order.get((item[0], item[1].name), 0))
        criteria = [criterion_of(cell.name) or cell.name for _, cell in cells]
        maxima = {criterion_of(cell.name) or cell.name: float(cell.max_score) for _, cell in cells}
        maximum = float(record.max_score)
        rows = []
        for learner, grades in sorted(_all_grades(gb.db.connection(), record.id).items()):
            scores: dict[str, float | None] = {}
            pending = False
            for nb_name, cell in cells:
                grade = grades.get((nb_name, cell.name))
                name = criterion_of(cell.name) or cell.name
                if grade is None or (grade["needs_manual_grade"] and grade["manual_score"] is None):
                    scores[name] = None
                    pending = True
                    continue
                value = grade["manual_score"] if grade["manual_score"] is not None else grade["auto_score"]
                scores[name] = float(value or 0.0) + float(grade["extra_credit"] or 0.0)
                pending = pending or bool(grade["needs_manual_grade"])
            total = float(round(sum(v for v in scores.values() if v is not None), 2))
            rows.append(Row(learner, scores, total, maximum, pending, _problems(found.get(learner))))
    # A learner who submitted but has no grades yet is listed too, never left out silently.
    listed = {r.learner for r in rows}
    for learner in course.learners(assignment):
        if learner not in listed:
            rows.append(Row(learner, {c: None for c in criteria}, 0.0, maximum, True,
                            "not graded yet: run `casekit course grade` for this assignment"))
    rows.sort(key=lambda r: r.learner)
    return Export(assignment, criteria, maxima, rows)


def _all_grades(conn, assignment_id: str) -> dict[str, dict[tuple[str, str], dict]]:
    """learner -> (notebook, cell) -> grade row, for every submission of the assignment, in one query."""
    from sqlalchemy import select

    from casekit.course.grading_engine.gradebook_rows import gradebook_tables

    t = gradebook_tables()
    sa, sn, g, cell, nb = t["submitted_assignment"], t["submitted_notebook"], t["grade"], t["base_cell"], t["notebook"]
    query = (
        select(sa.c.student_id, nb.c.name.label("notebook"), cell.c.name.label("cell"), g.c.auto_score,
               g.c.manual_score, g.c.extra_credit, g.c.needs_manual_grade)
        .select_from(sa.join(sn, sn.c.assignment_id == sa.c.id).join(g, g.c.notebook_id == sn.c.id)
                     .join(cell, cell.c.id == g.c.cell_id).join(nb, nb.c.id == cell.c.notebook_id))
        .where(sa.c.assignment_id == assignment_id)
    )
    out: dict[str, dict[tuple[str, str], dict]] = {}
    for row in conn.execute(query).mappings():
        out.setdefault(row["student_id"], {})[(row["notebook"], row["cell"])] = dict(row)
    # A submission whose notebook has no grade rows yet still counts as submitted.
    for (learner,) in conn.execute(select(sa.c.student_id).where(sa.c.assignment_id == assignment_id)):
        out.setdefault(learner, {})
    return out


def _problems(entry) -> str:
    if entry is None:
        return ""
    return "; ".join(str(p) for p in entry.result.problems)


def _ledger(course: Course, assignment: str) -> dict:
    from sqlalchemy import inspect

    from casekit.course.grading_engine import graded as ledger
    from casekit.course.grading_engine.gradebook_rows import engine_for

    engine = engine_for(course.db_url)
    try:
        if not inspect(engine).has_table(ledger.LEDGER.name):
            return {}
        with engine.connect() as conn:
            return ledger.read(conn, assignment)
    finally:
        engine.dispose()


def write_csv(export: Export, path: Path | str) -> Path:
    """Write the export as CSV (UTF-8, one header row); no cell can start a spreadsheet formula."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise CourseError(f"{path}: give a file name ending in .csv")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(export.header)
        for row in export.rows:
            writer.writerow(neutralise_row([
                row.learner,
                *["" if (v := row.scores.get(c, 0.0)) is None else f"{v:g}" for c in export.criteria],
                f"{row.total:g}",
                f"{row.max:g}",
                "yes" if row.needs_manual_grade else "no",
                row.problems,
            ]))
    return path

