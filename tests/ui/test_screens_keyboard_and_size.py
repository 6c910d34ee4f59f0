"""Home, Reflect, Journal, Check-in and Trends from the keyboard and in the smallest window.

Tab walks the controls in the order they are drawn, stops only where there is something to
say and do, and leaves a list in one press; in French, in the smallest window the app
allows, no button is squeezed below its caption and no page scrolls sideways.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.reflection import Reflection
from reflect.ui import i18n
from reflect.ui.theme import apply_theme
from reflect.ui.widgets.template_picker import TemplatePicker
from reflect.ui.window_size import workspace_minimum_size
from reflect.ui.workspace import Workspace
from tests.ui.tab_stops import visible_tab_stops

SCREENS = ("home", "reflect", "journal", "checkin", "trends")


def _populate(session) -> None:
    now = datetime.now().replace(microsecond=0)
    session.journal.save(
        Reflection("quick", now - timedelta(days=1), answers={"what_happened": "a long day"})
    )
    items = [i.id for i in session.checkins.definition.items]
    for days in (9, 6, 3):
        session.checkins.record(dict.fromkeys(items, 3), taken_at=now - timedelta(days=days))
    # A low wellbeing score: the gentle note shows (on Trends as a compact link).
    session.instruments.record("who5", [1, 1, 1, 1, 1], taken_at=now - timedelta(days=2))


@pytest.fixture(params=["en", "fr"])
def workspace(request, qtbot, session, profile_service):
    i18n.set_language(request.param)
    apply_theme("light", QApplication.instance())  # the app's style sheet, as a person sees it
    QAccessible.setActive(True)
    _populate(session)
    window = Workspace(session, profiles=profile_service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.before_lock()
    qtbot.wait(50)  # matplotlib's queued redraws run while their canvases still exist
    i18n.set_language("en")


def _show(qtbot, window: Workspace, key: str) -> QWidget:
    window.show_screen(key)
    screen = window.screens[key]
    qtbot.waitUntil(lambda: getattr(screen, "is_ready", True), timeout=10000)
    QApplication.processEvents()
    return screen


def _spoken(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


@pytest.mark.parametrize("key", SCREENS)
def test_every_tab_stop_has_something_to_say(qtbot, workspace, key):
    """A scroll area around a form was a Tab stop a screen reader could only call a pane."""
    screen = _show(qtbot, workspace, key)
    silent = [type(w).__name__ for w in visible_tab_stops(screen) if not _spoken(w)]
    scroll_stops = [
        type(w).__name__ for w in visible_tab_stops(screen) if isinstance(w, QScrollArea)
    ]
    assert silent == []
    assert scroll_stops == []


def test_trends_note_comes_before_the_range_buttons(qtbot, workspace):
    screen = _show(qtbot, workspace, "trends")
    stops = visible_tab_stops(screen)
    note = screen.warning_card.marker
    assert note in stops, "the compact note shows after a low wellbeing score"
    first_range = min(stops.index(b) for b in screen.picker.buttons.values() if b in stops)
    assert stops.index(note) < first_range < stops.index(screen.tabs.tabBar())


def test_tab_leaves_the_journal_list_in_one_press(qtbot, workspace):
    screen = _show(qtbot, workspace, "journal")
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not screen.table
    assert screen.table.tabKeyNavigation() is False


def _caption_width(button: QAbstractButton) -> int:
    """The caption's own width; a button narrower cuts its words off.
    (Not the size hint: a one-glyph arrow button is narrower than its padding asks, on purpose.)"""
    caption = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return button.fontMetrics().horizontalAdvance(caption) + 2


@pytest.mark.parametrize("key", SCREENS)
def test_the_smallest_window_fits_every_caption(qtbot, workspace, key):
    assert workspace.minimumSize().width() >= workspace_minimum_size(workspace).width()
    screen = _show(qtbot, workspace, key)
    workspace.resize(1, 1)  # as small as it lets itself be made
    qtbot.wait(250)  # charts redraw after a resize
    squeezed = [
        f"{button.text()!r} {button.width()} < {_caption_width(button)}"
        for button in screen.findChildren(QAbstractButton)
        if button.isVisibleTo(screen) and button.text() and button.width() < _caption_width(button)
    ]
    sideways = [
        area.objectName() or type(area.widget()).__name__
        for area in screen.findChildren(QScrollArea)
        if area.isVisibleTo(screen) and area.horizontalScrollBar().isVisible()
    ]
    # A widget squeezed below its own minimum is cut off (a chart lost its dates this way).
    crushed = [
        f"{type(widget).__name__} {widget.height()} < {widget.minimumHeight()}"
        for widget in screen.findChildren(QWidget)
        if widget.isVisibleTo(screen) and widget.height() < widget.minimumHeight()
    ]
    assert squeezed == []
    assert sideways == []
    assert crushed == []


def test_a_wide_window_shows_the_whole_template_name_and_keeps_answers_near(qtbot, workspace):
    workspace.resize(1600, 1000)
    editor = _show(qtbot, workspace, "reflect")
    combo = editor.findChild(TemplatePicker)
    QApplication.processEvents()
    for index in range(combo.count()):
        needed = combo.fontMetrics().horizontalAdvance(combo.itemText(index))
        assert combo.width() > needed, combo.itemText(index)
    checkin = _show(qtbot, workspace, "checkin")
    row = next(iter(checkin.item_rows.values()))
    # The answers stay within a reading width of the question, not at the window's far edge.
    assert row.width() <= row.fontMetrics().height() * 72
    home = _show(qtbot, workspace, "home")
    cards = [c for c in home.findChildren(QFrame, "homeCard") if c.isVisibleTo(home)]
    assert cards
    assert all(card.width() <= card.fontMetrics().height() * 72 for card in cards)


def test_a_short_window_scrolls_a_chart_instead_of_cutting_it(qtbot):
    from reflect.ui.widgets.trend_chart_panel import TrendChartPanel

    room = QWidget()  # the tab's room in a short window: less than chart and words need
    room.setFixedSize(500, 320)
    panel = TrendChartPanel("exposure", "Exposure")
    QVBoxLayout(room).addWidget(panel)
    qtbot.addWidget(room)
    panel.set_summary(" ".join(["Sixty shifts were logged in this range."] * 12))
    room.show()
    qtbot.waitExposed(room)
    canvas = panel.chart.canvas
    summary = panel.summary
    # The drawing's frame, not only the drawing: a frame smaller than it cuts the foot off.
    assert panel.chart.height() >= canvas.minimumHeight()
    assert canvas.height() >= canvas.minimumHeight()
    assert summary.height() >= summary.heightForWidth(summary.width())
    qtbot.wait(50)  # the canvas's queued redraw runs before it is deleted


def test_the_reflection_reader_keeps_the_journal_margins(qtbot, workspace):
    """Turned from list to reader, the buttons and the last line touched the window's edges."""
    screen = _show(qtbot, workspace, "journal")
    list_page = screen.pages.widget(0)
    assert screen.reader.layout().contentsMargins() == list_page.layout().contentsMargins()


def test_an_empty_exposure_chart_is_not_offered_for_export(qtbot, workspace):
    """No shift logged: the Exposure tab says so, and Export is off like on the other empty tabs."""
    screen = _show(qtbot, workspace, "trends")
    index = next(i for i, panel in enumerate(screen.panels) if panel.key == "exposure")
    screen.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: screen.panels[index].summary.text() != "", timeout=5000)
    assert not screen.panels[index].export_button.isEnabled()
