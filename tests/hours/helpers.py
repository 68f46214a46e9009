"""Small helpers for the hours tests: CSV files, entry rows and supervisors' test keys."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path


def key_path_for(store, supervisor: str) -> Path:
    """Where the ``people`` fixture keeps a supervisor's (passphrase-free) test key: beside the log."""
    return store.path.parent / "keys" / (supervisor.lower().replace(" ", "-") + ".pem")


def key_for(store, supervisor: str):
    """The supervisor's test key, loaded for signing."""
    from casekit.hours.keys import load_signing_key

    return load_signing_key(key_path_for(store, supervisor))


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


def log_days(store, learner: str, days, hours: float, *, category="care_coordination", setting="health_care",
             supervisor="Demo Supervisor Q", paid=True, approve=True, note="") -> list[str]:
    """Log one entry on each of ``days`` (dates) through the real import path; approve them unless told not to."""
    import numpy as np
    import pandas as pd

    from casekit.hours.approval import approve_entries
    from casekit.hours.entries import parse_frame
    from casekit.hours.logbook import write_entries

    days = list(days)
    frame = pd.DataFrame({
        "learner": learner, "date": [d.isoformat() for d in days], "hours": f"{hours:g}", "category": category,
        "setting": setting, "paid": "yes" if paid else "no", "supervisor": supervisor or "", "note": note,
    }, index=range(len(days)), dtype=object)
    parsed, problems = parse_frame(frame, rows=np.arange(2, len(days) + 2))
    ids = write_entries(store, parsed, problems, source="test")
    if approve and ids:
        approver = supervisor or "Demo Supervisor R"
        approve_entries(store, approver, key=key_for(store, approver), entry_ids=ids)
    return ids


def weekdays(start, n_weeks: int, per_week: int = 5):
    """The first ``per_week`` weekdays of each of ``n_weeks`` weeks from the Monday ``start``."""
    from datetime import timedelta

    return [start + timedelta(weeks=w, days=d) for w in range(n_weeks) for d in range(per_week)]


def version_lines(store, max_versions: int = 4) -> list[tuple[str, str | None, str]]:
    """Every line of 1 to ``max_versions`` versions, each pending or approved, written straight into the log.

    Line ``k``'s versions have ids starting with ``k`` as 8 hex digits, oldest first. Returns
    ``(entry_id, supersedes, status)`` rows, as :func:`casekit.hours.supersession.resolve_versions` reads them.
    """
    import itertools
    from datetime import date, timedelta

    from casekit.hours.storage.tables import entries
    from casekit.hours.people import add_person

    learner = add_person(store, "Demo Learner Lines", "learner")
    rows, table = [], []
    k = 0
    for n in range(1, max_versions + 1):
        for statuses in itertools.product(("pending", "approved"), repeat=n):
            k += 1
            ids = [f"{k:08x}{i:024x}" for i in range(n)]
            for i, st in enumerate(statuses):
                sup = ids[i - 1] if i else None
                rows.append((ids[i], sup, st))
                table.append(dict(entry_id=ids[i], learner_id=learner.person_id, day=date(2024, 1, 1) + timedelta(days=k),
                                  minutes=60, category="documentation", setting="other", paid=True, supervisor_id=None,
                                  note="", status=st, created_at="", supersedes=sup))
    with store.write() as conn:
        conn.execute(entries.insert(), table)
    return rows


def degree_split_log(store, learner: str = "Demo Learner A") -> None:
    """``learner`` (degree 2020-06-01 in the people fixture): ten weeks of approved work in 2020 before the degree,
    ten weeks in 2023 after it."""
    from datetime import date

    log_days(store, learner, weekdays(date(2020, 1, 6), 10), 8, setting="social_services")
    log_days(store, learner, weekdays(date(2023, 1, 2), 10), 8, setting="social_services")


def five_signed_days(store, learner: str, supervisors: tuple[str, str]) -> dict[str, str]:
    """Five days for ``learner``: a, b, c approved by the first supervisor, r by the second, p pending.

    Returns the entry ids by those names."""
    from casekit.hours.approval import approve_entries
    from casekit.hours.logbook import add_entry

    q, r = supervisors
    ids = {}
    for name, day, hours, sup in [("a", "2024-03-04", 2, q), ("b", "2024-03-05", 3, q), ("c", "2024-03-06", 4, q),
                                  ("r", "2024-03-07", 5, r), ("p", "2024-03-08", 6, q)]:
        ids[name] = add_entry(store, learner=learner, date=day, hours=hours, category="care_coordination",
                              setting="health_care", supervisor=sup)
    approve_entries(store, q, key=key_for(store, q), entry_ids=[ids["a"], ids["b"], ids["c"]])
    approve_entries(store, r, key=key_for(store, r), entry_ids=[ids["r"]])
    return ids


def edit_outside_casekit(store, *sql: str) -> None:
    """Edit the log file directly, as someone with a database tool would: the guard triggers dropped first."""
    from casekit.hours.migrations import TRIGGERS

    db = sqlite3.connect(store.path)
    for t in TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {t}")
    for s in sql:
        db.execute(s)
    db.commit()
    db.close()
