"""Settings → Team: contribute to a team anonymously, or set this profile up as a coordinator."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from reflect.services.session import Session
from reflect.ui.asked_across_lock import run_modal
from reflect.ui.i18n import tr


class TeamSettingsBox(QGroupBox):
    coordinator_changed = Signal(bool)

    def __init__(self, session: Session) -> None:
        super().__init__(tr("Team"))
        self.session = session
        box = QVBoxLayout(self)
        note = QLabel(
            tr(
                "A coordinator can see how the team is doing from files people choose to send: "
                "month-level figures only, no names, nothing you wrote. The Team screen shows "
                "them only for groups of five or more; a file itself can be read by whoever "
                "receives it."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("mutedLabel")
        box.addWidget(note)
        row = QHBoxLayout()
        self.contribute_button = QPushButton(tr("Contribute to my &team…"))
        self.contribute_button.setAccessibleName(tr("Contribute to my team"))
        row.addWidget(self.contribute_button)
        row.addStretch(1)
        box.addLayout(row)
        self.coordinator_check = QCheckBox(
            tr("I &coordinate a team: show the Team screen in this profile")
        )
        self.coordinator_check.setChecked(session.team.is_coordinator)
        box.addWidget(self.coordinator_check)
        self.contribute_button.clicked.connect(self.open_contribute)
        self.coordinator_check.toggled.connect(self._on_coordinator_toggled)

    def _on_coordinator_toggled(self, on: bool) -> None:
        self.session.team.set_coordinator(on)
        self.coordinator_changed.emit(on)

    def open_contribute(self) -> None:
        from reflect.ui.screens.team_contribute_dialog import TeamContributeDialog

        run_modal(TeamContributeDialog(self.session, self))
