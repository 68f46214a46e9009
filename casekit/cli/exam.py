"""``casekit exam``: the question bank, the mock exam, simulations and quiz assignments."""

from __future__ import annotations

from pathlib import Path

import click

from casekit.cli.common import friendly_errors


@click.group()
def exam() -> None:
    """Certification exam prep: question bank, mock exam, ACM-style simulations, quizzes."""


@exam.command("bank")
@click.option("--items", "folder", type=click.Path(path_type=Path, file_okay=False),
              help="A folder of item files (default: casestudies/exam/items).")
@friendly_errors
def bank(folder: Path | None) -> None:
    """The bank's size: one line per CCM domain (`<domain id>: <count>`), then `total: <n>`."""
    from casekit.exam.bank import load_bank
    from casekit.exam.blueprint import load_blueprint

    blueprint = load_blueprint()
    items = load_bank(folder, blueprint)
    for domain, count in items.counts(blueprint.current.ids).items():
        click.echo(f"{domain}: {count}")
    click.echo(f"total: {len(items)}")


@exam.command("quiz")
@click.argument("name")
@click.option("--domain", "domains", multiple=True, help="A ccm-2025 domain id (repeatable).")
@click.option("--case", help="Only items linked to this case id.")
@click.option("--step", help="Only items exercising this process step.")
@click.option("--item", "item_ids", multiple=True, help="An item id (repeatable); overrides the filters.")
@click.option("--count", type=click.IntRange(min=1), help="At most this many items, drawn at random.")
@click.option("--seed", type=int, default=0, show_default=True, help="The draw's seed, so a quiz can be rebuilt.")
@click.option("--course", type=click.Path(path_type=Path, file_okay=False), help="The nbgrader course (default graders/).")
@click.option("--replace", is_flag=True, help="Write the quiz again if it exists.")
@friendly_errors
def quiz(name, domains, case, step, item_ids, count, seed, course, replace) -> None:
    """Write an nbgrader quiz assignment NAME from an item set (then run `casekit course build`)."""
    import random

    from casekit.exam.bank import load_bank
    from casekit.exam.quiz import write_quiz
    from casekit.exam.selection import select_items
    from casekit.paths import graders_dir

    bank = load_bank()
    if item_ids:
        items = [bank.item(i) for i in item_ids]
    else:
        items = select_items(bank, domains=list(domains), case=case, step=step)
    if count and len(items) > count:
        items = random.Random(seed).sample(items, count)
    elif count and len(items) < count:
        click.echo(f"Only {len(items)} items match (you asked for {count}): the quiz has all {len(items)}.", err=True)
    path = write_quiz(course or graders_dir(), name, items, replace=replace)
    click.echo(f"Wrote {path} ({len(items)} items). Release it with `casekit course build` or "
               f"`nbgrader generate_assignment {name}`.")


@exam.command("analyse")
@click.argument("quiz_name")
@click.option("--course", type=click.Path(path_type=Path, file_okay=False), help="The nbgrader course (default graders/).")
@click.option("--csv", "csv_path", type=click.Path(path_type=Path, dir_okay=False), help="Also write the table to this CSV file.")
@friendly_errors
def analyse(quiz_name: str, course: Path | None, csv_path: Path | None) -> None:
    """Item analysis of a quiz's submissions: difficulty, discrimination, option counts, flags."""
    from casekit.exam.analysis import item_analysis
    from casekit.exam.quiz import cohort_responses
    from casekit.paths import graders_dir

    responses = cohort_responses(course or graders_dir(), quiz_name)
    if responses.empty:
        raise click.ClickException(f"no submissions of {quiz_name!r} in submitted/ yet")
    table = item_analysis(responses)
    click.echo(f"{responses['learner'].nunique()} learners, {len(table)} items")
    click.echo(table.to_string(index=False))
    strong = table[table["flag"] != ""]
    click.echo(f"{len(strong)} item(s) flagged" + (": " + ", ".join(strong["item"]) if len(strong) else ""))
    if csv_path:
        table.to_csv(csv_path, index=False)
        click.echo(f"Wrote {csv_path}")


@exam.command("simulations")
@friendly_errors
def simulations() -> None:
    """The cases with ACM-style simulation practice, and the pass marks."""
    from casekit.exam.blueprint import load_blueprint
    from casekit.exam.simulation import available_simulations, load_simulation

    marks = load_blueprint().acm_simulation
    for case in available_simulations():
        sim = load_simulation(case)
        click.echo(f"{case}: {len(sim.requests)} requests, {len(sim.decisions)} decisions")
    click.echo(f"pass marks ({marks.pass_marks_status}): Information Gathering {marks.pass_marks.information_gathering:.0%}, "
               f"Decision Making {marks.pass_marks.decision_making:.0%}; both must pass")


@exam.command("progress")
@click.option("--folder", type=click.Path(path_type=Path, file_okay=False),
              help="Where the learner's exam.sqlite is (default: workspace/, where `make lab` puts your notebooks).")
@friendly_errors
def progress(folder: Path | None) -> None:
    """Domain mastery from your practice and mock answers (one line per domain practised)."""
    from casekit.exam.mastery import mastery_now
    from casekit.paths import workspace_dir

    folder = folder or workspace_dir()
    now = mastery_now(folder)
    if now.empty:
        click.echo(f"No exam practice recorded in {folder}/exam.sqlite yet.")
        return
    for r in now.itertuples():
        click.echo(f"{r.domain}: {r.mastered}/{r.seen} mastered ({r.percent:.0f}%)")


@exam.command("grade")
@click.argument("quiz_name")
@click.option("--course", type=click.Path(path_type=Path, file_okay=False), help="The nbgrader course (default graders/).")
@click.option("--no-autograde", is_flag=True, help="Only check the scores already in the gradebook.")
@friendly_errors
def grade(quiz_name: str, course: Path | None, no_autograde: bool) -> None:
    """Autograde a quiz with nbgrader, then make every score the kit's scorer's for the answers as submitted."""
    from casekit.course.config import Course
    from casekit.course.grading_engine.quiz_grading import grade_quiz

    result = grade_quiz(Course.open(course), quiz_name, autograde=not no_autograde)
    for learner, points in result.scores.items():
        click.echo(f"{learner}: {points:g}")
    for line in result.corrected:
        click.echo(f"corrected (the notebook's score differed from the answers as submitted): {line}")
    for line in result.failed:
        click.echo(f"problem: {line}", err=True)
