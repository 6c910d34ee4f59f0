"""A gentle, dismissible early-warning card that any screen (home, trends, check-in) can embed.

It shows the newest active notice, links to coping resources and the person's own plan, and
can be set aside with "Not now" (with undo). When there is nothing to say it hides itself.

The note is shown in full only where it belongs: Home and the check-in result. Elsewhere
(the check-in form, Trends) it is ``compact``: one small, quiet line that opens the note, so
a 110-pixel banner does not sit above every tab. Where the host screen already offers
"Coping ideas" and "My plan", ``links=False`` leaves them out: no button twice on a screen.
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
QFrame#earlyWarningCompact { border: none; background: transparent; }
QFrame#earlyWarningCompact[expanded="true"] {
    border: 1px solid palette(mid); border-left: 5px solid #6f8fb5; border-radius: 6px;
    background: palette(alternate-base);
}
QPushButton#earlyWarningMarker {
    border: none; background: transparent; color: palette(link); padding: 2px 4px;
    text-align: left;
}
QPushButton#earlyWarningMarker:focus { text-decoration: underline; }
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

    def __init__(
        self,
        service: EarlyWarningService,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        links: bool = True,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._compact = compact
        self._links = links
        self._expanded = not compact
        self._suppressed = False
        self._notices: list[Notice] = []
        self._last_dismissed: str | None = None
        self.setObjectName("earlyWarningCompact" if compact else "earlyWarningCard")
        self.setStyleSheet(CARD_STYLE)
        self.setAccessibleName(tr("A gentle note about your recent check-ins"))

        outer = QVBoxLayout(self)
        if compact:
            outer.setContentsMargins(0, 0, 0, 0)
        else:
            outer.setContentsMargins(14, 10, 14, 10)
        self.marker = QPushButton(self)  # parented: shown before any layout holds it
        self.marker.setObjectName("earlyWarningMarker")
        self.marker.setFlat(True)
        self.marker.setCheckable(True)
        self.marker.setAccessibleName(tr("A gentle note about your recent check-ins"))
        outer.addWidget(self.marker, 0, Qt.AlignmentFlag.AlignLeft)
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body)
        self._add_text(layout)

        self._add_buttons(layout)

        self._connect_signals()
        self.refresh()

    def _add_text(self, layout: QVBoxLayout) -> None:
        """The note's title and message (``more`` joins the button row)."""
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

    def _add_buttons(self, layout: QVBoxLayout) -> None:
        """The link to the explanation, then coping ideas, my plan, Not now and Undo."""
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

    def _connect_signals(self) -> None:
        self.marker.toggled.connect(self._on_marker_toggled)
        self.resources_button.clicked.connect(self.open_resources_requested)
        self.plan_button.clicked.connect(self.open_plan_requested)
        self.understanding_button.clicked.connect(self.open_understanding_requested)
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        self.undo_button.clicked.connect(self._on_undo_clicked)

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
        for widget in (self.title, self.message, self.understanding_button, self.dismiss_button):
            widget.setVisible(notice is not None)
        for widget in (self.resources_button, self.plan_button):
            widget.setVisible(notice is not None and self._links)
        self.marker.setVisible(self._compact and notice is not None)
        if self._compact:
            margin = (10, 4, 10, 8) if self._expanded else (0, 0, 0, 0)
            layout = self.layout()
            if layout is not None:
                layout.setContentsMargins(*margin)
            arrow = "▾" if self._expanded else "▸"
            self.marker.setText(tr("A gentle note about your recent check-ins") + " " + arrow)
        self.body.setVisible(self._expanded or notice is None)
        if self._compact and self.property("expanded") != self._expanded:
            self.setProperty("expanded", self._expanded)
            self.setStyleSheet(CARD_STYLE)  # re-apply so the [expanded] rule takes effect
        self.more.setVisible(len(self._notices) > 1)
        if notice is not None:
            title, message = notice_in_language(notice)
            self.title.setText(title)
            self.message.setText(message)
            self.more.setText(tr("{count} more").format(count=len(self._notices) - 1))
            self.setAccessibleDescription(message)
        self.setVisible((notice is not None or undo_visible) and not self._suppressed)

    def set_suppressed(self, suppressed: bool) -> None:
        """Hide the marker while the same note is shown in full on the same screen."""
        self._suppressed = suppressed
        self._render()

    @property
    def is_compact(self) -> bool:
        return self._compact

    @property
    def is_expanded(self) -> bool:
        return self._expanded

    def _on_marker_toggled(self, expanded: bool) -> None:
        self._expanded = expanded
        self._render()
        if expanded:
            self.message.setFocus()

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
