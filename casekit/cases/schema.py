"""The case format: what a case file, an answer key and the shared catalogues hold.

A case file (``casestudies/<case-id>.yaml``) holds only the facts a learner sees.
Its answer key (``graders/keys/<case-id>.yaml``) holds what an expert would find, and
never ships to learners in a cohort. The catalogues (needs, rights, staff roles,
community resources) are shared by every case: the learner picks from them, the key
names the right picks by id.

Every model forbids unknown fields, so a typo in a field name is reported rather than
silently ignored. ``schema_version`` lets the format change one step at a time.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Final, Literal, get_args

from pydantic import Field, field_validator, model_validator

from casekit.cases.base import ID_PATTERN, Strict, did_you_mean  # noqa: F401 (the format's names, in one place)
from casekit.cases.directory import (  # noqa: F401
    CATEGORY_PATTERN,
    LEGACY_CATEGORIES,
    RESOURCE_DIRECTORY_VERSION,
    Exclusion,
    Resource,
    ResourceCategory,
    ResourceCriteria,
    ResourceDirectory,
)
from casekit.cases.factvalues import (  # noqa: F401
    DAYS_PER,
    FACT_FORMAT,
    Duration,
    FactValue,
    TimeUnit,
    fact_kind,
    parse_facts,
)
from casekit.cases.settings import (  # noqa: F401
    SETTING_LABELS,
    SETTING_UMBRELLAS,
    Setting,
    check_settings,
    setting_for,
    unknown_setting_message,
)
from casekit.datafile import upgrade_steps

CASE_SCHEMA_VERSION: Final = 1
"""The version of the answer key and of the needs, rights and roles catalogues."""

CASE_FORMAT_VERSION: Final = 2
"""The version of a case file. Version 1 files still load: :func:`upgrade_case` lifts them."""


class Severity(str, Enum):
    """How urgent a need is. Critical and immediate needs come first in any plan."""

    critical = "critical"
    immediate = "immediate"
    high = "high"
    moderate = "moderate"
    low = "low"

    @property
    def rank(self) -> int:
        """0 for critical, 4 for low: sort by this to put the urgent first."""
        return list(Severity).index(self)

    @property
    def weight(self) -> float:
        """How much finding (or missing) a need of this severity matters."""
        return SEVERITY_WEIGHTS[self]


SEVERITY_WEIGHTS = {
    Severity.critical: 4.0,
    Severity.immediate: 3.0,
    Severity.high: 2.0,
    Severity.moderate: 1.5,
    Severity.low: 1.0,
}


# --------------------------------------------------------------------------- case


PERSON_FACTS: dict[str, tuple[str, type]] = {
    "person_age": ("age", int), "person_disabled": ("disabled", bool), "person_pregnant": ("pregnant", bool),
    "person_postpartum": ("postpartum", bool), "countable_assets": ("countable_assets", float)}
"""The facts an event's change for one member sets on the member themself (their field and its kind)."""


class Person(Strict):
    """A fictional member of the client's household."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    called: str | None = Field(
        None, description="the name the case text calls them by, where it is not the first word of `name` "
        "(a family name written first, say: Pham Thi Thu is Thu)")
    relationship: str = Field(description="to the client: self, spouse, daughter, ...")
    age: int = Field(ge=0, le=120)
    disabled: bool = False
    pregnant: bool = False
    postpartum: bool = Field(
        False, description="gave birth in the last six months (WIC counts a woman for six months after the birth)")
    tax_household: str | None = Field(
        None, pattern=ID_PATTERN,
        description="a label shared by the members who file taxes together (filer, spouse, dependents); "
        "programs that count the tax household count the members with the client's label")
    countable_assets: float | None = Field(
        None, ge=0, description="this member's own countable assets, for programs that count fewer than the "
        "whole household; when no member has a figure, the household's countable_assets is used")

    @property
    def conditions(self) -> list[str]:
        """What the fact sheet notes beside the member's age: ``["pregnant"]``."""
        return [name for name, on in (("disabled", self.disabled), ("pregnant", self.pregnant),
                                      ("postpartum", self.postpartum)) if on]

    @property
    def first_name(self) -> str:
        """How the kit's explanations and feedback name the member: ``Mateo`` (``called``, else the name's first word)."""
        return self.called or self.name.split()[0]


