"""Add or edit one of the person's own help contacts (their EAP, a local service...)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.crisis_lines import HELP_CONTACT_KINDS, HelpContact
from reflect.domain.errors import ValidationError
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole


class HelpContactDialog(QDialog):
    def __init__(self, contact: HelpContact | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setWindowTitle(
            tr("Edit help contact") if contact and contact.id else tr("Add a help contact")
        )
        # Room for the longest hint (longer in French) at large font sizes too.
        self.setMinimumWidth(max(520, self.fontMetrics().averageCharWidth() * 72))
        self._id = contact.id if contact else None
        contact = contact or HelpContact(name="")
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Add a service you can reach, such as your employee assistance programme, a "
                "local crisis team or a community organisation. It is stored only in your "
                "encrypted profile."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(contact.name)
        self.name_edit.setPlaceholderText(tr("For example: My EAP"))
        self.kind_combo = QComboBox()
        for key, label in HELP_CONTACT_KINDS.items():
            self.kind_combo.addItem(tr(label), key)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(contact.kind)))
        self.phone_edit = QLineEdit(contact.phone)
        self.text_edit = QLineEdit(contact.text)
        self.text_edit.setPlaceholderText(tr("A text number, chat or web address"))
        self.hours_edit = QLineEdit(contact.hours)
        self.hours_edit.setPlaceholderText(tr("For example: 24/7, or Mon-Fri 9-5"))
        self.notes_edit = QPlainTextEdit(contact.notes)
        self.notes_edit.setPlaceholderText(tr("Policy number, what to ask for, who to speak to…"))
        self.notes_edit.setFixedHeight(80)
        self.notes_edit.setTabChangesFocus(True)
        for label, widget, name in (
            ("Name", self.name_edit, "Contact name"),
            ("Kind", self.kind_combo, "Kind of contact"),
            ("Phone", self.phone_edit, "Phone number"),
            ("Text or chat", self.text_edit, "Text number or chat address"),
            ("Hours", self.hours_edit, "Opening hours"),
            ("Notes", self.notes_edit, "Notes"),
        ):
            widget.setAccessibleName(tr(name))
            form.addRow(tr(label), widget)
        layout.addLayout(form)
        self.error_label = QLabel("")
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("errorLabel")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_contact: HelpContact | None = None

    def contact(self) -> HelpContact:
        return HelpContact(
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            text=self.text_edit.text(),
            hours=self.hours_edit.text(),
            notes=self.notes_edit.toPlainText(),
            kind=self.kind_combo.currentData(),
            id=self._id,
        )

    def accept(self) -> None:
        # Validate here so a mistake keeps the dialog open with everything typed intact.
        try:
            self.result_contact = self.contact().validated()
        except ValidationError as exc:
            self.error_label.setText(message_in_language(exc))
            return
        super().accept()
