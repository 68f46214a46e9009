"""The dashboard's "Why" and "Plan" tabs: why an entry counts or not, and what-if weekly hours.

Both read what the dashboard already computed for the selected supervisee (progress, the
verification and the signed log it checked) and call the library:
:func:`casekit.hours.explain.explain_entries` and :func:`casekit.hours.planner.plan`.
"""

from __future__ import annotations

import html

import ipywidgets as W

from casekit.hours.credit.explain import explain_entries, explanations_html
from casekit.hours.credit.credential_progress import verified_ledger
from casekit.hours.storage.models import CATEGORIES
from casekit.hours.credit.planner import MAX_WEEKLY_HOURS, plan
from casekit.hours.views.widgetstyle import FIELD, LABEL, block


class WhyPanel:
    """Pick an entry; see, for every credential route, whether it counts and why not."""

    def __init__(self, board):
        self.board = board
        self.entry = W.Dropdown(options=[], description="Entry", style=LABEL, layout=W.Layout(**FIELD))
        self.answer = W.HTML(layout=W.Layout(width="100%"))
        self.entry.observe(lambda _c: board._run(self.show), names="value")
        self.widget = W.VBox([W.HTML(block("<b>Why doesn't this entry count?</b> <small>For the chosen entry, every "
                                           "credential route: counts, counts once approved, or the reasons it does "
                                           "not.</small>")), self.entry, self.answer], layout=W.Layout(width="100%"))
        self._found = {}

    def update(self) -> None:
        """Reload the entries of the selected supervisee (after the dashboard refreshed)."""
        b = self.board
        if b.progress is None or b.verification is None:
            self.entry.options, self._found = [], {}
            self.answer.value = "<i>No entries yet.</i>"
            return
        found = explain_entries(b.progress, b.verification, b.signed_log)
        self._found = {x.entry_id: x for x in found}
        keep = self.entry.value
        self.entry.options = [(f"{x.date.isoformat()} {x.hours:.2f} h {CATEGORIES.get(x.category, x.category)} "
                               f"[{x.status}]", x.entry_id) for x in found]
        self.entry.value = keep if keep in self._found else (found[0].entry_id if found else None)
        self.show()

    def show(self) -> None:
        x = self._found.get(self.entry.value)
        self.answer.value = explanations_html([x]) if x else "<i>No entries yet.</i>"

    def text(self, entry_id: str | None = None) -> str:
        """The explanation of ``entry_id`` (default: the chosen entry) as text."""
        x = self._found.get(entry_id or self.entry.value)
        return x.to_text() if x else "No entries yet."


class PlanPanel:
    """A weekly-hours slider and a start date; each route's date under that plan."""

    def __init__(self, board):
        self.board = board
        self.weekly = W.IntSlider(value=20, min=1, max=MAX_WEEKLY_HOURS, step=1, description="Hours a week",
                                  continuous_update=False, style=LABEL, layout=W.Layout(width="95%", max_width="40em"))
        self.start = W.DatePicker(value=None, description="Starting", style=LABEL)
        self.answer = W.HTML(layout=W.Layout(width="100%"))
        for w in (self.weekly, self.start):
            w.observe(lambda _c: board._run(self.update), names="value")
        self.widget = W.VBox([W.HTML(block("<b>What if?</b> <small>Move the slider: the date each route would be "
                                           "met if the supervisee worked that many hours a week from the start date "
                                           "(today if none), of work like their recent entries (same category, "
                                           "setting, supervisor and pay), under each route's own rules (full-time "
                                           "months count only full-time weeks).</small>")),
                              self.weekly, self.start, self.answer], layout=W.Layout(width="100%"))
        self.last = None

    def update(self):
        """Recompute the plan for the selected supervisee; return it (None when there is nobody to plan for)."""
        b = self.board
        if b.progress is None or b.verified_log is None or not b.learner.value:
            self.answer.value, self.last = "<i>Add a learner on the People tab first.</i>", None
            return None
        ledger = verified_ledger(b.verified_log)  # the rows the progress counted, not read again
        start = self.start.value if self.start.value and self.start.value >= b.progress.options.as_of else None
        if self.start.value and start is None:
            print(f"Starting: pick {b.progress.options.as_of.isoformat()} or later; planning from today.")
        self.last = plan(b.progress, ledger, weekly_hours=float(self.weekly.value), start=start)
        rows = "".join(
            f"<tr><td>{html.escape(r.credential)}</td><td>{html.escape(r.route_label)}</td>"
            f"<td>{_when(r)}</td><td>{r.at_recent_pace.isoformat() if r.at_recent_pace and not r.met_now else '-'}</td></tr>"
            for r in self.last.routes)
        head = "<br>".join(html.escape(line) for line in self.last.to_text().splitlines()[:2 if self.last.work else 1])
        self.answer.value = (f"<p>{head}</p><table><tr><th>credential</th>"
                             f"<th>route</th><th>with this plan</th><th>at the recent pace</th></tr>{rows}</table>")
        return self.last


def _when(r) -> str:
    if r.met_now:
        return "met already"
    shut = "" if r.route_open else " <small>(route not open yet: education or licence)</small>"
    if r.planned:
        return r.planned.isoformat() + shut
    return f"not within the horizon: {html.escape(r.why_never)}{shut}"