class IncomeSource(Strict):
    """Verified monthly income (what the documents show, not what the form says)."""

    member: str
    kind: str = Field(description="wages, social security, child support, ...")
    monthly: float = Field(ge=0)
    earned: bool
    verified_by: str


class Household(Strict):
    """The verified household facts the eligibility engine reads."""

    state_group: Literal["contiguous", "alaska", "hawaii"] = "contiguous"
    members: list[Person] = Field(min_length=1)
    income: list[IncomeSource] = []
    shelter_costs_monthly: float = Field(0, ge=0, description="rent or mortgage plus utilities")
    dependent_care_monthly: float = Field(0, ge=0)
    countable_assets: float = Field(0, ge=0)
    receives: list[Literal["snap", "medicaid", "tanf", "ssi", "wic"]] = []


class Client(Strict):
    member: str = Field(description="id of the household member who is the client")
    preferred_language: str = "English"
    background: str


class ApplicationItem(Strict):
    """One item of the intake form as the applicant filled it in (null = left blank)."""

    id: str = Field(pattern=ID_PATTERN)
    label: str
    value: str | float | int | bool | None


class Application(Strict):
    form: str
    received: dt.date
    items: list[ApplicationItem] = Field(min_length=1)


class Report(Strict):
    """Information collected from a provider: a discharge summary, a teacher's note..."""

    id: str = Field(pattern=ID_PATTERN)
    provider: str = Field(description="id of a provider in the case's providers list")
    date: dt.date
    title: str
    text: str


class Provider(Strict):
    """Someone the case manager can collect information from or coordinate with."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    role: str


class Attendee(Strict):
    name: str
    role: str


class Task(Strict):
    """A piece of work in the case that a case manager may do or delegate."""

    id: str = Field(pattern=ID_PATTERN)
    text: str


class FollowUpEvent(Strict):
    """Something that happens later and changes the facts; the plan must be retooled."""

    id: str = Field(pattern=ID_PATTERN)
    day: int = Field(ge=1, description="days after intake")
    title: str
    text: str
    fact_changes: dict[str, FactValue] = Field(
        default_factory=dict,
        description="facts that change with this event (any fact the case has, of the same kind: yes/no, "
        "number, word or duration); they hold for this event and every later one",
    )
    member_fact_changes: dict[str, dict[str, FactValue]] = Field(
        default_factory=dict,
        description="facts that change for one household member only, by member id (yusuf: {countable_assets: "
        "2780}): their own savings, age, disability or pregnancy, or a case fact true of them alone (homebound); "
        "the facts read for other members keep their own values, and household totals follow",
    )

    @field_validator("fact_changes", mode="before")
    @classmethod
    def _facts(cls, v):
        return parse_facts(v)

    @field_validator("member_fact_changes", mode="before")
    @classmethod
    def _member_facts(cls, v):
        if not isinstance(v, dict):
            return v
        return {m: parse_facts(changes) if isinstance(changes, dict) else changes for m, changes in v.items()}


def _case_1_to_2(data: dict) -> dict:
    """Version 2 adds durations and words as facts, tax households and members' own assets; a version 1
    file means the same in version 2."""
    return {**data, "schema_version": 2}


CASE_UPGRADES = {1: _case_1_to_2}
"""One step per version: ``CASE_UPGRADES[n]`` turns a version-n case into version n+1."""


def upgrade_case(data: dict) -> dict:
    """Lift a case file's data to :data:`CASE_FORMAT_VERSION`, one version at a time."""
    return upgrade_steps(data, CASE_UPGRADES)


class PastRule(Strict):
    """A program whose stated period has ended, kept on purpose because the case is set in it."""

    program: str = Field(description="an id from the case's programs")
    period: str = Field(description="the program's period label in casestudies/programs.yaml, e.g. FY2026")
    why: str = Field(min_length=20, description="one or two sentences the learner sees: why this past year")


