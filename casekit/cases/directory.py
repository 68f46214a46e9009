"""The community resource directory (casestudies/resources.yaml): its categories, facts and resources."""

from __future__ import annotations

from typing import ClassVar, Final, Literal

from pydantic import Field, field_validator, model_validator

from casekit.cases.base import ID_PATTERN, Strict
from casekit.cases.settings import Setting, check_settings
from casekit.datafile import upgrade_steps

RESOURCE_DIRECTORY_VERSION: Final = 2
"""The version of casestudies/resources.yaml (2 declares its own categories)."""


class Exclusion(Strict):
    """A fact that, when true, makes a resource unsuitable, with the reason a case manager would give."""

    fact: str
    reason: str = Field(min_length=1, description="e.g. 'hospice covers home nursing once a client elects it'")


class ResourceCriteria(Strict):
    """Who a resource serves. Every field is optional; an unset field admits everyone."""

    min_age: int | None = None
    max_age: int | None = None
    max_percent_fpl: float | None = None
    requires: list[str] = Field(
        default_factory=list,
        description="facts that must be true: disabled, pregnant, veteran, enrolled_in_school...",
    )
    excludes: list[Exclusion] = Field(
        default_factory=list,
        description="facts that, when true, rule the resource out: hospice_elected for home health...",
    )
    settings: list[Setting] = []

    @field_validator("settings", mode="before")
    @classmethod
    def _settings(cls, v):
        return check_settings(v)

    @field_validator("excludes", mode="before")
    @classmethod
    def _plain_names(cls, v):
        # A bare fact name is allowed; its reason is then the fact itself.
        if isinstance(v, list):
            return [{"fact": x, "reason": f"not for a client with {x.replace('_', ' ')}"} if isinstance(x, str) else x
                    for x in v]
        return v


LEGACY_CATEGORIES = {
    "housing": "Housing and shelter",
    "food": "Food",
    "medical": "Medical care",
    "mental_health": "Mental health",
    "substance_use": "Substance use",
    "school_support": "School support",
    "legal_aid": "Legal aid",
    "transport": "Transport",
    "income_support": "Income support",
    "caregiver_support": "Caregiver support",
}
"""The fixed categories of a version 1 resource directory."""

CATEGORY_PATTERN = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


class ResourceCategory(Strict):
    id: str = Field(pattern=CATEGORY_PATTERN, description="lower-case words joined by underscores: legal_aid")
    title: str


class Resource(Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str
    category: str = Field(pattern=CATEGORY_PATTERN, description="an id from the directory's categories")
    serves_needs: list[str] = Field(min_length=1, description="need ids")
    description: str
    criteria: ResourceCriteria = ResourceCriteria()
    wait_days: int = Field(ge=0)
    languages: list[str] = Field(min_length=1)
    hours: str
    fictional: Literal[True] = True


def _directory_1_to_2(data: dict) -> dict:
    """Version 2 lists its categories; a version 1 directory had the ten fixed ones."""
    categories = [{"id": k, "title": v} for k, v in LEGACY_CATEGORIES.items()]
    return {**data, "schema_version": 2, "categories": data.get("categories", categories)}


DIRECTORY_UPGRADES = {1: _directory_1_to_2}


class ResourceDirectory(Strict):
    """casestudies/resources.yaml: the categories, then the resources."""

    schema_version: Literal[2] = RESOURCE_DIRECTORY_VERSION
    categories: list[ResourceCategory] = Field(min_length=1)
    facts: dict[str, str] = Field(
        default_factory=dict, description="facts a resource's requires or excludes may name beyond the ones "
        "every case has (fact name: what it means); a case sets them under its own facts")
    resources: list[Resource] = Field(min_length=25)

    upgrade: ClassVar = staticmethod(lambda data: upgrade_steps(data, DIRECTORY_UPGRADES))

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data):
        return upgrade_steps(data, DIRECTORY_UPGRADES)

    def category(self, category_id: str) -> ResourceCategory | None:
        return next((c for c in self.categories if c.id == category_id), None)
