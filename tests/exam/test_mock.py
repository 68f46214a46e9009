"""The mock exam: the draw, the unscored pretest items, the clock across restarts, no early feedback."""

from __future__ import annotations

import statistics
import subprocess
import sys
import textwrap
from collections import Counter
from datetime import timedelta

import pytest

from casekit.exam.blueprint import load_blueprint
from casekit.exam.mock import MockError, MockExam, draw, shares
from casekit.exam.store import ExamStore

from .helpers import synthetic_bank

BP = load_blueprint()


def test_shares_follow_the_weights():
    """Do 150 scored and 30 pretest items split across the six domains as the weights say?"""
    weights = {d.id: d.weight for d in BP.current.domains}
    assert shares(weights, 150) == {"care-management": 45, "reimbursement-methods": 18, "psychosocial-concepts": 30,
                                    "quality-outcomes": 21, "rehabilitation": 15, "ethical-legal-practice": 21}
    pre = shares(weights, 30)
    assert sum(pre.values()) == 30 and pre["care-management"] == 9
    assert sum(shares(weights, 7).values()) == 7


def test_draw_follows_the_blueprint_over_many_seeds(big_bank):
    """Over 300 seeds, does every draw hold 180 distinct items with scored and pretest counts per domain exactly
    as the blueprint's weights give, with pretest items spread through the exam rather than bunched?"""
    weights = {d.id: d.weight for d in BP.current.domains}
    want_scored, want_pre = shares(weights, 150), shares(weights, 30)
    pretest_positions = []
    draws = set()
    for seed in range(300):
        picked = draw(big_bank, BP.current, BP.mock, seed)
        assert len(picked) == 180 and len({it.id for it, _ in picked}) == 180
        assert Counter(it.domain for it, pre in picked if not pre) == Counter(want_scored)
        assert Counter(it.domain for it, pre in picked if pre) == Counter(want_pre)
        pretest_positions += [n for n, (_, pre) in enumerate(picked, 1) if pre]
        draws.add(tuple(it.id for it, _ in picked))
    assert len(draws) == 300, "different seeds should give different exams"
    assert 80 < statistics.mean(pretest_positions) < 101  # a uniform spread over 1..180 has mean 90.5
    assert min(pretest_positions) < 10 and max(pretest_positions) > 170


def test_a_bank_too_small_is_refused_by_domain(big_bank):
    """Does a mock on a bank short in one domain name that domain and how many it needs?"""
    big_bank.items = [i for i in big_bank.items if not (i.domain == "rehabilitation" and i.id > "rehabilitation-010")]
    with pytest.raises(MockError, match=r"rehabilitation has 11 \(needs 18\)"):
        draw(big_bank, BP.current, BP.mock, 1)


def _start(tmp_path, bank, clock, **kw):
    return MockExam.start(tmp_path, bank=bank, blueprint=BP, now=clock, seed=7, **kw)


def test_pretest_items_never_count(tmp_path, big_bank, clock):
    """Is the score the same whatever is answered on the pretest items, and right on the scored ones only?"""
    exam = _start(tmp_path, big_bank, clock)
    slots = exam.slots()
    assert sum(s.pretest for s in slots) == 30
    wrong = {"A": "B", "B": "C", "C": "D", "D": "A"}
    for s in slots:  # every pretest item right, every scored item wrong
        exam.answer(s.position, s.item.key if s.pretest else wrong[s.item.key])
    exam.finish()
    report = exam.report()
    assert report.fraction == 0.0 and len(report.scored) == 150
    assert report.domains()["correct"].sum() == 0

    clock.advance(minutes=1)
    again = _start(tmp_path, big_bank, clock)
    for s in again.slots():  # the reverse: scored right, pretest wrong
        again.answer(s.position, wrong[s.item.key] if s.pretest else s.item.key)
    again.finish()
    assert again.report().fraction == 1.0
    history = ExamStore(tmp_path).rows("SELECT COUNT(*) AS n, SUM(correct) AS c FROM answers WHERE mode = 'mock'")[0]
    assert (history["n"], history["c"]) == (300, 150), "only scored items join the history"


