"""The learner's "check my plan": rubric results as a table with a total, and a small chart."""

from __future__ import annotations

import pandas as pd

from casekit.casework.rubric import CriterionResult, total
from casekit.casework.widgets.base import esc


def results_table(results: list[CriterionResult]) -> pd.DataFrame:
    """One row per criterion plus a total row: criterion, points, max, feedback."""
    rows = [{"criterion": r.title, "points": r.points, "max": r.max, "feedback": r.feedback} for r in results]
    got, most = total(results)
    rows.append({"criterion": "Total", "points": got, "max": most, "feedback": f"{100 * got / most:.0f}% of the code-graded points" if most else ""})
    return pd.DataFrame(rows)


def results_chart(results: list[CriterionResult]):
    """Horizontal bars: points earned against the maximum, per criterion."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 0.35 * len(results) + 1))
    labels = [r.title for r in results][::-1]
    ax.barh(labels, [r.max for r in results][::-1], color="#e3e3e3", label="available")
    ax.barh(labels, [r.points for r in results][::-1], color="#2b7bb9", label="earned")
    ax.set_xlabel("points")
    ax.legend(loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def styled_results(results: list[CriterionResult]):
    """The results table styled for a notebook: full width, text left, comments wrapping.

    JupyterLab lays out output tables at a fixed, narrow width and right-aligns every cell,
    which squeezes a supervisor's comment into a column a few words wide.
    """
    text = {"text-align": "left", "white-space": "normal"}
    return (
        results_table(results).style
        .format({"criterion": esc, "points": "{:.2f}", "max": "{:.0f}", "feedback": esc})
        .hide(axis="index")
        .set_table_attributes('style="width:100%; table-layout:auto"')
        .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
        .set_properties(subset=["criterion"], **text, **{"min-width": "12em"})
        .set_properties(subset=["feedback"], **text, width="60%")
        .set_properties(subset=["points", "max"], **{"text-align": "right", "white-space": "nowrap"})
    )


def show_results(results: list[CriterionResult]) -> None:
    """Display the table and the chart (in a notebook or an Output widget)."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    display(styled_results(results))
    fig = results_chart(results)
    display(fig)
    plt.close(fig)
