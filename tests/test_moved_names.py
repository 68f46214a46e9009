"""Old module names, frozen in notebooks released before the package was arranged by its users, still work."""

from __future__ import annotations

import importlib
import pathlib
import subprocess
import sys

import pytest

import casekit
from casekit._moved import MOVED, new_name

PACKAGE = pathlib.Path(casekit.__file__).parent


def _module_names() -> set[str]:
    names = set()
    for path in PACKAGE.rglob("*.py"):
        parts = ["casekit", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names.add(".".join(parts))
    return names


@pytest.mark.parametrize("old", sorted(MOVED))
def test_an_old_name_gives_the_very_module_of_its_new_name(old):
    """Does importing the old dotted name give the same module object, keeping its own name and spec?"""
    new = importlib.import_module(MOVED[old])
    assert importlib.import_module(old) is new
    assert sys.modules[old] is new
    assert new.__name__ == MOVED[old] and new.__spec__.name == MOVED[old]


def test_every_new_name_is_a_module_and_no_old_name_is_a_file():
    """Does each entry point at a module that exists, with nothing left behind at the old path?"""
    modules = _module_names()
    for old, new in MOVED.items():
        assert new in modules, f"{old} -> {new}: no such module"
        assert old not in modules, f"{old} is still a file: a moved module leaves no stub behind"


def test_a_module_inside_a_moved_package_moves_with_it():
    """Is a module of a moved package found under the old package name, with the table's own lines first?"""
    assert new_name("casekit.rubric.needs") == "casekit.casework.rubric.needs"
    assert new_name("casekit.rubric.text") == MOVED["casekit.rubric.text"]
    assert new_name("casekit.casework.session") is None, "a new name is never remapped"
    import casekit.rubric.needs as old
    import casekit.casework.rubric.needs as new

    assert old is new


def test_from_imports_and_state_are_shared():
    """Do the two spellings share functions and state, so a patch on one reaches the other?"""
    from casekit.casework.plan import load_plan
    from casekit.plan import load_plan as old_load_plan

    assert old_load_plan is load_plan
    import casekit.casework.session as session
    import casekit.learner as learner

    marker = object()
    learner._moved_names_probe = marker
    try:
        assert session._moved_names_probe is marker
    finally:
        del learner._moved_names_probe


def test_old_names_work_in_a_fresh_process_in_any_order():
    """In a new interpreter, do old names load before their new ones (as in a released notebook's first cell)?"""
    code = ("from casekit.course.grading import criterion_points\n"
            "from casekit.learner import open_case\n"
            "from casekit.selfcheck import show_results\n"
            "from casekit.widgets.steps import show_facts, step_view\n"
            "import casekit.course.grading_engine.cells as cells, casekit.casework.session as s\n"
            "assert criterion_points is cells.criterion_points and open_case is s.open_case\n"
            "print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_a_renamed_submodule_is_found_from_its_old_package():
    """Does ``from casekit.widgets import facts`` (a submodule renamed inside a moved package) still work?"""
    from casekit.casework.widgets import fact_sheet
    from casekit.eligibility import rules
    from casekit.widgets import facts

    assert facts is fact_sheet
    assert rules is importlib.import_module(MOVED["casekit.eligibility.rules"])
