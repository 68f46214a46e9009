"""The values a case's facts take: yes/no, numbers, words and durations, with clear messages for anything else."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import Field

from casekit.cases.base import Strict


TimeUnit = Literal["days", "weeks", "months", "years"]

DAYS_PER = {"days": 1.0, "weeks": 7.0, "months": 365.25 / 12, "years": 365.25}
"""Days in each time unit; a month is a twelfth of an average year."""


class Duration(Strict):
    """A length of time, ``{value: 6, unit: months}``; a program test reads it in its own unit."""

    value: float = Field(ge=0)
    unit: TimeUnit

    def to(self, unit: str) -> float:
        """This duration in ``unit`` (days, weeks, months or years)."""
        return self.value * DAYS_PER[self.unit] / DAYS_PER[unit]

    def __str__(self) -> str:
        number = f"{self.value:g}"
        return f"{number} {self.unit[:-1] if self.value == 1 else self.unit}"


FactValue = Union[bool, int, float, str, Duration]
"""A fact is yes/no, a number, a word (lower-case, e.g. ``hospice``) or a duration."""

FACT_KINDS = {bool: "yes/no", int: "number", float: "number", str: "word", Duration: "duration"}

FACT_FORMAT = ("a fact is yes/no (true or false), a number (4, 1250.50), a word (hospice) or a duration "
               "({value: 6, unit: months}, with unit days, weeks, months or years)")


def fact_kind(value: object) -> str:
    """``yes/no``, ``number``, ``word`` or ``duration``: what a fact's value is."""
    return FACT_KINDS.get(type(value), type(value).__name__)


def parse_fact(name: str, value: object) -> FactValue:
    if isinstance(value, (bool, int, float, Duration)):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(f"fact {name!r} is an empty word; {FACT_FORMAT}")
        return value
    if isinstance(value, dict):
        if set(value) == {"value", "unit"} and value["unit"] in DAYS_PER:
            try:
                return Duration(**value)
            except ValueError:
                pass
        raise ValueError(f"fact {name!r} is {value!r}, not a duration; {FACT_FORMAT}")
    raise ValueError(f"fact {name!r} is {value!r} ({type(value).__name__}); {FACT_FORMAT}")


def parse_facts(v: object) -> dict[str, FactValue]:
    if v is None:
        return {}
    if not isinstance(v, dict):
        raise ValueError(f"facts are a mapping of name: value, not {type(v).__name__}; {FACT_FORMAT}")
    problems, out = [], {}
    for name, value in v.items():
        try:
            out[str(name)] = parse_fact(name, value)
        except ValueError as exc:
            problems.append(str(exc))
    if problems:
        raise ValueError("; and ".join(problems))
    return out
