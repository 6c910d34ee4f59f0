"""Trends: Questionnaires opens on the one taken last; an empty chart cannot be exported."""

from __future__ import annotations

from datetime import datetime, timedelta

from reflect.ui.screens.trends_screen import TrendsScreen


def _screen(qtbot, session) -> TrendsScreen:
    widget = TrendsScreen(session)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    with qtbot.waitSignal(widget.charts_ready, timeout=90_000):
        widget.show()
    return widget


def test_questionnaires_open_on_the_most_recent(qtbot, session):
    now = datetime.now()
    session.instruments.record("cbi", [3] * 19, taken_at=now - timedelta(days=20))
    session.instruments.record("who5", [3, 3, 3, 3, 3], taken_at=now - timedelta(days=2))
    session.instruments.record("proqol5", [3] * 30, taken_at=now - timedelta(days=9))
    screen = _screen(qtbot, session)
    panel = screen.panels[1]
    assert panel.key == "questionnaires"
    assert panel.selection() == "who5"  # not the first in the alphabet (CBI)


def test_export_is_unavailable_on_an_empty_chart(qtbot, session):
    items = [i.id for i in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 1), taken_at=datetime.now() - timedelta(days=1))
    screen = _screen(qtbot, session)
    by_key = {panel.key: panel for panel in screen.panels}
    for index in range(len(screen.panels)):
        screen.tabs.setCurrentIndex(index)  # each tab draws on first view
    assert by_key["signs"].export_button.isEnabled()  # one check-in: something to show
    assert not by_key["questionnaires"].export_button.isEnabled()
    assert not by_key["stages"].export_button.isEnabled()
    screen.tabs.setCurrentIndex(screen.panels.index(by_key["stages"]))
    screen.export_current()  # Ctrl+E on an empty chart does nothing
    assert screen.last_export is None
