"""``casekit facts``: which of the kit's sourced figures have run out."""

from __future__ import annotations

import click

from casekit.cli.common import friendly_errors
from casekit.freshness import check_facts


@click.group()
def facts() -> None:
    """Sourced figures: periods that have ended, figures unchecked for too long."""


@facts.command("check")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Check as of this day, YYYY-MM-DD (default: today).")
@click.option("--home", type=click.Path(exists=True, file_okay=False), default=None,
              help="A copy of the kit to check, the folder holding casestudies/ and casekit/ (default: this kit).")
@friendly_errors
def check(on, home) -> None:
    """List every sourced figure whose period has ended or whose as_of is too old, with its file and field.

    Exits 1 when any is not pinned by the cases that use it (casekit/facts_policy.yaml sets the age).
    """
    report = check_facts(on.date() if on else None, root=home)
    click.echo(report.to_text())
    if not report.ok:
        raise SystemExit(1)
