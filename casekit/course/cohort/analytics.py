"""Where a cohort struggles: per-criterion scores as a table, and the views an instructor looks at.

Everything starts from one tidy table, one row per learner, assignment and criterion
(:func:`cohort_scores` reads it from the gradebook; :func:`demo_scores` makes a fictional
one with the rubric, no grading needed). A criterion still waiting for a person (the
progress note before it is graded in formgrader) has no points yet (NaN) and is left out
of the sums, never counted as 0. From the table:

* :func:`learner_totals` and :func:`distribution_figure`: the spread of the cohort's totals;
* :func:`heatmap_figure`: learner x criterion, the share of each criterion's points earned;
* :func:`criteria_losses` and :func:`losses_figure`: the criteria the cohort loses most on;
* :func:`by_setting` and :func:`settings_figure`: the same criteria compared across settings
  (nursing, managed care, school, ...), over every assignment graded;
* :func:`missed_critical_needs`: learners whose plan missed a critical or immediate need,
  and which, read from the plan files as submitted.

Figures are built on :class:`matplotlib.figure.Figure` directly (no pyplot), so they work
headless; :func:`png` turns one into PNG bytes.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Severity
from casekit.course.assignments.assignment import criterion_of, plan_file
from casekit.course.config import Course, CourseError
from casekit.course.grading_engine.cells import read_submitted_plan
from casekit.course.points import GradePoints, max_points
from casekit.casework.plan import Plan
from casekit.casework.rubric import TITLES, score

COLUMNS = ["learner", "assignment", "setting", "criterion", "title", "points", "max"]
URGENT = (Severity.critical, Severity.immediate)


def _setting(lib: CaseLibrary, case_id: str) -> str:
    case = lib.cases.get(case_id)
    return case.setting.label if case is not None else "unknown"


def cohort_scores(course: Course, assignments: list[str] | None = None, library: CaseLibrary | None = None) -> pd.DataFrame:
    """The tidy per-criterion table of every graded learner in the gradebook (``assignments``: all by default)."""
    from sqlalchemy import select
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from casekit.course.grading_engine.gradebook_rows import gradebook_tables, engine_for, snapshot

    lib = library or CaseLibrary.load()
    url = make_url(course.db_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        # Reading must not leave an empty database behind.
        raise CourseError(f"no gradebook yet at {url.database}; run `casekit course build`, then "
                          "`casekit course grade ASSIGNMENT`")
    engine = engine_for(course.db_url)
    try:
        with engine.connect() as conn:
            table = gradebook_tables()["assignment"]
            known = [r[0] for r in conn.execute(select(table.c.name))]
    except SQLAlchemyError as exc:  # no gradebook yet, not nbgrader's, or the server refused us
        why = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise CourseError(f"cannot read the gradebook at {course.db_url}: {why}; if the course is new, "
                          "run `casekit course build` and `casekit course grade ASSIGNMENT` first") from None
    finally:
        engine.dispose()
    rows = []
    for assignment in sorted(assignments or known):
        if assignment not in known:
            raise CourseError(f"{assignment!r} is not in the gradebook; run `casekit course build` first")
        maxima = _maxima(course, assignment)
        for learner, cells in snapshot(course.db_url, assignment).items():
            for (cell, kind), row in cells.items():
                if kind != "grade":
                    continue
                criterion = criterion_of(cell) or cell
                final = GradePoints.of(row).final
                points = np.nan if final is None else final  # NaN: a person has yet to grade it
                rows.append([learner, assignment, _setting(lib, assignment), criterion,
                             TITLES.get(criterion, criterion), points, maxima.get(cell, np.nan)])
    return pd.DataFrame(rows, columns=COLUMNS)


def _maxima(course: Course, assignment: str) -> dict[str, float]:
    from sqlalchemy import select

    from casekit.course.grading_engine.gradebook_rows import gradebook_tables, assignment_structure, engine_for

    engine = engine_for(course.db_url)
    try:
        with engine.connect() as conn:
            structure = assignment_structure(conn, assignment)
            names = {c["id"]: c["name"] for c in structure["base_cell"]}
            t = gradebook_tables()
            out = {}
            for table in ("grade_cells", "task_cells"):
                ids = list(names)
                for row in conn.execute(select(t[table].c.id, t[table].c.max_score).where(t[table].c.id.in_(ids))).mappings():
                    out[names[row["id"]]] = max_points(row)
            return out
    finally:
        engine.dispose()


def demo_scores(learners: int = 16, *, seed: int = 7, library: CaseLibrary | None = None) -> tuple[pd.DataFrame, dict]:
    """A fictional cohort's tidy table on every case with a key, scored by the rubric (no grading run).

    Returns the table and the plans (assignment -> learner -> plan), for :func:`missed_critical_needs`.
    The progress note, graded by a person, is left ungraded (NaN).
    """
    from casekit.course.cohort.demo_cohort import demo_plans

    lib = library or CaseLibrary.load()
    rows, plans = [], {}
    for case_id in sorted(c for c in lib.cases if c in lib.keys):
        case, key = lib.case(case_id), lib.key(case_id)
        plans[case_id] = demo_plans(case_id, learners, seed=seed, library=lib)
        maxima = {c.id: float(c.points) for c in key.rubric}
        for learner, plan in plans[case_id].items():
            got = {r.id: r.points for r in score(plan, case, key, lib)}
            for criterion, top in maxima.items():
                rows.append([learner, case_id, _setting(lib, case_id), criterion, TITLES.get(criterion, criterion),
                             float(got[criterion]) if criterion in got else np.nan, top])
    return pd.DataFrame(rows, columns=COLUMNS), plans


# --------------------------------------------------------------------------- tables


def _one(scores: pd.DataFrame, assignment: str) -> pd.DataFrame:
    part = scores[scores["assignment"] == assignment]
    if part.empty:
        raise CourseError(f"no graded learners for {assignment!r}; run `casekit course grade {assignment}` first")
    return part


def learner_totals(scores: pd.DataFrame, assignment: str) -> pd.DataFrame:
    """One row per learner: points on the graded criteria, their maximum, the percent, and criteria still to grade."""
    part = _one(scores, assignment)
    graded = part.dropna(subset=["points"])
    out = graded.groupby("learner").agg(points=("points", "sum"), max=("max", "sum"))
    out["percent"] = (100 * out["points"] / out["max"]).round(1)
    out["to_grade"] = part[part["points"].isna()].groupby("learner").size().reindex(out.index, fill_value=0)
    return out.reset_index().sort_values(["percent", "learner"], ascending=[False, True], ignore_index=True)


def criterion_matrix(scores: pd.DataFrame, assignment: str) -> pd.DataFrame:
    """Learner x criterion: the share (0 to 1) of each criterion's points earned, NaN where not graded yet."""
    part = _one(scores, assignment).copy()
    part["share"] = part["points"] / part["max"]
    order = list(dict.fromkeys(part["criterion"]))
    matrix = part.pivot_table(index="learner", columns="criterion", values="share", aggfunc="first", dropna=False)
    matrix = matrix.reindex(columns=order)
    return matrix.loc[matrix.mean(axis=1).sort_values(ascending=False).index]


