"""Runs the identity guard over a set of text boxes and drives the warning banner.

Checks run shortly after typing pauses; "Replace with initials" edits each box through its
own undo stack (Ctrl+Z brings the original back); "Keep as written" silences the warning for
exactly those snippets, so new identifying text still gets noticed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from reflect.domain.identity_guard import Finding, find_identifiers, replace_all, summary
from reflect.ui.widgets.identity_banner import IdentityBanner

TextBox = QPlainTextEdit | QLineEdit
GUARD_DELAY_MS = 700


def text_of(widget: TextBox) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


class IdentityWatch(QObject):
    def __init__(
        self,
        banner: IdentityBanner,
        boxes: Callable[[], list[TextBox]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.banner = banner
        self._boxes = boxes
        self._dismissed: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GUARD_DELAY_MS)
        self._timer.timeout.connect(self.check)
        banner.replace_requested.connect(self.replace)
        banner.dismissed.connect(self.dismiss)

    def schedule(self) -> None:
        self._timer.start()

    def reset(self) -> None:
        self._dismissed.clear()
        self.banner.hide()

    def findings(self) -> list[Finding]:
        found: list[Finding] = []
        for box in self._boxes():
            found.extend(find_identifiers(text_of(box)))
        return [f for f in found if f.text not in self._dismissed]

    def check(self) -> None:
        self._timer.stop()
        found = self.findings()
        if found:
            self.banner.show_findings(summary(found), [f.text for f in found])
        else:
            self.banner.hide()

    def replace(self) -> None:
        for box in self._boxes():
            text = text_of(box)
            findings = [f for f in find_identifiers(text) if f.text not in self._dismissed]
            cleaned = replace_all(text, findings)
            if cleaned == text:
                continue
            # Select-all then insert keeps the change on the box's undo stack.
            if isinstance(box, QPlainTextEdit):
                cursor = box.textCursor()
                cursor.select(cursor.SelectionType.Document)
                cursor.insertText(cleaned)
            else:
                box.selectAll()
                box.insert(cleaned)
        self.check()

    def dismiss(self) -> None:
        self._dismissed.update(f.text for f in self.findings())
        self.banner.hide()
