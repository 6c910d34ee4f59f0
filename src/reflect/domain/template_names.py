"""The names of the shipped reflection templates, read without loading the templates.

`reflect search` prints each result's template name; loading the full templates (their
sections, fields and checks, domain/templates.py) would cost it more than the search
itself. The shipped files are Reflect's own and checked by the tests; an organisation's
templates are not read here: with any present, the search takes its full path.
tests/cli/test_search_quick.py keeps these names equal to TemplateLibrary.name_of.
"""

from __future__ import annotations

import os

from reflect.domain import safe_json

_MAX_BYTES = 1024 * 1024  # domain/content_files.MAX_CONTENT_BYTES


def fallback_name(template_id: str) -> str:
    """The name shown for a template this installation does not have."""
    return template_id.replace("_", " ").capitalize()


def shipped_names(folder: str) -> dict[str, str]:
    """Template id to name, for every template file in ``folder``."""
    names: dict[str, str] = {}
    for entry in sorted(os.listdir(folder)):
        if entry.lower().endswith(".json"):
            raw = safe_json.read_regular_file(os.path.join(folder, entry), _MAX_BYTES)
            data = safe_json.loads(safe_json.decode_text(raw))
            names[str(data["id"])] = str(data["name"])
    return names
