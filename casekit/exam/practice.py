"""Practice: answer items with the rationale shown after each answer; misses come back for review.

Scheduling is FSRS (the ``fsrs`` library): a wrong answer is rated Again, a right one Good, and the
card's next due time is stored in the learner's ``exam.sqlite``, so practice resumes after a kernel
restart. The next item is the most overdue review in the selection, else an item not seen yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from fsrs import Card, Rating, Scheduler

from casekit.errors import CasekitError
from casekit.exam.bank import Bank, Item, load_bank
from casekit.exam.blueprint import Blueprint, load_blueprint
from casekit.exam.scoring import check_letter
from casekit.exam.selection import SelectionError, select_items  # noqa: F401 (SelectionError is part of this API)
from casekit.exam.store import ExamStore, iso, parse, utcnow


@dataclass(frozen=True)
class Feedback:
    item: Item
    chosen: str
    due: datetime

    @property
    def correct(self) -> bool:
        return self.chosen == self.item.key

    def text(self) -> str:
        head = "Correct." if self.correct else f"Not quite: the answer is {self.item.key}."
        lines = [head]
        for letter, rationale in self.item.rationales.items():
            mark = "key" if letter == self.item.key else ("your answer" if letter == self.chosen else "")
            lines.append(f"{letter}{' (' + mark + ')' if mark else ''}: {rationale}")
        return "\n".join(lines)


class Practice:
    """Practice on the items of chosen domains, or of one case and step."""

    def __init__(self, folder: Path | str = ".", *, domains: list[str] | None = None, case: str | None = None,
                 step: str | None = None, bank: Bank | None = None, blueprint: Blueprint | None = None,
                 store: ExamStore | None = None, now: Callable[[], datetime] = utcnow):
        self.blueprint = blueprint or load_blueprint()
        self.bank = bank if bank is not None else load_bank(blueprint=self.blueprint)
        self.store = store or ExamStore(folder)
        self.now = now
        self.scheduler = Scheduler(enable_fuzzing=False)
        self.items = select_items(self.bank, domains=domains, case=case, step=step, blueprint=self.blueprint)

    # ------------------------------------------------------------------ state

    def _cards(self) -> dict[str, tuple[Card, datetime]]:
        ids = {i.id for i in self.items}
        return {r["item_id"]: (Card.from_json(r["card"]), parse(r["due"]))
                for r in self.store.rows("SELECT item_id, card, due FROM cards") if r["item_id"] in ids}

    def due_reviews(self) -> list[Item]:
        """Items seen before and due now, most overdue first."""
        now = self.now()
        cards = self._cards()
        due = sorted((d, i) for i, (_, d) in cards.items() if d <= now)
        by_id = {i.id: i for i in self.items}
        return [by_id[i] for _, i in due]

    def unseen(self) -> list[Item]:
        cards = self._cards()
        return [i for i in self.items if i.id not in cards]

    def next_item(self) -> Item | None:
        """The next item to answer, or None when nothing is due and every item has been seen."""
        due = self.due_reviews()
        if due:
            return due[0]
        fresh = self.unseen()
        return fresh[0] if fresh else None

    def next_due(self) -> datetime | None:
        cards = self._cards()
        return min((d for _, d in cards.values()), default=None)

    # ------------------------------------------------------------------ answering

    def answer(self, item_id: str, letter: str) -> Feedback:
        """Record the answer, reschedule the item, and return the feedback with every rationale."""
        item = self.bank.item(item_id)
        chosen = check_letter(letter, item_id)
        if chosen is None:
            raise CasekitError(f"item {item_id}: choose one of A, B, C, D before answering")
        now = self.now()
        existing = self.store.rows("SELECT card FROM cards WHERE item_id = ?", item_id)
        card = Card.from_json(existing[0]["card"]) if existing else Card()
        card, _ = self.scheduler.review_card(card, Rating.Good if chosen == item.key else Rating.Again, now)
        with self.store.transaction() as db:
            db.execute("INSERT INTO answers (item_id, domain, mode, chosen, correct, answered_at) VALUES (?, ?, 'practice', ?, ?, ?)",
                       (item.id, item.domain, chosen, int(chosen == item.key), iso(now)))
            db.execute("INSERT INTO cards (item_id, card, due) VALUES (?, ?, ?) "
                       "ON CONFLICT (item_id) DO UPDATE SET card = excluded.card, due = excluded.due",
                       (item.id, card.to_json(), iso(card.due)))
        return Feedback(item, chosen, card.due)

    def status(self) -> str:
        due, fresh = len(self.due_reviews()), len(self.unseen())
        text = f"{len(self.items)} items in this selection: {due} due for review, {fresh} not seen yet."
        if not due and not fresh and self.items:
            nxt = self.next_due()
            text += f" Nothing is due now; the next review is due {nxt:%Y-%m-%d %H:%M} UTC."
        return text
