"""Settings for exposure and recovery: what Home shows, and the self-checks' on/off switch.

Each change is saved at once through the screen's own ``save`` (so it is announced like every
other setting). Turning the self-checks off stops new offers; "turn off the planned ones"
closes those already waiting, which is the person's call and needs no confirmation: it
deletes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from reflect.services.exposure import INFER_BREAKS, NO_SELF_CHECKS_SETTING, RECOVERY_ON_HOME
from reflect.services.session import Session
from reflect.ui.i18n import tr


class RecoverySettings(QGroupBox):
    def __init__(self, session: Session, save: Callable[[str, Any], None]) -> None:
        super().__init__(tr("Exposure and recovery"))
        self.session = session
        self._save = save
        settings = session.settings
        box = QVBoxLayout(self)
        self.days_check = QCheckBox(tr("Show days since a real &break on Home"))
        self.days_check.setChecked(bool(settings.get(RECOVERY_ON_HOME)))
        self.infer_check = QCheckBox(
            tr("Count a day without a logged shift as a break (if you log every shift)")
        )
        self.infer_check.setChecked(bool(settings.get(INFER_BREAKS)))
        self.offer_check = QCheckBox(tr("Offer two gentle &self-checks after a critical incident"))
        self.offer_check.setChecked(not settings.get(NO_SELF_CHECKS_SETTING))
        for check in (self.days_check, self.infer_check, self.offer_check):
            box.addWidget(check)
        row = QHBoxLayout()
        self.planned = QLabel()
        self.planned.setWordWrap(True)
        self.stop_button = QPushButton(tr("Turn off the planned self-checks"))
        row.addWidget(self.planned, 1)
        row.addWidget(self.stop_button)
        box.addLayout(row)
        self.days_check.toggled.connect(lambda on: self._save(RECOVERY_ON_HOME, bool(on)))
        self.infer_check.toggled.connect(lambda on: self._save(INFER_BREAKS, bool(on)))
        self.offer_check.toggled.connect(
            lambda on: self._save(NO_SELF_CHECKS_SETTING, not bool(on))
        )
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.refresh()

    def refresh(self) -> None:
        count = len(self.session.exposure.self_checks(pending_only=True))
        if count:
            text = tr("Self-checks planned: {count}. You can also move one from Home.").format(
                count=count
            )
        else:
            text = tr("No self-check is planned.")
        self.planned.setText(text)
        self.stop_button.setEnabled(bool(count))

    def _on_stop_clicked(self) -> None:
        self.session.exposure.dismiss_all_self_checks()
        self.refresh()
