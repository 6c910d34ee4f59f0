"""A backup written over an older one (``backup --out FILE --force``, the same day's daily
copy) and killed between its key file and its database must leave a pair that opens.

Before: the new ``.key.json`` (today's keys) was in place before the new database, so a kill
in between left the old database beside keys that do not open it; a backup made before a
passphrase change could then be restored with neither passphrase."""

from __future__ import annotations

import pytest

import reflect.storage.backup as backup_module
from reflect.services.backups import backup_now, restore_backup
from tests.conftest import PASSPHRASE
from tests.services.test_backups import _texts, _write

NEW = "a brand new passphrase for today"


class Killed(BaseException):
    pass


def _outside_backup_then_a_new_passphrase(profile_service, profile, folder):
    """A backup with "old days" written to a chosen file, then a new passphrase."""
    session = profile_service.unlock(profile, PASSPHRASE)
    _write(session, "old days")
    backup = backup_now(session, folder / "mine.reflect-backup").written[0]
    profile_service.change_passphrase(session, NEW, NEW)
    _write(session, "new days", day=3)
    session.close()
    return backup


def _killed_at_the_database_swap(monkeypatch):
    real = backup_module.os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith(".reflect-backup"):
            raise Killed
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(backup_module.os, "replace", replace)


def test_an_old_backup_replaced_and_killed_midway_still_restores(
    profile_service, profile, monkeypatch, tmp_path
):
    backup = _outside_backup_then_a_new_passphrase(profile_service, profile, tmp_path)
    session = profile_service.unlock(profile, NEW)
    _killed_at_the_database_swap(monkeypatch)
    with pytest.raises(Killed):
        backup_now(session, backup, overwrite=True)
    session.close()
    monkeypatch.undo()
    # The old database is still there: the passphrase of its day still opens it.
    restore_backup(profile, backup, PASSPHRASE)
    session = profile_service.unlock(profile, PASSPHRASE)
    try:
        assert _texts(session) == ["old days"]
    finally:
        session.close()


def test_the_replacement_opens_with_todays_passphrase_and_keeps_no_older_seal(
    profile_service, profile, tmp_path
):
    backup = _outside_backup_then_a_new_passphrase(profile_service, profile, tmp_path)
    session = profile_service.unlock(profile, NEW)
    backup_now(session, backup, overwrite=True)
    session.close()
    sidecar = backup_module.read_key_sidecar(backup)
    assert sidecar is not None and "previous" not in sidecar
    restore_backup(profile, backup, NEW)
    session = profile_service.unlock(profile, NEW)
    try:
        assert sorted(_texts(session)) == ["new days", "old days"]
    finally:
        session.close()


def test_a_revoked_recovery_seal_goes_from_the_older_seals_too(tmp_path):
    """A recovery key replaced or removed stops working through a kept older seal as well."""
    import json

    old_seal = {"nonce": "n", "sealed": "old recovery"}
    sidecar = tmp_path / ("b.reflect-backup" + backup_module.SIDECAR_SUFFIX)
    held = {
        "format": 1,
        "passphrase": {"kdf": {}, "wrapped_key": {}},
        "recovery": None,
        "previous": {"passphrase": {"kdf": {}, "wrapped_key": {}}, "recovery": old_seal},
    }
    sidecar.write_text(json.dumps(held), encoding="utf-8")
    backup_module.reseal_recovery_in_sidecars(tmp_path, old_seal, None)
    assert json.loads(sidecar.read_text(encoding="utf-8"))["previous"]["recovery"] is None
