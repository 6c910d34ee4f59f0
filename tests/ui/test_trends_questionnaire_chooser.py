"""Trends → Questionnaires: the closed chooser shows a long questionnaire name whole, on two
lines when narrow (an imported definition's name, with no short name, read "…de nuit" at
the smallest window in French), and the short choosers of other tabs stay compact."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflect.ui import i18n
from reflect.ui.widgets.wrapping_combo import WrappingComboBox
from tests.ui.test_questionnaire_name_whole import _text_room, _whole
from tests.ui.trends_smallest import LONG_NAME, trends_at_the_smallest


@pytest.fixture
def trends(qtbot, session, tmp_path, french):
    yield from trends_at_the_smallest(qtbot, session, tmp_path)


def _panel(screen, key):
    return next(panel for panel in screen.panels if panel.key == key)


def test_a_long_questionnaire_name_is_whole_in_the_closed_chooser(qtbot, trends):
    panel = _panel(trends, "questionnaires")
    trends.tabs.setCurrentWidget(panel)
    qtbot.wait(50)
    chooser = panel.selector
    assert isinstance(chooser, WrappingComboBox)
    names = [chooser.itemText(i) for i in range(chooser.count())]
    assert LONG_NAME in names
    chooser.setCurrentIndex(names.index(LONG_NAME))
    qtbot.wait(50)
    # It does not fit on one line at this size: the test would pass on a wider screen.
    assert chooser.fontMetrics().horizontalAdvance(LONG_NAME) > _text_room(chooser).width()
    for index in range(chooser.count()):
        chooser.setCurrentIndex(index)
        qtbot.wait(5)
        assert _whole(chooser), chooser.itemText(index)
    assert chooser.geometry().right() < panel.export_button.geometry().left()


def test_the_chooser_still_works_from_the_keyboard(qtbot, trends):
    panel = _panel(trends, "questionnaires")
    trends.tabs.setCurrentWidget(panel)
    chooser = panel.selector
    chooser.setCurrentIndex(0)
    chooser.setFocus()
    qtbot.keyClick(chooser, Qt.Key.Key_Down)
    assert chooser.currentIndex() == 1
    assert panel.selection() == chooser.itemData(1)
    assert chooser.accessibleName() == i18n.tr("Questionnaire:").rstrip(": \u00a0")


def test_a_chooser_of_short_options_stays_compact(qtbot, trends):
    panel = _panel(trends, "signs")
    trends.tabs.setCurrentWidget(panel)
    qtbot.wait(50)
    chooser = panel.selector
    widest = max(
        chooser.fontMetrics().horizontalAdvance(chooser.itemText(i)) for i in range(chooser.count())
    )
    room = panel.export_button.geometry().left() - chooser.geometry().left()
    assert chooser.width() < widest + 4 * chooser.fontMetrics().height() < room
