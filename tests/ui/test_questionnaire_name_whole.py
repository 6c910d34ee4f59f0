"""The closed questionnaire chooser on Check-in → Questionnaires shows the whole name, on two
lines when narrow (it read "CBI: Inventaire d'épuisement professionnel de" in French at the
smallest window), and is still an ordinary combo box from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox

from reflect.ui import i18n
from reflect.ui.theme import apply_theme
from reflect.ui.workspace import Workspace
from tests.ui.text_fit import cut_texts


def _text_room(combo: QComboBox) -> QRect:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )


def _whole(combo: QComboBox) -> bool:
    room = _text_room(combo)
    flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
    needed = combo.fontMetrics().boundingRect(
        QRect(0, 0, room.width() - 8, 10_000), flags, combo.currentText()
    )
    return needed.height() <= room.height()


@pytest.fixture(params=["en", "fr"])
def panel(request, qtbot, session):
    i18n.set_language(request.param)
    apply_theme("light", QApplication.instance())
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("checkin")
    screen = workspace.screens["checkin"]
    screen.tabs.setCurrentWidget(screen.instruments)
    workspace.resize(1, 1)  # the smallest window
    qtbot.wait(50)
    yield screen.instruments
    i18n.set_language("en")


def test_every_questionnaire_name_is_whole_in_the_closed_chooser(qtbot, panel):
    picker = panel.picker
    if i18n.current_language() == "fr":  # the names that did not fit on one line
        longest = max(range(picker.count()), key=lambda i: len(picker.itemText(i)))
        wide = picker.fontMetrics().horizontalAdvance(picker.itemText(longest))
        assert wide > _text_room(picker).width()
    for index in range(picker.count()):
        picker.setCurrentIndex(index)
        qtbot.wait(5)
        assert _whole(picker), picker.itemText(index)
    assert cut_texts(panel) == []


def test_the_chooser_works_from_the_keyboard_as_before(qtbot, panel):
    picker = panel.picker
    assert isinstance(picker, QComboBox)
    assert picker.accessibleName() == i18n.tr("Questionnaire to score")
    picker.setCurrentIndex(0)
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.currentIndex() == 1
    assert panel.definition.id == picker.itemData(1)
