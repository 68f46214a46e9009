"""Why does this entry count, or not? Each entry against each credential route, in words.

Progress already knows, per route, which entries the rules leave out and for what reason
(:class:`casekit.hours.learner.NotCounted`). This module turns that into the view a
supervisor or a learner asks for: one entry at a time, every route, "counts", "counts once
approved", or the reasons it does not (before the degree, outside the look-back, unpaid,
not supervised, a category or setting the route does not accept, a supervisor without the
credential the route asks). Entries that no route can count for a reason of the log's own
(they fail verification, a correction replaced them, they are dated after the as-of date)
say so once instead of once per route.

It reads an already computed progress, the verification and the signed log it checked
(a :class:`casekit.hours.trust.verified_log.VerifiedLog` and the progress counted from it): no second
read of the database, and the same answer the progress figures, the dashboard and the report give.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from casekit.hours.errors import HoursError
from casekit.hours.credit.credential_progress import LearnerProgress
from casekit.hours.storage.models import CATEGORIES, SETTINGS
from casekit.hours.trust.signedlog import SignedLog, Verification
from casekit.hours.log.supersession import resolve_versions

COUNTS, COUNTS_ONCE_APPROVED, DOES_NOT_COUNT = "counts", "counts once approved", "does not count"


@dataclass(frozen=True)
class RouteVerdict:
    """One entry on one route: counts, counts once approved, or does not (with the reasons)."""

    credential: str  # short name, e.g. CCM
    route_id: str
    route_label: str
    state: str  # COUNTS, COUNTS_ONCE_APPROVED or DOES_NOT_COUNT
    reasons: tuple[str, ...] = ()
    route_open: bool = True  # False: the learner's education does not open this route yet

    def text(self) -> str:
        s = self.state if not self.reasons else f"{self.state}: {'; '.join(self.reasons)}"
        if not self.route_open and self.state != DOES_NOT_COUNT:
            s += " (the route is not open to this learner yet: education or licence)"
        return s


@dataclass
class EntryExplanation:
    """One entry and what each route makes of it (``everywhere``: a reason no route counts it)."""

    entry_id: str
    date: date
    hours: float
    category: str
    setting: str
    paid: bool
    supervisor: str | None
    status: str
    everywhere: str | None = None
    verdicts: list[RouteVerdict] = field(default_factory=list)

    def heading(self) -> str:
        paid = "" if self.paid else ", unpaid"
        sup = f", supervised by {self.supervisor}" if self.supervisor else ", no supervisor named"
        return (f"{self.date.isoformat()} {self.hours:.2f} h {CATEGORIES.get(self.category, self.category)}, "
                f"{SETTINGS.get(self.setting, self.setting).split(' (')[0]}{paid}{sup} [{self.status}] "
                f"entry {self.entry_id}")

    def to_text(self) -> str:
        lines = [self.heading()]
        if self.everywhere:
            lines.append(f"  counts nowhere: {self.everywhere}")
        for v in self.verdicts:
            lines.append(f"  {v.credential} route {v.route_id}: {v.text()}")
        return "\n".join(lines)


def explain_entries(lp: LearnerProgress, verification: Verification, log: SignedLog,
                    entry_ids: list[str] | None = None) -> list[EntryExplanation]:
    """Every entry of the learner (or those in ``entry_ids``), newest first, with each route's verdict.

    An unknown entry id in ``entry_ids`` is a :class:`HoursError` naming it.
    """
    by_id = {e["entry_id"]: e for e in log.entries}
    if entry_ids:
        unknown = [i for i in entry_ids if i not in by_id]
        if unknown:
            raise HoursError(f"entry {unknown[0]}: not an entry of {log.learner}; list the learner's entries with "
                             f"casekit hours list --learner \"{log.learner}\"")
    failed = {f.entry_id: f.message for f in verification.failures if f.entry_id}
    versions = resolve_versions((e["entry_id"], e.get("supersedes") or "", e["status"]) for e in log.entries)
    replaced_by = {e["supersedes"]: e["entry_id"] for e in log.entries if e.get("supersedes")}
    not_counted = {}
    for c in lp.credentials:
        for r in c.routes:
            not_counted[(c.short, r.route.id)] = {n.entry_id: n.reasons for n in r.not_counted}
    as_of = lp.options.as_of
    wanted = entry_ids or [e["entry_id"] for e in sorted(log.entries, key=lambda e: (e["date"], e["entry_id"]),
                                                         reverse=True)]
    out = []
    for eid in wanted:
        e = by_id[eid]
        day = date.fromisoformat(e["date"])
        x = EntryExplanation(eid, day, int(e["minutes"]) / 60, e["category"], e["setting"], bool(e["paid"]),
                             e.get("supervisor"), e["status"])
        if eid in failed:
            x.everywhere = f"it fails verification ({failed[eid]})"
        elif eid in versions.waiting:
            x.everywhere = (f"it is a correction waiting for approval; the approved entry {versions.waiting[eid]} "
                            "counts meanwhile")
        elif eid in versions.not_current:
            x.everywhere = f"a correction ({replaced_by.get(eid, 'a later version')}) replaced it"
        elif day > as_of:
            x.everywhere = f"it is dated after {as_of.isoformat()}, the date progress is measured on"
        else:
            approved = e["status"] == "approved"
            for c in lp.credentials:
                for r in c.routes:
                    reasons = not_counted[(c.short, r.route.id)].get(eid)
                    state = DOES_NOT_COUNT if reasons else COUNTS if approved else COUNTS_ONCE_APPROVED
                    x.verdicts.append(RouteVerdict(c.short, r.route.id, r.route.label, state, tuple(reasons or ()),
                                                   r.eligibility is None or r.eligibility.met))
        out.append(x)
    return out


def explanations_text(found: list[EntryExplanation], *, limit: int | None = None) -> str:
    """The explanations as plain text (the newest ``limit`` when given, with a count of the rest)."""
    if not found:
        return "no entries yet\n"
    shown = found if limit is None else found[:limit]
    text = "\n".join(x.to_text() for x in shown)
    if len(shown) < len(found):
        text += f"\n...and {len(found) - len(shown):,} older entries (give --all to list them)"
    return text + "\n"


def explanations_html(found: list[EntryExplanation], *, limit: int | None = None) -> str:
    """A table: one row per entry, one column per route, each cell the verdict in words."""
    if not found:
        return "<p>No entries yet.</p>"
    shown = found if limit is None else found[:limit]
    routes = []
    for x in found:
        for v in x.verdicts:
            if (v.credential, v.route_id) not in routes:
                routes.append((v.credential, v.route_id))
    head = "".join(f"<th>{html.escape(c)}<br><span class='muted'>{html.escape(r)}</span></th>" for c, r in routes)
    rows = []
    for x in shown:
        cells = {(v.credential, v.route_id): v for v in x.verdicts}
        if x.everywhere:
            body = f"<td colspan='{max(len(routes), 1)}'>counts nowhere: {html.escape(x.everywhere)}</td>"
        else:
            body = "".join(_cell(cells.get(k)) for k in routes)
        rows.append(f"<tr><td>{html.escape(x.heading())}</td>{body}</tr>")
    more = ""
    if len(shown) < len(found):
        more = (f"<p class='muted'>...and {len(found) - len(shown):,} older entries: "
                "<code>casekit hours why LEARNER --all</code> lists them all.</p>")
    return f"<table><tr><th>entry</th>{head}</tr>{''.join(rows)}</table>{more}"


def _cell(v: RouteVerdict | None) -> str:
    if v is None:
        return "<td>-</td>"
    css = "met" if v.state == COUNTS else "notyet"
    return f"<td><span class='{css}'>{html.escape(v.state)}</span>" + (
        f"<br>{html.escape('; '.join(v.reasons))}" if v.reasons else "") + "</td>"
