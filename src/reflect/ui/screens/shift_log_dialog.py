"""Log a shift in a few seconds: the compact form, Enter to save, Escape to leave.

After a critical incident it offers, never forces, the two gentle self-checks (about three
days and about a month later). The question defaults to "No, thank you": saying nothing
must not schedule anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.exposure import ShiftLog
from reflect.services.exposure import ExposureService
from reflect.ui.asked_across_lock import run_modal
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.widgets.shift_log_form import ShiftLogForm
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

OFFER_TITLE = "Two gentle self-checks?"
OFFER_TEXT = (
    "That sounds like a hard shift. Would you like Reflect to offer two short self-checks, "
    "in about three days and in about a month, about how you are doing since? You can move "
    "them or turn them off at any time, and the reminder never mentions what happened."
)


def ask_offer(parent: QWidget) -> bool:
    box = QMessageBox(parent)
    box.setWindowTitle(tr(OFFER_TITLE))
    box.setText(tr(OFFER_TEXT))
    yes = box.addButton(tr("Yes, offer them"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(tr("No, thank you"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    return run_modal(box) is not None and box.clickedButton() is yes


class ShiftLogDialog(QDialog):
    def __init__(
        self,
        exposure: ExposureService,
        parent: QWidget | None = None,
        *,
        day: date | None = None,
        reflection_id: int | None = None,
        offer_self_checks: bool = True,
        ask: Callable[[QWidget], bool] = ask_offer,
    ) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.exposure = exposure
        self.reflection_id = reflection_id
        self.offer_self_checks = offer_self_checks
        self.ask = ask
        self.saved: ShiftLog | None = None
        self.break_requested = False
        self.setWindowTitle(tr("Log a shift"))
        self.setAccessibleName(tr("Log a shift"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 70)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("Numbers only, all optional. Leave a box empty if you did not keep count.")
        )
        intro.setWordWrap(True)
        intro.setObjectName("mutedLabel")
        layout.addWidget(intro)
        self.form = ShiftLogForm(day)
        layout.addWidget(self.form)
        self.error = QLabel()
        self.error.setObjectName("statusLine")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(tr("Status"))
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)  # parented first, so setDefault finds the dialog
        self.save_button = self.buttons.addButton(
            tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.break_button = QPushButton(tr("It was a day off or leave…"))
        self.buttons.addButton(self.break_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.break_button.clicked.connect(self._on_break_clicked)
        self.form.first_input().setFocus()

    def save(self) -> ShiftLog | None:
        try:
            values = self.form.values()
            log = self.exposure.log_shift(reflection_id=self.reflection_id, **values)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - a full disk too: keep the numbers, say so
            self.error.setText(tr("Not saved yet: {error}").format(error=message_in_language(exc)))
            return None
        self.saved = log
        if log.critical and self.offer_self_checks and log.id is not None and self.ask(self):
            self.exposure.offer_self_checks(log.id)
        self.accept()
        return log

    def _on_break_clicked(self) -> None:
        self.break_requested = True
        self.reject()
