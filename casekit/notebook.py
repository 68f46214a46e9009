"""What a notebook imports: the kit's one notebook-facing API.

Every notebook of the kit, and every assignment it releases, imports from here and nowhere else
(``from casekit.notebook import open_case, step_view``), so the package can be rearranged without
touching a notebook a learner already holds. Each name is imported from the module that defines
it the first time a cell asks for it, so a case notebook loads no hours log and the hours
dashboard loads no case library.

Notebooks written before this module existed import the package's old module names
(``from casekit.learner import open_case``); :mod:`casekit._moved` keeps those working too.
"""

from __future__ import annotations

import importlib

_WHERE: dict[str, str] = {
    # a case notebook (casekit notebooks write)
    "open_case": "casekit.casework.session",
    "show_facts": "casekit.casework.widgets.steps",
    "step_view": "casekit.casework.widgets.steps",
    "show_results": "casekit.casework.widgets.selfcheck",
    "show_notice": "casekit.freshness",
    # the start page and a learner's progress across cases
    "case_finder": "casekit.casework.case_finder",
    "find_cases": "casekit.casework.case_finder",
    "found_html": "casekit.casework.case_finder",
    "case_menu": "casekit.casework.progress",
    "criteria_losses": "casekit.casework.progress",
    "losses_chart": "casekit.casework.progress",
    "losses_view": "casekit.casework.progress",
    "progress_table": "casekit.casework.progress",
    "progress_view": "casekit.casework.progress",
    # the cells of a released assignment (casekit course build)
    "criterion_points": "casekit.course.grading_engine.cells",
    "plan_summary": "casekit.course.grading_engine.cells",
    "show_progress_note": "casekit.course.grading_engine.cells",
    "CaseLibrary": "casekit.cases.library",
    "model_plan": "casekit.casework.model_plan",
    "save_plan": "casekit.casework.plan",
    # exam prep
    "cohort_item_analysis": "casekit.exam.analysis",
    "load_blueprint": "casekit.exam.blueprint",
    "weights_table": "casekit.exam.blueprint",
    "exam_menu": "casekit.exam.mastery",
    "mastery_chart": "casekit.exam.mastery",
    "mastery_now": "casekit.exam.mastery",
    "mastery_over_time": "casekit.exam.mastery",
    "MockExam": "casekit.exam.mock",
    "Practice": "casekit.exam.practice",
    "SimulationSession": "casekit.exam.simulation_session",
    "latest_report": "casekit.exam.views",
    "mock_view": "casekit.exam.views",
    "practice_view": "casekit.exam.views",
    "simulation_view": "casekit.exam.views",
}
"""Each name and the module that defines it."""

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"casekit.notebook has no {name!r}; it offers: {', '.join(__all__)}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
