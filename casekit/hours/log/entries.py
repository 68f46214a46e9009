"""Checking entries, one or a million at a time.

The same checks run for a single ``casekit hours add``, a dashboard click and a CSV import,
column by column over a DataFrame (each distinct value is parsed once), so an import of
a million rows costs seconds and a single entry gets exactly the same rules.

Checks that need only the entry (hours, date, category, ...) are in :func:`parse_frame`
and run before the write lock is taken; checks that need the log (who exists, how many
hours a learner already has that day, duplicate entry ids) are in :func:`check_against_log`
and run inside the write transaction (see :mod:`casekit.hours.logbook`), so two processes
logging at once cannot together push a learner past 24 hours in a day.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import Callable

import numpy as np
import pandas as pd
from sqlalchemy import select

from casekit.hours.errors import RowProblem
from casekit.hours.log.identifiers import identifier_message, looks_like_identifier
from casekit.hours.storage.models import CATEGORIES, MAX_NOTE_CHARS, MINUTES_PER_DAY, SETTINGS
from casekit.hours.storage.tables import entries
from casekit.hours.log.people import PeopleIndex
from casekit.hours.log.supersession import has_corrections
from casekit.hours.storage.models import threshold_fields as threshold_fields  # its home before the signing layer needed it without pandas

COLUMNS: tuple[str, ...] = ("learner", "date", "hours", "category", "setting", "paid", "supervisor", "note", "entry_id")
REQUIRED: tuple[str, ...] = ("learner", "date", "hours", "category", "setting", "paid")
EARLIEST = date(1950, 1, 1)

_YES = {"yes", "y", "true", "t", "1", "paid"}
_NO = {"no", "n", "false", "f", "0", "unpaid"}
_HMM = re.compile(r"^(\d{1,2}):([0-5]\d)$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


# --- the fields that count ----------------------------------------------------------------


# --- entry ids ----------------------------------------------------------------------------


def new_entry_ids(n: int) -> list[str]:
    """``n`` fresh entry ids: UUIDv7 layout (time first), 32 hex digits, increasing in order.

    Time-ordered ids sort by creation and keep index inserts sequential, which is what
    lets a million-row import stay fast; the random parts keep them unique across machines.
    """
    if n <= 0:
        return []
    ms = int(time.time() * 1000)
    head = bytearray(ms.to_bytes(6, "big") + os.urandom(2))
    head[6] = (head[6] & 0x0F) | 0x70  # version 7
    base = int.from_bytes(os.urandom(8), "big") & ((1 << 61) - 1)  # headroom for +n
    tail = (np.arange(n, dtype=np.uint64) + np.uint64(base)).astype(">u8").view(np.uint8).reshape(n, 8)
    tail[:, 0] = (tail[:, 0] & 0x3F) | 0x80  # RFC 4122 variant
    block = np.empty((n, 16), dtype=np.uint8)
    block[:, :8] = np.frombuffer(bytes(head), dtype=np.uint8)
    block[:, 8:] = tail
    hexed = block.tobytes().hex()
    return [hexed[i : i + 32] for i in range(0, 32 * n, 32)]


# --- parsing (no database needed) ---------------------------------------------------------


@dataclass
class ParsedEntries:
    """Entries after the checks that need no database. Arrays are aligned; ``row`` numbers them."""

    row: np.ndarray  # int64; spreadsheet row numbers, or -1 for a single entry
    learner: np.ndarray  # object: stripped names
    supervisor: np.ndarray  # object: stripped names, "" for none
    day: np.ndarray  # datetime64[D]; NaT where unparseable
    minutes: np.ndarray  # int64; 0 where unparseable
    category: np.ndarray  # object: codes
    setting: np.ndarray  # object: codes
    paid: np.ndarray  # bool
    note: np.ndarray  # object
    entry_id: np.ndarray  # object: 32-hex or ""
    ok: np.ndarray  # bool: no problem found so far
    supersedes: np.ndarray | None = None  # object: the entry each one corrects, "" for none (None: no corrections)

    def __len__(self) -> int:
        return len(self.row)


def _per_value(series: pd.Series, fn: Callable[[str], tuple[object, str | None]], fill) -> tuple[np.ndarray, np.ndarray, list]:
    """Apply ``fn`` once per distinct value; return (values, error-code per row, messages)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    values, messages = [], []
    for u in uniques:
        v, msg = fn("" if u is None else str(u))
        values.append(fill if msg else v)
        messages.append(msg)
    err_of_unique = np.array([-1 if m is None else i for i, m in enumerate(messages)], dtype=np.int64)
    vals = np.empty(len(uniques), dtype=object)
    vals[:] = values
    return vals[codes], err_of_unique[codes], messages


