"""The command starts without loading what it does not need: listing cases never imports nbformat or jsonschema."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from casekit.cli import GROUPS

PROBE = """
import json, sys
from casekit.cli import main
sys.argv = ["casekit", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""

HEAVY = ("nbformat", "jsonschema", "nbgrader", "pandas", "matplotlib", "sqlalchemy", "cryptography", "ipywidgets")


def _modules_after(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args,allowed", [(("--help",), ()), (("cases", "list"), ())])
def test_a_quick_command_loads_nothing_heavy(args, allowed):
    """Do `casekit --help` and `casekit cases list` start without nbformat, jsonschema, pandas or nbgrader?"""
    loaded = _modules_after(*args)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY and m.split(".")[0] not in allowed)
    assert not heavy, f"casekit {' '.join(args)} imported {heavy[:8]}"


def test_help_lists_only_names_and_imports_no_group():
    """Does `casekit --help` list every group without importing any of their modules?"""
    loaded = _modules_after("--help")
    assert not [m for m in loaded if m.startswith("casekit.cli.")]


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_each_groups_line_in_help_is_its_own_first_line(name):
    """Is the line `casekit --help` shows for a group (without importing it) the group's own help?"""
    module, line = GROUPS[name]
    group = getattr(importlib.import_module(module), name)
    assert group.get_short_help_str(limit=1000) == line


@pytest.mark.parametrize("command", ["progress", "why", "pathways"])
def test_reading_an_hours_log_loads_neither_pandas_nor_sqlalchemy(tmp_path, command):
    """Do the commands that only read a SQLite log (read, verify, count) run without pandas or SQLAlchemy?

    pandas is for importing entries, SQLAlchemy for writing and for other databases: together
    about 0.5 s of a command's start.
    """
    from casekit.hours import add_person, open_store

    db = tmp_path / "hours.sqlite"
    store = open_store(db)
    add_person(store, "Probe Learner", "learner", degree_level="bachelor", degree_field="social_work")
    store.close()
    loaded = _modules_after("hours", "--db", str(db), command, "Probe Learner")
    assert "casekit.hours.trust.verified_log" in loaded, "the probe did not reach the verified log"
    assert not [m for m in loaded if m.split(".")[0] in ("pandas", "sqlalchemy")]
