"""What the engine makes of a case, at intake and after each follow-up event.

For an author checking a new case: each program's determination with its deciding test
and figures, the facts each event changed (events' changes add up, so each point lists
what changed since the one before), and which community resources are open to the client
at each point. Reads the case's facts only, never its key.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, FollowUpEvent, Resource
from casekit.cases.eligibility.engine import Determination, determine
from casekit.cases.eligibility.facts import FactChange, fact_timeline
from casekit.cases.eligibility.resources import unmet_criteria
from casekit.errors import CasekitError


@dataclass(frozen=True)
class Point:
    """The case at intake (``event`` None) or after one event."""

    event: FollowUpEvent | None
    changes: list[FactChange]
    determinations: list[Determination]
    open: list[Resource]
    closed: dict[str, list[str]]
    """Resource id -> the criteria the client does not meet (or the exclusion that rules it out)."""
    excluded: dict[str, list[str]]
    """Resource id -> the exclusions that rule it out at this point (a subset of ``closed``)."""

    @property
    def label(self) -> str:
        if self.event is None:
            return "At intake"
        return f"After event {self.event.id} (day {self.event.day}: {self.event.title})"


def explain_case(case: Case, lib: CaseLibrary) -> list[Point]:
    """The engine's view of ``case`` at intake and after each event, in day order."""
    if lib.programs is None or lib.guidelines is None:
        raise CasekitError("casestudies/programs.yaml or poverty_guidelines.yaml could not be read; "
                           "run `casekit cases validate` to see why")
    points = []
    for at in fact_timeline(case):
        decided = [determine(lib.programs.get(p), at.facts, lib.guidelines) for p in case.programs]
        open_, closed, excluded = [], {}, {}
        for res in lib.resources.values():
            unmet = unmet_criteria(res, at.facts, case.setting, lib.guidelines)
            if unmet:
                closed[res.id] = unmet
            else:
                open_.append(res)
            rules = [r.reason for r in res.criteria.excludes if bool(at.facts.get(r.fact))]
            if rules:
                excluded[res.id] = rules
        points.append(Point(at.event, at.changes, decided, open_, closed, excluded))
    return points


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("_", " ") if isinstance(value, str) else str(value)


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, 100, initial_indent=indent, subsequent_indent=indent + "  ")


STATUS_WORDS = {"passed": "met", "failed": "NOT MET", "waived": "waived", "passed_by_alternative": "met another way"}


def render_explanation(case: Case, points: list[Point], lib: CaseLibrary) -> str:
    """The explanation as text: one block per point, programs, then fact changes, then resources."""
    lines = [f"{case.title}  [{case.id}]", f"Setting: {case.setting.label}    Intake: {case.intake_date}"]
    previous: Point | None = None
    for point in points:
        lines += ["", point.label, "-" * len(point.label)]
        if point.event is not None:
            if point.changes:
                lines.append("  Facts changed:")
                for ch in point.changes:
                    source = "" if ch.fact in point.event.fact_changes else " (follows from the above)"
                    lines.append(f"    {ch.fact}: {_show(ch.before)} -> {_show(ch.after)}{source}")
            else:
                lines.append("  Facts changed: none (this event changes the situation, not the eligibility facts)")
        lines.append("  Programs:")
        for n, d in enumerate(point.determinations):
            was = previous.determinations[n] if previous else None
            turn = f"   (was: {was.label})" if was is not None and was.met != d.met else ""
            counts = d.counts.replace("_", " ")
            lines.append(f"    {d.program_name} [{d.program_id}]: {d.label}{turn}")
            lines.append(f"      counts: {counts}; deciding test(s): {', '.join(d.deciding_tests) or 'none'}")
            for t in d.tests:
                lines += _wrap(f"[{STATUS_WORDS[t.status]}] {t.id}: {t.sentence}", "      ")
        lines += _resources(point, previous, lib)
        previous = point
    return "\n".join(lines)


def _resources(point: Point, previous: Point | None, lib: CaseLibrary) -> list[str]:
    lines = [f"  Resources open to the client: {len(point.open)} of {len(point.open) + len(point.closed)}"]
    for rid, reasons in sorted(point.excluded.items()):
        lines += _wrap(f"ruled out by an exclusion: {rid} ({'; '.join(reasons)})", "    ")
    if previous is None:
        by_category: dict[str, list[str]] = {}
        for res in point.open:
            by_category.setdefault(res.category, []).append(res.id)
        for cat, ids in sorted(by_category.items()):
            title = lib.categories[cat].title if cat in lib.categories else cat
            lines += _wrap(f"{title}: {', '.join(ids)}", "    ")
        return lines
    before = {r.id for r in previous.open}
    now = {r.id for r in point.open}
    for rid in sorted(now - before):
        lines.append(f"    now open: {rid}")
    for rid in sorted(before - now):
        lines += _wrap(f"no longer open: {rid} ({'; '.join(point.closed[rid])})", "    ")
    if now == before:
        lines.append("    the same as before")
    return lines
