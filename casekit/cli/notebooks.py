"""``casekit notebooks``: regenerate the case walk-through notebooks from the cases."""

from __future__ import annotations

import click

from casekit.cli.common import friendly_errors
from casekit.notebooks import write_notebooks
from casekit.paths import notebooks_dir


@click.group()
def notebooks() -> None:
    """Generate the case walk-through notebooks."""


@notebooks.command("write")
@friendly_errors
def write() -> None:
    """Rewrite notebooks/1N_<case-id>.ipynb for every case (run after editing a case)."""
    written = write_notebooks(notebooks_dir())
    for path in written:
        click.echo(f"wrote {path.relative_to(notebooks_dir().parent)}")
    click.echo(f"{len(written)} notebook(s) changed.")
