"""Supervisor keys: an Ed25519 key pair per supervisor, made with the ``cryptography`` library.

The private key stays with the supervisor: a PEM file (PKCS#8) that only its owner can
read (mode 0600), encrypted with a passphrase when one is given. Nothing in the kit prints
or logs it; :class:`SigningKey` shows only its fingerprint. The public key is written
beside it in OpenSSH form (``NAME.pub``) and registered in the log with the supervisor's
record, so anyone can check an approval with it.

A key's fingerprint is OpenSSH's: ``SHA256:`` and the unpadded base64 of the SHA-256 of
the key's OpenSSH wire form, so ``ssh-keygen -lf NAME.pub`` prints the same text. That is
what a supervisor reads out to a certification board to say "this key is mine".
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from casekit.hours.storage.audit import append_key_record
from casekit.hours.errors import (
    KeyFileError,
    KeyRegistrationError,
    PassphraseError,
    PassphraseRequired,
)
from casekit.hours.storage.models import Person
from casekit.hours.log.people import PeopleIndex, get_person
from casekit.hours.storage.location import default_db_path

if TYPE_CHECKING:
    from casekit.hours.storage.database import Store

KEY_TYPE = "ssh-ed25519"


def _slug(text: str, fallback: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-") or fallback


def default_keys_folder(store: Store | None = None) -> Path:
    """The folder ``keygen`` writes keys to for the log ``store`` (the default log when None).

    The default log's keys are in the ``keys`` folder of the casekit configuration folder.
    A log named with ``--db`` or ``CASEKIT_HOURS_DB`` has its own: beside a SQLite file
    ``X.sqlite``, the folder ``X-keys``; for a database URL, a folder named after the
    database inside the configuration folder's ``keys``. So a key made for one log is never
    offered to approve in another, and a test log never writes into the user's folders.
    """
    config = Path(platformdirs.user_config_dir("casekit")) / "keys"
    if store is None:
        return config
    if store.path is not None:
        if store.path.resolve() == default_db_path().resolve():
            return config
        return store.path.parent / f"{store.path.stem}-keys"
    url = store.url
    return config / _slug(f"{url.get_backend_name()}-{url.host or 'local'}-{url.database or 'db'}", "database")


def default_key_path(supervisor: str, store: Store | None = None) -> Path:
    """Where ``casekit hours keygen`` puts ``supervisor``'s private key for ``store`` unless told otherwise."""
    return default_keys_folder(store) / f"{_slug(supervisor, 'supervisor')}.pem"


def public_path_for(private_path: Path) -> Path:
    """``q.pem`` -> ``q.pub``; ``id_casekit`` -> ``id_casekit.pub``."""
    private_path = Path(private_path)
    return private_path.with_suffix(".pub") if private_path.suffix == ".pem" else Path(f"{private_path}.pub")


# --- public keys ----------------------------------------------------------------------------


def public_line(key: Ed25519PublicKey) -> str:
    """The public key in OpenSSH form without a comment: ``ssh-ed25519 AAAA...``."""
    return key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode("ascii")


def fingerprint(key: Ed25519PublicKey) -> str:
    """OpenSSH's SHA256 fingerprint of the key (what ``ssh-keygen -lf`` prints)."""
    blob = base64.b64decode(public_line(key).split()[1])
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")


def parse_public_key(text: str, where: str = "public key") -> Ed25519PublicKey:
    """An Ed25519 public key from its OpenSSH line (``ssh-ed25519 AAAA... [comment]``)."""
    parts = (text or "").strip().split()
    if len(parts) < 2 or parts[0] != KEY_TYPE:
        raise KeyRegistrationError(f"{where}: not an Ed25519 public key in OpenSSH form (a line starting "
                                   f"'{KEY_TYPE} AAAA'); give the .pub file casekit hours keygen wrote")
    try:
        key = serialization.load_ssh_public_key(f"{parts[0]} {parts[1]}".encode("ascii"))
    except (ValueError, UnsupportedAlgorithm, UnicodeEncodeError):
        raise KeyRegistrationError(f"{where}: the key text is damaged (it does not decode as an Ed25519 key); "
                                   "copy the whole line from the .pub file again") from None
    if not isinstance(key, Ed25519PublicKey):  # pragma: no cover - the type prefix was checked above
        raise KeyRegistrationError(f"{where}: not an Ed25519 key")
    return key


