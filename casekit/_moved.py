"""Where modules used to live: one table from each old dotted name to the module that holds it now.

Notebooks released or submitted before the package was arranged by its three users import the
old names (``from casekit.learner import open_case``, ``from casekit.course.grading import
criterion_points``). :class:`MovedModuleFinder`, installed by ``casekit/__init__.py``, answers each
old name with the very module object of its new name, so ``import casekit.learner`` and
``import casekit.casework.session`` give one module, with one state. A package listed here moves
with everything inside it (``casekit.rubric.needs`` is ``casekit.casework.rubric.needs``), unless
the module has a line of its own.

This is the only place old names live: no file stays behind at an old path.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
from types import ModuleType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # only for the type: importing importlib.abc at run time costs every command's start
    from importlib.abc import Loader

MOVED: dict[str, str] = {
    # the learner's casework
    "casekit.learner": "casekit.casework.session",
    "casekit.learner_progress": "casekit.casework.progress",
    "casekit.plan": "casekit.casework.plan",
    "casekit.plancheck": "casekit.casework.plancheck",
    "casekit.model_plan": "casekit.casework.model_plan",
    "casekit.notebooks": "casekit.casework.notebook_template",
    "casekit.workspace": "casekit.casework.workspace",
    "casekit.case_finder": "casekit.casework.case_finder",
    "casekit.rubric": "casekit.casework.rubric",
    "casekit.rubric.text": "casekit.cases.text",
    "casekit.widgets": "casekit.casework.widgets",
    "casekit.widgets.keys": "casekit.casework.widgets.shortcuts",
    "casekit.widgets.facts": "casekit.casework.widgets.fact_sheet",
    "casekit.selfcheck": "casekit.casework.widgets.selfcheck",
    # cases, with eligibility inside them
    "casekit.eligibility": "casekit.cases.eligibility",
    "casekit.eligibility.rules": "casekit.cases.eligibility.programs",
    "casekit.facts": "casekit.freshness",
    # the course
    "casekit.course.assignment": "casekit.course.assignments.assignment",
    "casekit.course.leaks": "casekit.course.assignments.leaks",
    "casekit.course.collect": "casekit.course.assignments.collect",
    "casekit.course.grading": "casekit.course.grading_engine.cells",
    "casekit.course.rubric_scores": "casekit.course.grading_engine.preprocessors",
    "casekit.course.chains": "casekit.course.grading_engine.chains",
    "casekit.course.problems": "casekit.course.grading_engine.problems",
    "casekit.course.results": "casekit.course.grading_engine.results",
    "casekit.course.ledger": "casekit.course.grading_engine.graded",
    "casekit.course.gradebook": "casekit.course.grading_engine.gradebook_writes",
    "casekit.course.gradebook_rows": "casekit.course.grading_engine.gradebook_rows",
    "casekit.course.task": "casekit.course.grading_engine.task",
    "casekit.course.parallel": "casekit.course.grading_engine.parallel",
    "casekit.course.sandbox": "casekit.course.grading_engine.sandbox",
    "casekit.course.sanitize": "casekit.course.grading_engine.sanitize",
    "casekit.course.agreement": "casekit.course.grading_engine.agreement",
    "casekit.course.release": "casekit.course.grading_engine.release",
    "casekit.course.feedback_page": "casekit.course.grading_engine.feedback_page",
    "casekit.exam.quiz_grading": "casekit.course.grading_engine.quiz_grading",
    "casekit.course.export": "casekit.course.cohort.export",
    "casekit.course.analytics": "casekit.course.cohort.analytics",
    "casekit.course.report": "casekit.course.cohort.report",
    "casekit.course.demo": "casekit.course.cohort.demo_cohort",
    "casekit.course.runner": "casekit.course.routine",
    # the hours log, in layers
    "casekit.hours.store": "casekit.hours.storage.database",
    "casekit.hours.migrations": "casekit.hours.storage.migrations",
    "casekit.hours.models": "casekit.hours.storage.models",
    "casekit.hours.audit": "casekit.hours.storage.audit",
    "casekit.hours.identifiers": "casekit.hours.log.identifiers",
    "casekit.hours.supersession": "casekit.hours.log.supersession",
    "casekit.hours.entries": "casekit.hours.log.entries",
    "casekit.hours.people": "casekit.hours.log.people",
    "casekit.hours.personrecords": "casekit.hours.log.personrecords",
    "casekit.hours.logbook": "casekit.hours.log.logbook",
    "casekit.hours.corrections": "casekit.hours.log.corrections",
    "casekit.hours.csvimport": "casekit.hours.log.csvimport",
    "casekit.hours.csvexport": "casekit.hours.log.csvexport",
    "casekit.hours.signing": "casekit.hours.trust.signing",
    "casekit.hours.keys": "casekit.hours.trust.signing_keys",
    "casekit.hours.approval": "casekit.hours.trust.approval",
    "casekit.hours.signedlog": "casekit.hours.trust.signedlog",
    "casekit.hours.verify": "casekit.hours.trust.verify",
    "casekit.hours.summaries": "casekit.hours.trust.summaries",
    "casekit.hours.rules": "casekit.hours.credit.credentials",
    "casekit.hours.qualifications": "casekit.hours.credit.qualifications",
    "casekit.hours.ledger": "casekit.hours.credit.columns",
    "casekit.hours.projection": "casekit.hours.credit.projection",
    "casekit.hours.progress": "casekit.hours.credit.engine",
    "casekit.hours.learner": "casekit.hours.credit.credential_progress",
    "casekit.hours.cohort": "casekit.hours.credit.cohort",
    "casekit.hours.pathways": "casekit.hours.credit.pathways",
    "casekit.hours.planner": "casekit.hours.credit.planner",
    "casekit.hours.explain": "casekit.hours.credit.explain",
    "casekit.hours.dashboard": "casekit.hours.views.dashboard",
    "casekit.hours.dashboard_people": "casekit.hours.views.dashboard_people",
    "casekit.hours.dashboard_plan": "casekit.hours.views.dashboard_plan",
    "casekit.hours.widgetstyle": "casekit.hours.views.widgetstyle",
    "casekit.hours.charts": "casekit.hours.views.charts",
    "casekit.hours.report": "casekit.hours.views.progress_report",
    "casekit.hours.packet": "casekit.hours.views.packet",
    "casekit.hours.packetpdf": "casekit.hours.views.packetpdf",
    "casekit.hours.signedexport": "casekit.hours.views.signed_export",
    "casekit.hours.demo": "casekit.hours.views.demo_log",
}

def new_name(old: str) -> str | None:
    """The module that now holds what ``old`` named, or None when ``old`` never moved."""
    if old in MOVED:
        return MOVED[old]
    head = old
    while "." in head:
        head = head.rpartition(".")[0]
        if head in MOVED:
            return MOVED[head] + old[len(head):]
    # ``from casekit.widgets import facts`` asks the moved package for its old submodule by the
    # package's new name (``casekit.casework.widgets.facts``): answer it as the old name.
    for package, moved_to in _MOVED_PACKAGES:
        if old.startswith(moved_to + "."):
            return MOVED.get(package + old[len(moved_to):])
    return None


_MOVED_PACKAGES = [(old, new) for old, new in MOVED.items()
                   if any(other.startswith(old + ".") for other in MOVED)]
"""The moved packages with a submodule that moved again or changed its name (rubric, widgets, eligibility)."""


class _SameModule:
    """Loads an old name as the module of its new name, leaving that module exactly as it was.

    A loader and a finder by protocol, not by importlib.abc's base classes: importing those pulls in
    importlib.resources, a tenth of the time `casekit --help` takes.
    """

    def __init__(self, target: str) -> None:
        self.target = target
        self._spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self._spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The import system stamps the old name's spec on the module it was handed; give it its own back.
        module.__spec__ = self._spec


class MovedModuleFinder:
    """Finds each old dotted name in :data:`MOVED` and hands back the module of its new name."""

    def find_spec(self, fullname, path=None, target=None):  # noqa: ARG002 - the finder protocol's signature
        target_name = new_name(fullname)
        if target_name is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, cast("Loader", _SameModule(target_name)))


def install() -> None:
    """Put the finder first on ``sys.meta_path``, once per process."""
    if not any(isinstance(finder, MovedModuleFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, MovedModuleFinder())
