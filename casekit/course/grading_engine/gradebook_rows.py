"""An assignment's structure and one learner's grades as plain rows, copied between gradebooks.

nbgrader's gradebook (SQLite by default) takes one writer at a time, and autograde opens it
a dozen times per submission. So each submission is graded against a private SQLite copy
holding only what autograde reads: the assignment's structure (notebooks, graded cells,
source cells) and the learner's earlier rows, if any. Afterwards the learner's rows are
read back out and merged into the course's gradebook by one process, in one transaction.

The merge writes only what autograde writes (auto scores, the needs-manual-grade flag,
automatic comments, the submission time, the late penalty), found by natural key (the
assignment and learner, the notebook, the cell), so a grader's manual scores and comments
are never overwritten, and a learner's first rows arrive without any (``INSTRUCTOR_COLUMNS``);
the row ids formgrader links to stay the same. Run twice, it
leaves the same gradebook: the merge is idempotent. The rows are plain dicts, so they
travel between processes and machines (dask workers) unchanged.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, create_engine, insert, select, text, update
from sqlalchemy.engine import Connection, Engine

from casekit.course.config import CourseError
from casekit.course.points import GRADE_COLUMNS, GradePoints

Rows = dict[str, list[dict[str, Any]]]
"""Table name -> rows (column -> value), in nbgrader's own table names."""

STRUCTURE_TABLES = ("course", "assignment", "notebook", "base_cell", "grade_cells", "solution_cells", "task_cells", "source_cell")
LEARNER_TABLES = ("student", "submitted_assignment", "submitted_notebook", "grade", "comment")

AUTOGRADE_COLUMNS = {
    "student": (),
    "submitted_assignment": ("timestamp",),
    "submitted_notebook": ("late_submission_penalty",),
    "grade": ("auto_score", "needs_manual_grade"),
    "comment": ("auto_comment",),
}
"""The columns autograde (and the kit's corrections after it) write; the merge copies only these."""

INSTRUCTOR_COLUMNS = {
    "student": ("first_name", "last_name", "email", "lms_user_id"),
    "grade": ("manual_score", "extra_credit"),
    "comment": ("manual_comment",),
}
"""Columns only the instructor writes (in formgrader). A learner's first rows are inserted with
these empty, whatever the private gradebook held: nothing a grading run brings back can give
manual scores, extra credit or comments."""

NATURAL_KEYS = {
    "student": ("id",),
    "submitted_assignment": ("assignment_id", "student_id"),
    "submitted_notebook": ("assignment_id", "notebook_id"),
    "grade": ("notebook_id", "cell_id"),
    "comment": ("notebook_id", "cell_id"),
}


def gradebook_tables():
    from nbgrader.api import Base

    return Base.metadata.tables


_tables = gradebook_tables  # its earlier, private name


def engine_for(db_url: str) -> Engine:
    """An engine on a gradebook; SQLite waits for a busy database (formgrader may be writing) instead of failing."""
    if db_url.startswith("sqlite"):
        return create_engine(db_url, connect_args={"timeout": 60})
    return create_engine(db_url, pool_pre_ping=True)


def _where_in(conn: Connection, table: str, column: str, values: list) -> list[dict]:
    if not values:
        return []
    t = gradebook_tables()[table]
    return [dict(r) for r in conn.execute(select(t).where(t.c[column].in_(values))).mappings()]


def assignment_structure(conn: Connection, assignment: str) -> Rows:
    """The rows autograde reads for ``assignment``: its course, notebooks and cells."""
    t = gradebook_tables()
    found = [dict(r) for r in conn.execute(select(t["assignment"]).where(t["assignment"].c.name == assignment)).mappings()]
    if not found:
        raise CourseError(f"{assignment!r} is not in the gradebook; run `casekit course build` first")
    notebooks = _where_in(conn, "notebook", "assignment_id", [found[0]["id"]])
    nb_ids = [n["id"] for n in notebooks]
    cells = _where_in(conn, "base_cell", "notebook_id", nb_ids)
    cell_ids = [c["id"] for c in cells]
    return {
        "alembic_version": [dict(r) for r in conn.execute(text("SELECT version_num FROM alembic_version")).mappings()],
        "course": _where_in(conn, "course", "id", [found[0]["course_id"]]),
        "assignment": found,
        "notebook": notebooks,
        "base_cell": cells,
        "grade_cells": _where_in(conn, "grade_cells", "id", cell_ids),
        "solution_cells": _where_in(conn, "solution_cells", "id", cell_ids),
        "task_cells": _where_in(conn, "task_cells", "id", cell_ids),
        "source_cell": _where_in(conn, "source_cell", "notebook_id", nb_ids),
    }


def create_private(url: str, structure: Rows) -> None:
    """A new gradebook at ``url`` holding only ``structure``, at the same nbgrader schema version.

    Made with nbgrader's own table definitions; the schema version is copied, not asked of
    alembic (nbgrader runs ``alembic heads`` in a subprocess for every new gradebook).
    """
    from nbgrader.api import Base

    engine = create_engine(url)
    try:
        Base.metadata.create_all(bind=engine)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            for row in structure.get("alembic_version", []):
                conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": row["version_num"]})
            insert_rows(conn, structure)
    finally:
        engine.dispose()


