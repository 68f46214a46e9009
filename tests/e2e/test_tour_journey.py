"""The notebooks no other journey opens: each runs top to bottom in JupyterLab, and what it shows renders.

The start page, the learner's progress and the instructor's cohort report are read more than
clicked; a browser shows what a kernel test cannot (a widget that does not load, an error
printed in an output, a table or chart missing).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed: run `make e2e`")

from playwright.sync_api import expect  # noqa: E402 (after the skip)

from labdriver import code_cell_count, open_notebook, output_texts, run_all  # noqa: E402

# notebook -> what a reader must find on the page once it has run
TOUR = {
    "00_start_here.ipynb": ["Your status", "not started"],
    "30_my_progress.ipynb": ["Score", "Status", "not started"],
    "40_cohort_report.ipynb": ["DEMO cohort", "Score distribution", "critical"],
}
ERRORS = ("Traceback", "Error:", "Exception")


@pytest.mark.parametrize("name", sorted(TOUR))
def test_the_notebook_runs_and_renders_in_jupyterlab(lab, kit, page, shot, name):
    notebook = kit / "workspace" / name
    open_notebook(page, lab, f"workspace/{name}")
    run_all(page, code_cell_count(notebook))
    texts = output_texts(page)
    errors = [t[:300] for t in texts if any(e in t for e in ERRORS)]
    assert not errors, f"{name} shows an error in JupyterLab: {errors}"
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    for words in TOUR[name]:
        expect(panel).to_contain_text(words)
    for image in panel.locator(".jp-OutputArea-output img").all():
        assert image.evaluate("i => i.complete && i.naturalWidth > 0"), f"{name}: an image output did not load"
    first_output = panel.locator(".jp-OutputArea-output").first
    shot(name.split("_", 1)[0] + "-top", first_output)
