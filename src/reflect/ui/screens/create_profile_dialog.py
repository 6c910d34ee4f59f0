"""First run: name, passphrase twice, a strength hint and an honest warning about recovery."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reflect.services.profiles import passphrase_strength
from reflect.ui.i18n import tr
from reflect.ui.screens.new_passphrase_dialog import NewPassphraseDialog

WARNING_TEXT = (
    "<b>Your passphrase is the only key.</b> Reflect encrypts everything with it and keeps no "
    "copy anywhere. If it is forgotten, nobody (not us, not your organisation) can open this "
    "profile again. Consider writing it down and keeping it somewhere only you can reach."
)


class CreateProfileDialog(NewPassphraseDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Repeat the passphrase"), parent)
        self.setWindowTitle(tr("Create a private profile"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "A profile is your own encrypted notebook on this computer. Each person using "
                "this computer can have one."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self._build_form(layout)
        self._build_choices(layout)
        layout.addWidget(self.error_label)

        self.create_button = self.add_buttons(layout, tr("Create profile"))
        self.create_button.setEnabled(False)

        self.passphrase_edit.textChanged.connect(self._on_passphrase_changed)
        self.understood.toggled.connect(self._update_button)
        self.make_recovery_key.toggled.connect(self._on_recovery_key_toggled)
        self.confirm_edit.textChanged.connect(self._update_button)

    def _build_form(self, layout: QVBoxLayout) -> None:
        """Name, passphrase with its strength, and the passphrase again."""
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("Optional, shown on the lock screen"))
        self.name_edit.setAccessibleName(tr("Profile name"))
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength_bar.setAccessibleName(tr("Passphrase strength"))
        self.strength_label = QLabel(tr("Use a few unrelated words."))
        self.strength_label.setWordWrap(True)
        form.addRow(tr("Name:"), self.name_edit)
        form.addRow(tr("Passphrase:"), self.passphrase_edit)
        form.addRow("", self.strength_bar)
        form.addRow("", self.strength_label)
        form.addRow(tr("Repeat it:"), self.confirm_edit)
        layout.addLayout(form)

    def _build_choices(self, layout: QVBoxLayout) -> None:
        """The warning, a recovery key (or accepting there is none) and the role."""
        warning = QLabel(tr(WARNING_TEXT))
        warning.setWordWrap(True)
        warning.setObjectName("warningText")
        layout.addWidget(warning)
        self.understood = QCheckBox(tr("I understand a lost passphrase cannot be recovered"))
        self.make_recovery_key = QCheckBox(tr("Also make a recovery key I can print (recommended)"))
        self.make_recovery_key.setChecked(True)
        self.make_recovery_key.setToolTip(
            tr(
                "A long code that opens this profile if you forget your passphrase. "
                "Keep it private: anyone holding it can open the profile."
            )
        )
        layout.addWidget(self.make_recovery_key)
        # With a recovery key a lost passphrase *can* be recovered: only without one is the
        # person asked to accept that it cannot.
        layout.addWidget(self.understood)
        self.understood.setVisible(False)
        # The role can also be changed later in Settings → Supervision.
        self.as_supervisor = QCheckBox(tr("I supervise others: show the Supervision screen"))
        layout.addWidget(self.as_supervisor)

    def _on_passphrase_changed(self, text: str) -> None:
        score, hint = passphrase_strength(text)
        self.strength_bar.setValue(score)
        self.strength_label.setText(tr(hint))
        self.strength_bar.setAccessibleDescription(tr(hint))
        self._update_button()

    def _on_recovery_key_toggled(self, checked: bool) -> None:
        self.understood.setVisible(not checked)
        if checked:
            self.understood.setChecked(False)
        self._update_button()

    def _update_button(self) -> None:
        accepted = self.make_recovery_key.isChecked() or self.understood.isChecked()
        self.create_button.setEnabled(accepted and bool(self.passphrase_edit.text()))

    @property
    def display_name(self) -> str:
        return self.name_edit.text().strip()

    @property
    def wants_recovery_key(self) -> bool:
        return self.make_recovery_key.isChecked()

    @property
    def role(self) -> str:
        return "supervisor" if self.as_supervisor.isChecked() else "provider"

    @property
    def passphrase(self) -> str:
        return self.passphrase_edit.text()
