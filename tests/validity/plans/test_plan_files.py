"""The validity plans are valid plan files, and the committed files are what the script writes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from casekit.cases.library import CaseLibrary
from casekit.plan import load_plan
from casekit.plancheck import plan_problems

PLANS = Path(__file__).resolve().parent
sys.path.insert(0, str(PLANS))

import write_plans  # noqa: E402


@pytest.fixture(scope="module")
def lib() -> CaseLibrary:
    return CaseLibrary.load(with_keys=False)


def test_every_case_has_every_level(lib):
    """Does every case in the library have a plan file at every level, and nothing else?"""
    for case_id in sorted(lib.cases):
        files = sorted(p.name for p in (PLANS / case_id).glob("*.plan.json"))
        assert files == sorted(f"{level}.plan.json" for level in write_plans.LEVELS), (
            f"{case_id}: the validity plans are incomplete; add a case module beside write_plans.py and run it"
        )


@pytest.mark.parametrize("path", sorted(PLANS.glob("*/*.plan.json")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_plan_loads_without_unknown_ids(path, lib):
    """Does this plan load, belong to its folder's case, and name only ids the kit knows?"""
    plan = load_plan(path)
    assert plan.case == path.parent.name
    assert plan.initial_saved
    assert plan_problems(plan, lib.case(plan.case), lib) == []


@pytest.mark.parametrize("module", write_plans.CASE_MODULES)
def test_committed_files_match_the_script(module, lib):
    """Are the committed plan files exactly what write_plans.py builds now (so an edit to a case
    module, or a plan format upgrade, cannot leave stale files behind)?"""
    case_id, texts = write_plans.plan_texts(module, lib)
    for level, text in texts.items():
        path = PLANS / case_id / f"{level}.plan.json"
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run tests/validity/plans/write_plans.py"
