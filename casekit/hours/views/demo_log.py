"""A small fictional demo log, for trying the dashboard and the commands without real data.

Every person in it is invented ("Demo Learner A", ...). The log is built fresh, relative
to today, so the demo always shows recent pending entries and a projected finish. Each
demo supervisor gets a demo key pair beside the log (``demo-keys/``, no passphrase), so
approving works in the demo exactly as it does for real, signatures included.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from casekit.hours.errors import HoursError
from casekit.hours.trust.approval import approve_entries
from casekit.hours.log.entries import parse_frame
from casekit.hours.trust.signing_keys import load_signing_key, public_path_for
from casekit.hours.trust.signing_keys import keygen as make_key
from casekit.hours.log.logbook import write_entries
from casekit.hours.log.people import add_person
from casekit.hours.storage.database import Store, open_store

DEMO_FILENAME = "casekit-hours-demo.sqlite"
SUPERVISORS = ("Demo Supervisor Q", "Demo Supervisor R")
LEARNERS = ("Demo Learner A", "Demo Learner B", "Demo Learner C")
DEMO_KEY_FOLDER = "demo-keys"


def demo_key_path(store: Store | str | Path, supervisor: str) -> Path:
    """Where the demo log at ``store`` keeps ``supervisor``'s demo private key."""
    if isinstance(store, Store):
        if store.path is None:
            raise HoursError(f"{store.describe()}: a demo log is a SQLite file; its demo keys are kept beside it")
        place = store.path
    else:
        place = Path(store)
    folder = place.parent / DEMO_KEY_FOLDER
    return folder / (supervisor.strip().lower().replace(" ", "-") + ".pem")


def is_demo_log(store: Store) -> bool:
    return store.path is not None and demo_key_path(store, SUPERVISORS[0]).exists()


def _weekdays(start: date, end: date) -> list[date]:
    days, d = [], start
    while d <= end:
        if d.weekday() < 5:
            days.append(d)
        d += timedelta(days=1)
    return days


def _work(rng, learner: str, start: date, end: date, hours_per_day: float, setting: str, supervisor: str,
          paid: bool = True, skip: float = 0.08) -> list[dict]:
    """Weekday entries split between categories, plus an hour of supervision each Friday."""
    rows = []
    for d in _weekdays(start, end):
        if rng.random() < skip:  # leave, sickness, holidays
            continue
        if d.weekday() == 4:
            rows.append(dict(learner=learner, date=d, hours=1.0, category="supervision_individual", setting=setting,
                             paid=paid, supervisor=supervisor, note="weekly supervision"))
        total = max(1.0, round(hours_per_day + rng.normal(0, 0.5), 1))
        split = rng.dirichlet([4, 3, 2])
        for cat, share in zip(("direct_client_work", "care_coordination", "documentation"), split):
            h = round(total * share * 4) / 4
            if h > 0:
                rows.append(dict(learner=learner, date=d, hours=h, category=cat, setting=setting, paid=paid,
                                 supervisor=supervisor, note=""))
    return rows


def build_demo_log(path: str | Path | None = None, *, today: date | None = None, pending_weeks: int = 3) -> Store:
    """Create a fresh demo log at ``path`` (default: a new temporary folder) and return it open.

    Entries older than ``pending_weeks`` weeks are approved; newer ones wait for sign-off.
    """
    today = today or date.today()
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="casekit-hours-demo-")) / DEMO_FILENAME
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = open_store(path)
    rng = np.random.default_rng(7)
    y = timedelta(days=365)
    add_person(store, "Demo Supervisor Q", "supervisor", credentials=["CCM", "LCSW"])
    add_person(store, "Demo Supervisor R", "supervisor", credentials=["LCSW"])
    for sup in SUPERVISORS:
        key = demo_key_path(path, sup)
        for earlier in (key, public_path_for(key)):  # demo keys of an earlier demo log at this place
            earlier.unlink(missing_ok=True)
        make_key(store, sup, key)
    add_person(store, "Demo Learner A", "learner", degree_level="bachelor", degree_field="social_work",
               degree_date=today - 3 * y, credentials=["LBSW"])
    add_person(store, "Demo Learner B", "learner", degree_level="bachelor", degree_field="nursing",
               degree_date=today - 2 * y, credentials=["RN"])
    add_person(store, "Demo Learner C", "learner", degree_level="master", degree_field="social_work",
               degree_date=today - y - timedelta(days=60), credentials=["LMSW"])
    rows: list[dict] = []
    # A: a BSW in social services; an unpaid placement before the degree, then ~6 h a day.
    rows += _work(rng, "Demo Learner A", today - 3 * y - timedelta(days=130), today - 3 * y - timedelta(days=10), 4,
                  "social_services", "Demo Supervisor Q", paid=False)
    rows += _work(rng, "Demo Learner A", today - 2 * y - timedelta(days=200), today - timedelta(days=1), 6.0,
                  "social_services", "Demo Supervisor Q")
    # B: an RN in a hospital, full-time, supervised first by R then by Q (a CCM).
    rows += _work(rng, "Demo Learner B", today - y - timedelta(days=150), today - timedelta(days=200), 7.6,
                  "health_care", "Demo Supervisor R")
    rows += _work(rng, "Demo Learner B", today - timedelta(days=199), today - timedelta(days=1), 7.6,
                  "health_care", "Demo Supervisor Q")
    # C: an MSW in disability management, part-time, with some training days.
    rows += _work(rng, "Demo Learner C", today - y, today - timedelta(days=2), 4.5,
                  "disability_management", "Demo Supervisor Q")
    for k in range(6):
        rows.append(dict(learner="Demo Learner C", date=today - y + timedelta(days=30 * k + 3), hours=3.0,
                         category="training", setting="disability_management", paid=True,
                         supervisor="Demo Supervisor Q", note="in-service training"))
    frame = pd.DataFrame(rows)
    frame["date"] = frame["date"].map(date.isoformat)
    frame["hours"] = frame["hours"].map(lambda h: f"{h:g}")
    frame["paid"] = frame["paid"].map({True: "yes", False: "no"})
    parsed, problems = parse_frame(frame.astype(str), rows=np.arange(2, len(frame) + 2), today=today)
    ids = write_entries(store, parsed, problems, source="demo")
    cutoff = today - timedelta(weeks=pending_weeks)
    old = [i for i, d in zip(ids, frame["date"]) if date.fromisoformat(d) <= cutoff]
    by_sup: dict[str, list[str]] = {}
    for i, sup in zip(ids, frame["supervisor"]):
        by_sup.setdefault(sup, []).append(i)
    old_set = set(old)
    for sup, sup_ids in by_sup.items():
        approve_entries(store, sup, key=load_signing_key(demo_key_path(path, sup)),
                        entry_ids=[i for i in sup_ids if i in old_set])
    return store
