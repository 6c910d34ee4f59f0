"""The first thing anyone sees: choose a profile, type the passphrase, or create a profile."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.profile import ProfileInfo
from reflect.paths import APP_NAME
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import current_language, tr
from reflect.ui.widgets.wheel_guard import guard_widget


class LockScreen(QWidget):
    unlock_requested = Signal(object, str)  # ProfileInfo, passphrase
    create_profile_requested = Signal()
    demo_requested = Signal()
    help_requested = Signal()
    recovery_requested = Signal(object)  # ProfileInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = current_language()  # rebuilt by the window when this changes
        self.setAccessibleName(tr("Lock screen"))
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = self._build_card()
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(card)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)

        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.passphrase_edit.returnPressed.connect(self._on_unlock_clicked)
        self.create_button.clicked.connect(self.create_profile_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.help_button.clicked.connect(self.help_requested)
        self.forgot_button.clicked.connect(self._on_forgot_clicked)

    def _build_card(self) -> QFrame:
        """The centred card: the name, one line about Reflect, then the rest."""
        card = QFrame()
        card.setObjectName("lockCard")
        # In lines of the interface font (380 to 460 pixels at the usual size), so a larger
        # font gets a wider card and the buttons side by side keep their words.
        line = card.fontMetrics().height()
        card.setMaximumWidth(line * 33)
        card.setMinimumWidth(line * 27)
        layout = QVBoxLayout(card)
        layout.setSpacing(10)
        app_name = f"<h1>{APP_NAME}</h1>"  # the name is not translated
        title = QLabel(app_name)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(tr("A private place to look after yourself after the work you do."))
        subtitle.setWordWrap(True)
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(subtitle)

        self._build_unlock(layout)
        self._build_other_ways(layout)
        return card

    def _build_unlock(self, layout: QVBoxLayout) -> None:
        """Profile, passphrase, Unlock, Forgot passphrase? and the status."""
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(tr("Profile"))
        guard_widget(self.profile_combo)  # before any application-wide guard (wheel_guard)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(tr("Passphrase"))
        self.passphrase_edit.setAccessibleName(tr("Passphrase"))
        self.unlock_button = QPushButton(tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(tr("Unlock profile"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(tr("Unlock status"))
        self.status_label.setObjectName("statusText")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.profile_combo)
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(self.unlock_button)
        self.forgot_button = QPushButton(tr("Forgot passphrase?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setAccessibleName(tr("Forgot passphrase: open with a recovery key"))
        layout.addWidget(self.forgot_button)
        layout.addWidget(self.status_label)

    def _build_other_ways(self, layout: QVBoxLayout) -> None:
        """A new profile, the demo, the privacy promise and Get help now."""
        row = QHBoxLayout()
        self.create_button = QPushButton(tr("New profile…"))
        self.create_button.setAccessibleName(tr("Create a new profile"))
        self.demo_button = QPushButton(tr("Try the demo"))
        self.demo_button.setAccessibleName(tr("Open the demo profile with fictional data"))
        row.addWidget(self.create_button)
        row.addWidget(self.demo_button)
        layout.addLayout(row)
        privacy = QLabel(
            tr(
                "Everything stays on this computer, encrypted. Reflect never connects to the internet."  # noqa: E501 - one catalogue key
            )
        )
        privacy.setWordWrap(True)
        privacy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        privacy.setObjectName("hintText")
        layout.addWidget(privacy)
        # Crisis lines are shipped content, not profile data, so they are reachable while locked.
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setObjectName("helpButton")
        self.help_button.setAccessibleName(tr("Get help now: emergency and crisis lines"))
        self.help_button.setToolTip(tr("Emergency and crisis lines (Ctrl+Shift+H)"))
        layout.addWidget(self.help_button)

    def set_profiles(self, profiles: list[ProfileInfo], select: str | None = None) -> None:
        self.profile_combo.clear()
        for info in profiles:
            # The demo is named once ("Demo (fictional) (demo, fictional data)" said it twice).
            label = tr("Demo (fictional data)") if info.is_demo else info.display_name
            self.profile_combo.addItem(label, info)
        if select:
            for i in range(self.profile_combo.count()):
                if self.profile_combo.itemData(i).profile_id == select:
                    self.profile_combo.setCurrentIndex(i)
        has_profiles = bool(profiles)
        for widget in (
            self.profile_combo,
            self.passphrase_edit,
            self.unlock_button,
            self.forgot_button,
        ):
            widget.setVisible(has_profiles)
        if not has_profiles:
            self.status_label.setText(
                tr("Welcome. Create your own profile to begin, or look around the demo first.")
            )
        self.passphrase_edit.setFocus()

    def set_busy(self, busy: bool, message: str = "") -> None:
        for widget in (
            self.unlock_button,
            self.passphrase_edit,
            self.create_button,
            self.demo_button,
        ):
            widget.setEnabled(not busy)
        if message or busy:
            self.status_label.setText(message_in_language(message))

    def show_error(self, message: BaseException | str) -> None:
        self.set_busy(False)
        self.status_label.setText(message_in_language(message))
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()

    def reset(self) -> None:
        self.passphrase_edit.clear()
        self.status_label.clear()
        self.set_busy(False)

    def _on_forgot_clicked(self) -> None:
        info = self.profile_combo.currentData()
        if info is not None:
            self.recovery_requested.emit(info)

    def _on_unlock_clicked(self) -> None:
        info = self.profile_combo.currentData()
        if info is None:
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.status_label.setText(tr("Please type your passphrase."))
            return
        self.unlock_requested.emit(info, passphrase)
