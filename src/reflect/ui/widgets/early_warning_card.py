"""A gentle, dismissible early-warning card that any screen (home, trends, check-in) can embed.

It shows the newest active notice, links to coping resources and the person's own plan, and
can be set aside with "Not now" (with undo). When there is nothing to say it hides itself.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reflect.domain.early_warning import Notice, fill
from reflect.services.early_warning import EarlyWarningService
from reflect.ui.i18n import current_language, local_date, tr


def notice_in_language(notice: Notice) -> tuple[str, str]:
    """(title, message) in the current language; category names are translated too."""
    if current_language() == "en" or not notice.message_template:
        return notice.title, notice.message
    values = dict(notice.args)
    args = tuple(
        (
            key,
            tuple(tr(v) for v in value) if isinstance(value, tuple) else _value(key, value, values),
        )
        for key, value in notice.args
    )
    return fill(tr(notice.title_template), args), fill(tr(notice.message_template), args)


def _value(key: str, value: str, values: dict[str, str | tuple[str, ...]]) -> str:
    """Dates and numbers in the interface language; names through the catalogue."""
    iso = values.get("date_iso")
    if key == "date" and isinstance(iso, str):
        return local_date(date.fromisoformat(iso), "d MMMM yyyy")
    if key == "score":
        return value.replace(".", ",")
    return tr(value)


CARD_STYLE = """
QFrame#earlyWarningCard {
    border: 1px solid palette(mid);
    border-left: 5px solid #6f8fb5;
    border-radius: 6px;
    background: palette(alternate-base);
}
QPushButton#earlyWarningUnderstanding {
    border: 1px solid transparent;
    color: palette(link);
    text-decoration: underline;
    padding: 2px 0px;
}
QPushButton#earlyWarningUnderstanding:focus { border: 1px dotted palette(highlight); }
"""


class EarlyWarningCard(QFrame):
    open_resources_requested = Signal()
    open_plan_requested = Signal()
    open_understanding_requested = Signal()
    notice_dismissed = Signal(str)

    def __init__(self, service: EarlyWarningService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._notices: list[Notice] = []
        self._last_dismissed: str | None = None
        self.setObjectName("earlyWarningCard")
        self.setStyleSheet(CARD_STYLE)
        self.setAccessibleName(tr("A gentle note about your recent check-ins"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.title = QLabel()
        self.title.setObjectName("earlyWarningTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more = QLabel()
        self.more.setObjectName("earlyWarningMore")
        layout.addWidget(self.title)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.resources_button = QPushButton(tr("Coping ideas"))
        self.resources_button.setAccessibleName(tr("Open coping ideas"))
        self.plan_button = QPushButton(tr("My plan"))
        self.plan_button.setAccessibleName(tr("Open my plan"))
        # Every note links to the page that explains what it is about.
        self.understanding_button = QPushButton(tr("Understanding vicarious trauma"))
        self.understanding_button.setAccessibleName(tr("Open Understanding vicarious trauma"))
        self.dismiss_button = QPushButton(tr("Not now"))
        self.dismiss_button.setAccessibleName(tr("Hide this note"))
        self.dismiss_button.setToolTip(
            tr("Hide this note; it will not come back for the same stretch of weeks.")
        )
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setAccessibleName(tr("Show the hidden note again"))
        self.undo_label = QLabel(tr("Note hidden."))
        for widget in (self.resources_button, self.plan_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.more)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.undo_label)
        buttons.addWidget(self.undo_button)
        # On a line of its own, under the message: beside the other buttons it made the card
        # wider than a laptop screen at large type in French.
        self.understanding_button.setFlat(True)
        self.understanding_button.setObjectName("earlyWarningUnderstanding")
        self.understanding_button.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.understanding_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)

        self.resources_button.clicked.connect(self.open_resources_requested)
        self.plan_button.clicked.connect(self.open_plan_requested)
        self.understanding_button.clicked.connect(self.open_understanding_requested)
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.refresh()

    @property
    def current_notice(self) -> Notice | None:
        return self._notices[0] if self._notices else None

    def refresh(self) -> None:
        """Re-read the active notices (call after a check-in or result is saved)."""
        try:
            self._notices = self._service.active()
        except Exception:  # noqa: BLE001 - a note must never break the screen that hosts it
            self._notices = []
        self._render()

    def _render(self) -> None:
        notice = self.current_notice
        undo_visible = self._last_dismissed is not None
        self.undo_button.setVisible(undo_visible)
        self.undo_label.setVisible(undo_visible)
        for widget in (
            self.title,
            self.message,
            self.resources_button,
            self.plan_button,
            self.understanding_button,
            self.dismiss_button,
        ):
            widget.setVisible(notice is not None)
        self.more.setVisible(len(self._notices) > 1)
        if notice is not None:
            title, message = notice_in_language(notice)
            self.title.setText(title)
            self.message.setText(message)
            self.more.setText(tr("{count} more").format(count=len(self._notices) - 1))
            self.setAccessibleDescription(message)
        self.setVisible(notice is not None or undo_visible)

    def _on_dismiss_clicked(self) -> None:
        notice = self.current_notice
        if notice is None:
            return
        self._service.dismiss(notice.id)
        self._last_dismissed = notice.id
        self.notice_dismissed.emit(notice.id)
        self.refresh()
        self.undo_button.setFocus()

    def _on_undo_clicked(self) -> None:
        if self._last_dismissed is not None:
            self._service.undo_dismiss(self._last_dismissed)
            self._last_dismissed = None
        self.refresh()
