"""The supervisor dashboard (ipywidgets): pick a supervisee, log hours, approve pending
entries (signed with the supervisor's private key), sign a monthly supervision summary,
write the application packet, see progress bars per credential and the chart.

Every button runs inside ``with self.output:``, so a refused entry shows its message in
the dashboard and an unexpected error shows its traceback there, not in a log nobody reads.
Each action is also a plain method (``log_hours``, ``approve``, ``select``), which is what
the tests call and what a screen-reader user can call from a code cell.
"""

from __future__ import annotations

import base64
import html
import os
import re
from datetime import date
from pathlib import Path

import ipywidgets as W

from casekit.errors import CasekitError
from casekit.hours.credit.credential_progress import LearnerProgress, verified_progress
from casekit.hours.trust.signedlog import SignedLog, Verification
from casekit.hours.trust.verified_log import VerifiedLog, read_verified_log
from casekit.hours.credit.credentials import Rules, load_rules
from casekit.hours.views.dashboard_apply import ApplyPanel
from casekit.hours.log.logbook import add_entry, list_entries
from casekit.hours.log.people import list_people
from casekit.hours.storage.database import Store, open_store
from casekit.hours.storage.models import CATEGORIES, SETTINGS
from casekit.hours.trust.approval import approve_entries, pending_for
from casekit.hours.trust.signing_keys import default_key_path, load_signing_key
from casekit.hours.views.charts import charted, progress_png
from casekit.hours.views.dashboard_people import KeyMaker, PeoplePanel
from casekit.hours.views.dashboard_plan import PlanPanel, WhyPanel
from casekit.hours.views.demo_log import build_demo_log, demo_key_path, is_demo_log
from casekit.hours.views.report_links import ReportLink, report_link
from casekit.hours.views.widgetstyle import FIELD, LABEL, block, button_layout

# Where reports go: a folder beside the notebook (the kernel's working folder), so the
# JupyterLab file browser shows it and a link in the notebook can open it.
REPORTS_FOLDER = "reports"
# The "Setting" choice before anything is chosen: logging is refused until a setting is
# picked, because the setting decides which credentials the hours count toward.
NO_SETTING = ""
TAB_TITLES = ("Progress", "Log hours", "Sign off", "People", "Why", "Plan")
_LABEL, _FIELD, _button_layout, _block = LABEL, FIELD, button_layout, block


