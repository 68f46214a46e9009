"""What every model of the case format shares: strict models, the id pattern, and name suggestions."""

from __future__ import annotations

import difflib

from pydantic import BaseModel, ConfigDict

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Ids are lower-case words joined by hyphens: ``food-insecurity``."""


class Strict(BaseModel):
    """Forbids unknown fields (a misspelt field is reported, not ignored) and is immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def did_you_mean(word: str, known) -> str:
    """`` did you mean 'x'?`` for the closest of ``known`` to ``word``, or an empty string."""
    match = difflib.get_close_matches(str(word), sorted(set(known)), n=1, cutoff=0.75)
    return f" did you mean {match[0]!r}?" if match else ""
