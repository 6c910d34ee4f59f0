"""A supervision agreement per supervisee, and "How is supervision working?" ratings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.supervision import RATING_ITEMS, Agreement, SessionRating
from reflect.services.session import Session
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_locale, interface_words, tr
from reflect.ui.widgets.rating_row import RatingRow
from reflect.ui.widgets.wall_clock import keep_kept_years

RATING_WORDS = ("not at all", "a little", "somewhat", "mostly", "fully")


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setMaximumHeight(70)
    return box


class AgreementForm(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = session.supervision
        self.supervisee_id: int | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "What you agreed about supervision itself: how often, what it is for, what "
                "stays confidential and who keeps which records, and when to look at it again."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        self.reminder.setObjectName("noticeLabel")
        layout.addWidget(self.reminder)
        form = QFormLayout()
        self.frequency = QLineEdit()
        self.frequency.setAccessibleName(tr("How often"))
        self.frequency.setPlaceholderText(tr("e.g. every two weeks, one hour"))
        self.aims = _text_box(
            tr("Aims"), tr("Normative (standards), formative (learning), restorative (support)")
        )
        self.confidentiality = _text_box(
            tr("Confidentiality"), tr("What stays between us, and when it would not")
        )
        self.records = _text_box(tr("Records"), tr("Who keeps which notes, and for how long"))
        form.addRow(tr("How often"), self.frequency)
        form.addRow(tr("Aims"), self.aims)
        form.addRow(tr("Confidentiality"), self.confidentiality)
        form.addRow(tr("Records"), self.records)
        form.addRow(*self._review_row())
        layout.addLayout(form)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("Save agreement"))
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self._changed = False
        self.frequency.textEdited.connect(self._mark_changed)
        for box in (self.aims, self.confidentiality, self.records):
            box.textChanged.connect(self._mark_changed)
        self.has_review.toggled.connect(self._mark_changed)
        self.review.dateChanged.connect(self._mark_changed)
        self.show_for(None)

    def _review_row(self) -> tuple[QCheckBox, QHBoxLayout]:
        """Review on [date]: the date as wide as a date, not as the whole form."""
        self.has_review = QCheckBox(tr("Review on"))
        self.review = QDateEdit(QDate.currentDate().addMonths(6))
        keep_kept_years(self.review)
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("d MMM yyyy")
        self.review.setLocale(interface_locale())
        self.review.setAccessibleName(tr("Review date"))
        self.has_review.toggled.connect(self.review.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.review)
        row.addStretch(1)
        return self.has_review, row

    def _mark_changed(self, *_args: object) -> None:
        self._changed = True

    def keep_typing(self) -> None:
        """Save what was typed and not saved yet: before the profile locks, or before
        another supervisee's agreement replaces it on screen."""
        if self._changed and self.supervisee_id is not None:
            self.save()

    def show_for(self, supervisee_id: int | None) -> None:
        self.keep_typing()
        self.supervisee_id = supervisee_id
        self.setEnabled(supervisee_id is not None)
        agreement = self.service.agreement(supervisee_id) if supervisee_id else Agreement(0)
        self.frequency.setText(agreement.frequency)
        self.aims.setPlainText(agreement.aims)
        self.confidentiality.setPlainText(agreement.confidentiality)
        self.records.setPlainText(agreement.records)
        self.has_review.setChecked(agreement.review_on is not None)
        self.review.setEnabled(agreement.review_on is not None)
        if agreement.review_on:
            day = agreement.review_on
            self.review.setDate(QDate(day.year, day.month, day.day))
        self._show_reminder(agreement)
        self.status.setText("")
        self._changed = False  # filling the form is not typing

    def _show_reminder(self, agreement: Agreement) -> None:
        due = agreement.review_on is not None and agreement.review_due(self.service.today())
        self.reminder.setVisible(due)
        if agreement.review_on is not None and due:
            self.reminder.setText(
                tr("Time to review this agreement together (review date {date}).").format(
                    date=interface_words().day(agreement.review_on)
                )
            )

    def save(self) -> None:
        if self.supervisee_id is None:
            return
        review = self.review.date().toPython() if self.has_review.isChecked() else None
        agreement = Agreement(
            self.supervisee_id,
            self.frequency.text().strip(),
            self.aims.toPlainText().strip(),
            self.confidentiality.toPlainText().strip(),
            self.records.toPlainText().strip(),
            review,  # type: ignore[arg-type]
        )
        try:
            self.service.save_agreement(agreement)
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        except Exception as error:  # noqa: BLE001 - a full disk, a read-only folder: say so
            self.status.setText(
                tr("Not saved yet: {error}").format(error=message_in_language(error))
            )
            return
        self._changed = False
        self._show_reminder(agreement)
        self.status.setText(tr("Saved."))


class RatingsPanel(QWidget):
    """The supervisor's own brief rating after a session; the supervisee's arrive only if
    they chose to send them."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = session.supervision
        self.supervisee_id: int | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "How is supervision working? After a session, rate it briefly. Your ratings "
                "stay in this profile."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rows: dict[str, RatingRow] = {}
        for key, text in RATING_ITEMS:
            row = RatingRow(tr(text), [tr(w) for w in RATING_WORDS], minimum=1)
            self.rows[key] = row
            layout.addWidget(row)
        self.comment = QLineEdit()
        self.comment.setAccessibleName(tr("Comment"))
        self.comment.setPlaceholderText(tr("Anything to remember about this session (optional)"))
        layout.addWidget(self.comment)
        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("Save rating"))
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.history = QListWidget()
        self.history.setAccessibleName(tr("Earlier ratings"))
        layout.addWidget(self.history, 1)
        self.save_button.clicked.connect(self.save)
        self.show_for(None)

    def show_for(self, supervisee_id: int | None) -> None:
        self.supervisee_id = supervisee_id
        self.history.clear()
        words = interface_words()
        labels = dict(RATING_ITEMS)
        for rating in reversed(self.service.log.ratings()):
            if supervisee_id is not None and rating.supervisee_id not in (None, supervisee_id):
                continue
            who = tr("by me") if rating.role == "supervisor" else tr("by the supervisee")
            scores = ", ".join(
                f"{tr(labels[k])}: {v}/5" for k, v in rating.scores.items() if k in labels
            )
            self.history.addItem(f"{words.day(rating.rated_on)} · {who} · {scores}")
        # Ratings a supervisee chose to send with a packet.
        if supervisee_id is not None:
            for _row, packet in self.service.packets(supervisee_id):
                if packet.rating:
                    scores = ", ".join(
                        f"{tr(labels[k])}: {v}/5" for k, v in packet.rating.items() if k in labels
                    )
                    when = words.day(packet.created_at)
                    self.history.addItem(f"{when} · {tr('by the supervisee')} · {scores}")
        if self.history.count() == 0:
            empty = QListWidgetItem(tr("No ratings yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.history.addItem(empty)

    def save(self) -> None:
        scores = {k: r.value() for k, r in self.rows.items() if r.value() is not None}
        try:
            self.service.log.rate(
                SessionRating(
                    date.today(),
                    {k: int(v) for k, v in scores.items() if v is not None},
                    "supervisor",
                    self.supervisee_id,
                    comment=self.comment.text().strip(),
                )
            )
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        except Exception as error:  # noqa: BLE001 - a full disk, a read-only folder: say so
            self.status.setText(
                tr("Not saved yet: {error}").format(error=message_in_language(error))
            )
            return
        for row in self.rows.values():
            row.set_value(None)
        self.comment.clear()
        self.status.setText(tr("Saved."))
        self.show_for(self.supervisee_id)
