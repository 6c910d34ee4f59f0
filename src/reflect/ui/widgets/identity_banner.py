"""A calm, non-blocking notice that the text may identify someone, with a one-click fix."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reflect.domain.identity_guard import KIND_LABELS
from reflect.ui.i18n import tr


class IdentityBanner(QFrame):
    replace_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#identityBanner { background: palette(alternate-base); border: 1px solid #c9a227;"
            " border-radius: 6px; }"
        )
        layout = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Identity notice"))
        self.replace_button = QPushButton(tr("Replace with initials"))
        self.replace_button.setToolTip(
            tr(
                "Names become initials; phone numbers, e-mails, addresses and birth dates become "
                "placeholders such as [phone]. Ctrl+Z in a text box undoes it."
            )
        )
        self.dismiss_button = QPushButton(tr("Keep as written"))
        layout.addWidget(self.message, 1)
        layout.addWidget(self.replace_button)
        layout.addWidget(self.dismiss_button)
        self.replace_button.clicked.connect(self.replace_requested)
        self.dismiss_button.clicked.connect(self.dismissed)
        self.hide()

    def show_findings(self, what: str, examples: list[str]) -> None:
        sample = ", ".join(f"“{e}”" for e in examples[:3])
        # ``what`` is the guard's English summary ("a phone number and a full name"); its
        # parts come from a fixed list, so each part is translated in place.
        for label in KIND_LABELS.values():
            what = what.replace(label, tr(label))
        what = what.replace(" and ", tr(" and "))
        self.message.setText(
            tr(
                "This may identify someone: it looks like {what} ({sample}). Reflections are "
                "about your own practice, so consider leaving identifying details out."
            ).format(what=what, sample=sample)
        )
        self.show()
