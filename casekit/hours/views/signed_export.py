"""The signed export: one learner's log as a file anyone can re-verify without the database.

``casekit hours export --signed FILE.json`` writes it, and the HTML report carries the same
JSON inside it (a ``<script type="application/json" id="casekit-signed-log">`` element), so
the report a learner attaches to a certification application is itself checkable:
``casekit hours verify --file REPORT.html`` runs exactly the checks ``verify`` runs on the
database (:mod:`casekit.hours.verify`).

The file (format ``casekit-hours-signed-log``, version 1) is a JSON object:

* ``learner``: the learner's name; ``exported_at``; ``casekit``: the kit's version;
* ``entries``: every entry of the learner, corrected ones included (``entry_id``, ``learner``,
  ``date``, ``minutes``, ``category``, ``setting``, ``paid``, ``supervisor``, ``note``,
  ``supersedes``, ``status``);
* ``approvals``: ``{"statement": {...}, "signature": "..."}`` per approved entry (the
  statement and signature exactly as :mod:`casekit.hours.signing` describes);
* ``keys``: the public keys of the supervisors named (``fingerprint``, ``owner``,
  ``public_key``, ``registered_at``, ``retired_at``);
* ``audit``: the learner's whole audit chain; ``key_audit``: the key registry's records
  of those keys (each record as :mod:`casekit.hours.audit` describes, with ``items`` as
  ``[[entry_id, hash hex], ...]``);
* ``people``: the learner's and supervisors' degree and credential records (what the
  credential rules read);
* ``verification``: the result when exported (informative only: a checker recomputes it);
* ``summaries``: the signed monthly supervision summaries (``statement``, ``signature``,
  ``seq``; see :mod:`casekit.hours.summaries`), absent in files made before they existed;
* ``measured``: the ``as_of`` date and ``full_time_hours`` the report measured progress
  with, so :func:`progress_from_signed` recomputes the same per-credential figures; in an
  application packet also ``packet``: ``{"credential": short name, "route": route id}``,
  so the packet's page can be made again and compared (:mod:`casekit.hours.views.packet_check`).
"""

from __future__ import annotations

import json
import os
import re
from datetime import date, datetime, timezone
from pathlib import Path

from casekit.errors import json_error_text
from casekit import __version__
from casekit.hours.storage import audit
from casekit.hours.storage.audit import AuditRecord
from casekit.hours.errors import SignedFileError
from casekit.hours.trust.signedlog import ENTRY_KEYS, SignedLog, Verification, load_signed_log
from casekit.hours.storage.database import Store
from casekit.hours.trust.verify import verify_log

FORMAT = "casekit-hours-signed-log"
VERSION = 1
SCRIPT_ID = "casekit-signed-log"
_EMBEDDED = re.compile(r'<script type="application/json" id="' + SCRIPT_ID + r'">(.*?)</script>', re.DOTALL)


def _record_dict(r: AuditRecord) -> dict:
    return {"seq": r.seq, "at": r.at, "actor": r.actor, "action": r.action, "subject": r.subject, "count": r.count,
            "items": None if r.items is None else [[i, h.hex()] for i, h in r.item_list()],
            "payload_hash": r.payload_hash, "prev_hash": r.prev_hash, "hash": r.hash}


def signed_log_dict(log: SignedLog, verification: Verification | None = None, *, as_of: date | None = None,
                    full_time_hours: float | None = None, packet: dict | None = None, target: date | None = None) -> dict:
    """The export as a JSON-ready dict; ``packet``: the credential and route a packet carrying it shows;
    ``target``: the finish-by date a report carrying it was made with."""
    fps = {k["fingerprint"] for k in log.keys}
    measured: dict = {"as_of": (as_of or date.today()).isoformat(), "full_time_hours": full_time_hours}
    if packet is not None:
        measured["packet"] = packet
    if target is not None:
        measured["target"] = target.isoformat()
    out = {
        "format": FORMAT, "version": VERSION, "casekit": __version__,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "learner": log.learner,
        "entries": [{k: e.get(k) for k in ENTRY_KEYS} for e in log.entries],
        "approvals": [{"statement": a["statement"], "signature": a["signature"]} for a in log.approvals],
        "keys": log.keys,
        "audit": [_record_dict(r) for r in log.audit],
        "key_audit": [_record_dict(r) for r in log.key_audit if r.subject in fps],
        "people": log.people,
        "summaries": [{"statement": x["statement"], "signature": x["signature"], "seq": x["seq"]} for x in log.summaries],
        "measured": measured,
    }
    if verification is not None:
        out["verification"] = {"ok": verification.ok, "checked_at": verification.checked_at,
                               "failures": [str(f) for f in verification.failures],
                               "head": {"seq": verification.head[0], "hash": verification.head[1]}}
    return out


