"""Resources, Settings, Team, Supervision and their dialogs from the keyboard: Tab goes in
reading order, Enter does the expected thing, and every control has a name a screen reader
can say (its text, a label pointing to it, or an accessible name)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QScrollArea,
    QTabBar,
    QWidget,
)

from reflect.ui.workspace import Workspace


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab visits, in the order it visits them."""
    top = root.window()
    stops, widget = [], top.nextInFocusChain()
    while widget is not None and widget is not top and len(stops) < 5000:
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        if root.isAncestorOf(widget) and widget.isVisible() and takes_tab and not inner:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def unnamed(root: QWidget) -> list[str]:
    """Tab stops a screen reader could only call by their kind ("combo box")."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in tab_stops(root):
        if isinstance(widget, QScrollArea | QTabBar):  # read through what they hold
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text or id(widget) in buddies):
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


@pytest.fixture
def provider_workspace(qtbot, pair, french):
    workspace = Workspace(pair.provider)
    qtbot.addWidget(workspace)
    workspace.resize(1100, 740)
    workspace.show()
    return workspace


def test_every_control_of_resources_and_settings_has_a_name(qtbot, provider_workspace):
    workspace = provider_workspace
    workspace.show_screen("resources")
    resources = workspace.resources
    for tab in ("suggestions", "library", "exercises", "plan", "understanding", "about"):
        resources._show_tab(tab)
        qtbot.wait(1)  # a tab built now is shown on the next loop
        assert len(tab_stops(resources)) > 2, tab
        assert unnamed(resources) == [], tab
    workspace.show_screen("settings")
    qtbot.wait(1)
    assert unnamed(workspace.settings) == []


def test_every_control_of_team_and_supervision_has_a_name(qtbot, pair, french):
    pair.supervisor.settings.set("team_coordinator", True)
    workspace = Workspace(pair.supervisor)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.set_team_screen_shown(True)
    for key in ("team", "supervision"):
        workspace.show_screen(key)
        screen = workspace.screens[key]
        for index in range(screen.tabs.count()):
            screen.tabs.setCurrentIndex(index)
            qtbot.wait(1)
            assert unnamed(screen) == [], (key, index)


def test_suggested_cards_come_before_the_buttons_under_them(qtbot, provider_workspace):
    workspace = provider_workspace
    workspace.show_screen("resources")
    workspace.resources.show_suggestions()
    view = workspace.resources.suggestions
    assert view is not None
    for _ in range(12):  # other ideas until one card has a button (an exercise, a link)
        qtbot.wait(1)  # a widget added to a shown page is shown on the next loop
        stops = tab_stops(view)
        card_buttons = [w for w in stops if view.cards.widget().isAncestorOf(w)]
        if card_buttons:
            break
        view.more_button.click()
    assert card_buttons
    assert stops.index(view.checkin_button) > max(stops.index(b) for b in card_buttons)
    assert stops[-2:] == [view.checkin_button, view.more_button]


def test_team_assessment_is_saved_after_its_last_question(qtbot, session, french):
    from reflect.ui.widgets.team_assessment_panel import TeamAssessmentPanel

    panel = TeamAssessmentPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    stops = tab_stops(panel)
    questions = [stops.index(box) for box in panel.answer_boxes]
    assert stops.index(panel.save_button) == max(questions) + 1


def test_enter_closes_get_help_now_and_tab_reaches_contacts_first(qtbot, session, french):
    from reflect.ui.screens.get_help_dialog import GetHelpDialog

    dialog = GetHelpDialog(country="CA", session=session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    add = [
        w for w in tab_stops(dialog) if dialog.scroll_area.widget().isAncestorOf(w)
    ]  # Add a contact…, inside the list
    stops = tab_stops(dialog)
    assert add and stops.index(dialog.close_button) > stops.index(add[-1])
    assert dialog.close_button.isDefault()
    qtbot.keyClick(dialog.country_combo, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_enter_in_the_data_dialog_closes_it_without_a_backup(qtbot, session):
    from reflect.ui.screens.data_dialog import DataDialog

    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.format_combo.setFocus()
    qtbot.keyClick(dialog.format_combo, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert "No backups yet" in dialog.backup_summary.text()


def test_recovery_key_dialog_enter_means_done_once_the_key_is_noted(qtbot):
    from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

    dialog = RecoveryKeyDialog("Tester", "093XH-GDS7G-NEBKP-R6JGH-JT2ZS")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.stored, Qt.Key.Key_Space)
    assert dialog.stored.isChecked()
    qtbot.keyClick(dialog.stored, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.copy_note.text() == ""  # Enter did not copy the key


def _contrast(first: str, second: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_new_passphrase_problem_is_readable_in_both_themes(qtbot, scheme):
    import re

    from reflect.ui.screens.new_passphrase_dialog import NewPassphraseDialog
    from reflect.ui.theme import COLOURS, apply_theme

    apply_theme(scheme)
    try:
        dialog = NewPassphraseDialog("Repeat it")
        qtbot.addWidget(dialog)
        found = re.search(r"color:\s*(#[0-9a-fA-F]{6})", dialog.error_label.styleSheet())
        assert found is not None
        assert _contrast(found.group(1), COLOURS[scheme]["window"]) >= 4.5
    finally:
        apply_theme("light")


def test_a_focused_list_of_cards_shows_the_focus_ring(qtbot):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    from reflect.ui.theme import COLOURS, apply_theme
    from reflect.ui.widgets.card_list import CardList

    apply_theme("light")
    holder = QWidget()
    layout = QVBoxLayout(holder)
    cards = CardList()
    cards.set_cards([QLabel("A card")])
    other = QPushButton("Elsewhere")
    layout.addWidget(cards)
    layout.addWidget(other)
    qtbot.addWidget(holder)
    holder.resize(300, 300)
    holder.show()
    qtbot.waitExposed(holder)
    ring = QColor(COLOURS["light"]["focus"])

    def left_edge():
        image = cards.grab().toImage()
        return image.pixelColor(0, image.height() // 2)

    other.setFocus()
    qtbot.wait(1)
    assert left_edge() != ring
    cards.setFocus()
    qtbot.wait(1)
    assert left_edge() == ring
