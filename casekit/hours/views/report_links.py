"""A link to a written report, shown in the notebook beside the dashboard that wrote it."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, repr=False)
class ReportLink:
    """Where a report was written: a link in a notebook (``_repr_html_``), the path in plain text."""

    path: Path
    href: str | None  # relative to the notebook's folder, when the report is under it

    def __str__(self) -> str:
        shown = self.href or str(self.path)
        return f"Report written: {shown} (folder {self.path.parent}; open it from the JupyterLab file browser)."

    __repr__ = __str__  # the plain-text form a notebook keeps beside the link

    def _repr_html_(self) -> str:
        if self.href is None:
            return f"Report written: <code>{html.escape(str(self.path))}</code>"
        href = html.escape(self.href, quote=True)
        folder = Path(self.href).parent.as_posix()
        where = "beside this notebook" if folder == "." else f"in the <code>{html.escape(folder)}</code> folder beside this notebook"
        return (f'Report written: <a href="{href}" target="_blank">{href}</a> '
                f"<small>({where}; also in the JupyterLab file browser)</small>")


def report_link(path: Path, base: Path | None = None) -> ReportLink:
    """A link to ``path`` relative to ``base`` (the notebook's folder, by default the working folder)."""
    path, base = Path(path).resolve(), (base or Path.cwd()).resolve()
    try:
        return ReportLink(path, path.relative_to(base).as_posix())
    except ValueError:
        return ReportLink(path, None)
