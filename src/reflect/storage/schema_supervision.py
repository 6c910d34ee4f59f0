"""The tables of supervision (issue 17), created by migration m004_supervision.

Kept apart from migrations.py only for length; like every migration step, never edited.
"""

from __future__ import annotations

import sqlite_utils


def create_supervision_tables(db: sqlite_utils.Database) -> None:
    # The supervisor's side (issue 17). Dates are ISO text, lists and mappings JSON text.
    # This profile's long-term age key pair: one row, inside the encrypted database only.
    db.table("supervision_identity").create(
        {"id": int, "secret": str, "recipient": str, "created_at": str}, pk="id"
    )
    # Provider side: supervisors added once (fingerprint confirmed), packets sent (to match
    # replies to their debrief), and replies imported.
    db.table("supervisors").create(
        {"id": int, "name": str, "recipient": str, "confirmed_at": str}, pk="id"
    )
    db.table("supervisors").create_index(["recipient"], unique=True)
    db.table("sent_packets").create(
        {
            "packet_id": str,
            "debrief_id": int,
            "recipient": str,
            "sent_at": str,
            "with_notes": int,
        },
        pk="packet_id",
    )
    db.table("supervision_replies").create(
        {
            "reply_id": str,
            "packet_id": str,
            "debrief_id": int,
            "next_debrief_id": int,
            "supervisor_name": str,
            "supervisor_recipient": str,
            "received_at": str,
            "content_hash": str,
            "notes": str,
            "message": str,
            "next_date": str,
        },
        pk="reply_id",
    )
    db.table("supervision_replies").create_index(["content_hash"], unique=True)
    # Supervisor side: who sent packets, the packets themselves (validated JSON), notes per
    # agenda step, agreed actions, agreements, hours, ratings, team hot debriefs.
    db.table("supervisees").create(
        {"id": int, "name": str, "recipient": str, "first_seen": str}, pk="id"
    )
    db.table("supervisees").create_index(["recipient"], unique=True)
    db.table("received_packets").create(
        {
            "packet_id": str,
            "supervisee_id": int,
            "content_hash": str,
            "received_at": str,
            "created_at": str,
            "title": str,
            "scheduled_for": str,
            "body": str,
            "held_at": str,
        },
        pk="packet_id",
        foreign_keys=[("supervisee_id", "supervisees", "id")],
    )
    db.table("received_packets").create_index(["content_hash"], unique=True)
    db.table("supervision_notes").create(
        {"packet_id": str, "step": str, "text": str, "shared": int, "updated_at": str},
        pk=("packet_id", "step"),
    )
    db.table("supervision_actions").create(
        {
            "id": int,
            "packet_id": str,
            "supervisee_id": int,
            "text": str,
            "owner": str,
            "due": str,
            "done_at": str,
            "created_at": str,
        },
        pk="id",
    )
    db.table("supervision_agreements").create(
        {
            "supervisee_id": int,
            "frequency": str,
            "aims": str,
            "confidentiality": str,
            "records": str,
            "review_on": str,
            "updated_at": str,
        },
        pk="supervisee_id",
    )
    db.table("supervision_hours").create(
        {
            "id": int,
            "held_on": str,
            "minutes": int,
            "kind": str,
            "format": str,
            "supervisee_id": int,
            "note": str,
        },
        pk="id",
    )
    db.table("supervision_hours").create_index(["held_on"])
    db.table("session_ratings").create(
        {
            "id": int,
            "rated_on": str,
            "role": str,
            "supervisee_id": int,
            "debrief_id": int,
            "scores": str,
            "comment": str,
        },
        pk="id",
    )
    db.table("hot_debriefs").create(
        {
            "id": int,
            "held_at": str,
            "answers": str,
            "themes": str,
            "actions": str,
            "checks_done": str,
        },
        pk="id",
    )
    db.table("sent_replies").create(
        {"reply_id": str, "packet_id": str, "sent_at": str, "next_date": str}, pk="reply_id"
    )