def criteria_losses(scores: pd.DataFrame, assignment: str, leave_out: list[str] | tuple[str, ...] = ()) -> pd.DataFrame:
    """Per criterion: points lost by the cohort (total, and mean per learner graded on it), the share of the
    criterion's points lost, and how many learners lost any; the most lost first.

    ``leave_out``: learners whose plan file is missing or unreadable: their zeros say nothing about
    where the cohort's casework falls short, so they would skew the ranking."""
    part = _one(scores, assignment).dropna(subset=["points"]).copy()
    part = part[~part["learner"].isin(list(leave_out))]
    part["lost"] = part["max"] - part["points"]
    out = part.groupby(["criterion", "title"], sort=False).agg(
        max=("max", "first"), total_lost=("lost", "sum"), mean_lost=("lost", "mean"),
        learners_losing=("lost", lambda s: int((s > 1e-9).sum())), learners=("learner", "nunique"))
    out["share_lost"] = (out["mean_lost"] / out["max"]).round(3)
    out["mean_lost"] = out["mean_lost"].round(2)
    out["total_lost"] = out["total_lost"].round(2)
    # Ranked by the points the whole cohort lost: a criterion graded for two learners so far cannot top the list.
    return out.reset_index().sort_values(["total_lost", "share_lost"], ascending=False, ignore_index=True)


