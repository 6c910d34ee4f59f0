"""The journal's full-text index compared with the reflections, and rebuilt from them.

``reflections_fts`` is an external-content FTS5 table: it holds only the words, the text
stays in ``reflections``, and three triggers (made by sqlite-utils in m001) update it in the
same transaction as every insert, update and delete. If the two ever disagree, a reflection
may be missing from every search: hidden, though it is still there. SQLite's own
``PRAGMA integrity_check`` does not compare an external-content index with its content
table, so this module does:

- ``quick_problems``: the triggers are there, and the index holds exactly the reflections'
  ids (its ``_docsize`` shadow table has one row per indexed reflection). Integer keys
  only, so it is cheap enough for every unlock.
- ``problems``: those, plus FTS5's ``integrity-check`` with rank 1, which re-reads and
  tokenizes every reflection and compares each word with the index (a reflection whose text
  changed without its index entry changing is found only this way). Costs a full read.
- ``rebuild``: FTS5's ``rebuild`` command re-indexes every reflection from the table, and
  missing triggers (or a missing index) are made again first. The index is derived data:
  rebuilding it loses nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reflect.domain.errors import cut
from reflect.domain.message import Message

if TYPE_CHECKING:
    import sqlite_utils

TABLE = "reflections"
INDEX = "reflections_fts"
COLUMNS = ("body", "tags", "setting")
_QUOTED = ", ".join(f'"{c}"' for c in COLUMNS)
_OLD = ", ".join(f'old."{c}"' for c in COLUMNS)
_NEW = ", ".join(f'new."{c}"' for c in COLUMNS)

# The index and triggers exactly as sqlite-utils' enable_fts(create_triggers=True) makes
# them in m001 (same names, same statements), so a rebuilt profile is like a fresh one.
CREATE_INDEX = (
    f'CREATE VIRTUAL TABLE "{INDEX}" USING FTS5 (\n    {_QUOTED},\n    content="{TABLE}"\n)'
)
TRIGGERS = {
    f"{TABLE}_ai": (
        f'CREATE TRIGGER "{TABLE}_ai" AFTER INSERT ON "{TABLE}" BEGIN\n'
        f'  INSERT INTO "{INDEX}" (rowid, {_QUOTED}) VALUES (new.rowid, {_NEW});\nEND'
    ),
    f"{TABLE}_ad": (
        f'CREATE TRIGGER "{TABLE}_ad" AFTER DELETE ON "{TABLE}" BEGIN\n'
        f'  INSERT INTO "{INDEX}" ("{INDEX}", rowid, {_QUOTED}) '
        f"VALUES('delete', old.rowid, {_OLD});\nEND"
    ),
    f"{TABLE}_au": (
        f'CREATE TRIGGER "{TABLE}_au" AFTER UPDATE ON "{TABLE}" BEGIN\n'
        f'  INSERT INTO "{INDEX}" ("{INDEX}", rowid, {_QUOTED}) '
        f"VALUES('delete', old.rowid, {_OLD});\n"
        f'  INSERT INTO "{INDEX}" (rowid, {_QUOTED}) VALUES (new.rowid, {_NEW});\nEND'
    ),
}

# Reflections without an index entry, read through integer keys only: the smallest index of
# the reflections table (never its pages, which hold the long texts) against the key of the
# index's ``_docsize`` shadow table, which has one row per indexed reflection.
UNINDEXED_SQL = f'SELECT count(*) FROM "{TABLE}" WHERE id NOT IN (SELECT id FROM "{INDEX}_docsize")'


class IndexState:
    """What a check of the index found; ``problems`` empty when it agrees with the text.

    A plain class: `reflect search` makes the quick comparison before dataclasses load."""

    def __init__(self, problems: list[Message] | None = None) -> None:
        self.reflections = 0
        self.indexed = 0
        self.problems: list[Message] = problems or []


def _names(conn: Any, kind: str) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind]).fetchall()
    return {str(r[0]) for r in rows}


def _count(conn: Any, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def quick_problems(conn: Any) -> IndexState:
    """The cheap comparison: triggers present, one index entry per reflection and no more."""
    state = IndexState()
    tables = _names(conn, "table")
    if TABLE not in tables:
        return state  # not a profile database (yet): nothing to compare
    state.reflections = _count(conn, f'SELECT count(*) FROM "{TABLE}"')
    if INDEX not in tables:
        state.problems.append(Message("the search index is missing"))
        return state
    missing = sorted(set(TRIGGERS) - _names(conn, "trigger"))
    for name in missing:
        state.problems.append(
            Message(
                "the trigger that keeps the search index up to date is missing ({name})",
                name=name,
            )
        )
    docsize = f"{INDEX}_docsize"
    if docsize not in tables:
        return state
    state.indexed = _count(conn, f'SELECT count(*) FROM "{docsize}"')
    # Only integer keys are read: the reflections' ids through the shadow table's key (about
    # 1 ms for 10,000). The entries without a reflection follow from the counts; looking each
    # entry up in the reflections table instead would cost 40 ms there.
    unindexed = _count(conn, UNINDEXED_SQL)
    orphans = state.indexed - (state.reflections - unindexed)
    if unindexed:
        state.problems.append(
            Message("reflections missing from the search index: {count}", count=unindexed)
        )
    if orphans:
        state.problems.append(
            Message("search index entries without a reflection: {count}", count=orphans)
        )
    return state


def problems(conn: Any) -> IndexState:
    """The quick comparison, then FTS5's full integrity-check against the reflections.

    A database too damaged to compare (a broken page) is reported as a problem, not raised:
    ``check`` must describe damage, never stop at it."""
    try:
        state = quick_problems(conn)
    except Exception as exc:  # noqa: BLE001 - sqlcipher3's DatabaseError, imported lazily
        return IndexState(problems=[_could_not_compare(exc)])
    if INDEX not in _names(conn, "table"):
        return state
    # The rank value 1 makes FTS5 compare the index with the content table (0, the default,
    # and PRAGMA integrity_check only check the index's own structure). It writes nothing;
    # the savepoint makes sure, and keeps a caller's transaction as it was.
    conn.execute("SAVEPOINT search_index_check")
    try:
        conn.execute(f'INSERT INTO "{INDEX}"("{INDEX}", rank) VALUES(\'integrity-check\', 1)')
    except Exception as exc:  # noqa: BLE001 - sqlcipher3's DatabaseError, imported lazily
        state.problems.append(_mismatch(exc))
    finally:
        if conn.in_transaction:  # (an I/O error may have ended the transaction already)
            conn.execute("ROLLBACK TO search_index_check")
            conn.execute("RELEASE search_index_check")
    return state


def _mismatch(exc: BaseException) -> Message:
    # FTS5 answers a disagreement with SQLITE_CORRUPT ("database disk image is malformed"),
    # which would read as if the whole database were damaged; say what it means here.
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_CORRUPT":
        return Message("the search index does not match the text of the reflections")
    return _could_not_compare(exc)


def _could_not_compare(exc: BaseException) -> Message:
    return Message(
        "the search index could not be compared with the reflections ({error})", error=cut(exc, 160)
    )


def rebuild(db: sqlite_utils.Database) -> None:
    """Index every reflection again from its text, in one transaction; nothing is lost."""
    conn = db.conn
    with db.atomic():
        if INDEX not in _names(conn, "table"):
            conn.execute(CREATE_INDEX)
        present = _names(conn, "trigger")
        for name, sql in TRIGGERS.items():
            if name not in present:
                conn.execute(sql)
        conn.execute(f'INSERT INTO "{INDEX}"("{INDEX}") VALUES(\'rebuild\')')


def repair_if_out_of_step(db: sqlite_utils.Database) -> list[Message]:
    """On opening for writing: the quick comparison, and a rebuild when it finds a problem.

    Returns what the rebuild repaired (empty when the index agreed). A rebuild that fails
    leaves the index as it was and never stops the profile from opening; it returns
    nothing, since nothing was repaired, and ``reflect check`` reports the problems.
    """
    try:
        found = quick_problems(db.conn).problems
    except Exception:  # noqa: BLE001 - a damaged page: opening must still work (check says)
        return []
    if found:
        try:
            rebuild(db)
        except Exception:  # noqa: BLE001 - a full disk must not lock the person out
            return []
    return found


def make_agree(conn: Any) -> list[Message]:
    """The full comparison, and a rebuild when it finds a problem (a restored copy: the
    backup may have been taken of a profile whose index had gone out of step)."""
    found = problems(conn).problems
    if found:
        import sqlite_utils

        rebuild(sqlite_utils.Database(conn, execute_plugins=False))
    return found
