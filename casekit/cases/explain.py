"""What the engine makes of a case, at intake and after each follow-up event.

For an author checking a new case: each program's determination with its deciding test
and figures, the facts each event changed (events' changes add up, so each point lists
what changed since the one before), and which community resources are open to the client
at each point. Reads the case's facts only, never its key.

A program that tests a member's own facts (age, disability, pregnancy) is decided for the client and
for every other household member those tests can apply to (a child's coverage for each child), each on
the member's own facts and the household's as the program counts it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, FollowUpEvent, Resource
from casekit.cases.eligibility.engine import Determination, determine
from casekit.cases.eligibility.facts import FactChange, fact_timeline
from casekit.cases.eligibility.facts import is_member_test
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
    member_open: dict[str, list[str]] = field(default_factory=dict)
    """Another member's label (``Mateo, 4``) -> the resources open to them but not to the client."""
    member_changes: dict[str, list[FactChange]] = field(default_factory=dict)
    """A member's label -> the changes this event made to that member's own facts (``member_fact_changes``)."""

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
    others = [m.id for m in case.household.members if m.id != case.client.member]
    timelines: dict[str | None, list] = {None: fact_timeline(case), **{m: fact_timeline(case, m) for m in others}}
    whom = {p: [None, *program_members(case, lib, p, timelines)] for p in case.programs}
    for n, at in enumerate(timelines[None]):
        decided = [determine(lib.programs.get(p), timelines[m][n].facts, lib.guidelines) for p in case.programs
                   for m in whom[p]]
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
        client_open = {r.id for r in open_}
        member_open = {}
        for m in others:
            theirs = [r.id for r in lib.resources.values() if r.id not in client_open
                      and not unmet_criteria(r, timelines[m][n].facts, case.setting, lib.guidelines)]
            if theirs:
                member_open[case.member_label(m)] = theirs
        member_changes = {}
        for m, theirs in (at.event.member_fact_changes.items() if at.event else ()):
            # Read as the member alone sees them: their own savings, not the household's total.
            timeline = timelines[None] if m == case.client.member else timelines[m]
            before, after = (timeline[i].facts.for_counting("applicant") for i in (n - 1, n))
            member_changes[case.member_label(m)] = [FactChange(f, before.get(f), after.get(f), at.event.id)
                                                    for f in theirs]
        points.append(Point(at.event, at.changes, decided, open_, closed, excluded, member_open, member_changes))
    return points


def program_members(case: Case, lib: CaseLibrary, program_id: str, timelines: dict | None = None) -> list[str]:
    """The members other than the client a program is decided for: those who meet its tests of a member's own
    facts (age, disability, pregnancy) at intake or after some event. None for a program with no such test."""
    program = lib.programs.get(program_id) if lib.programs is not None else None
    if program is None:
        return []
    own = [t for t in program.tests if is_member_test(t)]
    if not own:
        return []
    out = []
    for m in case.household.members:
        if m.id == case.client.member:
            continue
        timeline = (timelines or {}).get(m.id) or fact_timeline(case, m.id)
        for at in timeline:
            d = determine(program, at.facts, lib.guidelines)
            if all(d.test(t.id).passed for t in own):
                out.append(m.id)
                break
    return out


def _show(value: object) -> str:
    """A fact's value as the explanation prints it: ``yes``, ``4635`` (not ``4635.0`` beside an event's ``1450``)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
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
            own = {label: chs for label, chs in point.member_changes.items() if chs}
            if point.changes or own:
                lines.append("  Facts changed:")
                for ch in point.changes:
                    source = "" if ch.fact in point.event.fact_changes else " (follows from the above)"
                    lines.append(f"    {ch.fact}: {_show(ch.before)} -> {_show(ch.after)}{source}")
                for label, chs in own.items():
                    for ch in chs:
                        lines.append(f"    {ch.fact} of {label} alone: {_show(ch.before)} -> {_show(ch.after)}")
            else:
                lines.append("  Facts changed: none (this event changes the situation, not the eligibility facts)")
        lines.append("  Programs:")
        # A program also decided for other members names the client too ("Lucía, 29: ... not eligible"),
        # so the client's line does not read as a child's age of 29.
        for_members = {d.program_id for d in point.determinations if d.member not in (None, case.client.member)}
        for n, d in enumerate(point.determinations):
            was = previous.determinations[n] if previous else None
            turn = f"   (was: {was.label})" if was is not None and was.met != d.met else ""
            counts = d.counts.replace("_", " ")
            named = d.member not in (None, case.client.member) or d.program_id in for_members
            who = f"{case.member_label(d.member)}: " if named else ""
            lines.append(f"    {who}{d.program_name} [{d.program_id}]: {d.label}{turn}")
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
    for label, ids in (point.member_open or {}).items():
        lines += _wrap(f"open to {label} but not to the client: {', '.join(sorted(ids))}", "    ")
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
