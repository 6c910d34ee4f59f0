"""The journal, the check-in results and history, and the questionnaires in French.

Builds the screens with the interface in French and checks that real French appears (and
that what is stored stays language-free), then that English is unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from reflect.domain.reflection import DEFAULT_SETTINGS, FollowUp, Reflection
from reflect.resources import asset_path


def _seed(session, n=3):
    ids = []
    for i in range(n):
        reflection = Reflection(
            "quick",
            datetime(2026, 11, 3 + i, 19, 0),
            setting=("clinic", "court", "outreach")[i % 3],
            tags=[f"t{i}"],
            intensity=i * 3,
            answers={"what_happened": f"entry number {i} marker"},
            follow_ups=[FollowUp(f"action {i}", due=date(2026, 12, 1 + i))],
        )
        ids.append(session.journal.save(reflection).id)
    return ids


def _journal(qtbot, session):
    from reflect.ui.screens.journal_screen import JournalScreen

    screen = JournalScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def _labels(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


# --- every questionnaire text a person reads has French -------------------------------------


def instrument_texts() -> Iterator[str]:
    for path in sorted(asset_path("instruments").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        yield from (data["name"], data["time_frame"], data["licence"], *data["caveats"])
        yield from data["response_scale"]["labels"].values()
        for subscale in data["subscales"]:
            yield subscale["label"]
            yield from (band["label"] for band in subscale.get("bands", []))


def test_every_questionnaire_text_has_french(french):
    missing = sorted({text for text in instrument_texts() if text not in french})
    assert missing == []


def test_offered_settings_and_table_words_have_french(french):
    from reflect.ui.models.reflection_table_model import COLUMNS
    from reflect.ui.widgets.range_picker import ACCESSIBLE_NAMES, BUTTON_TEXT

    words = [*DEFAULT_SETTINGS, *COLUMNS, *BUTTON_TEXT.values(), *ACCESSIBLE_NAMES.values()]
    assert [w for w in words if w not in french] == []


# --- the journal ----------------------------------------------------------------------------


def test_journal_in_french(qtbot, session, french):
    _seed(session)
    screen = _journal(qtbot, session)
    assert _headers(screen.model) == [
        "Date",
        "Modèle",
        "Milieu",
        "Intensité",
        "Étiquettes",
        "Extrait",
    ]
    assert screen.count_label.text() == "Réflexions : 3"
    assert screen.open_button.text() == "Ouvrir" and screen.delete_button.text() == "Supprimer…"
    assert "Journal" in _labels(screen)
    filters = screen.filters
    assert filters.template.itemText(0) == "Tous les modèles"
    assert filters.setting.itemText(0) == "Tous les milieux"
    assert filters.tag.itemText(0) == "Toutes les étiquettes"
    assert filters.search.accessibleName() == "Chercher dans les réflexions"
    # Settings read in French but filter by their stored word.
    court = filters.setting.findData("court")
    assert filters.setting.itemText(court) == "Tribunal"
    filters.setting.setCurrentIndex(court)
    assert screen.model.rowCount() == 1
    assert screen.count_label.text() == "Réflexions correspondantes : 1 sur 3"
    row = screen.model.row_of(screen.selected_id())
    assert screen.model.index(row, 2).data() == "Tribunal"
    spoken = screen.model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "novembre 2026" in spoken and "tribunal" in spoken
    filters.search.setText("zzzz")
    filters.flush()
    assert "Aucune réflexion ne correspond" in screen.empty.text()


def test_journal_delete_dialog_and_undo_in_french(qtbot, session, french, monkeypatch):
    ids = _seed(session, 1)
    screen = _journal(qtbot, session)
    shown: list[QMessageBox] = []

    def answer(box):
        shown.append(box)  # nobody answers: clickedButton() stays None
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    screen.table.selectRow(0)
    screen.delete_selected()  # the dialog is answered by nobody: nothing is deleted
    box = shown[0]
    assert box.windowTitle() == "Supprimer cette réflexion ?"
    assert box.text() == "Supprimer la réflexion du 3 nov. 2026, 19:00 ?"
    assert "chiffrée" in box.informativeText()
    assert sorted(b.text() for b in box.buttons()) == ["Annuler", "Supprimer"]
    assert session.journal.get(ids[0]) is not None

    screen.confirm_delete = lambda _when: True
    screen.delete_selected()
    assert screen.undo_message.text() == "Réflexion du 3 nov. 2026, 19:00 supprimée."
    assert screen.undo_button.text() == "Annuler"
    screen.undo_button.click()
    assert session.journal.get(ids[0]) is not None


def test_empty_journal_in_french(qtbot, session, french):
    screen = _journal(qtbot, session)
    assert screen.empty.text().startswith("Votre journal est vide.")
    assert screen.write_button.text() == "Écrire une réflexion"


def test_reflection_details_store_the_usual_setting_word(qtbot, french):
    from reflect.ui.widgets.reflection_details import ReflectionDetails

    details = ReflectionDetails(list(DEFAULT_SETTINGS))
    qtbot.addWidget(details)
    assert details.now_button.text() == "Maintenant"
    assert details.setting.itemText(details.setting.findData("shelter")) == "hébergement"
    details.setting.setCurrentText("tribunal")
    assert details.setting_text() == "court"  # stored the same in every language
    details.setting.setCurrentText("salle d'attente")  # the person's own word stays theirs
    assert details.setting_text() == "salle d'attente"
    details.set_values(datetime(2026, 11, 3, 9, 0), "outreach", ["nuit"])
    assert details.setting.currentText() == "travail de proximité"
    assert details.setting_text() == "outreach"
    assert "Quand" in _labels(details)


def test_range_picker_in_french(qtbot, french):
    from reflect.ui.widgets.range_picker import RangePicker

    picker = RangePicker(date(2026, 11, 20))
    qtbot.addWidget(picker)
    assert picker.buttons["4w"].text() == "4 &semaines"
    assert picker.buttons["all"].accessibleName() == "Tout afficher"
    picker.choose("custom", date(2026, 11, 10), date(2026, 11, 1))
    assert picker.problem.text() == "Le premier jour est après le dernier jour."


# --- check-in results and history ---------------------------------------------------------


def _checkins(session, weeks=4):
    items = [item.id for item in session.checkins.definition.items]
    start = datetime(2026, 10, 5, 18)
    for week in range(weeks - 1):
        session.checkins.record(dict.fromkeys(items, 1), taken_at=start + timedelta(weeks=week))
    # One item per other category (as the usual), every emotional item at the top: the heavy
    # week reads higher overall whatever the number of items in the check-in.
    firsts = {i.split(".")[0]: i for i in reversed(items)}
    heavy = {i: 1 for c, i in firsts.items() if c != "emotional"}
    heavy |= {i: 4 for i in items if i.startswith("emotional.")}
    return session.checkins.record(heavy, taken_at=start + timedelta(weeks=weeks - 1))


def test_checkin_result_in_french(qtbot, session, french):
    from reflect.ui.widgets.checkin_result_view import CheckinResultView

    saved = _checkins(session)
    view = CheckinResultView()
    qtbot.addWidget(view)
    view.show_result(session.checkins.scored(int(saved.id or 0)))
    text = _labels(view)
    assert "Enregistré. Merci d'avoir fait votre bilan." in view.heading.text()
    assert "Voici cette semaine à côté de votre habitude" in view.summary.text()
    assert "Cette semaine" in text and "Ensemble" in text and "Émotions" in text
    assert "plus élevé que votre habitude" in text
    assert "4,0" in text  # decimal comma
    assert (
        "Dans l'ensemble : plus élevé que votre habitude, avec une partie au-dessus : Émotions."
        in view.support.text()
    )
    assert view.done_button.text() == "Terminé"


def test_checkin_result_before_a_usual_in_french(qtbot, session, french):
    from reflect.ui.widgets.checkin_result_view import CheckinResultView

    view = CheckinResultView()
    qtbot.addWidget(view)
    first = _checkins(session, weeks=1)
    view.show_result(session.checkins.scored(int(first.id or 0)))
    assert "Après encore 3 bilans" in view.summary.text()
    items = [item.id for item in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 1), taken_at=datetime(2026, 10, 12, 18))
    third = session.checkins.record(dict.fromkeys(items, 1), taken_at=datetime(2026, 10, 19, 18))
    view.show_result(session.checkins.scored(int(third.id or 0)))
    assert "Après encore un bilan," in view.summary.text()


def test_history_in_french(qtbot, session, french):
    from reflect.ui.widgets.checkin_history_view import CheckinHistoryView

    _checkins(session)
    session.instruments.record("who5", [3, 3, 3, 3, 3], taken_at=datetime(2026, 11, 20, 9, 0))
    view = CheckinHistoryView(session)
    qtbot.addWidget(view)
    texts = [view.list.item(i).text() for i in range(view.list.count())]
    assert texts[0].startswith("ven. 20 nov. 2026, 09:00") and "Bien-être (0 à 100) 60" in texts[0]
    assert "Bilan : ensemble 2,0 sur 4, plus élevé que votre habitude" in texts[1]
    view.list.setCurrentRow(0)
    view.delete_selected()
    assert view.status.text() == "Entrée du 20 nov. 2026 supprimée."
    view.undo_delete()
    assert view.status.text() == "Rétablie."


# --- questionnaires -------------------------------------------------------------------------


def _panel(qtbot, session):
    from reflect.ui.screens.instrument_panel import InstrumentPanel

    panel = InstrumentPanel(session.instruments)
    qtbot.addWidget(panel)
    return panel


def test_questionnaire_scored_in_french(qtbot, session, french):
    panel = _panel(qtbot, session)
    panel.select("stss")
    assert "Échelle de stress traumatique secondaire" in panel.picker.currentText()
    about = panel.about.text()
    assert "17 questions portant sur les 7 derniers jours" in about and "1 = Jamais" in about
    assert "Bride" in about  # the attribution stays as published
    panel.answers.setText("5" * 17)
    assert panel.count.text() == "17 réponses sur 17"
    panel.score_now()
    text = panel.result.text()
    assert "Grave (49 ou plus)" in text and "Évitement" in text and "À garder en tête" in text
    assert "pas un diagnostic" in text and "Bride, B. E." in text  # the citation as published
    panel.save_now()
    assert "Enregistré dans votre historique." in panel.result.text()


def test_questionnaire_problems_in_french(qtbot, session, french):
    panel = _panel(qtbot, session)
    panel.select("who5")
    panel.answers.setText("1, x")
    assert (
        panel.count.text() == "La réponse 2 (\u00ab\u00a0x\u00a0\u00bb) n'est pas un nombre entier."
    )
    panel.answers.setText("1, 2, 9")
    panel.score_now()
    assert "Score pas encore calculé." in panel.result.text()
    assert "Le WHO-5 compte 5 questions ; 3 réponses ont été données." in panel.result.text()
    panel.answers.setText("1 2 9 3 4")
    panel.score_now()
    assert "vérifiez la question 3" in panel.result.text()


def test_cbi_scores_use_a_decimal_comma(qtbot, session, french):
    panel = _panel(qtbot, session)
    panel.select("cbi")
    panel.answers.setText(" ".join(["2", "3"] * 9 + ["2"]))
    panel.score_now()
    assert "," in panel.result.text().split("<table")[1].split("</table>")[0]
    assert "aucune plage publiée" in panel.result.text()


# --- English is unchanged -------------------------------------------------------------------


def test_english_is_unchanged(qtbot, session):
    from reflect.ui.error_text import message_in_language

    _seed(session)
    screen = _journal(qtbot, session)
    assert _headers(screen.model)[:5] == ["Date", "Template", "Setting", "Intensity", "Tags"]
    assert screen.count_label.text() == "3 reflections"
    assert screen.model.index(0, 2).data() in {"Clinic", "Court", "Outreach"}
    panel = _panel(qtbot, session)
    panel.select("stss")
    panel.answers.setText("5" * 17)
    assert panel.count.text() == "17 of 17 answers"
    panel.score_now()
    assert "Severe (49 or more)" in panel.result.text() and "Keep in mind" in panel.result.text()
    panel.answers.setText("1, x")
    assert panel.count.text() == "Answer 2 ('x') is not a whole number."
    assert message_in_language("Answer 2 ('x') is not a whole number.") == (
        "Answer 2 ('x') is not a whole number."
    )
