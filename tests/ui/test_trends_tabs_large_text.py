"""With large text and French, nine Trends tabs do not fit side by side: each keeps its whole
name (the bar scrolls) rather than shrinking to stubs like 'Sta…' and 'For…'."""

from __future__ import annotations

from tests.ui.trend_history import fill_trend_history


def test_every_tab_keeps_its_whole_name_at_large_text(qtbot, session, french):
    from reflect.ui.screens.trends_screen import TrendsScreen

    widget = TrendsScreen(fill_trend_history(session, "contemplation"))
    qtbot.addWidget(widget)
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    widget.setFont(font)
    widget.resize(900, 700)
    with qtbot.waitSignal(widget.charts_ready, timeout=90_000):
        widget.show()
    bar = widget.tabs.tabBar()
    for index in range(bar.count()):
        # Elided tabs are squeezed below the size their text and padding need.
        assert bar.tabRect(index).width() >= bar.tabSizeHint(index).width(), bar.tabText(index)
        assert widget.tabs.tabToolTip(index)  # the full name is there for every tab
