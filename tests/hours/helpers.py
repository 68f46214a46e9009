"""Small helpers for the hours tests: CSV files and entry rows."""

from __future__ import annotations

import csv
from pathlib import Path


def write_csv(path: Path, rows: list[dict], columns: list[str] | None = None) -> Path:
    """Write ``rows`` as a CSV with a header (the columns of the first row unless given)."""
    columns = columns or list(rows[0])
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=columns)
        w.writeheader()
        for r in rows:
            w.writerow(r)
    return path


def entry_row(**over) -> dict:
    """One good CSV row; override any field."""
    row = dict(learner="Demo Learner A", date="2024-03-04", hours="7.5", category="care_coordination",
               setting="social_services", paid="yes", supervisor="Demo Supervisor Q", note="")
    row.update(over)
    return row
