"""The application packet: one learner, one credential route, in the shape the body's application asks for.

A certification body wants the experience part of an application: the employment
(experience) periods with dates and hours, the supervisors with their credentials, the
totals in the body's own categories, and a supervisor's attestation. The packet holds
exactly that for one route of one credential, counting only approved entries that verify
and that the route counts (the same answer as progress and ``casekit hours why``), plus
the monthly supervision summaries the supervisor signed.

Each body's shape (headings, how the kit's categories fall into the body's, what it asks an
applicant to show) is data in ``packets.yaml`` with its source and as-of date. The packet
is written twice from one :class:`Packet`: printable HTML (this module) and PDF
(:mod:`casekit.hours.packetpdf`, made with fpdf2). Both carry the learner's signed log, so
``casekit hours verify --file PACKET.html`` (or ``.pdf``) checks it without the database.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from casekit import __version__
from casekit.hours.errors import HoursError
from casekit.hours.credit.explain import COUNTS, explain_entries
from casekit.hours.credit.credential_progress import CredentialProgress, LearnerProgress, RouteProgress
from casekit.hours.storage.models import CATEGORIES
from casekit.hours.credit.engine import SUPERVISION_CATEGORIES
from casekit.hours.trust.signedlog import SignedLog, Verification
from casekit.hours.views.packet_words import degree_words, setting_words, verification_line

PACKETS_FILE = Path(__file__).with_name("packets.yaml")


class PacketError(HoursError):
    """A packet cannot be made as asked (unknown credential or route, a bad file name, a broken packets file)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Group(_Strict):
    label: str
    categories: list[str] = Field(min_length=1)


class Form(_Strict):
    credentials: list[str] = Field(min_length=1)
    title: str
    experience: str
    supervision: str
    groups: list[Group] = Field(min_length=1)
    asks: list[str]
    attestation: str
    source: str
    as_of: str


class Forms(_Strict):
    schema_version: int
    packets: dict[str, Form]


@lru_cache(maxsize=4)
def load_forms(path: str | os.PathLike = PACKETS_FILE) -> Forms:
    """The packet shapes, checked; :class:`PacketError` naming the field when the file is broken."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        forms = Forms.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise PacketError(f"{path}: cannot be read ({exc})") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        raise PacketError(f"{path}: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}") from None
    for body, form in forms.packets.items():
        for g in form.groups:
            bad = [c for c in g.categories if c not in CATEGORIES]
            if bad:
                raise PacketError(f"{path}: packets.{body}.groups: {bad[0]!r} is not a category ({', '.join(CATEGORIES)})")
    return forms


def form_for(short: str) -> tuple[str, Form]:
    """The body key and packet shape for a credential's short name (e.g. ``CCM``)."""
    for body, form in load_forms().packets.items():
        if short in form.credentials:
            return body, form
    raise PacketError(f"credential {short}: packets.yaml has no application shape for it; add one there")


# --- what goes in ---------------------------------------------------------------------------


