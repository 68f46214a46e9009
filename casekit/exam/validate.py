"""Checking the exam data (blueprint, question bank, simulations) as part of ``casekit cases validate``."""

from __future__ import annotations

from pathlib import Path

from casekit.errors import DataFileError, Problem


def exam_problems(root: Path, case_ids: set[str]) -> list[Problem]:
    """Every problem in ``casestudies/exam/`` under ``root``; nothing when the kit has no exam folder."""
    from casekit.exam.bank import bank_problems, items_dir
    from casekit.exam.blueprint import blueprint_path, load_blueprint
    from casekit.exam.simulation import simulation_problems

    if not (Path(root) / "casestudies" / "exam").is_dir():
        return []
    try:
        blueprint = load_blueprint(blueprint_path(root))
    except DataFileError as exc:
        return list(exc.problems)
    _, problems = bank_problems(items_dir(root), blueprint, case_ids)
    return problems + simulation_problems(Path(root), case_ids)


def exam_counts(root: Path) -> str:
    """``", 200 exam items, 5 simulations"`` for the validator's summary line (empty without an exam folder)."""
    from casekit.exam.bank import items_dir, load_bank
    from casekit.exam.blueprint import blueprint_path, load_blueprint
    from casekit.exam.simulation import available_simulations

    if not (Path(root) / "casestudies" / "exam").is_dir():
        return ""
    bank = load_bank(items_dir(root), load_blueprint(blueprint_path(root)))
    return f", {len(bank)} exam items, {len(available_simulations(root))} simulations"
