"""``casekit notebooks``: regenerate the kit's case notebooks, and copy them for a learner to work in."""

from __future__ import annotations

import click

from casekit.cli.common import friendly_errors
from casekit.casework.notebook_template import write_notebooks
from casekit.paths import kit_root, notebooks_dir, workspace_dir
from casekit.casework.workspace import copy_notebooks


@click.group()
def notebooks() -> None:
    """Generate the case notebooks, and copy them into your workspace."""


@notebooks.command("write")
@friendly_errors
def write() -> None:
    """Rewrite notebooks/10_<case-id>.ipynb for every case (run after editing a case).

    Touches only the kit's tracked notebooks: a learner's copies in workspace/ are never
    written. Other cases' notebooks keep their names.
    """
    changed = write_notebooks(notebooks_dir())
    for path in changed:
        verb = "wrote" if path.exists() else "removed"
        click.echo(f"{verb} {path.relative_to(notebooks_dir().parent)}")
    click.echo(f"{len(changed)} notebook(s) changed.")


@notebooks.command("copy")
@friendly_errors
def copy() -> None:
    """Copy the kit's notebooks you do not have yet into workspace/ (make lab runs this).

    Never overwrites a notebook you already have there, so your work is safe; to get the kit's
    newer version of one, rename or delete your copy and run this again.
    """
    dest = workspace_dir()
    report = copy_notebooks(notebooks_dir(), dest)
    where = dest.relative_to(kit_root()) if dest.is_relative_to(kit_root()) else dest
    for path in report.copied:
        click.echo(f"copied {path.name} into {where}/")
    for path in report.plans_moved:
        click.echo(f"moved your plan {path.name} into {where}/")
    for path in report.kit_changed:
        click.echo(f"the kit's {path.name} has changed since you copied it; yours is kept. Rename or delete "
                   f"{where}/{path.name} and run `casekit notebooks copy` to get the new one.")
    click.echo(f"{len(report.copied)} copied, {len(report.kept)} of yours kept as they are, in {where}/.")
