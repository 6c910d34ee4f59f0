"""The calm line above a check-in or questionnaire whose unsaved answers were kept and put back
(after a lock or a change of language), with Carry on and Start over."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reflect.domain.form_draft import is_old
from reflect.ui.i18n import local_date, tr

CARRY_ON = "Carry on where you left off, or start over."
LOOK_OVER = "They are more than a day old: look them over before you save, or start over."


class KeptAnswersBanner(QFrame):
    start_over_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")  # styled like the reflection's recovered draft
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Answers kept"))
        self.carry_on_button = QPushButton(tr("Carry on"))
        self.carry_on_button.setToolTip(tr("Hide this note; your answers stay as they are"))
        self.start_over_button = QPushButton(tr("Start over"))
        self.start_over_button.setToolTip(tr("Clear these answers and the kept copy"))
        row.addWidget(self.message, 1)
        row.addWidget(self.carry_on_button)
        row.addWidget(self.start_over_button)
        self.carry_on_button.clicked.connect(self.hide)
        self.start_over_button.clicked.connect(self.start_over_requested)
        self.hide()

    def show_kept(self, kept: str, saved_at: datetime | None, **values: str) -> None:
        """``kept``: an English template with ``{when}``, said before what to do next."""
        now = datetime.now()
        old = is_old(saved_at, now)
        when = saved_at or now
        if old:
            pattern = "d MMM yyyy, HH:mm"
        elif when.date() == now.date():
            pattern = "HH:mm"
        else:
            pattern = "d MMM, HH:mm"
        first = tr(kept).format(when=local_date(when, pattern), **values)
        self.message.setText(f"{first} {tr(LOOK_OVER if old else CARRY_ON)}")
        self.show()
