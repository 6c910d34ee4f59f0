"""Home's summary of the latest check-in, in plain words next to the person's usual."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reflect.domain.checkin_scoring import ScoredCheckIn
from reflect.domain.usual import compare_with_usual
from reflect.ui.i18n import current_language, interface_words, local_date, tr


def describe_when(taken_at: datetime, now: datetime) -> str:
    days = (now.date() - taken_at.date()).days
    if days <= 0:
        return tr("today")
    if days == 1:
        return tr("yesterday")
    if days < 14:
        return tr("{days} days ago").format(days=days)
    if current_language() != "en":  # "5 nov. 2026" rather than an ISO date
        return local_date(taken_at.date())
    return taken_at.date().isoformat()


def summary_lines(entry: ScoredCheckIn | None, now: datetime) -> tuple[str, str]:
    """(headline, detail) for the card; kept free of widgets so it is easy to test."""
    if entry is None:
        return (
            tr("No check-in yet"),
            tr(
                "A check-in takes about a minute. After three, Reflect can show how each "
                "week compares with your usual."
            ),
        )
    when = describe_when(entry.checkin.taken_at, now)
    if not entry.baseline.available:
        return (
            tr("Last check-in: {when}").format(when=when),
            tr("Reflect needs three check-ins before it can compare a week with your usual."),
        )
    detail = compare_with_usual(entry).summary(interface_words())
    return tr("Last check-in: {when}").format(when=when), detail


class LastCheckinCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeCard")
        self.setAccessibleName(tr("Your last check-in"))
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)

    def show_entry(self, entry: ScoredCheckIn | None, now: datetime) -> None:
        headline, detail = summary_lines(entry, now)
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{headline}. {detail}")
