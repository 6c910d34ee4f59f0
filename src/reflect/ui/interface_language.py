"""The language the lock screen speaks before any profile is open.

Each profile keeps its language inside its encrypted settings, which cannot be read before
unlocking. So the language of the last profile unlocked is kept beside the profiles, in a
small owner-only file holding that one word ("en" or "fr") and nothing else: a French
speaker is greeted in French from the first screen of the next start.
"""

from __future__ import annotations

import json

from reflect.domain import safe_json
from reflect.paths import AppPaths, write_private_file
from reflect.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

MAX_INTERFACE_BYTES = 4096


def remembered_language(paths: AppPaths) -> str:
    """The last interface language, or English when none was kept (or the file is odd)."""
    try:
        # Read before any window exists: a FIFO or a deeply nested file must not stop the start.
        raw = safe_json.read_regular_file(paths.interface_file, MAX_INTERFACE_BYTES)
        data = safe_json.loads(safe_json.decode_text(raw))
    except (OSError, ValueError):  # JsonLimitError is a ValueError
        return DEFAULT_LANGUAGE
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def remember_language(paths: AppPaths, language: str) -> None:
    """Keep ``language`` for the next lock screen; a failure to write only costs that."""
    if language not in LANGUAGES or language == remembered_language(paths):
        return
    try:
        paths.ensure()
        write_private_file(paths.interface_file, json.dumps({"language": language}).encode())
    except OSError:
        pass
