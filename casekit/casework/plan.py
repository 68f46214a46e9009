"""The learner's plan for one case: every decision, saved as JSON beside the notebook.

nbgrader re-executes a notebook in a fresh kernel, so widget state would be lost; the
plan file is the one durable record. Widgets write it as the learner works, a re-run
notebook reads it back, and the autograder reads the same file.

The file carries ``format_version``. An older file is upgraded one step at a time on
load; a newer one (from a later kit) is refused rather than guessed at. Saving never
silently destroys a file it could not read: that file is kept as a ``.bak`` first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_serializer

from casekit.cases.schema import Severity
from casekit.datafile import field_path
from casekit.errors import PlanFileError, json_error_text

PLAN_FORMAT_VERSION: Final = 3

FlagKind = Literal["missing", "inconsistent"]
"""What is wrong with a flagged application item."""


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class FlaggedItem(Part):
    """An application item the learner found missing or inconsistent."""

    item: str
    kind: FlagKind
    note: str = ""


class IdentifiedNeed(Part):
    need: str
    severity: Severity
    priority: int = Field(ge=1, description="1 is addressed first")


class ForMember(Part):
    """A part that may be for a household member other than the client (``member``; None: the client).

    The member is left out of the file when it is the client, so a plan that never names one is written
    exactly as before members existed."""

    @model_serializer(mode="wrap")
    def _omit_client(self, handler):
        data = handler(self)
        if isinstance(data, dict) and data.get("member") is None:
            data.pop("member", None)
        return data


class EligibilityDecision(ForMember):
    program: str
    eligible: bool
    deciding_test: str | None = None
    reason: str = ""
    member: str | None = Field(None, description="the household member it is for (None: the client)")


class Goal(Part):
    need: str
    what: str
    measure: str = ""
    target_date: dt.date | None = None


class ActionStep(Part):
    text: str
    owner_role: str
    due: dt.date | None = None


class Referral(ForMember):
    resource: str
    need: str
    member: str | None = Field(None, description="the household member it is for (None: the client)")


class InformationRequest(Part):
    provider: str
    information: str = ""


class Delegation(Part):
    task: str
    role: str


class Meeting(Part):
    date: dt.date | None = None
    attendees: list[str] = []
    purpose: str = ""


class Revision(Part):
    """How the learner retooled the plan after a follow-up event."""

    event: str
    new_needs: list[str] = []
    new_referrals: list[str] = Field(default_factory=list, description="resource ids")
    redetermine: list[str] = Field(default_factory=list, description="program ids")
    note: str = ""


INTAKE_FIELDS = ("flags", "needs", "eligibility", "goals", "actions", "referrals", "rights",
                 "information_requests", "delegations", "meetings")
"""The intake steps: what the learner decides before any follow-up event is shown."""


class InitialPlan(Part):
    """The intake steps as they stood when the learner saved the first plan, before any event was shown.

    Later edits to those steps change the plan as it is now; this copy stays as it was decided."""

    flags: list[FlaggedItem] = []
    needs: list[IdentifiedNeed] = []
    eligibility: list[EligibilityDecision] = []
    goals: list[Goal] = []
    actions: list[ActionStep] = []
    referrals: list[Referral] = []
    rights: list[str] = []
    information_requests: list[InformationRequest] = []
    delegations: list[Delegation] = []
    meetings: list[Meeting] = []


class Plan(Part):
    format_version: Literal[3] = PLAN_FORMAT_VERSION
    case: str
    updated: dt.datetime | None = None
    initial_saved: bool = Field(default=False, description="true once the learner has saved the first plan")
    initial: InitialPlan | None = Field(default=None, description="the intake steps frozen when the first plan was saved")
    flags: list[FlaggedItem] = []
    needs: list[IdentifiedNeed] = []
    eligibility: list[EligibilityDecision] = []
    goals: list[Goal] = []
    actions: list[ActionStep] = []
    referrals: list[Referral] = []
    rights: list[str] = []
    information_requests: list[InformationRequest] = []
    delegations: list[Delegation] = []
    meetings: list[Meeting] = []
    progress_note: str = ""
    revisions: list[Revision] = []

    # -- small helpers so the code path is as short as the widget path --------------

    def need_ids(self) -> list[str]:
        """Identified needs in the learner's priority order."""
        return [n.need for n in sorted(self.needs, key=lambda n: n.priority)]

    def set_need(self, need: str, severity: Severity | str, priority: int | None = None) -> None:
        severity = Severity(severity)
        existing = next((n for n in self.needs if n.need == need), None)
        if existing:
            existing.severity = severity
            if priority is not None:
                existing.priority = priority
            return
        self.needs.append(IdentifiedNeed(need=need, severity=severity, priority=priority or len(self.needs) + 1))

    def drop_need(self, need: str) -> None:
        self.needs = [n for n in self.needs if n.need != need]
        for i, n in enumerate(sorted(self.needs, key=lambda n: n.priority), start=1):
            n.priority = i

    def decision(self, program: str, member: str | None = None) -> EligibilityDecision | None:
        """The decision on ``program`` for ``member`` (None: the client)."""
        return next((d for d in self.eligibility if d.program == program and d.member == member), None)

    def revision(self, event: str) -> Revision | None:
        return next((r for r in self.revisions if r.event == event), None)

    def freeze_initial(self) -> None:
        """Keep the intake steps as they are now as the initial plan (once: a second call changes nothing)."""
        if self.initial is None:
            self.initial = InitialPlan.model_validate(
                {f: [item.model_copy(deep=True) if isinstance(item, BaseModel) else item for item in getattr(self, f)]
                 for f in INTAKE_FIELDS},
            )
        self.initial_saved = True

    def as_initially_saved(self) -> "Plan":
        """The plan as the learner decided it at intake: the frozen intake steps, with today's revisions.

        A plan saved before freezing existed (or never frozen) is its own initial plan."""
        if self.initial is None:
            return self
        frozen = {f: getattr(self.initial, f) for f in INTAKE_FIELDS}
        return self.model_copy(update=frozen, deep=True)


