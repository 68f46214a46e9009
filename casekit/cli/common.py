"""What every ``casekit`` subcommand shares: turning library errors into messages."""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

import click

from casekit.errors import CasekitError

F = TypeVar("F", bound=Callable)


def friendly_errors(func: F) -> F:
    """Turn a :class:`CasekitError` into ``Error: <message>`` and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except CasekitError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]
