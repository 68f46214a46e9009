"""How the supervisor dashboard's widgets look: one label width, fields that stretch, buttons as wide as their words."""

from __future__ import annotations

import ipywidgets as W

# Labels are never cut short: one width for every label, wide enough for the longest.
LABEL = {"description_width": "9em"}
FIELD = {"width": "95%", "max_width": "46em"}


def button_layout() -> W.Layout:
    """A button as wide as its words (ipywidgets gives every button one fixed width, and cuts longer words)."""
    return W.Layout(width="auto", min_width="9em", padding="0 1em", flex="0 0 auto")


def block(text: str) -> str:
    """HTML that wraps at normal line spacing (a widget's HTML otherwise takes its 28px row height)."""
    return f'<div style="line-height:1.4">{text}</div>'
