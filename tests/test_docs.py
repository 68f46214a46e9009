"""The README gives the two set-up commands, and every CLI command explains itself."""

from __future__ import annotations

import shlex

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


def _readme_invocations(text: str):
    """Every `casekit ...` line of the README's shell blocks, continuation lines joined."""
    in_block, pending = False, ""
    for line in text.splitlines():
        if line.startswith("```"):
            in_block = line.strip() == "```sh"
            continue
        if not in_block:
            continue
        line = pending + line.split(" # ", 1)[0].strip()
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        pending = ""
        words = shlex.split(line)
        if words and words[0].endswith("casekit"):
            yield words[1:]


def test_every_readme_command_and_option_exists(repo):
    """A README line that names a subcommand or option the CLI lacks would fail its reader."""
    invocations = list(_readme_invocations((repo / "README.md").read_text()))
    assert len(invocations) >= 10
    problems = []
    for words in invocations:
        cmd, used = main, []
        while isinstance(cmd, click.Group) and words and words[0] in cmd.commands:
            cmd = cmd.commands[words[0]]
            used.append(words.pop(0))
        if isinstance(cmd, click.Group):
            problems.append(f"casekit {' '.join(used + words)}: no such command")
            continue
        known = {opt for param in cmd.params for opt in param.opts + param.secondary_opts}
        unknown = [w.split("=")[0] for w in words if w.startswith("--") and w.split("=")[0] not in known]
        if unknown:
            problems.append(f"casekit {' '.join(used)}: no option {', '.join(unknown)}")
    assert not problems, "\n".join(problems)