def signed_log_json(log: SignedLog, verification: Verification | None = None, *, indent: int | None = 1,
                    as_of: date | None = None, full_time_hours: float | None = None, packet: dict | None = None,
                    target: date | None = None) -> str:
    return json.dumps(signed_log_dict(log, verification, as_of=as_of, full_time_hours=full_time_hours, packet=packet,
                                      target=target), indent=indent, ensure_ascii=True)


def embed_in_html(text: str) -> str:
    """The export inside an HTML page, every ``<`` written ``\\u003c``: the same JSON, and no note can end
    (or otherwise upset) the script element it sits in."""
    safe = text.replace("<", "\\u003c")
    return f'<script type="application/json" id="{SCRIPT_ID}">{safe}</script>'


def export_signed(store: Store, learner: str, to: str | os.PathLike) -> tuple[Path, Verification]:
    """Write ``learner``'s signed log to ``to`` (JSON), verified as it is written; return the path and result."""
    to = Path(to)
    if to.suffix.lower() != ".json":
        raise SignedFileError(f"{to}: the signed export is JSON; give a file name ending in .json")
    if not to.parent.exists():
        raise SignedFileError(f"{to}: the folder {to.parent} does not exist; create it or choose another place")
    log = load_signed_log(store, learner)
    result = verify_log(log)
    to.write_text(signed_log_json(log, result), encoding="utf-8")
    return to, result


# --- reading ------------------------------------------------------------------------------------


def _need(obj, key, kind, where):
    if not isinstance(obj, dict) or key not in obj:
        raise SignedFileError(f"{where}: field {key!r} is missing; the file is damaged or not a casekit signed export")
    v = obj[key]
    if kind is not None and not isinstance(v, kind) and not (v is None and kind is str and key in _NULLABLE):
        raise SignedFileError(f"{where}: field {key!r} should be {getattr(kind, '__name__', kind)}, not {type(v).__name__}; "
                              "the file is damaged")
    return v


_NULLABLE = {"subject", "supervisor", "supersedes", "retired_at", "items"}


def _record(d, where: str) -> AuditRecord:
    items = d.get("items") if isinstance(d, dict) else None
    blob = None
    if items is not None:
        if not isinstance(items, list):
            raise SignedFileError(f"{where}: items should be a list of [entry id, hash]; the file is damaged")
        try:
            blob = audit.pack_items([str(i[0]) for i in items], [bytes.fromhex(str(i[1])) for i in items])
            if len(blob) != len(items) * audit.ITEM_BYTES:
                raise ValueError
        except (ValueError, IndexError, TypeError):
            raise SignedFileError(f"{where}: an item is not [32 hex digits, 64 hex digits]; the file is damaged") from None
    return AuditRecord(chain=-1, seq=_need(d, "seq", int, where), at=_need(d, "at", str, where),
                       actor=_need(d, "actor", str, where), action=_need(d, "action", str, where),
                       subject=_need(d, "subject", str, where), count=_need(d, "count", int, where), items=blob,
                       payload_hash=_need(d, "payload_hash", str, where), prev_hash=_need(d, "prev_hash", str, where),
                       hash=_need(d, "hash", str, where))


