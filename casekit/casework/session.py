"""A learner's working session on one case: the code path every widget goes through.

``open_case("case-id")`` reads the case and the learner's plan file (``<case-id>.plan.json``
in the notebook's folder). Every change, from a widget or from a code cell, goes through
one of the methods below and is saved at once, so Restart & Run All loses nothing.

A plan file that cannot be read is never overwritten silently: the session starts an
empty plan in memory, says why, and the first save keeps the old file as ``.bak``. A plan
file another session (a duplicated notebook, a second kernel) saved in the meantime is
merged before saving, or, where both changed the same part, refused with
:class:`PlanConflictError`; no decision is lost without a word.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import get_args

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import Case, Key, Severity
from casekit.datafile import load_model
from casekit.errors import CasekitError, PlanFileError
from casekit.casework.plan import (
    ActionStep,
    Delegation,
    EligibilityDecision,
    FlagKind,
    FlaggedItem,
    Goal,
    InformationRequest,
    Meeting,
    Plan,
    Referral,
    Revision,
    load_plan,
    plan_path,
    save_plan,
)
from casekit.casework.plancheck import plan_problems


class PlanConflictError(CasekitError):
    """Two sessions changed the same part of one plan file; nothing was written."""


def _fingerprint(path: Path) -> str | None:
    """A hash of the plan file's bytes (None when there is no file): has it changed since?"""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CasekitError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-15") from None


