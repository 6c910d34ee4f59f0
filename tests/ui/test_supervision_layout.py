"""The supervisor's screen fits Reflect's default window in French, and its empty lists
say so in words."""

from __future__ import annotations

from reflect.ui import i18n
from reflect.ui.workspace import Workspace

DEFAULT_WIDTH = 1100  # AppWindow's size on first start


def test_supervision_fits_the_default_window_in_french(qtbot, pair, french):
    workspace = Workspace(pair.supervisor)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("supervision")
    screen = workspace.screens["supervision"]
    for index in range(screen.tabs.count()):  # every tab counts towards the minimum
        screen.tabs.setCurrentIndex(index)
    assert workspace.minimumSizeHint().width() <= DEFAULT_WIDTH
    workspace.resize(workspace.minimumSizeHint())
    screen.tabs.setCurrentWidget(screen.hours)
    qtbot.wait(10)
    # The note of a new session is a field to type in, not a sliver.
    assert screen.hours.note.width() >= screen.hours.note.fontMetrics().averageCharWidth() * 20


def test_empty_lists_say_what_will_appear(qtbot, pair, french):
    workspace = Workspace(pair.supervisor)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("supervision")
    screen = workspace.screens["supervision"]
    assert screen.people.count() == 1
    assert screen.people.item(0).text() == i18n.tr(
        "No one yet: a supervisee appears with their first packet."
    )
    assert screen.current_supervisee() is None
    view = screen.packet_view
    assert view.no_actions.isVisible() and not view.actions_list.isVisible()


def test_the_action_example_is_whole_in_french_at_the_default_size(qtbot, pair, french):
    workspace = Workspace(pair.supervisor)
    qtbot.addWidget(workspace)
    workspace.resize(DEFAULT_WIDTH, 760)
    workspace.show()
    workspace.show_screen("supervision")
    field = workspace.screens["supervision"].packet_view.action_text
    qtbot.waitUntil(lambda: field.width() > 0)
    needed = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert needed + 16 <= field.width()  # the frame and text margins take about 16 px
