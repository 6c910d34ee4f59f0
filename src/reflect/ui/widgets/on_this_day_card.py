"""Home's opt-in look-back: "A year ago today" with what was written, to open or dismiss.

It names only the kind of reflection and the time, never the text: the person chooses
whether to read it. Dismissing hides it until tomorrow.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reflect.domain.reflection import Reflection
from reflect.services.journal import JournalService
from reflect.services.settings import SettingsService
from reflect.ui.i18n import tr

DISMISSED_KEY = "on_this_day_dismissed"


class OnThisDayCard(QFrame):
    open_entry_requested = Signal(int)

    def __init__(
        self, journal: JournalService, settings: SettingsService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("homeCard")
        self.journal = journal
        self.settings = settings
        self._today = date.today()
        self._first: Reflection | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel("<b>" + tr("A year ago today") + "</b>")
        self.text = QLabel()
        self.text.setWordWrap(True)
        row = QHBoxLayout()
        self.read_button = QPushButton(tr("Read it"))
        self.dismiss_button = QPushButton(tr("Not today"))
        self.dismiss_button.setToolTip(tr("Hide this until tomorrow"))
        row.addWidget(self.read_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        for widget in (self.heading, self.text):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.read_button.clicked.connect(self._on_read)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.setAccessibleName(tr("A year ago today"))
        self.hide()

    def refresh(self, today: date) -> None:
        self._today = today
        wanted = bool(self.settings.get("on_this_day"))
        dismissed = self.settings.get(DISMISSED_KEY) == today.isoformat()
        found = self.journal.on_this_day(today) if wanted and not dismissed else []
        self._first = found[0] if found else None
        if not found:
            self.hide()
            return
        names = sorted({tr(self.journal.template_for(r).name) for r in found})
        if len(found) == 1:
            self.text.setText(
                tr("You wrote a reflection on this day last year ({kind}).").format(kind=names[0])
            )
        else:
            self.text.setText(
                tr("You wrote {n} reflections on this day last year.").format(n=len(found))
            )
        self.show()

    def _on_read(self) -> None:
        if self._first is not None and self._first.id is not None:
            self.open_entry_requested.emit(self._first.id)

    def dismiss(self) -> None:
        self.settings.set(DISMISSED_KEY, self._today.isoformat())
        self.hide()
