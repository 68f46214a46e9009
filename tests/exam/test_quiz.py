"""Quizzes: an item set as a real nbgrader assignment, graded by the kit's scorer; cohort item analysis."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from casekit.cli import main
from casekit.exam.analysis import flagged, item_analysis
from casekit.exam.bank import load_bank
from casekit.exam.quiz import QuizError, cohort_responses, learner_scores, quiz_points, submitted_answers, write_quiz

from .helpers import synthetic_bank

NBGRADER = Path(sys.executable).with_name("nbgrader")


@pytest.fixture
def kit_with_items(library_copy, fixture_items, repo):
    """A kit copy whose bank is the fixture items, with an nbgrader course beside it."""
    items = library_copy / "casestudies" / "exam" / "items"
    shutil.rmtree(items)
    shutil.copytree(fixture_items, items)
    course = library_copy / "graders"
    shutil.copy(repo / "graders" / "nbgrader_config.py", course / "nbgrader_config.py")
    return library_copy


def _set_answers(notebook: Path, answers: dict) -> None:
    nb = json.loads(notebook.read_text())
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "quiz-answers")
    cell["source"] = "ANSWERS = " + repr(answers) + "\n"
    notebook.write_text(json.dumps(nb))


def _nbgrader(course: Path, *args):
    env = {**os.environ, "PATH": f"{NBGRADER.parent}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run([str(NBGRADER), *args], cwd=course, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.mark.slow
def test_a_quiz_is_released_without_keys_and_autograded_by_the_kits_scorer(kit_with_items):
    """Does real nbgrader release the quiz with no answer in it, and record for each learner the points the kit's
    scorer gives their answers (a half-right learner gets 2 of 4)?"""
    course = kit_with_items / "graders"
    bank = load_bank(kit_with_items / "casestudies" / "exam" / "items")
    write_quiz(course, "quiz-sample", bank.items)
    _nbgrader(course, "generate_assignment", "quiz-sample", "--force", "--create")
    released = course / "release" / "quiz-sample" / "quiz-sample.ipynb"
    text = released.read_text()
    assert "BEGIN SOLUTION" not in text and "quiz_points" not in text
    assert all(f"{it.id!r}: None" in text.replace('\\"', '"') or f"'{it.id}': None" in text for it in bank.items)

    keys = {it.id: it.key for it in bank.items}
    wrong = {"A": "B", "B": "C", "C": "D", "D": "A"}
    plans = {
        "ada": dict(keys),
        "ben": {i: (k if n % 2 == 0 else wrong[k]) for n, (i, k) in enumerate(keys.items())},
        "cy": {i: None for i in keys} | {"fixture-mmi": "b"},
    }
    for learner, answers in plans.items():
        folder = course / "submitted" / learner / "quiz-sample"
        folder.mkdir(parents=True)
        shutil.copy(released, folder / "quiz-sample.ipynb")
        _set_answers(folder / "quiz-sample.ipynb", answers)
    _nbgrader(course, "autograde", "quiz-sample", "--create", "--force")

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        got = {s: gb.find_submission("quiz-sample", s).score for s in plans}
    expected = {s: quiz_points(list(keys), a, bank) for s, a in plans.items()}
    assert expected == {"ada": 4.0, "ben": 2.0, "cy": 1.0}
    assert got == expected

    # A learner whose code replaces the scorer before the hidden test runs gets what their answers earn.
    cheat = course / "submitted" / "dee" / "quiz-sample"
    cheat.mkdir(parents=True)
    shutil.copy(released, cheat / "quiz-sample.ipynb")
    nb = json.loads((cheat / "quiz-sample.ipynb").read_text())
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "quiz-answers")
    cell["source"] = ("import casekit.exam.quiz as q\nq.quiz_points = lambda *a, **k: 4.0\n"
                      f"ANSWERS = {{'fixture-mmi': {keys['fixture-mmi']!r}}}\n")
    (cheat / "quiz-sample.ipynb").write_text(json.dumps(nb))
    result = CliRunner().invoke(main, ["exam", "grade", "quiz-sample", "--course", str(course)])
    assert result.exit_code == 0, result.output
    # Autograde runs no learner code (the course's trust boundary), so the cheat's score is right from the
    # start and nothing needs correcting afterwards.
    assert "dee: 1" in result.output
    assert "dee: 1" in result.output and "ada: 4" in result.output  # right at autograde: nothing to correct
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assert gb.find_submission("quiz-sample", "dee").score == 1.0
        assert gb.find_submission("quiz-sample", "ada").score == 4.0
    del plans  # the cohort below is the four learners

    responses = cohort_responses(course, "quiz-sample")
    assert len(responses) == 16
    assert learner_scores(responses, bank).to_dict() == {"ada": 1.0, "ben": 0.5, "cy": 0.25, "dee": 0.25}


def test_submitted_answers_are_read_as_data_not_run(tmp_path, fixture_items):
    """Is a submission's answer cell read without executing it, and is code in it refused?"""
    bank = load_bank(fixture_items)
    path = write_quiz(tmp_path, "q1", bank.items[:2])
    nb = tmp_path / "sub.ipynb"
    shutil.copy(path, nb)
    _set_answers(nb, {"fixture-teach-back": "b", "fixture-ccm-renewal": "Z"})
    assert submitted_answers(nb) == {"fixture-teach-back": "B", "fixture-ccm-renewal": None}
    data = json.loads(nb.read_text())
    cell = next(c for c in data["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "quiz-answers")
    cell["source"] = "ANSWERS = {k: 'A' for k in __import__('os').listdir('.')}"
    nb.write_text(json.dumps(data))
    with pytest.raises(QuizError, match="plain dictionary"):
        submitted_answers(nb)


def test_a_quiz_never_overwrites_another_assignment(tmp_path, fixture_items):
    """Is a quiz name already used by a case assignment refused, and an existing quiz kept unless replaced?"""
    bank = load_bank(fixture_items)
    (tmp_path / "source" / "some-case").mkdir(parents=True)
    (tmp_path / "source" / "some-case" / "some-case.ipynb").write_text('{"metadata": {}, "cells": []}')
    with pytest.raises(QuizError, match="not this quiz"):
        write_quiz(tmp_path, "some-case", bank.items)
    write_quiz(tmp_path, "q2", bank.items)
    with pytest.raises(QuizError, match="replace"):
        write_quiz(tmp_path, "q2", bank.items[:1])
    write_quiz(tmp_path, "q2", bank.items[:1], replace=True)
    with pytest.raises(QuizError, match="no items"):
        write_quiz(tmp_path, "q3", [])



@pytest.mark.parametrize("name", ["../evil", "a/b", "", "week 3", ".hidden"])
def test_a_quiz_name_that_is_not_a_plain_name_is_refused_and_nothing_written(tmp_path, fixture_items, name):
    """Is a quiz name with a path in it (or a space, or nothing) refused before anything is written?"""
    with pytest.raises(QuizError, match="is not a plain assignment name"):
        write_quiz(tmp_path, name, load_bank(fixture_items).items)
    assert not any(tmp_path.iterdir())


def test_item_analysis_flags_an_item_strong_learners_miss():
    """With a cohort where the top scorers all pick one distractor on one item, is that item flagged, and do
    difficulty, discrimination and option counts come out as counted by hand?"""
    bank = synthetic_bank(per_domain=2)
    items = bank.items[:5]
    trap = items[0]
    lure = {"A": "B", "B": "C", "C": "D", "D": "A"}[trap.key]
    rows = []
    # ten learners; learner k answers item n (n = 1..4) right when k > n, so totals rise with k
    for k in range(10):
        for n, it in enumerate(items):
            if it is trap:
                chosen = lure if k >= 5 else it.key  # the strong half picks the lure, the weak half the key
            else:
                chosen = it.key if k > n else lure_of(it)
            rows.append({"learner": f"l{k}", "item": it.id, "chosen": chosen})
    result = item_analysis(pd.DataFrame(rows), bank).set_index("item")
    t = result.loc[trap.id]
    assert t["p"] == 0.5 and t[trap.key] == 5 and t[lure] == 5
    assert t["upper_p"] == 0.0 and t["lower_p"] == 1.0 and t["discrimination"] == -1.0
    assert "strong learners miss it" in t["flag"] and f"distractor {lure}" in t["flag"]
    good = result.loc[items[1].id]
    assert good["discrimination"] > 0 and good["flag"] == ""
    assert list(flagged(result.reset_index())["item"]) == [trap.id]


def lure_of(item):
    return {"A": "B", "B": "C", "C": "D", "D": "A"}[item.key]


def test_the_demo_cohort_is_analysed_with_stronger_learners_scoring_higher(capsys):
    """Does the cohort report's demo give every item a row, with positive mean discrimination?"""
    from casekit.exam.analysis import cohort_item_analysis, demo_responses

    bank = synthetic_bank(per_domain=10)
    table = cohort_item_analysis(demo=True, bank=bank)
    assert len(table) == 20 and table["learners"].eq(16).all()
    assert table["discrimination"].mean() > 0
    assert (table[["A", "B", "C", "D"]].sum(axis=1) == 16).all()
    assert "DEMO cohort: 16 fictional learners, 20 items." in capsys.readouterr().out
    assert demo_responses(bank).equals(demo_responses(bank)), "the demo is the same on every run"


def test_a_quiz_asked_for_more_items_than_match_says_how_many_it_has(kit_with_items):
    """Asked for 40 items where fewer match, does `exam quiz` say so rather than write a short quiz silently?"""
    n = len(load_bank(kit_with_items / "casestudies" / "exam" / "items").items)
    course = kit_with_items / "graders"
    result = CliRunner().invoke(main, ["exam", "quiz", "quiz-short", "--count", str(n + 10), "--course", str(course)])
    assert result.exit_code == 0, result.output
    assert f"Only {n} items match (you asked for {n + 10})" in result.output
    exact = CliRunner().invoke(main, ["exam", "quiz", "quiz-exact", "--count", str(n), "--course", str(course)])
    assert "Only" not in exact.output
