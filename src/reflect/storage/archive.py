"""Reflect archives: an encrypted database copy under an export passphrase, in one file.

The file is a zip (stored, not compressed: ciphertext does not compress) holding
``manifest.json`` and ``reflect.db``. The database is a SQLCipher copy keyed with Argon2id
from the export passphrase; the manifest holds only what is needed to derive that key (salt
and cost settings), the format and the Reflect version, never anything written by the person.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from reflect.domain import safe_json
from reflect.domain.errors import StorageUnavailable, cut
from reflect.domain.message import Message
from reflect.private_output import private_output, working_file
from reflect.storage.backup import connect_readonly, verify_database
from reflect.storage.database import connect_encrypted
from reflect.storage.errors import VaultError
from reflect.storage.kdf import KdfParams, derive_key, wipe

ARCHIVE_FORMAT = "reflect-archive/1"
MANIFEST = "manifest.json"
DATABASE = "reflect.db"
# Fixed, portable cost settings (above the OWASP floor) rather than calibrated ones: the
# archive may be opened on a slower computer than the one that wrote it.
ARCHIVE_MEMORY_KIB = 64 * 1024
ARCHIVE_TIME_COST = 3
ARCHIVE_PARALLELISM = 4
MAX_MANIFEST_BYTES = 64 * 1024
# Checked from the zip directory before anything is expanded: Reflect writes two members,
# stored (ratio 1), and a database of a few tens of MB for years of use.
MAX_MEMBERS = 8
MAX_DATABASE_BYTES = 4 * 1024**3
MAX_RATIO = 20

# What zipfile raises for a damaged member, besides BadZipFile: a header whose lengths send
# it past the data (EOFError), a flipped "encrypted" flag (RuntimeError), an unknown
# compression method or version (NotImplementedError), damaged deflate data (zlib.error).
# Caught only around zipfile's own reading, never around Reflect's code.
ZIP_DAMAGE = (zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError, zlib.error)


class ArchiveError(VaultError):
    """The file is not a readable Reflect archive."""


def archive_params() -> KdfParams:
    return KdfParams(
        ARCHIVE_MEMORY_KIB, ARCHIVE_TIME_COST, ARCHIVE_PARALLELISM, secrets.token_hex(16)
    )


def write_archive(
    db: sqlite_utils.Database,
    target: Path,
    passphrase: str,
    app_version: str,
    params: KdfParams | None = None,
) -> dict[str, int]:
    """Write the archive atomically (0600): the database copy is a working file beside
    ``target`` and the zip an unnamed (or locked) private file named only when complete
    (reflect.private_output), so a kill leaves nothing the next write there keeps."""
    target = Path(target)
    params = params or archive_params()
    key = derive_key(passphrase, params)
    try:
        with working_file(target.parent) as staging:
            dest = connect_encrypted(staging, key, create=True)
            try:
                db.conn.backup(dest)
                _drop_secrets(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            counts = verify_database(staging, key)
            manifest = {
                "format": ARCHIVE_FORMAT,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "app_version": app_version,
                "kdf": params.to_dict(),
            }
            with private_output(target) as output, os.fdopen(os.dup(output.fd), "wb") as handle:
                with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive:
                    archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
                    archive.write(staging, DATABASE)
                handle.flush()
        return counts
    finally:
        wipe(key)


def _drop_secrets(dest: Any) -> None:
    """Empty the secret tables of the copy (the supervision key pair never leaves the profile:
    an archive given away with its passphrase would open every packet sealed to this person).
    secure_delete zeroes the rows and VACUUM rewrites every page, so no remnant stays."""
    from reflect.storage.table_dump import SECRET_TABLES

    present = {r[0] for r in dest.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    dest.execute("PRAGMA secure_delete = ON")
    dropped = sum(
        dest.execute(f'DELETE FROM "{table}"').rowcount for table in sorted(SECRET_TABLES & present)
    )
    dest.commit()
    if dropped:  # (a rewrite of the whole copy costs about as much as the copy itself)
        dest.execute("VACUUM")


def _cut(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def check_members(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip bomb, a crowd of members or a path-traversal name before expanding any."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ArchiveError(
            "{name} holds {count} files; a Reflect archive holds two.",
            name=name,
            count=len(members),
        )
    for info in members:
        parts = info.filename.replace("\\", "/").split("/")
        if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in info.filename:
            raise ArchiveError(
                "{name} holds a file with an unsafe name; nothing was read.", name=name
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ArchiveError("{name} uses a compression Reflect does not write.", name=name)
        if info.file_size > MAX_DATABASE_BYTES:
            raise ArchiveError(
                "{name} declares a file larger than 4 GB; nothing was read.", name=name
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ArchiveError(
                "{name} would expand {ratio} times; Reflect archives are not compressed, so it "
                "was refused before expanding.",
                name=name,
                ratio=info.file_size // max(info.compress_size, 1),
            )


def read_manifest(path: Path) -> dict[str, Any]:
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as archive:
            check_members(archive, name)
            names = set(archive.namelist())
            if MANIFEST not in names or DATABASE not in names:
                raise ArchiveError("{name} is not a Reflect archive.", name=name)
            info = archive.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                raise ArchiveError("{name}: the manifest is too large.", name=name)
            manifest = safe_json.loads(archive.read(MANIFEST).decode("utf-8"), 8)
    except (*ZIP_DAMAGE, OSError, ValueError, UnicodeDecodeError) as exc:
        raise ArchiveError(
            "{name} is not a readable Reflect archive ({error}).", name=name, error=cut(exc, 200)
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError(
            "{name} is not a Reflect archive this version can read (format {format}).",
            name=name,
            format=_cut(manifest.get("format")) if isinstance(manifest, dict) else "?",
        )
    if not isinstance(manifest.get("kdf"), dict):
        raise ArchiveError("{name}: the manifest has no key settings.", name=name)
    return manifest


@dataclass
class OpenedArchive:
    """A private working copy of an archive's database; ``close()`` deletes it.

    The copy is a working file (reflect.private_output.working_file): killed before
    ``close()``, it is removed by the next writer's unlock, or the next private file written
    into the profile folder; a dry run (a reader) holds it meanwhile, so it is never removed
    while read."""

    db: sqlite_utils.Database
    manifest: dict[str, Any]
    copy: Path
    working: contextlib.ExitStack[Any]

    def close(self) -> None:
        try:
            self.db.conn.close()
        finally:
            self.working.close()


def _migrate(db: sqlite_utils.Database, name: str) -> None:
    """Bring the working copy to today's schema (closing it if that fails)."""
    from reflect.storage.migrations import apply_migrations, newer_than_code

    try:
        if newer_than_code(db):
            # Named as the archive: migrating would say "This profile" is newer.
            raise ArchiveError(
                "{name} was written by a newer version of Reflect; update Reflect to import "
                "it. Nothing was imported.",
                name=name,
            )
        apply_migrations(db)
    except BaseException:
        db.conn.close()
        raise


