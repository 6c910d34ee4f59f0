"""The names of the shipped reflection templates, read without loading the templates.

`reflect search` prints each result's template name; loading the full templates (their
sections, fields and checks, domain/templates.py) would cost it more than the search
itself. The shipped files are Reflect's own and checked by the tests; an organisation's
templates are not read here: with any present, the search takes its full path.
tests/cli/test_search_quick.py keeps these names equal to TemplateLibrary.name_of.
"""

from __future__ import annotations

import os
import re

from reflect.domain import safe_json

_MAX_BYTES = 1024 * 1024  # domain/content_files.MAX_CONTENT_BYTES
# The full loader checks with these too (domain/templates.py, domain/content_fields.py).
TEMPLATE_KEYS = frozenset(
    {"id", "name", "description", "minutes", "order", "default", "sections", "$schema"}
)
TEMPLATE_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def fallback_name(template_id: str) -> str:
    """The name shown for a template this installation does not have."""
    return template_id.replace("_", " ").capitalize()


def shipped_names(folder: str) -> dict[str, str]:
    """Template id to name, for every template file in ``folder`` (chosen as
    content_files chooses them), or ValueError for what the full loader would refuse here.

    The full loader refuses a broken shipped file, and the search with it: a file it would
    refuse for its id, its name, its keys or its want of sections, or a folder without any,
    raises here so that the search takes its full path, which says what is wrong. Deeper
    checks (each section's fields) would cost a search more than the search itself.
    """
    names: dict[str, str] = {}
    for entry in sorted(os.listdir(folder)):
        stem, _dot, suffix = entry.rpartition(".")
        if not stem or suffix.lower() != "json":  # as Path.suffix: ".json" alone has none
            continue
        raw = safe_json.read_regular_file(os.path.join(folder, entry), _MAX_BYTES)
        data = safe_json.loads(safe_json.decode_text(raw))
        name = data.get("name") if isinstance(data, dict) else None
        if (
            not isinstance(data, dict)
            or not set(data) <= TEMPLATE_KEYS
            or data.get("id") != stem
            or not TEMPLATE_ID.match(stem)
            or not isinstance(name, str)
            or not name.strip()
            or not isinstance(data.get("sections"), list)
        ):
            raise ValueError(f"{entry} is not read here; the full loader says why")
        names[stem] = name.strip()
    if not names:
        raise ValueError(f"{folder} holds no reflection templates")
    return names
