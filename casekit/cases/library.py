"""The case library: every case, its key, and the shared catalogues, loaded together.

``CaseLibrary.load(root)`` never raises for bad data: it collects every problem it
finds, so ``casekit cases validate`` can list them all at once. Use ``case(id)`` and
``key(id)`` to get validated models; they raise :class:`DataFileError` for a broken file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casekit.datafile import load_model
from casekit.cases.schema import (
    Case,
    Key,
    NeedCatalogue,
    NeedType,
    Resource,
    ResourceDirectory,
    Right,
    RightsCatalogue,
    Role,
    RoleCatalogue,
    RubricPolicy,
)
from casekit.eligibility.rules import PovertyGuidelines, ProgramRules
from casekit.errors import CasekitError, DataFileError, Problem
from casekit.paths import kit_root

CATALOGUE_FILES = {
    "needs": ("needs.yaml", NeedCatalogue),
    "rights": ("rights.yaml", RightsCatalogue),
    "roles": ("roles.yaml", RoleCatalogue),
    "resources": ("resources.yaml", ResourceDirectory),
    "programs": ("programs.yaml", ProgramRules),
    "guidelines": ("poverty_guidelines.yaml", PovertyGuidelines),
    "policy": ("rubric_policy.yaml", RubricPolicy),
}
"""Files in casestudies/ that are not cases."""


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
    programs: ProgramRules | None = None
    guidelines: PovertyGuidelines | None = None
    policy: RubricPolicy | None = None
    problems: list[Problem] = field(default_factory=list)

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
        lib = cls(Path(root or kit_root()))
        lib._load_catalogues()
        lib._load_cases()
        if with_keys:
            lib._load_keys()
        return lib

    def _try(self, path: Path, model):
        try:
            return load_model(path, model)
        except DataFileError as exc:
            self.problems.extend(exc.problems)
            return None

    def _load_catalogues(self) -> None:
        for attr, (name, model) in CATALOGUE_FILES.items():
            loaded = self._try(self.casestudies / name, model)
            if loaded is None:
                continue
            if attr in ("programs", "guidelines", "policy"):
                setattr(self, attr, loaded)
                continue
            entries = getattr(loaded, attr)
            target = getattr(self, attr)
            for i, entry in enumerate(entries):
                if entry.id in target:
                    self.problems.append(
                        Problem(self.casestudies / name, f"{attr}[{i}].id", f"duplicate id {entry.id!r}; ids must be unique")
                    )
                target[entry.id] = entry

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

    def _load_keys(self) -> None:
        for path in sorted(self.keys_dir.glob("*.yaml")):
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
        known = ", ".join(sorted(self.cases)) or "none"
        raise CasekitError(f"no {what} {case_id!r} (looked for {expected}); known cases: {known}")

    def resources_for_need(self, need_id: str) -> list[Resource]:
        return [r for r in self.resources.values() if need_id in r.serves_needs]
