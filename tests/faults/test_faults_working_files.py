"""Encrypted working copies (a backup's or an archive's SQLite copy) beside their target:
removed by the next write into that folder once their writer is gone, never while it
writes, and never a file Reflect did not name, a link or what a link points to."""

from __future__ import annotations

import os
from datetime import date

import pytest

from reflect.domain.backup_rotation import weekly_name
from reflect.paths import write_private_file
from reflect.private_output import remove_stale_parts, working_file
from reflect.services.backups import backup_now, run_automatic_backup

NUMBER = "0123456789abcdef"


def test_a_working_file_is_kept_while_written_and_gone_after(tmp_path):
    with working_file(tmp_path) as work:
        work.write_bytes(b"encrypted pages")
        wal = work.with_name(work.name + "-wal")
        wal.write_bytes(b"wal")
        # Another writer into the folder (this process here, another process alike):
        assert remove_stale_parts(tmp_path) == []
        write_private_file(tmp_path / "other.json", b"{}")
        assert work.exists() and wal.exists()
    assert sorted(os.listdir(tmp_path)) == ["other.json"]


def test_an_abandoned_working_file_and_its_side_files_are_removed(tmp_path):
    """A marker nobody holds (its writer was killed), or none at all."""
    names = [f".reflect-{NUMBER}.part", f".reflect-{NUMBER}.work"]
    names += [f".reflect-{NUMBER}.work{side}" for side in ("-wal", "-shm", "-journal")]
    names += [".reflect-fedcba9876543210.work"]  # no marker left
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    write_private_file(tmp_path / "new.json", b"{}")
    assert os.listdir(tmp_path) == ["new.json"]


def test_only_reflects_own_working_names_and_never_through_a_link(tmp_path):
    victim = tmp_path / "elsewhere"
    victim.mkdir()
    (victim / "notes.db").write_bytes(b"the person's own file")
    folder = tmp_path / "out"
    folder.mkdir()
    kept = [
        f"reflect-{NUMBER}.work",
        f".reflect-{NUMBER[:-1]}.work",
        f".reflect-{NUMBER}.work-old",
        f".reflect-{NUMBER}.workings",
        "notes.work",
    ]
    for name in kept:
        (folder / name).write_bytes(b"x")
    (folder / f".reflect-{NUMBER}.work").symlink_to(victim / "notes.db")
    # A working folder (a raw safety copy) a kill left, holding a link: the folder goes,
    # what the link points to stays.
    (folder / ".reflect-fedcba9876543210.work").mkdir()
    (folder / ".reflect-fedcba9876543210.work" / "reflect.db").symlink_to(victim / "notes.db")
    (folder / ".reflect-fedcba9876543210.work-wal").symlink_to(victim)
    with working_file(folder):
        pass
    left = sorted(os.listdir(folder))
    assert left == sorted([*kept, f".reflect-{NUMBER}.work", ".reflect-fedcba9876543210.work-wal"])
    assert (victim / "notes.db").read_bytes() == b"the person's own file"


def test_an_earlier_versions_tmp_is_removed_but_never_a_link(session, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.reflect-backup"
    victim.write_bytes(b"not Reflect's")
    (out / "a.reflect-backup.tmp").write_bytes(b"half")  # what 0.8 left when killed
    (out / "a.reflect-backup.tmp-wal").write_bytes(b"half")
    (out / "b.reflect-backup.tmp").symlink_to(victim)
    backup_now(session, out / "a.reflect-backup")
    backup_now(session, out / "b.reflect-backup")
    names = sorted(os.listdir(out))
    assert "a.reflect-backup.tmp" not in names and "a.reflect-backup.tmp-wal" not in names
    assert "b.reflect-backup.tmp" in names  # a link: not Reflect's to remove
    assert victim.read_bytes() == b"not Reflect's"


def test_the_weekly_copy_is_never_written_through_a_link(session, tmp_path):
    """It used to open ``<weekly>.tmp`` with O_TRUNC, following a link placed there."""
    folder = session.profile.directory / "backups"
    folder.mkdir(exist_ok=True)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"someone else's file")
    day = date(2026, 3, 20)
    (folder / (weekly_name(day).filename + ".tmp")).symlink_to(victim)
    run_automatic_backup(session, today=day)
    assert victim.read_bytes() == b"someone else's file"
    assert (folder / weekly_name(day).filename).is_file()


def test_an_import_preview_keeps_its_working_copy_while_a_writer_unlocks(session, tmp_path):
    """A dry run reads its copy without the writer lock: the next writer's tidy-up (or any
    private file written into the profile folder) must leave it while it is open."""
    from reflect.services.export import export_profile
    from reflect.storage.archive import open_archive
    from reflect.storage.leftovers import clean_leftovers

    archive = tmp_path / "mine.reflect-archive"
    export_profile(session, "archive", archive, archive_passphrase="an archive passphrase")
    opened = open_archive(archive, "an archive passphrase", tmp_path)
    try:
        clean_leftovers(tmp_path)
        assert opened.copy.exists()
        assert opened.db.execute("SELECT count(*) FROM reflections").fetchone()[0] >= 0
    finally:
        opened.close()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".reflect-")]


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux only")
def test_a_marker_is_locked_before_it_has_a_name(tmp_path, monkeypatch):
    """A cleaner looking between the marker's creation and its lock would take it for a
    killed writer's and remove the working copy being written."""
    from reflect.private_output import in_use

    seen = []
    real_link = os.link

    def link(*args, **kwargs):
        real_link(*args, **kwargs)
        seen.append(in_use(tmp_path / args[1]))

    monkeypatch.setattr(os, "link", link)
    with working_file(tmp_path):
        pass
    assert seen == [True]


@pytest.mark.parametrize("refused", ["no O_TMPFILE", "no link through /proc"])
def test_a_working_file_without_an_unnamed_marker(tmp_path, monkeypatch, refused):
    if refused == "no O_TMPFILE":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    else:

        def link(*_args, **_kwargs):
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", link)
    with working_file(tmp_path) as work:
        work.write_bytes(b"x")
        assert remove_stale_parts(tmp_path) == []
        assert len(os.listdir(tmp_path)) == 2  # the working file and its marker
    assert os.listdir(tmp_path) == []
