"""A picker for choosing several things from a long catalogue: type to search, add, remove.

A multi-select list of 57 needs asks for Ctrl-click and scrolling, and a keyboard user cannot
tell what is selected without reading every row. The picker is a text box with suggestions
(the browser's own list: arrow keys and Enter, or type the whole title), an Add button (Tab,
then Enter), and
the choices so far, each on its own line with a Remove button that names what it removes.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from casekit.errors import CasekitError
from casekit.casework.widgets.base import LABEL_STYLE, esc


class UnknownChoiceError(CasekitError):
    """The text in a picker's search box names none of its choices."""


def _unique_labels(options: list[tuple[str, str]]) -> dict[str, str]:
    """label -> value; a label two options share gets the value after it, so each label picks one."""
    counts: dict[str, int] = {}
    for label, _ in options:
        counts[label] = counts.get(label, 0) + 1
    return {(label if counts[label] == 1 else f"{label} [{value}]"): value for label, value in options}


def remove_button(what: str) -> W.Button:
    """A Remove button wide enough for its word, whose hover text and name say what it removes."""
    button = W.Button(description="Remove", tooltip=f"Remove {what}", layout=W.Layout(width="auto", min_width="6.5em", flex="none"))
    button.add_class("casekit-remove")
    return button


class Picker:
    """Choose several of ``options`` (label, value): search and add one at a time, remove any.

    ``on_change(values)`` is called with the chosen values, in the order chosen, after every
    add or remove; its return value (a message) is passed back to the caller's status line.
    """

    def __init__(self, noun: str, options: list[tuple[str, str]], chosen: list[str], on_change: Callable[[list[str]], object],
                 guarded: Callable = lambda fn: fn):
        self.noun = noun
        self.by_label = _unique_labels(options)
        self.label_of = {v: k for k, v in self.by_label.items()}
        self.values = [v for v in chosen if v in self.label_of]
        self.on_change = on_change
        # ensure_option stays off: with it the box keeps its last valid text while the learner
        # types on, and Add would take a title they no longer see. The title is checked here.
        # continuous_update stays off too: the box then sends its text once, when it loses focus
        # (Tab to Add, or a click on it), before the click. Sent at every keystroke, the last
        # keystrokes wait in ipywidgets' queue until the kernel is idle, while a button's click
        # is sent at once: a fast typist's Add read a title cut short.
        self.search = W.Combobox(options=tuple(self.by_label), placeholder=f"type to search {len(options)} {noun}s",
                                 description=f"Add a {noun}", style=LABEL_STYLE, layout=W.Layout(width="70%"),
                                 continuous_update=False)
        self.add = W.Button(description="Add", tooltip=f"Add the {noun} named in the box", layout=W.Layout(width="auto", min_width="5em"))
        self.listing = W.VBox()
        self.add.on_click(guarded(self._add))
        self._guarded = guarded
        self._render()
        self.widget = W.VBox([W.HBox([self.search, self.add]), self.listing])

    def _add(self, _source=None):
        typed = self.search.value.strip()
        value = self.by_label.get(typed)
        if value is None:
            if not typed:
                raise UnknownChoiceError(f"type or pick a {self.noun} from the suggestions first.")
            raise UnknownChoiceError(f"No {self.noun} is called '{typed}': pick one from the suggestions as you type.")
        self.search.value = ""
        if value in self.values:
            return f"Already chosen: {self.label_of[value]}."
        self.values.append(value)
        self._render()
        return self.on_change(list(self.values))

    def _remove(self, value: str):
        self.values = [v for v in self.values if v != value]
        self._render()
        return self.on_change(list(self.values))

    def _render(self):
        rows = []
        for value in self.values:
            rm = remove_button(self.label_of[value])
            rm.on_click(self._guarded(lambda _b, value=value: self._remove(value)))
            rows.append(W.HBox([rm, W.HTML(esc(self.label_of[value]))], layout=W.Layout(align_items="center")))
        if not rows:
            rows = [W.HTML(f"<span class='casekit-hint'>No {esc(self.noun)} chosen yet.</span>")]
        self.listing.children = rows
