"""The HTML progress report: one self-contained file to print, keep or send.

Summary per credential, the chart (embedded as a base64 PNG, so the file needs nothing
else), hours by month and category, what did not count and why, and the source of every
figure used, with its as-of date and confidence.
"""

from __future__ import annotations

import base64
import html
import os
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

from casekit import __version__
from casekit.hours.charts import progress_png
from casekit.hours.errors import HoursError
from casekit.hours.learner import LearnerProgress, learner_progress
from casekit.hours.logbook import list_entries
from casekit.hours.models import CATEGORIES
from casekit.hours.pathways import pathways_from
from casekit.hours.rules import AnyOf, Rules
from casekit.hours.store import Store

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 70em; color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.met { color: #17631a; font-weight: 600; } .notyet { color: #8a4b00; } .muted { color: #666; font-size: 0.9em; }
.unconfirmed { background: #fff1d6; } .official { } .secondary { background: #f2f6ff; }
img.chart { max-width: 100%; border: 1px solid #ddd; }
"""
# Entries listed per route in "did not count"; the reasons summary covers all of them.
_LISTED = 25


def _e(x) -> str:
    return html.escape(str(x))


def _summary(lp: LearnerProgress) -> str:
    rows = []
    for p in pathways_from(lp):
        c = p.credential
        best = c.best
        elig = c.eligibility.text() if c.eligibility else "not checked"
        state = ('<span class="met">met</span>' if c.met else
                 f'<span class="notyet">projected {p.projected.isoformat()}</span>' if p.projected else
                 '<span class="notyet">no projection at the recent pace</span>')
        missing = "<br>".join(_e(m) for m in p.missing) or "nothing"
        rows.append(
            f"<tr><td><b>{_e(c.short)}</b><br><span class='muted'>{_e(c.body)}</span></td><td>{_e(p.status)}</td>"
            f"<td>{_e(elig)}</td><td>{_e(best.route.id)}: {_e(best.requirement_text())}</td><td>{state}</td>"
            f"<td>{missing}</td></tr>")
    return ("<table><tr><th>credential</th><th>status</th><th>education / licence</th>"
            "<th>experience (best route; approved, pending apart)</th><th>experience</th><th>missing</th></tr>"
            + "".join(rows) + "</table>")


def _routes(lp: LearnerProgress) -> str:
    rows = []
    for c in lp.credentials:
        for r in c.routes:
            open_ = r.eligibility is None or r.eligibility.met
            state = "met" if r.met else (f"projected {r.projected.isoformat()}" if r.projected else "-")
            target = ""
            if lp.options.target is not None and not r.met:
                target = f"{r.need_weekly_hours:.1f} h/week" if r.target_possible else "not possible"
            rows.append(
                f"<tr><td>{_e(c.short)}</td><td>{_e(r.route.id)}{'' if open_ else ' <span class=muted>(not open: education)</span>'}</td>"
                f"<td>{_e(r.route.label)}</td><td>{_e(r.requirement_text())}</td><td class='num'>{r.pace_hours_per_week:.1f}</td>"
                f"<td>{_e(state)}</td>" + (f"<td>{_e(target)}</td>" if lp.options.target else "") + "</tr>")
    head = ("<tr><th>credential</th><th>route</th><th>rule</th><th>progress</th><th>pace h/week</th><th>finish</th>"
            + (f"<th>h/week to finish by {lp.options.target.isoformat()}</th>" if lp.options.target else "") + "</tr>")
    return "<table>" + head + "".join(rows) + "</table>"


def hours_by_month(entries: pd.DataFrame) -> pd.DataFrame:
    """Hours per month (rows) and category (columns), with a total and the pending part."""
    if entries.empty:
        return pd.DataFrame()
    e = entries.assign(month=pd.to_datetime(entries["date"]).dt.strftime("%Y-%m"))
    table = e.pivot_table(index="month", columns="category", values="hours", aggfunc="sum", fill_value=0.0)
    table = table[[c for c in CATEGORIES if c in table.columns]]
    table.columns = [CATEGORIES[c] for c in table.columns]
    table["total"] = table.sum(axis=1)
    table["of which pending"] = e[e["status"] == "pending"].groupby("month")["hours"].sum().reindex(table.index).fillna(0.0)
    return table.sort_index()


def _months(entries: pd.DataFrame) -> str:
    table = hours_by_month(entries)
    if table.empty:
        return "<p>No entries yet.</p>"
    head = "<tr><th>month</th>" + "".join(f"<th>{_e(c)}</th>" for c in table.columns) + "</tr>"
    body = "".join(
        f"<tr><td>{_e(m)}</td>" + "".join(f"<td class='num'>{v:,.1f}</td>" for v in row) + "</tr>"
        for m, row in zip(table.index, table.to_numpy()))
    total = "<tr><th>total</th>" + "".join(f"<th class='num'>{v:,.1f}</th>" for v in table.sum().to_numpy()) + "</tr>"
    return "<table>" + head + body + total + "</table>"


def _not_counted(lp: LearnerProgress) -> str:
    parts = []
    for c in lp.credentials:
        for r in c.routes:
            reasons = r.not_counted_by_reason()
            if not reasons:
                continue
            items = "".join(f"<li>{_e(k)}: {v:,.1f} h</li>" for k, v in reasons.items())
            shown = r.not_counted[-_LISTED:]
            rows = "".join(
                f"<tr><td>{e.date.isoformat()}</td><td class='num'>{e.hours:.2f}</td><td>{_e(e.category)}</td>"
                f"<td>{_e(e.setting)}</td><td>{_e('; '.join(e.reasons))}</td><td class='muted'>{_e(e.entry_id)}</td></tr>"
                for e in reversed(shown))
            more = len(r.not_counted) - len(shown)
            if more:
                rows += (f"<tr><td colspan='6' class='muted'>...and {more:,} older entries "
                         f"(casekit hours progress LEARNER --why lists them all)</td></tr>")
            parts.append(
                f"<details><summary>{_e(c.short)} route {_e(r.route.id)}: {len(r.not_counted):,} entries "
                f"({sum(e.hours for e in r.not_counted):,.1f} h) not counted</summary>"
                f"<ul>{items}</ul><table><tr><th>date</th><th>hours</th><th>category</th><th>setting</th><th>why</th>"
                f"<th>entry id</th></tr>{rows}</table></details>")
    return "".join(parts) or "<p>Every entry counted toward every route.</p>"


def _sources(rules: Rules) -> str:
    rows = []
    ft = rules.settings.full_time_hours_per_week
    rows.append(f"<tr class='{ft.confidence}'><td>setting</td><td>full-time hours per week</td><td class='num'>{ft.value:g}</td>"
                f"<td>{_e(ft.source)}</td><td>{_e(ft.as_of)}</td><td>{_e(ft.confidence)}</td></tr>")
    for cid, cred in rules.credentials.items():
        short = rules.short_name(cid)
        el = cred.eligibility
        rows.append(f"<tr class='{el.confidence}'><td>{_e(short)}</td><td>education / licence</td><td>"
                    + "<br>".join(_e(o.label) for o in el.options)
                    + f"</td><td>{_e(el.source)}</td><td>{_e(el.as_of)}</td><td>{_e(el.confidence)}</td></tr>")
        for route in cred.routes:
            figs = []
            if route.counts.look_back_months:
                figs.append(("look-back window (months)", route.counts.look_back_months))
            for item in route.requirements:
                for req in (item.any_of if isinstance(item, AnyOf) else [item]):
                    what = {"supervision_hours": "supervision hours per year"}.get(req.measure, f"{req.measure.replace('_', ' ')}")
                    figs.append((what + (" (either/or)" if isinstance(item, AnyOf) else ""), req.min))
            for what, f in figs:
                note = f"<br><span class='muted'>{_e(f.note)}</span>" if f.note else ""
                rows.append(f"<tr class='{f.confidence}'><td>{_e(short)}</td><td>route {_e(route.id)}: {_e(what)}</td>"
                            f"<td class='num'>{f.value:,g}</td><td>{_e(f.source)}{note}</td><td>{_e(f.as_of)}</td>"
                            f"<td>{_e(f.confidence)}</td></tr>")
    return ("<p class='muted'>Confidence: <b>official</b> = the issuing body's own page; <b>secondary</b> = a "
            "third-party page; <b>unconfirmed</b> = not found on the issuing body's page (check with them).</p>"
            "<table><tr><th>credential</th><th>figure</th><th>value</th><th>source</th><th>as of</th><th>confidence</th></tr>"
            + "".join(rows) + "</table>")


def report_html(lp: LearnerProgress, entries: pd.DataFrame, *, log_name: str = "") -> str:
    """The report for an already computed progress and the learner's entries, as HTML text."""
    png = base64.b64encode(progress_png(lp)).decode("ascii")
    person = lp.learner
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Supervised practice hours: {_e(person.name)}</title>
<style>{_CSS}</style></head><body>
<h1>Supervised practice hours: {_e(person.name)}</h1>
<p>{_e(person.degree_text())}; credentials held: {_e(', '.join(person.credentials) or 'none recorded')}.<br>
Logged {lp.total_hours:,.1f} h, of which {lp.pending_hours:,.1f} h are pending a supervisor's approval.
Only approved entries count toward a threshold; pending hours are shown apart.<br>
<span class="muted">Settings: {_e(lp.options.describe())}.</span></p>

<h2>Summary per credential</h2>
{_summary(lp)}

<h2>Every route</h2>
{_routes(lp)}

<h2>Counted experience against each threshold</h2>
<img class="chart" alt="Cumulative counted experience for each credential against its threshold, with the projected finish" src="data:image/png;base64,{png}">

<h2>Hours by month and category</h2>
{_months(entries)}

<h2>Entries that did not count, and why</h2>
{_not_counted(lp)}

<h2>Rule sources</h2>
{_sources(lp.rules)}

<p class="muted">Made {made} by casekit {__version__} from the hours log {_e(log_name)}. This report shows what the
log holds; the issuing body decides eligibility. Check any unconfirmed figure with them.</p>
</body></html>
"""


def write_report(store: Store, learner: str, to: str | os.PathLike, *, rules: Rules | None = None,
                 as_of: date | None = None, full_time_hours: float | None = None, target: date | None = None) -> Path:
    """Write ``learner``'s HTML report to ``to``; return the path written."""
    to = Path(to)
    if to.suffix.lower() not in (".html", ".htm"):
        raise HoursError(f"{to}: the report is HTML; give a file name ending in .html")
    if not to.parent.exists():
        raise HoursError(f"{to}: the folder {to.parent} does not exist; create it or choose another place")
    lp = learner_progress(store, learner, rules=rules, as_of=as_of, full_time_hours=full_time_hours, target=target)
    entries = list_entries(store, learner=lp.learner.name)
    entries = entries[pd.to_datetime(entries["date"]).dt.date <= lp.options.as_of]
    to.write_text(report_html(lp, entries, log_name=store.path.name if store.path else store.describe()), encoding="utf-8")
    return to
