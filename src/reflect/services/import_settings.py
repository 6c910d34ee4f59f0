"""Which settings an archive may bring into a profile, and saying which it brought.

A merge keeps every setting the profile has set itself. A setting the profile never set
(it runs on the default) used to be taken from the archive without a word, so an archive
with ``backup_enabled = false`` silently turned automatic backups off. Now:

- a setting that would make the profile less safe than what it has in effect (its default)
  is never taken: automatic backups stay on, the lock delay does not grow, "On this day"
  does not start showing old entries, team figures are not shown for smaller groups;
- every setting taken is listed in ``settings_adopted`` (the command line's JSON) and, when
  it is one a person can change in Settings, named in words in the import summary; every
  one refused is listed and named too (``settings_not_adopted``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reflect.domain.message import Message
from reflect.services.record_kinds import SETTINGS, setting
from reflect.storage.merge import MergePlan

SETTINGS_TABLE = "settings"


def _minimum_group(value: Any) -> int:
    from reflect.services.team import minimum_from

    return minimum_from(value)


# key -> (the archive's value is less safe than the profile's, why it was not taken)
_Rule = tuple[Callable[[Any, Any], bool], Message]
SAFETY_RULES: dict[str, _Rule] = {
    "backup_enabled": (
        lambda new, now: bool(now) and new is not True,
        Message("it would turn automatic backups off"),
    ),
    "auto_lock_minutes": (
        lambda new, now: not isinstance(new, int) or new > now,
        Message("it would leave the profile open longer before it locks"),
    ),
    "on_this_day": (
        lambda new, now: bool(new) and not now,
        Message("it would start showing old entries on their anniversary"),
    ),
    "team_min_group": (
        lambda new, now: _minimum_group(new) < _minimum_group(now),
        Message("it would show team figures for smaller groups"),
    ),
}


@dataclass(frozen=True)
class ScreenedSettings:
    adopted: list[str]
    refused: list[str]
    notes: list[Message]  # for the import summary: what was taken, what was not and why


def screen_settings(plan: MergePlan, in_effect: dict[str, Any]) -> ScreenedSettings:
    """Drop from ``plan`` the settings that would weaken the profile; say what is left.

    ``in_effect`` holds the profile's settings with the defaults filled in. The plan only
    holds settings the profile has not set itself (a merge keeps the profile's own value).
    """
    table = next((t for t in plan.tables if t.table == SETTINGS_TABLE), None)
    if table is None:
        return ScreenedSettings([], [], [])
    adopted: list[str] = []
    refused: list[str] = []
    notes: list[Message] = []
    kept_rows = []
    for row in table.rows:
        key = str(row.get("key"))
        rule = SAFETY_RULES.get(key)
        if rule is not None and rule[0](_decoded(row.get("value")), in_effect.get(key)):
            refused.append(key)
            notes.append(
                Message(
                    "Setting “{name}” was not taken from the archive: {reason}.",
                    name=setting(key),
                    reason=rule[1],
                )
            )
            continue
        kept_rows.append(row)
        adopted.append(key)
    table.rows = kept_rows
    taken = [
        Message(
            "Setting “{name}” was taken from the archive (this profile had not set it).",
            name=setting(key),
        )
        for key in adopted
        if key in SETTINGS  # Reflect's own bookkeeping (a debrief to reopen...) is not news
    ]
    notes[:0] = taken
    return ScreenedSettings(adopted, refused, notes)


def _decoded(value: Any) -> Any:
    """A setting's stored JSON text (validated by the row checks before the merge)."""
    try:
        return json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return value