def parse_signed(data: dict, source: str) -> SignedLog:
    """A :class:`SignedLog` from an export's JSON object; :class:`SignedFileError` if it is not one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SignedFileError(f"{source}: not a casekit signed export (no \"format\": \"{FORMAT}\"); give the file "
                              "casekit hours export --signed or casekit hours report wrote")
    version = data.get("version")
    if version != VERSION:
        raise SignedFileError(f"{source}: signed export version {version!r}; this casekit reads version {VERSION}"
                              + ("; upgrade casekit to check it" if isinstance(version, int) and version > VERSION else ""))
    learner = _need(data, "learner", str, source)
    entries = _need(data, "entries", list, source)
    for i, e in enumerate(entries):
        for k in ENTRY_KEYS:
            _need(e, k, None, f"{source}: entries[{i}]")
    approvals = _need(data, "approvals", list, source)
    for i, a in enumerate(approvals):
        _need(a, "statement", dict, f"{source}: approvals[{i}]")
        _need(a, "signature", str, f"{source}: approvals[{i}]")
    keys = _need(data, "keys", list, source)
    for i, k in enumerate(keys):
        for f in ("fingerprint", "owner", "public_key", "registered_at"):
            _need(k, f, str, f"{source}: keys[{i}]")
    chain = [_record(r, f"{source}: audit[{i}]") for i, r in enumerate(_need(data, "audit", list, source))]
    key_audit = [_record(r, f"{source}: key_audit[{i}]") for i, r in enumerate(_need(data, "key_audit", list, source))]
    given = data.get("measured")
    measured: dict = given if isinstance(given, dict) else {}
    summaries = data.get("summaries") or []  # absent in files made before monthly summaries existed
    if not isinstance(summaries, list):
        raise SignedFileError(f"{source}: field 'summaries' should be a list; the file is damaged")
    for i, x in enumerate(summaries):
        _need(x, "statement", dict, f"{source}: summaries[{i}]")
        _need(x, "signature", str, f"{source}: summaries[{i}]")
        _need(x, "seq", int, f"{source}: summaries[{i}]")
    return SignedLog(learner=learner, entries=entries, approvals=approvals, keys=keys, audit=chain, key_audit=key_audit,
                     key_chain_complete=False, people=data.get("people") or [], source=source, measured=measured,
                     summaries=summaries)


def read_signed_file(path: str | os.PathLike) -> SignedLog:
    """Read a signed export (``.json``), or a report or packet carrying one (``.html``, ``.pdf``)."""
    path = Path(path)
    if not path.exists():
        raise SignedFileError(f"{path}: no such file; give the signed export (.json) or the report (.html)")
    if path.is_dir():
        raise SignedFileError(f"{path}: is a folder; give the signed export (.json) or the report (.html)")
    if path.suffix.lower() == ".pdf":  # an application packet: the signed log is attached to it
        from casekit.hours.views.packetpdf import signed_json_from_pdf

        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise SignedFileError(f"{path}: cannot be read ({exc.strerror})") from None
        return parse_signed(signed_json_from_pdf(raw, path.name), path.name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SignedFileError(f"{path}: cannot be read as UTF-8 text ({exc}); give the file as it was exported") from None
    if path.suffix.lower() in (".html", ".htm"):
        m = _EMBEDDED.search(text)
        if m is None:
            raise SignedFileError(f"{path}: this report carries no signed log (it was made before reports were "
                                  "signed, or the section was cut out); make it again with casekit hours report")
        text = m.group(1)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SignedFileError(f"{path}: the signed log is not valid JSON ({json_error_text(exc)}); "
                              "the file is truncated or was edited") from None
    return parse_signed(data, path.name)


def verify_file(path: str | os.PathLike, *, trusted: set[str] | None = None) -> Verification:
    """Verify a signed export or a report from the file alone."""
    return verify_log(read_signed_file(path), trusted=trusted)


# --- progress from the file alone -----------------------------------------------------------------


def progress_from_signed(log: SignedLog, verification: Verification, *, rules=None):
    """The learner's progress per credential computed from the signed log alone.

    Entries that fail ``verification`` are left out, as in the report (the same rows,
    through :func:`casekit.hours.trust.verified_log.verified_from_signed`); the credential
    rules are this kit's, measured as of the date (and full-time setting) the file records.
    No database is needed or touched.
    """
    from casekit.hours.credit.credential_progress import verified_progress
    from casekit.hours.trust.verified_log import verified_from_signed

    as_of, target = log.measured.get("as_of"), log.measured.get("target")
    return verified_progress(verified_from_signed(log, verification), rules=rules,
                             as_of=date.fromisoformat(as_of) if as_of else None,
                             full_time_hours=log.measured.get("full_time_hours"),
                             target=date.fromisoformat(target) if target else None)


def credential_hours_text(lp) -> str:
    """Per credential, the approved hours counted on its best route (what the report's verification section shows)."""
    lines = [f"Approved hours per credential, verified entries only (as of {lp.options.as_of.isoformat()}):"]
    for c in lp.credentials:
        b = c.best
        lines.append(f"  {c.short}: {b.counted_hours:,.2f} h counted on route {b.route.id} ({b.requirement_text()}); "
                     f"experience {'met' if c.met else 'not yet met'}")
    return "\n".join(lines)
