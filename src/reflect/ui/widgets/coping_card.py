"""One coping item as a card: title, what to do, why it is suggested, and its action."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reflect.domain.checkin import CATEGORY_LABELS
from reflect.domain.coping import EXERCISE_LABELS, LINKS, CopingItem
from reflect.ui.i18n import tr


class CopingCard(QFrame):
    exercise_requested = Signal(str)
    link_requested = Signal(str)  # "plan" or "get_help"

    def __init__(self, item: CopingItem, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("copingCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title_text, body_text = tr(item.title), tr(item.text)
        self.setAccessibleName(title_text)
        self.setAccessibleDescription(f"{body_text} {reason}".strip())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        meta = [tr(item.area_label)]
        if item.minutes:
            meta.append(tr("about {minutes} min").format(minutes=item.minutes))
        categories = ", ".join(tr(CATEGORY_LABELS[c]) for c in item.categories)
        heading = f"<b>{escape(title_text)}</b> &nbsp;<small>{escape(' · '.join(meta))}</small>"
        title = QLabel(heading)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        layout.addWidget(title)
        text = QLabel(body_text)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        self.reason_label: QLabel | None = None
        if reason:
            self.reason_label = QLabel(
                tr("<i>Why this: {reason}</i>").format(reason=escape(reason))
            )
            self.reason_label.setTextFormat(Qt.TextFormat.RichText)
            self.reason_label.setWordWrap(True)
            layout.addWidget(self.reason_label)
        foot = QHBoxLayout()
        tags = QLabel(
            tr("<small>Helps with: {categories}</small>").format(categories=escape(categories))
        )
        tags.setTextFormat(Qt.TextFormat.RichText)
        tags.setWordWrap(True)
        foot.addWidget(tags, 1)
        if item.exercise:
            button = QPushButton(
                tr("Start {exercise}").format(exercise=tr(EXERCISE_LABELS[item.exercise]).lower())
            )
            button.clicked.connect(lambda: self.exercise_requested.emit(item.exercise))
            foot.addWidget(button)
        if item.link:
            link_button = QPushButton(tr(LINKS[item.link]))
            link_button.clicked.connect(lambda: self.link_requested.emit(item.link))
            foot.addWidget(link_button)
        layout.addLayout(foot)
