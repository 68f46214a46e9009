"""Pace and projection: when will a learner get there, and what would get them there by a date.

All functions work on arrays with one row per learner, so projecting 2,000 learners costs
the same numpy calls as projecting one. A "weekly series" is a learners x weeks matrix of
what each week added (minutes, or 1 for a full-time week); a rolling look-back window is
handled by letting the oldest weeks drop out as the projection moves forward.
"""

from __future__ import annotations

import numpy as np


def pace(series: np.ndarray, first_col: np.ndarray, now_col: int, pace_weeks: int) -> np.ndarray:
    """Average per week over the ``pace_weeks`` full weeks before column ``now_col``.

    A learner who started fewer weeks ago is averaged over the weeks since their first
    counted week, so a new learner's pace is not diluted by weeks before they began.
    """
    lo = now_col - pace_weeks
    window = series[:, max(lo, 0) : max(now_col, 0)]
    weeks = np.clip(now_col - np.maximum(first_col, lo), 1, pace_weeks)
    return window.sum(axis=1) / weeks


def weeks_to_reach(value: np.ndarray, target: np.ndarray | float, per_week: np.ndarray, dropping: np.ndarray | None = None) -> np.ndarray:
    """Whole weeks until ``value`` reaches ``target`` at ``per_week``; 0 if there, NaN if never.

    ``dropping`` (learners x weeks, oldest first) holds what each past week in a look-back
    window contributes; those weeks fall out of the window one per future week.
    """
    value = np.asarray(value, dtype=float)
    target = np.broadcast_to(np.asarray(target, dtype=float), value.shape)
    per_week = np.asarray(per_week, dtype=float)
    out = np.full(value.shape, np.nan)
    done = value >= target
    if dropping is None or dropping.shape[1] == 0:
        with np.errstate(divide="ignore", invalid="ignore"):
            k = np.ceil((target - value) / per_week)
        ok = (per_week > 0) & ~done
        out[ok] = k[ok]
    else:
        lost = np.cumsum(dropping, axis=1)
        ks = np.arange(1, dropping.shape[1] + 1, dtype=float)
        projected = value[:, None] - lost + per_week[:, None] * ks[None, :]
        hit = projected >= target[:, None]
        found = hit.any(axis=1) & ~done
        out[found] = np.argmax(hit[found], axis=1) + 1
    out[done] = 0
    return out


def still_counting(value: np.ndarray, weeks_ahead: int, dropping: np.ndarray | None) -> np.ndarray:
    """How much of today's ``value`` still counts ``weeks_ahead`` weeks from now."""
    if dropping is None or dropping.shape[1] == 0 or weeks_ahead <= 0:
        return np.asarray(value, dtype=float)
    k = min(weeks_ahead, dropping.shape[1])
    return np.asarray(value, dtype=float) - dropping[:, :k].sum(axis=1)


def needed_per_week(value: np.ndarray, target: np.ndarray | float, weeks: float, dropping: np.ndarray | None = None) -> np.ndarray:
    """What must be added per week for ``weeks`` weeks to reach ``target`` (0 if already there)."""
    kept = still_counting(value, int(np.floor(weeks)), dropping)
    remaining = np.maximum(np.asarray(target, dtype=float) - kept, 0)
    return remaining / weeks if weeks > 0 else np.where(remaining > 0, np.inf, 0.0)
