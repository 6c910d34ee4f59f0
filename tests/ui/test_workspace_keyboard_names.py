"""Every control in the unlocked workspace has a name a screen reader can say (its own
accessible name, its caption, or a buddy label), and every screen can be reached from the
keyboard (Alt+number and the arrow keys in the navigation)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from reflect.ui.workspace import NAVIGATION, Workspace

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
)


def _open_every_tab(root: QWidget) -> None:
    """Lazy tabs build their content on first view; show each so nothing is skipped."""
    for _ in range(3):  # tabs inside tabs
        for tabs in root.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()


def _label_for(widget: QWidget, labels: list[QLabel]) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    for label in labels:
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


def _inside_a_control(widget: QWidget) -> bool:
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)):
            return True
        node = node.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    labels = root.findChildren(QLabel)
    missing = []
    for widget in root.findChildren(QWidget):
        if (
            not isinstance(widget, INTERACTIVE)
            or isinstance(widget, QScrollBar)
            or _inside_a_control(widget)
        ):
            continue  # parts of a control: popup list, editor, clear button, table header
        if not _label_for(widget, labels):
            path = []
            node: QWidget | None = widget
            while node is not None and node is not root:
                path.append(
                    type(node).__name__ + (f"#{node.objectName()}" if node.objectName() else "")
                )
                node = node.parentWidget()
            missing.append(" < ".join(path[:4]))
    return missing


def _workspace(qtbot, session, profile_service) -> Workspace:
    window = Workspace(session, profiles=profile_service)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    for key, _label in NAVIGATION:
        window.show_screen(key)
        _open_every_tab(window.screens[key])
    return window


def test_the_check_itself_finds_an_unnamed_control(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    named, unnamed, labelled = QLineEdit(root), QLineEdit(root), QLineEdit(root)
    named.setAccessibleName("Search")
    QLabel("&Tags", root).setBuddy(labelled)
    QComboBox(root).setAccessibleName("Format")
    assert len(_unnamed(root)) == 1 and _unnamed(root)[0].startswith("QLineEdit")
    unnamed.setAccessibleName("Notes")
    assert _unnamed(root) == []


def test_no_control_without_an_accessible_name(qtbot, session, profile_service):
    window = _workspace(qtbot, session, profile_service)
    missing = _unnamed(window)
    assert missing == [], "controls without a name or label:\n" + "\n".join(missing)


def test_every_screen_is_reachable_by_keyboard(qtbot, session, profile_service):
    window = _workspace(qtbot, session, profile_service)
    keys = [key for key, _ in NAVIGATION]
    assert window.nav.focusPolicy() & Qt.FocusPolicy.TabFocus
    for number, key in enumerate(keys, start=1):
        window.nav.setFocus()
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.AltModifier)
        assert window.stack.currentWidget() is window.screens[key], key
    window.nav.setCurrentRow(0)
    window.nav.setFocus()
    for key in keys[1:]:
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        assert window.stack.currentWidget() is window.screens[key]


def test_home_and_settings_can_be_used_without_a_mouse(qtbot, session, profile_service):
    window = _workspace(qtbot, session, profile_service)
    for key in ("home", "settings"):
        screen = window.screens[key]
        stops = [
            w
            for w in screen.findChildren(QWidget)
            if isinstance(w, INTERACTIVE)
            and not isinstance(w, QScrollBar)
            and not _inside_a_control(w)
            and w.isVisibleTo(screen)
            and w.isEnabled()
        ]
        assert stops, key
        for widget in stops:
            assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, (key, _label_for(widget, []))