def stored_minutes(text: str) -> int | None:
    """The whole minutes the log stores for hours written as ``text`` (None when it refuses them)."""
    minutes, problem = _parse_hours(str(text))
    return None if problem else minutes


def _parse_hours(text: str) -> tuple[int, str | None]:
    t = text.strip()
    if not t:
        return 0, "empty; give the hours worked, e.g. 7.5 or 7:30"
    m = _HMM.match(t)
    if m:
        minutes = int(m.group(1)) * 60 + int(m.group(2))
        hours = minutes / 60
    else:
        try:
            hours = float(t)
        except ValueError:
            return 0, f"{t!r} is not a number of hours; write e.g. 7.5 or 7:30"
        if not np.isfinite(hours):
            return 0, f"{t!r} is not a number of hours; write e.g. 7.5 or 7:30"
        minutes = int(round(hours * 60))
    if hours == 0:
        return 0, f"{t} is zero; log only time actually worked (more than 0 hours)"
    if hours < 0:
        return 0, f"{t} is negative; hours must be more than 0"
    if minutes == 0:
        return 0, f"{t} rounds to 0 minutes; the log keeps whole minutes"
    if minutes > MINUTES_PER_DAY:
        return 0, f"{t} is more than 24 hours in one entry; split it across the days it was worked"
    return minutes, None


def _day_parser(today: date) -> Callable[[str], tuple[object, str | None]]:
    def parse(text: str):
        t = text.strip()
        if not t:
            return None, "empty; give the date worked as YYYY-MM-DD"
        if not _ISO_DAY.match(t):
            return None, f"{t!r} is not a date; write it as YYYY-MM-DD, e.g. {today.isoformat()}"
        try:
            d = date.fromisoformat(t)
        except ValueError:
            return None, f"{t!r} is not a real date; check the month and day"
        if d > today:
            return None, f"{t} is in the future (today is {today.isoformat()}); log hours after they are worked"
        if d < EARLIEST:
            return None, f"{t} is before {EARLIEST.year}; check the year"
        return d, None

    return parse


def _code_parser(vocab: dict[str, str], what: str) -> Callable[[str], tuple[object, str | None]]:
    lookup = {}
    for code, lab in vocab.items():
        lookup[code] = code
        lookup[re.sub(r"[\s\-/]+", "_", lab.lower())] = code
        lookup[re.sub(r"[\s\-/]+", "_", lab.lower().split(" (")[0])] = code

    def parse(text: str):
        t = re.sub(r"[\s\-/]+", "_", text.strip().lower())
        if not t:
            return None, f"empty; give the {what}: one of {', '.join(vocab)}"
        code = lookup.get(t)
        if code is None:
            return None, f"{text.strip()!r} is not a known {what}; use one of {', '.join(vocab)}"
        return code, None

    return parse


def _parse_paid(text: str) -> tuple[object, str | None]:
    t = text.strip().lower()
    if t in _YES:
        return True, None
    if t in _NO:
        return False, None
    if not t:
        return None, "empty; write yes if the work was paid, no if it was not"
    return None, f"{text.strip()!r} is not yes or no"


def _parse_entry_id(text: str) -> tuple[object, str | None]:
    t = text.strip().lower().replace("-", "")
    if not t:
        return "", None
    if not _HEX32.match(t):
        return "", f"{text.strip()!r} is not an entry id (32 hexadecimal digits); leave it empty for new entries"
    return t, None


