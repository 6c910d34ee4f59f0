"""Get help now: the emergency number first, then crisis and trafficking lines, then the
person's own contacts. Works while locked (``session=None``) from the shipped list alone.
"""

from __future__ import annotations

import contextlib
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QDate, QMargins, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.crisis_lines import (
    CHANNEL_LABELS,
    COUNTRIES,
    HELP_CONTACT_KINDS,
    CrisisLine,
    HelpContact,
)
from reflect.domain.errors import ReflectError
from reflect.ui.asked_across_lock import accepted, unless_locked
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_locale, tr
from reflect.ui.lock_dialogs import KEEP_OPEN_WHEN_LOCKED
from reflect.ui.widgets.confirm import confirm_destructive
from reflect.ui.widgets.tab_chain import chain_tab_order, focusable_in
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

# Shown only if the shipped list itself cannot be read: the two numbers must never vanish.
FALLBACK_HTML = (
    "<p><b>If you or someone else is in danger now, call 911.</b></p>"
    "<p>Suicide crisis line in Canada and the United States: call or text <b>988</b>, any time.</p>"
)


def _card(object_name: str = "helpCard") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    if object_name == "emergencyCard":
        # The one card that must stand out in any theme: a strong red edge, no fill.
        frame.setStyleSheet(
            "QFrame#emergencyCard { border: 2px solid #c62828; border-radius: 6px; }"
        )
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(4)
    return frame, layout


def _label(html: str, selectable: bool = True) -> QLabel:
    label = QLabel(html)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    if selectable:
        # Numbers must be easy to copy; keyboard selection helps people who cannot use a mouse.
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label


