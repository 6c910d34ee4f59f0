"""A screen or panel that scrolls as one page: a frameless scroll area filling its owner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scroll_page(
    owner: QWidget,
    margins: tuple[int, int, int, int],
    spacing: int | None = None,
    *,
    focusable: bool = True,
) -> QVBoxLayout:
    """Fill ``owner`` with a scroll area; returns the layout of the page inside it.

    ``focusable=False`` for a page made of controls: the scroll area is then no Tab stop of
    its own (a stop a screen reader can only call "scroll area"); focusing a control still
    scrolls it into view, and Page Up/Down still reach the page through the control.
    """
    scroll = QScrollArea(owner)
    if not focusable:
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    body = QWidget()
    scroll.setWidget(body)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(*margins)
    if spacing is not None:
        layout.setSpacing(spacing)
    return layout
