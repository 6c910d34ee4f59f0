"""Crafted archives for the signature-mark tests: a packet or reply that was never signed,
whose rows are then made to say it was (what anyone who can write an archive can do)."""

from __future__ import annotations

import json
from pathlib import Path

from reflect.services.export import export_profile
from reflect.services.importing import import_file
from reflect.storage.sealed_files import seal
from reflect.storage.signatures import new_signing_key
from tests.services.supervision_fixtures import open_profile
from tests.services.test_supervision_signatures import (
    _exchange,
    _keys,
    _reply,
    _reply_doc,
    old_unsigned_packet,
)

SECRET = "archive passphrase for tests"


def unsigned_packet(pair, tmp_path: Path) -> None:
    """An older Reflect's packet (no signature), kept by the supervisor as not signed."""
    old_unsigned_packet(pair, tmp_path)


def unsigned_reply(pair, tmp_path: Path) -> None:
    """An older Reflect's reply (no signature), kept by the provider as not signed."""
    packet = _exchange(pair, tmp_path)
    reply, _ = _reply(pair, tmp_path, packet)
    _, provider = _keys(pair)
    doc = _reply_doc(reply)
    del doc["from"]["signing_key"]
    old = tmp_path / "old-reply.age"
    old.write_bytes(seal(json.dumps(doc).encode(), [provider]))
    pair.provider.supervision_send.import_reply(old)


def claim_signed(session) -> None:
    """Make every kept packet and reply say it was signed and never came from an archive."""
    _, fake = new_signing_key()
    db = session.db
    with db.atomic():
        for packet_id, body in db.execute("SELECT packet_id, body FROM received_packets"):
            doc = json.loads(body)
            doc["from"]["signing_key"] = fake
            db.execute(
                "UPDATE received_packets SET body = ?, from_archive = 0 WHERE packet_id = ?",
                [json.dumps(doc), packet_id],
            )
        db.execute("UPDATE supervision_replies SET signed = 1, from_archive = 0")


def into_fresh_profile(session, tmp_path: Path, name: str):
    """A new profile in its own data folder with ``session``'s archive imported (open)."""
    archive = export_profile(
        session, "archive", tmp_path / f"{name}-out", archive_passphrase=SECRET
    )
    fresh = open_profile(tmp_path / name, "Fresh")
    summary = import_file(fresh, archive.path, SECRET)
    return fresh, summary
