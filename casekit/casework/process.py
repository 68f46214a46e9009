"""The case-management process a learner works through: the one list of its steps, in order.

The case notebook's sections, the widget of each step, the exam bank's ``step`` field and
the practice filter all read the steps from here, so adding or renaming a step is one edit.
"""

from __future__ import annotations

PROCESS_STEPS: tuple[str, ...] = ("intake", "assessment", "eligibility", "planning", "referrals", "rights",
                                  "coordination", "documentation", "revision")
"""The process steps, in the order a case manager takes them (an exam item may exercise any one)."""

SELF_CHECK = "check"
"""The last section of a case notebook: the learner's own check of the plan, not a step of the process."""

NOTEBOOK_STEPS: tuple[str, ...] = (*PROCESS_STEPS, SELF_CHECK)
"""Every section of a case notebook with a widget, in order."""

TITLES: dict[str, str] = {
    "intake": "Review the application",
    "assessment": "Assess needs, critical and immediate first",
    "eligibility": "Apply the eligibility rules",
    "planning": "Goals and an action plan",
    "referrals": "Referrals to community resources",
    "rights": "Rights and responsibilities",
    "coordination": "Coordinate with providers and delegate",
    "documentation": "Meet the client and family, and write the progress note",
    "revision": "Monitor and retool",
    SELF_CHECK: "Check my plan",
}
"""Each section's heading in a case notebook (numbered from 2: section 1 is the case itself)."""


def heading(step: str) -> str:
    """The numbered heading of ``step`` in a case notebook: ``2. Review the application``."""
    return f"{NOTEBOOK_STEPS.index(step) + 2}. {TITLES[step]}"
