"""What every step view shares: guarded callbacks, a status line, small layout helpers."""

from __future__ import annotations

import functools
import html

import ipywidgets as W

from casekit.errors import CasekitError

WIDE = W.Layout(width="98%")
LABEL_STYLE = {"description_width": "initial"}

# The few rules layout traits cannot express. Every step's heading carries them, so a step
# looks the same wherever it is shown. ipywidgets draws a checkbox's description on one line
# of fixed height and cuts it off with an ellipsis; ``wrapping`` checkboxes let it wrap instead.
# Every control in a step shows a thick outline when it has focus, so a keyboard user sees where
# they are (JupyterLab's own focus ring is a faint shadow on some controls and none on others).
STYLESHEET = """<style>
.casekit-step textarea { line-height: 1.4; }
.casekit-wrap.widget-checkbox, .casekit-wrap.jupyter-widget-checkbox { height: auto; }
.casekit-wrap .widget-label-basic, .casekit-wrap .jupyter-widget-label-basic {
  display: flex; align-items: baseline; white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.4;
}
.casekit-wrap.widget-checkbox input[type='checkbox'], .casekit-wrap.jupyter-widget-checkbox input[type='checkbox'] { flex: none; align-self: baseline; }
.casekit-hint { color: #595959; font-size: 0.85em; }
.casekit-step :focus-visible, .casekit-step input:focus, .casekit-step select:focus, .casekit-step button:focus {
  outline: 3px solid #0b5cad !important; outline-offset: 2px;  /* over the widgets' own outline: none */
}
.casekit-step .casekit-remove { flex: none; overflow: visible; }
</style>"""


class StatusArea:
    """A status line under a step, and the Output area its callbacks run in.

    Library errors (bad input) become one line in the status; anything unexpected is
    raised inside the Output area, where the kernel shows its traceback to the learner.
    """

    def __init__(self):
        self.line = W.HTML(layout=W.Layout(min_height="1.4em"))
        self.out = W.Output()
        self.widget = W.VBox([self.line, self.out])

    def guarded(self, fn):
        """Wrap a callback so its result or error shows under the step."""

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.out:
                self.out.clear_output(wait=True)
                try:
                    message = fn(*args, **kwargs)
                except CasekitError as exc:
                    self.line.value = f"<span style='color:#a40000'>Not saved: {esc(exc)}</span>"
                    return
                self.line.value = f"<span style='color:#1f5f1f'>{esc(message or 'Saved.')}</span>"

        return wrapper


def esc(text: object) -> str:
    """``text`` as HTML a learner reads as written, dollar signs included.

    JupyterLab typesets HTML output with MathJax, which reads the text between two dollar
    signs ("$1,450 a month, rent $890") as a formula. MathJax pairs delimiters only within one
    run of text, and any element ends a run, so each ``$`` gets a span of its own. (An entity
    such as ``&#36;`` does not help: the browser decodes it before MathJax looks.)
    """
    return html.escape(str(text)).replace("$", "<span>$</span>")


def heading(text: str) -> W.HTML:
    """A step's title, carrying the kit's stylesheet."""
    return W.HTML(f"{STYLESHEET}<h4 style='margin:0.6em 0 0.2em'>{esc(text)}</h4>")


def wrapping_checkbox(text: str, value: bool, **kwargs) -> W.Checkbox:
    """A checkbox whose description wraps onto more lines instead of being cut off.

    The description stays the checkbox's own label, so clicking the text ticks the box and a
    screen reader names it. It is plain text, which JupyterLab typesets: a text with two dollar
    signs would show a formula (see :func:`esc`; the sanitizer ipywidgets applies to HTML
    descriptions keeps what lies between two dollar signs as it is, so a span cannot help here).
    """
    box = W.Checkbox(value=value, description=text, indent=False, **kwargs)
    box.add_class("casekit-wrap")
    return box


def note(text: str) -> W.HTML:
    return W.HTML(f"<div style='color:#444;font-size:0.95em'>{text}</div>")


def titled(label: str, value: str) -> list[tuple[str, str]]:
    return [(label, value)]


def walk(widget):
    """Every widget inside ``widget`` (depth first), for tests and scripted use."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)
