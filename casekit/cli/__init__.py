"""The ``casekit`` command: a thin shell over the library.

Each subcommand group lives in its own module. Library errors (``CasekitError``) become
one clear message and exit code 1; usage errors exit 2 (click's convention).
"""

from __future__ import annotations

import click

from casekit import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="casekit")
def main() -> None:
    """Case Manager Study Kit: cases, grading and a supervised-hours log."""


def _register() -> None:
    from casekit.cli.cases import cases
    from casekit.cli.notebooks import notebooks

    main.add_command(cases)
    main.add_command(notebooks)
    for module, name in (("casekit.cli.hours", "hours"), ("casekit.cli.course", "course"), ("casekit.cli.facts", "facts")):
        try:
            mod = __import__(module, fromlist=[name])
        except ModuleNotFoundError as exc:  # a front end not built yet
            if exc.name != module:
                raise
            continue
        main.add_command(getattr(mod, name))


_register()
