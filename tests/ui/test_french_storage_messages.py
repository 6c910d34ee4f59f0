"""Issue 14 item 3: errors of the storage layer carry an English template and its values.

The English sentence is what it always was (the command line and the docs compare it); the
interface translates the template and puts the values back, with a file name shown as it
came and a nested reason or kind of file translated too.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from reflect.domain.errors import ProfileDamaged, VaultError
from reflect.domain.message import Message
from reflect.storage.archive import ARCHIVE_FORMAT, DATABASE, MANIFEST, open_archive
from reflect.storage.database import connect_encrypted
from reflect.storage.failures import translate
from reflect.storage.kdf import KdfParams, check_kdf_settings
from reflect.storage.restore import restore_database
from reflect.storage.sealed_files import DamagedSealedFile, new_identity, open_sealed
from reflect.ui.error_text import message_in_language
from tests.conftest import PASSPHRASE


def _refusal(action) -> VaultError:
    with pytest.raises(VaultError) as caught:
        action()
    return caught.value


def _zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


# --- damaged archives ---------------------------------------------------------------------


def test_an_archive_that_is_not_a_zip_names_the_file_and_reads_in_french(tmp_path, french):
    junk = tmp_path / "notes.reflect"
    junk.write_bytes(b"not a zip at all" * 10)
    error = _refusal(lambda: open_archive(junk, PASSPHRASE, tmp_path))
    assert error.message.template == "{name} is not a readable Reflect archive ({error})."
    assert error.message.values == {"name": "notes.reflect", "error": "File is not a zip file"}
    assert str(error) == "notes.reflect is not a readable Reflect archive (File is not a zip file)."
    assert message_in_language(error) == french[error.message.template].format(
        name="notes.reflect", error="File is not a zip file"
    )
    assert message_in_language(error).startswith("notes.reflect ")
    assert "Reflect archive" not in message_in_language(error)


def test_an_archive_with_many_members_carries_the_count(tmp_path, french):
    crowd = _zip(tmp_path / "crowd.reflect", {f"f{n}": b"x" for n in range(9)})
    error = _refusal(lambda: open_archive(crowd, PASSPHRASE, tmp_path))
    assert str(error) == "crowd.reflect holds 9 files; a Reflect archive holds two."
    assert error.message.values == {"name": "crowd.reflect", "count": 9}
    translated = message_in_language(error)
    assert "crowd.reflect" in translated and "9" in translated
    assert translated != str(error)


def test_a_manifest_asking_for_huge_key_settings_is_refused_in_french(tmp_path, french):
    kdf = {**KdfParams.floor().to_dict(), "time_cost": 10**6}
    manifest = json.dumps({"format": ARCHIVE_FORMAT, "kdf": kdf}).encode()
    hostile = _zip(tmp_path / "slow.reflect", {MANIFEST: manifest, DATABASE: b"\0" * 512})
    error = _refusal(lambda: open_archive(hostile, PASSPHRASE, tmp_path))
    assert str(error) == (
        "slow.reflect (archive manifest) asks for key-derivation setting time_cost = 1000000, "
        "outside what Reflect writes (2 to 20); refusing to use it."
    )
    # The source is itself a message ("… (archive manifest)"), translated inside the sentence.
    assert isinstance(error.message.values["source"], Message)
    assert message_in_language(error) == (
        "slow.reflect (manifeste de l'archive) demande le réglage de dérivation de clé "
        "time_cost = 1000000, hors de ce que Reflect écrit (2 à 20) ; il n'est pas utilisé."
    )


# --- restore refusals ---------------------------------------------------------------------


@pytest.mark.parametrize(("size", "unit"), [(1, "byte"), (700, "bytes")])
def test_a_cut_short_backup_is_refused_with_its_size(profile, tmp_path, french, size, unit):
    short = tmp_path / "short.reflect-backup"
    short.write_bytes(b"\1" * size)
    error = _refusal(lambda: restore_database(profile, short, PASSPHRASE))
    assert str(error) == (
        f"short.reflect-backup is not a Reflect backup: it is empty or cut short ({size} "
        f"{unit}). Nothing was changed."
    )
    assert error.message.values == {"name": "short.reflect-backup", "size": size}
    translated = message_in_language(error)
    assert translated.startswith("short.reflect-backup n'est pas une sauvegarde Reflect")
    assert f"({size} octet{'s' if size > 1 else ''})" in translated


def test_a_backup_from_elsewhere_is_refused_in_french(profile, tmp_path, french):
    stranger = tmp_path / "stranger.reflect-backup"
    stranger.write_bytes(b"\7" * 4096)
    error = _refusal(lambda: restore_database(profile, stranger, PASSPHRASE))
    assert error.message.template.startswith("{name} does not open with this profile's key")
    assert message_in_language(error).startswith(
        "stranger.reflect-backup ne s'ouvre pas avec la clé de ce profil"
    )


# --- key-derivation bounds ----------------------------------------------------------------


def test_key_settings_out_of_bounds_carry_their_values(french):
    settings = {**KdfParams.floor().to_dict(), "memory_kib": 2**40}
    error = _refusal(lambda: check_kdf_settings(settings, "backup.key.json"))
    assert error.message.values == {
        "source": "backup.key.json",
        "name": "memory_kib",
        "value": str(2**40),
        "low": 19456,
        "high": 1048576,
    }
    assert message_in_language(error).startswith("backup.key.json demande le réglage")


def test_key_settings_above_the_maximum_and_unknown_algorithms(french):
    salt = KdfParams.floor().salt_hex
    above = _refusal(lambda: KdfParams(19456, 2, 64, salt))
    assert str(above) == (
        "Key-derivation settings above what Reflect writes (memory 19456 KiB, 2 passes, "
        "64 lanes); refusing to use them."
    )
    assert "mémoire 19456 Kio, 2 passes, 64 voies" in message_in_language(above)
    unknown = _refusal(lambda: check_kdf_settings({"algorithm": "md5"}, "vault.json"))
    assert str(unknown) == "Unknown key derivation 'md5' in vault.json."
    assert message_in_language(unknown) == "Dérivation de clé inconnue 'md5' dans vault.json."


# --- damaged profiles, SQLite failures and sealed files -------------------------------------


def test_a_damaged_profile_says_what_is_wrong_in_french(tmp_path, french):
    with pytest.raises(ProfileDamaged) as caught:
        connect_encrypted(tmp_path / "reflect.db", bytearray(32), profile=True)
    error = caught.value
    assert str(error).startswith("This profile's database is damaged: reflect.db is missing.")
    assert message_in_language(error).startswith(
        "La base de données de ce profil est endommagée : reflect.db est introuvable."
    )
    empty = tmp_path / "reflect.db"
    empty.write_bytes(b"")
    with pytest.raises(ProfileDamaged) as caught:
        connect_encrypted(empty, bytearray(32), profile=True)
    assert "endommagée : reflect.db est vide (0 octet)." in message_in_language(caught.value)


def test_sqlite_reports_keep_their_wording_as_a_value(tmp_path, french):
    error = translate(sqlite3.DatabaseError("file is not a database"), tmp_path, tmp_path)
    assert "SQLite reports 'file is not a database'" in str(error)
    assert "SQLite indique « file is not a database »" in message_in_language(error)
    full = translate(sqlite3.OperationalError("database or disk is full"), tmp_path)
    assert full.message.template.startswith("The disk is full")
    assert message_in_language(full).startswith("Le disque est plein")


def test_a_sealed_file_names_its_kind_in_french(french):
    secret, _ = new_identity()
    with pytest.raises(DamagedSealedFile) as caught:
        open_sealed(b"hello", secret, "debrief packet")
    assert str(caught.value) == (
        "This file is not a debrief packet: it is not a sealed (age) file. Nothing was changed."
    )
    assert "(paquet de débreffage)" in message_in_language(caught.value)
