"""Screens are built without re-styling the same widgets over and over.

Under the application's style sheet (ui/theme.py), every change of parent re-polishes the
widget moved and everything inside it, and a widget with a style sheet of its own is
re-polished unconditionally. The check-in screen once filled its form detached and handed it
up four times (scroll area, page stack, tab), and each of its 32 answer rows carried its own
style sheet: about 3,100 style-change events and 150 ms to build. These tests count the
events, which, unlike timings, do not depend on the machine.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QStackedWidget

from reflect.ui.theme import COLOURS, STYLESHEET, apply_theme
from reflect.ui.widgets.rating_row import RATING_STYLE, RatingRow


class _StyleEvents(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


@pytest.fixture
def themed(qapp):
    """The app's theme for one test (the conftest puts the application's look back)."""
    apply_theme("light", qapp)
    return qapp


@pytest.mark.parametrize("scheme", sorted(COLOURS))
def test_the_theme_carries_the_answer_row_rules_word_for_word(scheme):
    assert RATING_STYLE.strip() in STYLESHEET.format(**COLOURS[scheme])


def test_answer_rows_style_themselves_only_without_the_theme(qtbot, themed):
    row = RatingRow("How was it?", ["low", "high"])
    qtbot.addWidget(row)
    assert row.styleSheet() == ""  # the theme's sheet styles it
    themed.setProperty("reflectScheme", None)
    bare = RatingRow("How was it?", ["low", "high"])
    qtbot.addWidget(bare)
    assert bare.styleSheet() == RATING_STYLE


def test_the_check_in_screen_is_built_without_restyling_its_rows(qtbot, themed, session):
    from reflect.ui.screens.checkin_screen import CheckinScreen

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    events = _StyleEvents()
    themed.installEventFilter(events)
    try:
        screen = CheckinScreen(session)
        built = events.count
        stack.addWidget(screen)  # what the workspace does with it
    finally:
        themed.removeEventFilter(events)
    assert len(screen.item_rows) >= 20
    # About 800 then 400 today, against 3,100 then 600 when the form was built detached.
    assert built < 1500, built
    assert events.count < 2000, events.count


def test_fitting_rows_to_the_width_is_not_an_item_change(qtbot):
    # Each row's new size hint used to send itemChanged, and the debrief screen redrew its
    # preview once per row (256 times at its first showing on a big profile).
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QListWidgetItem

    from reflect.ui.widgets.wrapping_list import WrappingList

    widget = WrappingList()
    qtbot.addWidget(widget)
    widget.resize(200, 300)
    widget.show()
    for n in range(20):
        item = QListWidgetItem(f"A long label number {n} that wraps at a word " * 2)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    changes: list[object] = []
    widget.itemChanged.connect(changes.append)
    widget.fit_rows()
    assert changes == []
    line = widget.fontMetrics().height()
    assert all(widget.item(n).sizeHint().height() > 2 * line for n in range(20))  # wrapped
    widget.item(3).setCheckState(Qt.CheckState.Checked)  # a real change still tells
    assert changes == [widget.item(3)]


def test_the_word_list_starts_loading_after_the_editor_is_drawn(qtbot):
    # Loading on the worker holds Python's lock for long stretches; started inside the Show
    # event it slowed the writing screen's first drawing from about 30 to 130 ms.
    from PySide6.QtWidgets import QPlainTextEdit

    from reflect.ui.widgets.text_aids import Speller

    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    speller = Speller("en", [], edit)
    started: list[bool] = []
    speller.start_loading = lambda: started.append(True)  # type: ignore[method-assign]
    speller.attach(edit)
    edit.show()
    assert started == []  # not during the Show event itself
    qtbot.waitUntil(lambda: started == [True], timeout=2000)
