"""Cells a spreadsheet would run as a formula, made plain text before they go into a CSV export.

Excel, LibreOffice and Google Sheets treat a cell that begins with ``=``, ``+``, ``-`` or ``@``
(and, in some, a tab or carriage return) as a formula: an hours note ``=HYPERLINK(...)`` or a
learner id taken from a file name would run when the export is opened. The usual defence
(OWASP, "CSV Injection") is to start such a cell with an apostrophe, which spreadsheets show
as text and do not display. Numbers are left as they are, so ``-2.5`` stays a number.
:func:`restore` undoes it for a file read back in.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def neutralise(value):
    """``value`` safe for a spreadsheet: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _is_number(value):
        return QUOTE + value
    return value


def restore(value):
    """The value :func:`neutralise` was given, for a cell read back from an export."""
    if isinstance(value, str) and value.startswith(QUOTE) and value[1:].startswith(FORMULA_START) \
            and not _is_number(value[1:]):
        return value[1:]
    return value


def neutralise_row(row) -> list:
    """Every cell of a CSV row through :func:`neutralise`."""
    return [neutralise(v) for v in row]


def neutralise_frame(frame):
    """A copy of a pandas table with every text cell through :func:`neutralise`."""
    from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

    out = frame.copy()
    for column in out.columns:
        kind = out[column].dtype
        if not (is_numeric_dtype(kind) or is_bool_dtype(kind) or is_datetime64_any_dtype(kind)):
            out[column] = out[column].astype(object).map(neutralise)
    return out
