"""The mouse wheel scrolls the page; it never changes an answer the person is not editing.

One notch of the wheel over a date, a combo box, a slider or a spin box used to change the
answer (a reflection's year went from 2026 to 2025) while the person only meant to scroll a
long form, and the change was saved. One application-wide event filter fixes this for every
screen, including screens added later: a value-changing widget reacts to the wheel only while
it has keyboard focus; otherwise the wheel goes to the scroll area around it.

Qt gives focus to a widget whose focus policy includes the wheel *before* the widget sees the
wheel event, so the guard also lowers such widgets to ``StrongFocus`` (click or Tab) when
they are polished, and once for every widget that already exists when it is installed.

An application-wide filter makes PySide wrap every event's target in Python, and the first
time it meets one of Qt's private classes (timers, windows, a combo box's popup) it sets up
every related Python type: about 30 ms. So the lock screen's first frame goes without it:
the lock screen guards its one value widget itself (``guard_widget``), and the window
installs the application-wide guard as soon as the person does anything there (unlock,
create, recover, the demo, Get help now) and before any workspace exists.

The same filter lets Tab leave a date field at once (``date_field_keys``): one filter on the
application rather than two, each of which would see every event.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

from reflect.ui.widgets.date_field_keys import tab_leaves_date_field

_PROPERTY = "reflectWheelGuard"


def is_value_widget(widget: QObject) -> bool:
    """Widgets whose value the wheel would change (a scroll bar only scrolls)."""
    if isinstance(widget, QScrollBar):
        return False
    return isinstance(widget, (QAbstractSpinBox, QComboBox, QAbstractSlider)) or bool(
        widget.property("wheelChangesValue")
    )


def _value_widget_under(obj: QObject) -> QWidget | None:
    """The value widget that ``obj`` belongs to (a spin box's line edit belongs to it)."""
    widget = obj if isinstance(obj, QWidget) else None
    while widget is not None:
        if is_value_widget(widget):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def _has_focus(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None


def _calm_focus_policy(widget: QWidget) -> None:
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    """Application event filter; see the module docstring."""

    app_wide = False  # True once installed on the application, not only on chosen widgets

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            tab_leaves_date_field(obj, event)
            return False
        if kind == QEvent.Type.Polish and isinstance(obj, QWidget) and is_value_widget(obj):
            _calm_focus_policy(obj)
            return False
        if kind != QEvent.Type.Wheel or not isinstance(event, QWheelEvent):
            return False
        target = _value_widget_under(obj)
        if target is None or _has_focus(target):
            return False
        area = _scroll_area_around(target)
        if area is not None:
            viewport = area.viewport()
            position = viewport.mapFromGlobal(event.globalPosition().toPoint())
            forwarded = QWheelEvent(
                position.toPointF(),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
            )
            QApplication.sendEvent(viewport, forwarded)
        event.accept()
        return True


def _shared_guard(app: QApplication) -> WheelGuard:
    existing = app.property(_PROPERTY)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    app.setProperty(_PROPERTY, guard)
    return guard


def guard_widget(widget: QWidget) -> None:
    """Guard one value widget on its own, before (or without) the application-wide filter."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    _calm_focus_policy(widget)
    widget.installEventFilter(_shared_guard(app))


def install_wheel_guard(
    app: QApplication | None = None, *, built_under: QWidget | None = None
) -> WheelGuard | None:
    """Install the guard application-wide, once; safe to call from every set-up path.

    Widgets polished before then are calmed here: those under ``built_under`` when it is
    given (found by type, in C++), otherwise every widget of the application. Walking every
    widget wraps each of Qt's private helper widgets in Python, with the set-up cost above;
    the window names itself instead."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    guard = _shared_guard(app)
    if guard.app_wide:
        return guard
    app.installEventFilter(guard)
    guard.app_wide = True
    if built_under is not None:
        kinds = (QAbstractSpinBox, QComboBox, QAbstractSlider)
        built = [w for kind in kinds for w in built_under.findChildren(kind)]  # type: ignore[misc]
    else:
        built = QApplication.allWidgets()
    for widget in built:
        if is_value_widget(widget):
            _calm_focus_policy(widget)
    return guard
