"""Finding reflections: the one SQL for a filter, a page of matches and their excerpts.

Used by the repository (storage/reflection_repository.py, which makes ReflectionSummary
objects of the rows) and by `reflect search`'s quick path (commands/search_quick.py, on a
bare SQLCipher connection before anything heavy has loaded): so it needs only something
with ``execute`` and a filter with JournalFilter's attributes, and loads no dataclasses.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from reflect.domain.search_text import fts_query, query_terms, snippet_around

# A row, in ReflectionSummary's field order: id, occurred_at (datetime), template_id,
# setting, tags (tuple), intensity, snippet.
Row = tuple[int, datetime, str, str, tuple[str, ...], "int | None", str]


def where(criteria: Any) -> tuple[str, str, list[Any]]:
    """FROM and WHERE clauses (and their arguments) for a journal filter."""
    clauses: list[str] = []
    args: list[Any] = []
    match = fts_query(criteria.query) if criteria.query.strip() else ""
    if match:
        # "+r.id" keeps the planner walking the date index newest-first and checking each
        # row against the (bloom-filtered) set of matches, so a page of results costs
        # the same whether ten or ten thousand reflections match.
        clauses.append("+r.id IN (SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ?)")
        args.append(match)
    if criteria.date_from:
        clauses.append("r.occurred_at >= ?")
        args.append(criteria.date_from.isoformat())
    if criteria.date_to and criteria.date_to < date.max:  # up to 9999-12-31 is no limit
        clauses.append("r.occurred_at < ?")
        args.append((criteria.date_to + timedelta(days=1)).isoformat())
    if criteria.template_id:
        clauses.append("r.template_id = ?")
        args.append(criteria.template_id)
    if criteria.setting:
        clauses.append("r.setting = ?")
        args.append(criteria.setting)
    if criteria.tag:
        # Tags are stored as a JSON list of lower-case strings, so the quoted tag appears
        # verbatim; instr() is several times cheaper than json_each() per row.
        clauses.append("instr(r.tags, json_quote(?)) > 0")
        args.append(criteria.tag.strip().lower())
    if criteria.intensity_min is not None:
        clauses.append("r.intensity >= ?")
        args.append(criteria.intensity_min)
    if criteria.intensity_max is not None:
        clauses.append("r.intensity <= ?")
        args.append(criteria.intensity_max)
    return "reflections r", ("WHERE " + " AND ".join(clauses)) if clauses else "", args


def count_matching(db: Any, criteria: Any) -> int:
    source, where_sql, args = where(criteria)
    return int(db.execute(f"SELECT count(*) FROM {source} {where_sql}", args).fetchone()[0])


def matching_rows(db: Any, criteria: Any, limit: int | None = None, offset: int = 0) -> list[Row]:
    """Matching reflections, newest first; full-text through FTS5 when there is a query.

    Two steps keep a search fast however many rows match: first the page of ids in date
    order (no text read), then snippets for just that page.
    """
    source, where_sql, args = where(criteria)
    sql = (
        "SELECT r.id, r.occurred_at, r.template_id, r.setting, r.tags, r.intensity "
        f"FROM {source} {where_sql} ORDER BY r.occurred_at DESC, r.id DESC"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    rows = db.execute(sql, args).fetchall()
    snippets = _snippets(db, [row[0] for row in rows], criteria.query)
    return [
        (
            rid,
            datetime.fromisoformat(occurred),
            template_id,
            setting or "",
            tuple(json.loads(tags or "[]")),
            intensity,
            snippets.get(rid, ""),
        )
        for rid, occurred, template_id, setting, tags, intensity in rows
    ]


def _snippets(db: Any, ids: list[int], query: str) -> dict[int, str]:
    if not ids:
        return {}
    terms = query_terms(query)
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT id, substr(body, 1, 4000) FROM reflections WHERE id IN ({marks})"
        for rid, text in db.execute(sql, chunk).fetchall():
            found[rid] = snippet_around(text or "", terms)
    return found