def test_no_feedback_until_the_end(tmp_path, big_bank, clock):
    """Is the report refused while the exam runs, and are answers refused once it is over?"""
    exam = _start(tmp_path, big_bank, clock)
    exam.answer(1, "a")
    with pytest.raises(MockError, match="the report comes when the exam ends"):
        exam.report()
    exam.finish()
    with pytest.raises(MockError, match="answers can no longer change"):
        exam.answer(2, "B")
    assert exam.slots()[0].chosen == "A"


def test_the_clock_is_right_after_a_restart(tmp_path, big_bank, clock):
    """After 40 minutes and a restart (a new store connection and exam object), are 140 minutes left, with
    answers and flags kept; and does the exam close itself at 180 minutes, dated at the deadline?"""
    exam = _start(tmp_path, big_bank, clock)
    exam.answer(3, "C")
    exam.flag(5)
    clock.advance(minutes=40)
    exam.store.close()
    resumed = MockExam.latest(tmp_path, bank=big_bank, blueprint=BP, now=clock)
    assert resumed.id == exam.id and not resumed.finished
    assert resumed.time_left() == timedelta(minutes=140)
    assert resumed.time_left_text() == "2:20:00"
    assert resumed.slots()[2].chosen == "C" and resumed.slots()[4].flagged
    clock.advance(minutes=139, seconds=59)
    assert not resumed.finished and resumed.time_left() == timedelta(seconds=1)
    clock.advance(minutes=5)
    assert resumed.finished and resumed.time_left() == timedelta(0)
    row = resumed.store.rows("SELECT finished_at, finished_why FROM mocks")[0]
    assert row["finished_why"] == "time" and row["finished_at"].startswith("2026-12-01T12:00:00")
    with pytest.raises(MockError, match="time ran out"):
        resumed.answer(1, "A")


def test_the_clock_survives_a_crash(tmp_path):
    """When the process running the exam dies without closing anything, does a new one find the exam, its answer,
    and a clock counted from the stored start?"""
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
        from helpers import synthetic_bank
        from casekit.exam.mock import MockExam
        exam = MockExam.start({str(tmp_path)!r}, bank=synthetic_bank(), seed=3)
        exam.answer(1, "D")
        os._exit(9)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    exam = MockExam.latest(tmp_path, bank=synthetic_bank())
    assert exam.slots()[0].chosen == "D" and not exam.finished
    left = exam.time_left()
    assert timedelta(minutes=179) < left < timedelta(minutes=180)


def test_a_short_mock_keeps_the_proportions(tmp_path, big_bank, clock):
    """Does a shorter mock keep one minute per item and a sixth of its items as pretest?"""
    exam = _start(tmp_path, big_bank, clock, items=12)
    assert len(exam) == 12 and exam.minutes == 12
    assert sum(s.pretest for s in exam.slots()) == 2
    with pytest.raises(MockError, match="still running"):
        _start(tmp_path, big_bank, clock, items=12)


def test_bad_answers_are_refused(tmp_path, big_bank, clock):
    """Is an answer that is not A-D, or a question that does not exist, refused by name?"""
    exam = _start(tmp_path, big_bank, clock, items=6)
    with pytest.raises(ValueError, match="'E' is not an option"):
        exam.answer(1, "E")
    with pytest.raises(MockError, match="no question 7"):
        exam.answer(7, "A")
    assert all(s.chosen is None for s in exam.slots())


def test_the_report_says_when_a_domain_had_no_scored_item(tmp_path, big_bank, clock):
    """In a short mock where a domain draws no scored item, does the report say so rather than print a NaN?"""
    exam = _start(tmp_path, big_bank, clock, items=6)
    exam.finish()
    report = exam.report()
    empty = report.domains()[report.domains()["items"] == 0]
    assert len(empty) >= 1
    assert f"{empty.iloc[0]['title']}: 0/0 (no scored item)" in report.text() and "nan" not in report.text()
    assert report.misses_text().count("You answered nothing") == 6
