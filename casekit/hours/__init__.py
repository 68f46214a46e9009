"""The supervised-practice hours log.

A durable log of supervised practice (people and entries, in SQLite or any SQLAlchemy
database), credential rules as data (``credentials.yaml``, each figure with its source),
a generic engine that measures each learner against each rule, and the front ends over
it: the ``casekit hours`` command, the supervisor dashboard and the HTML report.

Approvals are signed: each supervisor has an Ed25519 key (:mod:`casekit.hours.keys`),
approving signs every entry's counted fields (:mod:`casekit.hours.signing`), entries are
never edited or deleted but corrected (:mod:`casekit.hours.corrections`), every change is
recorded in a hash-chained audit log (:mod:`casekit.hours.audit`), and
:mod:`casekit.hours.verify` checks all of it, from the database or from an exported file.

Typical use::

    from casekit.hours import open_store, add_entry, learner_progress
    store = open_store()                      # or open_store("path/to/log.sqlite")
    add_entry(store, learner="Demo Learner A", date="2026-03-02", hours=7.5,
              category="care_coordination", setting="health_care", supervisor="Demo Supervisor Q")
    keygen(store, "Demo Supervisor Q", "q.pem")            # once per supervisor
    approve_entries(store, "Demo Supervisor Q", key="q.pem")
    print(learner_progress(store, "Demo Learner A").to_text())
    print(verify_store(store, "Demo Learner A")[0].to_text())
"""

from casekit.hours.trust.approval import approve_entries, pending_for
from casekit.hours.credit.cohort import progress_all
from casekit.hours.log.corrections import correct_entry
from casekit.hours.log.csvexport import export_csv
from casekit.hours.log.csvimport import import_csv
from casekit.hours.log.entries import threshold_fields
from casekit.hours.errors import EntryRejected, HoursError
from casekit.hours.trust.signing_keys import keygen, load_signing_key, register_key
from casekit.hours.credit.credential_progress import learner_progress
from casekit.hours.log.logbook import add_entry, list_entries
from casekit.hours.credit.pathways import find_pathways
from casekit.hours.log.people import add_people, add_person, get_person, list_people
from casekit.hours.credit.credentials import load_rules
from casekit.hours.storage.database import open_store
from casekit.hours.trust.verify import verify_store

__all__ = [
    "add_entry", "add_people", "add_person", "approve_entries", "correct_entry", "EntryRejected", "export_csv",
    "find_pathways", "get_person", "HoursError", "import_csv", "keygen", "learner_progress", "list_entries",
    "list_people", "load_rules", "load_signing_key", "open_store", "pending_for", "progress_all", "register_key",
    "threshold_fields", "verify_store",
]
