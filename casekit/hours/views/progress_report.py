"""The HTML progress report: one self-contained file to print, keep or send.

Summary per credential, the chart (embedded as a base64 PNG, so the file needs nothing
else), hours by month and category, what did not count and why, the source of every
figure used, with its as-of date and confidence, and a verification section a learner
can attach to a certification application: every approval's signature and the audit
chain checked, approved hours per credential counting only entries that verify, the
supervisors and their key fingerprints. The signed log itself is embedded in the file,
so a supervisor or a board re-verifies the report from the file alone
(``casekit hours verify --file REPORT.html``).
"""

from __future__ import annotations

import base64
import html
import os
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

from casekit import __version__
from casekit.hours.views.charts import progress_png
from casekit.hours.errors import HoursError
from casekit.hours.credit.explain import explain_entries, explanations_html
from casekit.hours.credit.credential_progress import LearnerProgress, verified_progress
from casekit.hours.storage.models import CATEGORIES, SETTINGS
from casekit.hours.credit.pathways import pathways_from
from casekit.hours.credit.credentials import AnyOf, Rules
from casekit.hours.views.signed_export import embed_in_html, signed_log_json
from casekit.hours.trust.signedlog import ENTRY_KEYS, SignedLog, Verification
from casekit.hours.storage.database import Store
from casekit.hours.log.supersession import resolve_versions
from casekit.hours.trust.verified_log import read_verified_log
from casekit.hours.trust.verify import guards_note

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 70em; color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.met { color: #17631a; font-weight: 600; } .notyet { color: #8a4b00; } .muted { color: #666; font-size: 0.9em; }
.unconfirmed { background: #fff1d6; } .official { } .secondary { background: #f2f6ff; }
img.chart { max-width: 100%; border: 1px solid #ddd; }
.verified { border-left: 6px solid #17631a; padding: 0.3em 0.8em; background: #eef8ee; }
.failed { border-left: 6px solid #a30000; padding: 0.3em 0.8em; background: #fdecec; }
code { font-size: 0.85em; word-break: break-all; }
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
            f"<tr><td><b>{_e(c.name)}</b><br><span class='muted'>{_e(c.body)}</span></td><td>{_e(p.status)}</td>"
            f"<td>{_e(elig)}</td><td>{_e(best.route.label)}: {_e(best.requirement_text())}</td><td>{state}</td>"
            f"<td>{missing}</td></tr>")
    return ("<table><tr><th>credential</th><th>status</th><th>education / licence</th>"
            "<th>progress on the best route (approved; pending apart)</th><th>experience met or projected</th>"
            "<th>missing</th></tr>"
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
                f"<td>{_e(r.route.label)}</td><td>{_e(r.requirement_text())}"
                + (f"<br><span class='muted'>{_e(short)}</span>" if (short := r.short_weeks_text(lp.options.full_time_hours)) else "")
                + f"</td><td class='num'>{r.pace_hours_per_week:.1f}</td>"
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
                f"<tr><td>{e.date.isoformat()}</td><td class='num'>{e.hours:.2f}</td>"
                f"<td>{_e(CATEGORIES.get(e.category, e.category))}</td><td>{_e(SETTINGS.get(e.setting, e.setting))}</td>"
                f"<td>{_e('; '.join(e.reasons))}</td><td class='muted'>{_e(e.entry_id)}</td></tr>"
                for e in reversed(shown))
            more = len(r.not_counted) - len(shown)
            if more:
                rows += (f"<tr><td colspan='6' class='muted'>...and {more:,} older entries "
                         f"(casekit hours progress LEARNER --why lists them all)</td></tr>")
            parts.append(
                f"<details><summary>{_e(c.short)}, {_e(r.route.label)}: {len(r.not_counted):,} entries "
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


def _banner(v: Verification | None) -> str:
    if v is not None and v.ok and v.key_notes:
        return "".join(f"<p class='failed'><b>Key replaced:</b> {_e(k)}.</p>" for k in v.key_notes)
    if v is None or v.ok:
        return ""
    return (f"<p class='failed'><b>Verification failed for {len(v.failed_entries):,} entr"
            f"{'y' if len(v.failed_entries) == 1 else 'ies'}</b> (and {sum(1 for f in v.failures if not f.entry_id)} "
            "other problem(s)): they are left out of every figure in this report. See Verification below.</p>")


def _verification(lp: LearnerProgress, v: Verification, warnings: list[str]) -> str:
    if v.ok:
        result = (f"<p class='verified'><b>Verified against the keys in this log.</b> All {v.approved_verified:,} "
                  f"approvals carry a valid signature by the entry's supervisor with the key registered for them in "
                  f"the learner's log, no entry was changed after it was logged or approved, none was deleted, and the "
                  f"audit chain is intact. Whether each key is the supervisor's own is not shown by the log itself: "
                  f"check it as described under <i>Re-verifying this report</i>.</p>")
    else:
        items = "".join(f"<li>{_e(f)}</li>" for f in v.failures[:_LISTED * 4])
        more = len(v.failures) - _LISTED * 4
        if more > 0:
            items += f"<li>...and {more:,} more (casekit hours verify lists them all)</li>"
        result = (f"<p class='failed'><b>Verification FAILED.</b> {len(v.failures):,} problem(s). Entries that fail "
                  "are not counted anywhere in this report.</p><ul>" + items + "</ul>")
    notes = "".join(f"<p class='muted'>Note: {_e(w)}</p>" for w in warnings + v.key_notes)
    creds = "".join(
        f"<tr><td>{_e(c.short)}</td><td>{_e(c.best.route.id)}</td>"
        f"<td class='num' data-casekit-credential='{_e(c.short)}'>{c.best.counted_hours:,.2f}</td>"
        f"<td>{_e(c.best.requirement_text())}</td><td>{'met' if c.met else 'not yet met'}</td></tr>"
        for c in lp.credentials)
    signers = "".join(
        f"<tr><td>{_e(s.name)}</td><td><code>{_e(s.fingerprint)}</code></td><td class='num'>{s.entries:,}</td>"
        f"<td class='num'>{s.minutes / 60:,.2f}</td><td><code>{_e(s.public_key)}</code></td></tr>" for s in v.signers)
    head = f"seq {v.head[0]}, hash <code>{_e(v.head[1])}</code>" if v.head[0] else "no records"
    replaced = f"; {v.replaced:,} replaced by a correction (counted once, at the version that counts)" if v.replaced else ""
    return f"""{result}{notes}
<p>Checked {_e(v.checked_at)} by casekit {__version__}: {v.entries:,} entries, {v.approved:,} marked approved
({v.approved_verified:,} verify, {v.approved_minutes_verified / 60:,.2f} h), {v.pending:,} pending{replaced}.
Audit chain head: {head}.</p>
<h3>Approved hours per credential (verified entries only)</h3>
<table><tr><th>credential</th><th>best route</th><th>approved hours counted</th><th>progress</th><th>experience</th></tr>
{creds}</table>
<h3>Supervisors and their keys</h3>
<table><tr><th>supervisor</th><th>key fingerprint</th><th>entries signed</th><th>hours signed</th><th>public key</th></tr>
{signers or "<tr><td colspan='5'>no verified approvals</td></tr>"}</table>
<h3>Re-verifying this report</h3>
<p>This file carries the signed log it was made from: every entry, every signature, the supervisors' public keys
and the audit chain. Anyone can check it from this file and each supervisor's public key (the .pub file, from the
supervisor), without the learner's database:
<code>casekit hours verify --file {_e('"THIS FILE.html"')} --trust SUPERVISOR.pub</code>. With <code>--trust</code>,
approvals count only if signed with a key you got from the supervisor. Without it the check shows only that the
file agrees with itself: its signatures match the keys the file names, and anyone can make such a file with a key
of their own. A supervisor can also compare the fingerprints above with <code>ssh-keygen -lf SUPERVISOR.pub</code>,
and the chain head with the one shown when they last approved. The signed statement, signature and audit formats are documented in casekit's
<code>casekit/hours/signing.py</code> and <code>casekit/hours/audit.py</code>, so the check can be re-implemented.</p>"""


def report_html(lp: LearnerProgress, entries: pd.DataFrame, *, log_name: str = "",
                verification: Verification | None = None, signed_json: str | None = None,
                warnings: list[str] | None = None, explained: str = "", chart: bool = True) -> str:
    """The report for an already computed progress and the learner's entries, as HTML text.

    With ``verification`` the report gains its verification section; with ``signed_json``
    (:func:`casekit.hours.signedexport.signed_log_json`) it carries the signed log too.
    """
    png = base64.b64encode(progress_png(lp)).decode("ascii") if chart else ""  # no chart: a page made only to compare text
    person = lp.learner
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    verification_html = ("<h2>Verification</h2>\n" + _verification(lp, verification, warnings or [])
                         if verification is not None else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Supervised practice hours: {_e(person.name)}</title>
<style>{_CSS}</style></head><body>
<h1>Supervised practice hours: {_e(person.name)}</h1>
{_banner(verification)}
<p>{_e(person.degree_text())}; credentials held: {_e(', '.join(person.credentials) or 'none recorded')}.<br>
Logged {lp.total_hours:,.1f} h; {_e(lp.pending_text())}.
Only approved entries count toward a threshold; pending hours are shown apart.
{_e(lp.corrections_text())}<br>
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
{"<h2>Each entry on each route</h2>" + explained if explained else ""}

<h2>Rule sources</h2>
{_sources(lp.rules)}

{verification_html}

<p class="muted">Made {made} by casekit {__version__} from the hours log {_e(log_name)}. This report shows what the
log holds; the issuing body decides eligibility. Check any unconfirmed figure with them.</p>
{embed_in_html(signed_json) if signed_json else ""}
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
    verified = read_verified_log(store, learner)
    lp = verified_progress(verified, rules=rules, as_of=as_of, full_time_hours=full_time_hours, target=target)
    verification, log = verified.verification, verified.signed
    note = guards_note(store)
    warnings = [note] if note else []
    to.write_text(report_html(lp, _counted_entries(log, verification, lp), log_name=store.path.name if store.path else store.describe(),
                              verification=verification,
                              signed_json=signed_log_json(log, verification, indent=None, as_of=lp.options.as_of,
                                                          full_time_hours=full_time_hours, target=target),
                              warnings=warnings, explained=_explained(lp, verification, log)), encoding="utf-8")
    return to


def _counted_entries(log: SignedLog, verification: Verification, lp: LearnerProgress) -> pd.DataFrame:
    """The entries the report lists: each at its current version, verified, dated on or before the as-of date."""
    entries = live_entries(entry_table(log))  # the entries just verified, not read again
    entries = entries[~entries["entry_id"].isin(verification.failed_entries)]
    return entries[pd.to_datetime(entries["date"]).dt.date <= lp.options.as_of]


def _explained(lp: LearnerProgress, verification: Verification, log: SignedLog) -> str:
    return explanations_html(explain_entries(lp, verification, log), limit=_LISTED * 4)


def expected_report_html(log: SignedLog, verification: Verification) -> str:
    """The report page its signed ``log`` gives, without the verification section (which depends on the
    keys it is checked with), made as :func:`write_report` made it."""
    from casekit.hours.views.signed_export import progress_from_signed

    lp = progress_from_signed(log, verification)
    return report_html(lp, _counted_entries(log, verification, lp), explained=_explained(lp, verification, log),
                       chart=False)


def report_differences(page: str, log: SignedLog, verification: Verification) -> list[str]:
    """Where the report ``page`` (its HTML) differs from the report its signed ``log`` gives, outside the
    verification section (whose figures :func:`compare_shown` checks); empty: they agree."""
    from casekit.hours.views.packet_check import compare_text, page_text

    def body(html: str):  # up to the verification section, or the closing "Made ..." paragraph where there is none
        texts = page_text(html)
        cut = next((i for i, t in enumerate(texts) if (t.place.startswith("the heading") and t.text == "Verification")
                    or t.text.startswith("Made (when) by casekit")), len(texts))
        return [t for t in texts[:cut] if not t.text.startswith("Key replaced:")]

    return compare_text(body(page), body(expected_report_html(log, verification)))


_SHOWN = re.compile(r"<td class='num' data-casekit-credential='([^']*)'>([^<]*)</td>")


def shown_figures(text: str) -> dict[str, str]:
    """The approved hours per credential a report shows in its verification section, as printed."""
    return {html.unescape(k): v.strip() for k, v in _SHOWN.findall(text)}


def compare_shown(shown: dict[str, str], lp: LearnerProgress) -> list[str]:
    """Where the figures a report shows differ from those recomputed from its signed log (empty: they match)."""
    out = []
    recomputed = {c.short: f"{c.best.counted_hours:,.2f}" for c in lp.credentials}
    for short, value in recomputed.items():
        if short not in shown:
            out.append(f"{short}: the report shows no figure (recomputed {value} h)")
        elif shown[short] != value:
            out.append(f"{short}: the report shows {shown[short]} h, recomputed {value} h")
    out += [f"{k}: the report shows {v} h for a credential the rules do not have" for k, v in shown.items()
            if k not in recomputed]
    return out


def entry_table(log: SignedLog) -> pd.DataFrame:
    """A signed log's entries as a :func:`list_entries` table (hours, not minutes; "" for no correction)."""
    frame = pd.DataFrame(log.entries, columns=list(ENTRY_KEYS))
    frame.insert(3, "hours", frame.pop("minutes").astype(float) / 60)
    frame["supersedes"] = frame["supersedes"].fillna("")
    return frame


def live_entries(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of a :func:`list_entries` table that count: each entry at its current version.

    Replaced versions and pending corrections of approved entries are left out, as in
    progress (see :mod:`casekit.hours.supersession`); the report names pending corrections apart.
    """
    if not (frame["supersedes"] != "").any():
        return frame
    versions = resolve_versions(zip(frame["entry_id"], frame["supersedes"], frame["status"]))
    return frame[~frame["entry_id"].isin(versions.not_current)]