def setting_label(code: str, *, short: bool = False) -> str:
    """The words for a setting code; ``short`` drops the examples in brackets."""
    label = SETTINGS.get(code, code)
    return label.split(" (")[0] if short else label


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
                 learner: str | None = None, today: date | None = None, reports: str | os.PathLike | None = None):
        self.store = store
        self.rules = rules or load_rules()
        self.today = today
        # Reports go beside the notebook (the kernel runs in its folder), where JupyterLab shows them.
        self.reports = Path(reports) if reports is not None else Path.cwd() / REPORTS_FOLDER
        self.last_report: ReportLink | None = None
        self.output = W.Output(layout=W.Layout(border="1px solid #ddd", padding="4px", min_height="2em"))
        supervisors = [p.name for p in list_people(store, "supervisor")]
        learners = [p.name for p in list_people(store, "learner")]
        self.supervisor = W.Dropdown(options=supervisors, value=supervisor or (supervisors[0] if supervisors else None),
                                     description="You are", style=_LABEL)
        self.learner = W.Dropdown(options=learners, value=learner or (learners[0] if learners else None),
                                  description="Supervisee", style=_LABEL)
        ft = self.rules.settings.full_time_hours_per_week
        self.full_time = W.BoundedFloatText(value=ft.value, min=1, max=80, step=1, description="Full-time h/week",
                                            style=_LABEL, layout=W.Layout(width="16em", flex="0 0 auto"))
        self.full_time_note = W.HTML(_block(f"<small>Full-time is a setting (default {ft.value:g} h/week): "
                                            f"{html.escape(ft.source)}</small>"), layout=W.Layout(flex="1 1 auto"))
        self.target = W.DatePicker(value=None, description="Finish by", style=_LABEL)
        # logging form
        self.day = W.DatePicker(value=today or date.today(), description="Date", style=_LABEL)
        self.hours = W.FloatText(value=1.0, step=0.25, description="Hours", style=_LABEL)
        self.category = W.Dropdown(options=[(v, k) for k, v in CATEGORIES.items()], description="Category",
                                   style=_LABEL, layout=W.Layout(**_FIELD))
        self.setting = W.Dropdown(options=[("(choose a setting)", NO_SETTING)] + [(v, k) for k, v in SETTINGS.items()],
                                  value=NO_SETTING, description="Setting", style=_LABEL, layout=W.Layout(**_FIELD))
        self.setting_note = W.HTML()
        self.paid = W.Checkbox(value=True, description="Paid work", style=_LABEL)
        self.note = W.Text(placeholder="short note, no client names or numbers", description="Note", style=_LABEL,
                           layout=W.Layout(**_FIELD))
        self.add_button = W.Button(description="Log hours", button_style="primary", icon="plus", layout=_button_layout())
        # sign-off
        self.pending = W.SelectMultiple(options=[], rows=8, description="Pending", style=_LABEL,
                                        layout=W.Layout(width="95%"))
        self.approve_button = W.Button(description="Approve selected", button_style="success", icon="check",
                                       layout=_button_layout())
        self.approve_all_button = W.Button(description="Approve all shown", icon="check-double", layout=_button_layout())
        self.key_file = W.Text(value=self._suggested_key(self.supervisor.value), description="Key file",
                               placeholder="your private key file (casekit hours keygen YOUR NAME)",
                               layout=W.Layout(width="95%"), style=_LABEL)
        self.passphrase = W.Password(description="Passphrase", placeholder="only if your key has one", style=_LABEL)
        # progress
        self.summary = W.HTML(layout=W.Layout(width="100%"))
        self.bars = W.VBox(layout=W.Layout(width="100%", overflow="hidden"))
        # An <img> with alt text, not W.Image: ipywidgets' image has no alt, so a screen reader says nothing.
        self.chart = W.HTML(layout=W.Layout(max_width="100%"))
        self.report_button = W.Button(description="Write report", icon="file", layout=_button_layout(),
                                      tooltip="Write the supervisee's HTML report into the reports folder beside "
                                              "this notebook")

        self.add_button.on_click(lambda _b: self._run(self.log_hours_from_form))
        self.approve_button.on_click(lambda _b: self._run(self.approve, list(self.pending.value)))
        self.approve_all_button.on_click(lambda _b: self._run(self.approve, [v for _, v in self.pending.options]))
        self.report_button.on_click(lambda _b: self._run(self._write_report))
        self.people = PeoplePanel(self)
        self.key_maker = KeyMaker(self)
        # What the last refresh read and verified for the selected supervisee (None before the first).
        self.verified_log: VerifiedLog | None = None
        self.verification: Verification | None = None
        self.signed_log: SignedLog | None = None
        self.why = WhyPanel(self)
        self.planner = PlanPanel(self)
        self.apply = ApplyPanel(self)
        self.supervisor.observe(lambda c: setattr(self.key_file, "value", self._suggested_key(c["new"])), names="value")
        self.learner.observe(lambda _c: self._run(self._default_setting), names="value")
        for w in (self.supervisor, self.learner, self.full_time, self.target):
            w.observe(lambda _c: self._run(self.refresh), names="value")
        self.widget = self._layout()
        self.progress: LearnerProgress | None = None
        self._run(self._default_setting)
        self._run(self.refresh)

    def _layout(self) -> W.Widget:
        form = W.VBox([W.HTML("<b>Log hours for the supervisee</b> (entries start as pending)"), self.day, self.hours,
                       self.category, W.VBox([self.setting, self.setting_note], layout=W.Layout(width="100%")),
                       self.paid, self.note, self.add_button], layout=W.Layout(width="100%"))
        signoff = W.VBox([W.HTML("<b>Pending entries you can approve</b>"), self.pending,
                          W.HTML(_block("<small>Approving signs each entry with your private key: only the supervisor "
                                        "named on an entry can approve it, and a signed entry can no longer be changed, "
                                        "only corrected.</small>")),
                          self.key_file, self.passphrase, W.HBox([self.approve_button, self.approve_all_button]),
                          self.key_maker.widget, self.apply.widget],
                         layout=W.Layout(width="100%"))
        progress = W.VBox([self.summary,
                           W.HBox([self.target, W.HTML(_block("<small>pick a date to see the weekly hours that would "
                                                              "finish each credential by then</small>"),
                                                       layout=W.Layout(flex="1 1 auto"))]),
                           self.bars, self.chart,
                           W.HBox([self.report_button,
                                   W.HTML(_block(f"<small>an HTML report to print or send, written into the "
                                                 f"<code>{REPORTS_FOLDER}</code> folder beside this notebook</small>"))])],
                          # its full-width rows plus their 2 px margins overflowed by 4 px: a second scrollbar
                          layout=W.Layout(width="100%", overflow="hidden"))
        tabs = W.Tab(children=[progress, form, signoff, self.people.widget, self.why.widget, self.planner.widget])
        for i, title in enumerate(TAB_TITLES):
            tabs.set_title(i, title)
        self.tabs = tabs
        # The plan is recomputed when its tab is shown (it runs the rules once per route), not on every refresh.
        tabs.observe(lambda c: self._run(self.planner.update) if c["new"] == TAB_TITLES.index("Plan") else None,
                     names="selected_index")
        head = W.VBox([W.HBox([self.supervisor, self.learner], layout=W.Layout(flex_flow="row wrap")),
                       W.HBox([self.full_time, self.full_time_note], layout=W.Layout(width="100%"))])
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

    def people_changed(self, person=None) -> None:
        """Offer everyone in the log in "You are" and "Supervisee" (after a person was added)."""
        supervisors = [p.name for p in list_people(self.store, "supervisor")]
        learners = [p.name for p in list_people(self.store, "learner")]
        keep_s, keep_l = self.supervisor.value, self.learner.value
        self.supervisor.options, self.learner.options = supervisors, learners
        self.supervisor.value = keep_s if keep_s in supervisors else (supervisors[0] if supervisors else None)
        self.learner.value = keep_l if keep_l in learners else (learners[0] if learners else None)
        self.key_file.value = self.key_file.value or self._suggested_key(self.supervisor.value)
        self.refresh()

    def log_hours(self, *, date: date, hours: float, category: str, setting: str, paid: bool = True, note: str = "") -> str:
        """Log an entry for the selected supervisee, supervised by you; return its entry id."""
        self._need_learner()
        if not self.supervisor.value:
            raise CasekitError("You are: add yourself as a supervisor on the People tab first")
        entry_id = add_entry(self.store, learner=self.learner.value, date=date, hours=hours, category=category,
                             setting=setting, paid=paid, supervisor=self.supervisor.value, note=note, today=self.today)
        print(f"Logged {hours:g} h on {date.isoformat()} for {self.learner.value} (pending; entry {entry_id}).")
        self.note.value = ""
        self.refresh()
        return entry_id

    def log_hours_from_form(self) -> str:
        self._need_learner()
        if self.day.value is None:
            raise CasekitError("date: pick the date worked")
        if self.setting.value == NO_SETTING:
            raise CasekitError("Setting: choose where the hours were worked (it decides which credentials they "
                               "count toward)")
        return self.log_hours(date=self.day.value, hours=self.hours.value, category=self.category.value,
                              setting=self.setting.value, paid=self.paid.value, note=self.note.value)

    def _default_setting(self) -> None:
        """Offer the setting of the supervisee's latest entry (hours are mostly logged where they last
        were), else ask for one: a silent first-in-the-list default would log hours in the wrong setting."""
        last = list_entries(self.store, learner=self.learner.value, limit=1) if self.learner.value else None
        code = last["setting"].iloc[0] if last is not None and not last.empty else NO_SETTING
        self.setting.value = code if code in SETTINGS else NO_SETTING
        self.setting_note.value = _block(
            f"<small>Where the hours were worked. Filled in from {html.escape(self.learner.value)}'s latest entry: "
            "change it if this work was elsewhere.</small>" if self.setting.value != NO_SETTING else
            "<small>Where the hours were worked: choose one (it decides which credentials the hours count "
            "toward).</small>")

    def _suggested_key(self, supervisor: str | None) -> str:
        """The key file to offer: the demo key in the demo log, else the keygen default if it exists."""
        if not supervisor:
            return ""
        if is_demo_log(self.store):
            return str(demo_key_path(self.store, supervisor))
        path = default_key_path(supervisor, self.store)
        return str(path) if path.exists() else ""

    def approve(self, entry_ids: list[str]) -> list[str]:
        """Approve these pending entries as the selected supervisor, signed with the key in "Key file"."""
        if not entry_ids:
            print("Nothing selected: pick entries in the list first.")
            return []
        if not self.key_file.value.strip():
            raise CasekitError("Key file: give your private key file (no key yet? press Make my key below, once)")
        key = load_signing_key(self.key_file.value.strip(), self.passphrase.value or None)
        self.passphrase.value = ""
        done = approve_entries(self.store, self.supervisor.value, key=key, entry_ids=entry_ids)
        print(f"Approved {len(done)} entr{'y' if len(done) == 1 else 'ies'} as {self.supervisor.value}. "
              f"Signed with key {key.fingerprint}.")
        self.refresh()
        return done

    def verify_text(self) -> str:
        """Verification of the selected supervisee's log: every signature and the audit chain (as `casekit hours verify`)."""
        from casekit.hours.trust.verify import verify_store

        if not self.learner.value:
            return "Nothing to verify yet: this log has no learner (add one on the People tab)."
        return "\n".join(v.to_text() for v in verify_store(self.store, self.learner.value))

    def why_text(self, entry_id: str | None = None) -> str:
        """Why the chosen entry (or ``entry_id``) counts or not on every route (as `casekit hours why`)."""
        return self.why.text(entry_id)

    def plan_text(self, weekly_hours: float | None = None) -> str:
        """The what-if plan at ``weekly_hours`` (default: the slider) as text (as `casekit hours plan`)."""
        if weekly_hours is not None and int(round(weekly_hours)) != self.planner.weekly.value:
            self.planner.weekly.value = int(round(weekly_hours))  # moving the slider recomputes the plan
            found = self.planner.last
        else:
            found = self._run(self.planner.update)
        return found.to_text() if found else "Nothing to plan yet: add a learner on the People tab."

    def progress_text(self) -> str:
        """The selected supervisee's progress as text (what `casekit hours progress` prints)."""
        if not self.progress:
            return "No progress to show yet: add a supervisor and a learner on the People tab, then log hours."
        return self.progress.to_text()

    def write_report(self, to: str | os.PathLike | None = None) -> Path | None:
        """Write the selected supervisee's HTML report and show a link to it; return its path.

        By default it goes into the ``reports`` folder beside the notebook (made if missing),
        where the JupyterLab file browser shows it. When it cannot be written (no supervisee
        yet, a bad file name) it says why and returns None, so a notebook's Run All goes on.
        """
        try:  # not through _run: called from a cell, the link belongs under the cell, not in the widget
            return self._write_report(to)
        except CasekitError as exc:
            print(f"Not done: {exc}")
            return None

    def _need_learner(self) -> str:
        if not self.learner.value:
            raise CasekitError("Supervisee: there is no learner in this log yet; add one on the People tab")
        return self.learner.value

    def _write_report(self, to: str | os.PathLike | None = None) -> Path:
        from IPython.display import display

        from casekit.hours.views.progress_report import write_report

        self._need_learner()
        if to is None:
            self.reports.mkdir(parents=True, exist_ok=True)
            slug = re.sub(r"[^a-z0-9]+", "-", self.learner.value.lower()).strip("-") or "learner"
            to = self.reports / f"hours-report-{slug}.html"
        path = write_report(self.store, self.learner.value, to, rules=self.rules,
                            full_time_hours=self.full_time.value, as_of=self.today)
        self.last_report = report_link(path)
        display(self.last_report)
        return path

    def refresh(self) -> None:
        """Reload pending entries, progress bars and the chart."""
        if not self.learner.value or not self.supervisor.value:
            missing = " and ".join(f"no {w}" for w, v in (("supervisor (you)", self.supervisor.value),
                                                          ("learner", self.learner.value)) if not v)
            self.summary.value = f"<i>This log has {missing} yet: add them on the People tab.</i>"
            self.pending.options, self.bars.children = [], []
            self.progress = self.verification = self.signed_log = self.verified_log = None
            self.why.update()
            self.apply.update()
            return
        pend = pending_for(self.store, self.supervisor.value, self.learner.value)
        self.pending.options = [
            # a correction says so, and of which entry: approving it replaces what was logged before
            ((f"CORRECTION of {r.supersedes}: " if r.supersedes else "")
             + (f"{r.date} {r.hours:5.2f} h  {CATEGORIES.get(r.category, r.category)}, "
                f"{setting_label(r.setting, short=True)}{'' if r.paid else ', unpaid'}{' - ' + r.note if r.note else ''}"),
             r.entry_id)
            for r in pend.itertuples()]
        today = self.today or date.today()
        target = self.target.value if self.target.value and self.target.value > today else None
        if self.target.value and target is None:
            print(f"Finish by: pick a date after {today.isoformat()}.")
        verified = read_verified_log(self.store, self.learner.value)
        lp = verified_progress(verified, rules=self.rules, full_time_hours=self.full_time.value, as_of=self.today,
                               target=target)
        verification = verified.verification
        uncounted = verification.uncounted_note()
        self.progress, self.verified_log = lp, verified
        self.verification, self.signed_log = verification, verified.signed
        # Draw the chart (the slow part) first, so the summary, bars and chart change together
        # and nobody reads new bars next to an old chart.
        png = progress_png(lp, width=10)
        self.summary.value = _block(f"<b>{html.escape(lp.learner.name)}</b>: {lp.learner.degree_text()}. "
                                    f"Logged {lp.total_hours:,.1f} h; <b>{html.escape(lp.pending_text())}</b> "
                                    f"(they count once approved). {html.escape(lp.corrections_text())} "
                                    f"<small>{lp.options.describe()}</small>"
                                    + (f"<br><b style='color:#a00'>{html.escape(uncounted)}.</b>" if uncounted else "")
                                    + "".join(f"<br><b style='color:#a60'>Note: {html.escape(k)}.</b>"
                                              for k in verification.key_notes))
        self.bars.children = self._bars(lp)
        self.chart.value = (f'<img alt="Chart of {html.escape(lp.learner.name)}\'s approved and pending hours toward each credential (the figures are in the bars above)" '
                            f'style="max-width:100%" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">')
        self.why.update()
        self.apply.update()
        if getattr(self, "tabs", None) is not None and self.tabs.selected_index == TAB_TITLES.index("Plan"):
            self.planner.update()

    def _bars(self, lp: LearnerProgress) -> list[W.Widget]:
        """A row per charted credential: its name, a bar as wide as the dashboard, and the route's figures."""
        shown, notes = charted(lp)
        # One label width for every bar, so the bars line up and no short name is cut.
        label = {"description_width": f"{max((len(c.short) for c in shown), default=4) * 0.7 + 1:.1f}em"}
        rows = []
        for c in shown:
            route = c.best
            state = "met" if c.met else (f"projected {route.projected.isoformat()}" if route.projected else "no projection yet")
            if lp.options.target is not None and not c.met:
                state += (f" &middot; {route.need_weekly_hours:.1f} h/week to finish by {lp.options.target.isoformat()}"
                          if route.target_possible else f" &middot; cannot finish by {lp.options.target.isoformat()}")
            title = W.HTML(_block(f'<b title="{html.escape(c.credential_id)}">{html.escape(c.name)}</b> '
                                  f"<small>{html.escape(c.body)}</small> &middot; {route.fraction:.0%} &middot; {state}"),
                           layout=W.Layout(width="100%"))
            bar = W.FloatProgress(value=route.fraction, min=0, max=1, description=c.short,
                                  description_allow_html=False, bar_style="success" if c.met else "info", style=label,
                                  layout=W.Layout(width="100%", flex="1 1 auto"))
            detail = W.HTML(_block(f"<small>{html.escape(route.route.label)}: "
                                   f"{html.escape(route.requirement_text())}</small>"),
                            layout=W.Layout(width="100%"))
            # Its full-width lines plus their 2 px margins overflowed each credential's box by 4 px: the
            # Progress tab's last horizontal scrollbar. Nothing in the box takes focus, so nothing is clipped.
            rows.append(W.VBox([title, bar, detail], layout=W.Layout(width="100%", margin="0 0 0.5em 0", overflow="hidden")))
        if notes:
            rows.append(W.HTML(_block(f"<small>Not shown: {html.escape('; '.join(notes))}</small>")))
        return rows
