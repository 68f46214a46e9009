"""A learner sits a short mock exam in JupyterLab, restarts the kernel mid-exam, finishes, and reads the report.

The kit copy gets a test-sized blueprint (six items: five scored, one pretest, fifteen minutes) and a small
generated bank, so the journey is quick; a learner gets the real 180-item form.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone

import pytest
import yaml

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed: run `make e2e`")

from playwright.sync_api import expect  # noqa: E402 (after the skip)

from labdriver import (  # noqa: E402
    assert_widgets_render,
    cell_with,
    code_cell_count,
    open_notebook,
    restart_and_run_all,
    run_all,
    wait_all_run,
)

NOTEBOOK = "notebooks/51_mock_exam.ipynb"
MINUTES = 15


def _test_sized(kit) -> dict[str, str]:
    """Shrink the copy's mock form and add three generated items per domain; returns item id -> key for the whole bank."""
    exam = kit / "casestudies" / "exam"
    blueprint = yaml.safe_load((exam / "blueprint.yaml").read_text())
    blueprint["mock"].update(items=6, scored=5, pretest=1, minutes=MINUTES)
    (exam / "blueprint.yaml").write_text(yaml.safe_dump(blueprint, sort_keys=False))
    old = [d["id"] for d in blueprint["outlines"]["ccm-2020"]["domains"]]
    items = []
    for n_domain, d in enumerate(blueprint["outlines"]["ccm-2025"]["domains"]):
        for n in range(3):
            items.append({
                "id": f"journey-{d['id']}-{n}", "stem": f"Journey question {n} on {d['title']}: which option is right?",
                "options": {L: f"Option {L} of journey question {n} on {d['title']}" for L in "ABCD"},
                "key": "ABCD"[(n + n_domain) % 4], "rationales": {L: f"Because {L} is how the journey is written." for L in "ABCD"},
                "domain": d["id"], "domain_2020": old[n_domain % len(old)], "difficulty": "easy"})
    (exam / "items" / "journey.yaml").write_text(yaml.safe_dump({"version": 1, "items": items}, sort_keys=False))
    # The draw takes the bank's own items too: the key of every item in the copy.
    return {i["id"]: i["key"] for f in sorted((exam / "items").glob("*.yaml"))
            for i in yaml.safe_load(f.read_text(encoding="utf-8"))["items"]}


def _time_left(text: str) -> int:
    h, m, s = map(int, re.search(r"Time left: (\d+):(\d\d):(\d\d)", text).groups())
    return h * 3600 + m * 60 + s


def test_learner_sits_a_mock_exam_across_a_kernel_restart(new_lab, page, shot):
    kit, lab = new_lab()
    keys = _test_sized(kit)
    store = kit / "notebooks" / "exam.sqlite"
    cells = code_cell_count(kit / NOTEBOOK)

    open_notebook(page, lab, NOTEBOOK)
    run_all(page, cells)
    assert_widgets_render(page)
    mock = cell_with(page, "Mock exam")
    mock.get_by_role("button", name="Start a new mock exam").click()
    expect(mock).to_contain_text(re.compile(r"Started mock exam 1: 6 questions, 0:1[45]:\d\d on the clock\."))
    radios = mock.locator(".widget-radio-box input[type=radio]")

    # Question 1: answer A and flag it; question 2: answer C. No feedback appears.
    radios.nth(0).check()
    expect(mock).to_contain_text("Saved your answer to question 1")
    mock.get_by_role("checkbox", name="Flag for review").check()
    expect(mock).to_contain_text("Question 1 flagged for review")
    mock.get_by_role("button", name="Next ▶").click()
    expect(mock.locator("b").filter(has_text=re.compile(r"^2\.$"))).to_have_count(1)
    radios.nth(2).check()
    expect(mock).to_contain_text("Saved your answer to question 2")
    expect(mock).not_to_contain_text("Correct")
    shot("1-mid-exam", mock)

    # Restart the kernel mid-exam and run everything again: the exam resumes, the clock has not reset.
    restart_and_run_all(page)
    wait_all_run(page, cells)
    expect(mock).to_contain_text("Resumed mock exam 1: 2 of 6 answered")
    expect(mock).to_contain_text("flagged for review: 1")
    started = datetime.fromisoformat(sqlite3.connect(store).execute("SELECT started_at FROM mocks").fetchone()[0])
    shown = _time_left(mock.locator("b").filter(has_text="Time left").inner_text())
    expected = MINUTES * 60 - (datetime.now(timezone.utc) - started).total_seconds()
    assert abs(shown - expected) < 10, f"the clock shows {shown}s left; the stored start gives {expected:.0f}s"
    assert shown < MINUTES * 60 - 1, "the clock started again from the full time after the restart"
    expect(radios.nth(0)).to_be_checked()
    expect(mock.get_by_role("checkbox", name="Flag for review")).to_be_checked()
    shot("2-after-restart", mock)

    # Answer the rest (B each time), then finish.
    for position in range(2, 7):
        mock.get_by_role("button", name="Next ▶").click()
        expect(mock.locator("b").filter(has_text=re.compile(rf"^{position}\.$"))).to_have_count(1)
        if position > 2:
            radios.nth(1).check()
            expect(mock).to_contain_text(f"Saved your answer to question {position}")
    mock.get_by_role("button", name="Finish and score").click()
    mock.get_by_role("button", name="Yes, finish now").click()
    expect(mock).to_contain_text("Domain score report", timeout=60_000)

    # The report: the scored items only, per domain, a chart, and the rationale for every miss.
    db = sqlite3.connect(store)
    rows = db.execute("SELECT item_id, chosen, pretest FROM mock_items ORDER BY position").fetchall()
    assert [r[1] for r in rows] == ["A", "C", "B", "B", "B", "B"]
    scored = [(item, chosen) for item, chosen, pretest in rows if not pretest]
    correct = sum(keys[item] == chosen for item, chosen in scored)
    misses = sum(keys[item] != chosen for item, chosen, _ in rows)
    expect(mock).to_contain_text(f"{correct} of 5 scored items correct")
    expect(mock).to_contain_text("1 further item(s) were unscored pretest items")
    expect(mock).to_contain_text("Every miss, with its rationale")
    expect(mock.locator("pre").filter(has_text="Why ")).to_have_count(1 if misses else 0)
    assert mock.locator("pre").last.inner_text().count("Question ") == misses or misses == 0
    for title in ("Care Management", "Reimbursement Methods", "Psychosocial Concepts and Support Systems"):
        expect(mock).to_contain_text(title)
    image = mock.locator(".jp-OutputArea-output img").first
    expect(image).to_be_visible()
    assert image.evaluate("i => i.complete && i.naturalWidth > 0")
    shot("3-report", mock.locator("h4", has_text="Domain score report"))
