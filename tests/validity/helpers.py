"""Reading the validity plans and scoring them, for the validity tests and for a person at a terminal.

The plans live in ``plans/<case-id>/<level>.plan.json``, written by ``plans/write_plans.py`` from one
module per case. Where a case's files have not been written (they are build output, not committed),
they are built here the same way, in memory, so the suite always judges the plans the modules hold.

    .venv/bin/python tests/validity/helpers.py        # a table of every plan's share, per case
"""

from __future__ import annotations

import importlib
import sys
from functools import lru_cache
from pathlib import Path

from casekit.cases.library import CaseLibrary
from casekit.plan import Plan, load_plan, plan_from_dict
from casekit.rubric import CriterionResult, score, total

PLANS = Path(__file__).resolve().parent / "plans"


@lru_cache(maxsize=1)
def library() -> CaseLibrary:
    return CaseLibrary.load()


def _writer():
    if str(PLANS) not in sys.path:
        sys.path.insert(0, str(PLANS))
    return importlib.import_module("write_plans")


@lru_cache(maxsize=None)
def case_modules() -> dict[str, str]:
    """Case id -> the plans module that writes its plans, for every module written so far."""
    writer = _writer()
    out = {}
    for name in writer.CASE_MODULES:
        if (PLANS / f"{name}.py").exists():
            out[importlib.import_module(name).CASE] = name
    return out


def levels() -> list[str]:
    return list(_writer().LEVELS)


@lru_cache(maxsize=None)
def plans_for(case_id: str) -> dict[str, Plan]:
    """Every level's plan for ``case_id``: from its file when written, else built from its module."""
    lib = library()
    folder = PLANS / case_id
    out: dict[str, Plan] = {}
    writer = _writer()
    specs = None
    import json

    for level in writer.LEVELS:
        path = folder / f"{level}.plan.json"
        if path.exists():
            out[level] = load_plan(path)
            continue
        if specs is None:
            mod = importlib.import_module(case_modules()[case_id])
            specs = mod.plans(CaseLibrary.load(with_keys=False), lib.case(case_id))
        out[level] = plan_from_dict(json.loads(writer.build(case_id, specs[level], lib)), f"{case_id}/{level}")
    return out


def results(case_id: str, level: str) -> list[CriterionResult]:
    lib = library()
    return score(plans_for(case_id)[level], lib.case(case_id), lib.key(case_id), lib)


def share(case_id: str, level: str) -> float:
    """The plan's share of the code-graded points, 0 to 1."""
    got, most = total(results(case_id, level))
    return got / most


def main(argv: list[str]) -> None:
    wanted = argv or list(case_modules())
    for case_id in wanted:
        print(case_id)
        for level in levels():
            rs = results(case_id, level)
            by = " ".join(f"{r.id.split('-')[0][:5]}={r.points:.2f}/{r.max:.0f}" for r in rs)
            print(f"  {level:34s} {100 * share(case_id, level):5.1f}%  {by}")


if __name__ == "__main__":
    main(sys.argv[1:])
