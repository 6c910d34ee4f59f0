"""The early-warning note appears once, where it belongs (issue 16).

In full on Home and on the check-in result; above the check-in form and on Trends only a
small, quiet marker that opens it. Plain words come first, the questionnaire's short name
second, and no button appears twice on one screen.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from reflect.ui.screens.checkin_screen import CheckinScreen
from reflect.ui.screens.home_screen import HomeScreen
from reflect.ui.screens.trends_screen import TrendsScreen


def _low_wellbeing(session) -> None:
    session.instruments.record("who5", [1, 1, 1, 1, 1], taken_at=datetime(2026, 11, 3, 18, 0))


def _visible_button_texts(root) -> list[str]:
    return [
        b.text()
        for b in root.findChildren(QPushButton)
        if b.isVisibleTo(root) and b.text() and b.objectName() != "earlyWarningMarker"
    ]


def test_plain_words_first_short_name_second(session):
    _low_wellbeing(session)
    notice = session.early_warning.active()[0]
    assert notice.title == "Your latest score is in a range worth a pause (WHO-5)"
    assert notice.message.startswith("Your 'Wellbeing (0 to 100)' score of 3 November 2026")
    assert "(WHO-5)" in notice.message and not notice.title.startswith("WHO-5")


def test_home_shows_the_note_in_full(qtbot, session):
    _low_wellbeing(session)
    home = HomeScreen(session)
    qtbot.addWidget(home)
    home.show()
    card = home.warning_card
    assert not card.is_compact and card.message.isVisible() and card.resources_button.isVisible()


def test_checkin_form_has_only_a_quiet_marker_that_opens_the_note(qtbot, session):
    _low_wellbeing(session)
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    screen.resize(900, 700)
    screen.show()
    marker = screen.card.marker
    assert screen.card.is_compact and marker.isVisible()
    assert not screen.card.message.isVisible()
    assert screen.card.height() < 60  # a line, not a 110-pixel banner
    qtbot.mouseClick(marker, Qt.MouseButton.LeftButton)
    assert screen.card.message.isVisible()
    qtbot.mouseClick(marker, Qt.MouseButton.LeftButton)
    assert not screen.card.message.isVisible()


def test_the_result_shows_the_note_once_without_repeating_buttons(qtbot, session):
    _low_wellbeing(session)
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    screen.resize(900, 800)
    screen.show()
    for row in screen.item_rows.values():
        row.set_value(1)
    screen.save_checkin()
    assert screen.pages.currentWidget() is screen.result_view
    assert screen.result_card.message.isVisible()  # in full, with the result
    assert not screen.card.isVisible()  # the marker would say it twice
    texts = _visible_button_texts(screen)
    assert len(texts) == len(set(texts)), texts
    screen.result_view.done_button.click()
    assert screen.card.isVisible()


def test_trends_has_only_the_marker(qtbot, session):
    _low_wellbeing(session)
    screen = TrendsScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    card = screen.warning_card
    assert card is not None and card.is_compact and not card.message.isVisible()
    assert card.marker.isVisible()
