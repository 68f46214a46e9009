"""The cohort report: one self-contained HTML file an instructor can open, keep or share.

The score distribution, the learner x criterion heatmap, the criteria the cohort loses most
on, the comparison across settings and the learners who missed a critical need, each chart
embedded as a PNG (the file needs nothing else). Learner ids are shown as they are in the
gradebook: share the file only with people who may see the grades.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from casekit import __version__
from casekit.cases.library import CaseLibrary
from casekit.course.cohort import analytics
from casekit.course.config import Course, CourseError
from casekit.casework.plan import Plan

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 72em; color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #666; font-size: 0.9em; } img.chart { max-width: 100%; border: 1px solid #ddd; margin: 0.4em 0; }
"""


@dataclass
class CohortAnalysis:
    """Everything the report shows for one assignment (``scores`` covers every assignment, for the settings view)."""

    assignment: str
    scores: pd.DataFrame
    totals: pd.DataFrame
    matrix: pd.DataFrame
    losses: pd.DataFrame
    settings: pd.DataFrame
    settings_graded: pd.DataFrame
    missed: pd.DataFrame
    unreadable: list[str]
    """Learners whose plan file is missing or unreadable: not judged on the needs they found."""
    course_root: Path | None = None
    """The course it was read from; None for the demo."""
    title: str = ""
    """The case's title and setting, as learners saw them."""

    def figures(self) -> dict[str, Figure]:
        return {
            "distribution": analytics.distribution_figure(self.totals, self.assignment),
            "heatmap": analytics.heatmap_figure(self.matrix, self.assignment),
            "losses": analytics.losses_figure(self.losses, self.assignment),
            "settings": analytics.settings_figure(self.settings, self.settings_graded),
        }


def analyse(scores: pd.DataFrame, assignment: str, plans: dict[str, Plan | None],
            library: CaseLibrary | None = None) -> CohortAnalysis:
    """The analysis of ``assignment`` from a tidy score table and the learners' plans as submitted."""
    lib = library or CaseLibrary.load()
    unreadable = analytics.unreadable_plans(plans)
    return CohortAnalysis(
        assignment=assignment,
        scores=scores,
        totals=analytics.learner_totals(scores, assignment),
        matrix=analytics.criterion_matrix(scores, assignment),
        losses=analytics.criteria_losses(scores, assignment, leave_out=unreadable),
        settings=analytics.by_setting(scores),
        settings_graded=analytics.graded_by_setting(scores),
        missed=analytics.missed_critical_needs(plans, assignment, lib),
        unreadable=unreadable,
        title=_case_title(lib, assignment),
    )


def _case_title(lib: CaseLibrary, assignment: str) -> str:
    if assignment not in lib.cases:
        return ""
    case = lib.case(assignment)
    return f"{case.title} ({case.setting.label})"


def analyse_course(course: Course, assignment: str, library: CaseLibrary | None = None) -> CohortAnalysis:
    """The analysis of ``assignment`` as graded in the course's gradebook."""
    lib = library or CaseLibrary.load()
    course.require_assignment(assignment)
    scores = analytics.cohort_scores(course, library=lib)
    if scores[scores["assignment"] == assignment].empty:
        raise CourseError(f"no graded learners for {assignment!r}; run `casekit course grade {assignment}` first")
    learners = sorted(scores.loc[scores["assignment"] == assignment, "learner"].unique())
    analysis = analyse(scores, assignment, analytics.course_plans(course, assignment, learners), lib)
    analysis.course_root = course.root
    return analysis


def _e(x) -> str:
    return html.escape(str(x))


def _img(fig: Figure, alt: str) -> str:
    data = base64.b64encode(analytics.png(fig)).decode("ascii")
    return f'<img class="chart" alt="{_e(alt)}" src="data:image/png;base64,{data}">'


# Each chart's text alternative, the same in the report file and the notebook.
ALTS = {
    "distribution": "Histogram of learners' total scores in percent, with the median marked",
    "heatmap": "Heatmap of learners (rows) by rubric criteria (columns); each cell gives the percent of the criterion's points earned",
    "losses": "Bar chart of the points the cohort lost on each criterion, with the figures in the table below",
    "settings": "Heatmap of settings by criteria; each cell gives the mean percent of the criterion's points earned",
}

