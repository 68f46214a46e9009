"""Real processes: two writers at once lose nothing; a killed import leaves the log as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from casekit.hours.logbook import add_entry, list_entries
from casekit.hours.migrations import MIGRATIONS
from casekit.hours.people import add_person
from casekit.hours.store import open_store

from .helpers import entry_row, write_csv

_WRITER = textwrap.dedent("""
    import os, sys, time
    from datetime import date, timedelta
    from casekit.hours.store import open_store
    from casekit.hours.logbook import add_entry
    from casekit.hours.errors import EntryRejected
    db, go, learner, n, hours, same_day = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6] == "1"
    store = open_store(db)
    while not os.path.exists(go):
        time.sleep(0.002)
    ok = rejected = 0
    for i in range(n):
        day = date(2024, 1, 1) if same_day else date(2023, 1, 1) + timedelta(days=i)
        try:
            add_entry(store, learner=learner, date=day, hours=hours, category="care_coordination",
                      setting="health_care", supervisor="Demo Supervisor Q", note=f"block {os.getpid()}-{i}")
            ok += 1
        except EntryRejected as exc:
            assert "24 hours" in str(exc), exc
            rejected += 1
    print(ok, rejected)
""")

_FIRST_OPEN = textwrap.dedent("""
    import os, sys, time
    go = sys.argv[2]
    while not os.path.exists(go):
        time.sleep(0.002)
    from casekit.hours.store import open_store
    from casekit.hours.people import add_person
    store = open_store(sys.argv[1])
    add_person(store, sys.argv[3], "learner")
    print("ok")
""")


def _spawn(script: str, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _start_together(procs: list[subprocess.Popen], go: Path) -> list[str]:
    time.sleep(1.0)  # let every process import the library and reach the start line
    go.touch()
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        outs.append(out.strip())
    return outs


def _setup(tmp_path) -> Path:
    db = tmp_path / "shared.sqlite"
    s = open_store(db)
    add_person(s, "Demo Supervisor Q", "supervisor", credentials=["CCM"])
    for k in "ABC":
        add_person(s, f"Demo Learner {k}", "learner")
    s.close()
    return db


def test_three_processes_adding_at_once_lose_nothing(tmp_path):
    """Do three processes logging 80 entries each into one SQLite file at the same time all succeed, with all 240 stored?"""
    db, go = _setup(tmp_path), tmp_path / "go"
    procs = [_spawn(_WRITER, db, go, f"Demo Learner {k}", 80, "1", "0") for k in "ABC"]
    outs = _start_together(procs, go)
    assert outs == ["80 0"] * 3
    s = open_store(db)
    frame = list_entries(s)
    assert len(frame) == 240
    assert frame.groupby("learner").size().to_dict() == {f"Demo Learner {k}": 80 for k in "ABC"}
    assert frame["entry_id"].is_unique
    s.close()


def test_racing_writers_cannot_exceed_24_hours_in_a_day(tmp_path):
    """When three processes add 5 h entries for one learner on one day at once, are exactly four (20 h) kept?"""
    db, go = _setup(tmp_path), tmp_path / "go"
    procs = [_spawn(_WRITER, db, go, "Demo Learner A", 3, "5", "1") for _ in range(3)]
    outs = _start_together(procs, go)
    accepted = sum(int(o.split()[0]) for o in outs)
    rejected = sum(int(o.split()[1]) for o in outs)
    assert (accepted, rejected) == (4, 5)
    s = open_store(db)
    assert list_entries(s)["hours"].sum() == 20
    s.close()


def test_processes_creating_a_new_log_at_once_migrate_it_once(tmp_path):
    """When three processes open a log that does not exist yet, is it migrated exactly once and usable by all?"""
    db, go = tmp_path / "fresh.sqlite", tmp_path / "go"
    procs = [_spawn(_FIRST_OPEN, db, go, f"Demo Learner {k}") for k in "XYZ"]
    assert _start_together(procs, go) == ["ok"] * 3
    s = open_store(db)
    with s.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM hours_migrations")).scalar() == len(MIGRATIONS)
        assert conn.execute(text("SELECT count(*) FROM hours_people")).scalar() == 3
    s.close()


_IMPORTER = textwrap.dedent("""
    import sys, time
    from datetime import date
    from casekit.hours.store import open_store
    from casekit.hours.csvimport import import_csv
    def progress(done, total):
        print("progress", done, total, flush=True)
        time.sleep(30)  # hold the transaction open so the test can kill us mid-way
    import_csv(open_store(sys.argv[1]), sys.argv[2], progress=progress)
    print("done", flush=True)
""")


def _wait_for_line(path: Path, prefix: str, proc: subprocess.Popen, timeout: float = 90) -> str:
    """The first line of ``path`` starting with ``prefix``, waiting for the process to write it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in path.read_text().splitlines():
            if line.startswith(prefix):
                return line
        if proc.poll() is not None:
            break
        time.sleep(0.02)
    return ""


def test_an_import_killed_mid_way_leaves_the_log_as_it_was(tmp_path):
    """Is the log unchanged, intact and writable after SIGKILL to a process in the middle of a large import?"""
    db = _setup(tmp_path)
    s = open_store(db)
    before_id = add_entry(s, learner="Demo Learner A", date="2023-05-01", hours=3, category="documentation",
                          setting="health_care", supervisor="Demo Supervisor Q")
    s.close()
    start = date(2000, 1, 1)  # 120,000 one-hour entries: 3 learners x 6 a day x 6,667 days
    rows = [entry_row(learner=f"Demo Learner {'ABC'[i % 3]}", date=(start + timedelta(days=i // 18)).isoformat(), hours="1")
            for i in range(120_000)]
    csv_path = write_csv(tmp_path / "big.csv", rows)
    out, err = tmp_path / "importer.out", tmp_path / "importer.err"
    with open(out, "w") as fo, open(err, "w") as fe:  # files, not pipes: a chatty child cannot block
        proc = subprocess.Popen([sys.executable, "-c", _IMPORTER, str(db), str(csv_path)], stdout=fo, stderr=fe)
    try:
        line = _wait_for_line(out, "progress", proc)
        assert line.startswith("progress 50000 120000"), (line, err.read_text()[-2000:])
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert "done" not in out.read_text()

    s = open_store(db)
    with s.read() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert list_entries(s)["entry_id"].tolist() == [before_id]
    add_entry(s, learner="Demo Learner B", date="2023-05-02", hours=1, category="documentation",
              setting="health_care", supervisor="Demo Supervisor Q")
    assert len(list_entries(s)) == 2
    s.close()
