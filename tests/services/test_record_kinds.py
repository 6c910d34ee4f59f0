"""Import and backup summaries name kinds of records and settings in words, and the French
interface has words for each."""

from __future__ import annotations

import json
from pathlib import Path

from reflect.domain.message import Term
from reflect.services.record_kinds import KINDS, SETTINGS, kind, setting
from reflect.services.row_validators import VALIDATORS
from reflect.services.settings import DEFAULTS
from reflect.storage.table_dump import SECRET_TABLES

CATALOGUES = Path(__file__).parents[2] / "assets" / "translations"


def _french() -> dict[str, str]:
    words: dict[str, str] = {}
    for path in CATALOGUES.glob("fr*.json"):
        words.update(json.loads(path.read_text(encoding="utf-8")).get("messages", {}))
    return words


def test_every_table_a_person_can_import_has_words():
    assert set(VALIDATORS) - SECRET_TABLES <= set(KINDS)  # the secret keys never move


def test_every_default_setting_has_words():
    assert set(DEFAULTS) <= set(SETTINGS)


def test_every_word_has_french():
    french = _french()
    missing = [w for w in [*KINDS.values(), *SETTINGS.values()] if w not in french]
    assert missing == []


def test_known_names_are_terms_and_unknown_ones_stay_as_they_are():
    assert isinstance(kind("follow_ups"), Term) and kind("follow_ups") == "follow-up actions"
    assert not isinstance(kind("from_a_newer_reflect"), Term)
    assert kind("from_a_newer_reflect") == "from a newer reflect"
    assert isinstance(setting("backup_enabled"), Term)
    assert setting("debrief_reopen") == "debrief_reopen"
