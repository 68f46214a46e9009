"""Charts in a notebook with a text alternative: a matplotlib figure shows as an <img> with alt text.

JupyterLab draws a figure's ``image/png`` output as an image with no alt attribute, so a
screen reader announces nothing (axe-core: image-alt, critical). The kit registers an HTML
form for figures that JupyterLab prefers to the PNG: the same picture, with alt text made
from the figure's titles and axis labels. The PNG stays in the output for other front ends.
"""

from __future__ import annotations

import base64
import html
import io


def alt_text(fig) -> str:
    """What the figure shows, from its title, axis titles and labels (the numbers are in the chart's own table or labels)."""
    parts = []
    if fig._suptitle is not None and fig._suptitle.get_text():
        parts.append(fig._suptitle.get_text())
    for ax in fig.axes:
        bits = [ax.get_title(), ax.get_xlabel() and f"x: {ax.get_xlabel()}", ax.get_ylabel() and f"y: {ax.get_ylabel()}"]
        bits = [b for b in bits if b]
        if bits:
            parts.append("; ".join(bits))
    if not parts:  # a chart with no titles, such as "nothing scored yet": its message
        parts = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_text()][:3]
    return ". ".join(parts) or "Chart"


def figure_html(fig) -> str | None:
    """The figure as an <img> with alt text; None (so the output keeps its plain PNG) when matplotlib cannot draw it.

    A display formatter never raises: an error here would put a traceback in the learner's output
    where the chart should be.
    """
    buf = io.BytesIO()
    try:
        fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    except Exception:  # noqa: BLE001 - any drawing failure: the PNG form of the same output still shows the chart
        return None
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="{html.escape(alt_text(fig))}" src="data:image/png;base64,{data}" style="max-width:100%">'


def register(shell=None) -> bool:
    """Show matplotlib figures as HTML images with alt text in ``shell`` (the running IPython); False outside one."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    from matplotlib.figure import Figure

    html_formatter = shell.display_formatter.formatters["text/html"]

    def again(*_args):
        html_formatter.for_type(Figure, figure_html)

    again()
    # Turning on the inline backend (at the first pyplot import, possibly later than this one)
    # drops every formatter for Figure: give it back before each cell and before the backend
    # shows the cell's figures (its post_execute hook, registered after this one).
    if not getattr(shell, "_casekit_figure_alt", False):
        shell.events.register("pre_run_cell", again)
        shell.events.register("post_execute", again)
        shell._casekit_figure_alt = True
    return True
