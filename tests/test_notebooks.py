"""Notebooks: one per case, generated from the template, numbered, outputs cleared; learners work on copies."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from casekit.cases.library import CaseLibrary
from casekit.notebooks import KERNELSPEC, expected_notebooks, notebook_name, write_notebooks
from casekit.workspace import copy_notebooks, kernel_language_info

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def test_every_case_has_its_notebook_and_none_has_drifted(repo):
    """Is each committed case notebook exactly what the template makes from its case?"""
    expected = expected_notebooks(CaseLibrary.load(with_keys=False))
    assert len(expected) == len(CaseLibrary.load(with_keys=False).cases)
    for name, text in expected.items():
        path = repo / "notebooks" / name
        assert path.exists(), f"{name} is missing: run `casekit notebooks write`"
        assert path.read_text() == text, f"{name} has drifted from its case: run `casekit notebooks write`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_numbered_cleared_and_has_one_title(path):
    assert re.match(r"^\d\d_[a-z0-9_\-]+\.ipynb$", path.name), "notebook names start with two digits"
    nb = json.loads(path.read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "clear outputs before committing"
    h1 = [line for c in nb["cells"] if c["cell_type"] == "markdown"
          for line in "".join(c["source"]).splitlines() if line.startswith("# ")]
    assert len(h1) == 1, f"one H1 per notebook, found {h1}"
    assert "what you will do" in "".join("".join(c["source"]) for c in nb["cells"][:2]).lower()


# --------------------------------------------------------------------------- names that scale, and learners' copies


def _add_case(root: Path, source_id: str, new_id: str) -> None:
    for folder, field in (("casestudies", "id"), ("graders/keys", "case")):
        data = yaml.safe_load((root / folder / f"{source_id}.yaml").read_text())
        data[field] = new_id
        (root / folder / f"{new_id}.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_adding_or_removing_a_case_never_renames_or_removes_another_notebook(library_copy, tmp_path):
    """Does a new case add only its own notebook, and a removed case take only its own, leaving others byte for byte?"""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    write_notebooks(folder, CaseLibrary.load(library_copy, with_keys=False))
    mine = folder / "my_own_notes.ipynb"
    mine.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n')
    before = {p.name: p.read_text() for p in folder.glob("*.ipynb")}
    first = sorted(CaseLibrary.load(library_copy).cases)[0]
    _add_case(library_copy, first, "aaa-added-first-in-order")
    changed = write_notebooks(folder, CaseLibrary.load(library_copy, with_keys=False))
    assert [p.name for p in changed] == ["10_aaa-added-first-in-order.ipynb"]
    assert all((folder / name).read_text() == text for name, text in before.items())
    (library_copy / "casestudies" / f"{first}.yaml").unlink()
    (library_copy / "graders" / "keys" / f"{first}.yaml").unlink()
    changed = write_notebooks(folder, CaseLibrary.load(library_copy, with_keys=False))
    assert [p.name for p in changed] == [notebook_name(first)] and not (folder / notebook_name(first)).exists()
    assert mine.exists(), "a notebook the kit did not generate is never removed"


def test_a_case_notebook_name_comes_from_its_own_id():
    """Is the name the same whatever other cases exist (no numbering range to run out of)?"""
    assert notebook_name("x-case") == "10_x-case.ipynb"


def test_learner_copies_hold_what_jupyterlab_writes_on_kernel_start(repo, tmp_path):
    """Does each copy already hold the kernelspec and language_info JupyterLab sets, so opening it changes nothing?"""
    from ipykernel.ipkernel import IPythonKernel
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    copy_notebooks(repo / "notebooks", tmp_path)
    for path in sorted(tmp_path.glob("*.ipynb")):
        meta = json.loads(path.read_text())["metadata"]
        assert meta["kernelspec"] == {"name": "python3", "display_name": spec.display_name, "language": spec.language}
        assert meta["language_info"] == IPythonKernel.language_info, path.name
    assert KERNELSPEC["display_name"] == spec.display_name, "the generated case notebooks match too"


def test_learner_copies_are_made_once_and_never_overwritten(repo, tmp_path):
    """Does the workspace get every notebook, keep a learner's edited copy on the next run, and say the kit changed?"""
    kit = tmp_path / "notebooks"
    shutil.copytree(repo / "notebooks", kit, ignore=shutil.ignore_patterns("*.plan.json", "reports"))
    (kit / "old-case.plan.json").write_text('{"case": "old-case"}')
    work = tmp_path / "workspace"
    first = copy_notebooks(kit, work)
    assert {p.name for p in first.copied} == {p.name for p in kit.glob("*.ipynb")}
    assert (work / "old-case.plan.json").exists() and not (kit / "old-case.plan.json").exists()
    copy = work / "00_start_here.ipynb"
    meta = json.loads(copy.read_text())["metadata"]
    assert meta["language_info"] == kernel_language_info() and meta["language_info"]["version"]
    copy.write_text(copy.read_text().replace("Start here", "My own start page"))
    edited = copy.read_text()
    (kit / "00_start_here.ipynb").write_text((kit / "00_start_here.ipynb").read_text().replace("Ten minutes", "Five minutes"))
    second = copy_notebooks(kit, work)
    assert second.copied == [] and copy.read_text() == edited
    assert [p.name for p in second.kit_changed] == ["00_start_here.ipynb"]
    copy.unlink()
    third = copy_notebooks(kit, work)
    assert [p.name for p in third.copied] == ["00_start_here.ipynb"] and "Five minutes" in copy.read_text()


def test_notebooks_write_never_touches_the_workspace(library_copy, tmp_path, monkeypatch):
    """Does `casekit notebooks write` leave a learner's copies alone, even one named like a kit notebook?"""
    from click.testing import CliRunner

    from casekit.cli import main

    (library_copy / "notebooks").mkdir()
    work = library_copy / "workspace"
    work.mkdir()
    theirs = work / notebook_name(sorted(CaseLibrary.load(library_copy).cases)[0])
    theirs.write_text("my work\n")
    result = CliRunner().invoke(main, ["notebooks", "write"])
    assert result.exit_code == 0, result.output
    assert theirs.read_text() == "my work\n"
    result = CliRunner().invoke(main, ["notebooks", "copy"])
    assert result.exit_code == 0 and theirs.read_text() == "my work\n", result.output
    assert "of yours kept as they are" in result.output


def test_the_lab_target_opens_the_workspace_not_the_tracked_notebooks(repo):
    """Does `make lab` copy the notebooks, open the workspace and serve the kit's notebooks read-only?"""
    text = (repo / "Makefile").read_text()
    lab = text.split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "casekit notebooks copy" in lab and "workspace/00_start_here.ipynb" in lab
    assert "casekit.kitcontents.KitContentsManager" in text
    assert "/workspace/" in (repo / ".gitignore").read_text().splitlines()
