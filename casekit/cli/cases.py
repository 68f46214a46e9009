"""``casekit cases``: list, show and validate the case library."""

from __future__ import annotations

from pathlib import Path

import click

from casekit.cli.common import friendly_errors


@click.group()
def cases() -> None:
    """List, show and validate the simulated cases."""


@cases.command("list")
@friendly_errors
def list_cases() -> None:
    """One line per case: id, setting and title."""
    from casekit.cases.library import CaseLibrary
    from casekit.casework.notebook_template import ordered_cases

    lib = CaseLibrary.load(with_keys=False)
    if not lib.cases:
        raise click.ClickException(f"no cases found in {lib.casestudies}")
    width = max(len(i) for i in lib.cases)
    for case in ordered_cases(lib):
        click.echo(f"{case.id:<{width}}  {case.setting.value:<17}  {case.title}")
    if lib.problems:
        click.echo(f"({len(lib.problems)} problem(s) in the library: run `casekit cases validate`)", err=True)


@cases.command("show")
@click.argument("case_id")
@friendly_errors
def show_case(case_id: str) -> None:
    """Show the facts of case CASE_ID as a learner sees them."""
    from casekit.cases.library import CaseLibrary
    from casekit.cases.show import render_case

    lib = CaseLibrary.load(with_keys=False)
    click.echo(render_case(lib.case(case_id), lib))


@cases.command("explain")
@click.argument("case_id")
@friendly_errors
def explain(case_id: str) -> None:
    """What the engine decides for CASE_ID at intake and after each event.

    Each program's result, its deciding test and figures; the facts each event changes;
    and which community resources are open to the client at each point. Reads the case's
    facts only, never its answer key.
    """
    from casekit.cases.explain import explain_case, render_explanation
    from casekit.cases.library import CaseLibrary

    lib = CaseLibrary.load(with_keys=False)
    case = lib.case(case_id)
    click.echo(render_explanation(case, explain_case(case, lib), lib))


SCHEMAS = {"case": "Case", "key": "Key", "resources": "ResourceDirectory", "programs": "ProgramRules"}


@cases.command("schema")
@click.argument("kind", type=click.Choice(sorted(SCHEMAS)))
@friendly_errors
def schema(kind: str) -> None:
    """Print the JSON Schema of a case, key, resource directory or program file.

    For an editor's YAML support (completion and checking as you type); `casekit cases
    validate` remains the full check, cross-references included.
    """
    import json

    from casekit.cases import schema as case_schema
    from casekit.cases.eligibility import programs as rules

    model = getattr(case_schema, SCHEMAS[kind], None) or getattr(rules, SCHEMAS[kind])
    click.echo(json.dumps(model.model_json_schema(), indent=1))


@cases.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@friendly_errors
def validate(paths: tuple[Path, ...]) -> None:
    """Check cases, keys, catalogues and every cross-reference.

    With PATHS, report only problems in those files (the whole library is still read,
    so cross-references are checked). Exit 0 when valid, 1 with one line per problem.
    """
    from casekit.cases.library import CaseLibrary
    from casekit.cases.validate import validate_library
    from casekit.exam.validate import exam_counts, exam_problems
    from casekit.paths import kit_root

    kit = CaseLibrary(kit_root())
    for p in paths:
        if not p.exists():
            raise click.UsageError(f"{p}: no such file")
        if not kit.holds(p):
            raise click.UsageError(
                f"{p}: not a file of the case library at {kit.root} (casestudies/, casestudies/exam/ or graders/keys/), so it would not "
                "be checked. Move it there, or set CASEKIT_HOME to the kit it belongs to.")
    problems = validate_library(paths=list(paths) or None, also=[exam_problems])
    if problems:
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{len(problems)} problem(s) found.", err=True)
        raise SystemExit(1)
    lib = CaseLibrary.load()
    click.echo(
        f"OK: {len(lib.cases)} cases, {len(lib.keys)} keys, {len(lib.resources)} resources, "
        f"{len(lib.programs.programs) if lib.programs else 0} programs{exam_counts(lib.root)}; no problems found."
    )
