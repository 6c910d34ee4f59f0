"""Resources, Settings, Team and Supervision keep their text whole in French at the smallest
window size Reflect allows: no wrapped sentence cut at its top or bottom, no button text
clipped."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from reflect.ui import i18n
from reflect.ui.theme import apply_theme
from reflect.ui.workspace import Workspace


@pytest.fixture
def french():
    i18n.set_language("fr")
    apply_theme("light")
    yield
    i18n.set_language("en")


def _in_scrolled_page(widget: QWidget) -> bool:
    """Inside a scroll area the page grows and scrolls: nothing is cut there."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_texts(root: QWidget) -> list[str]:
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or _in_scrolled_page(label):
            continue
        needed = label.heightForWidth(label.width())
        if label.wordWrap() and label.height() < needed:
            cut.append(f"{label.text()[:40]!r}: {label.height()} < {needed}")
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() < button.sizeHint().width():
            cut.append(f"{button.text()!r}: {button.width()} < {button.sizeHint().width()}")
    return cut


def _smallest(qtbot, workspace: Workspace) -> None:
    workspace.resize(workspace.minimumSizeHint())
    qtbot.wait(5)


def test_resources_at_the_smallest_size(qtbot, pair, french):
    workspace = Workspace(pair.provider)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("resources")
    resources = workspace.resources
    for tab in ("suggestions", "library", "exercises", "plan", "understanding", "about"):
        resources._show_tab(tab)
        qtbot.wait(1)
        _smallest(qtbot, workspace)
        assert cut_texts(resources) == [], tab


def test_settings_team_and_supervision_at_the_smallest_size(qtbot, pair, french):
    pair.supervisor.settings.set("team_coordinator", True)
    workspace = Workspace(pair.supervisor)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.set_team_screen_shown(True)
    for key in ("settings", "team", "supervision"):
        workspace.show_screen(key)
        screen = workspace.screens[key]
        tabs = getattr(screen, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
            qtbot.wait(1)
            _smallest(qtbot, workspace)
            assert cut_texts(screen) == [], (key, index)