class Case(Strict):
    """The facts of one simulated case, as the learner sees them."""

    schema_version: Literal[2] = CASE_FORMAT_VERSION
    id: str = Field(pattern=ID_PATTERN)
    setting: Setting
    title: str
    summary: str
    learning_objectives: list[str] = Field(min_length=1)
    topics: list[str] = Field(
        default_factory=list, description="what the case teaches, as short tags a learner may search for: "
        "hospice, advance directives, counting rules... (the start page's case finder reads them)")
    intake_date: dt.date
    client: Client
    household: Household
    presenting_situation: str
    application: Application
    providers: list[Provider] = Field(min_length=1)
    reports: list[Report] = Field(min_length=1)
    meeting_attendees: list[Attendee] = Field(min_length=1)
    programs: list[str] = Field(description="ids from casestudies/programs.yaml to evaluate")
    tasks: list[Task] = Field(min_length=1)
    facts: dict[str, FactValue] = Field(
        default_factory=dict,
        description="extra verified facts the program rules and resource criteria read (clinical criteria, "
        "durations, an election such as hospice...)",
    )
    events: list[FollowUpEvent] = Field(min_length=1)
    past_rules: list[PastRule] = Field(
        default_factory=list,
        description="programs the case applies as they stood in a past period, on purpose (see casekit facts check)",
    )
    fictional: Literal[True] = Field(
        True, description="every case is fictional; this field makes the promise explicit"
    )

    @field_validator("past_rules")
    @classmethod
    def _past_rules_name_its_programs(cls, rules: list[PastRule], info) -> list[PastRule]:
        programs = info.data.get("programs") or []
        for i, rule in enumerate(rules):
            if rule.program not in programs:
                raise ValueError(f"entry {i} names {rule.program!r}, which is not in this case's programs "
                                 f"{programs}; pin only a program the case uses")
        return rules

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data):
        return upgrade_case(data) if isinstance(data, dict) else data

    @model_validator(mode="after")
    def _member_changes_name_members(self) -> "Case":
        members = [m.id for m in self.household.members]
        for event in self.events:
            for m, changes in event.member_fact_changes.items():
                if m not in members:
                    raise ValueError(f"events[{event.id}].member_fact_changes names {m!r}, which is not a household "
                                     f"member; use one of {members}")
                for name, value in changes.items():
                    if name not in PERSON_FACTS:
                        continue
                    field_name, kind = PERSON_FACTS[name]
                    whole = kind is int and isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 120
                    yes_no = kind is bool and isinstance(value, bool)
                    amount = kind is float and isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
                    if not (whole or yes_no or amount):
                        wanted = {int: "a whole number of years", bool: "true or false",
                                  float: "an amount of $0 or more"}[kind]
                        raise ValueError(f"events[{event.id}].member_fact_changes.{m}.{name} is {value!r}; it sets the "
                                         f"member's own {field_name.replace('_', ' ')}, so give {wanted}")
        return self

    @field_validator("setting", mode="before")
    @classmethod
    def _setting(cls, v):
        if isinstance(v, Setting) or v in {s.value for s in Setting}:
            return v
        raise ValueError(unknown_setting_message(v))

    @field_validator("facts", mode="before")
    @classmethod
    def _facts(cls, v):
        return parse_facts(v)

    def events_in_order(self) -> list[FollowUpEvent]:
        return sorted(self.events, key=lambda e: e.day)

    @property
    def client_person(self) -> Person:
        return next(m for m in self.household.members if m.id == self.client.member)

    def member(self, member_id: str | None) -> Person | None:
        """The household member ``member_id`` names (the client for None), or None when it names no one."""
        return next((m for m in self.household.members if m.id == (member_id or self.client.member)), None)

    def member_label(self, member_id: str | None) -> str:
        """``Mateo, 4``: a member's first name and age, as an explanation names them."""
        person = self.member(member_id)
        return f"{person.first_name}, {person.age}" if person else str(member_id)

    def for_whom(self, member_id: str | None) -> str:
        """`` for Mateo`` when a decision or referral is for a member other than the client, else ''."""
        person = None if member_id in (None, self.client.member) else self.member(member_id)
        return f" for {person.first_name}" if person else ""

    def event(self, event_id: str) -> FollowUpEvent:
        return next(e for e in self.events if e.id == event_id)

    def fact_refs(self) -> set[str]:
        """Every fact a key may cite as revealing a need: ``report:<id>``, ``application:<id>``..."""
        refs = {f"report:{r.id}" for r in self.reports}
        refs |= {f"application:{i.id}" for i in self.application.items}
        refs |= {f"event:{e.id}" for e in self.events}
        refs |= {f"fact:{k}" for k in self.facts}
        refs |= {"presenting_situation", "household", "client"}
        return refs


