"""Screen-reader names and keyboard reach across the whole unlocked workspace.

The check asks Qt's accessibility layer what a screen reader would announce for each control
(the accessible name, or the text Qt derives from the button caption or a buddy label), so a
control that only looks labelled because of a nearby QLabel still fails.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from reflect.domain.reflection import FollowUp, Reflection
from reflect.ui.workspace import NAVIGATION, Workspace

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
)


def _populate(session) -> None:
    """Enough data that lists, cards and follow-ups show their real controls, not empty states."""
    now = datetime.now().replace(microsecond=0)
    session.journal.save(
        Reflection(
            "quick",
            now - timedelta(days=1),
            answers={"what_happened": "a long day"},
            follow_ups=[FollowUp("call my supervisor", due=date.today() + timedelta(days=3))],
        )
    )
    items = [i.id for i in session.checkins.definition.items]
    for days in (9, 6, 3):
        session.checkins.record(dict.fromkeys(items, 1), taken_at=now - timedelta(days=days))


def _spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def _controls(screen: QWidget) -> list[QWidget]:
    """The visible controls a person operates, skipping parts that belong to a larger control."""
    found = []
    for widget in screen.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(screen):
            continue
        # Scroll bars and table headers are read through the view they belong to; a combo's
        # line edit and a tab widget's bar share their owner's name.
        if isinstance(widget, (QScrollBar, QHeaderView)):
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox, QTabWidget)):
            continue
        found.append(widget)
    return found


def _inside_keyboard_composite(widget: QWidget, screen: QWidget) -> bool:
    """Buttons of a rating row are NoFocus on purpose: the named row takes focus and arrow
    keys or digits choose; that is one Tab stop instead of five."""
    parent = widget.parentWidget()
    while parent is not None and parent is not screen:
        if parent.focusPolicy() & Qt.FocusPolicy.TabFocus and _spoken_name(parent):
            return True
        parent = parent.parentWidget()
    return False


def _reached_by_arrows(widget: QWidget) -> bool:
    """A row of exclusive choices (the Trends range) is one Tab stop, at the chosen button,
    like radio buttons; the arrow keys reach the others."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    if group is None or not widget.autoExclusive():
        return False
    return any(b.isChecked() and b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in group.buttons())


def _open_every_tab(root: QWidget) -> None:
    """Lazily built tabs (resources) only exist once visited."""
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
        tabs.setCurrentIndex(0)


@pytest.fixture
def workspace(qtbot, session, profile_service):
    QAccessible.setActive(True)
    _populate(session)
    window = Workspace(session, profiles=profile_service)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.before_lock()


def _unnamed_controls(window: Workspace) -> list[str]:
    missing: list[str] = []
    for key, _label in NAVIGATION:
        window.show_screen(key)
        QApplication.processEvents()
        screen = window.screens[key]
        _open_every_tab(screen)
        for widget in _controls(screen):
            if not _spoken_name(widget):
                missing.append(f"{key}: {type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_on_every_screen_has_a_name(workspace):
    missing = _unnamed_controls(workspace)
    assert missing == [], "\n".join(missing)


def test_the_shell_controls_have_names(workspace):
    for widget in (workspace.nav, workspace.help_button, workspace.lock_button):
        assert _spoken_name(widget)
    assert workspace.help_button.objectName() == "helpButton"


def test_alt_number_reaches_every_screen(qtbot, workspace):
    for index, (key, _label) in enumerate(NAVIGATION):
        qtbot.keyClick(workspace, str(index + 1), Qt.KeyboardModifier.AltModifier)
        assert workspace.stack.currentWidget() is workspace.screens[key], key


def test_tab_key_reaches_controls_on_every_screen(qtbot, workspace):
    """From the navigation list, Tab moves into each screen's own controls (no focus trap)."""
    for key, _label in NAVIGATION:
        workspace.show_screen(key)
        screen = workspace.screens[key]
        if not _controls(screen):
            continue  # a screen still on its way has nothing to reach
        workspace.nav.setFocus()
        reached = False
        for _ in range(60):
            qtbot.keyClick(QApplication.focusWidget() or workspace, Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
            if focused is not None and screen.isAncestorOf(focused):
                reached = True
                break
        assert reached, f"Tab never reaches a control on {key}"


def test_focusable_controls_accept_keyboard_focus(workspace):
    """Buttons and fields must take Tab focus (a NoFocus button is unreachable by keyboard)."""
    unreachable: list[str] = []
    for key, _label in NAVIGATION:
        workspace.show_screen(key)
        QApplication.processEvents()
        screen = workspace.screens[key]
        _open_every_tab(screen)
        for widget in _controls(screen):
            if not widget.isEnabled() or _inside_keyboard_composite(widget, screen):
                continue
            if _reached_by_arrows(widget):
                continue
            if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                unreachable.append(f"{key}: {type(widget).__name__} {_spoken_name(widget)!r}")
    assert unreachable == [], "\n".join(unreachable)


def test_the_check_catches_an_unnamed_control(workspace):
    """Guard against a check that cannot fail: an icon-only button with no name is reported."""
    from PySide6.QtWidgets import QPushButton

    home = workspace.screens["home"]
    anonymous = QPushButton(home)
    anonymous.setObjectName("anonymous")
    anonymous.show()
    assert any("'anonymous'" in entry for entry in _unnamed_controls(workspace))


def test_lock_screen_controls_have_names(qtbot, paths, profile):
    from reflect.ui.app_window import AppWindow

    QAccessible.setActive(True)
    window = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(window)
    window.show()
    missing = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in _controls(window.lock_screen)
        if not _spoken_name(w)
    ]
    assert missing == []
