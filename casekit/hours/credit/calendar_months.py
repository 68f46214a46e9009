"""Calendar months as a person counts them: 1 January 2021 through 31 December 2023 is 36 months.

A route that asks for "3 years" of experience (``calendar_months``) is measured from the first
counted day through the last, in the calendar's own months, not in days divided by an average
month (which put three whole years, 1,095 days, a day short of 36 months). Part of a month counts
as the share of that month's days.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

import numpy as np

from casekit.hours.credit.columns import day_number, from_day_number


def add_months(d: date, n: int) -> date:
    """``d`` moved ``n`` calendar months on, the day kept where the month has it (31 January + 1 = 28 or 29 February)."""
    years, month0 = divmod(d.month - 1 + n, 12)
    year, month = d.year + years, month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def months_between(start: date, stop: date) -> float:
    """Calendar months from ``start`` up to ``stop`` (not included): whole months, then the share of the next."""
    whole = (stop.year - start.year) * 12 + stop.month - start.month
    while whole > 0 and add_months(start, whole) > stop:
        whole -= 1
    base, following = add_months(start, whole), add_months(start, whole + 1)
    return whole + (stop - base).days / (following - base).days


def months_spanned(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Per learner, calendar months from the first day through the last (day numbers; none counted: 0)."""
    return np.array([0.0 if math.isnan(start) or math.isnan(end) else
                     months_between(from_day_number(int(start)), from_day_number(int(end)) + timedelta(days=1))
                     for start, end in zip(first.tolist(), last.tolist())])


def last_day_of(first: np.ndarray, months: float) -> np.ndarray:
    """Per learner, the day number on which ``months`` calendar months from ``first`` are complete (nan stays nan)."""
    whole = math.floor(months)
    share = months - whole

    def end(f: float) -> float:
        if math.isnan(f):
            return math.nan
        start = from_day_number(int(f))
        base, following = add_months(start, whole), add_months(start, whole + 1)
        return float(day_number(base + timedelta(days=math.ceil(share * (following - base).days - 1e-9))) - 1)

    return np.array([end(f) for f in first.tolist()])
