"""Reading YAML data files into validated models, with errors that name file and field."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from casekit.errors import DataFileError, Problem

M = TypeVar("M", bound=BaseModel)


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader, in C (libyaml) where PyYAML was built with it: the same documents, parsed ten times faster."""


def read_yaml(path: Path) -> object:
    """Parse one YAML file; a syntax error becomes a Problem naming the line and column."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError([Problem(path, "", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise DataFileError([Problem(path, "", f"not UTF-8 text ({exc.reason}); save it as UTF-8")]) from None
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return_msg = f"malformed YAML at {where}: {reason}; check the indentation and quoting there"
        raise DataFileError([Problem(path, "", return_msg)]) from None


def field_path(loc: tuple, data: object = None) -> str:
    """``('household', 'members', 0, 'age')`` -> ``household.members[0].age``.

    Given the data that was validated, an entry with an ``id`` is named by it rather than by its
    position: ``household.members[harold].age``, ``programs[snap].tests[gross-income].unit``.
    """
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            entry = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            ident = entry.get("id") if isinstance(entry, dict) else None
            out += f"[{ident}]" if isinstance(ident, str) and ident else f"[{part}]"
            node = entry
        else:
            out += ("." if out else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


def error_advice(err: ErrorDetails) -> str:
    kind = err["type"]
    msg = err["msg"]
    if kind == "missing":
        return "required field is missing; add it"
    if kind == "extra_forbidden":
        return "unknown field; check its spelling against the case format in README.md, or remove it"
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        return f"{err.get('input')!r} is not allowed here; use one of {expected}" if expected else msg
    if kind == "value_error":
        # Our own validators' messages already say what to do; drop pydantic's "Value error, " prefix.
        return str(err.get("ctx", {}).get("error", msg.removeprefix("Value error, ")))
    if kind == "literal_error":
        return f"{msg[0].lower() + msg[1:]}"
    if kind == "string_pattern_mismatch":
        return "ids are lower-case letters and digits joined by hyphens, e.g. food-insecurity"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        got = err.get("input")
        return f"{msg[0].lower() + msg[1:]} (got {got!r})"
    return msg[0].lower() + msg[1:]


def problems_from_validation(path: Path, exc: ValidationError, data: object = None, prefix: str = "") -> list[Problem]:
    """One Problem per validation error, its field named by ids where the data has them."""
    out = []
    for e in exc.errors():
        where = field_path(e["loc"], data)
        out.append(Problem(path, f"{prefix}{'.' if prefix and where and not where.startswith('[') else ''}{where}", error_advice(e)))
    return out


def upgrade_steps(data, steps: dict):
    """Lift a file's data one version at a time: ``steps[n]`` turns version n into n+1. A file with no
    ``schema_version`` is version 1; a version with no step (the current one, or an unknown one, which
    validation then reports) is left as it is."""
    if not isinstance(data, dict):
        return data
    version = data.get("schema_version", 1)
    while isinstance(version, int) and not isinstance(version, bool) and version in steps:
        data = steps[version](data)
        version = data["schema_version"]
    return data


def load_model(path: Path, model: type[M]) -> M:
    """Read ``path`` and validate it as ``model``; raise DataFileError listing every problem."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise DataFileError([Problem(path, "", f"expected a mapping of fields at the top level, found {kind}")])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(problems_from_validation(path, exc, data)) from None
