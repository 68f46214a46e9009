"""The hours log's exceptions.

Every one subclasses :class:`casekit.errors.CasekitError` (a ``ValueError``), so the
command line shows its message as one clear line and exits 1. Messages name the row or
field that was wrong and say how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass

from casekit.errors import CasekitError


class HoursError(CasekitError):
    """Something the hours log refused; the message says what and how to fix it."""


class StoreError(HoursError):
    """The log's database cannot be opened or used."""


class StoreBusyError(StoreError):
    """Another process held the log's write lock for longer than the busy timeout."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of the kit."""


def store_error(where: str, driver_message: str, busy_timeout_ms: int) -> StoreError:
    """The error to show for a database error ``driver_message`` on the log at ``where``."""
    if "locked" in driver_message or "busy" in driver_message:
        return StoreBusyError(
            f"the hours log {where} is busy: another process held its write lock "
            f"for more than {busy_timeout_ms // 1000} s; try again when it has finished"
        )
    return StoreError(f"the hours log {where} could not be used: {driver_message}")


class UnknownPersonError(HoursError):
    """A learner or supervisor name that is not in the log."""


class PersonError(HoursError):
    """A person record that cannot be added as given."""


class ApprovalError(HoursError):
    """Entries that the named supervisor may not approve."""


class KeyFileError(HoursError):
    """A supervisor's key file that cannot be written, read or used (missing, truncated, corrupt, unprotected)."""


class PassphraseError(KeyFileError):
    """A key file's passphrase is wrong, missing, or given for a key that has none."""


class PassphraseRequired(PassphraseError):
    """The key file is passphrase-protected and no passphrase was given (a front end may ask for one)."""


class KeyRegistrationError(HoursError):
    """A public key that cannot be registered, or a key that is not registered in this log."""


class CorrectionError(HoursError):
    """A correction that cannot be logged as given (the entry it corrects is missing or already corrected)."""


class SignedFileError(HoursError):
    """A signed export (JSON, or a report with one inside) that cannot be read."""


@dataclass(frozen=True)
class RowProblem:
    """One problem with one entry: the row (spreadsheet numbering) or None, the field, what to do."""

    row: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}: {self.field}" if self.row is not None else self.field
        return f"{where}: {self.message}"


# Every problem is kept on the exception; the message spells out this many in full and
# lists the remaining rows by number, so a file with a million bad rows stays readable.
_SHOWN_IN_FULL = 200


class EntryRejected(HoursError):
    """One or more entries were refused; nothing was written.

    ``problems`` holds every problem found, in row order.
    """

    def __init__(self, problems: list[RowProblem], source: str | None = None):
        self.problems = sorted(problems, key=lambda p: (p.row if p.row is not None else -1, p.field))
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        probs = self.problems
        if self.source is None and len(probs) == 1:
            return str(probs[0])
        rows = sorted({p.row for p in probs if p.row is not None})
        head = (
            f"{self.source}: {len(rows)} bad row(s), {len(probs)} problem(s); nothing was imported "
            "(the file is all-or-nothing: fix every row listed and import it again)"
            if self.source is not None
            else f"{len(probs)} problem(s); nothing was saved"
        )
        lines = [head] + [f"  {p}" for p in probs[:_SHOWN_IN_FULL]]
        rest = probs[_SHOWN_IN_FULL:]
        if rest:
            rest_rows = sorted({p.row for p in rest if p.row is not None})
            lines.append(
                f"  ...and {len(rest)} more problem(s), in rows: " + ", ".join(str(r) for r in rest_rows)
            )
        return "\n".join(lines)
