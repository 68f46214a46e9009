"""The question bank: items as data in ``casestudies/exam/items/*.yaml``.

Each item has a stem, four options A-D, one key, a rationale for every option, its domain in
both CCM outlines, optionally an ACM Core category, a difficulty, a source whenever its text states
a figure, and optionally the case and process step it exercises. ``load_bank`` reads every file,
checks each item on its own and against the blueprint, and either returns the bank or raises
:class:`BankError` listing every problem with file, item id and field.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal, TypeGuard

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from casekit.cases.schema import ID_PATTERN
from casekit.datafile import field_path, read_yaml, error_advice
from casekit.errors import CasekitError, DataFileError, Problem
from casekit.exam.blueprint import PROCESS_STEPS, Blueprint, Source, load_blueprint
from casekit.paths import casestudies_dir

BANK_VERSION: Final = 1
Letter = Literal["A", "B", "C", "D"]
LETTERS: tuple[Letter, ...] = ("A", "B", "C", "D")


def is_letter(value: object) -> TypeGuard[Letter]:
    """Is ``value`` one of the option letters A-D?"""
    return value in LETTERS

_NUMBER = r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|" \
          r"fifty|sixty|ninety|hundred)"
FIGURE_PATTERNS = (
    re.compile(r"\$\s?\d"),
    re.compile(r"\d\s?%|\d\s?percent\b", re.I),
    re.compile(rf"\b{_NUMBER}[\s-]+(?:calendar\s+|business\s+|working\s+|contact\s+)?(?:hours?|days?|weeks?|months?|years?|items?)\b",
               re.I),
)
"""What counts as a figure that needs a source: a dollar amount, a percentage, or a count of
hours, days, weeks, months, years or items (``30-day``, ``five years``, ``80 contact hours``)."""


class BankError(DataFileError):
    """The bank (or one item file) has problems; ``problems`` names file, item and field for each."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    stem: str = Field(min_length=10)
    options: dict[Letter, str]
    key: str
    rationales: dict[Letter, str]
    domain: str = Field(description="a ccm-2025 domain id from the blueprint")
    domain_2020: str = Field(description="a ccm-2020 domain id from the blueprint")
    acm_category: str | None = None
    difficulty: Literal["easy", "medium", "hard"]
    source: Source | None = None
    case: str | None = None
    step: str | None = None

    @field_validator("key", mode="before")
    @classmethod
    def _one_key(cls, value):
        if isinstance(value, (list, tuple)):
            raise ValueError(f"an item has exactly one key; found {len(value)} ({', '.join(map(str, value))}): "
                             "keep the single best answer and make the others distractors")
        if isinstance(value, str) and len(re.findall(r"[A-D]", value)) > 1:
            raise ValueError(f"an item has exactly one key; found {value!r}: keep the single best answer")
        return value

    def option(self, letter: str) -> str:
        """The text of option ``letter`` (a ``KeyError`` for anything but A-D)."""
        if not is_letter(letter):
            raise KeyError(letter)
        return self.options[letter]

    def rationale(self, letter: str) -> str:
        """Why option ``letter`` is right or wrong (a ``KeyError`` for anything but A-D)."""
        if not is_letter(letter):
            raise KeyError(letter)
        return self.rationales[letter]

    def text(self) -> str:
        """Everything a learner reads in the item, where figures are looked for."""
        return "\n".join([self.stem, *self.options.values(), *self.rationales.values()])


def figures_in(text: str) -> list[str]:
    """The figures (dollar amounts, percentages, counts of time or items) stated in ``text``."""
    return [m.group(0) for pattern in FIGURE_PATTERNS for m in pattern.finditer(text)]


@dataclass
class Bank:
    items: list[Item] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    """item id -> the file it came from"""

    def __len__(self) -> int:
        return len(self.items)

    def item(self, item_id: str) -> Item:
        # An index by id, rebuilt whenever the item list is replaced or grows (a mock reads 180 at a time).
        key = (id(self.items), len(self.items))
        if self.__dict__.get("_index_key") != key:
            self.__dict__["_index"] = {it.id: it for it in self.items}
            self.__dict__["_index_key"] = key
        try:
            return self.__dict__["_index"][item_id]
        except KeyError:
            raise CasekitError(f"no item {item_id!r} in the question bank") from None

    def by_domain(self, domain: str) -> list[Item]:
        return [i for i in self.items if i.domain == domain]

    def counts(self, outline_ids: list[str]) -> dict[str, int]:
        seen = Counter(i.domain for i in self.items)
        return {d: seen.get(d, 0) for d in outline_ids}


def items_dir(root: Path | None = None) -> Path:
    return (Path(root) / "casestudies" if root else casestudies_dir()) / "exam" / "items"


def known_case_ids(casestudies: Path) -> set[str]:
    """Case ids as the case files name them (without reading every case)."""
    from casekit.cases.library import CATALOGUE_FILES

    catalogues = {name for name, _ in CATALOGUE_FILES.values()}
    return {p.stem for p in Path(casestudies).glob("*.yaml") if p.name not in catalogues}


