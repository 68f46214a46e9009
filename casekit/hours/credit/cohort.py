"""Progress for every learner at once, as one table (what the benchmark times).

The log is read once and every rule is evaluated for all learners together, so the cost
is a few numpy passes over the entries per rule, whatever the number of learners.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from casekit.hours.credit.columns import load_ledger
from casekit.hours.credit.engine import DEFAULT_PACE_WEEKS, evaluate, make_options
from casekit.hours.credit.credentials import AnyOf, Rules, load_rules
from casekit.hours.storage.database import Store

PROGRESS_COLUMNS = ("learner_id", "learner", "credential", "route", "requirement", "alternative", "measure",
                    "unit", "value", "pending", "target", "met", "route_met", "projected", "route_projected")


def _dates(days: np.ndarray) -> np.ndarray:
    out = np.full(days.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    ok = ~np.isnan(days)
    out[ok] = days[ok].astype(np.int64).astype("datetime64[D]")
    return out


def progress_all(
    store: Store,
    *,
    rules: Rules | None = None,
    as_of: date | None = None,
    full_time_hours: float | None = None,
    pace_weeks: int | None = None,
) -> pd.DataFrame:
    """One row per learner x credential x route x requirement (:data:`PROGRESS_COLUMNS`).

    ``value`` counts approved entries only; ``pending`` is what pending entries would add.
    Each entry counts once, at its current version: a pending correction of an approved
    entry is in neither (the approved entry counts until the correction is approved; see
    :mod:`casekit.hours.supersession` and ``LearnerProgress.pending_corrections``).
    ``projected``/``route_projected`` are dates at the learner's recent pace (NaT: not at
    that pace, or already met).

    For speed across a whole program this reads each entry's status as stored and checks no
    signature; one learner's figures that a board can trust come from
    :func:`casekit.hours.credit.credential_progress.verified_progress` (what the report shows).
    """
    rules = rules or load_rules()
    opts = make_options(rules, as_of=as_of, full_time_hours=full_time_hours, pace_weeks=pace_weeks or DEFAULT_PACE_WEEKS)
    ledger = load_ledger(store)
    ids = np.array([p.person_id for p in ledger.learners], dtype=np.int64)
    names = np.array([p.name for p in ledger.learners], dtype=object)
    parts = []
    for rr in evaluate(ledger, rules, opts):
        short = rules.short_name(rr.credential_id)
        route_proj = _dates(np.where(rr.met, np.nan, rr.projected))
        for r in rr.requirements:
            item = rr.route.requirements[r.group]
            parts.append(pd.DataFrame({
                "learner_id": ids, "learner": names, "credential": short, "route": rr.route.id,
                "requirement": r.group + 1, "alternative": isinstance(item, AnyOf), "measure": r.measure,
                "unit": r.requirement.unit, "value": r.value, "pending": np.maximum(r.logged - r.value, 0),
                "target": r.target, "met": r.met, "route_met": rr.met,
                "projected": _dates(np.where(r.met, np.nan, r.projected)), "route_projected": route_proj,
            }))
    if not parts:
        return pd.DataFrame(columns=list(PROGRESS_COLUMNS))
    return pd.concat(parts, ignore_index=True)


def credential_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per learner and credential: met (any route), and the soonest projected date."""
    routes = table.drop_duplicates(["learner_id", "credential", "route"])
    g = routes.groupby(["learner_id", "learner", "credential"], sort=False)
    return pd.DataFrame({"met": g["route_met"].any(), "projected": g["route_projected"].min()}).reset_index()


__all__ = ["progress_all", "credential_summary", "PROGRESS_COLUMNS"]
