from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest

from reflect.domain.errors import (
    EncryptionUnavailable,
    PlaintextDatabase,
    SchemaTooNew,
    TooManyAttempts,
    VaultError,
    WrongPassphrase,
)
from reflect.storage.kdf import FLOOR_MEMORY_KIB, FLOOR_TIME_COST, KdfParams
from reflect.storage.migrations import apply_migrations
from tests.conftest import PASSPHRASE

CANARY = "CANARY-7f3a-plaintext-must-never-appear"


def _all_bytes(folder):
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as handle:
                yield name, handle.read()


def test_round_trip_stores_and_reads_back(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    session.settings.set("note", "hello")
    session.close()
    again = profile_service.unlock(profile, PASSPHRASE)
    assert again.settings.get("note") == "hello"
    again.close()


def test_database_header_is_not_plain_sqlite(profile):
    with open(profile.db_path, "rb") as handle:
        assert handle.read(16) != b"SQLite format 3\x00"


def test_wrong_passphrase_is_refused_and_nothing_changes(profile_service, profile):
    before = {name: data for name, data in _all_bytes(profile.directory)}
    with pytest.raises(WrongPassphrase) as info:
        profile_service.unlock(profile, "not the passphrase")
    assert "does not open" in str(info.value)
    after = {name: data for name, data in _all_bytes(profile.directory)}
    # Only the count of failed tries is kept (issue 13: it must survive a restart).
    counter = after.pop("unlock-attempts.json")
    assert set(json.loads(counter)) == {"failures", "not_before"}
    assert before == after


def test_repeated_failures_are_slowed(profile_service, profile):
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            profile_service.unlock(profile, "wrong wrong wrong")
    with pytest.raises(TooManyAttempts) as info:
        profile_service.unlock(profile, PASSPHRASE)
    assert info.value.wait_seconds > 0


def test_plain_sqlite_file_is_refused_and_untouched(profile_service, profile):
    profile.db_path.unlink()
    plain = sqlite3.connect(profile.db_path)
    plain.execute("create table t (x)")
    plain.commit()
    plain.close()
    before = profile.db_path.read_bytes()
    with pytest.raises(PlaintextDatabase):
        profile_service.unlock(profile, PASSPHRASE)
    assert profile.db_path.read_bytes() == before


def test_missing_sqlcipher_fails_closed(monkeypatch, profile_service):
    import builtins

    real_import = builtins.__import__

    def no_sqlcipher(name, *args, **kwargs):
        if name == "sqlcipher3":
            raise ImportError("simulated")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sqlcipher)
    with pytest.raises(EncryptionUnavailable):
        profile_service.create(PASSPHRASE, "Nope")
    assert not any(p.db_path.exists() for p in profile_service.list_profiles())


def test_sqlite_without_cipher_support_fails_closed(monkeypatch, tmp_path):
    """A SQLite build without SQLCipher answers cipher_version with nothing: refuse it."""
    import reflect.storage.database as database

    class PlainModule:
        DatabaseError = sqlite3.DatabaseError

        @staticmethod
        def connect(path, **kwargs):
            return sqlite3.connect(path, **kwargs)

    monkeypatch.setattr(database, "_sqlcipher", lambda: PlainModule)
    target = tmp_path / "x.db"
    with pytest.raises(EncryptionUnavailable):
        database.open_database(target, bytearray(32), create=True)
    assert not target.exists() or target.stat().st_size == 0


def test_permissions_are_private(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    session.settings.set("x", 1)
    assert stat.S_IMODE(profile_service.paths.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(profile.directory.stat().st_mode) == 0o700
    for name in ("reflect.db", "reflect.db-wal", "reflect.db-shm", "vault.json"):
        path = profile.directory / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
    session.close()


def test_kdf_parameters_never_below_owasp_floor(profile):
    data = json.loads(profile.vault_path.read_text())
    assert data["passphrase"]["kdf"]["memory_kib"] >= FLOOR_MEMORY_KIB
    assert data["passphrase"]["kdf"]["time_cost"] >= FLOOR_TIME_COST
    assert "passphrase" not in json.dumps(data["passphrase"]["wrapped_key"])
    with pytest.raises(VaultError):
        KdfParams(1024, 1, 1, "00" * 16)


def test_canary_never_appears_in_plain_bytes(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    for i in range(50):
        session.settings.set(f"k{i}", f"{CANARY} {i}")
    # Check while the WAL is still full, then again after closing.
    for name, data in _all_bytes(profile_service.paths.data_dir):
        assert CANARY.encode() not in data, name
        assert PASSPHRASE.encode() not in data, name
    session.close()
    for name, data in _all_bytes(profile_service.paths.data_dir):
        assert CANARY.encode() not in data, name


def test_change_passphrase_rekeys(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    session.settings.set("kept", True)
    profile_service.change_passphrase(session, "a brand new passphrase", "a brand new passphrase")
    session.close()
    with pytest.raises(WrongPassphrase):
        profile_service.unlock(profile, PASSPHRASE)
    again = profile_service.unlock(profile, "a brand new passphrase")
    assert again.settings.get("kept") is True
    again.close()


def test_change_passphrase_requires_matching_confirmation(session, profile_service):
    with pytest.raises(VaultError):
        profile_service.change_passphrase(session, "new passphrase one", "new passphrase two")


def test_schema_newer_than_code_is_refused(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    session.db["_sqlite_migrations"].insert(
        {"migration_set": "reflect", "name": "m999_future", "applied_at": "2099-01-01"}
    )
    with pytest.raises(SchemaTooNew):
        apply_migrations(session.db)
    session.close()
    with pytest.raises(SchemaTooNew):
        profile_service.unlock(profile, PASSPHRASE)


def test_locked_session_refuses_use(session):
    session.close()
    with pytest.raises(VaultError):
        _ = session.db
    session.close()  # closing twice is harmless


def test_several_profiles_each_with_own_file(profile_service):
    a = profile_service.create("passphrase for a", "Alex")
    b = profile_service.create("passphrase for b", "Alex")
    assert a.profile_id != b.profile_id
    assert {p.profile_id for p in profile_service.list_profiles()} >= {a.profile_id, b.profile_id}
    with pytest.raises(WrongPassphrase):
        profile_service.unlock(b, "passphrase for a")


def test_short_passphrase_rejected(profile_service):
    with pytest.raises(VaultError):
        profile_service.create("short", "X")


def test_a_vault_json_grown_past_its_limit_is_refused_not_read_whole(profile_service, profile):
    """Read at unlock with the same limits as the lock screen's listing (1 MiB)."""
    vault = json.loads(profile.vault_path.read_text(encoding="utf-8"))
    padded = json.dumps(vault) + " " * (1024 * 1024)  # still valid JSON
    profile.vault_path.write_text(padded, encoding="utf-8")
    with pytest.raises(VaultError, match="Cannot read"):
        profile_service.unlock(profile, PASSPHRASE)
    profile.vault_path.write_text(json.dumps(vault), encoding="utf-8")
    profile_service.unlock(profile, PASSPHRASE).close()