def read_public_key_file(path: str | os.PathLike) -> str:
    """The text of a ``.pub`` file, or :class:`KeyRegistrationError` saying why it cannot be read."""
    path = Path(path).expanduser()
    try:
        return path.read_text(encoding="ascii")
    except FileNotFoundError:
        raise KeyRegistrationError(f"{path}: no such file; give the .pub file casekit hours keygen wrote") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not text"
        raise KeyRegistrationError(f"{path}: cannot be read as a public key ({reason}); give the .pub file") from None


def trusted_fingerprints(values) -> set[str]:
    """Fingerprints from ``.pub`` files or ``SHA256:...`` texts, as given to ``verify --trust``."""
    out = set()
    for v in values:
        v = str(v).strip()
        if v.startswith("SHA256:"):
            out.add(v)
        else:
            out.add(fingerprint(parse_public_key(read_public_key_file(v), v)))
    return out


# --- private keys ---------------------------------------------------------------------------


class SigningKey:
    """A supervisor's private key, loaded to sign approvals.

    It never shows its secret: ``repr`` and ``str`` give the fingerprint only, and it
    refuses to be pickled (so it is not copied into other processes or files by accident).
    """

    __slots__ = ("_key", "path", "fingerprint", "public_key")

    def __init__(self, key: Ed25519PrivateKey, path: Path | None = None):
        self._key = key
        self.path = path
        pub = key.public_key()
        self.fingerprint = fingerprint(pub)
        self.public_key = public_line(pub)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    def __repr__(self) -> str:
        return f"SigningKey({self.fingerprint})"

    __str__ = __repr__

    def __reduce__(self):
        raise TypeError("a supervisor's private key is not copied; load it from its file where it is needed")


def generate_key() -> SigningKey:
    """A new Ed25519 key pair (in memory only)."""
    return SigningKey(Ed25519PrivateKey.generate())


def _passphrase_bytes(passphrase: str | bytes | None) -> bytes | None:
    if passphrase is None or passphrase == "" or passphrase == b"":
        return None
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)


