"""Per-profile preferences, kept inside the encrypted database (QSettings holds UI state only)."""

from __future__ import annotations

from typing import Any, Protocol

DEFAULTS: dict[str, Any] = {
    "auto_lock_minutes": 5,
    "country": "CA",
    "language": "en",
    "theme": "system",
    "reminder_enabled": False,
    "reminder_time": "17:30",
    "reminder_days": [0, 1, 2, 3, 4],
    "backup_enabled": True,
    "role": "provider",  # or "supervisor": shows the Supervision screen (issue 17)
    "spell_check": True,
    "spelling_words": [],
    "on_this_day": False,  # off unless the person asks: an old entry can be painful
}


class SettingsStore(Protocol):
    def get(self, key: str) -> Any | None: ...
    def set(self, key: str, value: Any) -> None: ...
    def all(self) -> dict[str, Any]: ...


class SettingsService:
    def __init__(self, repository: SettingsStore) -> None:
        self._repository = repository

    def get(self, key: str) -> Any:
        value = self._repository.get(key)
        return DEFAULTS.get(key) if value is None else value

    def set(self, key: str, value: Any) -> None:
        self._repository.set(key, value)

    def all(self) -> dict[str, Any]:
        merged = dict(DEFAULTS)
        merged.update(self._repository.all())
        return merged