def parse_frame(frame: pd.DataFrame, *, rows: np.ndarray | None = None, today: date | None = None) -> tuple[ParsedEntries, list[RowProblem]]:
    """Check every entry in ``frame`` (text columns named as :data:`COLUMNS`) without the database.

    ``rows`` numbers the entries for messages (None: a single entry, messages name fields only).
    Returns the parsed columns and every problem found.
    """
    today = today or date.today()
    n = len(frame)
    row_nums = np.full(n, -1, dtype=np.int64) if rows is None else np.asarray(rows, dtype=np.int64)
    problems: list[RowProblem] = []
    ok = np.ones(n, dtype=bool)

    def col(name: str) -> pd.Series:
        if name in frame.columns:
            return frame[name]
        return pd.Series([""] * n, dtype=object)

    def record(field: str, err: np.ndarray, messages: list) -> None:
        bad = np.flatnonzero(err >= 0)
        if len(bad):
            ok[bad] = False
            for i in bad:
                r = int(row_nums[i])
                problems.append(RowProblem(r if r >= 0 else None, field, messages[err[i]]))

    def strip_names(s: pd.Series) -> np.ndarray:
        vals, _, _ = _per_value(s, lambda t: (t.strip(), None), "")
        return vals

    learner = strip_names(col("learner"))
    empty = np.array([not v for v in learner])
    record("learner", np.where(empty, 0, -1), ["empty; give the learner's name as in the log"])
    supervisor = strip_names(col("supervisor"))

    day_vals, err, msgs = _per_value(col("date"), _day_parser(today), None)
    record("date", err, msgs)
    day = _days(day_vals)

    min_vals, err, msgs = _per_value(col("hours"), _parse_hours, 0)
    record("hours", err, msgs)
    minutes = min_vals.astype(np.int64)

    cat_vals, err, msgs = _per_value(col("category"), _code_parser(CATEGORIES, "category"), None)
    record("category", err, msgs)
    set_vals, err, msgs = _per_value(col("setting"), _code_parser(SETTINGS, "setting"), None)
    record("setting", err, msgs)
    paid_vals, err, msgs = _per_value(col("paid"), _parse_paid, False)
    record("paid", err, msgs)
    paid = paid_vals.astype(bool)

    ids, err, msgs = _per_value(col("entry_id"), _parse_entry_id, "")
    record("entry_id", err, msgs)
    given = np.flatnonzero(ids != "")
    if len(given):
        dup = pd.Series(ids[given]).duplicated(keep="first").to_numpy()
        for i in given[dup]:
            ok[i] = False
            first = int(row_nums[given[np.flatnonzero(ids[given] == ids[i])[0]]])
            problems.append(RowProblem(int(row_nums[i]), "entry_id", f"the same id as row {first}; each entry must have its own id"))

    # Notes repeat too ("home visit", ""), so each distinct note is measured and searched once.
    notes = col("note")
    if isinstance(notes.dtype, pd.CategoricalDtype) and not notes.isna().any():  # a CSV's notes, read once each
        note_codes, note_uniques = notes.cat.codes.to_numpy(), notes.cat.categories
    else:
        note_codes, note_uniques = pd.factorize(notes.astype(object).fillna(""), use_na_sentinel=False)
    note_texts = np.empty(len(note_uniques), dtype=object)
    note_texts[:] = [str(u) for u in note_uniques]
    note = note_texts[note_codes]
    unique_problems: list[list[str]] = [[] for _ in note_texts]
    for k, text in enumerate(note_texts):
        if len(text) > MAX_NOTE_CHARS:
            unique_problems[k].append(f"{len(text)} characters; keep notes to {MAX_NOTE_CHARS} (a short note about "
                                      "the work, no client details)")
    for k in np.flatnonzero(looks_like_identifier(pd.Series(note_texts, dtype=object)).to_numpy()).tolist():
        msg = identifier_message(note_texts[k])
        if msg:
            unique_problems[k].append(msg)
    bad_unique = np.array([bool(p) for p in unique_problems], dtype=bool)
    for i in np.flatnonzero(bad_unique[note_codes]) if len(note_texts) else ():
        ok[i] = False
        r = int(row_nums[i])
        for msg in unique_problems[note_codes[i]]:
            problems.append(RowProblem(r if r >= 0 else None, "note", msg))

    parsed = ParsedEntries(
        row=row_nums, learner=learner, supervisor=supervisor, day=day, minutes=minutes,
        category=cat_vals, setting=set_vals, paid=paid, note=note, entry_id=ids, ok=ok,
    )
    return parsed, problems


