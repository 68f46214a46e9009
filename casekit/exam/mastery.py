"""Domain mastery over time, from the learner's exam history (practice and scored mock answers).

Mastery in a domain on a day is the share of the items answered in that domain, up to and including
that day, whose latest answer was right: an item missed and later answered right counts as mastered.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from casekit.exam.blueprint import Blueprint, load_blueprint
from casekit.exam.store import STORE_NAME, ExamStore


def answer_history(folder: Path | str = ".") -> pd.DataFrame:
    """Every recorded answer (item, domain, mode, correct, day); empty when the learner has not started."""
    path = Path(folder) / STORE_NAME
    cols = ["item_id", "domain", "mode", "correct", "answered_at", "day"]
    if not path.exists():
        return pd.DataFrame(columns=cols)
    store = ExamStore(path=path)
    try:
        rows = [dict(r) for r in store.rows("SELECT item_id, domain, mode, correct, answered_at FROM answers ORDER BY answered_at, answer_id")]
    finally:
        store.close()
    df = pd.DataFrame(rows, columns=cols[:-1])
    df["day"] = df["answered_at"].str[:10]
    return df


def mastery_over_time(folder: Path | str = ".", blueprint: Blueprint | None = None) -> pd.DataFrame:
    """One row per day with answers and per domain: items seen so far, mastered so far, percent."""
    history = answer_history(folder)
    blueprint = blueprint or load_blueprint()
    cols = ["day", "domain", "title", "seen", "mastered", "percent"]
    if history.empty:
        return pd.DataFrame(columns=cols)
    titles = {d.id: d.title for d in blueprint.current.domains}
    rows = []
    for day in sorted(history["day"].unique()):
        latest = history[history["day"] <= day].groupby("item_id").tail(1)
        for domain in blueprint.current.ids:
            mine = latest[latest["domain"] == domain]
            if mine.empty:
                continue
            mastered = int(mine["correct"].sum())
            rows.append({"day": day, "domain": domain, "title": titles[domain], "seen": len(mine),
                         "mastered": mastered, "percent": round(100.0 * mastered / len(mine), 1)})
    return pd.DataFrame(rows, columns=cols)


def mastery_now(folder: Path | str = ".", blueprint: Blueprint | None = None) -> pd.DataFrame:
    """The latest row per domain of :func:`mastery_over_time`, in blueprint order."""
    over = mastery_over_time(folder, blueprint)
    if over.empty:
        return over
    return over.groupby("domain", sort=False).tail(1).reset_index(drop=True)


def mastery_chart(over: pd.DataFrame):
    """Percent mastered per domain by day, one line per domain."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.5))
    if over.empty:
        ax.text(0.5, 0.5, "No exam practice yet: answer a few items in 50_exam_practice.", ha="center", va="center")
        ax.set_axis_off()
    else:
        for title, g in over.groupby("title", sort=False):
            ax.plot(g["day"], g["percent"], marker="o", label=title)
        ax.set_ylim(0, 100)
        ax.set_ylabel("percent mastered")
        ax.legend(fontsize=7, loc="lower right")
        ax.set_title("Exam practice: domain mastery over time")
        fig.autofmt_xdate()
    fig.tight_layout()
    plt.close(fig)
    return fig


EXAM_NOTEBOOKS = (("50_exam_practice.ipynb", "practice by domain or case step"),
                  ("51_mock_exam.ipynb", "the timed CCM-format mock exam"),
                  ("52_acm_simulation.ipynb", "ACM-style simulation on the kit's cases"))


def exam_menu(folder: Path | str = "."):
    """Links to the exam notebooks and, beside them, the learner's mastery per domain so far."""
    from IPython.display import HTML

    from casekit.casework.widgets.base import esc

    links = "".join(f"<li><a href='{n}'>{n}</a>: {esc(what)}</li>" for n, what in EXAM_NOTEBOOKS)
    now = mastery_now(folder)
    if now.empty:
        status = "<p>Exam practice: not started.</p>"
    else:
        status = "<p>Exam practice, mastered so far:</p><ul>" + "".join(
            f"<li>{esc(r.title)}: {r.mastered}/{r.seen} ({r.percent:.0f}%)</li>" for r in now.itertuples()) + "</ul>"
    return HTML(f"<ul>{links}</ul>{status}")
