"""Inserting many rows into one table quickly, inside the caller's transaction.

On SQLite each statement inserts a block of rows (``INSERT ... VALUES (...), (...), ...``):
one prepared statement binds a few thousand values and SQLite inserts them in one step,
which costs about a third less per row than one statement a row. Other databases get
``executemany``, which their drivers already send in batches.
"""

from __future__ import annotations

from itertools import chain, islice
from typing import Callable, Iterable, Sequence

# Rows a SQLite statement inserts at once: large enough that the per-statement work is
# small, small enough to stay under SQLite's limit on bound values (32,766 since 3.32).
SQLITE_BLOCK_ROWS = 250
REPORT_EVERY = 50_000


def insert_rows(
    conn,
    table: str,
    columns: Sequence[str],
    rows: Iterable[tuple],
    n: int,
    *,
    constants: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Insert ``n`` rows (tuples in the order of ``columns``) into ``table``.

    ``constants`` maps further columns to SQL literals written once into the statement
    (the same value in every row, e.g. ``{"status": "'pending'"}``); they must be the
    caller's own text, never user input. ``progress(done, n)`` is called now and then.
    """
    constants = constants or {}
    names = ", ".join(list(columns) + list(constants))
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    one = "(" + ", ".join([mark] * len(columns) + list(constants.values())) + ")"
    head = f"INSERT INTO {table} ({names}) VALUES "
    rows = iter(rows)
    if conn.dialect.name != "sqlite":
        for start in range(0, n, REPORT_EVERY):
            stop = min(n, start + REPORT_EVERY)
            conn.exec_driver_sql(head + one, list(islice(rows, stop - start)))
            if progress is not None:
                progress(stop, n)
        return
    block = max(1, min(SQLITE_BLOCK_ROWS, _sqlite_variable_limit(conn) // max(1, len(columns))))
    width = len(columns)
    values = chain.from_iterable(rows)
    full_sql = head + ", ".join([one] * block)
    done, reported = 0, 0
    while done < n:
        k = min(block, n - done)
        sql = full_sql if k == block else head + ", ".join([one] * k)
        conn.exec_driver_sql(sql, tuple(islice(values, k * width)))
        done += k
        if progress is not None and (done - reported >= REPORT_EVERY or done == n):
            progress(done, n)
            reported = done


def _sqlite_variable_limit(conn) -> int:
    raw = conn.connection.dbapi_connection
    try:
        import sqlite3

        return int(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, Exception):  # pragma: no cover - Python before 3.11
        return 999
