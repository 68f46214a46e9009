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
