"""An instructor, as the README's routine goes: build the assignments, `make lab`, Nbgrader > Formgrader."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed: run `make e2e`")

from playwright.sync_api import expect  # noqa: E402 (after the skip)

from casekit.cases.library import CaseLibrary  # noqa: E402
from labdriver import menu  # noqa: E402

BIN = Path(sys.executable).parent


def test_instructor_sees_every_case_as_an_assignment_in_formgrader(kit, lab, page, shot):
    # The routine's first step: one assignment per case with an answer key.
    expected = sorted(CaseLibrary.load(kit).keys)
    assert expected, "the kit has no answer keys in graders/keys/, so no assignments"
    env = {**os.environ, "PYTHONPATH": str(kit), "CASEKIT_HOME": str(kit)}
    build = subprocess.run([str(BIN / "casekit"), "course", "build", "--course", str(kit / "graders")],
                           cwd=kit, env=env, capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, f"casekit course build failed:\n{build.stdout}\n{build.stderr}"

    # JupyterLab at the kit's root (make lab) finds the course through nbgrader_config.py.
    page.goto(lab.page_url("lab/workspaces/instructor?reset"))
    menu(page, "Nbgrader", re.compile("^Formgrader$"))
    expect(page.get_by_role("tab", name="Formgrader")).to_have_attribute("aria-selected", "true")
    formgrader = page.frame_locator("#formgrader iframe")
    expect(formgrader.locator("h1").filter(has_text="Manage Assignments")).to_be_visible()

    rows = formgrader.locator("#main-table tr")
    expect(rows).to_have_count(len(expected), timeout=30_000)
    names = formgrader.locator("#main-table td.name")
    expect(names).to_have_text(expected)
    for name in expected:
        row = rows.filter(has=formgrader.locator("td.name", has_text=re.compile(f"^{re.escape(name)}$")))
        # generated for release: formgrader offers a preview of the learners' version
        expect(row.locator("td.preview a")).to_be_visible()
        assert (kit / "graders" / "release" / name / f"{name}.ipynb").is_file()
        # build said "released": formgrader says so too (it reads the course's exchange), not "draft"
        expect(row.locator("td.status")).to_have_text("released")
    shot("1-formgrader")


def test_formgrader_lists_the_committed_assignments_before_anything_is_built(new_lab, page, shot):
    kit, lab = new_lab()
    expected = sorted(p.name for p in (kit / "graders" / "source").iterdir() if p.is_dir())
    assert expected and not (kit / "graders" / "gradebook.db").exists()
    page.goto(lab.page_url("lab/workspaces/instructor?reset"))
    with page.expect_response(lambda r: "/formgrader/api/assignments" in r.url) as answer:
        menu(page, "Nbgrader", re.compile("^Formgrader$"))
    assert answer.value.ok, f"formgrader's assignment list failed (HTTP {answer.value.status}):\n{lab.log_tail(15)}"
    formgrader = page.frame_locator("#formgrader iframe")
    expect(formgrader.locator("#main-table td.name")).to_have_text(expected)
    # the course's own exchange folder: no warning that release and collect are unavailable
    expect(formgrader.get_by_text("does not exist and could not be created")).to_have_count(0)
    shot("fresh-course-formgrader")
