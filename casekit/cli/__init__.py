"""The ``casekit`` command: a thin shell over the library.

Each subcommand group lives in its own module, imported only when that group runs: ``casekit
--help`` and ``casekit cases list`` load neither nbgrader nor nbformat nor pandas. Library
errors (``CasekitError``) become one clear message and exit code 1; usage errors exit 2
(click's convention).
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from casekit import __version__

GROUPS: dict[str, tuple[str, str]] = {
    "cases": ("casekit.cli.cases", "List, show and validate the simulated cases."),
    "notebooks": ("casekit.cli.notebooks", "Generate the case notebooks, and copy them into your workspace."),
    "hours": ("casekit.cli.hours", "Log supervised practice hours and track progress toward each credential."),
    "course": ("casekit.cli.course", "Grade a cohort with nbgrader: build, collect, grade, feedback, export."),
    "facts": ("casekit.cli.facts", "Sourced figures: periods that have ended, figures unchecked for too long."),
    "exam": ("casekit.cli.exam", "Certification exam prep: question bank, mock exam, ACM-style simulations, quizzes."),
}
"""Each group: the module that defines it (a click group of the same name) and the first line of its help,
shown by ``casekit --help`` without importing it (a test keeps the two the same)."""


class _LazyCommands(dict[str, Any]):
    """Name -> command, each group imported the first time it is asked for; listing the names imports nothing."""

    def __getitem__(self, name: str) -> click.Command:
        value = dict.__getitem__(self, name)
        if isinstance(value, str):  # still the module's name
            value = getattr(importlib.import_module(value), name)
            dict.__setitem__(self, name, value)
        return value

    def loaded(self, name: str) -> bool:
        return not isinstance(dict.__getitem__(self, name), str)

    def get(self, name, default=None):
        return self[name] if name in self else default

    def items(self):
        return [(name, self[name]) for name in list(self)]

    def values(self):
        return [self[name] for name in list(self)]


class LazyGroups(click.Group):
    """A click group whose subgroups are imported when they run, not to list them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _LazyCommands({name: module for name, (module, _) in GROUPS.items()})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # click's own layout, with each group not yet imported shown by its line in GROUPS.
        commands = self.commands
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if isinstance(commands, _LazyCommands) and not commands.loaded(name):
                rows.append((name, click.Command(name, help=GROUPS[name][1]).get_short_help_str(limit)))
            else:
                rows.append((name, commands[name].get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroups, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casekit")
def main() -> None:
    """Case Manager Study Kit: cases, grading and a supervised-hours log."""