def read_items(path: Path, blueprint: Blueprint, case_ids: set[str] | None) -> tuple[list[Item], list[Problem]]:
    """Every valid item of one file and every problem in it."""
    path = Path(path)
    try:
        data = read_yaml(path)
    except DataFileError as exc:
        return [], exc.problems
    if not isinstance(data, dict) or "items" not in data:
        return [], [Problem(path, "", "expected `version: 1` and `items:` (a list of items) at the top level")]
    problems: list[Problem] = []
    if data.get("version") != BANK_VERSION:
        problems.append(Problem(path, "version", f"expected version: {BANK_VERSION} (got {data.get('version')!r})"))
    extra = sorted(set(data) - {"version", "items"})
    if extra:
        problems.append(Problem(path, extra[0], "unknown top-level field; a bank file holds only version and items"))
    raw = data["items"]
    if not isinstance(raw, list):
        return [], problems + [Problem(path, "items", "must be a list of items, each starting with `- id:`")]
    items: list[Item] = []
    for n, entry in enumerate(raw):
        label = f"items[{n}]"
        if isinstance(entry, dict) and entry.get("id"):
            label += f" ({entry['id']})"
        if not isinstance(entry, dict):
            problems.append(Problem(path, label, "each item is a mapping of fields (id, stem, options, ...)"))
            continue
        try:
            item = Item.model_validate(entry)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(Problem(path, f"{label}.{field_path(err['loc'])}", error_advice(err)))
            _structural(entry, path, label, problems, only_missing=True)
            continue
        before = len(problems)
        _structural(entry, path, label, problems)
        _references(item, path, label, blueprint, case_ids, problems)
        if len(problems) == before:
            items.append(item)
    return items, problems


def _structural(entry: dict, path: Path, label: str, problems: list[Problem], only_missing: bool = False) -> None:
    given_options, given_rationales = entry.get("options"), entry.get("rationales")
    options: dict[object, object] = given_options if isinstance(given_options, dict) else {}
    rationales: dict[object, object] = given_rationales if isinstance(given_rationales, dict) else {}
    for letter in LETTERS:
        if isinstance(entry.get("options"), dict) and letter not in options:
            if not only_missing:
                problems.append(Problem(path, f"{label}.options.{letter}", f"option {letter} is missing; every item has four options A-D"))
        if isinstance(entry.get("rationales"), dict) and letter not in rationales:
            problems.append(Problem(path, f"{label}.rationales.{letter}",
                                    f"no rationale for option {letter}; say why it is right or why it is wrong"))
        elif letter in rationales and not str(rationales[letter] or "").strip():
            problems.append(Problem(path, f"{label}.rationales.{letter}", f"the rationale for option {letter} is empty"))
    if only_missing:
        return
    key = entry.get("key")
    if key not in LETTERS:
        problems.append(Problem(path, f"{label}.key", f"the key {key!r} is not among the options; use one of A, B, C, D"))
    for given, text in options.items():
        if not str(text or "").strip():
            problems.append(Problem(path, f"{label}.options.{given}", "the option text is empty"))
    texts = [str(t).strip().lower() for t in options.values()]
    if len(set(texts)) != len(texts):
        problems.append(Problem(path, f"{label}.options", "two options have the same text; each option must differ"))


def _references(item: Item, path: Path, label: str, bp: Blueprint, case_ids: set[str] | None,
                problems: list[Problem]) -> None:
    if item.domain not in bp.current.ids:
        problems.append(Problem(path, f"{label}.domain", f"unknown domain {item.domain!r}; use one of {', '.join(bp.current.ids)}"))
    if item.domain_2020 not in bp.previous.ids:
        problems.append(Problem(path, f"{label}.domain_2020",
                                f"unknown ccm-2020 domain {item.domain_2020!r}; use one of {', '.join(bp.previous.ids)}"))
    if item.acm_category is not None and item.acm_category not in bp.acm_ids:
        problems.append(Problem(path, f"{label}.acm_category",
                                f"unknown ACM Core category {item.acm_category!r}; use one of {', '.join(bp.acm_ids)} or leave it out"))
    if item.source is None:
        found = figures_in(item.text())
        if found:
            problems.append(Problem(path, f"{label}.source",
                                    f"the item states a figure ({found[0]!r}) but has no source; add source: "
                                    "{title: ..., year: ...} from the kit's reference"))
    if item.case is not None and case_ids is not None and item.case not in case_ids:
        problems.append(Problem(path, f"{label}.case", f"no case {item.case!r} in casestudies/; use one of {', '.join(sorted(case_ids))}"))
    if item.step is not None and item.step not in PROCESS_STEPS:
        problems.append(Problem(path, f"{label}.step", f"unknown step {item.step!r}; use one of {', '.join(PROCESS_STEPS)}"))


def bank_problems(folder: Path | None = None, blueprint: Blueprint | None = None,
                  case_ids: set[str] | None = None) -> tuple[Bank, list[Problem]]:
    """Read every ``*.yaml`` in ``folder``; return the valid items and every problem (never raises)."""
    folder = Path(folder) if folder else items_dir()
    if blueprint is None:
        blueprint = load_blueprint()
    if case_ids is None:
        case_ids = known_case_ids(casestudies_dir())
    bank = Bank()
    problems: list[Problem] = []
    where: dict[str, list[tuple[Path, str]]] = {}
    for path in sorted(folder.glob("*.yaml")):
        items, found = read_items(path, blueprint, case_ids)
        problems += found
        for n, it in enumerate(items):
            where.setdefault(it.id, []).append((path, it.id))
            if it.id in bank.files:
                continue
            bank.items.append(it)
            bank.files[it.id] = path
    for item_id, places in where.items():
        if len(places) > 1:
            for path, _ in places[1:]:
                problems.append(Problem(path, f"items ({item_id}).id",
                                        f"duplicate id {item_id!r} (also in {places[0][0].name}); ids are unique across the bank"))
    return bank, problems


def load_bank(folder: Path | None = None, blueprint: Blueprint | None = None) -> Bank:
    """The bank in ``folder`` (default ``casestudies/exam/items``); raises BankError on any problem."""
    bank, problems = bank_problems(folder, blueprint)
    if problems:
        raise BankError(problems)
    return bank