@dataclass
class Period:
    """Counted experience in one setting under one supervisor, first to last day."""

    setting: str
    supervisor: str | None
    first: date
    last: date
    hours: float
    weeks: int  # weeks with counted work
    full_time_weeks: int

    @property
    def hours_per_week(self) -> float:
        span = max(((self.last - self.first).days // 7) + 1, 1)
        return self.hours / span


@dataclass
class SupervisorRow:
    name: str
    credentials: tuple[str, ...]
    keys: list[str]
    first: date
    last: date
    hours: float  # counted hours of this route they supervised
    supervision_hours: float  # supervision received from them, counted on this route


@dataclass
class Packet:
    learner: dict  # the learner's record as in the signed log's people
    credential: CredentialProgress
    route: RouteProgress
    body: str
    form: Form
    as_of: date
    periods: list[Period]
    supervisors: list[SupervisorRow]
    totals: list[tuple[str, float]]  # the body's groups, counted approved hours
    months: list[tuple[str, list[float]]]  # YYYY-MM, hours per group
    pending_hours: float
    verification: Verification
    summaries: list[dict] = field(default_factory=list)  # signed monthly supervision summaries
    made_at: str = ""

    @property
    def counted_hours(self) -> float:
        return sum(h for _, h in self.totals)


def build_packet(lp: LearnerProgress, verification: Verification, log: SignedLog, credential: str,
                 route: str | None = None, *, summaries: list[dict] | None = None) -> Packet:
    """The packet for ``credential`` (a short name or id) on ``route`` (default: the learner's best route)."""
    try:
        cp = lp.credential(credential)
    except (KeyError, StopIteration, ValueError, HoursError):
        known = ", ".join(c.short for c in lp.credentials)
        raise PacketError(f"credential {credential!r}: not one of {known}") from None
    chosen = cp.best if route is None else next((r for r in cp.routes if r.route.id == route), None)
    if chosen is None:
        raise PacketError(f"route {route!r}: {cp.short} has routes {', '.join(r.route.id for r in cp.routes)}")
    rp = chosen
    body, form = form_for(cp.short)
    found = explain_entries(lp, verification, log)
    counted = [x for x in found for v in x.verdicts
               if v.credential == cp.short and v.route_id == rp.route.id and v.state == COUNTS]
    pending = sum(x.hours for x in found for v in x.verdicts
                  if v.credential == cp.short and v.route_id == rp.route.id and v.state != COUNTS and not v.reasons)
    group_of = {c: g.label for g in form.groups for c in g.categories}
    labels = [g.label for g in form.groups]
    if any(x.category not in group_of for x in counted):
        labels.append("other logged work")
    totals = {k: 0.0 for k in labels}
    months: dict[str, list[float]] = {}
    periods: dict[tuple, dict] = {}
    sups: dict[str, dict] = {}
    ft = lp.options.full_time_hours
    for x in sorted(counted, key=lambda x: x.date):
        g = group_of.get(x.category, "other logged work")
        totals[g] += x.hours
        months.setdefault(x.date.strftime("%Y-%m"), [0.0] * len(labels))[labels.index(g)] += x.hours
        p = periods.setdefault((x.setting, x.supervisor), {"first": x.date, "last": x.date, "hours": 0.0, "weeks": {}})
        p["last"], p["hours"] = x.date, p["hours"] + x.hours
        wk = x.date.isocalendar()[:2]
        p["weeks"][wk] = p["weeks"].get(wk, 0.0) + x.hours
        if x.supervisor:
            sup = sups.setdefault(x.supervisor, {"first": x.date, "last": x.date, "hours": 0.0, "sup": 0.0})
            sup["last"], sup["hours"] = x.date, sup["hours"] + x.hours
            if x.category in SUPERVISION_CATEGORIES:
                sup["sup"] += x.hours
    people = {p.get("name"): p for p in log.people}
    keys_of: dict[str, list[str]] = {}
    for s in verification.signers:
        keys_of.setdefault(s.name, []).append(s.fingerprint)
    return Packet(
        learner=people.get(log.learner, {"name": log.learner}), credential=cp, route=rp, body=body, form=form,
        as_of=lp.options.as_of,
        periods=[Period(k[0], k[1], v["first"], v["last"], v["hours"], len(v["weeks"]),
                        sum(1 for h in v["weeks"].values() if h >= ft)) for k, v in periods.items()],
        supervisors=[SupervisorRow(n, tuple(people.get(n, {}).get("credentials") or ()), keys_of.get(n, []),
                                   v["first"], v["last"], v["hours"], v["sup"]) for n, v in sorted(sups.items())],
        totals=list(totals.items()), months=sorted(months.items()), pending_hours=pending, verification=verification,
        summaries=list(summaries or []), made_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


# --- HTML -----------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 60em; color: #222; line-height: 1.4; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.4em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #555; font-size: 0.9em; } .failed { color: #a30000; font-weight: 600; } .ok { color: #17631a; font-weight: 600; }
.sign td { height: 2.4em; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table { break-inside: auto; } }
"""


def _e(x) -> str:
    return html.escape(str(x))


def packet_html(p: Packet, signed_block: str) -> str:
    """The packet as one printable HTML page, carrying ``signed_block`` (the embedded signed log)."""
    cp, rp, f = p.credential, p.route, p.form
    learner = p.learner
    degree = degree_words(learner)
    state = "met" if rp.met else (f"projected {rp.projected.isoformat()}" if rp.projected else "not yet met")
    periods = "".join(
        f"<tr><td>{_e(setting_words(x.setting))}</td><td>{_e(x.supervisor or '-')}</td><td>{x.first.isoformat()}</td>"
        f"<td>{x.last.isoformat()}</td><td class='num'>{x.hours:,.1f}</td><td class='num'>{x.hours_per_week:,.1f}</td>"
        f"<td class='num'>{x.full_time_weeks:,}</td></tr>" for x in p.periods) or "<tr><td colspan='7'>no counted experience</td></tr>"
    sups = "".join(
        f"<tr><td>{_e(s.name)}</td><td>{_e(', '.join(s.credentials) or 'none recorded')}</td><td>{s.first.isoformat()} to "
        f"{s.last.isoformat()}</td><td class='num'>{s.hours:,.1f}</td><td class='num'>{s.supervision_hours:,.1f}</td>"
        f"<td><code>{_e(', '.join(s.keys) or '-')}</code></td></tr>" for s in p.supervisors) or "<tr><td colspan='6'>none</td></tr>"
    labels = [k for k, _ in p.totals]
    totals = "".join(f"<tr><td>{_e(k)}</td><td class='num'>{h:,.1f}</td></tr>" for k, h in p.totals)
    months = "".join(f"<tr><td>{m}</td>" + "".join(f"<td class='num'>{h:,.1f}</td>" for h in hs)
                     + f"<td class='num'>{sum(hs):,.1f}</td></tr>" for m, hs in p.months)
    summaries = "".join(
        f"<tr><td>{_e(s['month'])}</td><td class='num'>{s['hours']:,.1f}</td><td class='num'>{s['supervision_hours']:,.1f}</td>"
        f"<td class='num'>{s['supervision_share']:.0%}</td><td class='num'>{s['individual_hours']:,.1f}</td>"
        f"<td class='num'>{s['group_hours']:,.1f}</td><td class='num'>{s['contacts']:,}</td><td>{_e(s['supervisor'])}</td></tr>"
        for s in p.summaries)
    sign = "".join(f"<tr class='sign'><td>{_e(s.name)}</td><td>{_e(', '.join(s.credentials) or '')}</td><td></td><td></td></tr>"
                   for s in p.supervisors)
    ok = "ok" if p.verification.ok else "failed"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(f.title)}: {_e(learner.get('name'))}</title>
<style>{_CSS}</style></head><body>
<h1>{_e(f.title)}</h1>
<p><b>{_e(cp.name)}</b>, {_e(cp.body)}. Route: {_e(rp.route.label)}.<br>
Applicant: <b>{_e(learner.get('name'))}</b>; degree: {_e(degree)}, awarded {_e(learner.get('degree_date') or 'date not recorded')};
credentials held: {_e(', '.join(learner.get('credentials') or []) or 'none recorded')}.<br>
Experience as of {p.as_of.isoformat()}: {_e(rp.requirement_text())} ({_e(state)}).</p>
<p class="{ok}">{_e(verification_line(p))}</p>
<h2>What {_e(p.body)} asks an applicant to show</h2>
<ul>{''.join(f'<li>{_e(a)}</li>' for a in f.asks)}</ul>
<h2>{_e(f.experience)}</h2>
<table><tr><th>setting</th><th>supervisor</th><th>from</th><th>to</th><th>hours</th><th>hours a week</th><th>full-time weeks</th></tr>
{periods}</table>
<h2>Totals in {_e(p.body)}'s categories</h2>
<table><tr><th>category</th><th>approved hours counted</th></tr>{totals}
<tr><th>total</th><th class='num'>{p.counted_hours:,.1f}</th></tr></table>
<p class="muted">{p.pending_hours:,.1f} h more are logged for this route but wait for a supervisor's approval; they are not in
these totals.</p>
<h2>By month</h2>
<table><tr><th>month</th>{''.join(f'<th>{_e(k)}</th>' for k in labels)}<th>total</th></tr>{months or "<tr><td colspan='9'>none</td></tr>"}</table>
<h2>{_e(f.supervision)}</h2>
<table><tr><th>supervisor</th><th>credentials</th><th>period</th><th>hours supervised</th><th>supervision received</th><th>signing key</th></tr>
{sups}</table>
{"<h2>Monthly supervision summaries (signed)</h2><table><tr><th>month</th><th>hours</th><th>supervision</th><th>share</th><th>individual</th><th>group</th><th>contacts</th><th>signed by</th></tr>" + summaries + "</table>" if summaries else ""}
<h2>Supervisor attestation</h2>
<p>{_e(f.attestation)}</p>
<table><tr><th>supervisor</th><th>credentials</th><th>signature</th><th>date</th></tr>{sign or "<tr class='sign'><td></td><td></td><td></td><td></td></tr>"}</table>
<p class="muted">Shape of this packet: the kit's reading of {_e(f.source)} (as of {_e(f.as_of)}); the body's current
application decides what it needs. Made {_e(p.made_at)} by casekit {__version__}. This file carries the signed log:
check it with <code>casekit hours verify --file "THIS FILE" --trust SUPERVISOR.pub</code>.</p>
{signed_block}
</body></html>
"""


def write_packet(store, learner: str, credential: str, to: str | os.PathLike, *, route: str | None = None,
                 as_of: date | None = None, full_time_hours: float | None = None, rules=None) -> tuple[Path, Path]:
    """Write the packet for ``learner`` and ``credential`` as ``to`` (``.html``) and beside it as ``.pdf``.

    Returns both paths. Only entries that verify count; the signed log goes inside both files.
    """
    from casekit.hours.credit.credential_progress import verified_progress
    from casekit.hours.trust.verified_log import read_verified_log
    from casekit.hours.views.packetpdf import packet_pdf
    from casekit.hours.views.signed_export import embed_in_html, signed_log_json
    from casekit.hours.trust.summaries import summaries_for

    to = Path(to)
    if to.suffix.lower() not in (".html", ".htm"):
        raise PacketError(f"{to}: give the packet's file name ending in .html (the PDF is written beside it)")
    if not to.parent.exists():
        raise PacketError(f"{to}: the folder {to.parent} does not exist; create it or choose another place")
    verified = read_verified_log(store, learner)
    lp = verified_progress(verified, rules=rules, as_of=as_of, full_time_hours=full_time_hours)
    verification, log = verified.verification, verified.signed
    summaries = [s for s in summaries_for(log, verification) if s["verified"]]
    packet = build_packet(lp, verification, log, credential, route, summaries=summaries)
    signed = signed_log_json(log, verification, indent=None, as_of=lp.options.as_of, full_time_hours=full_time_hours,
                             packet={"credential": packet.credential.short, "route": packet.route.route.id})
    to.write_text(packet_html(packet, embed_in_html(signed)), encoding="utf-8")
    pdf = to.with_suffix(".pdf")
    packet_pdf(packet, signed, pdf)
    return to, pdf
