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
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from reflect.domain.words import ENGLISH, Words
from reflect.resources import asset_path

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"

_state: dict[str, object] = {"language": DEFAULT_LANGUAGE, "messages": {}}
_WORDS: dict[str, Words] = {}


def catalogue_path(language: str) -> Path:
    return asset_path("translations", f"{language}.json")


def catalogue_paths(language: str) -> list[Path]:
    """``<code>.json`` (the interface) then ``<code>-*.json`` (content: check-in items,
    templates, coping texts), so each area's translations live in their own file."""
    main = catalogue_path(language)
    extra = sorted(main.parent.glob(f"{language}-*.json"))
    return [main, *extra]


def _read_messages(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    messages = data.get("messages", {}) if isinstance(data, dict) else {}
    if not isinstance(messages, dict):
        return {}
    return {k: v for k, v in messages.items() if isinstance(k, str) and isinstance(v, str) and v}


def load_catalogue(language: str) -> dict[str, str]:
    """The messages of one language; English (and an unreadable file) gives an empty one."""
    if language == DEFAULT_LANGUAGE:
        return {}
    merged: dict[str, str] = {}
    # The interface catalogue is read last so it wins where an area file repeats a word.
    for path in reversed(catalogue_paths(language)):
        merged.update(_read_messages(path))
    return merged


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


def tr_list(texts: Iterable[str]) -> list[str]:
    """Each text in the current language (answer labels of a scale, options of a list)."""
    return [tr(text) for text in texts]


def number(value: float, spec: str = "g") -> str:
    """A number as the person writes it: '2.5' in English, '2,5' in French."""
    text = format(value, spec)
    return text.replace(".", ",") if current_language() == "fr" else text


def local_date(value: date | datetime, pattern: str = "d MMM yyyy") -> str:
    """A date (or date and time) in the interface language: '5 Nov 2026' / '5 nov. 2026'.

    ``pattern`` uses Qt's date format letters (d, MMM, yyyy, HH:mm)."""
    from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone

    locale = interface_locale()
    day = QDate(value.year, value.month, value.day)
    if isinstance(value, datetime):
        # In UTC: a local QDateTime would show 02:30 as 03:30 where that hour was skipped.
        moment = QDateTime(day, QTime(value.hour, value.minute, value.second), QTimeZone.utc())
        return locale.toString(moment, pattern)
    return locale.toString(day, pattern)


def interface_locale():
    """Qt's locale for the interface language: month names, decimal comma, date pickers."""
    from PySide6.QtCore import QLocale

    return QLocale("fr_CA" if current_language() == "fr" else "en_CA")


def follow_language(widget) -> None:
    """Month and day names in a date picker follow the interface language."""
    if current_language() != DEFAULT_LANGUAGE:
        widget.setLocale(interface_locale())


def interface_words() -> Words:
    """Texts, dates and numbers for pure code (charts, their summaries, the debrief) in the
    interface language: English is their own default; French takes Qt's month and weekday
    names and decimal comma."""
    language = current_language()
    if language == DEFAULT_LANGUAGE:
        return ENGLISH
    # Built once per language: cards and list rows ask for it one by one.
    if language in _WORDS:
        return _WORDS[language]
    from PySide6.QtCore import QLocale

    locale = interface_locale()
    short, long = QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat
    words = _WORDS[language] = Words(
        translate=tr,
        months=tuple(locale.monthName(m, short) for m in range(1, 13)),
        months_long=tuple(locale.monthName(m, long) for m in range(1, 13)),
        weekdays=tuple(locale.dayName(d, short) for d in range(1, 8)),
        weekdays_long=tuple(locale.dayName(d, long) for d in range(1, 8)),
        day_first=True,
        zero_is_singular=True,
        decimal=locale.decimalPoint() or ".",
        first_of_month="er" if language == "fr" else "",
    )
    return words
