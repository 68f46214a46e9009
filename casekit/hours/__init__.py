"""The supervised-practice hours log.

A durable log of supervised practice (people and entries, in SQLite or any SQLAlchemy
database), credential rules as data (``credentials.yaml``, each figure with its source),
a generic engine that measures each learner against each rule, and the front ends over
it: the ``casekit hours`` command, the supervisor dashboard and the HTML report.

Typical use::

    from casekit.hours import open_store, add_entry, learner_progress
    store = open_store()                      # or open_store("path/to/log.sqlite")
    add_entry(store, learner="Demo Learner A", date="2026-03-02", hours=7.5,
              category="care_coordination", setting="health_care", supervisor="Demo Supervisor Q")
    print(learner_progress(store, "Demo Learner A").to_text())
"""

from casekit.hours.approval import approve_entries, pending_for
from casekit.hours.cohort import progress_all
from casekit.hours.csvexport import export_csv
from casekit.hours.csvimport import import_csv
from casekit.hours.entries import threshold_fields
from casekit.hours.errors import EntryRejected, HoursError
from casekit.hours.learner import learner_progress
from casekit.hours.logbook import add_entry, list_entries
from casekit.hours.pathways import find_pathways
from casekit.hours.people import add_people, add_person, get_person, list_people
from casekit.hours.rules import load_rules
from casekit.hours.store import open_store

__all__ = [
    "add_entry", "add_people", "add_person", "approve_entries", "EntryRejected", "export_csv", "find_pathways",
    "get_person", "HoursError", "import_csv", "learner_progress", "list_entries", "list_people", "load_rules",
    "open_store", "pending_for", "progress_all", "threshold_fields",
]
