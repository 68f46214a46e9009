"""ipywidgets views, one per process step, each bound to a :class:`~casekit.learner.CaseSession`.

Every control writes through the session's code methods, so a widget and a code cell
do exactly the same thing, and every change is saved at once. Callbacks run inside an
Output area (:func:`casekit.widgets.base.guarded`), so an error shows to the learner.
"""

from casekit.casework.widgets.steps import STEPS, step_view

__all__ = ["STEPS", "step_view"]
