"""Writing a reflection quickly, and the check-in's arrival and scales (issue 16)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from reflect.domain.reflection import Reflection
from reflect.ui.screens.reflect_screen import ReflectScreen
from reflect.ui.widgets.intensity_input import IntensityInput
from reflect.ui.widgets.template_picker import LAST_TEMPLATE
from reflect.ui.workspace import Workspace


def _window(qtbot, session) -> Workspace:
    window = Workspace(session)
    qtbot.addWidget(window)
    window.resize(1100, 740)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # keys go where the focus is
    return window


def test_new_reflections_start_on_the_template_used_last(qtbot, session):
    first = ReflectScreen(session)
    qtbot.addWidget(first)
    assert first.form.template.id == "trauma_informed"  # the default before any save
    first.template_combo.setCurrentIndex(first.template_combo.findData("quick"))
    first.form.first_text_box().setPlainText("A short note")
    first.save()
    assert session.settings.get(LAST_TEMPLATE) == "quick"
    again = ReflectScreen(session)  # the next unlock
    qtbot.addWidget(again)
    assert again.form.template.id == "quick"


def test_ctrl_number_starts_that_template_with_the_cursor_in_the_first_box(qtbot, session):
    window = _window(qtbot, session)
    reflect = window.screens["reflect"]
    ids = reflect.template_ids()
    assert len(ids) >= 2
    qtbot.keyClick(window.nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is reflect
    assert reflect.form.template.id == ids[1]
    focused = QApplication.focusWidget()
    assert isinstance(focused, QPlainTextEdit) and reflect.isAncestorOf(focused)
    assert focused is reflect.form.first_text_box()


def test_home_offers_every_template(qtbot, session):
    window = _window(qtbot, session)
    home = window.screens["home"]
    actions = home.template_menu.actions()
    assert len(actions) == len(window.screens["reflect"].template_ids())
    assert actions[0].shortcut().toString() == "Ctrl+1"
    actions[-1].trigger()
    reflect = window.screens["reflect"]
    assert window.stack.currentWidget() is reflect
    assert reflect.form.template.id == reflect.template_ids()[-1]


def test_after_saving_a_line_offers_open_and_write_another(qtbot, session):
    window = _window(qtbot, session)
    window.show_screen("reflect")
    reflect = window.screens["reflect"]
    reflect.focus_first_box()
    reflect.scroll_area.verticalScrollBar().setValue(
        reflect.scroll_area.verticalScrollBar().maximum()
    )
    qtbot.keyClicks(reflect.form.first_text_box(), "What stayed with me")
    saved = reflect.save()
    assert saved is not None
    line = reflect.saved_line
    assert line.isVisible() and line.message.text() == "Saved to your journal"
    assert reflect.scroll_area.verticalScrollBar().value() == 0  # the fresh form from the top
    # keyboard: both next steps are buttons in the Tab order
    for button in (line.open_button, line.another_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    line.open_button.setFocus()
    qtbot.keyClick(line.open_button, Qt.Key.Key_Space)
    journal = window.screens["journal"]
    assert window.stack.currentWidget() is journal
    assert journal.pages.currentWidget() is journal.reader
    assert "What stayed with me" in journal.reader.view.toPlainText()

    window.show_screen("reflect")
    line.another_button.setFocus()
    qtbot.keyClick(line.another_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is reflect.form.first_text_box()
    assert not line.isVisible()


def test_intensity_is_unanswered_until_set_and_a_click_sets_it_there(qtbot):
    widget = IntensityInput("How strong?")
    qtbot.addWidget(widget)
    widget.resize(600, 80)
    widget.show()
    slider = widget.slider
    assert widget.value() is None and not slider.answered  # no handle is drawn
    assert widget.value_label.text() == "not answered"
    # a click at about 70% of the track sets about 7, not one page step towards it
    x = slider.width() * 0.7
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(int(x), slider.height() // 2))
    assert widget.value() is not None and 6 <= widget.value() <= 8
    assert slider.answered
    # a click at the far left answers 0 (a real answer, unlike "not answered")
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(1, slider.height() // 2))
    assert widget.value() == 0
    widget.clear_button.click()
    assert widget.value() is None and not slider.answered


def test_arriving_on_the_check_in_lets_a_digit_answer(qtbot, session):
    window = _window(qtbot, session)
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    checkin = window.screens["checkin"]
    first = next(iter(checkin.item_rows.values()))
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, "3")
    assert first.value() == 3
    # the Quick check-in button on Home arrives the same way
    window.show_screen("home")
    window.screens["home"].checkin_button.click()
    second = list(checkin.item_rows.values())[1]
    assert QApplication.focusWidget() is second  # the first unanswered question


def test_each_scale_is_shown_where_it_is_asked(qtbot, session):
    window = _window(qtbot, session)
    checkin = window.screens["checkin"]
    d = checkin.definition
    assert checkin.legend.text().startswith("Warning signs, for")
    for legend, labels in (
        (checkin.sleep_legend, d.sleep.labels),
        (checkin.energy_legend, d.energy.labels),
        (checkin.helping_legend, d.helping[0].labels),
    ):
        assert "higher is better" in legend.text()
        assert all(label in legend.text() for label in labels)
    assert not any(label in checkin.legend.text() for label in d.sleep.labels[-1:])


def test_opening_from_the_journal_reads_from_the_top(qtbot, session):
    long_text = "\n".join(f"line {n}" for n in range(200))
    saved = session.journal.save(
        Reflection("quick", datetime(2026, 5, 1, 18, 0), answers={"what_happened": long_text})
    )
    window = _window(qtbot, session)
    journal = window.screens["journal"]
    window.show_screen("journal")
    journal.table.setFocus()
    journal.table.selectRow(0)
    qtbot.keyClick(journal.table, Qt.Key.Key_Return)
    assert journal.pages.currentWidget() is journal.reader
    assert journal.reader.reflection_id == saved.id
    assert journal.reader.view.verticalScrollBar().value() == 0
    qtbot.keyClick(journal.reader.view, Qt.Key.Key_Escape)
    assert journal.pages.currentIndex() == 0
