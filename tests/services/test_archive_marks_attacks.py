"""Attacks on the "not checked here" marks (m008_supfix) and the names chosen at pairing:
archives from before m008 or with the new columns missing or odd, a backup restored over
a profile that imported an archive. Never shown as signed without a check on this device,
never a traceback, and a crafted value refused before anything is written."""

from __future__ import annotations

import pytest

from reflect.domain.errors import ReflectError
from reflect.services.backups import backup_now, restore_backup
from reflect.services.export import export_profile
from reflect.services.importing import import_file
from tests.services.archive_signature_fixtures import (
    SECRET,
    claim_signed,
    into_fresh_profile,
    unsigned_packet,
    unsigned_reply,
)
from tests.services.supervision_fixtures import PASSPHRASE, open_profile

MARKED = {"received_packets", "supervision_replies"}


def _packet_marks(session) -> list[tuple[bool, str]]:
    return [(r["signed"], r["signature"]) for r, _ in session.supervision.packets()]


def _reply_marks(session) -> list[tuple[bool, str]]:
    return [(r["signed"], r["signature"]) for r in session.supervision_send.replies()]


def _as_before_m008(session) -> None:
    """Make ``session``'s database look written by Reflect before m008: no new columns,
    no m008 in the migrations table (an archive of it is then migrated when opened)."""
    db = session.db
    with db.atomic():
        db.execute("ALTER TABLE received_packets DROP COLUMN from_archive")
        db.execute("ALTER TABLE supervision_replies DROP COLUMN from_archive")
        db.execute("ALTER TABLE supervisees DROP COLUMN name_chosen")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_supfix'")


def _import_crafted(session, tmp_path, name: str):
    archive = export_profile(
        session, "archive", tmp_path / f"{name}-out", archive_passphrase=SECRET
    )
    fresh = open_profile(tmp_path / name, "Fresh")
    return fresh, archive.path


def test_an_archive_from_before_m008_saying_signed_is_not_checked_here(pair, tmp_path):
    unsigned_packet(pair, tmp_path)
    claim_signed(pair.supervisor)
    _as_before_m008(pair.supervisor)
    fresh, _ = into_fresh_profile(pair.supervisor, tmp_path, "fresh")
    try:
        assert _packet_marks(fresh) == [(False, "not_checked_here")]
        chosen = fresh.db.execute("SELECT name_chosen FROM supervisees").fetchall()
        assert chosen == [(None,)]
    finally:
        fresh.close()


def test_a_reply_archive_from_before_m008_saying_signed_is_not_checked_here(pair, tmp_path):
    unsigned_reply(pair, tmp_path)
    claim_signed(pair.provider)
    _as_before_m008(pair.provider)
    fresh, _ = into_fresh_profile(pair.provider, tmp_path, "fresh")
    try:
        assert _reply_marks(fresh) == [(False, "not_checked_here")]
    finally:
        fresh.close()


def test_an_archive_that_claims_m008_but_lacks_its_columns(pair, tmp_path):
    unsigned_packet(pair, tmp_path)
    claim_signed(pair.supervisor)
    db = pair.supervisor.db
    with db.atomic():  # m008 stays recorded: the archive is not migrated again
        db.execute("ALTER TABLE received_packets DROP COLUMN from_archive")
    fresh, _ = into_fresh_profile(pair.supervisor, tmp_path, "fresh")
    try:
        assert _packet_marks(fresh) == [(False, "not_checked_here")]
    finally:
        fresh.close()


@pytest.mark.parametrize("value", [None, 0, 1])
def test_any_from_archive_an_archive_may_hold_is_written_as_one(pair, tmp_path, value):
    unsigned_packet(pair, tmp_path)
    claim_signed(pair.supervisor)
    pair.supervisor.db.execute("UPDATE received_packets SET from_archive = ?", [value])
    pair.supervisor.db.conn.commit()
    fresh, _ = into_fresh_profile(pair.supervisor, tmp_path, "fresh")
    try:
        assert _packet_marks(fresh) == [(False, "not_checked_here")]
        assert fresh.db.execute("SELECT from_archive FROM received_packets").fetchall() == [(1,)]
    finally:
        fresh.close()


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("received_packets", "from_archive", "no"),
        ("received_packets", "from_archive", 2),
        ("received_packets", "from_archive", -1),
        ("supervision_replies", "from_archive", "yes"),
        ("supervision_replies", "from_archive", 1.5),
        ("supervisees", "name_chosen", "chosen"),
        ("supervisees", "name_chosen", 7),
    ],
)
def test_an_odd_new_column_value_is_refused_and_nothing_written(
    pair, tmp_path, table, column, value
):
    unsigned_reply(pair, tmp_path)  # a reply on the provider, a packet on the supervisor
    source = pair.provider if table == "supervision_replies" else pair.supervisor
    source.db.execute(f'UPDATE "{table}" SET "{column}" = ?', [value])
    source.db.conn.commit()
    fresh, path = _import_crafted(source, tmp_path, "fresh")
    try:
        with pytest.raises(ReflectError) as caught:
            import_file(fresh, path, SECRET)
        assert column in caught.value.message
        assert fresh.db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone() == (0,)
    finally:
        fresh.close()


