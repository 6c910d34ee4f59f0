"""Merging another Reflect database (an opened archive) into a profile, table by table.

Generic on purpose, so tables added by later migrations are merged too. A row counts as a
duplicate when all its columns except its id are equal to a row already present, its links
to other rows compared by the row they will point to (an hour logged with the archive's
supervisee 2 equals the profile's hour with its own row for that supervisee, and no hour of
anyone else); duplicates are skipped, and links (a follow-up's reflection or debrief) are
re-pointed to the row that now stands for the original. Tables keyed by text (plan sections,
settings) keep the profile's own value. Drafts are never imported: they would replace work
in progress.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from reflect.storage.table_dump import LINKS, columns, data_tables, iter_rows, primary_key

NEVER_IMPORTED = {"drafts"}


@dataclass
class TablePlan:
    table: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # to insert
    old_ids: list[Any] = field(default_factory=list)  # their ids in the source, for links
    duplicates: int = 0
    duplicate_ids: dict[Any, Any] = field(default_factory=dict)  # source id -> existing id
    same_as: dict[Any, Any] = field(default_factory=dict)  # source id -> earlier source id
    # Links of the rows to insert that point to a row the archive does not hold ("dangling":
    # a shift's reflection deleted since, or a crafted file): they are written empty.
    links_lost: int = 0
    # Rows left out because their key is such a link (an agreement of a missing supervisee).
    rows_lost: int = 0


@dataclass
class MergePlan:
    tables: list[TablePlan]
    skipped_tables: list[str]

    def counts(self) -> dict[str, dict[str, int]]:
        return {t.table: {"new": len(t.rows), "duplicates": t.duplicates} for t in self.tables}

    def links_not_kept(self) -> dict[str, int]:
        """Per table, the links that point to no row of the archive (written empty)."""
        return {t.table: t.links_lost for t in self.tables if t.links_lost}

    def rows_not_kept(self) -> dict[str, int]:
        """Per table, the rows left out because their key links to no row of the archive."""
        return {t.table: t.rows_lost for t in self.tables if t.rows_lost}


def _fingerprint(row: dict[str, Any], keep: list[str]) -> str:
    values = [row.get(c) for c in keep]
    return hashlib.sha256(json.dumps(values, default=str).encode("utf-8")).hexdigest()


_FREE = object()


@dataclass(frozen=True)
class _InSource:
    """A row planned from the source itself: ``id`` is its id there."""

    id: Any


class _UniqueValues:
    """The values a table's unique indexes (other than its key) already hold, and whose."""

    def __init__(self, conn: Any, table: str, shared: list[str], pk: list[str]) -> None:
        self.indexes: list[tuple[str, ...]] = []
        for _seq, name, unique, origin, *_ in conn.execute(f'PRAGMA index_list("{table}")'):
            cols = tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")'))
            if unique and origin != "pk" and list(cols) != pk and set(cols) <= set(shared):
                self.indexes.append(cols)
        # Filled by claim() from the same pass over the profile's rows that plan_merge makes.
        self.owners: list[dict[tuple[Any, ...], Any]] = [{} for _ in self.indexes]

    def _values(self, row: dict[str, Any]):
        for cols, owners in zip(self.indexes, self.owners, strict=True):
            value = tuple(row[c] for c in cols)
            if None not in value:  # SQLite lets any number of rows hold NULL
                yield value, owners

    def owner(self, row: dict[str, Any]) -> Any:
        """The id of the row already holding one of ``row``'s unique values, or _FREE."""
        for value, owners in self._values(row):
            if value in owners:
                return owners[value]
        return _FREE

    def claim(self, row: dict[str, Any], owner: Any = None) -> None:
        for value, owners in self._values(row):
            owners[value] = owner


@dataclass(frozen=True)
class _New:
    """A link to a row the merge adds: its id in the source (equal to no id in the profile)."""

    id: Any


class _Links:
    """A source row's links as the profile will hold them (the way apply_merge re-points them).

    The archive's supervisee 1 is not the profile's: a link is the profile's own row when the
    parent was a duplicate, a _New when the parent is added, and None when it points nowhere.
    """

    def __init__(self, names: list[str], planned: dict[str, TablePlan]) -> None:
        self.parents = {c: planned[LINKS[c]] for c in names if LINKS.get(c) in planned}
        self.added = {c: set(p.old_ids) for c, p in self.parents.items()}

    def value(self, column: str, value: Any) -> Any:
        parent = self.parents.get(column)
        if parent is None or value is None:
            return None
        value = parent.same_as.get(value, value)
        if value in parent.duplicate_ids:
            return parent.duplicate_ids[value]
        return _New(value) if value in self.added[column] else None

    def lost(self, row: dict[str, Any]) -> int:
        """How many of ``row``'s links point somewhere but will be written empty."""
        return sum(
            1 for c in row if c in LINKS and row[c] is not None and self.value(c, row[c]) is None
        )

    def translated(self, row: dict[str, Any]) -> dict[str, Any]:
        return {**row, **{c: self.value(c, row[c]) for c in row if c in LINKS}}


