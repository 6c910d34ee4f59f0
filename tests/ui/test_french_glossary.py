"""One French word for each key term: every French catalogue uses the glossary's term.

``assets/translations/glossary-fr.json`` lists the key English terms (vicarious trauma,
burnout, awareness, debrief...) and the French forms that render them. A catalogue entry
whose English contains a term must use one of those forms, so a term can no longer be
translated two ways in two screens.
"""

from __future__ import annotations

import json
import re

import pytest

from reflect.resources import asset_path

GLOSSARY = json.loads(asset_path("translations", "glossary-fr.json").read_text(encoding="utf-8"))


def _catalogues() -> dict[str, dict[str, str]]:
    folder = asset_path("translations")
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))["messages"]
        for path in sorted(folder.glob("fr*.json"))
    }


def _uses_term(english: str, term: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", english, re.I) is not None


def misuses(catalogues: dict[str, dict[str, str]]) -> list[tuple[str, str, str]]:
    found = []
    for name, messages in catalogues.items():
        for english, french in messages.items():
            for term in GLOSSARY["terms"]:
                if english in term.get("except", []) or not _uses_term(english, term["en"]):
                    continue
                if not any(form.lower() in french.lower() for form in term["forms"]):
                    found.append((name, term["en"], english))
    return found


def test_the_glossary_is_well_formed():
    terms = GLOSSARY["terms"]
    assert len(terms) >= 10
    for term in terms:
        assert term["en"].strip() and term["fr"].strip()
        assert term["fr"].lower() in [form.lower() for form in term["forms"]] or any(
            form.lower() in term["fr"].lower() for form in term["forms"]
        )


def test_every_french_catalogue_uses_the_glossary_terms():
    problems = misuses(_catalogues())
    assert problems == [], f"{len(problems)} entries use another French term, e.g. {problems[:3]}"


def test_the_check_catches_a_second_translation():
    catalogues = {"fr-x.json": {"Signs of vicarious trauma": "Signes de trauma par procuration"}}
    assert misuses(catalogues) == [("fr-x.json", "vicarious trauma", "Signs of vicarious trauma")]


@pytest.mark.parametrize(
    ("english", "wrong", "right"),
    [
        ("The world felt less safe, or people felt harder to trust.", "croire", "confiance"),
        ("Severe (49 or more)", "Sévère", "Grave"),
        ("Sometimes / somewhat", "un peu", "moyennement"),
        (
            "Things that reliably bring you back a little, even on a short day.",
            "chargée",
            "écourtée",
        ),
    ],
)
def test_review_fixes_stay_fixed(english, wrong, right):
    merged = {k: v for messages in _catalogues().values() for k, v in messages.items()}
    assert wrong not in merged[english] and right in merged[english]


def test_no_catalogue_asks_for_help_as_tendre_la_main():
    for messages in _catalogues().values():
        assert not any("tendre la main" in french for french in messages.values())