class CaseSession:
    """One case, one learner, one plan file."""

    def __init__(self, case_id: str, folder: Path | str = ".", library: CaseLibrary | None = None):
        self.lib = library or CaseLibrary.load(with_keys=False)
        self.case: Case = self.lib.case(case_id)
        self.path = plan_path(case_id, folder)
        self.message = ""
        self.status = ""
        """The last save's one-line status (what ``save`` returned)."""
        self.plan = self._load()
        self._listeners: list = []
        self._key: tuple[str, Key] | None = None
        """The answer key as last read, with the fingerprint its file had then."""

    # ------------------------------------------------------------------ loading and saving

    def _load(self) -> Plan:
        self._disk = _fingerprint(self.path)
        self._disk_is_plan = False
        plan = self._read()
        self._base = plan.model_copy(deep=True)
        return plan

    def _read(self) -> Plan:
        if not self.path.exists():
            self.message = f"New plan: your decisions will be saved to {self.path.name} as you make them."
            return Plan(case=self.case.id)
        try:
            plan = load_plan(self.path)
            self._disk_is_plan = True
        except PlanFileError as exc:
            why = str(exc).rstrip(".")
            self.message = (
                f"Could not read your saved plan. {why}. Starting an empty plan; the old file will be kept "
                "as a .bak copy when you next save."
            )
            return Plan(case=self.case.id)
        if plan.case != self.case.id:
            self.message = (
                f"{self.path.name} holds a plan for case {plan.case!r}, not {self.case.id!r}. Starting an empty "
                "plan; the old file will be kept as a .bak copy when you next save."
            )
            self._foreign = True
            return Plan(case=self.case.id)
        problems = plan_problems(plan, self.case, self.lib)
        if problems:
            self.message = "Your saved plan was loaded, but: " + " ".join(problems)
        else:
            when = f" (last saved {plan.updated:%Y-%m-%d %H:%M} UTC)" if plan.updated else ""
            self.message = f"Loaded your saved plan from {self.path.name}{when}."
        return plan

    def reload(self) -> str:
        """Read the plan file again, dropping changes not yet saved; returns what was loaded."""
        self._foreign = False
        self.plan = self._load()
        for listener in list(self._listeners):
            listener(self)
        return self.message

    def _merge_from_disk(self) -> str:
        """Bring in what another session saved since this one read the file; '' when nothing changed.

        A three-way merge by part of the plan (needs, goals, the note...): a part only the other
        session changed is taken from the file, one only this session changed is kept. When both
        changed the same part, nothing is written and :class:`PlanConflictError` says which.
        """
        now = _fingerprint(self.path)
        if now == self._disk or now is None:
            return ""
        try:
            theirs = load_plan(self.path)
        except PlanFileError:
            return ""  # unreadable now: save_plan keeps it as a .bak, as for any unreadable file
        if theirs.case != self.case.id:
            return ""
        base, ours = self._base.model_dump(), self.plan.model_dump()
        other = theirs.model_dump()
        merged, taken, clashes = dict(ours), [], []
        for part in ours:
            if part in ("updated", "format_version", "case") or other[part] == ours[part]:
                continue
            if ours[part] == base[part]:
                merged[part] = other[part]
                taken.append(part)
            elif other[part] != base[part]:
                clashes.append(part)
        if clashes:
            raise PlanConflictError(
                f"{self.path.name} was changed by another session (another notebook or kernel on this plan) since "
                f"this one read it, and both changed: {', '.join(clashes)}. Nothing was saved, so neither change is "
                "lost: the file keeps the other session's; this session still holds yours. Run "
                "session.reload() to take the file's version and make your change again, or "
                "session.save(overwrite=True) to replace the file with this session's plan."
            )
        self.plan = Plan.model_validate(merged)
        return ", ".join(taken)

    def save(self, *, overwrite: bool = False) -> str:
        """Write the plan file now; returns a one-line status.

        If another session saved the file since this one read it, its changes are merged in
        first; when both changed the same part of the plan, :class:`PlanConflictError` is
        raised and nothing is written (``overwrite=True`` replaces the file regardless).
        """
        taken = "" if overwrite else self._merge_from_disk()
        if getattr(self, "_foreign", False):
            from casekit.casework.plan import backup_path
            import os

            os.replace(self.path, backup_path(self.path))
            self._foreign = False
        # The file this session read or wrote last, unchanged since, is known to be a plan: not read again.
        known = self._disk_is_plan and _fingerprint(self.path) == self._disk
        backup = save_plan(self.plan, self.path, replaces_a_plan=True if known else None)
        self._disk = _fingerprint(self.path)
        self._disk_is_plan = True
        self._base = self.plan.model_copy(deep=True)
        status = f"Saved to {self.path.name} at {self.plan.updated:%H:%M:%S} UTC."
        if taken:
            status += f" Another session had changed the file; its {taken} were kept alongside your change."
        if backup:
            status += f" The unreadable old file was kept as {backup.name}."
        self.status = status
        for listener in list(self._listeners):
            listener(self)
        return status

    def on_change(self, callback) -> None:
        """Call ``callback(session)`` after every save (widgets use it to refresh)."""
        self._listeners.append(callback)

    # ------------------------------------------------------------------ the code equivalents

    def flag(self, item: str, kind: FlagKind | None, note: str = "") -> None:
        """Flag an application item as ``missing`` or ``inconsistent`` (``None`` removes the flag)."""
        self._known(item, {i.id for i in self.case.application.items}, "application item")
        if kind:
            self._known(kind, get_args(FlaggedItem.model_fields["kind"].annotation), "flag kind")
        self.plan.flags = [f for f in self.plan.flags if f.item != item]
        if kind:
            self.plan.flags.append(FlaggedItem(item=item, kind=kind, note=note))
        self.save()

    def add_need(self, need: str, severity: Severity | str, priority: int | None = None) -> None:
        """Record a need with its severity; priority 1 is addressed first (default: last)."""
        self._known(need, set(self.lib.needs), "need")
        self._known(getattr(severity, "value", severity), [s.value for s in Severity], "severity")
        if priority is not None and (not isinstance(priority, int) or priority < 1):
            raise CasekitError(f"priority {priority!r}: give a whole number, 1 for the need addressed first")
        self.plan.set_need(need, severity, priority)
        self.save()

    def remove_need(self, need: str) -> None:
        self.plan.drop_need(need)
        self.save()

    def set_priority_order(self, need_ids: list[str]) -> None:
        """Put the identified needs in this order (first = most urgent)."""
        current = {n.need: n for n in self.plan.needs}
        unknown = [n for n in need_ids if n not in current]
        if unknown:
            raise CasekitError(f"not among your identified needs: {', '.join(unknown)}; add them first")
        rest = [n for n in self.plan.need_ids() if n not in need_ids]
        for i, need in enumerate([*need_ids, *rest], start=1):
            current[need].priority = i
        self.save()

    def _member(self, member: str | None) -> str | None:
        """The household member a decision or referral is for, as the plan records it: None for the client."""
        if member is None:
            return None
        self._known(member, [m.id for m in self.case.household.members], "household member")
        return None if member == self.case.client.member else member

    def decide(self, program: str, eligible: bool | None, deciding_test: str | None = None, reason: str = "",
               member: str | None = None) -> None:
        """Record an eligibility decision for ``member`` (a household member's id; default the client);
        ``eligible=None`` removes it."""
        self._known(program, set(self.case.programs), "program for this case")
        member = self._member(member)
        if deciding_test is not None:
            tests = {t.id for t in self.lib.program(program).tests}
            self._known(deciding_test, tests, f"test of {program}")
        self.plan.eligibility = [d for d in self.plan.eligibility if not (d.program == program and d.member == member)]
        if eligible is not None:
            self.plan.eligibility.append(
                EligibilityDecision(program=program, eligible=eligible, deciding_test=deciding_test, reason=reason,
                                    member=member)
            )
        self.save()

    def add_goal(self, need: str, what: str, measure: str, target_date: dt.date | str | None) -> None:
        """Add a goal for ``need``: who does what, how you will know (``measure``), and by when."""
        self._known(need, set(self.lib.needs), "need")
        if not (what or "").strip():
            raise CasekitError("the goal is empty: say who will do what for this need, e.g. 'Ms. Reyes attends "
                               "her cardiology visit on March 20 with her daughter'")
        self.plan.goals.append(Goal(need=need, what=what, measure=measure, target_date=_date(target_date)))
        self.save()

    def remove_goal(self, index: int) -> None:
        del self.plan.goals[index]
        self.save()

    def add_action(self, text: str, owner_role: str, due: dt.date | str | None = None) -> None:
        self._known(owner_role, set(self.lib.roles) | {"case-manager"}, "role")
        self.plan.actions.append(ActionStep(text=text, owner_role=owner_role, due=_date(due)))
        self.save()

    def remove_action(self, index: int) -> None:
        del self.plan.actions[index]
        self.save()

    def refer(self, resource: str, need: str, member: str | None = None) -> None:
        """Refer ``member`` (a household member's id; default the client) to ``resource`` for ``need``."""
        self._known(resource, set(self.lib.resources), "resource")
        self._known(need, set(self.lib.needs), "need")
        member = self._member(member)
        if not any(r.resource == resource and r.need == need and r.member == member for r in self.plan.referrals):
            self.plan.referrals.append(Referral(resource=resource, need=need, member=member))
        self.save()

    def unrefer(self, resource: str, need: str, member: str | None = None) -> None:
        member = self._member(member)
        self.plan.referrals = [r for r in self.plan.referrals
                               if not (r.resource == resource and r.need == need and r.member == member)]
        self.save()

    def set_rights(self, right_ids: list[str]) -> None:
        """The rights and responsibilities you will explain to the client."""
        for r in right_ids:
            self._known(r, set(self.lib.rights), "right or responsibility")
        self.plan.rights = list(dict.fromkeys(right_ids))
        self.save()

    def request_info(self, provider: str, information: str | None) -> None:
        """Ask ``provider`` for ``information`` (``None`` withdraws the request)."""
        self._known(provider, {p.id for p in self.case.providers}, "provider")
        self.plan.information_requests = [r for r in self.plan.information_requests if r.provider != provider]
        if information is not None:
            self.plan.information_requests.append(InformationRequest(provider=provider, information=information))
        self.save()

    def delegate(self, task: str, role: str | None) -> None:
        """Give ``task`` to a staff ``role`` (``None``: take it back; no one has it)."""
        self._known(task, {t.id for t in self.case.tasks}, "task")
        if role is not None:
            self._known(role, set(self.lib.roles), "role")
        self.plan.delegations = [d for d in self.plan.delegations if d.task != task]
        if role is not None:
            self.plan.delegations.append(Delegation(task=task, role=role))
        self.save()

    def set_meeting(self, date: dt.date | str | None, attendees: list[str], purpose: str) -> None:
        self.plan.meetings = [Meeting(date=_date(date), attendees=list(attendees), purpose=purpose)]
        self.save()

    def write_note(self, text: str) -> None:
        """The progress note (graded by a person)."""
        self.plan.progress_note = text
        self.save()

    def save_initial_plan(self) -> None:
        """Save the first plan as it stands; follow-up events become visible.

        The intake steps are frozen as the initial plan: what you change in them afterwards is kept as part
        of the plan now, and the rubric scores the initial plan for what you decided before the events."""
        self.plan.freeze_initial()
        self.save()

    def revise(
        self,
        event: str,
        new_needs: Sequence[str] = (),
        new_referrals: Sequence[str] = (),
        redetermine: Sequence[str] = (),
        note: str = "",
    ) -> None:
        """Record how the plan changes after follow-up ``event``."""
        if not self.plan.initial_saved:
            raise CasekitError("save your initial plan first (session.save_initial_plan()); events come after it")
        self._known(event, {e.id for e in self.case.events}, "follow-up event")
        for n in new_needs:
            self._known(n, set(self.lib.needs), "need")
        for r in new_referrals:
            self._known(r, set(self.lib.resources), "resource")
        for p in redetermine:
            self._known(p, set(self.case.programs), "program for this case")
        self.plan.revisions = [r for r in self.plan.revisions if r.event != event]
        self.plan.revisions.append(
            Revision(event=event, new_needs=list(new_needs), new_referrals=list(new_referrals), redetermine=list(redetermine), note=note)
        )
        self.save()

    # ------------------------------------------------------------------ the self-check

    def key(self) -> Key | None:
        """The answer key, where this copy of the kit has it (self-study); None in a cohort release."""
        path = self.lib.keys_dir / f"{self.case.id}.yaml"
        stamp = _fingerprint(path)
        if stamp is None:
            return None
        if self._key is None or self._key[0] != stamp:  # read again only when the file changed
            key = load_model(path, Key)
            if key.case != self.case.id:
                raise CasekitError(f"{path}: the key is for case {key.case!r}, not {self.case.id!r}; fix its `case:`")
            self._key = (stamp, key)
        return self._key[1]

    def check(self):
        """Score the plan as it stands: a list of CriterionResult (needs the answer key)."""
        from casekit.casework.rubric import score

        key = self.key()
        if key is None:
            raise CasekitError(
                "this copy of the kit has no answer key for the case (your instructor grades it); "
                "submit the notebook with its plan file instead"
            )
        return score(self.plan, self.case, key, self.lib)

    # ------------------------------------------------------------------ helpers

    def options(self, kind: str):
        """The ids you can use in code, with their titles: ``session.options("needs")``.

        Kinds: application, members, needs, programs, resources, rights, roles, providers, tasks, events.
        """
        import pandas as pd

        lib, case = self.lib, self.case
        table = {
            "application": [(i.id, i.label) for i in case.application.items],
            "members": [(m.id, f"{m.name}, {m.age} ({'the client' if m.id == case.client.member else m.relationship})")
                        for m in case.household.members],
            "needs": [(n.id, f"{n.title} ({n.domain})") for n in lib.needs.values()],
            "programs": [(p, lib.program(p).name) for p in case.programs],
            "resources": [(r.id, f"{r.name} ({r.category}); serves {', '.join(r.serves_needs)}") for r in lib.resources.values()],
            "rights": [(r.id, r.text) for r in lib.rights.values() if case.setting in r.settings],
            "roles": [(r.id, r.title) for r in lib.roles.values()],
            "providers": [(p.id, f"{p.name} ({p.role})") for p in case.providers],
            "tasks": [(t.id, t.text) for t in case.tasks],
            "events": [(e.id, e.title) for e in case.events] if self.plan.initial_saved else [],
        }
        if kind not in table:
            raise CasekitError(f"unknown kind {kind!r}; use one of {', '.join(table)}")
        return pd.DataFrame(table[kind], columns=["id", "title"])

    # Where ``session.options(...)`` lists the ids of each kind a method takes.
    _OPTIONS_FOR = {"application item": "application", "need": "needs", "program for this case": "programs",
                    "role": "roles", "resource": "resources", "right or responsibility": "rights",
                    "provider": "providers", "task": "tasks", "follow-up event": "events",
                    "household member": "members"}

    @classmethod
    def _known(cls, value: str, known, what: str) -> None:
        """Refuse ``value`` unless it is in ``known`` (a list or tuple is shown in its own order)."""
        if value in known:
            return
        choices = list(known) if isinstance(known, (list, tuple)) else sorted(known)
        close = difflib.get_close_matches(str(value), choices, n=3)
        if len(choices) <= 12:
            listed = f"choose one of: {', '.join(choices)}"
        else:
            listed = f"{len(choices)} to choose from"
        where = f"; session.options({cls._OPTIONS_FOR[what]!r}) lists them" if what in cls._OPTIONS_FOR else ""
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise CasekitError(f"unknown {what} {value!r}{hint}; {listed}{where}")


def open_case(case_id: str, folder: Path | str = ".") -> CaseSession:
    """Open ``case_id`` with the plan file in ``folder`` (the notebook's own folder by default)."""
    return CaseSession(case_id, folder)
