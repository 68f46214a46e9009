"""A learner's copies in JupyterLab: they open unchanged, and the kit's own notebooks cannot be rewritten.

`make lab` copies the notebooks into workspace/ and starts JupyterLab with the kit's contents
manager. Opening a copy must not mark it as changed (or autosave would rewrite it for nothing),
and the tracked notebooks in notebooks/ open read-only, so no save or autosave can touch them
and `git pull` never meets a conflict.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed: run `make e2e`")

from playwright.sync_api import expect  # noqa: E402 (after the skip)

from labdriver import code_cell_count, menu, open_notebook, run_all  # noqa: E402

DIRTY = ".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty"


def _first_case(kit) -> str:
    return sorted(p.name for p in (kit / "notebooks").glob("10_*.ipynb"))[0]


def test_a_learners_copy_opens_unchanged_and_saves_in_the_workspace(new_lab, page, shot):
    """Does a copy open with its kernel running and no unsaved-changes mark, then save where the learner works?"""
    kit, lab = new_lab()
    name = _first_case(kit)
    copy = kit / "workspace" / name
    before = copy.read_bytes()
    open_notebook(page, lab, f"workspace/{name}")
    page.wait_for_timeout(1500)  # the kernel's info reply, which JupyterLab writes into the notebook, has arrived
    expect(page.locator(DIRTY)).to_have_count(0)
    assert copy.read_bytes() == before, "opening the copy changed the file"
    assert lab.api(f"contents/workspace/{name}?content=0")["writable"] is True
    run_all(page, code_cell_count(copy))
    menu(page, "File", "Save Notebook")
    expect(page.locator(DIRTY)).to_have_count(0)
    saved = json.loads(copy.read_text())
    assert any(c.get("outputs") for c in saved["cells"] if c["cell_type"] == "code"), "the learner's run was saved"
    shot("1-copy-saved")

    # The control: the same notebook as the kit generates it, without the kernel's metadata, is marked changed
    # as soon as its kernel starts. That is what the copy's metadata prevents.
    bare = kit / "workspace" / "control.ipynb"
    bare.write_bytes((kit / "notebooks" / name).read_bytes())
    open_notebook(page, lab, "workspace/control.ipynb")
    expect(page.locator(DIRTY)).to_have_count(1, timeout=15_000)


def test_the_kits_own_notebook_opens_read_only_and_is_never_written(new_lab, page, shot):
    """Is a tracked notebook reported read-only, refused on save, and left byte for byte as git has it?"""
    kit, lab = new_lab()
    name = _first_case(kit)
    tracked = kit / "notebooks" / name
    before = tracked.read_bytes()
    assert lab.api(f"contents/notebooks/{name}?content=0")["writable"] is False
    open_notebook(page, lab, f"notebooks/{name}")
    run_all(page, code_cell_count(tracked))
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").filter(has_text=re.compile("^File$")).click()
    save = page.locator(".lm-Menu li[data-command=\"docmanager:save\"]").first
    expect(save).to_have_attribute("aria-disabled", "true")
    shot("2-tracked-read-only")
    page.keyboard.press("Escape")
    # A save that bypasses the page (another client, a script) is refused by the server, with the way out.
    body = json.dumps({"type": "notebook", "format": "json", "content": json.loads(before)}).encode()
    request = urllib.request.Request(f"{lab.url}/api/contents/notebooks/{name}", data=body, method="PUT",
                                     headers={"Authorization": f"token {lab.token}", "Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403 and f"workspace/{name}" in refused.value.read().decode()
    time.sleep(1)
    assert tracked.read_bytes() == before, "a tracked notebook was rewritten"
