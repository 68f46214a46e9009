"""ACM-style simulation practice on the kit's own cases.

A simulation file (``casestudies/exam/simulations/<case-id>.yaml``) holds, for one case, the
facts worth finding (each tied to where the case states it), the requests a learner may make to
gather information, and the decisions that follow. Every request and every decision option is
rated helpful, neutral or harmful and has a cost: the points at stake. A helpful choice earns its
cost, a harmful one loses it, a neutral one earns nothing. Information Gathering and Decision
Making are scored apart, against the pass marks in the blueprint, and both must pass, as in
ACMA's Specialty Simulation. The feedback names, for each fact the learner did not find, the
requests that would have found it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from casekit.cases.schema import ID_PATTERN, Case
from casekit.datafile import load_model
from casekit.errors import CasekitError, DataFileError, Problem
from casekit.exam.blueprint import PassMarks
from casekit.paths import casestudies_dir

SIMULATION_VERSION: Final = 1
Rating = Literal["helpful", "neutral", "harmful"]


class SimulationError(CasekitError):
    """A choice that names no request or option of the simulation, or a decision made twice."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    text: str
    case_ref: str = Field(description="where the case states it: report:<id>, application:<id>, fact:<name>, household...")


class Request(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    text: str = Field(description="what the learner chooses, e.g. 'Read the discharge summary'")
    rating: Rating
    cost: int = Field(ge=0, le=5)
    result: str = Field(description="what the learner is shown after choosing it")
    reveals: list[str] = Field(default_factory=list, description="fact ids this request uncovers")


class Choice(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    text: str
    rating: Rating
    cost: int = Field(ge=0, le=5)
    why: str = Field(description="feedback after the simulation")


class Decision(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    prompt: str
    choose: Literal["one", "any"] = "one"
    options: list[Choice] = Field(min_length=2)

    @property
    def best(self) -> float:
        helpful = [o.cost for o in self.options if o.rating == "helpful"]
        return float(sum(helpful) if self.choose == "any" else max(helpful, default=0))


class Simulation(_Strict):
    version: Literal[1] = SIMULATION_VERSION
    case: str = Field(pattern=ID_PATTERN)
    title: str
    opening: str = Field(description="the situation the learner reads before gathering")
    facts: list[Fact] = Field(min_length=1)
    requests: list[Request] = Field(min_length=2)
    decisions: list[Decision] = Field(min_length=1)

    @model_validator(mode="after")
    def _cross_references(self):
        facts = {f.id for f in self.facts}
        for kind, ids in (("facts", [f.id for f in self.facts]), ("requests", [r.id for r in self.requests]),
                          ("decisions", [d.id for d in self.decisions])):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            if dup:
                raise ValueError(f"{kind}: id {dup[0]!r} is listed twice; ids are unique in a simulation")
        for r in self.requests:
            for f in r.reveals:
                if f not in facts:
                    raise ValueError(f"request {r.id!r} reveals unknown fact {f!r}; add it under facts or fix the id")
        found = {f for r in self.requests if r.rating == "helpful" for f in r.reveals}
        for fact in self.facts:
            if fact.id not in found:
                raise ValueError(f"fact {fact.id!r} is revealed by no helpful request; every fact must be findable")
        for d in self.decisions:
            if not any(o.rating == "helpful" for o in d.options):
                raise ValueError(f"decision {d.id!r} has no helpful option")
        if not any(r.rating == "helpful" for r in self.requests):
            raise ValueError("no request is helpful")
        return self

    def request(self, request_id: str) -> Request:
        for r in self.requests:
            if r.id == request_id:
                return r
        raise SimulationError(f"no request {request_id!r} in the {self.case} simulation; "
                              f"choose one of {', '.join(r.id for r in self.requests)}")

    def decision(self, decision_id: str) -> Decision:
        for d in self.decisions:
            if d.id == decision_id:
                return d
        raise SimulationError(f"no decision {decision_id!r} in the {self.case} simulation; "
                              f"use one of {', '.join(d.id for d in self.decisions)}")

    def finders(self, fact_id: str) -> list[Request]:
        """The requests that would have found ``fact_id``, helpful first."""
        order = {"helpful": 0, "neutral": 1, "harmful": 2}
        return sorted((r for r in self.requests if fact_id in r.reveals), key=lambda r: order[r.rating])


# --------------------------------------------------------------------------- loading


def simulations_dir(root: Path | None = None) -> Path:
    return (Path(root) / "casestudies" if root else casestudies_dir()) / "exam" / "simulations"


def load_simulation(case_id: str, root: Path | None = None) -> Simulation:
    path = simulations_dir(root) / f"{case_id}.yaml"
    if not path.exists():
        have = sorted(p.stem for p in simulations_dir(root).glob("*.yaml"))
        raise CasekitError(f"no simulation for case {case_id!r}; the kit has simulations for {', '.join(have) or 'no case'}")
    return load_model(path, Simulation)


def available_simulations(root: Path | None = None) -> list[str]:
    return sorted(p.stem for p in simulations_dir(root).glob("*.yaml"))


def simulation_problems(root: Path, case_ids: set[str]) -> list[Problem]:
    """Every problem in the simulation files: format, the case they belong to, and fact references."""
    out: list[Problem] = []
    for path in sorted(simulations_dir(root).glob("*.yaml")):
        try:
            sim = load_model(path, Simulation)
        except DataFileError as exc:
            out += exc.problems
            continue
        if sim.case != path.stem:
            out.append(Problem(path, "case", f"the file is named for {path.stem!r} but its case is {sim.case!r}; make them match"))
        if sim.case not in case_ids:
            out.append(Problem(path, "case", f"no case {sim.case!r} in casestudies/"))
            continue
        try:
            case = load_model(Path(root) / "casestudies" / f"{sim.case}.yaml", Case)
        except DataFileError:
            continue  # the case's own problems are reported by the case checks
        refs = case.fact_refs()
        for n, fact in enumerate(sim.facts):
            if fact.case_ref not in refs:
                out.append(Problem(path, f"facts[{n}].case_ref",
                                   f"{fact.case_ref!r} names nothing in case {sim.case!r}; use e.g. report:<id>, application:<id>, fact:<name>"))
    return out


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class PartScore:
    earned: float
    possible: float
    pass_mark: float

    @property
    def score(self) -> float:
        return max(0.0, self.earned) / self.possible if self.possible else 0.0

    @property
    def passed(self) -> bool:
        return self.score >= self.pass_mark


@dataclass
class SimulationResult:
    gathering: PartScore
    deciding: PartScore
    missed_facts: list[tuple[Fact, list[Request]]] = field(default_factory=list)
    harmful_requests: list[Request] = field(default_factory=list)
    decision_feedback: list[tuple[Decision, list[Choice]]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.gathering.passed and self.deciding.passed

    def summary(self) -> str:
        def line(name, part):
            return (f"{name}: {part.score:.0%} (pass mark {part.pass_mark:.0%}) "
                    f"{'passed' if part.passed else 'not passed'}")
        verdict = "Passed: both parts are at or above their pass marks." if self.passed else \
            "Not passed: both parts must reach their pass marks."
        return "\n".join([line("Information Gathering", self.gathering), line("Decision Making", self.deciding), verdict])

    def feedback(self) -> str:
        lines = [self.summary(), ""]
        for fact, finders in self.missed_facts:
            names = "; ".join(f"{r.text} ({r.rating})" for r in finders)
            lines.append(f"Missed: {fact.text} It was found by: {names}.")
        for r in self.harmful_requests:
            lines.append(f"Harmful request: {r.text}. {r.result}")
        for d, chosen in self.decision_feedback:
            for c in chosen:
                lines.append(f"{d.prompt} You chose: {c.text} ({c.rating}). {c.why}")
            if not chosen:
                lines.append(f"{d.prompt} You made no choice.")
        return "\n".join(lines)


def score_simulation(sim: Simulation, requests: list[str], decisions: dict[str, list[str]],
                     pass_marks: PassMarks) -> SimulationResult:
    """Score chosen ``requests`` and ``decisions`` (decision id -> chosen option ids) apart."""
    chosen = [sim.request(r) for r in dict.fromkeys(requests)]
    possible = float(sum(r.cost for r in sim.requests if r.rating == "helpful"))
    earned = float(sum(r.cost if r.rating == "helpful" else -r.cost if r.rating == "harmful" else 0 for r in chosen))
    gathering = PartScore(earned, possible, pass_marks.information_gathering)
    found = {f for r in chosen for f in r.reveals}
    missed = [(f, sim.finders(f.id)) for f in sim.facts if f.id not in found]

    d_earned = 0.0
    d_possible = 0.0
    feedback = []
    for d in sim.decisions:
        picks = decisions.get(d.id, [])
        if d.choose == "one" and len(picks) > 1:
            raise SimulationError(f"decision {d.id!r} takes one choice; you gave {len(picks)}")
        options = {o.id: o for o in d.options}
        unknown = [p for p in picks if p not in options]
        if unknown:
            raise SimulationError(f"decision {d.id!r} has no option {unknown[0]!r}; use one of {', '.join(options)}")
        got = [options[p] for p in dict.fromkeys(picks)]
        d_earned += sum(o.cost if o.rating == "helpful" else -o.cost if o.rating == "harmful" else 0 for o in got)
        d_possible += d.best
        feedback.append((d, got))
    unknown = sorted(set(decisions) - {d.id for d in sim.decisions})
    if unknown:
        sim.decision(unknown[0])
    return SimulationResult(
        gathering=gathering,
        deciding=PartScore(d_earned, d_possible, pass_marks.decision_making),
        missed_facts=missed,
        harmful_requests=[r for r in chosen if r.rating == "harmful"],
        decision_feedback=feedback,
    )
