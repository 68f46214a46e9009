"""The case library: every case, its key, and the shared catalogues, loaded together.

``CaseLibrary.load(root)`` never raises for bad data: it collects every problem it
finds, so ``casekit cases validate`` can list them all at once. Use ``case(id)`` and
``key(id)`` to get validated models; they raise :class:`DataFileError` for a broken file.

Catalogues are read entry by entry: a bad resource or program is reported once, by its id,
and left out; the other entries load, and a reference to the bad one elsewhere is not
reported again (its id is in ``broken``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from casekit.datafile import load_model, problems_from_validation, read_yaml
from casekit.cases.schema import (
    Case,
    Key,
    NeedCatalogue,
    NeedType,
    Resource,
    ResourceCategory,
    ResourceDirectory,
    Right,
    RightsCatalogue,
    Role,
    RoleCatalogue,
    RubricPolicy,
)
from casekit.cases.eligibility.programs import PovertyGuidelines, Program, ProgramRules
from casekit.saved_copy import cached
from casekit.errors import CasekitError, DataFileError, Problem
from casekit.paths import kit_root

CatalogueEntry = NeedType | Right | Role | Resource | Program
"""An entry of a catalogue that is a list of entries with ids."""

CATALOGUE_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "needs": ("needs.yaml", NeedCatalogue),
    "rights": ("rights.yaml", RightsCatalogue),
    "roles": ("roles.yaml", RoleCatalogue),
    "resources": ("resources.yaml", ResourceDirectory),
    "programs": ("programs.yaml", ProgramRules),
    "guidelines": ("poverty_guidelines.yaml", PovertyGuidelines),
    "policy": ("rubric_policy.yaml", RubricPolicy),
}
"""Files in casestudies/ that are not cases."""

CATALOGUE_ENTRIES: dict[str, type[CatalogueEntry]] = {"needs": NeedType, "rights": Right, "roles": Role, "resources": Resource, "programs": Program}
"""The catalogues that are lists of entries with ids, and each entry's model: read one entry at a time."""


def entry_label(raw: object, n: int) -> str:
    """How a problem names a catalogue entry: by its id, or by position when it has none."""
    ident = raw.get("id") if isinstance(raw, dict) else None
    return str(ident) if isinstance(ident, str) and ident else f"entry {n + 1}, which has no id"


