"""Choosing items from the bank by domain, case and process step: one rule for practice and quizzes."""

from __future__ import annotations

import hashlib

from casekit.errors import CasekitError
from casekit.exam.bank import Bank, Item
from casekit.exam.blueprint import PROCESS_STEPS, Blueprint, load_blueprint


class SelectionError(CasekitError):
    """A selection naming an unknown domain or step."""


def _order(item_id: str) -> str:
    # A stable shuffle: items come in the same mixed order every time, not grouped by file.
    return hashlib.sha256(item_id.encode()).hexdigest()


def select_items(bank: Bank, *, domains: list[str] | None = None, case: str | None = None,
                 step: str | None = None, blueprint: Blueprint | None = None) -> list[Item]:
    """The bank's items in ``domains`` (all when empty), linked to ``case`` and ``step`` when given."""
    blueprint = blueprint or load_blueprint()
    known = blueprint.current.ids
    for d in domains or []:
        if d not in known:
            raise SelectionError(f"unknown domain {d!r}; choose from {', '.join(known)}")
    if step is not None and step not in PROCESS_STEPS:
        raise SelectionError(f"unknown step {step!r}; choose from {', '.join(PROCESS_STEPS)}")
    chosen = [i for i in bank.items
              if (not domains or i.domain in domains) and (case is None or i.case == case)
              and (step is None or i.step == step)]
    return sorted(chosen, key=lambda i: _order(i.id))
