"""Tab in reading order, whatever order the widgets were built in.

Qt's tab order is the order widgets were created: a list filled after its footer buttons
(cards, contacts, questions rebuilt on change) would otherwise be reached last."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


def focusable_in(container: QWidget | None) -> list[QWidget]:
    """The widgets inside ``container`` that Tab stops on, in the order they were added.
    The line edit inside a spin box or an editable combo is reached through its parent."""
    if container is None:
        return []
    return [
        widget
        for widget in container.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
    ]


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab moves through ``widgets`` in the order given."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)