@dataclass
class CaseLibrary:
    root: Path
    cases: dict[str, Case] = field(default_factory=dict)
    keys: dict[str, Key] = field(default_factory=dict)
    case_files: dict[str, Path] = field(default_factory=dict)
    key_files: dict[str, Path] = field(default_factory=dict)
    needs: dict[str, NeedType] = field(default_factory=dict)
    rights: dict[str, Right] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    categories: dict[str, ResourceCategory] = field(default_factory=dict)
    resource_facts: dict[str, str] = field(default_factory=dict)
    """Facts resources.yaml declares for criteria beyond the derived ones (name -> meaning)."""
    programs: ProgramRules | None = None
    guidelines: PovertyGuidelines | None = None
    policy: RubricPolicy | None = None
    problems: list[Problem] = field(default_factory=list)
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Catalogue -> ids of entries that failed validation (reported once, left out of the library)."""

    def known_ids(self, catalogue: str) -> set[str]:
        """Every id the catalogue names, valid or not: a reference to a broken entry is not 'unknown'."""
        if catalogue == "programs":
            valid = {p.id for p in self.programs.programs} if self.programs else set()
        else:
            valid = set(getattr(self, catalogue))
        return valid | self.broken.get(catalogue, set())

    @property
    def casestudies(self) -> Path:
        return self.root / "casestudies"

    @property
    def keys_dir(self) -> Path:
        return self.root / "graders" / "keys"

    def holds(self, path: Path) -> bool:
        """Is ``path`` a file of this library (in casestudies/, its exam/ folder, or graders/keys/)?"""
        where = Path(path).resolve().parent
        exam = self.casestudies.resolve() / "exam"
        return where in (self.casestudies.resolve(), self.keys_dir.resolve()) or where == exam or exam in where.parents

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, root: Path | None = None, *, with_keys: bool = True) -> "CaseLibrary":
        """The library in ``root`` (the kit's folder by default); the saved copy when no file it reads has changed."""
        lib = cls(Path(root or kit_root()))
        files = lib.source_files(with_keys=with_keys)
        return cached(lib.root, "library-with-keys" if with_keys else "library-cases", files, lambda: lib._read(with_keys))

    def source_files(self, *, with_keys: bool) -> list[Path]:
        """Every file loading reads: the catalogues, the cases and (``with_keys``) the keys."""
        files = [self.casestudies / name for name, _ in CATALOGUE_FILES.values()] + self._case_paths()
        return files + (self._key_paths() if with_keys else [])

    def _read(self, with_keys: bool) -> "CaseLibrary":
        self._load_catalogues()
        self._load_cases()
        if with_keys:
            self._load_keys()
        return self

    def _try(self, path: Path, model):
        try:
            return load_model(path, model)
        except DataFileError as exc:
            self.problems.extend(exc.problems)
            return None

    def _load_catalogues(self) -> None:
        for attr, (name, model) in CATALOGUE_FILES.items():
            if attr in CATALOGUE_ENTRIES:
                loaded = self._load_entries(self.casestudies / name, attr, model, CATALOGUE_ENTRIES[attr])
            else:
                loaded = self._try(self.casestudies / name, model)
            if loaded is None:
                continue
            if attr in ("programs", "guidelines", "policy"):
                setattr(self, attr, loaded)
                continue
            getattr(self, attr).update({e.id: e for e in getattr(loaded, attr)})
            if attr == "resources":
                self.categories = {c.id: c for c in (getattr(loaded, "categories", None) or [])}
                self.resource_facts = dict(getattr(loaded, "facts", None) or {})

    def _load_entries(self, path: Path, attr: str, container: type[BaseModel],
                      entry_model: type[CatalogueEntry]) -> BaseModel | None:
        """Read a catalogue one entry at a time, so that one bad entry is one problem and the rest load."""
        try:
            data = read_yaml(path)
        except DataFileError as exc:
            self.problems.extend(exc.problems)
            return None
        if not isinstance(data, dict) or not isinstance(data.get(attr), list):
            self.problems.append(Problem(path, attr if isinstance(data, dict) else "",
                                         f"expected a list of entries under `{attr}:` at the top level"))
            return None
        upgrade = getattr(container, "upgrade", None)
        data = upgrade(data) if upgrade else data
        good: list[CatalogueEntry] = []
        raws: list[object] = []
        seen: dict[str, int] = {}
        broken = self.broken.setdefault(attr, set())
        for n, raw in enumerate(data[attr]):
            label = entry_label(raw, n)
            try:
                entry = entry_model.model_validate(raw)
            except ValidationError as exc:
                self.problems.extend(problems_from_validation(path, exc, raw, prefix=f"{attr}[{label}]"))
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    broken.add(raw["id"])
                continue
            if entry.id in seen:
                self.problems.append(Problem(path, f"{attr}[{entry.id}].id", f"duplicate id {entry.id!r} (entries "
                                             f"{seen[entry.id] + 1} and {n + 1}); give each entry its own id"))
                continue
            seen[entry.id] = n
            good.append(entry)
            raws.append(raw)
        header = {k: v for k, v in data.items() if k != attr}
        try:
            checked = container.model_validate({**header, attr: raws})
        except ValidationError as exc:
            self.problems.extend(problems_from_validation(path, exc, data))
            return container.model_construct(**{**header, attr: good})
        return checked

    def _case_paths(self) -> list[Path]:
        reserved = {name for name, _ in CATALOGUE_FILES.values()}
        return sorted(p for p in self.casestudies.glob("*.yaml") if p.name not in reserved)

    def _load_cases(self) -> None:
        for path in self._case_paths():
            self.add_case_file(path)

    def add_case_file(self, path: Path) -> Case | None:
        case = self._try(path, Case)
        if case is None:
            return None
        if case.id in self.cases:
            self.problems.append(
                Problem(path, "id", f"duplicate case id {case.id!r}, also used by {self.case_files[case.id]}; give each case its own id")
            )
            return None
        if path.stem != case.id:
            self.problems.append(
                Problem(path, "id", f"case id {case.id!r} does not match the file name; rename the file to {case.id}.yaml")
            )
        self.cases[case.id] = case
        self.case_files[case.id] = path
        return case

    def _key_paths(self) -> list[Path]:
        return sorted(self.keys_dir.glob("*.yaml"))

    def _load_keys(self) -> None:
        for path in self._key_paths():
            key = self._try(path, Key)
            if key is None:
                continue
            if key.case in self.keys:
                self.problems.append(Problem(path, "case", f"a second key for case {key.case!r} (the first is {self.key_files[key.case]}); keep one"))
                continue
            if path.stem != key.case:
                self.problems.append(Problem(path, "case", f"key for {key.case!r} does not match the file name; rename the file to {key.case}.yaml"))
            self.keys[key.case] = key
            self.key_files[key.case] = path

    # ------------------------------------------------------------------ access

    def case(self, case_id: str) -> Case:
        if case_id not in self.cases:
            self._raise_for(case_id, self.case_files, "case", self.casestudies / f"{case_id}.yaml")
        return self.cases[case_id]

    def key(self, case_id: str) -> Key:
        if case_id not in self.keys:
            self._raise_for(case_id, self.key_files, "key", self.keys_dir / f"{case_id}.yaml")
        return self.keys[case_id]

    def _raise_for(self, case_id: str, files: dict, what: str, expected: Path):
        broken = [p for p in self.problems if Path(p.path) == expected]
        if broken:
            raise DataFileError(broken)
        near = [c for c in sorted(self.cases) if case_id and case_id in c]
        near = near or difflib.get_close_matches(case_id, sorted(self.cases), n=3, cutoff=0.6)
        if near:
            raise CasekitError(f"no {what} {case_id!r} (looked for {expected}); did you mean {' or '.join(near)}? "
                               "`casekit cases list` shows every case")
        known = ", ".join(sorted(self.cases)) or "none"
        raise CasekitError(f"no {what} {case_id!r} (looked for {expected}); known cases: {known}")

    def program(self, program_id: str) -> Program:
        """The program ``program_id`` of casestudies/programs.yaml (:class:`UnknownProgramError` when it has none
        such); :class:`CasekitError` when that file could not be read."""
        if self.programs is None:
            raise CasekitError("casestudies/programs.yaml could not be read, so no program can be applied; "
                               "run `casekit cases validate` to see why")
        return self.programs.get(program_id)

    def poverty_guidelines(self) -> PovertyGuidelines:
        """The poverty guidelines; :class:`CasekitError` when casestudies/poverty_guidelines.yaml could not be read."""
        if self.guidelines is None:
            raise CasekitError("casestudies/poverty_guidelines.yaml could not be read, so no poverty limit can be "
                               "computed; run `casekit cases validate` to see why")
        return self.guidelines

    def resources_for_need(self, need_id: str) -> list[Resource]:
        return [r for r in self.resources.values() if need_id in r.serves_needs]
