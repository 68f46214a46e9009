"""Charts in a notebook kernel: shown as an image with alt text, and still so after the inline backend starts."""

from __future__ import annotations

from IPython.core.interactiveshell import InteractiveShell
from matplotlib.figure import Figure

from casekit.figure_display import alt_text, register


def _figure(title="", message=""):
    fig = Figure()
    ax = fig.subplots()
    if title:
        ax.set_title(title)
        ax.set_xlabel("points lost")
    if message:
        ax.text(0.5, 0.5, message)
    return fig


def test_alt_text_says_what_the_chart_shows():
    """Is the alt text made from the chart's title and axis labels, or its message when it has neither?"""
    assert alt_text(_figure("Where the points go")) == "Where the points go; x: points lost"
    assert alt_text(_figure(message="No scored plans yet")) == "No scored plans yet"


def test_figures_show_as_html_images_even_after_the_formatters_are_reset():
    """Does a figure get an <img alt=...> form, and get it back before the next cell when the inline backend drops it?"""
    shell = InteractiveShell.instance()
    assert register(shell)
    data, _ = shell.display_formatter.format(_figure("Scores"))
    assert data["text/html"].startswith('<img alt="Scores') and "base64," in data["text/html"]
    shell.display_formatter.formatters["text/html"].pop(Figure, None)  # what turning on the inline backend does
    shell.events.trigger("post_execute")
    data, _ = shell.display_formatter.format(_figure("Scores"))
    assert "text/html" in data


def test_a_figure_matplotlib_cannot_draw_gives_no_html_and_no_traceback(monkeypatch):
    """When drawing fails (as matplotlib's 'did not call Figure.draw' did once under load), does the formatter
    give nothing, so the output keeps its PNG, instead of raising into the learner's output?"""
    from matplotlib.figure import Figure

    from casekit.figure_display import figure_html

    fig = Figure()
    fig.add_subplot().set_title("Points per criterion")
    assert figure_html(fig).startswith('<img alt="Points per criterion"')

    def fails(*_args, **_kwargs):
        raise RuntimeError("print_png did not call Figure.draw, so no renderer is available")

    monkeypatch.setattr(fig, "savefig", fails)
    assert figure_html(fig) is None
