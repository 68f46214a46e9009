"""Practice: FSRS scheduling of misses, resuming from the SQLite file, selections, bad answers."""

from __future__ import annotations

import pytest

from casekit.exam.bank import load_bank
from casekit.exam.practice import Practice, SelectionError
from casekit.exam.store import ExamStore, ExamStoreError


@pytest.fixture
def bank(fixture_items):
    return load_bank(fixture_items)


def test_a_miss_comes_back_before_new_items_and_a_hit_waits_longer(tmp_path, bank, clock):
    """After a wrong answer, is that item due again before any unseen item, and due sooner than a right one?"""
    p = Practice(tmp_path, bank=bank, now=clock)
    first = p.next_item()
    wrong = next(L for L in "ABCD" if L != first.key)
    miss = p.answer(first.id, wrong)
    assert not miss.correct and "the answer is" in miss.text() and all(f"{L}" in miss.text() for L in "ABCD")
    second = p.next_item()
    assert second.id != first.id, "the miss is not due the same instant"
    hit = p.answer(second.id, second.key)
    assert hit.correct and hit.due > miss.due
    clock.advance(minutes=5)
    assert p.next_item().id == first.id, "the due miss comes before the unseen items"
    assert p.status().startswith("4 items in this selection: 1 due for review, 2 not seen yet")


def test_practice_resumes_after_a_restart(tmp_path, bank, clock):
    """Does a new session on the same folder see the earlier answers and schedule?"""
    p = Practice(tmp_path, bank=bank, now=clock)
    item = p.next_item()
    p.answer(item.id, item.key)
    p.store.close()
    again = Practice(tmp_path, bank=bank, now=clock)
    assert item.id not in {i.id for i in again.unseen()}
    rows = ExamStore(tmp_path).rows("SELECT item_id, mode, correct FROM answers")
    assert [tuple(r) for r in rows] == [(item.id, "practice", 1)]


def test_selection_by_case_and_step(tmp_path, bank):
    """Does choosing a case and step give only that case's items at that step?"""
    p = Practice(tmp_path, bank=bank, case="managed-care-workers-comp-back-injury", step="revision")
    assert [i.id for i in p.items] == ["fixture-mmi"]
    assert len(Practice(tmp_path, bank=bank, domains=["rehabilitation", "care-management"]).items) == 2


@pytest.mark.parametrize("kwargs,words", [
    ({"domains": ["case-finding"]}, "unknown domain 'case-finding'"),
    ({"step": "triage"}, "unknown step 'triage'"),
])
def test_bad_selections_are_refused(tmp_path, bank, kwargs, words):
    """Is an unknown domain or step refused with the list to choose from?"""
    with pytest.raises(SelectionError, match=words):
        Practice(tmp_path, bank=bank, **kwargs)


def test_a_bad_letter_is_refused_and_nothing_is_stored(tmp_path, bank):
    """Is an answer that is not A-D refused, with no answer and no schedule written?"""
    p = Practice(tmp_path, bank=bank)
    with pytest.raises(ValueError, match="'F' is not an option"):
        p.answer("fixture-mmi", "F")
    assert p.store.rows("SELECT COUNT(*) FROM answers")[0][0] == 0
    assert p.store.rows("SELECT COUNT(*) FROM cards")[0][0] == 0


def test_a_damaged_or_newer_history_file_is_refused_untouched(tmp_path):
    """Is a file that is not SQLite, or from a newer kit, refused by name and left as it was?"""
    bad = tmp_path / "exam.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    before = bad.read_bytes()
    with pytest.raises(ExamStoreError, match="not an exam history file"):
        ExamStore(tmp_path)
    assert bad.read_bytes() == before
    bad.unlink()
    store = ExamStore(tmp_path)
    store.db.execute("INSERT INTO exam_migrations VALUES (99, 'future', '2030-01-01')")
    store.close()
    with pytest.raises(ExamStoreError, match="newer kit"):
        ExamStore(tmp_path)


def test_mastery_over_time_counts_the_latest_answer(tmp_path, bank, clock):
    """Does an item missed on day one and answered right on day two count as mastered from day two only?"""
    from casekit.exam.mastery import mastery_now, mastery_over_time

    assert mastery_over_time(tmp_path).empty
    p = Practice(tmp_path, bank=bank, now=clock, domains=["rehabilitation"])
    item = p.next_item()
    p.answer(item.id, next(L for L in "ABCD" if L != item.key))
    clock.advance(days=1)
    p.answer(item.id, item.key)
    over = mastery_over_time(tmp_path)
    assert over[["day", "domain", "seen", "mastered", "percent"]].values.tolist() == [
        ["2026-12-01", "rehabilitation", 1, 0, 0.0], ["2026-12-02", "rehabilitation", 1, 1, 100.0]]
    assert mastery_now(tmp_path)["percent"].tolist() == [100.0]


def test_exam_progress_reads_the_workspace_where_the_learner_practises(tmp_path, bank, clock, monkeypatch):
    """Does `casekit exam progress` with no --folder read the workspace (where make lab puts the notebooks)?"""
    from click.testing import CliRunner

    from casekit.cli.exam import exam

    workspace = tmp_path / "workspace"
    workspace.mkdir()
    monkeypatch.setenv("CASEKIT_WORKSPACE", str(workspace))
    p = Practice(workspace, bank=bank, now=clock, domains=["rehabilitation"])
    item = p.next_item()
    p.answer(item.id, item.key)
    shown = CliRunner().invoke(exam, ["progress"])
    assert shown.exit_code == 0, shown.output
    assert "rehabilitation: 1/1 mastered (100%)" in shown.output
    elsewhere = CliRunner().invoke(exam, ["progress", "--folder", str(tmp_path / "empty")])
    assert "No exam practice recorded" in elsewhere.output
