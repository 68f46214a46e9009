"""The kit's exceptions.

Every error a user can cause by giving bad input subclasses :class:`CasekitError`
(itself a ``ValueError``). Messages say what was wrong, where (file, field, row) and
how to fix it; the command line turns them into one clear line each, never a traceback.
"""

from __future__ import annotations

import os


class CasekitError(ValueError):
    """Bad input somewhere in the kit; the message says where and how to fix it."""


class DataFileError(CasekitError):
    """A data file (case, key, catalogue, rules) cannot be read or is not valid."""

    def __init__(self, problems: list["Problem"]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Problem:
    """One problem found in one data file: the file, the field path and what to do."""

    __slots__ = ("path", "field", "message")

    def __init__(self, path: str | os.PathLike[str], field: str, message: str):
        self.path = str(path)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}: {self.field}" if self.field else self.path
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.field!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.path, self.field, self.message) == (
            other.path,
            other.field,
            other.message,
        )


class UnknownProgramError(CasekitError):
    """A program id that is not in the program rules."""


class PlanFileError(CasekitError):
    """A learner's plan file that is corrupt, from a newer kit, or names unknown things."""


_JSON_REASONS = {
    "Invalid control character at": "a tab, line break or other control character inside a string (write it as \\t or \\n)",
    "Expecting value": "a value was expected (a stray comma, or the file is cut short)",
    "Expecting ',' delimiter": "a comma is missing between two items",
    "Expecting property name enclosed in double quotes": "a name in double quotes was expected (a trailing comma, or single quotes)",
    "Unterminated string starting at": "a string is never closed with its double quote",
    "Extra data": "there is more after the end of the JSON document",
}
"""Python's JSON messages, some of them cut short ("Invalid control character at"), as a reader needs them."""


def json_error_text(exc) -> str:
    """``line 1, column 16: a tab, line break ... inside a string`` for a :class:`json.JSONDecodeError`."""
    reason = _JSON_REASONS.get(exc.msg, exc.msg.removesuffix(" at"))
    return f"line {exc.lineno}, column {exc.colno}: {reason}"

