"""Supervisor keys: made well, kept private, refused clearly when damaged, registered once per supervisor."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess

import pytest

from casekit.hours.errors import (
    KeyFileError,
    KeyRegistrationError,
    PassphraseError,
    PassphraseRequired,
    UnknownPersonError,
)
from casekit.hours.keys import (
    fingerprint,
    keygen,
    list_keys,
    load_signing_key,
    parse_public_key,
    public_path_for,
    register_key,
    trusted_fingerprints,
)
from casekit.hours.people import add_person
from casekit.hours.store import open_store


@pytest.fixture
def supervisors(store):
    add_person(store, "Demo Supervisor Q", "supervisor")
    add_person(store, "Demo Supervisor R", "supervisor")
    add_person(store, "Demo Learner A", "learner")
    return store


def test_keygen_writes_an_owner_only_private_key_and_registers_the_public_one(supervisors, tmp_path):
    """Is the private key file mode 600, the .pub beside it, and the fingerprint registered with the supervisor?"""
    record, priv, pub = keygen(supervisors, "demo supervisor q", tmp_path / "q.pem", passphrase="correct horse")
    assert stat.S_IMODE(priv.stat().st_mode) == 0o600
    assert pub == tmp_path / "q.pub" and pub.read_text().startswith("ssh-ed25519 AAAA")
    assert priv.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert record.owner == "Demo Supervisor Q" and record.fingerprint.startswith("SHA256:")
    assert fingerprint(parse_public_key(pub.read_text())) == record.fingerprint
    assert [k.fingerprint for k in list_keys(supervisors, "Demo Supervisor Q")] == [record.fingerprint]
    key = load_signing_key(priv, "correct horse")
    assert key.fingerprint == record.fingerprint


def test_the_fingerprint_is_the_one_ssh_keygen_prints(supervisors, tmp_path):
    """Can a supervisor confirm their fingerprint with the standard ssh-keygen tool?"""
    record, _priv, pub = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    out = subprocess.run(["ssh-keygen", "-lf", str(pub)], capture_output=True, text=True, check=True).stdout
    assert record.fingerprint in out and "ED25519" in out


def test_a_loaded_key_never_shows_or_copies_its_secret(supervisors, tmp_path):
    """Do repr/str show only the fingerprint, and is pickling (copying the secret) refused?"""
    _record, priv, _pub = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    key = load_signing_key(priv)
    secret_body = priv.read_text().splitlines()[1]
    assert secret_body not in repr(key) and secret_body not in str(key)
    assert repr(key) == f"SigningKey({key.fingerprint})"
    with pytest.raises(TypeError, match="not copied"):
        pickle.dumps(key)


def test_an_existing_key_file_is_never_overwritten(supervisors, tmp_path):
    """Does keygen refuse to write over an existing file, and register nothing then?"""
    (tmp_path / "q.pem").write_text("an old key")
    with pytest.raises(KeyFileError, match="already exists"):
        keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    assert (tmp_path / "q.pem").read_text() == "an old key"
    assert list_keys(supervisors) == []


@pytest.mark.parametrize("damage,fragment", [
    (lambda b: b[: len(b) // 2], "truncated or damaged"),
    (lambda b: b.replace(b"MC4CAQAw", b"MC4CAQZZ"), "truncated or damaged"),
    (lambda b: b"", "not a PEM private key"),
    (lambda b: b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA5BGzh2xZdvECj499qc8vWok", "is a public key"),
])
def test_a_truncated_or_corrupt_key_file_is_a_clear_error(supervisors, tmp_path, damage, fragment):
    """Is a damaged key file refused with what is wrong and what to do, not a traceback?"""
    _record, priv, _pub = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    priv.write_bytes(damage(priv.read_bytes()))
    with pytest.raises(KeyFileError, match=fragment) as info:
        load_signing_key(priv)
    assert str(priv) in str(info.value)


def test_passphrase_mistakes_are_clear(supervisors, tmp_path):
    """Are a wrong passphrase, a missing one and one given for an unprotected key each named as such?"""
    _r, locked, _p = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem", passphrase="right one")
    with pytest.raises(PassphraseError, match="wrong passphrase"):
        load_signing_key(locked, "wrong one")
    with pytest.raises(PassphraseRequired, match="protected by a passphrase"):
        load_signing_key(locked)
    _r, open_key, _p = keygen(supervisors, "Demo Supervisor R", tmp_path / "r.pem")
    with pytest.raises(PassphraseError, match="has no passphrase"):
        load_signing_key(open_key, "anything")


def test_a_private_key_others_can_read_is_refused(supervisors, tmp_path):
    """Is a private key file readable by other users refused, with the chmod that fixes it?"""
    _r, priv, _p = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    os.chmod(priv, 0o644)
    with pytest.raises(KeyFileError, match="chmod 600"):
        load_signing_key(priv)


def test_only_supervisors_get_keys_and_each_key_has_one_owner(supervisors, tmp_path):
    """Are a learner's key, a second active key and another supervisor's key all refused?"""
    with pytest.raises(UnknownPersonError, match="not a supervisor"):
        keygen(supervisors, "Demo Learner A", tmp_path / "a.pem")
    assert not (tmp_path / "a.pem").exists()
    record, _priv, pub = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    with pytest.raises(KeyRegistrationError, match="already has key .*--replace"):
        keygen(supervisors, "Demo Supervisor Q", tmp_path / "q2.pem")
    assert not (tmp_path / "q2.pem").exists()
    with pytest.raises(KeyRegistrationError, match="registered to Demo Supervisor Q"):
        register_key(supervisors, "Demo Supervisor R", pub.read_text())
    with pytest.raises(KeyRegistrationError, match="not an Ed25519 public key"):
        register_key(supervisors, "Demo Supervisor R", "ssh-rsa AAAAB3Nza")


def test_replacing_a_key_retires_the_old_one(supervisors, tmp_path):
    """With --replace, is the old key kept but retired, and the new one active?"""
    old, _priv, _pub = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    new, _priv, _pub = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q2.pem", replace=True)
    found = {k.fingerprint: k for k in list_keys(supervisors)}
    assert found[old.fingerprint].retired_at and found[new.fingerprint].active


def test_trust_takes_pub_files_and_fingerprints(supervisors, tmp_path):
    """Does --trust accept a .pub file or a fingerprint, and refuse anything else clearly?"""
    record, _priv, pub = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    assert trusted_fingerprints([str(pub), "SHA256:abc"]) == {record.fingerprint, "SHA256:abc"}
    with pytest.raises(KeyRegistrationError, match="no such file"):
        trusted_fingerprints([str(tmp_path / "nope.pub")])
    assert public_path_for(tmp_path / "id_casekit") == tmp_path / "id_casekit.pub"


def test_keys_survive_reopening_the_log(supervisors, tmp_path):
    """Is a registered key still there when the log is opened again?"""
    record, _priv, _pub = keygen(supervisors, "Demo Supervisor Q", tmp_path / "q.pem")
    again = open_store(supervisors.path)
    assert [k.fingerprint for k in list_keys(again)] == [record.fingerprint]
    again.close()
