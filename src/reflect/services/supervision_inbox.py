"""One door for a sealed file dropped on the window or picked in a dialog: a supervisor's
reply goes to the provider's side, a debrief packet to the supervisor's record."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.domain.errors import ValidationError
from reflect.domain.supervision_messages import sniff_format
from reflect.storage.sealed_files import (
    AGE_MAGIC,
    NotSealedForThisProfile,
    open_sealed,
    read_sealed_file,
)

if TYPE_CHECKING:
    from reflect.services.session import Session
    from reflect.services.supervision import Received
    from reflect.services.supervision_send import ReplyReceipt


@dataclass(frozen=True)
class Opened:
    kind: str  # "packet" or "reply"
    packet: Received | None = None
    reply: ReplyReceipt | None = None


def is_sealed_file(path: Path) -> bool:
    """A regular file starting with the age header. Only regular files are opened: reading a
    FIFO or a device to sniff it would hang or never end."""
    path = Path(path).expanduser()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(AGE_MAGIC)) == AGE_MAGIC
    except OSError:
        return False


def import_sealed(session: Session, path: Path) -> Opened:
    data = read_sealed_file(path, "sealed file")
    found = session.supervision_send.my_identity()
    if found is None:
        raise NotSealedForThisProfile(
            "This sealed file was sealed for someone else's key, not this profile's. "
            "Nothing was changed."
        )
    kind = sniff_format(open_sealed(data, found, "sealed file"))
    if kind == "reply":
        return Opened("reply", reply=session.supervision_send.import_reply(path))
    if kind == "packet":
        return Opened("packet", packet=session.supervision.import_packet(path))
    raise ValidationError("This sealed file is not a debrief packet or a reply from Reflect.")
