"""Corrections: an entry and its corrections are one piece of work, counted once, at the version that counts.

The rule (casekit/hours/supersession.py): an approved entry keeps counting until its
correction is approved; meanwhile the pending correction is a change waiting for approval,
never added on top; once approved, only the correction counts.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from click.testing import CliRunner
from sqlalchemy import text

from casekit.cli.hours import hours as hours_cli
from casekit.hours.approval import approve_entries
from casekit.hours.cohort import progress_all
from casekit.hours.corrections import correct_entry
from casekit.hours.learner import learner_progress
from casekit.hours.logbook import add_entry, list_entries
from casekit.hours.report import hours_by_month, live_entries
from casekit.hours.store import open_store
from casekit.hours.supersession import CURRENT_SQL, resolve_versions
from casekit.hours.verify import verify_store

from .helpers import key_for, version_lines

A, Q = "Demo Learner A", "Demo Supervisor Q"
AS_OF = date(2024, 6, 1)


def _log(store, hours=7.5, day="2024-03-04"):
    """One paid, supervised day of direct client work in social services (C-SWCM counts it; ACM-SW does not)."""
    return add_entry(store, learner=A, date=day, hours=hours, category="direct_client_work",
                     setting="social_services", supervisor=Q)


def _approve(store, *ids):
    approve_entries(store, Q, key=key_for(store, Q), entry_ids=list(ids))


def _swcm(store):
    """(approved, pending) hours toward C-SWCM's 4,500 hours, from the table for every learner."""
    t = progress_all(store, as_of=AS_OF)
    row = t[(t["learner"] == A) & (t["credential"] == "C-SWCM") & (t["measure"] == "hours")].iloc[0]
    return float(row["value"]), float(row["pending"])


def _numbers(store):
    """What a learner and a board read: logged, pending, pace, hours not counted, and verification's counts."""
    lp = learner_progress(store, A, as_of=AS_OF)
    swcm = lp.credential("C-SWCM").routes[0]
    acm = lp.credential("ACM-SW").routes[0]
    (v,) = verify_store(store, A)
    assert v.ok, v.to_text()
    return {"progress_all": _swcm(store), "logged": lp.total_hours, "pending": lp.pending_hours,
            "pace": round(swcm.pace_hours_per_week, 4), "not_counted": sum(e.hours for e in acm.not_counted),
            "verified_hours": v.approved_minutes_verified / 60, "entries": (v.entries, v.approved, v.pending, v.replaced),
            "text": lp.to_text(), "lp": lp}


def test_an_approved_entry_counts_once_while_its_correction_waits_then_only_the_correction(store, people):
    """Do progress_all, the learner's progress and verify count 7.5 h before, during and 6.5 h after a correction
    of an approved entry, never 14 h, and show the waiting correction as a change?"""
    entry = _log(store)
    pending = _numbers(store)
    assert pending["progress_all"] == (0.0, 7.5) and (pending["logged"], pending["pending"]) == (7.5, 7.5)

    _approve(store, entry)
    approved = _numbers(store)
    assert approved["progress_all"] == (7.5, 0.0) and (approved["logged"], approved["pending"]) == (7.5, 0.0)
    assert approved["not_counted"] == 7.5 and approved["verified_hours"] == 7.5
    assert approved["entries"] == (1, 1, 0, 0)

    fix = correct_entry(store, entry, hours=6.5)
    waiting = _numbers(store)
    for k in ("progress_all", "logged", "pending", "pace", "not_counted", "verified_hours"):
        assert waiting[k] == approved[k], k
    assert waiting["entries"] == (2, 1, 1, 0)
    (change,) = waiting["lp"].pending_corrections
    assert (change.entry_id, change.replaces, change.hours, change.was_hours) == (fix, entry, 6.5, 7.5)
    assert change.change_hours == -1.0 and change.changes == ("6.50 h in place of 7.50 h",)
    assert "Logged 7.5 h (6.5 h pending approval, 6.5 h of it in 1 correction of an approved entry" in waiting["text"]
    assert "1 correction of an approved entry pending approval: 6.5 h in place of 7.5 h (-1.0 h)" in waiting["text"]
    assert "(7.5 h)" in waiting["text"] and "14.0" not in waiting["text"]

    _approve(store, fix)
    done = _numbers(store)
    assert done["progress_all"] == (6.5, 0.0) and (done["logged"], done["pending"]) == (6.5, 0.0)
    assert done["not_counted"] == 6.5 and done["verified_hours"] == 6.5
    assert done["entries"] == (2, 2, 0, 1)
    assert done["lp"].pending_corrections == [] and "correction" not in done["text"]