# The tables' columns in words an instructor reads (the data frames keep short names for code).
LOSS_COLUMNS = {"title": "criterion", "max": "max points", "total_lost": "points lost, whole cohort",
                "mean_lost": "lost per learner", "share_lost": "% of its points lost",
                "learners_losing": "learners who lost some", "learners": "learners graded"}
MISSED_COLUMNS = {"needs": "critical or immediate needs missed"}
TOTAL_COLUMNS = {"learner": "learner", "points": "points", "max": "max (graded so far)", "percent": "%",
                 "to_grade": "scores still to grade"}


def _losses_for_reading(losses: pd.DataFrame) -> pd.DataFrame:
    table = losses[list(LOSS_COLUMNS)].copy()
    table["share_lost"] = (100 * table["share_lost"]).round(0)
    return table.rename(columns=LOSS_COLUMNS)


def _table(df: pd.DataFrame, numeric: tuple[str, ...] = ()) -> str:
    if df.empty:
        return "<p class='muted'>None.</p>"
    head = "".join(f"<th>{_e(c)}</th>" for c in df.columns)
    body = []
    for row in df.itertuples(index=False):
        cells = []
        for col, value in zip(df.columns, row):
            text = "" if pd.isna(value) else (f"{value:g}" if isinstance(value, float) else value)
            cells.append(f"<td class='num'>{_e(text)}</td>" if col in numeric else f"<td>{_e(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _unreadable_sentence(learners: list[str]) -> str:
    if not learners:
        return ""
    return (f"; {len(learners)} plan file(s) are missing or unreadable and are counted neither as missed needs "
            "nor in where points are lost")


def _unreadable_list(learners: list[str]) -> str:
    if not learners:
        return ""
    return (f"<p><b>Plan file missing or unreadable</b> ({len(learners)}): {_e(', '.join(learners))}. "
            "Ask these learners for their plan file; their totals stand as graded.</p>")


def report_html(analysis: CohortAnalysis, *, source: str = "") -> str:
    """The report as HTML text."""
    a = analysis
    figures = a.figures()
    totals = a.totals
    pending = int(totals["to_grade"].sum()) if not totals.empty else 0
    worst = a.losses.head(3)
    worst_text = "; ".join(f"{r.title} ({r.mean_lost:g} points lost per learner)" for r in worst.itertuples()) or "none"
    settings = sorted(a.scores["setting"].unique())
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    median = f"{totals['percent'].median():.0f}%" if not totals.empty else "n/a"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Cohort report: {_e(a.assignment)}</title>
<style>{_CSS}</style></head><body>
<h1>Cohort report: {_e(a.assignment)}</h1>
{f'<p class="muted">{_e(a.title)}</p>' if a.title else ''}
<p>{len(totals)} learner(s) graded; median total {median} of the points graded so far.
Most points are lost on: {_e(worst_text)}.
{len(a.missed)} learner(s) missed at least one critical or immediate need{_unreadable_sentence(a.unreadable)}.<br>
<span class="muted">{pending} criterion score(s) still wait for a person (the progress note in formgrader); they
are left out of totals and shown grey, never counted as 0.</span></p>

<h2>Score distribution</h2>
{_img(figures["distribution"], ALTS["distribution"])}

<h2>Learner by criterion</h2>
<p class="muted">Each cell is the % of that criterion's points the learner earned, written in the cell: yellow all,
dark blue none (a scale that reads the same to colour-blind readers and in grey print); grey "to grade" waits for a person.</p>
{_img(figures["heatmap"], ALTS["heatmap"])}

<h2>Where the cohort loses points</h2>
{_img(figures["losses"], ALTS["losses"])}
{_table(_losses_for_reading(a.losses), tuple(LOSS_COLUMNS.values())[1:])}

<h2>Across settings</h2>
<p class="muted">Every assignment graded in this gradebook, grouped by the setting of its case
({len(settings)} setting(s): {_e(', '.join(settings))}). A criterion a case does not grade is grey.</p>
{_img(figures["settings"], ALTS["settings"])}

<h2>Learners who missed a critical need</h2>
<p class="muted">Read from each plan file as submitted: the case's critical and immediate needs at intake that
the plan does not name. A missing or unreadable plan file is listed apart: it shows nothing about what the learner found.</p>
{_table(a.missed.rename(columns=MISSED_COLUMNS), ("missed", "of"))}
{_unreadable_list(a.unreadable)}

<h2>Every learner</h2>
{_table(a.totals.rename(columns=TOTAL_COLUMNS), tuple(TOTAL_COLUMNS.values())[1:])}

<p class="muted">Made {made} by casekit {__version__}{' from ' + _e(source) if source else ''}. Learner ids are as in the
gradebook: share this file only with people who may see the grades.</p>
</body></html>
"""


def write_report(analysis: CohortAnalysis, to: Path | str, *, source: str = "", png_dir: Path | str | None = None) -> Path:
    """Write the HTML report to ``to`` (and each chart as a PNG into ``png_dir``, if given)."""
    to = Path(to)
    if to.suffix.lower() not in (".html", ".htm"):
        raise CourseError(f"{to}: the report is HTML; give a file name ending in .html")
    to.parent.mkdir(parents=True, exist_ok=True)
    to.write_text(report_html(analysis, source=source), encoding="utf-8")
    if png_dir is not None:
        analytics.save_pngs(analysis.figures(), png_dir)
    return to


def default_path(course: Course, assignment: str) -> Path:
    """Where ``casekit course report`` writes unless told: ``exports/<assignment>-report.html`` in the course."""
    return course.root / "exports" / f"{assignment}-report.html"


def demo_analysis(assignment: str | None = None, learners: int = 16, library: CaseLibrary | None = None) -> CohortAnalysis:
    """The analysis of a fictional cohort scored by the rubric on every case (no grading run needed)."""
    lib = library or CaseLibrary.load()
    scores, plans = analytics.demo_scores(learners, library=lib)
    assignment = assignment or sorted(plans)[0]
    if assignment not in plans:
        raise CourseError(f"no case {assignment!r} with a key; known: {', '.join(sorted(plans))}")
    return analyse(scores, assignment, plans[assignment], lib)


def open_for_notebook(demo: bool = True, course: Path | str | None = None, assignment: str | None = None,
                      learners: int = 16) -> CohortAnalysis:
    """What the instructor notebook shows: the demo cohort, or a real course's grades.

    With ``demo=False`` the course in ``course`` (default: the kit's ``graders/``) is read; its
    first graded assignment unless ``assignment`` is given. A course with no grades yet says so
    and shows the demo instead, so the notebook always runs.
    """
    if not demo:
        c = Course.open(course)
        try:
            scores = analytics.cohort_scores(c)
        except CourseError as exc:
            scores, why = None, str(exc)
        else:
            why = f"no learner of {c.root} has been graded yet"
        if scores is not None and not scores.empty:
            chosen = assignment or sorted(scores["assignment"].unique())[0]
            analysis = analyse_course(c, chosen)
            print(f"Grades of {chosen} from {c.root.name}/ ({len(analysis.totals)} learners).")
            return analysis
        print(f"No grades to show: {why}. Run this again after grading; meanwhile, here is the demo cohort.")
    analysis = demo_analysis(assignment, learners)
    print(f"DEMO cohort: {learners} fictional learners per case, scored by the rubric (no grading run). "
          f"Showing {analysis.assignment}.")
    return analysis


def show(analysis: CohortAnalysis, name: str):
    """One chart of the analysis, for display in a notebook: an image with its text alternative."""
    from IPython.display import HTML

    figures = analysis.figures()
    if name not in figures:
        raise CourseError(f"no chart {name!r}; choose one of {', '.join(figures)}")
    return HTML(_img(figures[name], ALTS[name]))


def save(analysis: CohortAnalysis) -> Path:
    """Write the report where it belongs: the course's ``exports/`` folder, or a temporary folder for the demo."""
    if analysis.course_root is None:
        import tempfile

        to = Path(tempfile.mkdtemp(prefix="casekit-demo-report-")) / f"{analysis.assignment}-report.html"
        source = "a fictional demo cohort"
    else:
        to = default_path(Course.open(analysis.course_root), analysis.assignment)
        source = f"the gradebook of {analysis.course_root.name}/"
    return write_report(analysis, to, source=source)
