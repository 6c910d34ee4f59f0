"""Reading a profile folder's small JSON files within limits, and their names.

Apart from domain/profile.py because `reflect search` reads vault.json before it loads
anything heavy (commands/search_quick.py): no dataclasses or pathlib here.
"""

from __future__ import annotations

import os

from reflect.domain import safe_json

# typing itself is not loaded: `reflect search` reads these files before anything else
# needs it (about 3 ms); type checkers read the block below all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_VAULT_BYTES = 1024 * 1024
VAULT_FILE = "vault.json"
DB_FILE = "reflect.db"


def read_vault_json(path: str | os.PathLike[str]) -> Any:
    """vault.json, a pending vault, a backup's ``.key.json`` or the unlock throttle's file.

    All are small files Reflect wrote, but anyone with access to the folder can swap one:
    read only a regular file of at most MAX_VAULT_BYTES (a FIFO would block the reader
    forever), with safe_json's depth and number limits. Raises JsonLimitError, never more.
    """
    return safe_json.loads(
        safe_json.decode_text(safe_json.read_regular_file(path, MAX_VAULT_BYTES))
    )


# Files whose presence means a profile is not in its everyday state, named here for the
# modules that write them: failed unlocks being counted (storage/throttle.py), a change of
# keys under way (storage/pending_vault.py), a restore waiting to be finished
# (storage/restore_swap.py).
THROTTLE_FILE = "unlock-attempts.json"
PENDING_VAULT_FILE = "vault.json.pending"
RESTORED_DB_FILE = DB_FILE + ".restored"