def learner_rows(conn: Connection, assignment_id: str, learner: str) -> Rows:
    """One learner's rows for one assignment (empty lists where the learner has none yet)."""
    t = gradebook_tables()
    sa = t["submitted_assignment"]
    submissions = [dict(r) for r in conn.execute(
        select(sa).where(and_(sa.c.assignment_id == assignment_id, sa.c.student_id == learner))).mappings()]
    notebooks = _where_in(conn, "submitted_notebook", "assignment_id", [s["id"] for s in submissions])
    nb_ids = [n["id"] for n in notebooks]
    return {
        "student": _where_in(conn, "student", "id", [learner]),
        "submitted_assignment": submissions,
        "submitted_notebook": notebooks,
        "grade": _where_in(conn, "grade", "notebook_id", nb_ids),
        "comment": _where_in(conn, "comment", "notebook_id", nb_ids),
    }


def insert_rows(conn: Connection, rows: Rows, *, skip_existing: tuple[str, ...] = ()) -> None:
    """Insert ``rows`` as they are (ids included), parents before children.

    Tables named in ``skip_existing`` get only the rows whose id is not there yet.
    """
    t = gradebook_tables()
    for table in t.values():  # Base.metadata.tables is in dependency order
        batch = rows.get(table.name) or []
        if table.name in skip_existing and batch:
            have = {r[0] for r in conn.execute(select(table.c.id).where(table.c.id.in_([b["id"] for b in batch])))}
            batch = [b for b in batch if b["id"] not in have]
        if batch:
            conn.execute(insert(table), batch)


def _upsert(conn: Connection, name: str, row: dict, ids: dict[str, str]) -> str:
    """Insert ``row`` or update the autograde columns of the row with its natural key; return the target id."""
    table = gradebook_tables()[name]
    # References to learner rows merged just before (submission, submitted notebook) follow their new ids.
    row = {k: ids.get(v, v) if k in ("assignment_id", "notebook_id") else v for k, v in row.items()}
    key = NATURAL_KEYS[name]
    found = conn.execute(select(table.c.id).where(and_(*[table.c[k] == row[k] for k in key]))).first()
    if found is None:
        row.update({c: None for c in INSTRUCTOR_COLUMNS.get(name, ()) if c in row})
        conn.execute(insert(table).values(**row))
        return row["id"]
    columns = AUTOGRADE_COLUMNS[name]
    if columns:
        conn.execute(update(table).where(table.c.id == found[0]).values({c: row[c] for c in columns}))
    return found[0]


def merge_learner(conn: Connection, rows: Rows) -> None:
    """Merge one learner's autograde ``rows`` (from a private gradebook) into the gradebook on ``conn``.

    The caller owns the transaction: with ``engine.begin()`` the learner is merged whole or not at all.
    """
    ids: dict[str, str] = {}  # private id -> id in the target gradebook
    for name in LEARNER_TABLES:
        for row in rows.get(name) or []:
            ids[row["id"]] = _upsert(conn, name, row, ids)


def comparable(rows: Rows, structure: Rows) -> dict[tuple[str, str], dict[str, Any]]:
    """A learner's grades and comments keyed by (cell name, kind), without row ids: for comparing two gradebooks."""
    cells: dict[str, str] = {c["id"]: c["name"] for c in structure.get("base_cell", [])}

    def name(cell_id: str) -> str:
        return cells.get(cell_id, cell_id)

    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows.get("grade", []):
        out[(name(row["cell_id"]), "grade")] = {k: row[k] for k in GRADE_COLUMNS}
    for row in rows.get("comment", []):
        out[(name(row["cell_id"]), "comment")] = {k: row[k] for k in ("auto_comment", "manual_comment")}
    return out


def snapshot(db_url: str, assignment: str) -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
    """Every learner's grades and comments for ``assignment`` in the gradebook at ``db_url``, without row ids.

    Two gradebooks that graded the same submissions give equal snapshots when they agree on
    every grade and comment; :func:`scores` reduces a snapshot to the points nbgrader counts.
    """
    engine = engine_for(db_url)
    try:
        with engine.connect() as conn:
            structure = assignment_structure(conn, assignment)
            assignment_id = structure["assignment"][0]["id"]
            t = gradebook_tables()["submitted_assignment"]
            learners = [r[0] for r in conn.execute(select(t.c.student_id).where(t.c.assignment_id == assignment_id))]
            return {name: comparable(learner_rows(conn, assignment_id, name), structure) for name in sorted(learners)}
    finally:
        engine.dispose()


def scores(snap: dict[str, dict[tuple[str, str], dict[str, Any]]]) -> dict[str, dict[str, float]]:
    """learner -> grade cell -> the points nbgrader counts (:attr:`~casekit.course.points.GradePoints.counted`)."""
    out: dict[str, dict[str, float]] = {}
    for learner, cells in snap.items():
        out[learner] = {}
        for (cell, kind), row in cells.items():
            if kind != "grade":
                continue
            out[learner][cell] = GradePoints.of(row).counted
    return out
