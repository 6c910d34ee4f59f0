"""Screens are built on first visit, in the place their navigation row points to."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from reflect.ui.screen_slots import ScreenSlots
from reflect.ui.workspace import NAVIGATION, Workspace


def _slots(qtbot, built: list[str], fail: set[str] | None = None):
    stack = QStackedWidget()
    qtbot.addWidget(stack)

    def build(key: str) -> QWidget:
        if fail and key in fail:
            raise RuntimeError(key)
        built.append(key)
        return QLabel(key)

    slots = ScreenSlots(stack, build)
    for key in ("a", "b", "c"):
        slots.add_waiting(key)
    return stack, slots


def test_a_slot_is_built_when_the_stack_shows_it_and_stays_at_its_index(qtbot):
    built: list[str] = []
    stack, slots = _slots(qtbot, built)
    assert built == ["a"]  # the first slot added becomes current at once
    stack.setCurrentIndex(2)
    assert built == ["a", "c"]
    assert stack.currentWidget() is slots["c"]
    assert stack.indexOf(slots["c"]) == 2 and stack.count() == 3
    assert list(slots) == ["a", "b", "c"] and "b" in slots and "z" not in slots
    assert slots.built_screen("b") is None
    assert isinstance(slots["b"], QLabel) and built == ["a", "c", "b"]  # asked for: built
    assert stack.currentWidget() is slots["c"]  # asking does not change what is shown
    stack.setCurrentIndex(0)
    assert built == ["a", "c", "b"]  # each screen is built once
    with pytest.raises(KeyError):
        slots["z"]


def test_a_screen_that_fails_to_build_is_tried_again_on_the_next_visit(qtbot):
    built: list[str] = []
    failing = {"b"}
    stack, slots = _slots(qtbot, built, failing)
    with pytest.raises(RuntimeError):
        slots["b"]
    assert slots.built_screen("b") is None and "b" in slots
    failing.clear()
    assert slots["b"].text() == "b"
    assert stack.indexOf(slots["b"]) == 1


def test_unlocking_builds_home_only_and_each_row_shows_its_own_screen(qtbot, session):
    window = Workspace(session)
    qtbot.addWidget(window)
    window.show()
    assert list(window.screens.built()) == ["home"]
    for row, (key, _label) in enumerate(NAVIGATION):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.screens[key]
        assert window.stack.currentWidget().isVisible()
    assert list(window.screens.built()) == [key for key, _ in NAVIGATION]


def test_alt_number_and_intent_signals_reach_screens_not_built_yet(qtbot, session):
    window = Workspace(session)
    qtbot.addWidget(window)
    window.show()
    window.home.checkin_requested.emit()
    assert window.stack.currentWidget() is window.screens["checkin"]
    window.home.open_plan_requested.emit()
    assert window.stack.currentWidget() is window.screens["resources"]
    window.arrive_at("journal")
    assert window.stack.currentWidget() is window.journal


def test_a_screen_that_fails_on_its_first_visit_says_so_and_opens_on_the_next(qtbot, monkeypatch):
    import sys

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: reported.append(exc))
    built: list[str] = []
    failing = {"c"}
    stack, slots = _slots(qtbot, built, failing)
    stack.setCurrentIndex(2)  # the navigation shows it: no exception escapes into Qt
    page = stack.currentWidget()
    notes = page.findChildren(QLabel)
    assert len(notes) == 1 and "could not open" in notes[0].text()
    assert [str(e) for e in reported] == ["c"]  # recorded like any unexpected error
    stack.setCurrentIndex(0)
    stack.setCurrentIndex(2)
    assert len(stack.currentWidget().findChildren(QLabel)) == 1  # said once, not twice
    failing.clear()
    stack.setCurrentIndex(0)
    stack.setCurrentIndex(2)
    assert stack.currentWidget() is slots["c"] and slots["c"].text() == "c"