# --------------------------------------------------------------------------- upgrades

def _v1_to_v2(data: dict) -> dict:
    """Version 1 kept needs as a bare list of ids in priority order and had no revisions."""
    needs = data.get("needs", [])
    severities = data.pop("need_severity", {})
    data["needs"] = [
        {"need": n, "severity": severities.get(n, "moderate"), "priority": i}
        for i, n in enumerate(needs, start=1)
    ]
    data.setdefault("revisions", [])
    data["format_version"] = 2
    return data


def _v2_to_v3(data: dict) -> dict:
    """Version 3 keeps the intake steps frozen at the first save; a version-2 file has no such copy, so its
    intake steps as they are now stand for the initial plan."""
    data.setdefault("initial", None)
    data["format_version"] = 3
    return data


UPGRADES: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3}
"""``UPGRADES[n]`` turns a version-n plan into version n+1."""


def upgrade(data: dict, source: str = "plan") -> dict:
    version = data.get("format_version", 1)
    if not isinstance(version, int) or version < 1:
        raise PlanFileError(f"{source}: format_version {version!r} is not a version number; the file is damaged")
    if version > PLAN_FORMAT_VERSION:
        raise PlanFileError(
            f"{source}: written by a newer kit (plan format {version}; this kit reads up to "
            f"{PLAN_FORMAT_VERSION}). Update the kit (git pull, then make lab); the file was left as it is."
        )
    needs = data.get("needs")
    if "format_version" not in data and isinstance(needs, list) and any(not isinstance(n, str) for n in needs):
        raise PlanFileError(
            f"{source}: format_version is missing, and its needs are not the list of need ids a plan of format 1 "
            f"(the only one without it) holds; add \"format_version\": {PLAN_FORMAT_VERSION} if the kit wrote it, "
            "or save the plan again from the notebook")
    while version < PLAN_FORMAT_VERSION:
        try:
            data = UPGRADES[version](dict(data))
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise PlanFileError(
                f"{source}: a plan in format {version} that cannot be brought up to date ({type(exc).__name__}: "
                f"{exc}); the file is damaged"
            ) from None
        version = data["format_version"]
    return data


# --------------------------------------------------------------------------- files

