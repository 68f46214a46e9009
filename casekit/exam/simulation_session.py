"""A learner's attempt at a simulation, saved to ``exam.sqlite`` as each choice is made.

Requests cannot be taken back (as in the real simulation, what you have looked at stays looked at);
a decision's choice can be changed until the attempt is scored. ``new_attempt`` starts over.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from casekit.exam.blueprint import Blueprint, load_blueprint
from casekit.exam.simulation import (
    Request,
    Simulation,
    SimulationError,
    SimulationResult,
    load_simulation,
    score_simulation,
)
from casekit.exam.store import ExamStore, iso, utcnow


class SimulationSession:
    """One case's simulation, one learner, the latest attempt."""

    def __init__(self, case_id: str, folder: Path | str = ".", *, simulation: Simulation | None = None,
                 blueprint: Blueprint | None = None, store: ExamStore | None = None,
                 now: Callable[[], datetime] = utcnow):
        self.sim = simulation or load_simulation(case_id)
        self.blueprint = blueprint or load_blueprint()
        self.store = store or ExamStore(folder)
        self.now = now
        row = self.store.rows("SELECT MAX(attempt) AS a FROM sim_choices WHERE case_id = ?", self.sim.case)[0]
        self.attempt = row["a"] or 1

    def _choices(self, kind: str) -> list[tuple[str, str]]:
        return [(r["ref"], r["choice"]) for r in self.store.rows(
            "SELECT ref, choice FROM sim_choices WHERE case_id = ? AND attempt = ? AND kind = ? ORDER BY chosen_at, rowid",
            self.sim.case, self.attempt, kind)]

    @property
    def requests(self) -> list[str]:
        """The requests made so far in this attempt, in order."""
        return [ref for ref, _ in self._choices("request")]

    @property
    def decisions(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for ref, choice in self._choices("decision"):
            out.setdefault(ref, []).append(choice)
        return out

    def request(self, request_id: str) -> Request:
        """Make a request (once); returns it, with what it shows in ``result``."""
        req = self.sim.request(request_id)
        if request_id not in self.requests:
            with self.store.transaction() as db:
                db.execute("INSERT INTO sim_choices (case_id, attempt, kind, ref, chosen_at) VALUES (?, ?, 'request', ?, ?)",
                           (self.sim.case, self.attempt, request_id, iso(self.now())))
        return req

    def decide(self, decision_id: str, choices: list[str] | str) -> None:
        """Set the choice(s) for one decision, replacing any earlier ones."""
        picks = [choices] if isinstance(choices, str) else list(choices)
        d = self.sim.decision(decision_id)
        ids = {o.id for o in d.options}
        for p in picks:
            if p not in ids:
                raise SimulationError(f"decision {decision_id!r} has no option {p!r}; use one of {', '.join(sorted(ids))}")
        if d.choose == "one" and len(picks) > 1:
            raise SimulationError(f"decision {decision_id!r} takes one choice; you gave {len(picks)}")
        with self.store.transaction() as db:
            db.execute("DELETE FROM sim_choices WHERE case_id = ? AND attempt = ? AND kind = 'decision' AND ref = ?",
                       (self.sim.case, self.attempt, decision_id))
            db.executemany("INSERT INTO sim_choices (case_id, attempt, kind, ref, choice, chosen_at) VALUES (?, ?, 'decision', ?, ?, ?)",
                           [(self.sim.case, self.attempt, decision_id, p, iso(self.now())) for p in dict.fromkeys(picks)])

    def result(self) -> SimulationResult:
        return score_simulation(self.sim, self.requests, self.decisions, self.blueprint.acm_simulation.pass_marks)

    def new_attempt(self) -> None:
        """Start again with no requests and no decisions (earlier attempts are kept)."""
        if self.requests or self.decisions:
            self.attempt += 1
