"""The progress chart: cumulative counted hours (or full-time months) against each threshold.

One small panel per credential, for its most promising route: approved hours as a solid
line, approved plus pending as a dashed one, the threshold as a horizontal line and the
projected finish at the recent pace as a dotted line to a marker. Rules with a look-back
window show the rolling total inside the window, which is what the rule counts.
Built on :class:`matplotlib.figure.Figure` directly (no pyplot), so it works headless.
"""

from __future__ import annotations

import io
import math
import textwrap
from datetime import timedelta

import numpy as np
from matplotlib.figure import Figure

from casekit.hours.credit.credential_progress import CredentialProgress, LearnerProgress, RequirementProgress

_PREFERRED = ("hours", "full_time_months", "supervision_hours")
_COLORS = ("#1f77b4", "#2ca02c", "#9467bd", "#d62728", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f")


def primary_requirement(c: CredentialProgress) -> RequirementProgress | None:
    """The requirement the chart plots for a credential: its best route's hours, else full-time months."""
    reqs = [r for r in c.best.requirements if r.weekly is not None]
    for m in _PREFERRED:
        for r in reqs:
            if r.measure == m:
                return r
    return None


def _wrap(text: str, width: int = 60) -> str:
    """``text`` on lines of at most ``width`` characters, so a panel's title fits its panel, none of it cut."""
    return textwrap.fill(text, width)


def _running(weekly: np.ndarray, window: int | None) -> np.ndarray:
    total = np.cumsum(weekly)
    if window:
        shifted = np.concatenate([np.zeros(window), total[:-window]]) if len(total) > window else np.zeros(len(total))
        total = total - shifted
    return total


def charted(lp: LearnerProgress) -> tuple[list[CredentialProgress], list[str]]:
    """Credentials worth a panel (open to the learner, with counted or pending experience),
    and a note on the others."""
    shown, notes = [], []
    for c in lp.credentials:
        req = primary_requirement(c)
        if req is None:
            continue
        if not c.eligible:
            notes.append(f"{c.short} (education/licence not met)")
        elif req.logged <= 0 and not c.met:
            notes.append(f"{c.short} (nothing counted yet)")
        else:
            shown.append(c)
    return shown, notes


def progress_figure(lp: LearnerProgress, *, width: float = 11.0) -> Figure:
    """The chart for one learner, as a matplotlib Figure."""
    creds, notes = charted(lp)
    ncols = 2 if len(creds) > 1 else 1
    nrows = max(1, math.ceil(len(creds) / ncols))
    fig = Figure(figsize=(width, 2.8 * nrows + 1.0), dpi=100, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    ends = [d + timedelta(days=6) for d in lp.week_dates]
    if ends:
        ends[-1] = lp.options.as_of
    for ax, c, color in zip(axes, creds, _COLORS):
        req = primary_requirement(c)
        if req is None or req.weekly is None:  # charted() keeps only credentials that have one
            continue
        w = req.weekly
        scale = w["scale"]
        app = _running(np.asarray(w["weekly_app"], dtype=float), w["window_weeks"]) / scale
        log = _running(np.asarray(w["weekly_log"], dtype=float), w["window_weeks"]) / scale
        ax.plot(ends, app, color=color, lw=2, label="approved")
        if np.any(log - app > 1e-9):
            ax.plot(ends, log, color=color, lw=1.2, ls="--", alpha=0.8, label="with pending")
        ax.axhline(req.target, color="#444444", lw=1, ls=(0, (6, 3)), label=f"threshold {req.target:,.0f} {req.unit}")
        route = c.best
        end_value = float(log[-1]) if len(log) else 0.0
        if req.met:
            state = "met"
        elif req.projected:
            ax.plot([lp.options.as_of, req.projected], [end_value, req.target], color=color, lw=1.2, ls=":",
                    label=f"projected {req.projected.isoformat()}")
            ax.plot([req.projected], [req.target], marker="o", color=color, ms=5)
            state = f"projected {req.projected.isoformat()}"
        else:
            state = "no projection at the recent pace"
        window = " (rolling window)" if w["window_weeks"] else ""
        # The credential's and the route's own words: a route id ("a", "experience") means nothing to a reader.
        ax.set_title("\n".join(_wrap(t) for t in (c.name, route.route.label, f"{req.text()} \u00b7 {state}{window}")),
                     fontsize=9, loc="left")
        ax.set_ylabel(req.unit, fontsize=8)
        ax.set_ylim(bottom=0, top=max(req.target, float(log.max()) if len(log) else 0) * 1.12 or 1)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.25)
        ax.legend(fontsize=7, loc="lower right", frameon=False)
        for label in ax.get_xticklabels():
            label.set_rotation(20)
    for ax in axes[len(creds):]:
        ax.axis("off")
    if not creds:
        axes[0].text(0.5, 0.5, "No counted experience yet toward any credential open to this learner.",
                     ha="center", va="center", fontsize=10, transform=axes[0].transAxes)
    if notes:
        fig.supxlabel(_wrap("Not charted: " + "; ".join(notes), int(width * 15)), fontsize=8)
    fig.suptitle(_wrap(f"{lp.learner.name}: counted experience against each credential's threshold "
                       f"(as of {lp.options.as_of.isoformat()}, full-time = {lp.options.full_time_hours:g} h/week)",
                       int(width * 13)), fontsize=10)
    return fig


def progress_png(lp: LearnerProgress, **kwargs) -> bytes:
    """The chart as PNG bytes."""
    buf = io.BytesIO()
    progress_figure(lp, **kwargs).savefig(buf, format="png")
    return buf.getvalue()
