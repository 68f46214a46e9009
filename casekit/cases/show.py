"""A case rendered as plain text, the way a learner reads a case file."""

from __future__ import annotations

import textwrap

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case


def _wrap(text: str, indent: str = "  ") -> str:
    return "\n".join(textwrap.fill(p, 88, initial_indent=indent, subsequent_indent=indent) for p in text.strip().split("\n\n"))


def render_case(case: Case, lib: CaseLibrary) -> str:
    """Facts only: no key material is read or shown."""
    lines = [f"{case.title}  [{case.id}]", f"Setting: {case.setting.label}    Intake: {case.intake_date}", ""]
    lines += ["Summary", _wrap(case.summary), "", "Learning objectives"]
    lines += [f"  - {o}" for o in case.learning_objectives]
    lines += ["", "Household"]
    for m in case.household.members:
        extras = ", ".join(m.conditions)
        lines.append(f"  - {m.name}, {m.relationship}, {m.age}" + (f" ({extras})" if extras else ""))
    lines += ["", "Presenting situation", _wrap(case.presenting_situation), "", f"Application: {case.application.form} (received {case.application.received})"]
    for item in case.application.items:
        value = "(left blank)" if item.value is None else item.value
        lines.append(f"  {item.label}: {value}")
    lines += ["", "Reports from providers"]
    providers = {p.id: p for p in case.providers}
    for r in case.reports:
        p = providers.get(r.provider)
        lines += [f"  {r.title} - {p.name if p else r.provider}, {r.date}", _wrap(r.text, "    ")]
    lines += ["", "Meeting attendees: " + "; ".join(f"{a.name} ({a.role})" for a in case.meeting_attendees)]
    names = {p.id: p.name for p in lib.programs.programs} if lib.programs else {}
    lines += ["Programs to consider: " + ", ".join(names.get(p, p) for p in case.programs)]
    lines += [f"Follow-up events: {len(case.events)} (revealed after the first plan is saved)"]
    return "\n".join(lines)
