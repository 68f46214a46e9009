"""Credential rules as data: loading ``credentials.yaml`` and checking it.

Every threshold the progress engine uses comes from this file, each with its source, the
date it was read and a confidence (official, secondary, unconfirmed). A problem in the
file is reported as ``file: field.path: what to fix`` (:class:`~casekit.errors.DataFileError`).
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from casekit.errors import DataFileError, Problem
from casekit.hours.storage.models import CATEGORIES, DEGREE_FIELDS, DEGREE_LEVELS, SETTINGS
from casekit.paths import package_data
from casekit.saved_copy import cached

Confidence = Literal["official", "secondary", "unconfirmed"]
Measure = Literal["hours", "calendar_months", "full_time_months", "supervision_hours"]
MEASURE_UNITS = {"hours": "h", "calendar_months": "months", "full_time_months": "months full-time", "supervision_hours": "h supervision"}
_DURATION_MEASURES = ("full_time_months", "calendar_months")
_AS_OF = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")

def unknown_credential_notes(rules: Rules, credentials) -> list[str]:
    """A note for each of ``credentials`` no rule names (a typo such as LCWS would quietly close a route)."""
    import difflib

    from casekit.hours.log.people import normalise_credential

    known = {normalise_credential(k): k for k in rules.credential_names}
    notes = []
    for c in credentials:
        if normalise_credential(c) not in known:
            near = difflib.get_close_matches(normalise_credential(c), list(known), n=1, cutoff=0.6)
            hint = f"did you mean {known[near[0]]}? " if near else ""
            notes.append(f"note: no credential rule names {c!r}, so it opens no route; {hint}it is recorded as given "
                         f"(the rules know {', '.join(sorted(known.values()))})")
    return notes


def default_rules_path() -> Path:
    return package_data("hours", "credentials.yaml")


class _Strict(BaseModel):
    # Validators are built when first used: a command that finds the rules' saved copy never builds them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Fact(_Strict):
    """Where a fact comes from: source, when it was read, and how sure we are."""

    source: str = Field(min_length=3)
    as_of: str
    confidence: Confidence
    note: str | None = None

    @field_validator("as_of", mode="before")
    @classmethod
    def _as_of(cls, v):
        if isinstance(v, date):
            v = v.isoformat()
        v = str(v)
        if not _AS_OF.match(v):
            raise ValueError(f"{v!r} is not a date; write YYYY-MM or YYYY-MM-DD")
        return v

    def cite(self) -> str:
        return f"{self.source} (as of {self.as_of}, {self.confidence})"


class Figure(Fact):
    """A number from a rule, with its source."""

    value: float = Field(gt=0)

    def text(self) -> str:
        return f"{self.value:g}"


def _known(values: list[str] | None, allowed, what: str) -> list[str] | None:
    """``values`` if every one is in ``allowed``; otherwise an error naming the unknown ones and the choices."""
    bad = [x for x in values or [] if x not in allowed]
    if bad:
        raise ValueError(f"unknown {what} {bad}; use {list(allowed)}")
    return values


def _token(v: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "-", str(v).strip().upper()).strip("-")


class EducationOption(_Strict):
    """One way to meet the education/licence rule: every condition given must hold."""

    label: str
    degree_levels: list[str] | None = None
    degree_fields: list[str] | None = None
    credentials_any: list[str] | None = None

    @field_validator("degree_levels")
    @classmethod
    def _levels(cls, v):
        return _known(v, DEGREE_LEVELS, "degree level(s)")

    @field_validator("degree_fields")
    @classmethod
    def _fields(cls, v):
        return _known(v, DEGREE_FIELDS, "degree field(s)")

    @field_validator("credentials_any")
    @classmethod
    def _creds(cls, v):
        return None if v is None else [_token(x) for x in v]

    @model_validator(mode="after")
    def _something(self):
        if not (self.degree_levels or self.degree_fields or self.credentials_any):
            raise ValueError("an option needs degree_levels, degree_fields or credentials_any")
        return self


class Eligibility(Fact):
    options: list[EducationOption] = Field(min_length=1)
    not_checked: list[str] = Field(default_factory=list)


class Counts(_Strict):
    """Which entries count toward a route."""

    paid: bool = True
    supervised: bool = True
    after_degree: bool = False  # only work from the date of a degree meeting the route's education rule
    categories: list[str] = Field(min_length=1)
    settings: list[str] | None = None  # None: any setting
    supervisor_credentials: list[str] | None = None
    look_back_months: Figure | None = None

    @field_validator("categories")
    @classmethod
    def _cats(cls, v):
        return _known(v, CATEGORIES, "categor(ies)")

    @field_validator("settings")
    @classmethod
    def _sets(cls, v):
        return _known(v, SETTINGS, "setting(s)")

    @field_validator("supervisor_credentials")
    @classmethod
    def _sup(cls, v):
        return None if v is None else [_token(x) for x in v]


class Requirement(_Strict):
    """A threshold on one measure of the route's entries, or (schema 2) of entries of its own.

    With ``counts`` the requirement measures the entries those counts accept instead of the
    route's, and ``of`` says in a few words what they are. NACCM's bachelor's route is the case in
    point: 2 years of supervised care management (the route's entries) and 3 years in all of care
    management or paid direct client work (a wider set, which includes the care management).
    """

    measure: Measure
    min: Figure
    counts: Counts | None = None
    of: str | None = Field(None, min_length=3)

    @model_validator(mode="after")
    def _own_counts(self):
        if self.counts is not None and self.of is None:
            raise ValueError("a requirement with its own counts needs `of`: a few words on what it counts")
        if self.of is not None and self.counts is None:
            raise ValueError("`of` describes a requirement's own counts; add counts or remove of")
        if self.counts is not None and self.measure == "supervision_hours":
            raise ValueError("supervision_hours measures the route's own entries; remove counts")
        return self

    @property
    def unit(self) -> str:
        return MEASURE_UNITS[self.measure] + (f" ({self.of})" if self.of else "")


class AnyOf(_Strict):
    any_of: list[Requirement] = Field(min_length=2)


class Route(_Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    label: str
    eligibility: Eligibility | None = None
    counts: Counts
    requirements: list[Union[Requirement, AnyOf]] = Field(min_length=1)

    def flat_requirements(self) -> list[Requirement]:
        out: list[Requirement] = []
        for r in self.requirements:
            out.extend(r.any_of if isinstance(r, AnyOf) else [r])
        return out

    @model_validator(mode="after")
    def _supervision_years(self):
        if any(r.measure == "supervision_hours" for r in self.flat_requirements()) and self.duration_years() is None:
            raise ValueError("a supervision_hours requirement needs a full_time_months or calendar_months "
                             "requirement in the same route (it sets how many years of supervision)")
        return self

    def duration_years(self) -> float | None:
        """The years of the route's own experience it asks for (from its duration requirement).

        A requirement with counts of its own (NACCM's additional direct client years) is left
        out: supervision is asked for each year of the route's care management only.
        """
        for r in self.requirements:
            if isinstance(r, Requirement) and r.measure in _DURATION_MEASURES and r.counts is None:
                return r.min.value / 12
        return None


class Credential(_Strict):
    name: str
    body: str
    short: str | None = None
    eligibility: Eligibility
    routes: list[Route] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_routes(self):
        ids = [r.id for r in self.routes]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"route ids must be unique; repeated: {dup}")
        return self


class Settings(_Strict):
    full_time_hours_per_week: Figure
    # Weeks of holiday or leave between full-time weeks that still count as full-time (none when absent).
    short_weeks_within_full_time: Figure | None = None


class Rules(_Strict):
    schema_version: Literal[2]
    settings: Settings
    credential_names: dict[str, str]
    credentials: dict[str, Credential] = Field(min_length=1)
    source_path: str = ""

    @model_validator(mode="after")
    def _known_tokens(self):
        known = {_token(k) for k in self.credential_names}
        for cid, cred in self.credentials.items():
            opts = list(cred.eligibility.options)
            sups = []
            for r in cred.routes:
                opts += list(r.eligibility.options) if r.eligibility else []
                for counts in [r.counts] + [q.counts for q in r.flat_requirements() if q.counts]:
                    sups += counts.supervisor_credentials or []
            used = [t for o in opts for t in (o.credentials_any or [])] + sups
            bad = sorted({t for t in used if t not in known})
            if bad:
                raise ValueError(f"credentials.{cid}: credential(s) {bad} are not in credential_names; add them there")
        return self

    # --- look-ups -------------------------------------------------------------------------

    def short_name(self, credential_id: str) -> str:
        c = self.credentials[credential_id]
        return c.short or credential_id.split("-", 1)[-1]

    def find(self, name: str) -> str:
        """A credential id from its id or short name (any case)."""
        want = name.strip().upper()
        for cid in self.credentials:
            if want in (cid.upper(), self.short_name(cid).upper()):
                return cid
        raise DataFileError([Problem(self.source_path, "credentials", f"no credential {name!r}; known: {', '.join(self.short_name(c) for c in self.credentials)}")])

    @property
    def full_time_hours(self) -> float:
        return self.settings.full_time_hours_per_week.value

    @property
    def short_weeks_within_full_time(self) -> int:
        figure = self.settings.short_weeks_within_full_time
        return int(figure.value) if figure is not None else 0


def _problems_from(exc: ValidationError, path: str) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith(("Requirement", "AnyOf", "function-")))
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling)"
        elif err["type"] == "missing":
            msg = "missing; add it"
        out.append(Problem(path, loc, msg))
    return out


SCHEMA_VERSION = 2


def _v2_fields(data: dict) -> list[str]:
    """Where a file uses what schema 2 added (requirements with counts of their own)."""

    def items(node, key):
        value = node.get(key) if isinstance(node, dict) else None
        return value.items() if isinstance(value, dict) else enumerate(value if isinstance(value, list) else [])

    found = []
    for cid, cred in items(data, "credentials"):
        for ri, route in items(cred, "routes"):
            for qi, item in items(route, "requirements"):
                reqs = item.get("any_of", [item]) if isinstance(item, dict) else []
                if any(isinstance(q, dict) and ("counts" in q or "of" in q) for q in reqs):
                    found.append(f"credentials.{cid}.routes.{ri}.requirements.{qi}")
    return found


def _upgrade_1_to_2(data: dict, path: str) -> dict:
    """Schema 2 adds requirements with counts of their own; a version 1 file means the same in 2."""
    used = _v2_fields(data)
    if used:
        raise DataFileError([Problem(path, w, "counts on a requirement need schema_version: 2; change the "
                                              "file's schema_version") for w in used])
    return {**data, "schema_version": 2}


_UPGRADES = {1: _upgrade_1_to_2}


def upgrade(data: dict, path: str = "<rules>") -> dict:
    """``data`` raised one schema version at a time to :data:`SCHEMA_VERSION` (old files keep loading)."""
    version = data.get("schema_version")
    while version in _UPGRADES:
        data = _UPGRADES[version](data, path)
        version = data["schema_version"]
    if "schema_version" in data and version != SCHEMA_VERSION:
        known = ", ".join(str(v) for v in [*_UPGRADES, SCHEMA_VERSION])
        raise DataFileError([Problem(path, "schema_version", f"{version!r} is not a version this kit reads "
                                                             f"({known}); is the kit older than the file?")])
    return data


def parse_rules(data: object, path: str = "<rules>") -> Rules:
    """Check already-loaded YAML data (any schema version); raise :class:`DataFileError` listing every problem."""
    if not isinstance(data, dict):
        raise DataFileError([Problem(path, "", "the file must be a mapping with schema_version, settings and credentials")])
    data = {k: v for k, v in data.items() if not str(k).startswith("_")}  # YAML anchors live under _keys
    data = upgrade(data, path)
    data["source_path"] = path
    try:
        return Rules.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(_problems_from(exc, path)) from None


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Rules:
    p = Path(path)
    return cached(p.parent, "credential-rules", [p], lambda: _read_rules(path))


def _read_rules(path: str) -> Rules:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is much faster, when PyYAML has it
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError([Problem(path, "", f"cannot be read: {exc.strerror}")]) from None
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        raise DataFileError([Problem(path, where, f"is not valid YAML: {getattr(exc, 'problem', exc)}")]) from None
    return parse_rules(data, path)


def load_rules(path: str | os.PathLike | None = None) -> Rules:
    """The credential rules from ``path`` (default: the kit's credentials.yaml), checked."""
    p = Path(path) if path is not None else default_rules_path()
    try:
        mtime = p.stat().st_mtime
    except OSError:
        raise DataFileError([Problem(str(p), "", "no such rules file")]) from None
    return _load_cached(str(p), mtime)