def test_a_name_chosen_in_an_archive_is_the_archive_owners_choice(pair, tmp_path):
    """What a crafted archive can do with name_chosen: fix the name of a supervisee this
    profile does not know yet. Pairing (Add supervisee…) with that person renames them
    again; a supervisee this profile already knows keeps this profile's row."""
    unsigned_packet(pair, tmp_path)
    db = pair.supervisor.db
    recipient = db.execute("SELECT recipient FROM supervisees").fetchone()[0]
    db.execute("UPDATE supervisees SET name = 'Wrong name', name_chosen = 1")
    db.conn.commit()
    fresh, _ = into_fresh_profile(pair.supervisor, tmp_path, "fresh")
    try:
        row = fresh.db.execute("SELECT name, name_chosen FROM supervisees").fetchone()
        assert tuple(row) == ("Wrong name", 1)
        from reflect.storage.supervision_record import SupervisionRecordRepository

        repo = SupervisionRecordRepository(fresh.db)
        with fresh.db.atomic():
            repo._supervisee_called("Alex", recipient, None)  # a packet's name: not taken
        assert fresh.db.execute("SELECT name FROM supervisees").fetchone()[0] == "Wrong name"
        with fresh.db.atomic():
            repo._supervisee_called("Alex", recipient, None, chosen=True)  # pairing again
        assert fresh.db.execute("SELECT name FROM supervisees").fetchone()[0] == "Alex"
    finally:
        fresh.close()


def test_a_backup_restored_keeps_the_not_checked_here_marks(pair, tmp_path):
    """A restore copies the whole database: rows an archive brought stay marked, so a
    restore never turns them into "checked"."""
    unsigned_packet(pair, tmp_path)
    claim_signed(pair.supervisor)
    fresh, _ = into_fresh_profile(pair.supervisor, tmp_path, "fresh")
    profile = fresh.profile
    try:
        backup = backup_now(fresh).written[0]
    finally:
        fresh.close()
    restore_backup(profile, backup, PASSPHRASE)
    again = open_profile(tmp_path / "fresh", "Fresh")
    try:
        assert _packet_marks(again) == [(False, "not_checked_here")]
    finally:
        again.close()


def _as_before_m007(session) -> None:
    _as_before_m008(session)
    db = session.db
    with db.atomic():
        db.execute("DROP TABLE signing_identity")
        db.execute("DROP TABLE signing_pins")
        db.execute("ALTER TABLE supervision_replies DROP COLUMN signed")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_signedpackets'")


@pytest.mark.parametrize("before", [_as_before_m007, _as_before_m008])
def test_an_old_archive_still_imports_with_its_packets_and_replies(pair, tmp_path, before):
    # the supervisor keeps a signed packet (checked there), the provider an unsigned reply
    unsigned_reply(pair, tmp_path)
    for session, name in ((pair.supervisor, "sup"), (pair.provider, "prov")):
        before(session)
        fresh, _summary = into_fresh_profile(session, tmp_path, name)
        try:
            if session is pair.supervisor:
                assert _packet_marks(fresh) == [(False, "not_checked_here")]
            else:
                assert _reply_marks(fresh) == [(False, "unsigned")]
        finally:
            fresh.close()


@pytest.mark.parametrize("before", [_as_before_m007, _as_before_m008])
def test_an_old_backup_still_restores_and_migrates(pair, tmp_path, before):
    unsigned_packet(pair, tmp_path)
    claim_signed(pair.supervisor)  # checked here (from_archive 0): a restore keeps that
    before(pair.supervisor)
    profile = pair.supervisor.profile
    backup = backup_now(pair.supervisor).written[0]
    pair.supervisor.close()
    restore_backup(profile, backup, PASSPHRASE)
    again = open_profile(tmp_path / "supervisor", "Sam")
    try:
        names = [r[0] for r in again.db.execute("SELECT name FROM _sqlite_migrations")]
        assert "m008_supfix" in names
        assert _packet_marks(again) == [(True, "checked")]
    finally:
        again.close()
