"""A short team debrief after a critical incident: outline, what went well, what was hard,
what to change, who needs a follow-up; themes and actions only, with check-ins due after a
few days and after about a month."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.identity_guard import find_identifiers
from reflect.domain.supervision import (
    FOLLOW_UP_CHECKS,
    HOT_DEBRIEF_FIELDS,
    HOT_DEBRIEF_NOTE,
    HotDebrief,
)
from reflect.services.session import Session
from reflect.ui.asked_across_lock import ask_yes
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_words, tr


def _wrapping_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setBuddy(buddy)
    return label


class HotDebriefPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = session.supervision
        layout = QVBoxLayout(self)
        note = QLabel(tr(HOT_DEBRIEF_NOTE))
        note.setWordWrap(True)
        note.setObjectName("noticeLabel")
        layout.addWidget(note)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)

        split.addWidget(self._build_form())

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("<b>{}</b>".format(tr("Earlier team debriefs"))))
        self.history = QListWidget()
        self.history.setAccessibleName(tr("Earlier team debriefs"))
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.history, 1)
        self.check_button = QPushButton(tr("Mark the follow-up as done"))
        column.addWidget(self.check_button)
        split.addWidget(right)
        split.setSizes([520, 360])
        layout.addWidget(split, 1)
        self.save_button.clicked.connect(self.save)
        self.check_button.clicked.connect(self.mark_check_done)
        self.refresh()

    def _build_form(self) -> QScrollArea:
        """The questions, themes and actions, each on its own line above its box."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # The questions wrap to the width instead of running off to the right.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_widget = QWidget()
        form = QVBoxLayout(form_widget)
        self.answers: dict[str, QPlainTextEdit] = {}
        for key, label in HOT_DEBRIEF_FIELDS:
            box = QPlainTextEdit()
            box.setAccessibleName(tr(label))
            box.setMaximumHeight(60)
            self.answers[key] = box
            form.addWidget(_wrapping_label(tr(label), box))
            form.addWidget(box)
        self.themes = QLineEdit()
        self.themes.setAccessibleName(tr("Themes"))
        self.themes.setPlaceholderText(tr("Separated by commas, e.g. staffing, handover"))
        self.actions_box = QPlainTextEdit()
        self.actions_box.setAccessibleName(tr("Actions, one per line"))
        self.actions_box.setMaximumHeight(60)
        for text, field in (
            (tr("Themes"), self.themes),
            (tr("Actions, one per line"), self.actions_box),
        ):
            form.addWidget(_wrapping_label(text, field))
            form.addWidget(field)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("Save team debrief"))
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        form.addLayout(row)
        form.addStretch(1)
        scroll.setWidget(form_widget)
        return scroll

    def refresh(self) -> None:
        self.history.clear()
        words = interface_words()
        today = self.service.today()
        for item in self.service.log.hot_debriefs():
            outline = item.answers.get("outline", "") or ", ".join(item.themes)
            checks = []
            for label, due, done in item.checks():
                state = tr("done") if done else (tr("due") if due <= today else tr("planned"))
                checks.append(f"{tr(label)} {words.day(due)} ({state})")
            lines = [f"{words.day(item.held_at)} · {outline[:120]}"]
            lines += [tr("Action: {text}").format(text=a) for a in item.actions]
            lines += checks
            text = "\n".join(lines)
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.history.addItem(entry)
        if self.history.count() == 0:
            empty = QListWidgetItem(tr("No team debriefs yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.history.addItem(empty)

    def collected(self) -> HotDebrief:
        return HotDebrief(
            held_at=datetime.now().replace(second=0, microsecond=0),
            answers={k: box.toPlainText() for k, box in self.answers.items()},
            themes=[t.strip() for t in self.themes.text().split(",")],
            actions=self.actions_box.toPlainText().splitlines(),
        )

    def save(self) -> None:
        item = self.collected()
        text = "\n".join([*item.answers.values(), *item.themes, *item.actions])
        if find_identifiers(text) and not ask_yes(
            self,
            tr("Check before saving"),
            tr(
                "Something here may identify a person you serve. A team debrief keeps "
                "themes and actions only. Save it as it is?"
            ),
        ):
            return
        try:
            self.service.log.save_hot_debrief(item)
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        for box in self.answers.values():
            box.clear()
        self.themes.clear()
        self.actions_box.clear()
        self.status.setText(tr("Saved. Check-ins are due after a few days and after a month."))
        self.refresh()

    def mark_check_done(self) -> None:
        current = self.history.currentItem()
        item_id = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        found = next((h for h in self.service.log.hot_debriefs() if h.id == item_id), None)
        if found is None:
            return
        pending = [days for _, days in FOLLOW_UP_CHECKS if days not in found.checks_done]
        if pending:
            found.checks_done.append(pending[0])  # the earliest still open
            self.service.log.save_hot_debrief(found)
        self.refresh()