def write_key_files(key: SigningKey, to: str | os.PathLike, *, passphrase: str | None = None,
                    comment: str = "") -> tuple[Path, Path]:
    """Write the private key to ``to`` (owner-only, 0600) and the public key beside it; return both paths.

    An existing file is never overwritten: a supervisor's old key may still be needed.
    """
    to = Path(to).expanduser()
    pub = public_path_for(to)
    for p in (to, pub):
        if p.exists():
            raise KeyFileError(f"{p}: already exists; a key file is never overwritten. Choose another file with "
                               "--to, or move the old one away if you really mean to replace it")
    try:
        to.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise KeyFileError(f"{to.parent}: cannot create the folder for the key ({exc.strerror}); choose another place with --to") from None
    secret = _passphrase_bytes(passphrase)
    enc = serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption()
    pem = key._key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)
    try:
        fd = os.open(to, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise KeyFileError(f"{to}: cannot be created ({exc.strerror}); choose another file with --to") from None
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # whatever the umask
        os.write(fd, pem)
    finally:
        os.close(fd)
    line = key.public_key + (f" {comment}" if comment else "")
    pub.write_text(line + "\n", encoding="ascii")
    key.path = to
    return to, pub


def load_signing_key(path: str | os.PathLike, passphrase: str | bytes | None = None) -> SigningKey:
    """Load a supervisor's private key file, checking it is whole, Ed25519 and kept private.

    Raises :class:`KeyFileError` (missing, unprotected, truncated, corrupt, not Ed25519)
    or :class:`PassphraseError` (wrong, missing, or not needed), each saying what to do.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise KeyFileError(f"{path}: no such key file; give the private key file from casekit hours keygen")
    if path.is_dir():
        raise KeyFileError(f"{path}: is a folder; give the private key file (NAME.pem)")
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise KeyFileError(f"{path}: other users can read this private key (mode {mode:04o}); "
                               f"make it yours alone with: chmod 600 {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyFileError(f"{path}: cannot be read ({exc.strerror})") from None
    head = data.lstrip()[:40]
    if head.startswith(KEY_TYPE.encode()):
        raise KeyFileError(f"{path}: is a public key; sign with the private key file (the one without .pub)")
    if not head.startswith(b"-----BEGIN"):
        raise KeyFileError(f"{path}: is not a PEM private key file (it is empty or holds something else); "
                           "give the private key file from casekit hours keygen")
    secret = _passphrase_bytes(passphrase)
    try:
        key = serialization.load_pem_private_key(data, password=secret)
    except TypeError:
        if secret is None:
            raise PassphraseRequired(f"{path}: the key is protected by a passphrase; give its passphrase") from None
        raise PassphraseError(f"{path}: the key has no passphrase; leave the passphrase empty") from None
    except ValueError as exc:
        if "password" in str(exc).lower() and secret is not None:
            raise PassphraseError(f"{path}: wrong passphrase (nothing was signed); try again, or if it is lost "
                                  "make a new key with casekit hours keygen --replace") from None
        raise KeyFileError(f"{path}: cannot be read as a private key: the file is truncated or damaged. "
                           "Restore it from your backup, or make a new key (casekit hours keygen --replace); "
                           "approvals signed with the old key stay valid") from None
    except UnsupportedAlgorithm:
        raise KeyFileError(f"{path}: uses a key type or cipher this system cannot read; make a new key with "
                           "casekit hours keygen") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path}: is a {type(key).__name__.replace('PrivateKey', '')} key, not Ed25519; "
                           "make a supervisor key with casekit hours keygen")
    return SigningKey(key, path)


# --- registration in the log ----------------------------------------------------------------


@dataclass(frozen=True)
class KeyRecord:
    """A public key registered in the log."""

    fingerprint: str
    owner: str
    person_id: int
    public_key: str
    registered_at: str
    retired_at: str | None

    @property
    def active(self) -> bool:
        return self.retired_at is None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _records(conn, where=None) -> list[KeyRecord]:
    from sqlalchemy import select

    from casekit.hours.storage.tables import keys, people

    q = (select(keys, people.c.name).join(people, keys.c.person_id == people.c.person_id)
         .order_by(people.c.name, keys.c.registered_at))
    if where is not None:
        q = q.where(where)
    return [KeyRecord(r.fingerprint, r.name, int(r.person_id), r.public_key, r.registered_at, r.retired_at)
            for r in conn.execute(q)]


def list_keys(store: Store, supervisor: str | None = None, *, conn=None) -> list[KeyRecord]:
    """Every registered key (or one supervisor's), retired ones included, by owner."""
    from casekit.hours.storage.tables import keys

    if conn is None:
        with store.read() as c:
            return list_keys(store, supervisor, conn=c)
    where = None
    if supervisor:
        p = PeopleIndex.load(None, conn=conn).find(supervisor)
        if p is None:
            raise KeyRegistrationError(PeopleIndex.load(None, conn=conn).unknown_message(supervisor, "supervisor"))
        where = keys.c.person_id == p.person_id
    return _records(conn, where)


def check_can_register(store: Store, supervisor: str, *, replace: bool = False, fingerprint_: str | None = None) -> Person:
    """Refuse early (before any key file is written) what :func:`register_key` would refuse."""
    person = get_person(store, supervisor, "supervisor")
    with store.read() as conn:
        _check_registration(conn, person, replace, fingerprint_)
    return person


def _check_registration(conn, person: Person, replace: bool, fp: str | None) -> list[KeyRecord]:
    from casekit.hours.storage.tables import keys

    if fp is not None:
        taken = _records(conn, keys.c.fingerprint == fp)
        if taken:
            who = taken[0].owner
            if who == person.name:
                raise KeyRegistrationError(f"key {fp} is already registered to {who}; nothing to do")
            raise KeyRegistrationError(f"key {fp} is registered to {who}; every supervisor needs a key of their own "
                                       "(make one with casekit hours keygen)")
    active = [k for k in _records(conn, keys.c.person_id == person.person_id) if k.active]
    if active and not replace:
        raise KeyRegistrationError(
            f"{person.name} already has key {active[0].fingerprint} (registered {active[0].registered_at[:10]}); "
            "to move to a new key give --replace: the old key is retired and the approvals it signed stay valid")
    return active


def register_key(store: Store, supervisor: str, public_key: str, *, replace: bool = False) -> KeyRecord:
    """Register ``supervisor``'s public key (an OpenSSH line) in the log; return the record.

    With ``replace`` the supervisor's current key is retired first (it stays registered, so
    the approvals it signed still verify, but it signs nothing new). Both changes are
    recorded in the key registry's audit chain.
    """
    from sqlalchemy import update

    from casekit.hours.storage.tables import keys

    person = get_person(store, supervisor, "supervisor")
    pub = parse_public_key(public_key, f"public key for {person.name}")
    line, fp = public_line(pub), fingerprint(pub)
    now = _now()
    with store.write() as conn:
        active = _check_registration(conn, person, replace, fp)
        for old in active:
            conn.execute(update(keys).where(keys.c.fingerprint == old.fingerprint).values(retired_at=now))
            append_key_record(conn, at=now, actor=person.name, action="retire-key", fingerprint=old.fingerprint,
                              owner=person.name, public_key=old.public_key)
        conn.execute(keys.insert().values(fingerprint=fp, person_id=person.person_id, public_key=line,
                                          registered_at=now, retired_at=None))
        append_key_record(conn, at=now, actor=person.name, action="register-key", fingerprint=fp,
                          owner=person.name, public_key=line)
        return _records(conn, keys.c.fingerprint == fp)[0]


def keygen(store: Store, supervisor: str, to: str | os.PathLike | None = None, *, passphrase: str | None = None,
           replace: bool = False) -> tuple[KeyRecord, Path, Path]:
    """Make ``supervisor`` a key pair, write the files and register the public key.

    Returns (the registered key, the private key file, the public key file). Nothing is
    written when the supervisor is unknown or already has a key (without ``replace``).
    """
    person = check_can_register(store, supervisor, replace=replace)
    to = Path(to) if to is not None else default_key_path(person.name, store)
    key = generate_key()
    priv, pub = write_key_files(key, to, passphrase=passphrase, comment=f"casekit:{person.name.replace(' ', '_')}")
    try:
        record = register_key(store, person.name, key.public_key, replace=replace)
    except Exception:
        priv.unlink(missing_ok=True)
        pub.unlink(missing_ok=True)
        raise
    return record, priv, pub


def signer_for(conn, key: SigningKey) -> tuple[Person, KeyRecord]:
    """The supervisor a loaded key belongs to in this log, or :class:`KeyRegistrationError`."""
    from casekit.hours.storage.tables import keys

    found = _records(conn, keys.c.fingerprint == key.fingerprint)
    where = f" ({key.path})" if key.path else ""
    if not found:
        raise KeyRegistrationError(
            f"the key{where} {key.fingerprint} is not registered in this log; register its public key first: "
            "casekit hours keys register SUPERVISOR FILE.pub")
    rec = found[0]
    if rec.retired_at is not None:  # not active
        raise KeyRegistrationError(f"the key{where} {key.fingerprint} of {rec.owner} was retired on "
                                   f"{rec.retired_at[:10]}; sign with {rec.owner}'s current key")
    person = PeopleIndex.load(None, conn=conn).by_id[rec.person_id]
    return person, rec
