"""The Debrief screen's history and form always show the same debrief, and long rows wrap at
a word instead of ending mid-word (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QListWidget

from reflect.ui.screens.debrief_screen import DebriefScreen
from tests.services.debrief_fixtures import seed

LONG = "Monthly supervision about late shifts and the new intake procedure at the shelter"


def _screen(qtbot, session) -> DebriefScreen:
    seed(session)
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1000, 720)
    screen.show()
    return screen


def _create(screen: DebriefScreen, title: str) -> int:
    screen.new_debrief()
    screen.title.setText(title)
    assert screen.save()
    assert screen.debrief.id is not None
    return screen.debrief.id


def _highlighted(screen: DebriefScreen) -> list[int]:
    return [i.data(Qt.ItemDataRole.UserRole) for i in screen.history.selectedItems()]


def test_the_highlighted_row_and_the_form_agree(qtbot, session, monkeypatch):
    screen = _screen(qtbot, session)
    first, second = _create(screen, "First"), _create(screen, "Second")
    assert _highlighted(screen) == [second] and screen.title.text() == "Second"

    # Clicking a row opens it.
    row = next(
        i
        for i in range(screen.history.count())
        if screen.history.item(i).text().startswith("First")
    )
    rect = screen.history.visualItemRect(screen.history.item(row))
    qtbot.mouseClick(screen.history.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.debrief.id == first and screen.title.text() == "First"
    assert _highlighted(screen) == [first]

    # Moving with the arrow keys opens what is highlighted too.
    screen.history.setFocus()
    other = Qt.Key.Key_Up if row else Qt.Key.Key_Down
    qtbot.keyClick(screen.history, other)
    assert screen.debrief.id == second and screen.title.text() == "Second"
    assert _highlighted(screen) == [second]

    # A new debrief: nothing highlighted; once saved, its row is.
    screen.new_debrief()
    assert _highlighted(screen) == []
    screen.title.setText("Third")
    assert screen.save()
    assert _highlighted(screen) == [screen.debrief.id]

    # Deleting: the form is a fresh one and nothing stays highlighted.
    monkeypatch.setattr(
        "reflect.ui.screens.debrief_screen.confirm_destructive", lambda *args, **kwargs: True
    )
    screen.delete_current()
    assert screen.debrief.id is None and _highlighted(screen) == []
    assert sorted(
        screen.history.item(i).data(Qt.ItemDataRole.UserRole) for i in range(screen.history.count())
    ) == [first, second]


def test_a_row_that_cannot_be_left_keeps_the_highlight(qtbot, session):
    screen = _screen(qtbot, session)
    first, second = _create(screen, "First"), _create(screen, "Second")
    screen.title.setText("")  # an empty title cannot be saved, so the form cannot be left
    row = next(
        i
        for i in range(screen.history.count())
        if screen.history.item(i).data(Qt.ItemDataRole.UserRole) == first
    )
    screen.history.setCurrentRow(row)
    assert screen.debrief.id == second
    assert _highlighted(screen) == [second]


def _fits(widget: QListWidget) -> None:
    metrics = widget.fontMetrics()
    for index in range(widget.count()):
        item = widget.item(index)
        rect = widget.visualItemRect(item)
        room = QRect(0, 0, rect.width() - 8, 10_000)
        needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, item.text()).height()
        assert rect.height() >= needed, item.text()


def test_long_rows_wrap_at_a_word(qtbot, session):
    screen = _screen(qtbot, session)
    _create(screen, LONG)
    screen.supervisor.setText("Dr Marguerite Okonkwo-Villeneuve")
    assert screen.save()
    lists = [screen.history, *screen.picker.lists.values()]
    for widget in lists:
        assert widget.wordWrap()
        assert widget.textElideMode() == Qt.TextElideMode.ElideNone
    for width in (1000, 760):
        screen.resize(width, 720)
        qtbot.wait(200)
        for widget in lists:
            _fits(widget)
    assert (
        screen.history.visualItemRect(screen.history.item(0)).height()
        > 3 * screen.history.fontMetrics().height()
    )
