"""Importing entries from a CSV file: all rows or none.

The file is read with pandas (repeated values such as names, dates and categories are
parsed once each), every row is checked, and only if every row is good are they all
inserted, in one transaction. A file with bad rows is refused with every bad row listed;
a process killed part-way leaves the log as it was, because the transaction never commits.
"""

from __future__ import annotations

import csv
import os
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from casekit.csvsafe import restore
from casekit.hours.log.entries import COLUMNS, REQUIRED, parse_frame
from casekit.hours.errors import EntryRejected, HoursError, RowProblem
from casekit.hours.log.logbook import write_entries
from casekit.hours.storage.database import Store

# Columns an export writes that an import reads but does not take: imported entries are
# always pending, because approval belongs to the log where it was given.
IGNORED_COLUMNS = ("status",)
# Read as categories: these repeat, so each distinct value is stored and parsed once.
_CATEGORY_COLUMNS = ("learner", "date", "hours", "category", "setting", "paid", "supervisor", "note")


@dataclass
class ImportResult:
    path: Path
    count: int
    entry_ids: list[str] = field(repr=False)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        what = "1 entry" if self.count == 1 else f"{self.count:,} entries"
        lines = [f"imported {what} from {self.path.name} (pending until a supervisor approves them)"]
        return "\n".join(lines + self.notes)


def _read(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise HoursError(f"{path}: no such file; give the path of a CSV file with a header row")
    if path.is_dir():
        raise HoursError(f"{path}: is a folder; give the path of a CSV file")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        try:
            header = next(csv.reader(fh), None)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise HoursError(f"{path}: cannot be read as UTF-8 CSV ({exc}); save it as CSV UTF-8 and try again") from None
    if not header or not any(h.strip() for h in header):
        raise HoursError(f"{path}: is empty; the first row must name the columns: {', '.join(COLUMNS)}")
    names = [h.strip().lower() for h in header]
    unknown = [h for h in names if h not in COLUMNS and h not in IGNORED_COLUMNS]
    missing = [c for c in REQUIRED if c not in names]
    dups = sorted({h for h in names if names.count(h) > 1})
    problems = []
    if unknown:
        problems.append(f"unknown column(s) {', '.join(repr(u) for u in unknown)}")
    if missing:
        problems.append(f"missing column(s) {', '.join(missing)}")
    if dups:
        problems.append(f"repeated column(s) {', '.join(dups)}")
    if problems:
        raise HoursError(
            f"{path}: header row: {'; '.join(problems)}. The columns are {', '.join(COLUMNS)} "
            f"({', '.join(REQUIRED)} required; supervisor, note and entry_id optional)"
        )
    dtypes = {h: ("category" if n in _CATEGORY_COLUMNS else object) for h, n in zip(header, names)}
    try:
        with warnings.catch_warnings():
            # pandas only warns when the first data row is longer than the header
            warnings.simplefilter("error", pd.errors.ParserWarning)
            # In one pass (low_memory=False): in chunks, pandas parses each chunk's categories and
            # then merges them, which takes twice as long; the whole file's tokens cost tens of MB.
            frame = pd.read_csv(
                path, dtype=dtypes, keep_default_na=False, na_filter=False, encoding="utf-8-sig",
                index_col=False, on_bad_lines="error", low_memory=False,
                skip_blank_lines=False,  # a blank line is a row of the spreadsheet: later rows keep their numbers
            )
    except pd.errors.ParserWarning:
        raise HoursError(f"{path}: row 2 has more fields than the header; every row must have the same "
                         "columns as the header (a comma inside a note needs the note in double quotes)") from None
    except pd.errors.ParserError as exc:
        detail = str(exc).replace("Error tokenizing data. C error: ", "").strip()
        raise HoursError(f"{path}: {detail}; every row must have the same columns as the header "
                         "(a comma inside a note needs the note in double quotes)") from None
    except UnicodeDecodeError as exc:
        raise HoursError(f"{path}: is not UTF-8 text ({exc.reason}{_first_bad_line(path)}); save it as CSV UTF-8 "
                         "(in a spreadsheet: Save As, CSV UTF-8)") from None
    frame.columns = names
    _restore_formula_cells(frame)
    return frame


def _first_bad_line(path: Path) -> str:
    """", on line N" for the first line of ``path`` that is not UTF-8 (the line as a text editor counts it)."""
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            return f", on line {number}"
    return ""


def _restore_formula_cells(frame: pd.DataFrame) -> None:
    """Undo the apostrophe an export puts before a cell a spreadsheet would run as a formula.

    ``casekit hours export`` writes a note ``=SUM(A1)`` as ``'=SUM(A1)`` (:mod:`casekit.csvsafe`);
    read back, it is the note that was logged. Each distinct value is looked at once. Entry
    ids are not looked at: they are hexadecimal digits, which never start a formula.
    """
    for column in frame.columns:
        values = frame[column]
        if not isinstance(values.dtype, pd.CategoricalDtype):
            continue
        categories = [str(c) for c in values.cat.categories]
        restored = [restore(c) for c in categories]
        if restored != categories:
            texts = np.empty(len(restored), dtype=object)
            texts[:] = restored
            frame[column] = pd.Categorical(texts[values.cat.codes.to_numpy()])


def import_csv(
    store: Store,
    path: str | os.PathLike,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import every row of the CSV at ``path``, or none of them.

    Rows are numbered as in a spreadsheet (the header is row 1). Raises
    :class:`EntryRejected` listing every bad row; the log is then unchanged.
    ``progress(done, total)`` is called as rows are written.
    """
    path = Path(path)
    frame = _read(path)
    if len(frame) == 0:
        raise HoursError(f"{path}: has a header but no entries")
    notes = []
    if "status" in frame.columns:
        notes.append("the status column was not imported: imported entries are pending until approved in this log")
    rows = np.arange(2, len(frame) + 2, dtype=np.int64)
    blank = np.logical_and.reduce([(frame[c] == "").to_numpy() for c in frame.columns])
    if blank.any():  # empty rows are left out, and every other row keeps its spreadsheet number
        frame, rows = frame[~blank].reset_index(drop=True), rows[~blank]
        if len(frame) == 0:
            raise HoursError(f"{path}: has a header but no entries")
    parsed, problems = parse_frame(frame, rows=rows, today=today)
    del frame
    try:
        ids = write_entries(store, parsed, problems, source=path.name, progress=progress)
    except EntryRejected as exc:
        if exc.source is None:  # pragma: no cover - write_entries always names the source
            raise EntryRejected(exc.problems, path.name) from None
        raise
    return ImportResult(path=path, count=len(ids), entry_ids=ids, notes=notes)


__all__ = ["ImportResult", "import_csv", "RowProblem"]
