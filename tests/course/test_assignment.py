"""The course's source assignments: generated from the cases, never hand-edited, never leaking keys."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from nbgrader.nbgraderformat import MetadataValidator

from casekit.cases.library import CaseLibrary
from casekit.cases.schema import MANUAL_CRITERIA
from casekit.course.assignment import (
    ANSWER_ID,
    BEGIN_HIDDEN,
    END_HIDDEN,
    assignment_notebook,
    grade_id,
    notebook_file,
    source_drift,
    write_sources,
)
from casekit.course.config import Course, CourseError
from casekit.notebooks import case_notebook

REPO = Path(__file__).resolve().parents[2]
LIB = CaseLibrary.load()
GRADED = sorted(c for c in LIB.cases if c in LIB.keys)


def _cells(nb) -> dict:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def test_committed_sources_match_the_cases_keys_and_walkthroughs():
    """Is graders/source exactly what the cases call for? (Run `casekit course build` when not.)"""
    assert GRADED, "no case has a key yet"
    assert source_drift(REPO / "graders" / "source", LIB) == []


def test_a_changed_key_is_reported_as_drift(tmp_path):
    """Does editing a key (a criterion's points) without regenerating make the drift check fail?"""
    kit = tmp_path / "kit"
    shutil.copytree(REPO / "casestudies", kit / "casestudies")
    shutil.copytree(REPO / "graders" / "keys", kit / "graders" / "keys")
    source = kit / "graders" / "source"
    write_sources(source, CaseLibrary.load(kit))
    assert source_drift(source, CaseLibrary.load(kit)) == []

    case_id = GRADED[0]
    key_path = kit / "graders" / "keys" / f"{case_id}.yaml"
    data = yaml.safe_load(key_path.read_text())
    data["rubric"][0]["points"] = data["rubric"][0]["points"] + 1
    key_path.write_text(yaml.safe_dump(data, sort_keys=False))
    drift = source_drift(source, CaseLibrary.load(kit))
    assert [d for d in drift if d.startswith(f"{case_id}/")], drift


def test_a_removed_case_is_reported_and_its_assignment_removed(tmp_path):
    """When a case's key is withdrawn, does the drift check say so and regeneration remove the assignment?"""
    kit = tmp_path / "kit"
    shutil.copytree(REPO / "casestudies", kit / "casestudies")
    shutil.copytree(REPO / "graders" / "keys", kit / "graders" / "keys")
    source = kit / "graders" / "source"
    write_sources(source, CaseLibrary.load(kit))
    gone = GRADED[0]
    (kit / "graders" / "keys" / f"{gone}.yaml").unlink()
    assert any(d.startswith(f"{gone}/") for d in source_drift(source, CaseLibrary.load(kit)))
    write_sources(source, CaseLibrary.load(kit))
    assert not (source / gone).exists()


@pytest.mark.parametrize("case_id", GRADED)
def test_assignment_is_the_walkthrough_plus_graded_cells(case_id):
    """Does the assignment start with the learner's walk-through, unchanged, so the two cannot drift apart?"""
    walk = case_notebook(case_id, LIB)
    nb = assignment_notebook(case_id, LIB)
    assert [c.source for c in nb.cells[: len(walk.cells)]] == [c.source for c in walk.cells]
    MetadataValidator().validate_nb(nb)


@pytest.mark.parametrize("case_id", GRADED)
def test_one_hidden_test_cell_per_criterion_with_the_keys_points(case_id):
    """Is each code-graded criterion one locked test cell named crit-<id>, worth the key's points,
    whose hidden part ends with the library call as its last expression?"""
    key = LIB.key(case_id)
    cells = _cells(assignment_notebook(case_id, LIB))
    for criterion in key.rubric:
        cell = cells[grade_id(criterion.id)]
        meta = cell.metadata["nbgrader"]
        assert meta["points"] == float(criterion.points)
        if criterion.id in MANUAL_CRITERIA:
            assert cell.cell_type == "markdown" and meta["task"] and meta["locked"]
            assert "BEGIN MARK SCHEME" in cell.source
            for level in key.progress_note.levels:
                assert level.description in cell.source, "the grader sees every level"
            continue
        assert cell.cell_type == "code" and meta["grade"] and meta["locked"] and not meta["solution"]
        lines = cell.source.splitlines()
        hidden = lines[lines.index(BEGIN_HIDDEN) + 1 : lines.index(END_HIDDEN)]
        assert lines[-1] == END_HIDDEN, "nothing may follow the hidden part: its last expression is the score"
        assert re.fullmatch(
            rf'criterion_points\("{case_id}", "{criterion.id}", "{case_id}\.plan\.json", max_points={float(criterion.points)!r}\)',
            hidden[-1],
        )
        visible = [ln for ln in lines if ln not in hidden and ln not in (BEGIN_HIDDEN, END_HIDDEN)]
        assert all(ln.startswith("#") for ln in visible), "the released cell is comments only"


@pytest.mark.parametrize("case_id", GRADED)
def test_answer_cell_reads_the_plan_file_and_keeps_the_worked_answer_in_its_solution(case_id):
    """Is the answer cell an autograded answer whose key-reading part is inside the solution region?"""
    cell = _cells(assignment_notebook(case_id, LIB))[ANSWER_ID]
    meta = cell.metadata["nbgrader"]
    assert meta["solution"] and not meta["grade"] and not meta["locked"]
    outside = re.sub(r"### BEGIN SOLUTION.*?### END SOLUTION", "", cell.source, flags=re.S)
    assert "model_plan" in cell.source and "model_plan" not in outside
    assert ".key(" not in outside
    assert f"{case_id}.plan.json" in outside


def test_config_has_no_machine_paths_and_follows_the_course_folder(tmp_path):
    """Does nbgrader_config.py work from any copy of the course (paths relative to itself)?"""
    text = (REPO / "graders" / "nbgrader_config.py").read_text()
    assert not re.search(r"(/home/|/work/|/Users/|/tmp/|[A-Z]:\\\\)", text)
    copy = tmp_path / "elsewhere"
    copy.mkdir()
    shutil.copy(REPO / "graders" / "nbgrader_config.py", copy)
    (copy / "source" / "some-case").mkdir(parents=True)
    course = Course.open(copy)
    assert Path(course.config.CourseDirectory.root) == copy.resolve()
    assert course.db_url == f"sqlite:///{copy.resolve() / 'gradebook.db'}"
    assert course.config.Autograde.exclude_overwriting == {"some-case": ["some-case.plan.json"]}
    assert course.config.OverwriteCells.add_missing_cells is True
    names = [p.rsplit(".", 1)[-1] if isinstance(p, str) else p.__name__ for p in course.config.GenerateFeedback.preprocessors]
    assert "ClearHiddenTests" in names and "ClearMarkScheme" in names


def test_a_folder_without_config_is_refused_with_a_fix(tmp_path):
    """Does pointing the course at a folder with no nbgrader_config.py say what to do?"""
    with pytest.raises(CourseError, match="nbgrader_config.py"):
        Course.open(tmp_path)


def test_build_refuses_a_plan_file_in_source(tmp_path):
    """Would a plan file left in source/ (by running the worked answer) be refused before release?"""
    from casekit.course.runner import build

    course_dir = tmp_path / "graders"
    shutil.copytree(REPO / "graders" / "source", course_dir / "source")
    shutil.copy(REPO / "graders" / "nbgrader_config.py", course_dir)
    case_id = GRADED[0]
    (course_dir / "source" / case_id / f"{case_id}.plan.json").write_text("{}")
    with pytest.raises(CourseError, match="plan file"):
        build(Course.open(course_dir), LIB)
    assert not (course_dir / "release").exists()


def _course_with_release_from_source(tmp_path: Path) -> Course:
    course_dir = tmp_path / "graders"
    shutil.copytree(REPO / "graders" / "source", course_dir / "source")
    shutil.copytree(REPO / "graders" / "source", course_dir / "release")  # as if nothing were stripped
    shutil.copy(REPO / "graders" / "nbgrader_config.py", course_dir)
    return Course.open(course_dir)


def test_the_release_check_catches_an_unstripped_notebook_and_a_plan_file(tmp_path):
    """Would the release check notice hidden tests, the worked answer, key text and a plan file?"""
    from casekit.course.leaks import release_leaks

    course = _course_with_release_from_source(tmp_path)
    case_id = GRADED[0]
    (course.release_dir / case_id / f"{case_id}.plan.json").write_text("{}")
    leaks = [leak for leak in release_leaks(course, LIB) if leak.startswith(f"{case_id}/")]
    assert any("criterion_points" in leak for leak in leaks)
    assert any("model_plan" in leak for leak in leaks)
    assert any("key text" in leak for leak in leaks)
    assert any("a plan file" in leak for leak in leaks)


def test_the_feedback_check_finds_hidden_lines_but_not_a_learners_own_words(tmp_path):
    """Does the feedback check flag the instructor's hidden test line, yet pass a learner's own code?"""
    from casekit.course.leaks import feedback_leaks, hidden_lines

    course = _course_with_release_from_source(tmp_path)
    case_id = GRADED[0]
    line = hidden_lines(course, case_id)[-1]
    leaky, clean = tmp_path / "leaky.html", tmp_path / "clean.html"
    leaky.write_text(f"<pre><span>{line.replace('(', '</span>(<span>', 1)}</span></pre>")
    clean.write_text("<pre>from casekit.model_plan import model_plan  # my own code</pre>")
    leaks = feedback_leaks(course, case_id, [leaky, clean], LIB)
    assert list(leaks) == [leaky]


def test_build_can_release_only_the_named_assignments(tmp_path):
    """After editing one key, does `build CASE` release that case alone, and refuse a name that is no case?"""
    from casekit.course.runner import build

    course_dir = tmp_path / "graders"
    course_dir.mkdir()
    shutil.copy(REPO / "graders" / "nbgrader_config.py", course_dir)
    case_id = GRADED[-1]
    with pytest.raises(CourseError, match=r"no assignment 'no-such-case' .*known: "):
        build(Course.open(course_dir), LIB, only=[case_id, "no-such-case"])
    assert not (course_dir / "release").exists(), "nothing is released when one name is wrong"
    report = build(Course.open(course_dir), LIB, only=[case_id])
    assert report.released == [case_id]
    assert sorted(p.name for p in (course_dir / "release").iterdir()) == [case_id]
    assert (course_dir / "release" / case_id / notebook_file(case_id)).is_file()
