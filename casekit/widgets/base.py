"""What every step view shares: guarded callbacks, a status line, small layout helpers."""

from __future__ import annotations

import functools
import html

import ipywidgets as W

from casekit.errors import CasekitError

WIDE = W.Layout(width="98%")
LABEL_STYLE = {"description_width": "initial"}


class StatusArea:
    """An Output widget that shows the last save status or the error a callback raised."""

    def __init__(self):
        self.out = W.Output(layout=W.Layout(min_height="1.6em"))

    def guarded(self, fn):
        """Wrap a callback: run it inside the Output area, show library errors as one line."""

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.out:
                self.out.clear_output(wait=True)
                try:
                    message = fn(*args, **kwargs)
                except CasekitError as exc:
                    print(f"Not saved: {exc}")
                    return
                print(message or "Saved.")

        return wrapper


def esc(text: object) -> str:
    return html.escape(str(text))


def heading(text: str) -> W.HTML:
    return W.HTML(f"<h4 style='margin:0.6em 0 0.2em'>{esc(text)}</h4>")


def note(text: str) -> W.HTML:
    return W.HTML(f"<div style='color:#444;font-size:0.95em'>{text}</div>")


def titled(label: str, value: str) -> list[tuple[str, str]]:
    return [(label, value)]
