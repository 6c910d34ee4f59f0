"""The gentle self-check: how the person has been since, with help one click away.

Four ratings in our own words, then a short response: a few coping ideas, the suggestion to
talk it through with a supervisor or a peer, and Get help now. The questions never name the
incident (someone may be looking at the screen); the person knows what "since" means.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.recovery import SELF_CHECK_QUESTIONS, SelfCheck, still_heavy
from reflect.services.exposure import ExposureService
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.widgets.dialog_fit import keep_content_visible
from reflect.ui.widgets.rating_row import RatingRow
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

SCALE = ("Not at all", "A little", "Somewhat", "Quite a bit", "A lot")
COPING_IDEAS = (
    "Look after the basics today: water, food, a short walk, an early night.",
    "Tell one person you trust that it has been a hard stretch; details are not needed.",
    "Mark the end of the working day with a small ritual that helps you switch off.",
)
TALK_GENTLE = (
    "Thank you for checking in with yourself. If it would help, a supervisor or a peer you "
    "trust is a good person to talk it through with."
)
TALK_PLAIN = (
    "It sounds as if this is still with you. That is a common reaction, and you do not have "
    "to carry it alone: talking it through with your supervisor or a peer you trust can help. "
    "If it feels urgent, Get help now is right here."
)


class SelfCheckDialog(QDialog):
    help_requested = Signal()
    coping_requested = Signal()

    def __init__(
        self, exposure: ExposureService, check: SelfCheck, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.exposure = exposure
        self.check = check
        self.saved: SelfCheck | None = None
        self.setWindowTitle(tr("A short self-check"))
        self.setAccessibleName(tr("A short self-check"))
        # Room for each question on one or two lines beside its answers, at any font size.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 100)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)

        self.pages.addWidget(self._build_questions())
        self.pages.addWidget(self._build_response())

        # Help is one click away on both pages, before and after answering.
        actions = QHBoxLayout()
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setObjectName("helpButton")
        self.coping_button = QPushButton(tr("More coping ideas"))
        actions.addWidget(self.help_button)
        actions.addWidget(self.coping_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.buttons = QDialogButtonBox(self)  # parented first, so setDefault finds the dialog
        self.save_button = self.buttons.addButton(
            tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.later_button = self.buttons.addButton(
            tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        layout.addWidget(self.buttons)
        self.save_button.clicked.connect(self.save)
        self.later_button.clicked.connect(self.reject)
        self.help_button.clicked.connect(self._on_help_clicked)
        self.coping_button.clicked.connect(self._on_coping_clicked)
        keep_content_visible(self)  # its widest caption
        keep_wrapped_text_whole(self)  # its wrapped text, at the width it has
        next(iter(self.rows.values())).setFocus()

    def _build_questions(self) -> QWidget:
        """The first page: the questions, each with its scale, and an error line."""
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        intro = QLabel(tr("Since then, how much has each of these been true for you?"))
        intro.setWordWrap(True)
        ask_layout.addWidget(intro)
        labels = [tr(word) for word in SCALE]
        # What the numbers mean, before any is chosen (the check-in form shows its scale too).
        scale = QLabel(" · ".join(f"<b>{i}</b> {escape(label)}" for i, label in enumerate(labels)))
        scale.setObjectName("selfCheckScale")
        scale.setWordWrap(True)
        ask_layout.addWidget(scale)
        self.rows: dict[str, RatingRow] = {}
        for number, (key, text) in enumerate(SELF_CHECK_QUESTIONS.items(), start=1):
            row = RatingRow(tr(text), labels, number=number)
            ask_layout.addWidget(row)
            self.rows[key] = row
        self.error = QLabel()
        self.error.setObjectName("statusLine")
        self.error.setWordWrap(True)
        ask_layout.addWidget(self.error)
        return ask

    def _build_response(self) -> QWidget:
        """The second page: a response to the answers and a few ideas."""
        answer = QWidget()
        answer_layout = QVBoxLayout(answer)
        self.response = QLabel()
        self.response.setWordWrap(True)
        self.response.setAccessibleName(tr("Response"))
        answer_layout.addWidget(self.response)
        items = "".join(f"<li>{escape(tr(idea))}</li>" for idea in COPING_IDEAS)
        heading = escape(tr("A few ideas"))
        markup = f"<b>{heading}</b><ul>{items}</ul>"  # only tags around translated words
        ideas = QLabel(markup)
        ideas.setWordWrap(True)
        answer_layout.addWidget(ideas)
        answer_layout.addStretch(1)
        return answer

    def answers(self) -> dict[str, int]:
        return {key: row.value() for key, row in self.rows.items() if row.value() is not None}  # type: ignore[misc]

    def save(self) -> None:
        if self.pages.currentIndex() == 1:  # the response was read: done
            self.accept()
            return
        answers = self.answers()
        try:
            assert self.check.id is not None
            self.saved = self.exposure.complete_self_check(self.check.id, answers)
        except (ReflectError, KeyError) as exc:
            self.error.setText(tr("Not saved yet: {error}").format(error=message_in_language(exc)))
            return
        self.response.setText(tr(TALK_PLAIN if still_heavy(answers) else TALK_GENTLE))
        self.pages.setCurrentIndex(1)
        self.save_button.setText(tr("Close"))
        self.later_button.hide()

    def _on_help_clicked(self) -> None:
        self.help_requested.emit()

    def _on_coping_clicked(self) -> None:
        self.coping_requested.emit()
        if self.saved is not None:
            self.accept()
        else:
            self.reject()
