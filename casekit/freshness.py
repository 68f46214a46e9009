"""Sourced figures that have run out: periods that have ended, and figures unchecked for too long.

Every figure in the kit's data carries its source and an ``as_of`` date; some also state the
period they belong to (SNAP's fiscal year, WIC's July-to-June year). :func:`check_facts` reads
every YAML data file of the kit as plain data, finds each mapping with an ``as_of``, and lists:

* **ended**: its ``period.end`` is before today;
* **old**: it has no period (or one that stands until replaced) and its ``as_of`` is older
  than the age set in ``casekit/facts_policy.yaml``.

A listed figure fails the check unless it is used on purpose: a case that is set in a past
period pins the program there (``past_rules`` in the case file, with the period's label and
why), and every case that uses the program must pin it. A poverty guideline year that has
ended passes while only pinned programs use it. :func:`show_notice` is what a case notebook
calls to tell the learner which of its figures are from a past period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from casekit.datafile import problems_from_validation, read_yaml
from casekit.errors import DataFileError, Problem
from casekit.paths import kit_root, package_data

Kind = Literal["ended", "old", "pin"]
Status = Literal["fails", "pinned", "unused"]

DATA_FOLDERS = ("casestudies", "casekit")
"""Folders under the kit root whose YAML files are searched for sourced figures."""


class FactsPolicy(BaseModel):
    """How long the kit trusts a figure that states no period."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Literal[1]
    max_age_months: int = Field(ge=1, le=120)


def load_policy(path: Path | None = None) -> FactsPolicy:
    path = Path(path or package_data("facts_policy.yaml"))
    data = read_yaml(path)
    try:
        return FactsPolicy.model_validate(data if isinstance(data, dict) else {})
    except ValidationError as exc:
        raise DataFileError(problems_from_validation(path, exc)) from None


# --- finding the sourced figures ------------------------------------------------------------

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the kit's files ~10x faster


_parsed: dict[Path, tuple[tuple[int, int], object]] = {}
"""Each data file's YAML as last parsed, with the (modification time, size) it had then."""


def _read(path: Path):
    """The YAML in ``path``, parsed once while the file stays as it is (the data is only read, never changed);
    a file that does not parse is reported by :func:`read_yaml` (line, column)."""
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        if path in _parsed and _parsed[path][0] == stamp:
            return _parsed[path][1]
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return read_yaml(path)
    _parsed[path] = (stamp, data)
    return data


@dataclass(frozen=True)
class Sourced:
    """One mapping in a data file that has an ``as_of`` (and perhaps a ``period``)."""

    file: str  # relative to the kit root
    field: str  # e.g. programs[county-food-assistance]
    as_of: dt.date
    period_label: str | None
    period_end: dt.date | None
    program: str | None = None  # the program it belongs to, in programs.yaml
    guideline_year: int | None = None  # the year, in poverty_guidelines.yaml


def _date(value, file: str, where: str) -> dt.date:
    """A YAML date, or YYYY-MM (read as the first of the month: the strict end)."""
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        return dt.date.fromisoformat(text if len(text) > 7 else text + "-01")
    except ValueError:
        raise DataFileError([Problem(file, where, f"{text!r} is not a date; write YYYY-MM or YYYY-MM-DD")]) from None


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _walk(node, path: str, seen: set[int]):
    """Every (field path, mapping) with an ``as_of``, once per mapping (YAML anchors repeat them)."""
    if isinstance(node, dict):
        if "as_of" in node and id(node) not in seen:
            seen.add(id(node))
            yield path, node
        for key, value in node.items():
            if str(key).startswith("_"):  # anchors for reuse, not figures of their own
                continue
            yield from _walk(value, _join(path, str(key)), seen)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else i
            yield from _walk(item, f"{path}[{label}]", seen)


def _sourced_in(file: Path, root: Path) -> list[Sourced]:
    rel = file.relative_to(root).as_posix()
    data = _read(file)
    out = []
    for where, node in _walk(data, "", set()):
        period = node.get("period") if isinstance(node.get("period"), dict) else None
        end = period.get("end") if period else None
        program = where.split("]")[0].removeprefix("programs[") if where.startswith("programs[") else None
        year = where.split(".")[1] if rel.endswith("poverty_guidelines.yaml") and where.startswith("years.") else None
        out.append(Sourced(
            rel, where, _date(node["as_of"], rel, _join(where, "as_of")),
            str(period.get("label")) if period and period.get("label") is not None else None,
            _date(end, rel, _join(where, "period.end")) if end is not None else None,
            program, int(year) if year and year.isdigit() else None,
        ))
    return out


