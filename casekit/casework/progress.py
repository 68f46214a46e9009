"""A learner's progress across cases: latest score per case, and where points are lost."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from casekit.cases.library import CaseLibrary
from casekit.errors import CasekitError, PlanFileError
from casekit.casework.notebook_template import notebook_name, ordered_cases
from casekit.casework.plan import load_plan, plan_path
from casekit.casework.rubric import score


def progress_table(folder: Path | str = ".", library: CaseLibrary | None = None) -> pd.DataFrame:
    """One row per case: its notebook, your latest score (if you have a plan) and when you saved it.

    A plan file that cannot be read or scored is one row saying why and how to fix it; the other cases are unaffected.
    """
    lib = library or CaseLibrary.load()
    rows = []
    for case in ordered_cases(lib):
        row: dict[str, object] = {"case": case.id, "setting": case.setting.value, "notebook": notebook_name(case, lib),
               "points": None, "max": None, "percent": None, "saved": None, "status": "not started"}
        path = plan_path(case.id, folder)
        if path.exists():
            try:
                plan = load_plan(path)
            except PlanFileError as exc:
                row["status"] = f"plan file unreadable: {exc}"
            else:
                row["saved"] = plan.updated
                if case.id in lib.keys:
                    try:
                        results = score(plan, case, lib.keys[case.id], lib)
                    except CasekitError as exc:  # a plan naming things this kit does not know
                        row["status"] = f"plan file cannot be scored: {exc}"
                        rows.append(row)
                        continue
                    points = sum(r.points for r in results)
                    maximum = sum(r.max for r in results)
                    row.update(points=points, max=maximum, percent=round(100 * points / maximum, 1))
                    row["status"] = "revised after events" if plan.revisions else ("initial plan saved" if plan.initial_saved else "in progress")
                else:
                    row["status"] = "graded by your instructor"
        rows.append(row)
    return pd.DataFrame(rows)


def criteria_losses(folder: Path | str = ".", library: CaseLibrary | None = None) -> pd.DataFrame:
    """Points lost per criterion, summed over the cases you have started, most lost first."""
    lib = library or CaseLibrary.load()
    rows = []
    for case in ordered_cases(lib):
        path = plan_path(case.id, folder)
        if case.id not in lib.keys or not path.exists():
            continue
        try:
            plan = load_plan(path)
            results = score(plan, case, lib.keys[case.id], lib)
        except CasekitError:  # unreadable: progress_table says why, row by row
            continue
        for r in results:
            rows.append({"criterion": r.title, "case": case.id, "lost": r.max - r.points, "max": r.max})
    if not rows:
        return pd.DataFrame(columns=["criterion", "lost", "max", "cases"])
    df = pd.DataFrame(rows)
    out = df.groupby("criterion").agg(lost=("lost", "sum"), max=("max", "sum"), cases=("case", "nunique")).reset_index()
    return out.sort_values("lost", ascending=False, ignore_index=True)


# JupyterLab centres output tables and right-aligns their cells; these read better from the left.
_LEFT = [{"selector": "th, td", "props": [("text-align", "left")]}]


def progress_view(table: pd.DataFrame, library: CaseLibrary | None = None):
    """:func:`progress_table` as a learner reads it: case titles and settings in words, scores as
    "12.5 of 18 (69%)", a dash where there is nothing yet."""
    lib = library or CaseLibrary.load()
    cases = {c.id: c for c in lib.cases.values()}

    def score_text(r) -> str:
        return "-" if pd.isna(r.points) else f"{r.points:.1f} of {r.max:g} ({r.percent:.0f}%)"

    view = pd.DataFrame({
        "Case": [cases[c].title for c in table["case"]],
        "Setting": [cases[c].setting.label for c in table["case"]],
        "Notebook": table["notebook"],
        "Score": [score_text(r) for r in table.itertuples()],
        "Saved": [("-" if pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d %H:%M")) for v in table["saved"]],
        "Status": table["status"],
    })
    return view.style.hide(axis="index").set_table_styles(_LEFT).set_table_attributes(
        'style="margin-left:0; table-layout:auto"')


def losses_view(losses: pd.DataFrame):
    """:func:`criteria_losses` as a learner reads it, or a sentence when no case has a plan yet."""
    from IPython.display import HTML

    if losses.empty:
        return HTML("<p>No scored plans yet: work a case, then come back.</p>")
    view = losses.rename(columns={"criterion": "Criterion", "lost": "Points lost", "max": "Points possible",
                                  "cases": "Cases"})
    return (view.style.hide(axis="index").format({"Points lost": "{:.2f}", "Points possible": "{:g}"})
            .set_table_styles(_LEFT).set_table_attributes('style="margin-left:0; table-layout:auto"'))


def losses_chart(losses: pd.DataFrame):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 0.35 * max(len(losses), 1) + 1))
    if losses.empty:
        ax.text(0.5, 0.5, "No scored plans yet: work a case, then come back.", ha="center", va="center")
        ax.axis("off")
        return fig
    ax.barh(losses["criterion"][::-1], losses["lost"][::-1], color="#c0504d")
    ax.set_xlabel("points lost, all cases")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def case_menu(folder: Path | str = ".", library: CaseLibrary | None = None):
    """An HTML table of the cases with links to their notebooks and your status on each."""
    from IPython.display import HTML

    lib = library or CaseLibrary.load()
    table = progress_table(folder, lib)
    titles = {c.id: c.title for c in lib.cases.values()}
    labels = {c.id: c.setting.label for c in lib.cases.values()}
    # JupyterLab centres output tables, gives every column the same width and right-aligns the
    # cells; a list of names reads better from the left, each column as wide as it needs.
    td, th = "<td style='text-align:left'>", "<th style='text-align:left'>"
    rows = "".join(
        f"<tr>{td}<a href='{r.notebook}'>{r.notebook}</a></td>{td}{labels[r.case]}</td>{td}{titles[r.case]}</td>"
        f"{td}{r.status}{'' if pd.isna(r.percent) else f' ({r.percent:.0f}%)'}</td></tr>"
        for r in table.itertuples()
    )
    return HTML(
        f"<table style='margin-left:0; table-layout:auto'><tr>{th}Notebook</th>{th}Setting</th>{th}Case</th>{th}Your status</th></tr>" + rows + "</table>"
    )
