"""Backups, restore and health check for a profile. No Qt: the GUI and the CLI share these.

- ``run_automatic_backup(session)``: once a day (cheap when today's copy exists), a verified
  encrypted copy into the profile's ``backups/`` folder, plus one per ISO week; the newest 7
  daily and 4 weekly copies are kept.
- ``backup_now(session)``: a manual copy (never pruned), or to a chosen file.
- ``restore_backup(paths, profile, file, passphrase)``: for a locked profile.
- ``check_profile(session)``: integrity, page authentication and migrations, JSON-able.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reflect.domain.backup_rotation import (
    BACKUP_SUFFIX,
    BackupName,
    daily_name,
    parse_backup_name,
    to_prune,
    weekly_name,
)
from reflect.domain.errors import ValidationError
from reflect.domain.profile import ProfileInfo
from reflect.paths import ensure_private_dir
from reflect.services.session import Session

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    stamp: str
    size: int
    modified: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "kind": self.kind,
            "stamp": self.stamp,
            "bytes": self.size,
            "modified": self.modified.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True)
class BackupReport:
    written: list[Path]
    pruned: list[Path]
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "written": [str(p) for p in self.written],
            "pruned": [str(p) for p in self.pruned],
            "counts": self.counts,
        }


def backups_dir(profile: ProfileInfo) -> Path:
    return profile.directory / "backups"


def list_backups(profile: ProfileInfo) -> list[BackupInfo]:
    """Backups in the profile's folder, newest first."""
    folder = backups_dir(profile)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        name = parse_backup_name(path.name)
        if name is None or not path.is_file():
            continue
        stat = path.stat()
        found.append(
            BackupInfo(
                path, name.kind, name.stamp, stat.st_size, datetime.fromtimestamp(stat.st_mtime)
            )
        )
    return sorted(found, key=lambda b: b.modified, reverse=True)


def _write(session: Session, target: Path) -> dict[str, int]:
    from reflect.storage.backup import backup_to
    from reflect.storage.failures import translated

    with translated(target.parent):  # the app shows the text: no raw OS words
        return backup_to(session.db, target, session.key, vault_path=session.profile.vault_path)


def automatic_backup_job(session: Session, today: date | None = None) -> Callable[[], BackupReport]:
    """``run_automatic_backup`` as a job for a worker thread, safe if the session locks meanwhile.

    The job reads through its own connection (WAL lets it run beside the GUI's) and a copy of
    the key that it wipes when done, so it never touches the session's connection or key.
    """
    from reflect.storage.backup import backup_to, copy_verified
    from reflect.storage.database import close_database, open_database
    from reflect.storage.failures import translated
    from reflect.storage.kdf import wipe

    profile = session.profile
    key = bytearray(session.key)
    day = today or date.today()

    def job() -> BackupReport:
        try:
            with translated(backups_dir(profile)):
                return write()
        finally:
            wipe(key)

    def write() -> BackupReport:
        folder = backups_dir(profile)
        if _day_done(folder, day):
            return BackupReport([], [], {})
        # Each part is done unless already there: a run a crash interrupted (after the daily
        # copy, before the weekly one or the pruning) is finished by the next one.
        daily = folder / daily_name(day).filename
        written, counts = [], {}
        if not daily.exists():
            ensure_private_dir(folder)
            db = open_database(profile.db_path, key)
            try:
                counts = backup_to(db, daily, key, vault_path=profile.vault_path)
            finally:
                close_database(db)
            written.append(daily)
        weekly = folder / weekly_name(day).filename
        if not weekly.exists():
            copy_verified(daily, weekly, key)
            written.append(weekly)
        return BackupReport(written, _prune(folder), counts)

    return job


def _day_done(folder: Path, day: date) -> bool:
    """Today's daily and this week's weekly copy are there and nothing is left to prune."""
    if not (folder / daily_name(day).filename).exists():
        return False
    if not (folder / weekly_name(day).filename).exists():
        return False
    try:
        return not to_prune([p.name for p in folder.iterdir()])
    except OSError:
        return False


def _prune(folder: Path) -> list[Path]:
    from reflect.storage.backup import sidecar_path

    removed = []
    for name in to_prune([p.name for p in folder.iterdir()]):
        path = folder / name
        # The key file first: killed in between, the backup is still there to be pruned by
        # the next run (a key file without its backup would stay for good).
        sidecar_path(path).unlink(missing_ok=True)
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def run_automatic_backup(session: Session, today: date | None = None) -> BackupReport:
    """Write today's daily (and this week's weekly) backup if missing, then rotate.

    When today's copies exist this is two ``stat`` calls and a folder listing, so it can
    run at every unlock.
    """
    if _day_done(backups_dir(session.profile), today or date.today()):
        return BackupReport([], [], {})
    return automatic_backup_job(session, today)()


