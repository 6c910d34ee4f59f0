"""Resources, Settings, Team and Supervision keep their text whole in French at the smallest
window size Reflect allows: no wrapped sentence cut at its top or bottom, no button text
clipped."""

from __future__ import annotations

import pytest

from reflect.ui import i18n
from reflect.ui.theme import apply_theme
from reflect.ui.workspace import Workspace
from tests.ui.text_fit import cut_texts


@pytest.fixture
def french():
    i18n.set_language("fr")
    apply_theme("light")
    yield
    i18n.set_language("en")


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
