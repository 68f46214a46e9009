"""The supervisor dashboard notebook: thin, cleared, and safe to run with no log of your own."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "20_hours_dashboard.ipynb"


def _cells():
    return json.loads(NOTEBOOK.read_text())["cells"]


def test_code_cells_only_call_the_library():
    """Do the code cells only import and call casekit.hours.dashboard (no helper code in the notebook)?"""
    code = ["".join(c["source"]) for c in _cells() if c["cell_type"] == "code"]
    joined = "\n".join(code)
    assert "from casekit.hours import dashboard" in joined
    assert "def " not in joined and "class " not in joined and "lambda" not in joined
    imports = [line for line in joined.splitlines() if line.startswith(("import ", "from "))]
    assert imports == ["from casekit.hours import dashboard"]
    assert all(len(c.splitlines()) <= 3 for c in code)


def test_demo_mode_is_on_and_explained():
    """Does the notebook run on a fictional demo log by default, and say how to use a real one?"""
    cells = _cells()
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert code[0].splitlines()[0] == "DEMO = True"
    text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "fictional" in text and "DEMO = False" in text and "CASEKIT_HOURS_DB" in text


def test_checking_a_report_file_is_shown_with_a_trusted_key():
    """Does every `verify --file` the notebook shows give --trust, and say what a check without it proves?"""
    text = " ".join("".join(c["source"]) for c in _cells() if c["cell_type"] == "markdown")
    shown = re.findall(r"`casekit hours verify --file [^`]*`", text)
    assert shown and all("--trust SUPERVISOR.pub" in s for s in shown)
    assert "Without `--trust` the check shows only that the file agrees with itself" in text


def test_outputs_are_cleared():
    """Are outputs and execution counts cleared in the committed notebook?"""
    for c in _cells():
        if c["cell_type"] == "code":
            assert c["outputs"] == [] and c["execution_count"] is None


def test_notebook_runs_headless_and_links_the_report_beside_itself(tmp_path):
    """Does every cell run in a fresh kernel, writing the report into reports/ beside the notebook with a link to it?"""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    demo = re.search(r"DEMO log \(fictional people, rebuilt on every run\): (?:sqlite:///)?(\S+\.sqlite)",
                     "".join(o.get("text", "") for o in outputs))
    try:
        assert demo, "the notebook did not say it runs on a demo log"
        assert not [o for o in outputs if o.output_type == "error"]
        assert (tmp_path / "reports" / "hours-report-demo-learner-a.html").is_file()
        link = nb.cells[-1].outputs[0]["data"]
        assert '<a href="reports/hours-report-demo-learner-a.html"' in link["text/html"]
        assert "Report written: reports/hours-report-demo-learner-a.html" in link["text/plain"]
    finally:
        if demo:  # the demo log's temporary folder, which the kernel leaves behind
            shutil.rmtree(Path(demo.group(1)).parent, ignore_errors=True)
