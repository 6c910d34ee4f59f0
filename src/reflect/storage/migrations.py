"""The schema, changed only through sqlite-utils Migrations.

Append new steps; never edit old ones.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

from reflect.storage.errors import SchemaTooNew

migrations = Migrations("reflect")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    # Dates are ISO-8601 text; lists and mappings are JSON text. Keeping one table per
    # aggregate lets each repository own its rows.
    db.table("reflections").create(
        {
            "id": int,
            "template_id": str,
            "occurred_at": str,
            "setting": str,
            "tags": str,
            "intensity": int,
            "feelings": str,
            "answers": str,
            "body": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
    )
    db.table("reflections").create_index(["occurred_at"])
    db.table("reflections").enable_fts(["body", "tags", "setting"], create_triggers=True)
    db.table("follow_ups").create(
        {
            "id": int,
            "reflection_id": int,
            "debrief_id": int,
            "text": str,
            "owner": str,
            "due": str,
            "done_at": str,
            "created_at": str,
        },
        pk="id",
    )
    db.table("follow_ups").create_index(["done_at"])
    db.table("drafts").create(
        {"slot": str, "editing_id": int, "payload": str, "saved_at": str}, pk="slot"
    )
    db.table("checkins").create(
        {
            "id": int,
            "taken_at": str,
            "item_scores": str,
            "sleep": int,
            "energy": int,
            "helping": str,
            "helped_note": str,
            "note": str,
        },
        pk="id",
    )
    db.table("checkins").create_index(["taken_at"])
    db.table("instrument_results").create(
        {
            "id": int,
            "instrument_id": str,
            "taken_at": str,
            "answers": str,
            "scores": str,
            "bands": str,
        },
        pk="id",
    )
    db.table("instrument_results").create_index(["instrument_id", "taken_at"])
    db.table("plan").create({"section": str, "value": str, "updated_at": str}, pk="section")
    db.table("help_contacts").create(
        {
            "id": int,
            "name": str,
            "phone": str,
            "text": str,
            "hours": str,
            "notes": str,
            "kind": str,
        },
        pk="id",
    )
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("dismissed_notices").create({"notice_id": str, "dismissed_at": str}, pk="notice_id")
    db.table("debriefs").create(
        {
            "id": int,
            "title": str,
            "supervisor": str,
            "scheduled_for": str,
            "created_at": str,
            "completed_at": str,
            "topics": str,
            "shared": str,
            "notes": str,
        },
        pk="id",
    )


# Tables whose rows the trends dashboard reads. Each write to one bumps ``data_revision``,
# the single counter the dashboard's cache is checked against: a revision, unlike row counts
# and largest ids, also moves when a row is edited, and it reads the same on every connection.
REVISION_TABLE = "data_revision"


def add_revision_triggers(db: sqlite_utils.Database, table: str) -> None:
    """Make every insert, update and delete on ``table`` move the data revision."""
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER IF NOT EXISTS [{table}_revision_{event.lower()}] "
            f"AFTER {event} ON [{table}] BEGIN "
            f"UPDATE {REVISION_TABLE} SET value = value + 1 WHERE id = 1; END"
        )


@migrations()
def m002_trend_revision(db: sqlite_utils.Database) -> None:
    db.execute(
        f"CREATE TABLE {REVISION_TABLE} "
        "(id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)"
    )
    db.execute(f"INSERT INTO {REVISION_TABLE} (id, value) VALUES (1, 0)")
    for table in ("reflections", "checkins", "instrument_results"):
        add_revision_triggers(db, table)


def known_names() -> set[str]:
    return {m.name for m in migrations._migrations}


def newer_than_code(db: sqlite_utils.Database) -> list[str]:
    """Names of applied migrations this build does not know (written by a newer Reflect)."""
    known = known_names()
    return [m.name for m in migrations.applied(db) if m.name not in known]


def has_pending(db: sqlite_utils.Database) -> bool:
    return bool(migrations.pending(db))


def is_fresh(db: sqlite_utils.Database) -> bool:
    return not migrations.applied(db)


def refuse_newer(db: sqlite_utils.Database) -> None:
    """SchemaTooNew when a newer Reflect wrote this database (this code could lose data)."""
    unknown = newer_than_code(db)
    if unknown:
        raise SchemaTooNew(
            "This profile was saved by a newer version of Reflect ({versions}). Please update "
            "Reflect; nothing was changed.",
            versions=", ".join(unknown),
        )


def apply_migrations(db: sqlite_utils.Database) -> None:
    refuse_newer(db)
    migrations.apply(db)


@migrations()
def m005_team(db: sqlite_utils.Database) -> None:
    # The coordinator's side of the team view. A contribution is kept as its validated JSON
    # (coarse, month-level figures only) under its random contributor id, so importing the same
    # file again replaces rather than adds. Assessment answers and domain results are JSON.
    # The coordinator setting and the minimum group live in the settings table.
    db.table("team_contributions").create(
        {"contributor": str, "written": str, "imported_at": str, "content": str},
        pk="contributor",
    )
    db.table("team_assessments").create(
        {
            "id": int,
            "definition_id": str,
            "taken_at": str,
            "mode": str,
            "participants": int,
            "answers": str,
            "domains": str,
        },
        pk="id",
    )
    db.table("team_actions").create(
        {
            "id": int,
            "assessment_id": int,
            "domain": str,
            "what": str,
            "who": str,
            "by_when": str,
            "review_on": str,
            "done_on": str,
            "created_at": str,
        },
        pk="id",
    )


@migrations()
def m003_exposure(db: sqlite_utils.Database) -> None:
    # Exposure and recovery (issue 19). Table names sort after "reflections" on purpose: the
    # generic merge (storage/merge.py) maps parents' ids in name order, so a shift's link to
    # its reflection, and a self-check's link to its shift, find their new ids.
    db.table("shift_logs").create(
        {
            "id": int,
            "day": str,
            "hours": float,
            "encounters": int,
            "disclosures": int,
            "material": int,
            "crises": int,
            "critical": int,
            "outline": str,
            "reflection_id": int,
            "created_at": str,
        },
        pk="id",
    )
    db.table("shift_logs").create_index(["day"])
    db.table("shift_self_checks").create(
        {
            "id": int,
            "shift_id": int,
            "kind": str,
            "due_on": str,
            "status": str,
            "closed_at": str,
            "answers": str,  # JSON: the self-check's 0-4 ratings, when it was done
        },
        pk="id",
    )
    db.table("shift_self_checks").create_index(["status", "due_on"])
    db.table("breaks").create({"id": int, "start_day": str, "end_day": str, "kind": str}, pk="id")
    db.table("breaks").create_index(["end_day"])
    db.table("after_work_checks").create(
        {"id": int, "taken_at": str, "switched_off": int, "helped": str}, pk="id"
    )
    db.table("after_work_checks").create_index(["taken_at"])


@migrations()
def m004_supervision(db: sqlite_utils.Database) -> None:
    from reflect.storage.schema_supervision import create_supervision_tables

    create_supervision_tables(db)


@migrations()
def m006_reflection_lookup_indexes(db: sqlite_utils.Database) -> None:
    # The writing and journal screens list every setting and tag in use. Without these the
    # lists are full scans of the reflections table, whose pages hold the long texts and are
    # each decrypted to be read (about 120 ms for ten years of reflections). With them SQLite
    # reads the small index alone ("USING COVERING INDEX"); see tests/storage/test_lookup_indexes.
    db.table("reflections").create_index(["setting"], if_not_exists=True)
    db.table("reflections").create_index(["tags"], if_not_exists=True)


@migrations()
def m007_signedpackets(db: sqlite_utils.Database) -> None:
    # This profile's Ed25519 signing key (one row, never leaves the database), and the
    # signing key first seen for each person's age key (trust on first use).
    db.table("signing_identity").create({"id": int, "secret": str, "public_key": str}, pk="id")
    db.table("signing_pins").create({"recipient": str, "key": str, "since": str}, pk="recipient")
    # Whether a kept reply was signed; a packet's state is read from its kept body.
    db.table("supervision_replies").add_column("signed", int)


@migrations()
def m008_supfix(db: sqlite_utils.Database) -> None:
    # 1 when the supervisor typed this supervisee's name (Add supervisee…): the name a later
    # packet carries then never replaces it (supervision_record._supervisee_called).
    db.table("supervisees").add_column("name_chosen", int)
    # 1 for a packet or reply an archive import brought in: its signature was never checked
    # on this device (an archive keeps no signature to check), so it is not shown as signed.
    db.table("received_packets").add_column("from_archive", int)
    db.table("supervision_replies").add_column("from_archive", int)
