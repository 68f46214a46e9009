"""The timed mock exam in the CCM format.

``draw`` picks the scored items and the unscored pretest items to the blueprint's domain weights
(largest-remainder rounding), then shuffles them together: nothing the learner sees tells a
pretest item from a scored one. ``MockExam`` stores the start time and every answer and flag in
the learner's ``exam.sqlite`` as they happen, so the clock and the answers survive a kernel
restart or a crash; time left is always the stored start plus the allowed minutes minus now. No
feedback is given until the exam is finished (by the learner or by the clock); then ``report``
scores the scored items only, per domain, with the rationale for every miss.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

import pandas as pd

from casekit.errors import CasekitError
from casekit.exam.bank import Bank, Item, load_bank
from casekit.exam.blueprint import Blueprint, MockFormat, Outline, load_blueprint
from casekit.exam.scoring import ItemResult, check_letter, domain_chart, domain_scores, fraction_correct
from casekit.exam.store import ExamStore, iso, parse, utcnow


class MockError(CasekitError):
    """A mock exam that cannot be drawn (too few items), or an action on a finished exam."""


def shares(weights: dict[str, float], total: int) -> dict[str, int]:
    """Split ``total`` items across domains in proportion to ``weights`` (largest remainder)."""
    whole = sum(weights.values())
    exact = {d: total * w / whole for d, w in weights.items()}
    out = {d: math.floor(x) for d, x in exact.items()}
    left = total - sum(out.values())
    for d in sorted(exact, key=lambda d: (exact[d] - out[d], weights[d]), reverse=True)[:left]:
        out[d] += 1
    return out


def scaled(form: MockFormat, items: int) -> MockFormat:
    """A shorter form with the same pretest share and minutes per item (at least one scored item)."""
    if items < 1:
        raise MockError(f"a mock exam needs at least 1 item (asked for {items})")
    pretest = min(items - 1, round(items * form.pretest / form.items))
    return form.model_copy(update={"items": items, "scored": items - pretest, "pretest": pretest,
                                   "minutes": form.minutes * items / form.items})


def draw(bank: Bank, outline: Outline, form: MockFormat, seed: int) -> list[tuple[Item, bool]]:
    """``form.items`` distinct items as (item, is_pretest), scored and pretest each to the weights."""
    weights = {d.id: d.weight for d in outline.domains}
    scored, pretest = shares(weights, form.scored), shares(weights, form.pretest)
    rng = random.Random(seed)
    picked: list[tuple[Item, bool]] = []
    short = []
    for d in outline.ids:
        pool = sorted(bank.by_domain(d), key=lambda i: i.id)
        need = scored[d] + pretest[d]
        if len(pool) < need:
            short.append(f"{d} has {len(pool)} (needs {need})")
            continue
        chosen = rng.sample(pool, need)
        picked += [(it, n >= scored[d]) for n, it in enumerate(chosen)]
    if short:
        raise MockError(f"the question bank is too small for a {form.items}-item mock exam: " + "; ".join(short)
                        + ". Add items, or start a shorter mock (items=...)")
    rng.shuffle(picked)
    return picked


@dataclass(frozen=True)
class Slot:
    position: int
    item: Item
    pretest: bool
    chosen: str | None
    flagged: bool


class MockExam:
    """One mock exam, read from and written to the learner's store as it goes."""

    def __init__(self, store: ExamStore, mock_id: int, bank: Bank, blueprint: Blueprint,
                 now: Callable[[], datetime] = utcnow):
        self.store, self.id, self.bank, self.blueprint, self.now = store, mock_id, bank, blueprint, now
        row = store.rows("SELECT * FROM mocks WHERE mock_id = ?", mock_id)
        if not row:
            raise MockError(f"no mock exam {mock_id} in {store.path}")
        self.started_at = parse(row[0]["started_at"])
        self.minutes = float(row[0]["minutes"])
        self.seed = int(row[0]["seed"])

    # ------------------------------------------------------------------ opening

    @classmethod
    def start(cls, folder: Path | str = ".", *, items: int | None = None, seed: int | None = None,
              bank: Bank | None = None, blueprint: Blueprint | None = None, store: ExamStore | None = None,
              now: Callable[[], datetime] = utcnow) -> "MockExam":
        """Draw and start a new mock exam (the blueprint's full form unless ``items`` asks for fewer)."""
        blueprint = blueprint or load_blueprint()
        bank = bank if bank is not None else load_bank(blueprint=blueprint)
        store = store or ExamStore(folder)
        running = cls.latest(store=store, bank=bank, blueprint=blueprint, now=now)
        if running is not None and not running.finished:
            raise MockError(f"mock exam {running.id} is still running ({running.time_left_text()} left); "
                            "finish it before starting another")
        form = blueprint.mock if items is None or items == blueprint.mock.items else scaled(blueprint.mock, items)
        seed = random.SystemRandom().randrange(2**31) if seed is None else seed
        picked = draw(bank, blueprint.outlines[form.outline], form, seed)
        started = now()
        with store.transaction() as db:
            cur = db.execute("INSERT INTO mocks (started_at, minutes, seed) VALUES (?, ?, ?)",
                             (iso(started), form.minutes, seed))
            mock_id = cur.lastrowid
            if mock_id is None:  # sqlite3 gives every INSERT into a rowid table its row id
                raise MockError("the mock exam could not be recorded in the exam store; start it again")
            db.executemany("INSERT INTO mock_items (mock_id, position, item_id, domain, pretest) VALUES (?, ?, ?, ?, ?)",
                           [(mock_id, n, it.id, it.domain, int(pre)) for n, (it, pre) in enumerate(picked, start=1)])
        return cls(store, mock_id, bank, blueprint, now)

    @classmethod
    def latest(cls, folder: Path | str = ".", *, bank: Bank | None = None, blueprint: Blueprint | None = None,
               store: ExamStore | None = None, now: Callable[[], datetime] = utcnow) -> "MockExam | None":
        """The most recent mock exam in the learner's store (running or finished), or None."""
        store = store or ExamStore(folder)
        row = store.rows("SELECT mock_id FROM mocks ORDER BY mock_id DESC LIMIT 1")
        if not row:
            return None
        blueprint = blueprint or load_blueprint()
        bank = bank if bank is not None else load_bank(blueprint=blueprint)
        return cls(store, row[0]["mock_id"], bank, blueprint, now)

    # ------------------------------------------------------------------ the clock

    @property
    def deadline(self) -> datetime:
        return self.started_at + timedelta(minutes=self.minutes)

    def time_left(self) -> timedelta:
        """Time left on the clock, from the stored start time (never below zero)."""
        left = self.deadline - self.now()
        return max(left, timedelta(0))

    def time_left_text(self) -> str:
        secs = int(self.time_left().total_seconds())
        return f"{secs // 3600}:{secs % 3600 // 60:02d}:{secs % 60:02d}"

    def _row(self):
        return self.store.rows("SELECT finished_at, finished_why FROM mocks WHERE mock_id = ?", self.id)[0]

    @property
    def finished(self) -> bool:
        if self._row()["finished_at"] is not None:
            return True
        if self.time_left() <= timedelta(0):
            self._close("time")
            return True
        return False

    def _close(self, why: str) -> None:
        at = min(self.now(), self.deadline)
        with self.store.transaction() as db:
            done = db.execute("UPDATE mocks SET finished_at = ?, finished_why = ? WHERE mock_id = ? AND finished_at IS NULL",
                              (iso(at), why, self.id)).rowcount
            if done:  # the scored answers join the learner's history once, for mastery over time
                for s in self.slots():
                    if not s.pretest:
                        db.execute("INSERT INTO answers (item_id, domain, mode, chosen, correct, answered_at) "
                                   "VALUES (?, ?, 'mock', ?, ?, ?)",
                                   (s.item.id, s.item.domain, s.chosen, int(s.chosen == s.item.key), iso(at)))

    def finish(self) -> None:
        """End the exam now; the report becomes available."""
        if not self.finished:
            self._close("learner")

    # ------------------------------------------------------------------ answering

    def slots(self) -> list[Slot]:
        rows = self.store.rows("SELECT * FROM mock_items WHERE mock_id = ? ORDER BY position", self.id)
        out = []
        for r in rows:
            try:
                item = self.bank.item(r["item_id"])
            except CasekitError:
                raise MockError(f"mock exam {self.id} uses item {r['item_id']!r}, which is no longer in the bank; "
                                "start a new mock exam") from None
            out.append(Slot(r["position"], item, bool(r["pretest"]), r["chosen"], bool(r["flagged"])))
        return out

    def __len__(self) -> int:
        return self.store.rows("SELECT COUNT(*) AS n FROM mock_items WHERE mock_id = ?", self.id)[0]["n"]

    def _open_slot(self, position: int) -> None:
        if self.finished:
            why = self._row()["finished_why"]
            raise MockError(f"mock exam {self.id} is over ({'time ran out' if why == 'time' else 'you finished it'}); "
                            "answers can no longer change")
        if not 1 <= position <= len(self):
            raise MockError(f"there is no question {position}; questions run from 1 to {len(self)}")

    def answer(self, position: int, letter: str | None) -> None:
        """Record (or clear, with None) the answer to question ``position``; no feedback is given."""
        self._open_slot(position)
        item_id = self.store.rows("SELECT item_id FROM mock_items WHERE mock_id = ? AND position = ?", self.id, position)[0][0]
        chosen = check_letter(letter, item_id)
        with self.store.transaction() as db:
            db.execute("UPDATE mock_items SET chosen = ?, answered_at = ? WHERE mock_id = ? AND position = ?",
                       (chosen, iso(self.now()), self.id, position))

    def flag(self, position: int, flagged: bool = True) -> None:
        """Mark question ``position`` for review (or clear the mark)."""
        self._open_slot(position)
        with self.store.transaction() as db:
            db.execute("UPDATE mock_items SET flagged = ? WHERE mock_id = ? AND position = ?",
                       (int(flagged), self.id, position))

    def progress(self) -> str:
        slots = self.slots()
        answered = sum(s.chosen is not None for s in slots)
        flagged = [s.position for s in slots if s.flagged]
        text = f"{answered} of {len(slots)} answered; {self.time_left_text()} left"
        return text + (f"; flagged for review: {', '.join(map(str, flagged))}" if flagged else "")

    # ------------------------------------------------------------------ the report

    def report(self) -> "MockReport":
        if not self.finished:
            raise MockError(f"the report comes when the exam ends: {self.progress()}. Finish it with finish()")
        slots = self.slots()
        scored = [ItemResult(s.item, s.chosen) for s in slots if not s.pretest]
        return MockReport(self, slots, scored)