def _writing_failed(exc: OSError, workdir: Path) -> bool:
    """The working copy could not be written (a full or read-only profile folder)."""
    full = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG, errno.EROFS)
    return exc.errno in full or Path(str(exc.filename)).parent == Path(workdir)


def _copy_database(path: Path, copy: Path) -> None:
    """The archive's (still encrypted) database into ``copy``, a new private file."""
    fd = os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with (
            os.fdopen(fd, "wb") as handle,
            zipfile.ZipFile(path) as archive,
            archive.open(DATABASE) as source,
        ):
            # zipfile stops at the declared size and checks the CRC; the count is a second
            # fence in case the directory and the local header disagree.
            declared, copied = archive.getinfo(DATABASE).file_size, 0
            while block := source.read(1 << 20):
                copied += len(block)
                if copied > declared:
                    raise ArchiveError(
                        "{name} is damaged (the database is longer than declared).",
                        name=path.name,
                    )
                handle.write(block)
    except ZIP_DAMAGE as exc:
        raise ArchiveError(
            "{name} is damaged and cannot be read ({error}).", name=path.name, error=cut(exc, 200)
        ) from exc


def open_archive(path: Path, passphrase: str, workdir: Path) -> OpenedArchive:
    """Check the archive and open a working copy of its database in ``workdir`` (private).

    The copy is still encrypted; it is migrated to this version's schema so it can be read
    with today's column names. Raises WrongPassphrase or ArchiveError.
    """
    manifest = read_manifest(path)
    where = Message("{name} (archive manifest)", name=Path(path).name)
    params = KdfParams.from_dict(manifest["kdf"], where)
    key = derive_key(passphrase, params)
    working = contextlib.ExitStack()
    try:
        copy = working.enter_context(working_file(Path(workdir)))
        _copy_database(Path(path), copy)
        connect_readonly(copy, key).close()  # WrongPassphrase before anything else
        verify_database(copy, key)
        db = sqlite_utils.Database(connect_encrypted(copy, key), execute_plugins=False)
        _migrate(db, Path(path).name)
    except (zipfile.BadZipFile, OSError) as exc:
        working.close()
        if isinstance(exc, OSError) and _writing_failed(exc, workdir):
            # The profile's folder is full or read-only: the archive itself is fine.
            raise StorageUnavailable.from_os_error(exc, workdir) from exc
        raise ArchiveError(
            "{name} is damaged and cannot be read ({error}).",
            name=Path(path).name,
            error=cut(exc, 200),
        ) from exc
    except BaseException:
        working.close()
        raise
    finally:
        wipe(key)
    return OpenedArchive(db, manifest, copy, working)
