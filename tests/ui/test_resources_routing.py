from __future__ import annotations

from reflect.ui.screens.resources_screen import TABS, ResourcesScreen
from reflect.ui.workspace import Workspace


def test_resources_screen_registered_and_routes(qtbot, session):
    window = Workspace(session)
    qtbot.addWidget(window)
    window.show()
    resources = window.screens["resources"]
    assert isinstance(resources, ResourcesScreen)
    window._on_open_plan_requested()
    assert window.stack.currentWidget() is resources
    assert resources.tabs.currentIndex() == TABS.index("plan")
    window._on_open_resources_requested()
    assert resources.tabs.currentIndex() == TABS.index("suggestions")
    with qtbot.waitSignal(window.help_requested):
        resources.help_button.click()
