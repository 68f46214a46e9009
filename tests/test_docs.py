"""The README gives the two set-up commands, and every CLI command explains itself."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from casekit.cli import main


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))


ALL_COMMANDS = list(_commands(main))


def test_readme_starts_with_the_two_commands(repo):
    text = (repo / "README.md").read_text()
    assert "make lab" in text and "make test" in text
    assert text.index("make lab") < text.index("## ", text.index("make test"))


def test_ci_runs_the_readme_test_command(repo):
    assert "make test" in (repo / ".ci" / "run").read_text()


@pytest.mark.parametrize("path,cmd", ALL_COMMANDS, ids=[" ".join(p) for p, _ in ALL_COMMANDS])
def test_every_command_has_help(path, cmd):
    """Does `casekit ... --help` work and say something for every command?"""
    assert (cmd.help or cmd.short_help), f"casekit {' '.join(path)} has no help text"
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("path,cmd", [(p, c) for p, c in ALL_COMMANDS if len(p) == 1], ids=lambda x: str(x))
def test_every_command_group_is_in_the_readme(repo, path, cmd):
    assert f"casekit {path[0]}" in (repo / "README.md").read_text()
