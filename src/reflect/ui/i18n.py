"""English and French: a small gettext-style catalogue keyed by the English text.

Why not Qt Linguist: .qm files need the lrelease tool at build time and the catalogue must
also cover content files (templates, check-in items, coping items) that are JSON, not code.
One JSON file per language, ``assets/translations/<code>.json``, mapping the English text
to its translation, serves both. A missing entry falls back to English, so a half-finished
catalogue never shows an empty label. Placeholders use ``str.format`` names
(``tr("Good morning, {name}").format(name=...)``) so translators can reorder them.
"""

from __future__ import annotations

import json
from pathlib import Path

from reflect.resources import asset_path

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"

_state: dict[str, object] = {"language": DEFAULT_LANGUAGE, "messages": {}}


def catalogue_path(language: str) -> Path:
    return asset_path("translations", f"{language}.json")


def load_catalogue(language: str) -> dict[str, str]:
    """The messages of one language; English (and an unreadable file) gives an empty one."""
    if language == DEFAULT_LANGUAGE:
        return {}
    try:
        data = json.loads(catalogue_path(language).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    messages = data.get("messages", {}) if isinstance(data, dict) else {}
    return {k: v for k, v in messages.items() if isinstance(k, str) and isinstance(v, str) and v}


def set_language(language: str) -> str:
    """Switch the catalogue; an unknown code means English. Returns the language in use."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _state["language"] = language
    _state["messages"] = load_catalogue(language)
    return language


def current_language() -> str:
    return str(_state["language"])


def tr(text: str) -> str:
    """The text in the current language (English when there is no translation)."""
    messages = _state["messages"]
    assert isinstance(messages, dict)
    return messages.get(text, text)
