"""Check-in and Questionnaires at the smallest window, walked with the keyboard.

The check-in result (the table beside the usual, the words, the early-warning note and the
buttons) needed more room than the smallest window: it made the window wider and squeezed
its rows until they overlapped; it now scrolls, down only. Tab reached Done before the
note drawn above it. On Questionnaires the scores were a Tab stop with no name.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from reflect.ui import i18n
from reflect.ui.theme import apply_theme
from reflect.ui.window_size import workspace_minimum_size
from reflect.ui.workspace import Workspace
from tests.ui.tab_stops import visible_tab_stops
from tests.ui.text_fit import cut_texts


@pytest.fixture(params=["en", "fr"])
def checkin(request, qtbot, session):
    i18n.set_language(request.param)
    apply_theme("light", QApplication.instance())
    now = datetime.now().replace(microsecond=0)
    items = [i.id for i in session.checkins.definition.items]
    for days in (30, 23, 16, 9):  # a usual to compare with
        session.checkins.record(dict.fromkeys(items, 1), taken_at=now - timedelta(days=days))
    session.instruments.record("who5", [1, 1, 1, 1, 1], taken_at=now - timedelta(days=2))
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("checkin")
    workspace.resize(1, 1)  # the smallest window
    qtbot.wait(20)
    yield workspace.screens["checkin"]
    i18n.set_language("en")


def _save_a_heavy_week(qtbot, screen) -> None:
    for row in screen.item_rows.values():
        row.set_value(3)
    screen.save_checkin()
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.result_view)
    qtbot.wait(20)


def test_the_result_scrolls_down_and_keeps_the_smallest_width(qtbot, checkin):
    window = checkin.window()
    _save_a_heavy_week(qtbot, checkin)
    assert checkin.result_card.message.isVisible()
    assert window.minimumSize().width() <= workspace_minimum_size(window).width()
    page = checkin.result_view.findChild(QScrollArea)
    assert not page.horizontalScrollBar().isVisible()
    assert page.widget().width() <= page.viewport().width()
    # Every line whole, in the scrolled page too (skip_scrolled=False).
    assert cut_texts(checkin.result_view, skip_scrolled=False) == []
    rows = [checkin.result_view.grid.itemAtPosition(r, 0).widget() for r in range(1, 4)]
    assert all(
        a.geometry().bottom() < b.geometry().top() for a, b in zip(rows, rows[1:], strict=False)
    )


def test_tab_reaches_the_note_before_the_buttons_under_it(qtbot, checkin):
    _save_a_heavy_week(qtbot, checkin)
    stops = visible_tab_stops(checkin.result_view)
    view = checkin.result_view
    assert checkin.result_card.dismiss_button in stops
    assert stops.index(checkin.result_card.dismiss_button) < stops.index(view.resources_button)
    assert stops[-1] is view.done_button


def test_every_questionnaire_tab_stop_has_a_name(qtbot, checkin):
    panel = checkin.instruments
    checkin.tabs.setCurrentWidget(panel)
    panel.answers.setText(" ".join(["3"] * panel.definition.item_count))
    panel.score_now()
    qtbot.wait(20)
    silent = [
        type(w).__name__
        for w in visible_tab_stops(panel)
        if not (w.accessibleName() or getattr(w, "text", lambda: "")())
    ]
    assert silent == []
    assert panel.result_scroll in visible_tab_stops(panel)  # the arrows scroll long scores
    assert not panel.items_scroll.focusPolicy() & Qt.FocusPolicy.TabFocus