def test_a_pending_correction_corrected_again_replaces_the_approved_entry_once_approved(store, people):
    """When a waiting correction is itself corrected and that is approved, does only the last version count
    (not the first approved entry as well)?"""
    entry = _log(store, hours=4)
    _approve(store, entry)
    first_fix = correct_entry(store, entry, hours=3)
    second_fix = correct_entry(store, first_fix, hours=2)
    waiting = _numbers(store)
    assert waiting["progress_all"] == (4.0, 0.0) and waiting["logged"] == 4 and waiting["verified_hours"] == 4
    assert [(c.entry_id, c.replaces, c.hours) for c in waiting["lp"].pending_corrections] == [(second_fix, entry, 2.0)]
    _approve(store, second_fix)
    done = _numbers(store)
    assert done["progress_all"] == (2.0, 0.0) and (done["logged"], done["pending"]) == (2.0, 0.0)
    assert done["verified_hours"] == 2 and done["entries"] == (3, 2, 1, 2)
    assert done["lp"].pending_corrections == []


def test_the_report_counts_a_corrected_day_once(store, people, tmp_path):
    """Does the report's hours-by-month table show the approved 7.5 h while its correction waits, and name the
    waiting correction?"""
    entry = _log(store)
    _approve(store, entry)
    correct_entry(store, entry, hours=6.5, note="half an hour was a break")
    table = hours_by_month(live_entries(list_entries(store, learner=A)))
    assert table.loc["2024-03", "total"] == 7.5 and table.loc["2024-03", "of which pending"] == 0
    from casekit.hours.report import write_report

    page = write_report(store, A, tmp_path / "a.html", as_of=AS_OF).read_text()
    assert "Logged 7.5 h; 6.5 h pending approval, 6.5 h of it in 1 correction of an approved entry" in page
    assert "6.5 h in place of 7.5 h (-1.0 h)" in page


def test_the_command_line_shows_a_waiting_correction_as_a_change(tmp_path):
    """Run as a reviewer would: add, approve, correct; does `progress` say 7.5 h logged with a -1.0 h change waiting,
    and `verify` count 7.50 h?"""
    db, key, runner = tmp_path / "cli.sqlite", tmp_path / "sam.pem", CliRunner()

    def run(*args):
        result = runner.invoke(hours_cli, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
        return result.output

    run("person", "add", "Demo Supervisor S", "--role", "supervisor")
    run("person", "add", "Demo Learner L", "--degree", "bachelor", "--field", "social_work", "--degree-date", "2020-06-01")
    added = run("add", "--learner", "Demo Learner L", "--date", "2024-03-04", "--hours", "7.5", "--category",
                "direct_client_work", "--setting", "social_services", "--supervisor", "Demo Supervisor S")
    entry = re.search(r"entry ([0-9a-f]{32})", added).group(1)
    run("keygen", "Demo Supervisor S", "--to", str(key), "--no-passphrase")
    run("approve", "--supervisor", "Demo Supervisor S", "--key", str(key), "--all")
    before = run("progress", "Demo Learner L", "--as-of", "2024-06-01")
    run("correct", entry, "--hours", "6.5")
    during = run("progress", "Demo Learner L", "--as-of", "2024-06-01")
    assert "Logged 7.5 h (6.5 h pending approval, 6.5 h of it in 1 correction" in during and "6.5 h in place of 7.5 h (-1.0 h)" in during
    assert re.findall(r"pace [0-9.]+ h/week", during) == re.findall(r"pace [0-9.]+ h/week", before)
    assert re.findall(r"not counted: .*", during) == re.findall(r"not counted: .*", before)
    assert "(7.50 h counting" in run("verify")


def test_the_sql_and_python_forms_of_the_rule_agree(tmp_path):
    """On every line of up to four versions, pending or approved, do the database (CURRENT_SQL) and Python
    (resolve_versions) pick the same current versions?"""
    store = open_store(tmp_path / "lines.sqlite")
    try:
        rows = version_lines(store)
        with store.read() as conn:
            in_sql = {r[0] for r in conn.execute(text(f"SELECT entry_id FROM hours_entries WHERE {CURRENT_SQL}"))}
        versions = resolve_versions(rows)
        assert in_sql == {eid for eid, _, _ in rows if versions.is_current(eid)}
        # and the rule itself, on the line approved, pending, approved, pending: the second approved counts
        by_line = {}
        for eid, _sup, st in rows:
            by_line.setdefault(eid[:8], []).append((eid, st))
        line = next(v for v in by_line.values() if [s for _, s in v] == ["approved", "pending", "approved", "pending"])
        assert [versions.is_current(e) for e, _ in line] == [False, False, True, False]
        assert versions.waiting[line[3][0]] == line[2][0]
    finally:
        store.close()


def test_every_line_has_exactly_one_current_version():
    """Whatever the statuses along a line, is exactly one version current?"""
    for n in range(1, 5):
        for statuses in itertools.product(("pending", "approved"), repeat=n):
            ids = [f"v{i}" for i in range(n)]
            rows = [(ids[i], ids[i - 1] if i else None, statuses[i]) for i in range(n)]
            versions = resolve_versions(rows)
            assert sum(versions.is_current(e) for e in ids) == 1, statuses
