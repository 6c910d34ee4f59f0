"""A reader still connected to the database a restore replaces cannot harm the new one.

A command line reader (``reflect search``) may have the old ``reflect.db`` open at the moment
a restore renames the new file over it and the app starts writing to the new one. When that
reader closes its connection it is the last one on the old file, and a WAL database's last
connection normally checkpoints and deletes ``reflect.db-wal`` and ``-shm`` by name: names
that by then belong to the new database, whose latest entries may live only in its WAL.
SQLite notices that the file it has open was moved away (SQLITE_FCNTL_HAS_MOVED) and then
neither checkpoints nor deletes anything. Reflect relies on that, without a lock of its own
between readers and the swap; this test keeps the reliance honest on the SQLCipher build
Reflect ships with.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from reflect.storage.database import connect_encrypted
from reflect.storage.restore_swap import swap_in

KEY = bytes(range(32))


def _database(path: Path, *rows: str) -> None:
    conn = connect_encrypted(path, KEY, create=True)
    conn.execute("CREATE TABLE notes(text)")
    conn.executemany("INSERT INTO notes VALUES (?)", [(r,) for r in rows])
    conn.commit()
    conn.close()


READER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reflect.storage.database import connect_encrypted
    conn = connect_encrypted(Path(sys.argv[1]), bytes(range(32)))
    print(len(conn.execute("SELECT text FROM notes").fetchall()), flush=True)
    sys.stdin.readline()  # held open across the swap, then closed
    conn.close()
    print("closed", flush=True)
    """
)


def _rows(path: Path) -> list[str]:
    conn = connect_encrypted(path, KEY)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in conn.execute("SELECT text FROM notes ORDER BY rowid")]
    finally:
        conn.close()


def test_a_reader_closing_after_the_swap_keeps_the_new_databases_wal(tmp_path):
    db = tmp_path / "reflect.db"
    _database(db, "before the restore")
    staging = tmp_path / "reflect.db.restoring"
    _database(staging, "from the backup")
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
    )
    try:
        assert reader.stdout.readline().strip() == "1"
        swap_in(staging, db)
        app = connect_encrypted(db, KEY)  # the app, writing to the restored database
        app.execute("INSERT INTO notes VALUES ('written after the restore')")
        app.commit()
        assert Path(str(db) + "-wal").stat().st_size > 0  # the new entry is in the WAL only
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "closed"
        assert reader.wait(30) == 0
        # Another process, while the app is still open: it must see the WAL's entry.
        assert _rows(db) == ["from the backup", "written after the restore"]
        app.execute("INSERT INTO notes VALUES ('and one more')")
        app.commit()
        app.close()
    finally:
        if reader.poll() is None:
            reader.kill()
    assert _rows(db) == ["from the backup", "written after the restore", "and one more"]
