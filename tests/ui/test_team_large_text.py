"""The Team figures at large text in French: nothing runs off the right edge (the buttons
used to make the page wider than the window, cutting every sentence and chart)."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea

from reflect.services.demo_team import fill_demo_team


def test_team_figures_fit_the_width_at_large_text(qtbot, session, french):
    from reflect.ui.screens.team_screen import TeamScreen

    fill_demo_team(session, 14)
    screen = TeamScreen(session)
    qtbot.addWidget(screen)
    font = screen.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    screen.setFont(font)
    screen.resize(1000, 800)
    screen.show()
    qtbot.waitUntil(lambda: len(screen.figures.canvases) > 0, timeout=30_000)
    scroll = screen.figures.findChild(QScrollArea)
    needed = scroll.widget().minimumSizeHint().width()
    assert needed <= scroll.viewport().width()


def test_team_assessment_fits_the_width_at_large_text(qtbot, session, french):
    from reflect.ui.screens.team_screen import TeamScreen

    fill_demo_team(session, 14)
    screen = TeamScreen(session)
    qtbot.addWidget(screen)
    font = screen.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    screen.setFont(font)
    screen.resize(1000, 800)
    screen.show()
    screen.tabs.setCurrentWidget(screen.assessment)
    scroll = screen.assessment.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.viewport().width() > 0)
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
