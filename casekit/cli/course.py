"""``casekit course``: the instructor's nbgrader routine, a thin shell over casekit.course."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from casekit.cli.common import friendly_errors

course_option = click.option(
    "--course",
    "course_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The nbgrader course folder (default: graders/ of the kit).",
)


def _open(course_dir: Path | None, timeout: int | None = None):
    from casekit.course.config import Course

    return Course.open(course_dir, timeout=timeout)


@click.group()
def course() -> None:
    """Grade a cohort with nbgrader: build, collect, grade, feedback, export.

    The course lives in graders/ (an nbgrader course directory); each case is one
    assignment, generated from the case and graded with the same rubric as the
    learner's self-check.
    """


@course.command("build")
@click.argument("assignments", nargs=-1)
@course_option
@friendly_errors
def build_cmd(assignments: tuple[str, ...], course_dir: Path | None) -> None:
    """Regenerate source/ from the cases and release every assignment, or only ASSIGNMENTS.

    Runs nbgrader generate_assignment for each case with an answer key (or for the
    case ids given, say after editing one key), then checks that release/ holds no key
    material (no hidden tests, worked answers, mark schemes, key text or plan files).
    """
    from casekit.course.routine import build

    c = _open(course_dir)
    report = build(c, only=list(assignments) or None)
    for path in report.changed_sources:
        click.echo(f"regenerated {path.relative_to(c.root)}")
    click.echo(f"released {len(report.released)} assignment(s) to {c.release_dir}: {', '.join(report.released)}")


@course.command("collect-zip")
@click.argument("assignment")
@click.argument("archives", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--regexp", default=None, help="File-name pattern with (?P<student_id>...) and (?P<file_id>...) groups; "
              "default: FileNameCollectorPlugin.named_regexp in nbgrader_config.py.")
@course_option
@friendly_errors
def collect_zip_cmd(assignment: str, archives: tuple[Path, ...], regexp: str | None, course_dir: Path | None) -> None:
    """Put an LMS bulk download of ASSIGNMENT into submitted/ (nbgrader zip collect).

    ARCHIVES are the zip files (or loose files) downloaded from the LMS. A learner
    collected again replaces their earlier submission.
    """
    from casekit.course.routine import collect_zip

    report = collect_zip(_open(course_dir), assignment, list(archives), regexp)
    click.echo(f"collected {len(report.learners)} learner(s) for {assignment}: {', '.join(report.learners) or 'none'}")
    for name in report.skipped:
        click.echo(f"  skipped (name did not match the pattern): {name}")


@course.command("demo")
@click.argument("assignment")
@click.option("--learners", type=click.IntRange(min=1, max=500), default=16, show_default=True,
              help="How many fictional learners (demo-learner-01, ...) to submit.")
@course_option
@friendly_errors
def demo_cmd(assignment: str, learners: int, course_dir: Path | None) -> None:
    """Submit a fictional cohort of ASSIGNMENT (plans of mixed quality) to try grading before real learners do.

    Each demo learner's plan is the key's own plan with decisions left out at random, from
    weak to expert; then run `casekit course grade ASSIGNMENT` as for a real cohort. Nothing
    is written where a demo learner's folder already exists.
    """
    from casekit.course.cohort.demo_cohort import submit_demo_cohort

    c = _open(course_dir)
    names = submit_demo_cohort(c, assignment, learners)
    click.echo(f"submitted {len(names)} demo learner(s) of {assignment} to {c.submitted_dir}: {names[0]} ... {names[-1]}")
    click.echo(f"next: casekit course grade {assignment}")


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 else f"{seconds // 60}:{seconds % 60:02d}"


class _ProgressBar:
    """A one-line bar on a terminal (count, percent, time left), one line per learner elsewhere (logs, CI)."""

    WIDTH = 28

    def __init__(self) -> None:
        stream = sys.stdout
        self.tty = bool(getattr(stream, "isatty", None) and stream.isatty())

    def __call__(self, p) -> None:
        if p.last is None:
            if p.skipped:
                click.echo(f"  skipping {p.skipped} learner(s) already graded (use --force to grade them again)")
            return
        res = p.last
        note = "ok" if res.ok else f"{len(res.problems)} problem(s)"
        if self.tty:
            filled = int(self.WIDTH * p.done / max(p.total, 1))
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            line = (f"  [{bar}] {p.done}/{p.total} {100 * p.done // max(p.total, 1):3d}%  "
                    f"{_duration(p.elapsed)} elapsed, {_duration(p.eta_seconds)} left  {res.learner[:20]}")
            click.echo("\r" + line.ljust(100), nl=p.done == p.total)
        else:
            click.echo(f"  [{p.done:>{len(str(p.total))}}/{p.total}] {res.learner:<24} {res.seconds:6.1f} s  {note:<14} "
                       f"about {_duration(p.eta_seconds)} left")


@course.command("grade")
@click.argument("assignment")
@click.option("--learner", "learners", multiple=True, help="Grade only this learner (repeatable).")
@click.option("--timeout", type=int, default=None, help="Seconds a notebook cell may run before it is stopped "
              "(default: Execute.timeout in nbgrader_config.py).")
@click.option("--workers", type=int, default=None, help="Submissions graded at once on this machine "
              "(default: one per core; 1 grades one after another).")
@click.option("--force", is_flag=True, help="Grade again learners already graded whose submission has not changed.")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Run the grading on a dask.distributed cluster, "
              "e.g. tcp://10.0.0.5:8786 (needs the kit's `distributed` extra on every worker).")
@click.option("--execute", "execute", flag_value="sandbox", default=None,
              help="Also run each notebook, for its outputs, in a bubblewrap sandbox (no network, no keys, no "
              "gradebook, no other learners); refused where no sandbox can be made. Scores are the same.")
@click.option("--unsafe-execute", "execute", flag_value="unsafe",
              help="Run each notebook WITHOUT a sandbox, with the grader's access to keys and gradebook: "
              "only for learners you trust.")
@course_option
@friendly_errors
def grade_cmd(assignment: str, learners: tuple[str, ...], timeout: int | None, workers: int | None, force: bool,
              scheduler: str | None, execute: str | None, course_dir: Path | None) -> None:
    """Autograde every submitted learner of ASSIGNMENT with nbgrader, in parallel.

    Each criterion's score is the rubric's, computed here from the plan file as submitted;
    no learner code runs (unless --execute). Grades several submissions at once (one per
    core unless --workers). Learners already graded are skipped unless their submission
    changed or --force is given, so a run stopped by Ctrl-C picks up where it stopped. A
    bad submission (missing or corrupt notebook or plan file, edited or deleted test
    cells) never stops the cohort; the summary at the end names each one. A submission
    the instructor must look at (no plan file or an unreadable one, a notebook nbgrader
    refused, scores the rubric had to correct, code that reaches for the key) is flagged
    in formgrader (Flagged?); partial credit is not, and no flag is ever cleared. Exits 1 when
    a learner could not be graded (a worker process died), naming them, or when an
    --unsafe-execute run finds the gradebook changed by something other than its saves.
    """
    from casekit.course.cohort.export import per_criterion
    from casekit.course.grading_engine.parallel import default_workers
    from casekit.course.routine import grade

    c = _open(course_dir, timeout)
    c.require_assignment(assignment)  # an unknown name is said before anything else
    where = f"on the dask cluster at {scheduler}" if scheduler else f"{workers or default_workers()} at a time"
    how = {None: "scoring the plan files, no learner code run",
           "sandbox": f"running the notebooks in the sandbox, cell timeout {c.timeout} s",
           "unsafe": f"running the notebooks WITHOUT a sandbox, cell timeout {c.timeout} s"}[execute]
    click.echo(f"autograding {assignment} ({where}; {how})")
    try:
        report = grade(c, assignment, list(learners) or None, progress=_ProgressBar(),
                       workers=workers, force=force, scheduler=scheduler, execute=execute)
    except KeyboardInterrupt:
        click.echo("\nstopped. Every learner finished before the stop is saved in the gradebook; "
                   f"run `casekit course grade {assignment}` again to grade the rest.")
        raise SystemExit(130) from None
    totals = {row.learner: row for row in per_criterion(c, assignment).rows}
    graded = report.saved
    overhead = report.overhead_per_submission
    click.echo(
        f"graded {len(graded)} submission(s) in {report.seconds:.1f} s with {report.workers} worker(s) "
        f"({report.seconds_per_submission:.1f} s per autograded submission, median {report.median_seconds:.1f} s); "
        f"{report.wall_seconds_per_submission:.2f} s of elapsed time per submission"
        + (f", {overhead:.2f} s of each beyond running its notebook" if overhead is not None else "")
    )
    if report.skipped:
        click.echo(f"skipped {len(report.skipped)} learner(s) already graded (--force grades them again)")
    for res in report.results:
        row = totals.get(res.learner)
        if row:
            pending = " (progress note still to grade)" if row.needs_manual_grade else ""
            click.echo(f"  {res.learner:<24} {row.total:g} / {row.max:g}{pending}")
    bad = report.problem_submissions
    if bad:
        click.echo(f"\n{len(bad)} problem submission(s):")
        for res in bad:
            click.echo(f"  {res.learner}:")
            for problem in res.problems:
                click.echo(f"    - {problem}")
    else:
        click.echo("no problem submissions")
    flagged = report.flagged
    if flagged:
        click.echo(f"\nflagged {len(flagged)} submission(s) in formgrader (Flagged?) for you to look at:")
        for res in flagged:
            reasons = list(dict.fromkeys(p.flag_reason for p in res.flag_reasons))
            click.echo(f"  {res.learner}: {'; '.join(reasons)}")
    else:
        click.echo("flagged no submission in formgrader (Flagged?)")
    earlier = [r.learner for r in report.skipped if r.flag_reasons]
    if earlier:
        click.echo(f"  ({len(earlier)} learner(s) skipped as already graded were flagged by the run that graded them: "
                   f"{', '.join(earlier)})")
    click.echo("grading only ever sets Flagged?, never clears it: a flag you set in formgrader stays")
    if report.tampered:
        click.echo(f"\nWARNING: during this --unsafe-execute run the gradebook rows of {', '.join(report.tampered)} "
                   "changed other than by the kit's own saves (a learner's code can write the gradebook when it "
                   "runs unsandboxed); check them in formgrader, and grade untrusted learners without --unsafe-execute")
    lost = report.not_graded
    if lost:
        click.echo(f"\n{len(lost)} learner(s) NOT graded, nothing saved for them: {', '.join(r.learner for r in lost)}; "
                   f"run `casekit course grade {assignment}` again to grade them")
    if lost or report.tampered:
        raise SystemExit(1)


@course.command("feedback")
@click.argument("assignment")
@click.option("--allow-ungraded", is_flag=True,
              help="Write feedback even for learners whose progress note is not graded yet (it shows as ungraded).")
@course_option
@friendly_errors
def feedback_cmd(assignment: str, allow_ungraded: bool, course_dir: Path | None) -> None:
    """Write feedback HTML for every autograded learner of ASSIGNMENT.

    Each criterion shows its points and the rubric's comment; hidden test code and
    the progress-note mark scheme are removed (and checked for) before the files
    are left in feedback/.
    """
    from casekit.course.routine import feedback

    from casekit.course.grading_engine.release import check_course, refusal

    c = _open(course_dir)
    still = check_course(c, assignment, allow_ungraded)
    report = feedback(c, assignment, allow_ungraded)
    click.echo(f"wrote {len(report.files)} feedback file(s) under {c.feedback_dir}")
    if still:
        click.echo("released with --allow-ungraded; " + refusal(assignment, still).split(": ", 1)[1].split(". Grade", 1)[0] + ".")


@course.command("export")
@click.argument("assignment")
@click.option("--to", "target", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The CSV file to write.")
@course_option
@friendly_errors
def export_cmd(assignment: str, target: Path, course_dir: Path | None) -> None:
    """Write ASSIGNMENT's scores as CSV: one row per learner, one column per criterion.

    Then total, max and needs_manual_grade (yes while a progress note awaits a grader
    in formgrader). Scores come from the nbgrader gradebook, manual grades included.
    """
    from casekit.course.cohort.export import per_criterion, write_csv

    export = per_criterion(_open(course_dir), assignment)
    write_csv(export, target)
    click.echo(f"wrote {len(export.rows)} learner(s) x {len(export.criteria)} criteria to {target}")


@course.command("report")
@click.argument("assignment")
@click.option("--to", "target", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The HTML file to write (default: exports/ASSIGNMENT-report.html in the course).")
@click.option("--png-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also save each chart as a PNG in this folder (for slides or the LMS).")
@course_option
@friendly_errors
def report_cmd(assignment: str, target: Path | None, png_dir: Path | None, course_dir: Path | None) -> None:
    """Write the cohort report of ASSIGNMENT: where the cohort struggles, as one HTML file.

    Score distribution, a learner x criterion heatmap, the criteria the cohort loses
    most on, a comparison across settings (every graded assignment) and the learners
    whose plan missed a critical need. Read from the gradebook and the submitted plan
    files; the file is self-contained, so it can be shared as is.
    """
    from casekit.course.cohort.report import analyse_course, default_path, write_report

    c = _open(course_dir)
    analysis = analyse_course(c, assignment)
    path = write_report(analysis, target or default_path(c, assignment), source=c.db_url.split("///")[-1].split("/")[-1],
                        png_dir=png_dir)
    totals = analysis.totals
    click.echo(f"{assignment}: {len(totals)} learner(s), median {totals['percent'].median():.0f}% of the points graded so far")
    click.echo("most points lost on:")
    for row in analysis.losses.head(3).itertuples():
        click.echo(f"  {row.title}: {row.mean_lost:g} of {row.max:g} per learner ({row.learners_losing}/{row.learners} learners)")
    click.echo(f"{len(analysis.missed)} learner(s) missed a critical or immediate need"
               + (": " + ", ".join(analysis.missed["learner"]) if len(analysis.missed) else ""))
    click.echo(f"wrote {path}" + (f" and the charts to {png_dir}" if png_dir else ""))