# --------------------------------------------------------------------------- key


KEY_SCHEMA_VERSION: Final = 2
"""Answer keys are one step ahead of the case format: version 2 added accepted alternatives, rights in
tiers, flaws seen in several items, in-house work and the actions a revision note should name."""


class KeyInHouse(Strict):
    """Work the team does itself that meets a need as well as a referral would (issue: in-house work counts)."""

    how: str = Field(min_length=1, description="the in-house work in a supervisor's words, e.g. 'the team's "
                     "social worker leads advance care planning'")
    tasks: list[str] = Field(default_factory=list, description="ids of the case's tasks whose delegation meets it")
    roles: list[str] = Field(default_factory=list, description="role ids whose action step meets it (with terms)")
    terms: list[str] = Field(default_factory=list, description="words an action step names the work with")

    @model_validator(mode="after")
    def _some_way(self):
        if not self.tasks and not (self.roles and self.terms):
            raise ValueError("name the tasks that meet the need in-house, or the roles and terms of an action step")
        return self


class KeyNeed(Strict):
    need: str = Field(description="id from casestudies/needs.yaml")
    also: list[str] = Field(
        default_factory=list,
        description="other catalogue ids an expert may use for the same finding; goals, referrals and priority "
        "match through them, and ticking two of them counts once")
    severity: Severity
    revealed_by: list[str] = Field(min_length=1, description="fact refs, e.g. report:discharge-summary")
    why: str = Field(description="why it matters: shown as feedback when the learner misses it")
    after_event: str | None = Field(None, description="only appears after this follow-up event")
    in_house: KeyInHouse | None = Field(None, description="in-house work that meets the need instead of a referral")

    @property
    def ids(self) -> list[str]:
        """The need's id and its accepted alternatives: any of them is the same finding."""
        return [self.need, *self.also]


class KeyFlaw(Strict):
    items: list[str] = Field(min_length=1, description="ids of the application items the flaw shows in; "
                             "flagging any one of them finds it")
    kind: Literal["missing", "inconsistent"]
    explanation: str


class KeyEligibility(Strict):
    """A program to determine. The right answer is computed by the engine, never typed here."""

    program: str
    member: str | None = Field(None, description="id of the household member the determination is for (a child's "
                               "coverage, a parent's services); none: the client. List a program once per member")
    why_it_matters: str


class KeyReferral(Strict):
    need: str
    resources: list[str] = Field(min_length=1, description="resource ids that fit this need")
    member: str | None = Field(None, description="id of the household member the referral is for; its resources' "
                               "criteria are read on that member's facts (none: the client)")


class KeyGoal(Strict):
    need: str
    example: str = Field(description="a model goal: specific, measurable, dated")
    measure: str
    target_days: int = Field(ge=1, le=365, description="days after intake for the model goal")


class KeyInformationRequest(Strict):
    provider: str
    information: str
    required: bool = Field(True, description="false: a useful request a plan may leave out without losing points")


class KeyDelegation(Strict):
    task: str
    roles: list[str] = Field(min_length=1, description="ids from casestudies/roles.yaml that suit it")
    need: str | None = Field(None, description="the key need the task serves (the validator asks for it)")
    required: bool = Field(True, description="false: a task a plan may leave with no one without losing points "
                           "(given to a role, it must still suit the role)")


class KeyUnneededTask(Strict):
    """A task on the case's list that this client does not need: giving it to anyone costs points."""

    task: str
    why: str = Field(min_length=1, description="why this client does not need it, as a supervisor would say")


class KeyAction(Strict):
    """One thing a revision note should say is done after an event, with the words that say it."""

    concept: str = Field(min_length=1, description="the action in a supervisor's words, named in feedback")
    terms: list[str] = Field(min_length=1, description="phrases that express it (synonyms); one is enough")


