"""An archive whose member headers are damaged (found by the bit-flipping test in
test_import.py: a flip in reflect.db's local header made zipfile raise EOFError, which
reached the person as "an unexpected problem"). Each damaged field must give the archive's
own clear message and write nothing."""

from __future__ import annotations

import struct
from datetime import datetime

import pytest

from reflect.domain.errors import ReflectError
from reflect.domain.reflection import Reflection
from reflect.services.export import export_profile
from reflect.services.importing import import_file
from tests.conftest import PASSPHRASE

ARCHIVE_PASS = "archive passphrase for tests"
# Fields of a member's entry in the zip's central directory (APPNOTE 4.3.12), which is what
# zipfile reads, and the bit flipped in each.
FIELDS = {
    "version needed": (6, 0x80),
    "flags (encrypted bit)": (8, 0x01),
    "compression method": (10, 0x01),
    "compressed size": (20, 0x01),
    "size": (24, 0x01),
    "size, high byte": (27, 0x40),
    "local header offset": (42, 0x01),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    service = ProfileService(AppPaths(tmp_path_factory.mktemp("source")).ensure(), fast_kdf=True)
    session = service.unlock(service.create(PASSPHRASE, "Source"), PASSPHRASE)
    try:
        session.journal.save(
            Reflection("free_write", datetime(2026, 1, 3, 9), answers={"text": "x"})
        )
        folder = tmp_path_factory.mktemp("archive")
        path = export_profile(
            session, "archive", folder / "a", archive_passphrase=ARCHIVE_PASS
        ).path
        return path.read_bytes()
    finally:
        session.close()


def _directory_entry(data: bytes, name: bytes) -> int:
    """Where the central directory entry of member ``name`` starts."""
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + length] == name:
            return start
        start += 4
    raise AssertionError(f"no member {name!r}")


def test_a_local_header_sending_zipfile_past_the_data_is_a_clear_archive_error(
    archive, session, tmp_path
):
    """The extra field's length in reflect.db's own header (not the directory's): zipfile
    skips that many bytes and runs out of data (EOFError)."""
    data = bytearray(archive)
    start = data.find(b"PK\x03\x04", 4)  # the second member's header: the manifest is first
    assert data[start + 30 : start + 40] == b"reflect.db"
    data[start + 29] ^= 0x01
    path = tmp_path / "damaged.reflect-archive"
    path.write_bytes(bytes(data))
    with pytest.raises(ReflectError, match="damaged.reflect-archive"):
        import_file(session, path, ARCHIVE_PASS)
    assert session.journal.count() == 0


@pytest.mark.parametrize("member", [b"reflect.db", b"manifest.json"])
@pytest.mark.parametrize("field", FIELDS, ids=FIELDS)
def test_a_damaged_member_entry_is_a_clear_archive_error(member, field, archive, session, tmp_path):
    offset, mask = FIELDS[field]
    data = bytearray(archive)
    data[_directory_entry(archive, member) + offset] ^= mask
    path = tmp_path / "damaged.reflect-archive"
    path.write_bytes(bytes(data))
    try:
        import_file(session, path, ARCHIVE_PASS)
    except ReflectError as exc:
        assert "damaged.reflect-archive" in str(exc)
        assert session.journal.count() == 0
    else:  # zipfile did not need the field
        assert session.journal.count() == 1
