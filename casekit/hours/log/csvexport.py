"""Writing the log out as CSV, in the same columns ``casekit hours import`` reads.

An exported file re-imports into another log with the same entry ids (entries arrive
pending there: approval belongs to the log where it was given).
"""

from __future__ import annotations

import io
import os
from typing import TextIO

from casekit.csvsafe import neutralise_frame
from casekit.hours.log.logbook import list_entries
from casekit.hours.storage.database import Store

EXPORT_COLUMNS = ("entry_id", "learner", "date", "hours", "category", "setting", "paid", "supervisor", "note", "status")


def export_frame(store: Store, *, learner: str | None = None, status: str | None = None):
    """The entries as a table with :data:`EXPORT_COLUMNS`, oldest first."""
    frame = list_entries(store, learner=learner, status=status).iloc[::-1].reset_index(drop=True)
    # Hours to four decimals re-import to the same whole minute.
    frame["hours"] = frame["hours"].round(4)
    frame["paid"] = frame["paid"].map({True: "yes", False: "no"})
    frame["date"] = frame["date"].astype(str)
    return frame[list(EXPORT_COLUMNS)]


def export_csv(store: Store, to: str | os.PathLike | TextIO | io.TextIOBase | None = None, **filters) -> str | None:
    """Write the CSV to ``to`` (a path or open text file); with None, return it as text.

    A text cell a spreadsheet would run as a formula starts with an apostrophe (:mod:`casekit.csvsafe`).
    """
    frame = neutralise_frame(export_frame(store, **filters))
    if to is None:
        return frame.to_csv(index=False)
    if hasattr(to, "write"):
        frame.to_csv(to, index=False)
        return None
    frame.to_csv(os.fspath(to), index=False)
    return None