def plan_path(case_id: str, folder: Path | str = ".") -> Path:
    return Path(folder) / f"{case_id}.plan.json"


def plan_from_dict(data: object, source: str = "plan") -> Plan:
    if not isinstance(data, dict):
        raise PlanFileError(f"{source}: expected a JSON object at the top level; the file is damaged")
    data = upgrade(data, source)
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        listed = "; ".join(f"{field_path(e['loc'])}: {e['msg'].lower()}" for e in errors[:3])
        more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
        raise PlanFileError(f"{source}: {listed}{more}. Fix the field, or delete the file to start afresh.") from None


MAX_PLAN_BYTES = 5 * 1024 * 1024
"""A plan with every step filled in is a few kilobytes; anything this large is not one."""

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"}


def decode_plan_text(data: bytes, source: str = "plan") -> str:
    """The text of a plan file as editors write it: UTF-8 (with or without a BOM), UTF-16 with
    its BOM, or Windows cp1252; CRLF line ends are fine. Raises PlanFileError for anything else."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise PlanFileError(
                    f"{source}: starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()} text "
                    f"({exc.reason} at byte {exc.start}). Save it again as UTF-8, or delete it to start afresh."
                ) from None
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")  # Windows Notepad's "ANSI"
            except UnicodeDecodeError as exc:
                raise PlanFileError(
                    f"{source}: not text (byte {exc.start} is neither UTF-8 nor Windows-1252). It is not a plan "
                    "file, or it is damaged; save it again as UTF-8, or delete it to start afresh."
                ) from None
    if any(ch in _CONTROL for ch in text):
        raise PlanFileError(
            f"{source}: holds binary data, not text. It is not a plan file, or it is damaged; delete it to start "
            "afresh (the controls write a new one). The file was left as it is."
        )
    return text


def load_plan(path: Path | str) -> Plan:
    """Read a plan file, upgrading older versions. Raises PlanFileError, never overwrites.

    Reads the encodings editors write (:func:`decode_plan_text`); a file that is too large,
    not text, not JSON, nested too deep or not a plan is refused with the reason and the fix.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_PLAN_BYTES + 1)
    except FileNotFoundError:
        raise PlanFileError(f"{path}: no plan file yet; it is created when you first save") from None
    except OSError as exc:
        raise PlanFileError(f"{path}: cannot be read ({exc.strerror or exc}); check that it is a file you may read") from None
    if len(data) > MAX_PLAN_BYTES:
        raise PlanFileError(
            f"{path}: larger than {MAX_PLAN_BYTES // 1024**2} MB, far larger than any plan; it is not a plan file. "
            "The file was left as it is."
        )
    text = decode_plan_text(data, str(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            f"{path}: not valid JSON ({json_error_text(exc)}). The file was left as it is."
        ) from None
    except RecursionError:
        raise PlanFileError(
            f"{path}: JSON nested far deeper than a plan ever is; it is not a plan file. The file was left as it is."
        ) from None
    try:
        return plan_from_dict(data, str(path))
    except RecursionError:
        raise PlanFileError(f"{path}: nested far deeper than a plan ever is; it is not a plan file.") from None


def plan_to_json(plan: Plan) -> str:
    return plan.model_dump_json(indent=2) + "\n"


def backup_path(path: Path) -> Path:
    """The first free ``<name>.bak``, ``<name>.bak1``, ... so no backup is overwritten."""
    candidate = path.with_name(path.name + ".bak")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak{n}")
        n += 1
    return candidate


def save_plan(plan: Plan, path: Path | str, *, replaces_a_plan: bool | None = None) -> Path | None:
    """Write the plan atomically. If the existing file cannot be read as a plan, keep it as
    a backup first and return the backup's path (None when no backup was needed).

    ``replaces_a_plan=True`` says the caller knows the file there is a readable plan (it read or
    wrote that very file), so it is not read again to find out."""
    path = Path(path)
    backup = None
    if path.exists() and not replaces_a_plan:
        try:
            load_plan(path)
        except PlanFileError:
            backup = backup_path(path)
            os.replace(path, backup)
    plan.updated = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(plan_to_json(plan))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return backup