def _key_in_target(row: dict[str, Any], pk: list[str], links: _Links) -> tuple[Any, ...] | None:
    """``row``'s key as the profile will hold it (an agreement is keyed by its supervisee), or
    None when a link in it points nowhere: it must not land on someone else's id."""
    key = tuple(links.translated(row)[c] for c in pk)
    return None if any(key[i] is None for i, c in enumerate(pk) if c in LINKS) else key


def plan_merge(target: sqlite_utils.Database, source: Any) -> MergePlan:
    """What merging ``source`` (a DB-API connection) into ``target`` would write."""
    present = set(data_tables(target.conn))
    plans: list[TablePlan] = []
    planned: dict[str, TablePlan] = {}
    skipped: list[str] = []
    for table in data_tables(source):
        if table in NEVER_IMPORTED:
            continue
        if table not in present:
            skipped.append(table)
            continue
        shared = [c for c in columns(source, table) if c in set(columns(target.conn, table))]
        pk = primary_key(target.conn, table)
        plan = TablePlan(table)
        taken = _UniqueValues(target.conn, table, shared, pk)
        links = _Links(shared, planned)
        if pk == ["id"]:
            _plan_by_id(plan, target, source, shared, taken, links)
        else:
            _plan_by_key(plan, target, source, (shared, pk), taken, links)
        plans.append(plan)
        planned[table] = plan
    return MergePlan(plans, skipped)


def _plan_by_id(
    plan: TablePlan,
    target: sqlite_utils.Database,
    source: Any,
    shared: list[str],
    taken: _UniqueValues,
    links: _Links,
) -> None:
    table = plan.table
    compare = [c for c in shared if c != "id"]
    existing: dict[str, Any] = {}
    for row in iter_rows(target.conn, table):
        existing[_fingerprint(row, compare)] = row["id"]
        taken.claim(row, row["id"])
    for row in iter_rows(source, table):
        key = _fingerprint(links.translated(row), compare)
        # Equal in every column, or holding a value a unique column already has (a
        # supervisee's key under another name): the profile's own row stands for it.
        found = existing[key] if key in existing else taken.owner(row)
        if key in existing or found is not _FREE:
            plan.duplicates += 1
            if isinstance(found, _InSource):  # its links follow the first copy
                plan.same_as[row["id"]] = found.id
            else:
                plan.duplicate_ids[row["id"]] = found
            continue
        existing[key] = _InSource(row["id"])  # a repeated row inside counts once
        taken.claim(row, _InSource(row["id"]))
        plan.rows.append({c: row[c] for c in shared if c != "id"})
        plan.old_ids.append(row["id"])
        plan.links_lost += links.lost(row)


def _plan_by_key(
    plan: TablePlan,
    target: sqlite_utils.Database,
    source: Any,
    shared_and_key: tuple[list[str], list[str]],
    taken: _UniqueValues,
    links: _Links,
) -> None:
    """Tables keyed by text (plan sections, settings) or by a link (an agreement)."""
    shared, pk = shared_and_key
    keys = set()
    for row in iter_rows(target.conn, plan.table):
        keys.add(tuple(row[c] for c in pk))
        taken.claim(row)
    for row in iter_rows(source, plan.table):
        held_as = _key_in_target(row, pk, links)
        if held_as is None:  # keyed by a link to a row the archive does not hold
            plan.rows_lost += 1
            continue
        if held_as in keys or taken.owner(row) is not _FREE:
            plan.duplicates += 1
            continue
        keys.add(held_as)
        taken.claim(row)
        plan.rows.append({c: row[c] for c in shared})
        plan.links_lost += links.lost(row)


def apply_merge(db: sqlite_utils.Database, plan: MergePlan) -> dict[str, int]:
    """Write the plan inside one transaction (the caller's, or a new one)."""
    new_ids: dict[str, dict[Any, Any]] = {}
    written: dict[str, int] = {}
    with db.atomic():
        for table_plan in plan.tables:
            mapping = dict(table_plan.duplicate_ids)
            for old_id, row in zip(
                table_plan.old_ids or [None] * len(table_plan.rows), table_plan.rows, strict=True
            ):
                row = dict(row)
                for link, parent in LINKS.items():
                    if row.get(link) is not None:
                        row[link] = new_ids.get(parent, {}).get(row[link])
                # Plain prepared INSERTs: sqlite-utils' insert() re-reads the schema per row.
                names = ", ".join(f'"{c}"' for c in row)
                marks = ", ".join("?" * len(row))
                sql = f'INSERT INTO "{table_plan.table}" ({names}) VALUES ({marks})'
                new_id = db.conn.execute(sql, list(row.values())).lastrowid
                if old_id is not None:
                    mapping[old_id] = new_id
            for repeat, first in table_plan.same_as.items():
                mapping[repeat] = mapping.get(first)
            new_ids[table_plan.table] = mapping
            written[table_plan.table] = len(table_plan.rows)
    return written