def data_files(root: Path) -> list[Path]:
    """The kit's YAML data files (cases, catalogues, programs, guidelines, credential rules...)."""
    files = []
    for folder in DATA_FOLDERS:
        files += sorted(p for p in (root / folder).rglob("*.yaml") if ".ipynb_checkpoints" not in p.parts)
    return files


@dataclass(frozen=True)
class _Case:
    id: str
    file: str
    programs: tuple[str, ...]
    pins: dict[str, tuple[str, str]]  # program -> (period label, why)


def _cases(root: Path) -> list[_Case]:
    out = []
    for path in sorted((root / "casestudies").glob("*.yaml")):
        data = _read(path)
        progs = data.get("programs") if isinstance(data, dict) else None
        if not (isinstance(progs, list) and all(isinstance(p, str) for p in progs) and "id" in data):
            continue  # a catalogue, not a case
        pins = {}
        for i, pin in enumerate(data.get("past_rules") or []):
            if not (isinstance(pin, dict) and {"program", "period", "why"} <= set(pin)):
                raise DataFileError([Problem(path.relative_to(root).as_posix(), f"past_rules[{i}]",
                                             "a pin needs program, period and why")])
            pins[str(pin["program"])] = (str(pin["period"]), str(pin["why"]))
        out.append(_Case(str(data["id"]), path.relative_to(root).as_posix(), tuple(progs), pins))
    return out