def backup_now(
    session: Session, target: Path | None = None, *, overwrite: bool = True
) -> BackupReport:
    """A manual verified backup into ``backups/`` (kept until deleted) or to ``target``.

    A chosen ``target`` is never inside a profile folder; ``overwrite=False`` also refuses
    an existing file.
    """
    if target is None:
        folder = ensure_private_dir(backups_dir(session.profile))
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = folder / BackupName("manual", stamp).filename
        # The same local second comes twice on the night clocks go back (or after a clock
        # set back): the earlier backup is kept and this one gets a number.
        number = 1
        while target.exists():
            number += 1
            target = folder / BackupName("manual", f"{stamp}-{number}").filename
    else:
        target = Path(target).expanduser()
        if target.is_dir():
            raise ValidationError(
                "{path} is a folder; give a file name for the backup.", path=target
            )
        if not target.parent.is_dir():
            raise ValidationError("The folder {path} does not exist.", path=target.parent)
        if not target.name.endswith(BACKUP_SUFFIX):
            target = target.with_name(target.name + BACKUP_SUFFIX)
        from reflect.services.output_target import check_output_target

        target = check_output_target(target, session.paths, overwrite=overwrite)
    counts = _write(session, target)
    return BackupReport([target], [], counts)


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    counts: dict[str, int]
    safety_copy: Path | None
    passphrase_from_backup: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "restored_from": str(self.restored_from),
            "counts": self.counts,
            "safety_copy": str(self.safety_copy) if self.safety_copy else None,
            "passphrase_from_backup": self.passphrase_from_backup,
        }


def restore_backup(
    profile: ProfileInfo,
    backup: Path,
    passphrase: str,
    progress: Progress | None = None,
    *,
    allow_empty: bool = False,
    on_lock_wait: Callable[[str], None] | None = None,
) -> RestoreReport:
    """Replace a LOCKED profile's data with ``backup`` after verifying it.

    Holds the profile's writer lock throughout, so no import or app can write meanwhile
    (their rows would be thrown away by the swap). The current data is kept first as a
    ``pre-restore-…`` backup. Raises WrongPassphrase, ProfileBusy or VaultError (damaged,
    empty or foreign file) without changing anything.
    """
    from reflect.storage.failures import translated
    from reflect.storage.file_lock import profile_lock
    from reflect.storage.leftovers import clean_leftovers
    from reflect.storage.restore import restore_database

    backup = Path(backup).expanduser()
    if not backup.is_file():
        raise ValidationError("There is no backup file at {path}.", path=backup)
    if progress:
        progress(10, "Checking the backup…")
    with (
        profile_lock(profile.directory).acquire(on_wait=on_lock_wait),
        translated(profile.directory),
    ):
        clean_leftovers(profile.directory)
        result = restore_database(profile, backup, passphrase, allow_empty=allow_empty)
    if progress:
        progress(100, "Restored.")
    return RestoreReport(backup, result.counts, result.safety_copy, result.passphrase_from_backup)


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    integrity: list[str]
    cipher_integrity: list[str]
    migrations_applied: list[str]
    migrations_pending: list[str]
    migrations_unknown: list[str]
    counts: dict[str, int]
    cipher_version: str
    backups: int
    latest_backup: str | None
    # The full-text index compared with the reflections (services/search_index_check.py):
    # {"problems", "reflections", "indexed", "rebuilt", "repaired"}; "problems" is empty
    # when search can find every reflection.
    search_index: dict[str, Any] = field(default_factory=dict)
    # A restore waits to be finished by the next writer: what was checked (and what ``ok``
    # describes) is the database from before the restore (storage/restore_swap.py).
    restore_waiting: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def check_profile(session: Session, *, rebuild_index: bool = False) -> CheckReport:
    """Run SQLite's integrity check, SQLCipher's page HMAC check, compare the search index
    with the reflections and report migrations. ``rebuild_index`` (a writer's session only)
    rebuilds the search index when it disagrees."""
    from reflect.services.search_index_check import check_search_index
    from reflect.storage.migrations import known_names, migrations, newer_than_code

    conn = session.db.conn
    # First, so that SQLite's integrity check (which reads the index's own structure) sees
    # the index as a rebuild left it.
    search = check_search_index(session, rebuild=rebuild_index)
    # A damaged page can make a check itself fail: report that as a problem found, never crash.
    integrity = _rows(conn, "PRAGMA integrity_check")
    integrity_problems = [] if integrity == ["ok"] else integrity
    cipher = _rows(conn, "PRAGMA cipher_integrity_check")
    applied = [m.name for m in migrations.applied(session.db)]
    pending = [m.name for m in migrations.pending(session.db)]
    unknown = newer_than_code(session.db)
    known = known_names()
    tables = _rows(
        conn,
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' ORDER BY name",
    )
    counts: dict[str, int] = {}
    for table in tables:
        found = _rows(conn, f'SELECT count(*) FROM "{table}"')
        if found and found[0].isdigit():
            counts[table] = int(found[0])
        else:
            integrity_problems.append(f"{table}: {found[0] if found else 'unreadable'}")
    backups = list_backups(session.profile)
    return CheckReport(
        # A pending migration is an older schema, not a fault: the next writer applies it.
        ok=not integrity_problems and not cipher and not unknown and not search["problems"],
        integrity=integrity_problems,
        cipher_integrity=cipher,
        migrations_applied=[n for n in applied if n in known] + [n for n in unknown],
        migrations_pending=pending,
        migrations_unknown=unknown,
        counts=counts,
        cipher_version=str(conn.execute("PRAGMA cipher_version").fetchone()[0]),
        backups=len(backups),
        latest_backup=str(backups[0].path) if backups else None,
        search_index=search,
        restore_waiting=session.restore_waiting,
    )


def _rows(conn: Any, sql: str) -> list[str]:
    """The first column of every row as text, or the error as the only row."""
    try:
        return [str(r[0]) for r in conn.execute(sql).fetchall()]
    except Exception as exc:  # noqa: BLE001 - sqlcipher3's DatabaseError, imported lazily
        from reflect.domain.errors import cut

        return [f"error: {cut(exc, 160)}"]
