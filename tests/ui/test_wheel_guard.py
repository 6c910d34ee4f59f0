"""The mouse wheel never changes an answer that is not being edited (issue 13, item 13).

Walks every value-changing widget of every screen (the reflection form on every template,
check-in, questionnaires, trends, settings, debrief, journal filters, resources), sends one
wheel notch without focus and checks the value stayed; the long form still scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.screens.reflect_screen import ReflectScreen
from reflect.ui.widgets.wheel_guard import install_wheel_guard, is_value_widget
from reflect.ui.workspace import NAVIGATION, Workspace

from .test_workspace_keyboard_names import _open_every_tab


def _wheel(widget: QWidget, notches: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractSlider):
        return widget.value()
    raise AssertionError(type(widget))


def _value_widgets(root: QWidget) -> list[QWidget]:
    """Every value widget, on every tab (hidden ones too: a tab shown later holds them)."""
    return [w for w in root.findChildren(QWidget) if is_value_widget(w) and w.isEnabled()]


def _assert_wheel_changes_nothing(root: QWidget, away: QWidget) -> int:
    """Wheel over each value widget (both directions) without focus; returns how many."""
    widgets = _value_widgets(root)
    for widget in widgets:
        away.setFocus()
        QApplication.processEvents()
        assert not widget.hasFocus()
        if widget.window() is not root.window():
            continue  # a popup's own controls (a calendar's year box) live in another window
        before = _value(widget)
        _wheel(widget, -1)
        _wheel(widget, +1)
        _wheel(widget.focusProxy() or widget, -1)
        assert _value(widget) == before, f"{type(widget).__name__} {widget.accessibleName()!r}"
        assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus, widget.accessibleName()
    return len(widgets)


def test_a_focused_widget_still_answers_to_the_wheel(qtbot):
    install_wheel_guard()
    box = QSpinBox()
    box.setRange(0, 10)
    box.setValue(5)
    other = QSpinBox()
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.addWidget(box)
    layout.addWidget(other)
    qtbot.addWidget(holder)
    holder.show()
    other.setFocus()
    _wheel(box, +1)
    assert box.value() == 5  # not focused: nothing changes
    box.setFocus()
    QApplication.processEvents()
    _wheel(box, +1)
    assert box.value() == 6  # focused: the wheel is a deliberate way to change it
    assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_wheel_changes_no_answer_on_any_screen(qtbot, session, profile_service):
    from datetime import date

    from reflect.services.demo_data import fill_demo_profile

    fill_demo_profile(session, reflections_per_year=30, checkins_per_year=20, end=date(2026, 6, 30))
    install_wheel_guard()
    window = Workspace(session, profiles=profile_service)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    counted: dict[str, int] = {}
    for key, _label in NAVIGATION:
        window.show_screen(key)
        _open_every_tab(window.screens[key])
        counted[key] = _assert_wheel_changes_nothing(window.screens[key], window.nav)
    print(counted)
    # The walk really met the controls it is about.
    assert counted["reflect"] >= 3 and counted["settings"] >= 1 and counted["journal"] >= 1
    assert counted["checkin"] >= 1 and counted["debrief"] >= 1


def test_every_template_form_ignores_the_wheel_and_still_scrolls(qtbot, session):
    install_wheel_guard()
    screen = ReflectScreen(session)
    qtbot.addWidget(screen)
    screen.resize(900, 500)
    screen.show()
    combo = screen.template_combo
    kinds: set[type] = set()
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        QApplication.processEvents()
        screen.save_button.setFocus()
        _assert_wheel_changes_nothing(screen, screen.save_button)
        kinds.update(type(w) for w in _value_widgets(screen))
        bar = screen.scroll_area.verticalScrollBar()
        assert bar.maximum() > 0  # the form is longer than the window
        bar.setValue(0)
        date_edit = screen.details.when
        _wheel(date_edit, -1)  # the notch over a date scrolls the form instead
        assert bar.value() > 0
    assert QComboBox in kinds and any(issubclass(k, QSlider) for k in kinds)
    assert any(issubclass(k, QAbstractSpinBox) for k in kinds)
    assert isinstance(screen.scroll_area, QScrollArea)


def test_a_late_guard_calms_the_value_widgets_already_built_under_the_window(qtbot):
    from reflect.ui.widgets import wheel_guard

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    earlier = app.property(wheel_guard._PROPERTY)
    if isinstance(earlier, wheel_guard.WheelGuard):
        app.removeEventFilter(earlier)
    app.setProperty(wheel_guard._PROPERTY, None)
    try:
        window = QWidget()
        layout = QVBoxLayout(window)
        combo, spin = QComboBox(), QSpinBox()
        layout.addWidget(combo)
        layout.addWidget(spin)
        elsewhere = QComboBox()
        for widget in (window, elsewhere):
            qtbot.addWidget(widget)
            widget.show()
        QApplication.processEvents()  # polished with no guard: the wheel would take focus
        assert combo.focusPolicy() == Qt.FocusPolicy.WheelFocus
        assert spin.focusPolicy() == Qt.FocusPolicy.WheelFocus

        guard = install_wheel_guard(built_under=window)

        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert elsewhere.focusPolicy() == Qt.FocusPolicy.WheelFocus  # only the window's
        spin.setValue(3)
        _wheel(spin, +1)
        assert spin.value() == 3  # and the wheel is guarded from now on
        app.removeEventFilter(guard)
    finally:
        if isinstance(earlier, wheel_guard.WheelGuard):
            app.installEventFilter(earlier)
        app.setProperty(wheel_guard._PROPERTY, earlier)


def _without_the_application_guard(app: QApplication):
    """Take the application-wide guard away for one test; returns what to put back."""
    from reflect.ui.widgets import wheel_guard

    earlier = app.property(wheel_guard._PROPERTY)
    if isinstance(earlier, wheel_guard.WheelGuard):
        app.removeEventFilter(earlier)
    app.setProperty(wheel_guard._PROPERTY, None)
    return earlier


def _put_back(app: QApplication, earlier: object) -> None:
    from reflect.ui.widgets import wheel_guard

    now = app.property(wheel_guard._PROPERTY)
    if isinstance(now, wheel_guard.WheelGuard):
        app.removeEventFilter(now)
    if isinstance(earlier, wheel_guard.WheelGuard):
        app.installEventFilter(earlier)
    app.setProperty(wheel_guard._PROPERTY, earlier)


def test_the_lock_screen_guards_its_profile_chooser_without_the_application_filter(
    qtbot, tmp_path, monkeypatch
):
    from reflect.domain.profile import ProfileInfo
    from reflect.ui.screens.lock_screen import LockScreen
    from reflect.ui.widgets import wheel_guard

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    earlier = _without_the_application_guard(app)
    try:
        screen = LockScreen()
        qtbot.addWidget(screen)
        profiles = [
            ProfileInfo(f"p{n}", f"Profile {n}", tmp_path / f"p{n}", "2026-01-01", False)
            for n in range(3)
        ]
        screen.set_profiles(profiles)
        screen.show()
        combo = screen.profile_combo
        screen.passphrase_edit.setFocus()
        QApplication.processEvents()
        guard = app.property(wheel_guard._PROPERTY)
        assert isinstance(guard, wheel_guard.WheelGuard) and not guard.app_wide
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
        before = combo.currentIndex()
        _wheel(combo, -1)
        _wheel(combo, +1)
        assert combo.currentIndex() == before
    finally:
        _put_back(app, earlier)


def test_the_window_installs_the_application_guard_at_the_first_action(
    qtbot, tmp_path, monkeypatch
):
    from reflect.paths import AppPaths
    from reflect.ui.app_window import AppWindow
    from reflect.ui.widgets import wheel_guard

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    seen: list[bool] = []

    def recovery(self: AppWindow, _info: object) -> None:
        seen.append(app.property(wheel_guard._PROPERTY).app_wide)

    monkeypatch.setattr(AppWindow, "_on_lock_screen_recovery", recovery)
    earlier = _without_the_application_guard(app)
    try:
        window = AppWindow(AppPaths(tmp_path).ensure(), fast_kdf=True)
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
        guard = app.property(wheel_guard._PROPERTY)
        assert isinstance(guard, wheel_guard.WheelGuard) and not guard.app_wide
        # Any intent from the lock screen (here a recovery) reaches the guard first.
        window.lock_screen.recovery_requested.emit(None)
        assert seen == [True] and guard.app_wide
    finally:
        _put_back(app, earlier)