def _days(values: np.ndarray) -> np.ndarray:
    """Object array of date/None -> datetime64[D], fast for many repeats."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    conv = np.array([np.datetime64(u, "D") for u in uniques] + [np.datetime64("NaT")], dtype="datetime64[D]")
    return conv[codes]  # code -1 picks the trailing NaT


# --- writing (inside the write transaction) -----------------------------------------------


def _resolve_people(parsed: ParsedEntries, index: PeopleIndex, problems: list[RowProblem]) -> tuple[np.ndarray, np.ndarray]:
    n = len(parsed)
    learner_id = np.full(n, -1, dtype=np.int64)
    supervisor_id = np.full(n, -1, dtype=np.int64)

    def where(i: int) -> int | None:
        r = int(parsed.row[i])
        return r if r >= 0 else None

    for field, names, out, role in (
        ("learner", parsed.learner, learner_id, "learner"),
        ("supervisor", parsed.supervisor, supervisor_id, "supervisor"),
    ):
        codes, uniques = pd.factorize(pd.Series(names, dtype=object))
        ids = np.full(len(uniques), -1, dtype=np.int64)
        msgs: list[str | None] = []
        for k, name in enumerate(uniques):
            if not name:
                msgs.append(None)
                continue
            p = index.find(name, role)
            if p is None:
                msgs.append(index.unknown_message(name, role))
            else:
                ids[k] = p.person_id
                msgs.append(None)
        out[:] = ids[codes]
        bad_unique = np.array([m is not None for m in msgs], dtype=bool)
        for i in np.flatnonzero(bad_unique[codes]).tolist():
            parsed.ok[i] = False
            problems.append(RowProblem(where(i), field, msgs[codes[i]]))

    self_sup = np.flatnonzero((learner_id >= 0) & (learner_id == supervisor_id))
    for i in self_sup.tolist():
        parsed.ok[i] = False
        problems.append(
            RowProblem(where(i), "supervisor", f"{parsed.supervisor[i]!r} is also the learner: a supervisor cannot sign off "
                       "their own hours; name the person who supervised this work")
        )
    return learner_id, supervisor_id


def _check_daily_totals(conn, parsed: ParsedEntries, learner_id: np.ndarray, problems: list[RowProblem]) -> None:
    usable = (learner_id >= 0) & ~np.isnat(parsed.day) & (parsed.minutes > 0)
    if not usable.any():
        return
    idx = np.flatnonzero(usable)
    frame = pd.DataFrame({"learner_id": learner_id[idx], "day": parsed.day[idx].astype("datetime64[s]"), "minutes": parsed.minutes[idx], "i": idx})
    totals = frame.groupby(["learner_id", "day"], sort=False)["minutes"].sum()
    lo, hi = parsed.day[idx].min(), parsed.day[idx].max()
    q = select(entries.c.learner_id, entries.c.day, entries.c.minutes).where(
        entries.c.day >= lo.astype(object), entries.c.day <= hi.astype(object)
    )
    learners = np.unique(learner_id[idx])
    if len(learners) <= 500:
        q = q.where(entries.c.learner_id.in_([int(x) for x in learners]))
    # A correction replaces its entry in the day's total, whether or not it is approved yet.
    if has_corrections(conn):
        corrected = select(entries.c.supersedes).where(entries.c.supersedes.is_not(None))
        q = q.where(entries.c.entry_id.not_in(corrected))
    if parsed.supersedes is not None:
        targets = [str(t) for t in parsed.supersedes if t]
        if targets:
            q = q.where(entries.c.entry_id.not_in(targets))
    existing = pd.DataFrame(conn.execute(q).all(), columns=["learner_id", "day", "minutes"])
    if len(existing):
        existing["day"] = pd.to_datetime(existing["day"]).astype("datetime64[s]")
        before = existing.groupby(["learner_id", "day"])["minutes"].sum()
        totals = totals.add(before, fill_value=0)
        before_map = before.to_dict()
    else:
        before_map = {}
    over = totals[totals > MINUTES_PER_DAY]
    if over.empty:
        return
    over_keys = set(over.index)
    key = list(zip(frame["learner_id"].tolist(), frame["day"].tolist()))
    hit = np.array([k in over_keys for k in key], dtype=bool)
    groups: dict = {}
    for i, k in zip(frame["i"].to_numpy()[hit], np.array(key, dtype=object)[hit]):
        groups.setdefault(tuple(k), []).append(int(i))
    for k, members in groups.items():
        total_h = over[k] / 60
        already = before_map.get(k, 0) / 60
        rows = [int(parsed.row[i]) for i in members]
        first = members[0]
        day_txt = str(parsed.day[first])
        who = parsed.learner[first]
        parts = []
        if rows[0] >= 0:
            parts.append("rows " + ", ".join(str(r) for r in rows) if len(rows) > 1 else f"row {rows[0]}")
        else:
            parts.append("this entry")
        if already:
            parts.append(f"{already:g} h already in the log")
        msg = (f"{who} would have {total_h:g} h on {day_txt} ({' and '.join(parts)}); "
               "no one works more than 24 hours in a day, so check the hours and the date")
        for i in members:
            parsed.ok[i] = False
        problems.append(RowProblem(rows[0] if rows[0] >= 0 else None, "hours", msg))


_SAME_WORK = ["learner_id", "day", "minutes", "category", "setting", "paid", "supervisor_id", "note"]


def _check_not_logged_already(conn, parsed: ParsedEntries, learner_id: np.ndarray, supervisor_id: np.ndarray,
                              problems: list[RowProblem]) -> None:
    """A new entry exactly like one already in the log (same learner, day, hours, category, setting, paid,
    supervisor and note) is refused: it is nearly always a timesheet imported twice, and would count twice."""
    new = parsed.ok & (parsed.entry_id == "") & (learner_id >= 0) & ~np.isnat(parsed.day)
    if parsed.supersedes is not None:
        new &= parsed.supersedes == ""
    if not new.any():
        return
    idx = np.flatnonzero(new)
    lo, hi = parsed.day[idx].min(), parsed.day[idx].max()
    q = select(*[entries.c[c] for c in _SAME_WORK], entries.c.entry_id).where(
        entries.c.day >= lo.astype(object), entries.c.day <= hi.astype(object))
    learners = np.unique(learner_id[idx])
    if len(learners) <= 500:
        q = q.where(entries.c.learner_id.in_([int(x) for x in learners]))
    existing = pd.DataFrame(conn.execute(q).all(), columns=[*_SAME_WORK, "entry_id"])
    if existing.empty:
        return
    existing["day"] = pd.to_datetime(existing["day"]).dt.date.astype(str)
    existing["supervisor_id"] = existing["supervisor_id"].fillna(-1).astype(np.int64)
    existing["paid"] = existing["paid"].astype(bool)
    existing["note"] = existing["note"].fillna("").astype(str)
    mine = pd.DataFrame({"learner_id": learner_id[idx].astype(np.int64), "day": parsed.day[idx].astype(str),
                         "minutes": parsed.minutes[idx].astype(np.int64), "category": parsed.category[idx].astype(str),
                         "setting": parsed.setting[idx].astype(str), "paid": parsed.paid[idx].astype(bool),
                         "supervisor_id": supervisor_id[idx].astype(np.int64), "note": parsed.note[idx].astype(str),
                         "i": idx})
    for c in ("minutes", "learner_id"):
        existing[c] = existing[c].astype(np.int64)
    same = mine.merge(existing.drop_duplicates(_SAME_WORK), on=_SAME_WORK, how="inner")
    for i, eid in zip(same["i"].tolist(), same["entry_id"].tolist()):
        parsed.ok[i] = False
        r = int(parsed.row[i])
        problems.append(RowProblem(r if r >= 0 else None, "entry", (
            f"the same work is already in the log as entry {eid} ({parsed.learner[i]}, {parsed.day[i]}, "
            f"{int(parsed.minutes[i]) / 60:g} h, {parsed.category[i]}, {parsed.setting[i]}): a file imported twice? "
            "If it is another piece of work, give it a note that tells the two apart")))


def _check_ids_unused(conn, parsed: ParsedEntries, problems: list[RowProblem]) -> None:
    given = np.flatnonzero(parsed.entry_id != "")
    if not len(given):
        return
    ids = [str(x) for x in parsed.entry_id[given]]
    taken: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        taken.update(r[0] for r in conn.execute(select(entries.c.entry_id).where(entries.c.entry_id.in_(chunk))))
    for i in given:
        if parsed.entry_id[i] in taken:
            parsed.ok[i] = False
            r = int(parsed.row[i])
            problems.append(RowProblem(r if r >= 0 else None, "entry_id",
                                       f"{parsed.entry_id[i]} is already in the log (was this file imported before?)"))


def _check_corrections(conn, parsed: ParsedEntries, learner_id: np.ndarray, problems: list[RowProblem]) -> None:
    """A correction replaces an existing entry of the same learner that has no correction yet."""
    if parsed.supersedes is None:
        return
    given = [i for i in range(len(parsed)) if parsed.supersedes[i]]
    if not given:
        return
    targets = sorted({str(parsed.supersedes[i]) for i in given})
    found, corrected = {}, {}
    for start in range(0, len(targets), 500):
        chunk = targets[start : start + 500]
        q = select(entries.c.entry_id, entries.c.learner_id, entries.c.status).where(entries.c.entry_id.in_(chunk))
        found.update({r.entry_id: r for r in conn.execute(q)})
        q = select(entries.c.supersedes, entries.c.entry_id).where(entries.c.supersedes.in_(chunk))
        corrected.update({r.supersedes: r.entry_id for r in conn.execute(q)})
    seen: dict[str, int] = {}
    for i in given:
        t = str(parsed.supersedes[i])
        r = int(parsed.row[i])
        where = r if r >= 0 else None
        row = found.get(t)
        msg = None
        if row is None:
            msg = f"{t}: no such entry in the log; give the id of the entry to correct (casekit hours list)"
        elif learner_id[i] >= 0 and int(row.learner_id) != int(learner_id[i]):
            msg = f"{t} is another learner's entry; a correction belongs to the learner of the entry it corrects"
        elif t in corrected:
            msg = (f"{t} already has a correction ({corrected[t]}); correct that one instead, so the history "
                   "stays one line")
        elif t in seen:
            msg = f"{t} is corrected twice in this batch; give one correction per entry"
        seen.setdefault(t, i)
        if msg:
            parsed.ok[i] = False
            problems.append(RowProblem(where, "supersedes", msg))


def check_against_log(conn, parsed: ParsedEntries, problems: list[RowProblem]) -> tuple[np.ndarray, np.ndarray]:
    """The checks that need the log; adds to ``problems`` and returns (learner ids, supervisor ids, -1 for none)."""
    index = PeopleIndex.load(None, conn=conn)  # inside the caller's transaction
    learner_id, supervisor_id = _resolve_people(parsed, index, problems)
    _check_corrections(conn, parsed, learner_id, problems)
    _check_daily_totals(conn, parsed, learner_id, problems)
    _check_ids_unused(conn, parsed, problems)
    _check_not_logged_already(conn, parsed, learner_id, supervisor_id, problems)
    return learner_id, supervisor_id
