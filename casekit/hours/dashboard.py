"""The supervisor dashboard (ipywidgets): pick a supervisee, log hours, approve pending
entries (signed with the supervisor's private key), see progress bars per credential and
the chart.

Every button runs inside ``with self.output:``, so a refused entry shows its message in
the dashboard and an unexpected error shows its traceback there, not in a log nobody reads.
Each action is also a plain method (``log_hours``, ``approve``, ``select``), which is what
the tests call and what a screen-reader user can call from a code cell.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import ipywidgets as W

from casekit.errors import CasekitError
from casekit.hours.approval import approve_entries, pending_for
from casekit.hours.charts import charted, primary_requirement, progress_png
from casekit.hours.demo import build_demo_log, demo_key_path, is_demo_log
from casekit.hours.keys import default_key_path, load_signing_key
from casekit.hours.learner import LearnerProgress, learner_progress
from casekit.hours.logbook import add_entry
from casekit.hours.models import CATEGORIES, SETTINGS
from casekit.hours.people import list_people
from casekit.hours.rules import Rules, load_rules
from casekit.hours.store import Store, open_store


def open_for_notebook(demo: bool = True, db: str | os.PathLike | None = None) -> Store:
    """The log a notebook should use: a fresh fictional demo log, or the real one.

    With ``demo`` a new demo log is built in a temporary folder (fictional people only;
    it is thrown away, so nothing you log there is kept). Otherwise ``db`` (a path or a
    database URL), else ``CASEKIT_HOURS_DB``, else the default log in your data folder.
    """
    if demo:
        store = build_demo_log()
        print(f"DEMO log (fictional people, rebuilt on every run): {store.describe()}")
    else:
        store = open_store(db)
        print(f"Using the hours log: {store.describe()}")
    return store


class SupervisorDashboard:
    """A supervisor's view of their supervisees' hours."""

    def __init__(self, store: Store, rules: Rules | None = None, *, supervisor: str | None = None,
                 learner: str | None = None, today: date | None = None):
        self.store = store
        self.rules = rules or load_rules()
        self.today = today
        self.output = W.Output(layout=W.Layout(border="1px solid #ddd", padding="4px", min_height="2em"))
        supervisors = [p.name for p in list_people(store, "supervisor")]
        learners = [p.name for p in list_people(store, "learner")]
        self.supervisor = W.Dropdown(options=supervisors, value=supervisor or (supervisors[0] if supervisors else None),
                                     description="You are", style={"description_width": "8em"})
        self.learner = W.Dropdown(options=learners, value=learner or (learners[0] if learners else None),
                                  description="Supervisee", style={"description_width": "8em"})
        ft = self.rules.settings.full_time_hours_per_week
        self.full_time = W.BoundedFloatText(value=ft.value, min=1, max=80, step=1, description="Full-time h/week",
                                            style={"description_width": "8em"})
        self.full_time_note = W.HTML(f"<small>Full-time is a setting (default {ft.value:g} h/week): {ft.source}</small>")
        self.target = W.DatePicker(value=None, description="Finish by", style={"description_width": "8em"})
        # logging form
        self.day = W.DatePicker(value=today or date.today(), description="Date")
        self.hours = W.FloatText(value=1.0, step=0.25, description="Hours")
        self.category = W.Dropdown(options=[(v, k) for k, v in CATEGORIES.items()], description="Category")
        self.setting = W.Dropdown(options=[(v, k) for k, v in SETTINGS.items()], description="Setting")
        self.paid = W.Checkbox(value=True, description="Paid work")
        self.note = W.Text(placeholder="short note, no client names or numbers", description="Note")
        self.add_button = W.Button(description="Log hours", button_style="primary", icon="plus")
        # sign-off
        self.pending = W.SelectMultiple(options=[], rows=8, description="Pending", layout=W.Layout(width="95%"))
        self.approve_button = W.Button(description="Approve selected", button_style="success", icon="check")
        self.approve_all_button = W.Button(description="Approve all shown", icon="check-double")
        self.key_file = W.Text(value=self._suggested_key(self.supervisor.value), description="Key file",
                               placeholder="your private key file (casekit hours keygen YOUR NAME)",
                               layout=W.Layout(width="95%"), style={"description_width": "8em"})
        self.passphrase = W.Password(description="Passphrase", placeholder="only if your key has one",
                                     style={"description_width": "8em"})
        # progress
        self.summary = W.HTML()
        self.bars = W.VBox()
        self.chart = W.Image(format="png", layout=W.Layout(max_width="100%"))

        self.add_button.on_click(lambda _b: self._run(self.log_hours_from_form))
        self.approve_button.on_click(lambda _b: self._run(self.approve, list(self.pending.value)))
        self.approve_all_button.on_click(lambda _b: self._run(self.approve, [v for _, v in self.pending.options]))
        self.supervisor.observe(lambda c: setattr(self.key_file, "value", self._suggested_key(c["new"])), names="value")
        for w in (self.supervisor, self.learner, self.full_time, self.target):
            w.observe(lambda _c: self._run(self.refresh), names="value")
        self.widget = self._layout()
        self.progress: LearnerProgress | None = None
        self._run(self.refresh)

    def _layout(self) -> W.Widget:
        form = W.VBox([W.HTML("<b>Log hours for the supervisee</b> (entries start as pending)"), self.day, self.hours,
                       self.category, self.setting, self.paid, self.note, self.add_button])
        signoff = W.VBox([W.HTML("<b>Pending entries you can approve</b>"), self.pending,
                          W.HTML("<small>Approving signs each entry with your private key: only the supervisor named "
                                 "on an entry can approve it, and a signed entry can no longer be changed, only "
                                 "corrected.</small>"),
                          self.key_file, self.passphrase, W.HBox([self.approve_button, self.approve_all_button])])
        progress = W.VBox([self.summary, W.HBox([self.target, W.HTML("<small>pick a date to see the weekly hours "
                                                                       "that would finish each credential by then</small>")]),
                           self.bars, self.chart])
        tabs = W.Tab(children=[progress, form, signoff])
        for i, title in enumerate(("Progress", "Log hours", "Sign off")):
            tabs.set_title(i, title)
        head = W.VBox([W.HBox([self.supervisor, self.learner]), W.HBox([self.full_time, self.full_time_note])])
        return W.VBox([head, tabs, self.output])

    def _ipython_display_(self):  # pragma: no cover - only inside Jupyter
        from IPython.display import display

        display(self.widget)

    # --- actions -----------------------------------------------------------------------------

    def _run(self, fn, *args):
        """Run an action with its messages (and any error) shown in the dashboard."""
        with self.output:
            try:
                return fn(*args)
            except CasekitError as exc:
                print(f"Not done: {exc}")
                return None

    def select(self, learner: str) -> None:
        """Show ``learner``'s pending entries and progress."""
        self.learner.value = learner

    def log_hours(self, *, date: date, hours: float, category: str, setting: str, paid: bool = True, note: str = "") -> str:
        """Log an entry for the selected supervisee, supervised by you; return its entry id."""
        entry_id = add_entry(self.store, learner=self.learner.value, date=date, hours=hours, category=category,
                             setting=setting, paid=paid, supervisor=self.supervisor.value, note=note, today=self.today)
        print(f"Logged {hours:g} h on {date.isoformat()} for {self.learner.value} (pending; entry {entry_id}).")
        self.note.value = ""
        self.refresh()
        return entry_id

    def log_hours_from_form(self) -> str:
        if self.day.value is None:
            raise CasekitError("date: pick the date worked")
        return self.log_hours(date=self.day.value, hours=self.hours.value, category=self.category.value,
                              setting=self.setting.value, paid=self.paid.value, note=self.note.value)

    def _suggested_key(self, supervisor: str | None) -> str:
        """The key file to offer: the demo key in the demo log, else the keygen default if it exists."""
        if not supervisor:
            return ""
        if is_demo_log(self.store):
            return str(demo_key_path(self.store, supervisor))
        path = default_key_path(supervisor)
        return str(path) if path.exists() else ""

    def approve(self, entry_ids: list[str]) -> list[str]:
        """Approve these pending entries as the selected supervisor, signed with the key in "Key file"."""
        if not entry_ids:
            print("Nothing selected: pick entries in the list first.")
            return []
        if not self.key_file.value.strip():
            raise CasekitError("Key file: give your private key file (make one with: casekit hours keygen "
                               f"\"{self.supervisor.value}\")")
        key = load_signing_key(self.key_file.value.strip(), self.passphrase.value or None)
        self.passphrase.value = ""
        done = approve_entries(self.store, self.supervisor.value, key=key, entry_ids=entry_ids)
        print(f"Approved {len(done)} entr{'y' if len(done) == 1 else 'ies'} as {self.supervisor.value}. "
              f"Signed with key {key.fingerprint}.")
        self.refresh()
        return done

    def verify_text(self) -> str:
        """Verification of the selected supervisee's log: every signature and the audit chain (as `casekit hours verify`)."""
        from casekit.hours.verify import verify_store

        return "\n".join(v.to_text() for v in verify_store(self.store, self.learner.value))

    def progress_text(self) -> str:
        """The selected supervisee's progress as text (what `casekit hours progress` prints)."""
        return self.progress.to_text() if self.progress else ""

    def write_report(self, to: str | os.PathLike | None = None) -> Path:
        """Write the selected supervisee's HTML report; by default beside a demo log, else in this folder."""
        from casekit.hours.report import write_report

        if to is None:
            folder = self.store.path.parent if self.store.path and "demo" in self.store.path.name else Path.cwd()
            to = folder / f"hours-report-{self.learner.value.lower().replace(' ', '-')}.html"
        path = write_report(self.store, self.learner.value, to, rules=self.rules,
                            full_time_hours=self.full_time.value, as_of=self.today)
        print(f"Report written: {path}")
        return path

    def refresh(self) -> None:
        """Reload pending entries, progress bars and the chart."""
        if not self.learner.value or not self.supervisor.value:
            self.summary.value = "<i>Add a learner and a supervisor first (casekit hours person add).</i>"
            return
        pend = pending_for(self.store, self.supervisor.value, self.learner.value)
        self.pending.options = [
            (f"{r.date} {r.hours:5.2f} h  {CATEGORIES.get(r.category, r.category)}, {r.setting}"
             f"{'' if r.paid else ', unpaid'}{' - ' + r.note if r.note else ''}", r.entry_id)
            for r in pend.itertuples()]
        today = self.today or date.today()
        target = self.target.value if self.target.value and self.target.value > today else None
        if self.target.value and target is None:
            print(f"Finish by: pick a date after {today.isoformat()}.")
        lp = learner_progress(self.store, self.learner.value, rules=self.rules, full_time_hours=self.full_time.value,
                              as_of=self.today, target=target)
        self.progress = lp
        self.summary.value = (f"<b>{lp.learner.name}</b>: {lp.learner.degree_text()}. Logged {lp.total_hours:,.1f} h; "
                              f"<b>{lp.pending_hours:,.1f} h pending</b> (they count once approved). "
                              f"<small>{lp.options.describe()}</small>")
        self.bars.children = self._bars(lp)
        self.chart.value = progress_png(lp, width=10)

    def _bars(self, lp: LearnerProgress) -> list[W.Widget]:
        shown, notes = charted(lp)
        rows = []
        for c in shown:
            req = primary_requirement(c)
            route = c.best
            state = "met" if c.met else (f"projected {route.projected.isoformat()}" if route.projected else "no projection yet")
            if lp.options.target is not None and not c.met:
                state += (f" &middot; {route.need_weekly_hours:.1f} h/week to finish by {lp.options.target.isoformat()}"
                          if route.target_possible else f" &middot; cannot finish by {lp.options.target.isoformat()}")
            bar = W.FloatProgress(value=route.fraction, min=0, max=1, description=c.short,
                                  bar_style="success" if c.met else "info", style={"description_width": "6em"})
            rows.append(W.HBox([bar, W.HTML(f"route {route.route.id}: {route.requirement_text()} &middot; {state}")]))
            del req
        if notes:
            rows.append(W.HTML(f"<small>Not shown: {'; '.join(notes)}</small>"))
        return rows
