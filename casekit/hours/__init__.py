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

_WHERE = {
    'add_entry': 'casekit.hours.log.logbook',
    'add_people': 'casekit.hours.log.people',
    'add_person': 'casekit.hours.log.people',
    'approve_entries': 'casekit.hours.trust.approval',
    'correct_entry': 'casekit.hours.log.corrections',
    'EntryRejected': 'casekit.hours.errors',
    'export_csv': 'casekit.hours.log.csvexport',
    'find_pathways': 'casekit.hours.credit.pathways',
    'get_person': 'casekit.hours.log.people',
    'HoursError': 'casekit.hours.errors',
    'import_csv': 'casekit.hours.log.csvimport',
    'keygen': 'casekit.hours.trust.signing_keys',
    'learner_progress': 'casekit.hours.credit.credential_progress',
    'list_entries': 'casekit.hours.log.logbook',
    'list_people': 'casekit.hours.log.people',
    'load_rules': 'casekit.hours.credit.credentials',
    'load_signing_key': 'casekit.hours.trust.signing_keys',
    'open_store': 'casekit.hours.storage.database',
    'pending_for': 'casekit.hours.trust.approval',
    'progress_all': 'casekit.hours.credit.cohort',
    'register_key': 'casekit.hours.trust.signing_keys',
    'threshold_fields': 'casekit.hours.storage.models',
    'verify_store': 'casekit.hours.trust.verify',
}
"""Each name this package offers and the module that defines it: imported when first used, so that
opening the log for one command does not load the dashboard, pandas or the signing library."""


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'casekit.hours' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


__all__ = [
    "add_entry", "add_people", "add_person", "approve_entries", "correct_entry", "EntryRejected", "export_csv",
    "find_pathways", "get_person", "HoursError", "import_csv", "keygen", "learner_progress", "list_entries",
    "list_people", "load_rules", "load_signing_key", "open_store", "pending_for", "progress_all", "register_key",
    "threshold_fields", "verify_store",
]