class KeyEventResponse(Strict):
    event: str
    new_needs: list[str] = []
    new_referrals: list[str] = Field(default_factory=list, description="resource ids")
    redetermine: list[str] = Field(default_factory=list, description="program ids to re-run")
    actions: list[KeyAction] = Field(default_factory=list, description="what the revision note should say is done")
    explanation: str


class KeyRights(Strict):
    """Rights in tiers: what the client must be told now, what a careful plan may add, what is wrong here."""

    required: list[str] = Field(min_length=1, description="rights this client must be told now")
    acceptable: list[str] = Field(default_factory=list, description="defensible here: neither credited nor "
                                  "penalised (e.g. a right the plan's own action makes due)")
    wrong: list[str] = Field(default_factory=list, description="rights that do not apply to this client; any right "
                             "in no tier counts as wrong too")

    @property
    def all(self) -> list[str]:
        return [*self.required, *self.acceptable, *self.wrong]


CriterionId = Literal[
    "critical-needs",
    "needs-coverage",
    "priority-order",
    "eligibility",
    "application-flaws",
    "goals",
    "referrals",
    "rights",
    "coordination",
    "revision",
    "progress-note",
]
"""The rubric's criteria. ``progress-note`` is graded by a person; the rest by code."""

MANUAL_CRITERIA = ("progress-note",)


class RubricCriterion(Strict):
    id: CriterionId
    points: float = Field(gt=0)


class NoteLevel(Strict):
    points: float = Field(ge=0)
    description: str


class ProgressNoteRubric(Strict):
    must_cover: list[str] = Field(min_length=1)
    levels: list[NoteLevel] = Field(min_length=2)


class Key(Strict):
    """The answer key for one case: instructor side only."""

    schema_version: Literal[2] = KEY_SCHEMA_VERSION
    case: str = Field(pattern=ID_PATTERN)
    needs: list[KeyNeed] = Field(min_length=1)
    acceptable_needs: list[str] = Field(
        default_factory=list, description="catalogue ids a careful plan may list here though the key does not count "
        "them: neither credited nor called unsupported")
    application_flaws: list[KeyFlaw] = Field(min_length=1)
    eligibility: list[KeyEligibility] = Field(min_length=1)
    referrals: list[KeyReferral] = Field(min_length=1)
    rights: KeyRights = Field(description="ids from casestudies/rights.yaml, in tiers")
    goals: list[KeyGoal] = Field(min_length=1)
    information_requests: list[KeyInformationRequest] = Field(min_length=1)
    delegation: list[KeyDelegation] = Field(min_length=1)
    unneeded_tasks: list[KeyUnneededTask] = Field(
        default_factory=list, description="tasks on the case's list this client does not need (so the list does not "
        "give the needs away)")
    events: list[KeyEventResponse] = Field(min_length=1)
    progress_note: ProgressNoteRubric
    rubric: list[RubricCriterion] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data):
        return upgrade_key(data)

    @field_validator("rubric")
    @classmethod
    def _unique_criteria(cls, v: list[RubricCriterion]) -> list[RubricCriterion]:
        ids = [c.id for c in v]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"criterion ids must be unique; repeated: {', '.join(dupes)}")
        missing = [c for c in get_args(CriterionId) if c not in ids]
        if missing:
            raise ValueError(f"every criterion needs points; add: {', '.join(missing)}")
        return v

    def need(self, need_id: str) -> KeyNeed | None:
        """The key need ``need_id`` names, by its own id or one of its accepted alternatives."""
        return next((n for n in self.needs if n.need == need_id), None) or next(
            (n for n in self.needs if need_id in n.also), None)


def _key_v1_to_v2(data: dict) -> dict:
    """Version 1 had one item per flaw and rights as one flat list (all of them required)."""
    data["application_flaws"] = [
        {**{k: v for k, v in f.items() if k != "item"}, "items": [f["item"]]} if isinstance(f, dict) and "item" in f
        else f
        for f in data.get("application_flaws", [])
    ]
    if isinstance(data.get("rights"), list):
        data["rights"] = {"required": data["rights"]}
    data["schema_version"] = 2
    return data


