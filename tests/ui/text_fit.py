"""What a test calls "cut": a wrapped label given fewer lines than it needs, or a button
narrower than its text."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget


def in_scrolled_page(widget: QWidget) -> bool:
    """Inside a scroll area the page grows and scrolls: nothing is cut there."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_texts(root: QWidget, *, skip_scrolled: bool = True) -> list[str]:
    """The visible texts under ``root`` given less room than they need."""
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if skip_scrolled and in_scrolled_page(label):
            continue
        needed = label.heightForWidth(label.width())
        if label.wordWrap() and label.height() < needed:
            cut.append(f"{label.text()[:50]!r}: {label.height()} < {needed}")
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() < button.sizeHint().width():
            cut.append(f"{button.text()!r}: {button.width()} < {button.sizeHint().width()}")
    return cut