def by_setting(scores: pd.DataFrame) -> pd.DataFrame:
    """Setting x criterion: the mean share of the criterion's points earned, over every graded assignment."""
    part = scores.dropna(subset=["points"]).copy()
    part["share"] = part["points"] / part["max"]
    table = part.pivot_table(index="setting", columns="criterion", values="share", aggfunc="mean")
    order = [c for c in dict.fromkeys(scores["criterion"]) if c in table.columns]
    return table.reindex(columns=order).round(3)


def graded_by_setting(scores: pd.DataFrame) -> pd.DataFrame:
    """Setting x criterion: how many scores each mean of :func:`by_setting` rests on."""
    part = scores.dropna(subset=["points"])
    table = part.pivot_table(index="setting", columns="criterion", values="points", aggfunc="count")
    order = [c for c in dict.fromkeys(scores["criterion"]) if c in table.columns]
    return table.reindex(columns=order).fillna(0).astype(int)


def course_plans(course: Course, assignment: str, learners: list[str]) -> dict[str, Plan | None]:
    """Each learner's plan file as submitted (None where it is missing or cannot be read)."""
    return {name: read_submitted_plan(assignment, course.submission(name, assignment) / plan_file(assignment))[0]
            for name in learners}


def missed_critical_needs(plans: dict[str, Plan | None], assignment: str, library: CaseLibrary | None = None) -> pd.DataFrame:
    """Learners whose plan missed a critical or immediate need of the case (at intake), and which ones.

    Only readable plans are judged: a missing or unreadable plan file says nothing about what the
    learner found (see :func:`unreadable_plans`). Learners who found every one are not listed.
    """
    lib = library or CaseLibrary.load()
    key = lib.key(assignment)
    urgent = [n for n in key.needs if n.after_event is None and n.severity in URGENT]
    rows = []
    for learner, plan in sorted(plans.items()):
        if plan is None:
            continue
        found = set(plan.as_initially_saved().need_ids())
        missed = [n for n in urgent if not any(i in found for i in n.ids)]  # an accepted alternative finds it
        if missed:
            titles = [f"{lib.needs[n.need].title if n.need in lib.needs else n.need} ({n.severity.value})" for n in missed]
            rows.append({"learner": learner, "missed": len(missed), "of": len(urgent), "needs": "; ".join(titles)})
    return pd.DataFrame(rows, columns=["learner", "missed", "of", "needs"])


def unreadable_plans(plans: dict[str, Plan | None]) -> list[str]:
    """Learners whose plan file is missing or cannot be read: to ask for, not to count as missed needs."""
    return sorted(learner for learner, plan in plans.items() if plan is None)


# --------------------------------------------------------------------------- figures


