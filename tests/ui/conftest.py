"""Fixtures shared by the window tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from reflect.ui import i18n
from reflect.ui.app_window import AppWindow
from tests.ui.window_cleanup import collector_waits_for_windows


@pytest.fixture
def window(qtbot, paths, profile):
    """Reflect's window on the test profile, shown locked (a test file may define its own)."""
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def french():
    """The interface in French for one test (a file may define its own); yields the French
    catalogue."""
    i18n.set_language("fr")
    yield i18n.load_catalogue("fr")
    i18n.set_language("en")


# What apply_theme (and every AppWindow, which applies the stored theme) leaves on the
# application besides its style sheet, palette and style.
_THEME_PROPERTIES = ("reflectTheme", "reflectScheme", "reflectStyle")


@pytest.fixture(autouse=True)
def _application_look_goes_back(qapp):
    """The application's style sheet, palette, font, style and colour scheme as they were
    before the test: a test that applies a theme (or opens an AppWindow, which applies the
    stored one) would otherwise hand it to every later test, whose results then depended on
    the order the tests ran in. A test that needs a theme applies it itself."""
    hints = QGuiApplication.styleHints()
    sheet, palette, font = qapp.styleSheet(), QPalette(qapp.palette()), QFont(qapp.font())
    # The style's class, not its name: a style set by name later reports an empty name.
    style, style_class = qapp.style().name(), qapp.style().metaObject().className()
    properties = {name: qapp.property(name) for name in _THEME_PROPERTIES}
    yield
    # Each setter re-polishes every widget alive, so only what changed is set back (and this
    # runs after the test's widgets are gone: _widgets_of_a_test_go_with_it depends on it).
    if qapp.style().metaObject().className() != style_class:
        qapp.setStyle(style)
    if qapp.styleSheet() != sheet:
        qapp.setStyleSheet(sheet)
    if qapp.palette() != palette:
        qapp.setPalette(palette)
    if qapp.font() != font:
        qapp.setFont(font)
    for name, value in properties.items():
        qapp.setProperty(name, value)
    if properties["reflectTheme"] in ("light", "dark"):
        dark = properties["reflectScheme"] == "dark"
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()


@pytest.fixture(autouse=True)
def _widgets_of_a_test_go_with_it(qapp, _application_look_goes_back):
    """The windows a test leaves behind (closed by qtbot, or dropped) are deleted when it
    ends, not whenever a later collection happens to reach them: a collection running inside
    a later test could delete a chart canvas while matplotlib was drawing it (a redraw the
    earlier test had queued), which printed "FigureCanvasQTAgg already deleted" and once
    crashed the run. The collector also waits until then: a window the test dropped while it
    was still shown, kept only by a reference cycle, was otherwise collected inside the
    canvas's own draw right after the test, a segmentation fault (see window_cleanup)."""
    with collector_waits_for_windows(qapp):
        yield
