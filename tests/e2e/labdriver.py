"""What a person does in JupyterLab, as Playwright steps: open a notebook, use the menus, run cells.

Each step waits for what the user would wait for (a kernel going idle, a prompt getting its
number), never for a fixed time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

KERNEL_START = 90_000  # ms: a cold kernel on a busy two-core machine
RUN_ALL = 120_000  # ms: every cell of a case notebook, widgets included

# What a notebook shows when the widget front end is missing or broken: the plain-text repr
# of a widget, or ipywidgets' own placeholders.
BROKEN_WIDGET = re.compile(r"(?m)^(VBox|HBox|Accordion|Button|Output|Tab)\(|Loading widget|Error displaying widget|"
                           r"Failed to load model class|Widget Javascript not detected|Click to show javascript error")


def code_cell_count(notebook: Path) -> int:
    return sum(c["cell_type"] == "code" for c in json.loads(notebook.read_text())["cells"])


def open_notebook(page: Page, lab, relpath: str) -> None:
    """Open ``relpath`` (relative to the server root) alone in a fresh workspace; wait for an idle kernel.

    A fresh workspace, because JupyterLab otherwise reopens the tabs an earlier test left open
    on the same server, and a menu command could then go to the wrong notebook.
    """
    workspace = re.sub(r"[^a-z0-9]+", "-", Path(relpath).stem.lower())
    page.goto(lab.page_url(f"lab/workspaces/{workspace}/tree/{relpath}?reset"))
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab")
    expect(tab).to_have_count(1, timeout=KERNEL_START)
    expect(tab).to_have_attribute("title", re.compile(f"^Name: {re.escape(Path(relpath).name)}"))
    expect(page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first).to_be_visible(timeout=KERNEL_START)
    wait_kernel_idle(page)


def wait_kernel_idle(page: Page, timeout: int = KERNEL_START) -> None:
    expect(page.locator("#jp-main-statusbar")).to_contain_text(re.compile(r"\| Idle"), timeout=timeout)


def menu(page: Page, top: str, item: str | re.Pattern) -> None:
    """Click ``top`` in the menu bar, then ``item`` (a label or a pattern) in its menu."""
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").filter(has_text=re.compile(f"^{re.escape(top)}$")).click()
    name = item if isinstance(item, re.Pattern) else re.compile(f"^{re.escape(item)}")
    page.locator(".lm-Menu").get_by_role("menuitem", name=name).first.click()


def wait_all_run(page: Page, code_cells: int, timeout: int = RUN_ALL) -> None:
    """Wait until every code cell shows an execution number (none queued, none running).

    A cell that raises stops Run All: fail at once with its error instead of waiting out the timeout.
    """
    outcome = page.wait_for_function(
        r"""n => {
            const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
            if (!nb) return false;
            const error = [...nb.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
                .map(o => o.textContent).find(t => /Traceback|Cell In\[\d+\], line \d+/.test(t));
            if (error) return 'error: ' + error.slice(-1500);
            const prompts = [...nb.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            return prompts.length === n && prompts.every(p => /\[\d+\]/.test(p.textContent)) && 'done';
        }""",
        arg=code_cells,
        timeout=timeout,
    ).json_value()
    assert outcome == "done", f"a cell failed when the notebook ran in JupyterLab:\n{outcome}"
    wait_kernel_idle(page)


def run_all(page: Page, code_cells: int) -> None:
    menu(page, "Run", "Run All Cells")
    wait_all_run(page, code_cells)


def restart_and_run_all(page: Page) -> None:
    """Kernel > Restart Kernel and Run All Cells…, confirmed in its dialog."""
    menu(page, "Kernel", "Restart Kernel and Run All Cells")
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_contain_text("Restart")
    dialog.locator("button.jp-mod-accept").filter(has_text="Restart").click()
    expect(dialog).to_have_count(0)


def save_notebook(page: Page) -> None:
    """File > Save Notebook, then wait until the tab no longer marks unsaved changes."""
    menu(page, "File", "Save Notebook")
    expect(page.locator(".jp-mod-current.lm-TabBar-tab.jp-mod-dirty, .lm-TabBar-tab.lm-mod-current.jp-mod-dirty")).to_have_count(0)


def cell_with(page: Page, text: str, selector: str = "h4") -> Locator:
    """The code cell whose output holds ``selector`` with exactly ``text`` (a widget's heading)."""
    return page.locator(".jp-CodeCell").filter(has=page.locator(selector, has_text=re.compile(f"^{re.escape(text)}$")))


def output_texts(page: Page) -> list[str]:
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output").all_inner_texts()


def assert_widgets_render(page: Page) -> None:
    """Widget outputs are live controls, not the text a notebook shows without the front end."""
    broken = [t[:120] for t in output_texts(page) if BROKEN_WIDGET.search(t)]
    assert not broken, f"widgets did not render in JupyterLab; the page shows: {broken}"
    assert page.locator(".jp-OutputArea-output .jupyter-widgets").count() > 0, "no rendered widget on the page"