class GetHelpDialog(QDialog):
    def __init__(
        self, country: str = "CA", session: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setWindowTitle(tr("Get help now"))
        self.setAccessibleName(tr("Get help now: emergency and crisis lines"))
        self.resize(640, 760)
        # Never so small that 911 and the first line cannot be read without scrolling.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 20)
        self.session = session
        if session is not None:
            # The person's setting is the source of truth whenever the profile is open.
            with contextlib.suppress(ReflectError):
                country = str(session.settings.get("country") or country)
        self.country = country if country in COUNTRIES else "CA"
        self.shown_line_ids: list[str] = []
        self.shown_contact_ids: list[int | None] = []
        self._directory = None
        self._load_error = ""
        try:
            from reflect.services.resources import shipped_crisis_directory

            self._directory = shipped_crisis_directory()
        except ReflectError as exc:
            self._load_error = str(exc)

        layout = QVBoxLayout(self)
        self._build_top(layout)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll_area, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter closes; it must never open "Add a contact", which comes first in Tab order.
        # (After addWidget: setDefault only takes hold on a button already in the dialog.)
        self.close_button.setDefault(True)
        self.country_combo.currentIndexChanged.connect(self._on_country_changed)
        self._rebuild()
        # Locking closes the dialogs of the workspace (ui/lock_dialogs.py), not this one:
        # the crisis lines stay on screen.
        self.setProperty(KEEP_OPEN_WHEN_LOCKED, True)
        if session is not None:
            # If Reflect locks (idle or Ctrl+L) while this dialog is open, the person's own
            # contacts must disappear with everything else; the crisis lines stay.
            self._lock_watch = QTimer(self)
            self._lock_watch.setInterval(300)
            self._lock_watch.timeout.connect(self._on_lock_watch_timeout)
            self._lock_watch.start()

    def _build_top(self, layout: QVBoxLayout) -> None:
        """Call 911 in danger, beside the country whose lines are shown."""
        top = QHBoxLayout()
        self.emergency_label = _label(
            tr(
                "<h2 style='margin:0'>In danger right now? "
                "Call <span style='font-size:x-large'>911</span></h2>"
            )
        )
        self.emergency_label.setAccessibleName(
            tr("If you or someone else is in danger now, call 911")
        )
        top.addWidget(self.emergency_label, 1)
        self.country_combo = QComboBox()
        for code, name in COUNTRIES.items():
            self.country_combo.addItem(tr(name), code)
        self.country_combo.setCurrentIndex(self.country_combo.findData(self.country))
        self.country_combo.setAccessibleName(tr("Country of the lines shown"))
        self.country_combo.setToolTip(
            tr("Lines for this country (your default is set in Settings)")
        )
        top.addWidget(self.country_combo, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

    # --- content --------------------------------------------------------------------------

    def _rebuild(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        self.shown_line_ids = []
        if self._directory is None:
            column.addWidget(_label(tr(FALLBACK_HTML)))
            column.addWidget(
                _label(
                    tr("<small>The list of lines could not be read: {error}</small>").format(
                        error=escape(self._load_error)
                    )
                )
            )
        else:
            for line in self._directory.lines_for(self.country):
                column.addWidget(self._line_card(line))
                self.shown_line_ids.append(line.id)
        column.addSpacing(8)
        column.addWidget(self._own_contacts_section())
        if self._directory is not None:
            column.addWidget(self._footer())
        column.addStretch(1)
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(body)
        self._keep_lines_in_view(body)
        # Rebuilt after Close was made: Tab still reaches the contacts' buttons before it.
        chain_tab_order(
            [self.country_combo, self.scroll_area, *focusable_in(body), self.close_button]
        )

    def _keep_lines_in_view(self, body: QWidget) -> None:
        """Never so narrow that a number or an address (kept on one line) scrolls sideways."""
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        needed = (
            body.minimumSizeHint().width()
            + self.scroll_area.verticalScrollBar().sizeHint().width()
            + margins.left()
            + margins.right()
            + 2 * self.scroll_area.frameWidth()
        )
        self.setMinimumWidth(max(self.fontMetrics().averageCharWidth() * 48, needed))

    def _line_card(self, line: CrisisLine) -> QFrame:
        frame, layout = _card("emergencyCard" if line.kind == "emergency" else "helpCard")
        frame.setAccessibleName(tr(line.name))
        channels = " &nbsp;·&nbsp; ".join(
            f"{tr(CHANNEL_LABELS[c.type])}&nbsp;<b style='font-size:large'>{escape(c.value)}</b>"
            + (f" ({escape(tr(c.detail))})" if c.detail else "")
            for c in line.channels
        )
        layout.addWidget(_label(f"<b>{escape(tr(line.name))}</b>"))
        layout.addWidget(_label(channels))
        layout.addWidget(_label(f"{escape(tr(line.hours))} · {escape(tr(line.languages))}"))
        if line.notes:
            layout.addWidget(_label(f"<span>{escape(tr(line.notes))}</span>"))
        if line.last_verified is not None:
            # Only lines someone actually re-checked carry a date of their own.
            day = line.last_verified
            checked = interface_locale().toString(
                QDate(day.year, day.month, day.day), "d MMMM yyyy"
            )
            text = tr("Details last checked {date}").format(date=checked)
            layout.addWidget(_label(f"<small>{escape(text)}</small>"))
        return frame

    def _own_contacts_section(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            _label(tr("<h3 style='margin-bottom:0'>Your own contacts</h3>"), selectable=False)
        )
        self.shown_contact_ids = []
        if self.session is None:
            layout.addWidget(
                _label(
                    tr(
                        "Unlock your profile to see the contacts you added, such as your "
                        "employee assistance programme or local services."
                    ),
                    selectable=False,
                )
            )
            return box
        try:
            contacts = self.session.resources.help_contacts()
        except ReflectError as exc:
            layout.addWidget(
                _label(
                    tr("Your contacts could not be read: {error}").format(
                        error=escape(message_in_language(exc))
                    )
                )
            )
            return box
        if not contacts:
            layout.addWidget(
                _label(
                    tr(
                        "None yet. Add your employee assistance programme (ask your employer or "
                        "HR for its number), a local crisis team or services you trust."
                    ),
                    selectable=False,
                )
            )
        for contact in contacts:
            layout.addWidget(self._contact_card(contact))
            self.shown_contact_ids.append(contact.id)
        self.add_button = QPushButton(tr("Add a contact…"))
        self.add_button.setAccessibleName(tr("Add your own help contact"))
        self.add_button.clicked.connect(lambda: self._edit_contact(None))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _contact_card(self, contact: HelpContact) -> QFrame:
        frame, layout = _card()
        frame.setAccessibleName(contact.name)
        kind = tr(HELP_CONTACT_KINDS.get(contact.kind, ""))
        layout.addWidget(_label(f"<b>{escape(contact.name)}</b> <small>{escape(kind)}</small>"))
        parts = []
        if contact.phone:
            parts.append(
                tr("Call {number}").format(
                    number=f"<b style='font-size:large'>{escape(contact.phone)}</b>"
                )
            )
        if contact.text:
            parts.append(
                tr("Text or chat {number}").format(number=f"<b>{escape(contact.text)}</b>")
            )
        if parts:
            layout.addWidget(_label(" &nbsp;·&nbsp; ".join(parts)))
        details = " · ".join(escape(x) for x in (contact.hours, contact.notes) if x)
        if details:
            layout.addWidget(_label(details))
        row = QHBoxLayout()
        row.addStretch(1)
        edit = QPushButton(tr("Edit…"))
        edit.setAccessibleName(tr("Edit {name}").format(name=contact.name))
        remove = QPushButton(tr("Remove"))
        remove.setAccessibleName(tr("Remove {name}").format(name=contact.name))
        edit.clicked.connect(lambda: self._edit_contact(contact))
        remove.clicked.connect(lambda: self._remove_contact(contact))
        row.addWidget(edit)
        row.addWidget(remove)
        layout.addLayout(row)
        return frame

    def _footer(self) -> QWidget:
        directory = self._directory
        assert directory is not None
        checked = directory.last_verified
        locale = interface_locale()
        verified = locale.toString(QDate(checked.year, checked.month, checked.day), "d MMMM yyyy")
        text = f"<p><small>{escape(tr(directory.disclosure))}</small></p>"
        text += "<p><small>" + tr("Numbers last checked {date}.").format(date=verified)
        if directory.is_stale(date.today()):
            text += " " + tr(
                "That was over a year ago: please confirm them with your organisation."
            )
        if self.session is None:
            # While locked the Resources screen cannot be opened: name the sources here.
            sources = list(dict.fromkeys(line.source for line in directory.lines_for(self.country)))
            text += " " + escape(tr("Sources: {sources}.").format(sources="; ".join(sources)))
        else:
            text += " " + tr("Sources are listed under Resources › About the content.")
        text += "</small></p>"
        footer = _label(text)
        footer.setAccessibleName(tr("About these lines"))
        return footer

    # --- slots ----------------------------------------------------------------------------

    def _on_country_changed(self, _index: int) -> None:
        self.country = self.country_combo.currentData()
        self._rebuild()

    def _on_lock_watch_timeout(self) -> None:
        if self.session is not None and not getattr(self.session, "is_open", True):
            self.session = None
            self._lock_watch.stop()
            self._rebuild()

    def _edit_contact(self, contact: HelpContact | None) -> None:
        from reflect.ui.screens.help_contact_dialog import HelpContactDialog

        dialog = HelpContactDialog(contact, self)
        if not accepted(dialog) or dialog.result_contact is None:
            return
        self.save_contact(dialog.result_contact)

    def save_contact(self, contact: HelpContact) -> None:
        if self.session is None:
            return
        try:
            self.session.resources.save_help_contact(contact)
        except Exception as exc:  # noqa: BLE001 - a full disk too: say so
            QMessageBox.warning(self, tr("Contact not saved"), message_in_language(exc))
            return
        self._rebuild()

    def _remove_contact(self, contact: HelpContact) -> None:
        removed = confirm_destructive(
            self,
            tr("Remove contact"),
            tr("Remove “{name}” from your contacts?").format(name=contact.name),
            tr("Remove"),
        )
        if removed and contact.id is not None:
            try:
                self.session.resources.delete_help_contact(contact.id)
            except ReflectError as exc:
                text = message_in_language(exc)
                told = unless_locked(
                    lambda: QMessageBox.warning(self, tr("Contact not removed"), text)
                )
                if told is None:
                    return  # locked meanwhile: the lock watch hides the contacts, unread
            self._rebuild()
