"""One scorer for every front end: practice, the mock exam and nbgrader quizzes.

An answer is a letter A-D or nothing; an item scores 1 when the answer is its key. Domain scores
group items by their ccm-2025 domain in the blueprint's order.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from casekit.errors import CasekitError
from casekit.exam.bank import LETTERS, Item
from casekit.exam.blueprint import Outline


class AnswerError(CasekitError):
    """An answer that is not one of the letters A-D."""


def check_letter(letter: str | None, item_id: str) -> str | None:
    """``'b'`` -> ``'B'``; None stays None (unanswered); anything else is refused by name."""
    if letter is None or letter == "":
        return None
    value = str(letter).strip().upper()
    if value not in LETTERS:
        raise AnswerError(f"item {item_id}: {letter!r} is not an option; answer with one of A, B, C, D")
    return value


@dataclass(frozen=True)
class ItemResult:
    item: Item
    chosen: str | None

    @property
    def correct(self) -> bool:
        return self.chosen == self.item.key


def score_items(items: list[Item], answers: dict[str, str | None]) -> list[ItemResult]:
    """The result of each item, in the order given; an item with no answer is wrong."""
    return [ItemResult(it, check_letter(answers.get(it.id), it.id)) for it in items]


def fraction_correct(results: list[ItemResult]) -> float:
    """Share of items answered correctly, as a plain float (nbgrader reads it as the cell's score)."""
    return float(sum(r.correct for r in results)) / len(results) if results else 0.0


def domain_scores(results: list[ItemResult], outline: Outline) -> pd.DataFrame:
    """One row per domain of ``outline``: correct, items and percent (None where a domain had no item)."""
    rows = []
    for d in outline.domains:
        mine = [r for r in results if r.item.domain == d.id]
        correct = sum(r.correct for r in mine)
        rows.append({"domain": d.id, "title": d.title, "weight": d.weight, "weight_status": d.weight_status,
                     "correct": correct, "items": len(mine),
                     "percent": round(100.0 * correct / len(mine), 1) if mine else None})
    return pd.DataFrame(rows)


def domain_chart(scores: pd.DataFrame, title: str = "Percent correct by domain"):
    """A horizontal bar per domain; domains with no scored item are left empty."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 0.5 * len(scores) + 1.2))
    labels = [f"{t} ({c}/{n})" for t, c, n in zip(scores["title"], scores["correct"], scores["items"])]
    ax.barh(labels, scores["percent"].fillna(0), color="#3b6ea8")
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("percent correct")
    ax.set_title(title)
    fig.tight_layout()
    plt.close(fig)
    return fig
