"""French for content files: every text a person reads in the shipped content has a French
entry in the catalogues (``assets/translations/fr*.json``), and the screens show it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton

from reflect.domain.checkin import CATEGORY_LABELS
from reflect.resources import asset_path
from reflect.ui import i18n


def _load(*parts: str) -> Any:
    return json.loads(asset_path(*parts).read_text(encoding="utf-8"))


def checkin_texts() -> Iterator[str]:
    data = _load("checkin", "checkin.json")
    yield from (data["title"], data["intro"], data["time_frame"], *data["scale"]["labels"])
    yield from (item["text"] for item in data["items"])
    for part in ("sleep", "energy"):
        yield data[part]["text"]
        yield from data[part]["labels"]
    yield data["helping"]["intro"]
    yield from data["helping"]["labels"]
    yield from (item["text"] for item in data["helping"]["items"])
    yield data["strengths"]["intro"]
    yield from data["strengths"]["labels"]
    yield from (item["text"] for item in data["strengths"]["items"])
    yield from CATEGORY_LABELS.values()


def template_texts() -> Iterator[str]:
    for path in sorted(asset_path("templates").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        yield from (data[k] for k in ("name", "description") if k in data)
        for section in data["sections"]:
            yield from (section[k] for k in ("title", "help") if k in section)
            for field in section["fields"]:
                keys = ("label", "help", "low_label", "high_label")
                yield from (field[k] for k in keys if k in field)
                yield from (option["label"] for option in field.get("options", []))
                yield from (o["hint"] for o in field.get("options", []) if o.get("hint"))


def coping_texts() -> Iterator[str]:
    data = _load("resources", "coping.json")
    yield data["about"]
    yield from data["areas"].values()
    for item in data["items"]:
        yield item["title"]
        yield item["text"]


def crisis_line_texts() -> Iterator[str]:
    data = _load("resources", "crisis_lines.json")
    yield data["disclosure"]
    for lines in data["countries"].values():
        for line in lines:
            yield from (line[k] for k in ("name", "hours", "languages", "notes") if line.get(k))
            yield from (c["detail"] for c in line["channels"] if c.get("detail"))


def exercise_texts() -> Iterator[str]:
    from reflect.domain import exercises

    for pattern in exercises.BREATHING_PATTERNS:
        yield pattern.label
        yield from (phase.prompt for phase in pattern.phases)
    yield from (
        exercises.BREATH_ALTERNATIVE_NOTE,
        exercises.GROUNDING_CLOSING,
        exercises.MUSCLE_NOTE,
    )
    for step in exercises.GROUNDING_STEPS:
        yield from (step.sense, step.prompt)
    for group in exercises.MUSCLE_GROUPS:
        yield from (group.name, group.tense, group.release)


CONTENT = {
    "check-in": checkin_texts,
    "templates": template_texts,
    "coping": coping_texts,
    "crisis lines": crisis_line_texts,
    "exercises": exercise_texts,
}


@pytest.mark.parametrize("kind", sorted(CONTENT))
def test_every_content_text_has_a_french_translation(french, kind):
    missing = sorted({text for text in CONTENT[kind]() if text not in french})
    assert missing == [], f"{len(missing)} {kind} texts lack French, e.g. {missing[:3]}"


def test_placeholders_survive_translation(french):
    """A translation must keep every {name} of its English key, or .format() would fail."""
    import string

    broken = []
    for english, translated in french.items():
        names = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        if names != {f for _, f, _, _ in string.Formatter().parse(translated) if f}:
            broken.append(english)
    assert broken == []


def test_catalogues_merge_and_fall_back_to_english(french):
    assert i18n.tr("Sleep and energy") == "Sommeil et énergie"  # fr-checkin.json
    assert i18n.tr("Home") != "Home"  # fr.json
    assert i18n.tr("A text nobody translated") == "A text nobody translated"


def test_checkin_screen_shows_french_content(qtbot, session, french):
    from reflect.ui.screens.checkin_screen import CheckinScreen

    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    first = session.checkins.definition.items[0]
    row = screen.item_rows[first.id]
    assert row.question.text().endswith(french[first.text])
    assert screen.save_button.text() == "Enregistrer le bilan"


def test_reflection_form_shows_french_and_keeps_ids(qtbot, session, french):
    from reflect.ui.widgets.template_form import TemplateForm

    template = next(t for t in session.journal.templates if t.id == "trauma_informed")
    form = TemplateForm(template)
    qtbot.addWidget(form)
    from PySide6.QtWidgets import QLabel

    labels = " ".join(label.text() for label in form.findChildren(QLabel))
    assert "Un environnement sûr" in labels
    combo = next(iter(form.choices.values()))
    assert combo.itemText(0) == "Sans réponse"
    assert all(
        combo.itemData(i) is None or combo.itemData(i).isascii() for i in range(combo.count())
    )


def test_coping_card_in_french(qtbot, session, french):
    from reflect.ui.widgets.coping_card import CopingCard

    item = next(i for i in session.resources.library.items if i.exercise)
    card = CopingCard(item, reason="")
    qtbot.addWidget(card)
    assert card.accessibleName() == french[item.title]
    assert "Commencer" in " ".join(b.text() for b in card.findChildren(QPushButton))


def test_get_help_in_french_keeps_the_numbers(qtbot, french):
    from PySide6.QtWidgets import QLabel

    from reflect.ui.screens.get_help_dialog import GetHelpDialog

    dialog = GetHelpDialog(country="CA")
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Appelez le" in text and "911" in text and "988" in text
    assert "canadienne contre la traite des personnes" in text
    assert "1-833-900-1010" in text


def test_suggestion_reasons_in_french(session, french):
    from datetime import datetime

    from reflect.ui.widgets.suggestions_view import reason_in_language

    items = [i.id for i in session.checkins.definition.items]
    heavy = dict.fromkeys(items, 0) | {i: 4 for i in items if i.startswith("emotional.")}
    session.checkins.record(heavy, taken_at=datetime(2026, 11, 20, 18, 0))
    suggestions = session.resources.suggestions_for_latest()
    assert suggestions
    for suggestion in suggestions:
        english = suggestion.reason_template.format(**dict(suggestion.reason_args))
        assert english == suggestion.reason  # the template really is the reason
        assert reason_in_language(suggestion) != suggestion.reason
    assert any("Émotions" in reason_in_language(s) for s in suggestions)
    assert any("(20 nov.)" in reason_in_language(s) for s in suggestions)


def test_home_follow_ups_in_french(qtbot, session, french):
    from datetime import date, datetime

    from reflect.domain.reflection import FollowUp, Reflection
    from reflect.ui.widgets.follow_ups_panel import FollowUpsPanel

    session.journal.save(
        Reflection(
            "quick",
            datetime(2026, 11, 20, 18, 0),
            answers={"what_happened": "a long day"},
            follow_ups=[FollowUp("call my supervisor", due=date(2099, 11, 25))],
        )
    )
    panel = FollowUpsPanel(session.journal)
    qtbot.addWidget(panel)
    panel.refresh()
    item = panel.list.item(0)
    assert item.text() == "call my supervisor  (pour le 25 nov.)"
    assert item.toolTip().startswith("Vient de la réflexion du 20 nov. 2026.")


@pytest.mark.parametrize("heavy_prefix", ["", "emotional."])
def test_early_warning_notes_in_french(session, french, heavy_prefix):
    """Real notices (all parts higher, or one part higher) keep templates that produce their
    English text exactly, and every one of them reads in French."""
    from datetime import datetime, timedelta

    from reflect.domain.early_warning import fill
    from reflect.ui.widgets.early_warning_card import notice_in_language

    items = [i.id for i in session.checkins.definition.items]
    start = datetime(2026, 9, 1, 18, 0)
    for week in range(8):
        session.checkins.record(dict.fromkeys(items, 1), taken_at=start + timedelta(weeks=week))
    heavy = {i: 4 if i.startswith(heavy_prefix) else 1 for i in items}
    for week in range(8, 11):
        session.checkins.record(heavy, taken_at=start + timedelta(weeks=week))
    notices = [n for n in session.early_warning.active() if n.kind == "rise"]
    assert notices
    for notice in notices:
        assert fill(notice.message_template, notice.args) == notice.message
        assert fill(notice.title_template, notice.args) == notice.title
        title, message = notice_in_language(notice)
        assert title != notice.title
        assert not any(w in message for w in ("check-ins", "usual", "supervisor", "{"))


def test_grounding_exercise_in_french(qtbot, french):
    from reflect.ui.widgets.grounding_exercise import GroundingExercise

    widget = GroundingExercise()
    qtbot.addWidget(widget)
    widget.next_button.click()
    assert widget.prompt_label.text().startswith("Regardez lentement")
    assert "choses à voir" in widget.number_label.text()


def test_my_plan_in_french(qtbot, session, french):
    from PySide6.QtWidgets import QLabel

    from reflect.ui.widgets.plan_editor import PlanEditor

    editor = PlanEditor(session.resources)
    qtbot.addWidget(editor)
    text = " ".join(label.text() for label in editor.findChildren(QLabel))
    assert "Mes signes d'alerte" in text
    assert editor.people_table.horizontalHeaderItem(0).text() == "Qui"


def test_area_catalogues_agree_with_each_other():
    """The same English words get the same French in every catalogue (no silent override)."""
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in i18n.catalogue_paths("fr"):
        messages = json.loads(path.read_text(encoding="utf-8"))["messages"]
        for english, french in messages.items():
            first = seen.setdefault(english, (path.name, french))
            if first[1] != french:
                clashes.append(f"{english!r}: {first[0]} vs {path.name}")
    assert clashes == []


def test_reflect_screen_in_french(qtbot, session, french):
    from reflect.ui.screens.reflect_screen import ReflectScreen

    screen = ReflectScreen(session)
    qtbot.addWidget(screen)
    assert screen.save_button.text() == "Enregistrer au journal"
    assert "Nouvelle réflexion" in screen.heading.text()
    assert screen.follow_ups.add_button.text() == "Ajouter une action de suivi"


def test_identity_banner_in_french(qtbot, french):
    from reflect.ui.widgets.identity_banner import IdentityBanner

    banner = IdentityBanner()
    qtbot.addWidget(banner)
    banner.show_findings("a phone number and a full name", ["555-0100", "Jane Doe"])
    text = banner.message.text()
    assert "un numéro de téléphone et un nom complet" in text
    assert "555-0100" in text


def test_questionnaire_band_notice_in_french(session, french):
    """A result in a published band: the same note in French, with a French date and name."""
    from datetime import datetime

    from reflect.domain.early_warning import fill
    from reflect.ui.widgets.early_warning_card import notice_in_language

    session.instruments.record("who5", [1, 1, 1, 1, 1], taken_at=datetime(2026, 11, 3, 18, 0))
    notice = next(n for n in session.early_warning.active() if n.kind == "band")
    assert fill(notice.message_template, notice.args) == notice.message
    assert "3 November 2026" in notice.message
    title, message = notice_in_language(notice)
    assert title == "Votre dernier score est dans une zone qui invite à faire une pause (WHO-5)"
    assert message.startswith("Votre score « Bien-être (0 à 100) » du 3 novembre 2026")
    assert message.rstrip().count("(WHO-5)") == 1  # the short name comes second
    assert "3 novembre 2026" in message and "pas un diagnostic" in message
    assert not any(w in message for w in ("November", "published band", "{"))
