"""pyproject.toml and environment.yml must list the same dependencies."""

from __future__ import annotations

import re
import tomllib

import yaml


def _name_and_spec(req: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(.*)$", req)
    return m.group(1).lower().replace("_", "-"), m.group(3).replace(" ", "")


def test_conda_environment_matches_pyproject(repo):
    """Does environment.yml pin every pyproject dependency with the same version range, and nothing else?"""
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    pip_deps = dict(_name_and_spec(r) for r in project["dependencies"])
    env = yaml.safe_load((repo / "environment.yml").read_text())
    conda = dict(_name_and_spec(d) for d in env["dependencies"] if isinstance(d, str) and not d.startswith(("python", "pip")))
    assert conda == pip_deps


def test_required_packages_are_dependencies(repo):
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    names = {_name_and_spec(r)[0] for r in project["dependencies"]}
    assert {"jupyterlab", "ipywidgets", "nbgrader", "pandas", "pytest", "nbval"} <= names