@dataclass
class MockReport:
    exam: MockExam
    slots: list[Slot]
    scored: list[ItemResult]

    @property
    def fraction(self) -> float:
        return fraction_correct(self.scored)

    def domains(self) -> pd.DataFrame:
        return domain_scores(self.scored, self.exam.blueprint.outlines[self.exam.blueprint.mock.outline])

    def chart(self):
        return domain_chart(self.domains(), f"Mock exam {self.exam.id}: percent correct by domain (scored items)")

    def misses(self) -> list[Slot]:
        return [s for s in self.slots if s.chosen != s.item.key]

    def text(self) -> str:
        n_pre = sum(s.pretest for s in self.slots)
        lines = [f"Mock exam {self.exam.id}: {sum(r.correct for r in self.scored)} of {len(self.scored)} scored items "
                 f"correct ({self.fraction:.0%}). {n_pre} further item(s) were unscored pretest items, as on the real "
                 "exam, and do not count.", ""]
        for r in self.domains().itertuples():
            pct = "no scored item" if pd.isna(r.percent) else f"{r.percent:.0f}%"
            lines.append(f"  {r.title}: {r.correct}/{r.items} ({pct})")
        return "\n".join(lines)

    def misses_text(self) -> str:
        out = []
        for s in self.misses():
            tag = " (unscored pretest item)" if s.pretest else ""
            out.append(f"Question {s.position}{tag}: {s.item.stem}")
            out.append(f"  You answered {s.chosen or 'nothing'}; the answer is {s.item.key}: {s.item.option(s.item.key)}")
            if s.chosen:
                out.append(f"  Why not {s.chosen}: {s.item.rationale(s.chosen)}")
            out.append(f"  Why {s.item.key}: {s.item.rationale(s.item.key)}")
        return "\n".join(out) or "No misses: every item was answered correctly."
