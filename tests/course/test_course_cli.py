"""``casekit course``: every command documented, every user error one clear line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from casekit.cli import main
from casekit.cli.course import course

REPO = Path(__file__).resolve().parents[2]
COMMANDS = sorted(course.commands)


def test_the_routine_is_all_there():
    """Are the five steps of the instructor's routine commands of `casekit course`?"""
    assert {"build", "collect-zip", "grade", "feedback", "export", "report"} <= set(COMMANDS)
    assert "course" in main.commands


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name):
    """Does each command explain itself in --help?"""
    result = CliRunner().invoke(main, ["course", name, "--help"])
    assert result.exit_code == 0
    assert len(course.commands[name].help or "") > 40


@pytest.fixture
def empty_course(tmp_path: Path) -> Path:
    """A course folder with the config and sources, but nothing built or submitted."""
    folder = tmp_path / "graders"
    shutil.copytree(REPO / "graders" / "source", folder / "source")
    shutil.copy(REPO / "graders" / "nbgrader_config.py", folder)
    return folder


@pytest.mark.parametrize(
    "args, message",
    [
        (["grade", "no-such-assignment"], "no assignment 'no-such-assignment'"),
        (["feedback", "no-such-assignment"], "no assignment 'no-such-assignment'"),
        (["collect-zip", "no-such-assignment", "{zip}"], "no assignment 'no-such-assignment'"),
        (["grade", "{first}"], "has not been released yet"),
        (["export", "{first}", "--to", "{tmp}/out.csv"], "not in the gradebook"),
        (["report", "{first}"], "no gradebook yet"),
        (["report", "no-such-assignment"], "no assignment 'no-such-assignment'"),
        (["grade", "{first}", "--workers", "0"], "--workers 0: give at least 1"),
        (["demo", "{first}"], "is not released yet"),
    ],
    ids=["grade-unknown", "feedback-unknown", "collect-unknown", "grade-unreleased", "export-unbuilt", "report-ungraded",
         "report-unknown", "grade-no-workers", "demo-unreleased"],
)
def test_user_errors_are_one_line_and_exit_1(empty_course, tmp_path, args, message):
    """Does a mistake give exit code 1 and one line that says what to do, never a traceback?"""
    zip_path = tmp_path / "download.zip"
    zip_path.write_bytes(b"")
    first = sorted(p.name for p in (empty_course / "source").iterdir())[0]
    args = [a.format(zip=zip_path, first=first, tmp=tmp_path) for a in args]
    result = CliRunner().invoke(main, ["course", *args, "--course", str(empty_course)])
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_export_needs_a_csv_name(tmp_path):
    """Is an export target that is not .csv refused before anything is written?"""
    from casekit.course.config import CourseError
    from casekit.course.export import Export, write_csv

    with pytest.raises(CourseError, match=r"\.csv"):
        write_csv(Export("a", [], {}, []), tmp_path / "scores.xlsx")


@pytest.mark.slow
def test_a_demo_cohort_is_submitted_graded_like_a_real_one_and_never_written_over(empty_course):
    """Does `course demo` put fictional learners' notebook and plan into submitted/, grade to a spread of scores,
    and refuse (writing nothing) when run again over them?"""
    from casekit.course.config import Course
    from casekit.course.export import per_criterion

    first = sorted(p.name for p in (empty_course / "source").iterdir())[0]
    runner = CliRunner()
    assert runner.invoke(main, ["course", "build", first, "--course", str(empty_course)]).exit_code == 0
    made = runner.invoke(main, ["course", "demo", first, "--learners", "3", "--course", str(empty_course)])
    assert made.exit_code == 0, made.output
    folders = sorted((empty_course / "submitted").iterdir())
    assert [f.name for f in folders] == ["demo-learner-01", "demo-learner-02", "demo-learner-03"]
    assert all((f / first / f"{first}.plan.json").is_file() and (f / first / f"{first}.ipynb").is_file() for f in folders)
    before = {f: (f / first / f"{first}.plan.json").read_text() for f in folders}
    again = runner.invoke(main, ["course", "demo", first, "--learners", "5", "--course", str(empty_course)])
    assert again.exit_code == 1 and "already there" in again.output
    assert sorted((empty_course / "submitted").iterdir()) == folders
    assert {f: (f / first / f"{first}.plan.json").read_text() for f in folders} == before
    graded = runner.invoke(main, ["course", "grade", first, "--course", str(empty_course)])
    assert graded.exit_code == 0, graded.output
    totals = [row.total for row in per_criterion(Course.open(empty_course), first).rows]
    assert len(totals) == 3 and len(set(totals)) > 1, totals

