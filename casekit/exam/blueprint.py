"""The exam blueprint: content outlines with their weights, ACM Core categories, the mock format.

Weights are data (``casestudies/exam/blueprint.yaml``) with a source, an as-of date and a status
saying whether each is published, inferred or assumed by the kit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from casekit.cases.schema import ID_PATTERN
from casekit.datafile import load_model
from casekit.paths import casestudies_dir
from casekit.casework.process import PROCESS_STEPS  # noqa: F401 - the steps an item may exercise

BLUEPRINT_VERSION: Final = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    title: str = Field(min_length=3)
    year: int = Field(ge=1900, le=2100)
    url: str | None = None


class Domain(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str
    weight: float = Field(gt=0, le=100, description="percent of the scored items")
    weight_status: Literal["published", "inferred", "assumed"]
    note: str | None = None


class Outline(_Strict):
    title: str
    source: Source
    as_of: dt.date
    domains: list[Domain] = Field(min_length=1)

    @model_validator(mode="after")
    def _sums_to_100(self):
        total = sum(d.weight for d in self.domains)
        if abs(total - 100) > 1e-6:
            raise ValueError(f"domain weights sum to {total:g}, not 100; fix the weights")
        ids = [d.id for d in self.domains]
        if len(set(ids)) != len(ids):
            raise ValueError("a domain id is listed twice")
        return self

    @property
    def ids(self) -> list[str]:
        return [d.id for d in self.domains]

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)


class Category(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str


class AcmCore(_Strict):
    source: Source
    as_of: dt.date
    published: bool
    note: str
    categories: list[Category] = Field(min_length=1)


class MockFormat(_Strict):
    title: str
    items: int = Field(ge=1)
    scored: int = Field(ge=1)
    pretest: int = Field(ge=0)
    minutes: float = Field(gt=0)
    outline: str
    source: Source
    as_of: dt.date
    note: str | None = None

    @model_validator(mode="after")
    def _adds_up(self):
        if self.scored + self.pretest != self.items:
            raise ValueError(f"scored ({self.scored}) + pretest ({self.pretest}) must equal items ({self.items})")
        return self


class PassMarks(_Strict):
    information_gathering: float = Field(gt=0, le=1)
    decision_making: float = Field(gt=0, le=1)


class SimulationRules(_Strict):
    source: Source
    as_of: dt.date
    pass_marks: PassMarks
    pass_marks_status: Literal["published", "inferred", "assumed"]
    note: str | None = None


class Blueprint(_Strict):
    version: Literal[1] = BLUEPRINT_VERSION
    outlines: dict[str, Outline]
    acm_core: AcmCore
    mock: MockFormat
    acm_simulation: SimulationRules

    @model_validator(mode="after")
    def _known_outlines(self):
        for needed in ("ccm-2025", "ccm-2020"):
            if needed not in self.outlines:
                raise ValueError(f"outlines must include {needed!r}")
        if self.mock.outline not in self.outlines:
            raise ValueError(f"mock.outline {self.mock.outline!r} is not one of the outlines {sorted(self.outlines)}")
        return self

    @property
    def current(self) -> Outline:
        return self.outlines["ccm-2025"]

    @property
    def previous(self) -> Outline:
        return self.outlines["ccm-2020"]

    @property
    def acm_ids(self) -> list[str]:
        return [c.id for c in self.acm_core.categories]


def blueprint_path(root: Path | None = None) -> Path:
    return (Path(root) / "casestudies" if root else casestudies_dir()) / "exam" / "blueprint.yaml"


def load_blueprint(path: Path | None = None) -> Blueprint:
    """Read and check the blueprint; raises DataFileError naming the file and field."""
    return load_model(Path(path) if path else blueprint_path(), Blueprint)


def weights_table(blueprint: Blueprint | None = None):
    """The two CCM outlines side by side: domain, weight, and whether the weight is published."""
    import pandas as pd

    blueprint = blueprint or load_blueprint()
    rows = []
    for name, outline in blueprint.outlines.items():
        for d in outline.domains:
            rows.append({"outline": name, "domain": d.id, "title": d.title, "weight %": d.weight,
                         "status": d.weight_status, "source": f"{outline.source.title} ({outline.source.year})"})
    return pd.DataFrame(rows)