KEY_UPGRADES = {1: _key_v1_to_v2}
"""``KEY_UPGRADES[n]`` turns a version-n key (as read from YAML) into version n+1."""


def upgrade_key(data):
    """Bring a key read from YAML up to :data:`KEY_SCHEMA_VERSION`, one step at a time.

    A key from a newer kit, or with a version that is no number, is left for validation to refuse."""
    if not isinstance(data, dict):
        return data
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        return data
    data = dict(data)
    while version in KEY_UPGRADES and version < KEY_SCHEMA_VERSION:
        data = KEY_UPGRADES[version](data)
        version = data["schema_version"]
    return data


# --------------------------------------------------------------------------- catalogues


class NeedType(Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str
    domain: str = Field(description="housing, food, medical, safety, ...")
    description: str


class Right(Strict):
    id: str = Field(pattern=ID_PATTERN)
    kind: Literal["right", "responsibility"]
    text: str
    settings: list[Setting] = Field(min_length=1)

    @field_validator("settings", mode="before")
    @classmethod
    def _settings(cls, v):
        return check_settings(v)


class Role(Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str
    scope: str


class NeedCatalogue(Strict):
    schema_version: Literal[1] = CASE_SCHEMA_VERSION
    needs: list[NeedType] = Field(min_length=1)


class RightsCatalogue(Strict):
    schema_version: Literal[1] = CASE_SCHEMA_VERSION
    rights: list[Right] = Field(min_length=1)


class RoleCatalogue(Strict):
    schema_version: Literal[1] = CASE_SCHEMA_VERSION
    roles: list[Role] = Field(min_length=1)


class EligibilityCredit(Strict):
    right_result: float = Field(ge=0, le=1)
    deciding_test: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _whole(self):
        if abs(self.right_result + self.deciding_test - 1) > 1e-9:
            raise ValueError("right_result and deciding_test must add up to 1 (the decision's whole credit)")
        return self


class FreeTextPolicy(Strict):
    """What the rubric reads free text for: content, never length."""

    measurable: list[str] = Field(min_length=1, description="words that name a count, threshold, frequency, or "
                                  "an observable event or document (a goal naming one is measurable)")
    completion_words: list[str] = Field(min_length=1, description="words saying something was done: with a word "
                                        "of the need, a measure holding one names an observable result")
    number_words: list[str] = Field(min_length=1, description="numbers written as words (a digit always counts)")
    actors: list[str] = Field(min_length=1, description="words that say who acts (besides the case's names and "
                              "the staff roles)")
    stop_words: list[str] = Field(min_length=1, description="words that say nothing about a need")
    need_words: int = Field(ge=1, description="content words a goal must share with its need's own wording to "
                            "say what is done for that need")


class RubricPolicy(Strict):
    """How the rubric weighs choices (``casestudies/rubric_policy.yaml``): the kit's teaching policy."""

    schema_version: Literal[1] = CASE_SCHEMA_VERSION
    source: str = Field(min_length=1)
    as_of: str = Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")
    wrong_pick_cost: float = Field(ge=0, le=1)
    max_wait_days: dict[Severity, int] = Field(min_length=1)
    goal_horizon_days: int = Field(gt=0)
    eligibility_credit: EligibilityCredit
    critical_gate: float = Field(gt=0, le=1, description="the most a plan may score, as a share of the "
                                 "code-graded points, while it misses a critical need")
    unrecognised_urgency_credit: float = Field(ge=0, le=1, description="the share of an urgent need's weight "
                                               "earned when it is found but rated below immediate")
    revision_note_share: float = Field(ge=0, le=1, description="the share of an event's credit that its "
                                       "note's content carries")
    free_text: FreeTextPolicy

    @field_validator("max_wait_days")
    @classmethod
    def _waits(cls, v):
        bad = [f"{k.value}: {d}" for k, d in v.items() if d < 0]
        if bad:
            raise ValueError(f"a wait cannot be negative ({', '.join(bad)})")
        return v

    def too_long_a_wait(self, resource: Resource, severity: Severity) -> bool:
        """Is ``resource``'s wait too long to answer a need of ``severity``?"""
        return severity in self.max_wait_days and resource.wait_days > self.max_wait_days[severity]