# --- the check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A figure that has run out (or a pin that does not match its program), and what that means."""

    file: str
    field: str
    kind: Kind
    status: Status
    message: str
    program: str | None = None
    pinned_by: tuple[str, ...] = ()

    def text(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


@dataclass
class FactsReport:
    today: dt.date
    max_age_months: int
    checked: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def failures(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "fails"]

    @property
    def ok(self) -> bool:
        return not self.failures

    def for_programs(self, programs: tuple[str, ...] | list[str]) -> list[Finding]:
        """The findings on these programs (a case's), pins left out."""
        return [f for f in self.findings if f.program in programs and f.kind != "pin"]

    def to_text(self) -> str:
        lines = []
        for status, head in (("fails", "FAILS"), ("pinned", "pinned"), ("unused", "unused")):
            for f in self.findings:
                if f.status == status:
                    lines.append(f"{head:7s} {f.text()}")
        n = len(self.failures)
        lines.append(f"{self.checked} sourced figures checked as of {self.today.isoformat()} (figures with no "
                     f"period may be {self.max_age_months} months old); {len(self.findings)} listed, {n} failing.")
        if n:
            lines.append("Update each failing figure from its source (and its as_of), or, for a case set in a past "
                         "period, pin the program in the case's past_rules and say why.")
        return "\n".join(lines)


def _months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from ``earlier`` to ``later``."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def _runout(s: Sourced, today: dt.date, max_age: int) -> tuple[Kind, str, str] | None:
    """(kind, field, message) when ``s`` has run out by ``today``."""
    if s.period_end is not None:
        if s.period_end < today:
            label = f"{s.period_label} " if s.period_label else ""
            return "ended", _join(s.field, "period.end"), f"the period {label}ended on {s.period_end.isoformat()}"
        return None
    if _months_between(s.as_of, today) > max_age:
        return "old", _join(s.field, "as_of"), (f"as of {s.as_of.isoformat()}, more than {max_age} months ago; "
                                           "re-read it at its source")
    return None


def check_facts(today: dt.date | None = None, *, root: Path | None = None,
                policy: FactsPolicy | None = None, files: list[Path] | None = None) -> FactsReport:
    """Every sourced figure of the kit at ``root`` (default: this kit) that has run out by ``today`` (default: the real date).

    ``files`` limits the search to those data files (default: every one, :func:`data_files`)."""
    today = today or dt.date.today()
    root = Path(root or kit_root())
    if policy is None:  # a copy of the kit may carry its own policy; else the kit's
        own = root / "casekit" / "facts_policy.yaml"
        policy = load_policy(own if own.exists() else None)
    sourced = [s for f in (data_files(root) if files is None else files) for s in _sourced_in(f, root)]
    cases = _cases(root)
    programs = {s.program: s for s in sourced if s.program and s.field == f"programs[{s.program}]"}
    years = _guideline_years(root)
    report = FactsReport(today, policy.max_age_months, len(sourced))

    def program_use(pid: str) -> tuple[list[str], list[str]]:
        users = [c for c in cases if pid in c.programs]
        label = programs[pid].period_label if pid in programs else None
        pinned = [c.id for c in users if pid in c.pins and c.pins[pid][0] == label]
        return pinned, [c.id for c in users if c.id not in pinned]

    def excused(pid: str) -> bool:
        pinned, unpinned = program_use(pid)
        return bool(pinned) and not unpinned

    for s in sourced:
        run = _runout(s, today, policy.max_age_months)
        if run is None:
            continue
        kind, where, message = run
        if s.program:
            pinned, unpinned = program_use(s.program)
            if excused(s.program):
                status: Status = "pinned"
                message += f"; pinned as a past period by {', '.join(pinned)}"
            else:
                status = "fails"
                if unpinned:
                    message += f"; used by {', '.join(unpinned)}, which {'does' if len(unpinned) == 1 else 'do'} not pin it"
                else:
                    message += "; no case pins it"
        elif s.guideline_year is not None:
            users = [p for p, y in years.items() if y == s.guideline_year]
            if users and all(excused(p) for p in users):
                status, message = "pinned", message + f"; used only by pinned programs ({', '.join(users)})"
            elif not users and s.guideline_year != max(years.values(), default=s.guideline_year) and kind == "ended":
                status, message = "unused", message + "; no program uses this year"
            else:
                status = "fails"
                current = [p for p in users if not excused(p)]
                message += f"; used by {', '.join(current)}" if current else ""
        else:
            status = "fails"
        report.findings.append(Finding(s.file, where, kind, status, message, s.program,
                                       tuple(program_use(s.program)[0]) if s.program else ()))
    report.findings += _pin_problems(cases, programs, today)
    return report


def _guideline_years(root: Path) -> dict[str, int]:
    """Program id -> the poverty guideline year it uses."""
    data = _read(root / "casestudies" / "programs.yaml")
    return {p["id"]: int(p["guideline_year"]) for p in (data or {}).get("programs", [])
            if isinstance(p, dict) and p.get("guideline_year") is not None}


def _pin_problems(cases: list[_Case], programs: dict[str, Sourced], today: dt.date) -> list[Finding]:
    out = []
    for case in cases:
        for i, (pid, (label, _why)) in enumerate(case.pins.items()):
            prog = programs.get(pid)
            where = f"past_rules[{i}]"
            if prog is None:
                msg = f"pins {pid!r}, which is not a program in casestudies/programs.yaml"
            elif prog.period_label != label:
                msg = (f"pins {pid} to {label}, but programs.yaml now gives it "
                       f"{prog.period_label or 'no period'}; keep the past period as a program of its own, or "
                       "move the case to the current one and remove the pin")
            elif prog.period_end is None or prog.period_end >= today:
                msg = f"pins {pid} to {label}, which has not ended; remove the pin"
            else:
                continue
            out.append(Finding(case.file, where, "pin", "fails", msg, pid))
    return out


# --- the notebook notice --------------------------------------------------------------------


def case_notice(case_id: str, today: dt.date | None = None, *, root: Path | None = None) -> str | None:
    """A short Markdown notice on the figures a case uses that have run out, or None when there are none."""
    root = Path(root or kit_root())
    case = next((c for c in _cases(root) if c.id == case_id), None)
    if case is None:
        return None
    # A program's figures are in the files of casestudies/ itself (programs.yaml); the exam bank and the
    # credential rules name no program, so a notice need not read them.
    report = check_facts(today, root=root, files=sorted((root / "casestudies").glob("*.yaml")))
    names = _program_names(root)
    seen: set[str] = set()
    lines: list[str] = []
    for f in report.for_programs(case.programs):
        program = f.program
        if program is None or program in seen:  # for_programs gives only findings that name a program
            continue
        seen.add(program)
        name = names.get(program, program)
        if program in case.pins:
            label, why = case.pins[program]
            lines.append(f"- **{name}** uses its {label} figures, a past period, on purpose: {why}")
        elif f.kind == "ended":
            lines.append(f"- **{name}**: {f.message.split(';')[0]}. Check the current figures with the agency "
                         "before you rely on them outside this case.")
        else:
            lines.append(f"- **{name}**: its figures were last checked {f.message.split(',')[0]}; check them "
                         "with the agency before you rely on them outside this case.")
    if not lines:
        return None
    return "**Program years in this case**\n\n" + "\n".join(lines)


def _program_names(root: Path) -> dict[str, str]:
    data = _read(root / "casestudies" / "programs.yaml")
    programs = data.get("programs", []) if isinstance(data, dict) else []
    return {str(p["id"]): str(p.get("name", p["id"])) for p in programs if isinstance(p, dict)}


def show_notice(case_id: str, today: dt.date | None = None) -> None:
    """Show :func:`case_notice` in a notebook (nothing when every figure the case uses is current)."""
    text = case_notice(case_id, today)
    if text is None:
        return
    try:
        from IPython.display import Markdown, display
    except ImportError:  # pragma: no cover - outside Jupyter
        print(text)
    else:
        display(Markdown(text))


__all__ = ["FactsPolicy", "FactsReport", "Finding", "case_notice", "check_facts", "data_files", "load_policy",
           "show_notice"]
