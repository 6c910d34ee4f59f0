"""What an archive says about signatures is not taken on trust: neither the signing keys it
knew for other people, nor its marks saying a packet or reply was signed.

A pin says "this person signs with this key": this profile makes one only from a signed file
it checked itself (trust on first use) or a key confirmed at pairing. An archive's pins prove
neither, and a crafted archive planting a key for someone not heard from yet would have their
real packets or replies refused for good, and files signed with the planted key accepted. So
they are dropped from the merge and the summary says so; the next signed file pins again.
(This profile's own signing key is a secret table, never read from an archive at all.)

Likewise an archive keeps a kept packet's or reply's "signed" mark but not its signature, so
nothing is left to check here, and a crafted archive can mark anything signed. Every packet
and reply it brings is written with ``from_archive`` = 1 (whatever the archive says there):
it is then shown as "signature not checked here", never as signed (signature_state).
"""

from __future__ import annotations

import json
from typing import Any

from reflect.domain.message import Message
from reflect.storage.merge import MergePlan
from reflect.storage.supervision_keys import packet_body_signed

PINS_TABLE = "signing_pins"
# The tables whose rows carry a mark saying the file was signed (_marked_signed reads it).
MARKED_TABLES = ("received_packets", "supervision_replies")

PINS_NOT_TAKEN = Message(
    "The signing keys this archive knew for other people were not taken: this profile "
    "trusts a person's signing key only from a signed file it checked itself, or one "
    "confirmed at pairing."
)
SIGNATURES_NOT_CHECKED = Message(
    "The supervision packets and replies this archive says were signed are shown as "
    "“signature not checked here”: an archive keeps no signature, so they were not checked "
    "again on this computer."
)


def drop_pins(plan: MergePlan) -> list[Message]:
    """Remove the archive's pins from ``plan``; a note for the summary if there were any."""
    table = next((t for t in plan.tables if t.table == PINS_TABLE), None)
    if table is None:
        return []
    plan.tables.remove(table)
    return [PINS_NOT_TAKEN] if table.rows else []


def _marked_signed(table: str, row: dict[str, Any]) -> bool:
    if table == "supervision_replies":
        return bool(row.get("signed"))
    try:  # the body was read by the row validators already; this only looks
        return packet_body_signed(json.loads(row.get("body") or "{}"))
    except ValueError:
        return False


def mark_from_archive(plan: MergePlan) -> list[Message]:
    """Write every packet and reply of ``plan`` as brought by an archive; a note for the
    summary if any of them says it was signed."""
    said_signed = False
    for table in plan.tables:
        if table.table in MARKED_TABLES:
            for row in table.rows:
                row["from_archive"] = 1
                said_signed = said_signed or _marked_signed(table.table, row)
    return [SIGNATURES_NOT_CHECKED] if said_signed else []
