"""Signing keys an archive knows for other people are not taken into a profile.

A pin says "this person signs with this key": this profile makes one only from a signed file
it checked itself (trust on first use) or a key confirmed at pairing. An archive's pins prove
neither, and a crafted archive planting a key for someone not heard from yet would have their
real packets or replies refused for good, and files signed with the planted key accepted. So
they are dropped from the merge and the summary says so; the next signed file pins again.
(This profile's own signing key is a secret table, never read from an archive at all.)
"""

from __future__ import annotations

from reflect.domain.message import Message
from reflect.storage.merge import MergePlan

PINS_TABLE = "signing_pins"

PINS_NOT_TAKEN = Message(
    "The signing keys this archive knew for other people were not taken: this profile "
    "trusts a person's signing key only from a signed file it checked itself, or one "
    "confirmed at pairing."
)


def drop_pins(plan: MergePlan) -> list[Message]:
    """Remove the archive's pins from ``plan``; a note for the summary if there were any."""
    table = next((t for t in plan.tables if t.table == PINS_TABLE), None)
    if table is None:
        return []
    plan.tables.remove(table)
    return [PINS_NOT_TAKEN] if table.rows else []