def png(fig: Figure, dpi: int = 110) -> bytes:
    """The figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return buf.getvalue()


# Heatmaps use cividis: dark blue (none of the points) to yellow (all), even in lightness, so a
# reader with red-green colour blindness, or a grey printout, reads the same order. Every cell
# has its number written in, so no value rests on colour alone; grey marks "still to grade".
HEATMAP = "cividis"
TO_GRADE = "#d9d9d9"


def _ink(value: float) -> str:
    """Text colour readable on the cividis colour of ``value`` (0..1): white on the dark half."""
    return "white" if value < 0.55 else "black"


def _write_values(ax, table: pd.DataFrame, labels=None, fontsize: float = 8) -> None:
    for i in range(table.shape[0]):
        for j in range(table.shape[1]):
            value = table.iat[i, j]
            if pd.isna(value):
                ax.text(j, i, "to grade", ha="center", va="center", color="#333", fontsize=fontsize - 1)
                continue
            label = labels(i, j, value) if labels else f"{100 * value:.0f}"
            ax.text(j, i, label, ha="center", va="center", color=_ink(value), fontsize=fontsize if "\n" not in label else fontsize - 1)


def _empty(fig: Figure, message: str) -> Figure:
    ax = fig.subplots()
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True)
    ax.axis("off")
    return fig


def distribution_figure(totals: pd.DataFrame, assignment: str) -> Figure:
    """Histogram of the learners' totals (percent of the graded points), with the median marked."""
    fig = Figure(figsize=(7.5, 3.6))
    if totals.empty:
        return _empty(fig, "No graded learners yet.")
    ax = fig.subplots()
    ax.hist(totals["percent"], bins=list(range(0, 105, 5)), color="#4878a8", edgecolor="white")
    median = float(totals["percent"].median())
    ax.axvline(median, color="#c0504d", linestyle="--", linewidth=1.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, ax.get_ylim()[1] * 1.15)
    ax.text(median, ax.get_ylim()[1] * 0.97, f"median {median:.0f}%", color="#c0504d", va="top", ha="center",
            fontsize=9, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
    ax.set_xlim(0, 100)
    ax.set_xlabel("total, % of the points graded so far")
    ax.set_ylabel("learners")
    ax.set_title(f"Score distribution: {assignment} ({len(totals)} learners)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def heatmap_figure(matrix: pd.DataFrame, assignment: str) -> Figure:
    """Learner x criterion heatmap of the share of points earned; grey where a person has yet to grade."""
    rows, cols = matrix.shape
    fig = Figure(figsize=(max(6.5, 0.55 * cols + 3), max(3.0, 0.24 * rows + 1.8)))
    if matrix.empty:
        return _empty(fig, "No graded learners yet.")
    ax = fig.subplots()
    data = np.ma.masked_invalid(matrix.to_numpy(dtype=float))
    from matplotlib import colormaps

    cmap = colormaps[HEATMAP].with_extremes(bad=TO_GRADE)
    image = ax.imshow(data, aspect="auto", cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
    _write_values(ax, matrix, fontsize=6.5 if rows > 25 else 7.5)
    ax.set_xticks(range(cols), [TITLES.get(c, c) for c in matrix.columns], rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(rows), list(matrix.index), fontsize=7 if rows > 25 else 8)
    ax.set_title(f"% of each criterion's points, by learner: {assignment}", fontsize=10)
    bar = fig.colorbar(image, ax=ax, fraction=0.035, pad=0.02)
    bar.set_label("share of the criterion's points (grey: still to grade)")
    return fig


def losses_figure(losses: pd.DataFrame, assignment: str) -> Figure:
    """Horizontal bars: points the cohort lost on each criterion, the most lost on top."""
    fig = Figure(figsize=(7.5, 0.38 * max(len(losses), 1) + 1.3))
    if losses.empty:
        return _empty(fig, "No graded criteria yet.")
    ax = fig.subplots()
    data = losses.iloc[::-1]
    bars = ax.barh(data["title"], data["total_lost"], color="#c0504d")
    for bar, (_, row) in zip(bars, data.iterrows()):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2,
                f"  {row['learners_losing']}/{row['learners']} learners lost some; {100 * row['share_lost']:.0f}% of its points lost",
                va="center", fontsize=8, color="#444")
    ax.set_xlabel("points lost, whole cohort")
    ax.set_xlim(0, max(float(losses["total_lost"].max()) * 1.9, 0.1))
    ax.set_title(f"Where the cohort loses points: {assignment}", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def settings_figure(table: pd.DataFrame, graded: pd.DataFrame | None = None) -> Figure:
    """Setting x criterion heatmap of the mean share of points earned, with the values written in.

    With ``graded`` (from :func:`graded_by_setting`), a mean resting on fewer scores than the
    setting's best-graded criterion says how many, so a progress note graded for two learners
    does not read as the whole cohort's.
    """
    fig = Figure(figsize=(max(7.0, 0.75 * table.shape[1] + 3.5), 0.55 * max(table.shape[0], 1) + 2.2))
    if table.empty:
        return _empty(fig, "No graded assignments yet.")
    ax = fig.subplots()
    from matplotlib import colormaps

    cmap = colormaps[HEATMAP].with_extremes(bad=TO_GRADE)
    data = np.ma.masked_invalid(table.to_numpy(dtype=float))
    image = ax.imshow(data, aspect="auto", cmap=cmap, vmin=0, vmax=1)

    def label(i, j, value):
        text = f"{100 * value:.0f}"
        if graded is not None:
            count, most = graded.loc[table.index[i]], graded.loc[table.index[i]].max()
            if count[table.columns[j]] < most:
                text += f"\n({count[table.columns[j]]} of {most}\ngraded)"
        return text

    _write_values(ax, table, label)
    ax.set_xticks(range(table.shape[1]), [TITLES.get(c, c) for c in table.columns], rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(table.shape[0]), list(table.index), fontsize=8)
    ax.set_title("Mean % of each criterion's points, by setting (every graded assignment)", fontsize=10)
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    return fig


def save_pngs(figures: dict[str, Figure], folder: Path | str) -> list[Path]:
    """Write each figure as ``<name>.png`` in ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, fig in figures.items():
        path = folder / f"{name}.png"
        path.write_bytes(png(fig))
        paths.append(path)
    return paths
