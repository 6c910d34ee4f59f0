"""Settings → Contribute to my team…: choose the months, read in words exactly what will be
shared, then save the file. What is previewed is the very object that is written."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.team_contribution import Contribution
from reflect.domain.team_sentences import BUCKET_LABELS, SCORE_LABELS, month_date
from reflect.services.session import Session
from reflect.services.team_contribute import (
    build_contribution,
    month_of,
    shift_month,
    write_contribution,
)
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_words, tr
from reflect.ui.native_dialogs import save_file_name
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

MONTHS_OFFERED = 24


def preview_html(contribution: Contribution, names: dict[tuple[str, str], str]) -> str:
    """The contribution in words: every figure it holds, and what it never holds."""
    words = interface_words()
    parts = [
        "<p>"
        + tr(
            "This file holds only the figures below, under a random number drawn for this file, "
            "and for each month a code made from a secret kept in your profile. A month has "
            "the same code in every file you send, so your coordinator can tell that two of "
            "your files cover the same month and counts you once; files that share no month "
            "cannot be linked. No names, no text you wrote, no days (only months), nothing "
            "from debriefs."
        )
        + "</p>"
    ]
    for month in contribution.months:
        items = []
        if month.checkins:
            scores = ", ".join(
                tr("{category} {value}").format(
                    category=tr(SCORE_LABELS[key]), value=words.num(value)
                )
                for key, value in month.checkins.items()
            )
            items.append(
                tr("Check-in medians (0-4, to the nearest half): {scores}").format(scores=scores)
            )
        else:
            items.append(tr("No check-in figures"))
        for q in month.questionnaires:
            name = names.get((q.instrument, q.subscale)) or f"{q.instrument} {q.subscale}"
            items.append(
                tr("{questionnaire}: the band '{band}' (not the score)").format(
                    questionnaire=escape(name), band=escape(tr(q.band.replace("_", " ")))
                )
            )
        items.append(
            tr("Reflections: {bucket}").format(bucket=tr(BUCKET_LABELS[month.reflections]))
        )
        rows = "".join(f"<li>{item}</li>" for item in items)
        parts.append(f"<p><b>{escape(words.month(month_date(month.month)))}</b></p><ul>{rows}</ul>")
    return "".join(parts)


class TeamContributeDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.session = session
        self.contribution: Contribution | None = None
        self.written: Path | None = None
        self.setWindowTitle(tr("Contribute to my team"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Sending a file is your choice. Whoever receives it can open it and read the "
                "figures below, never anything you wrote. The Team screen shows figures only "
                "where at least five people contributed, but that cannot hide what one file "
                "says: to stay anonymous, send it so that no one can tell it is yours (a "
                "folder the whole team drops files into, not an e-mail from you). Read below "
                "exactly what it holds before you save it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        current = month_of(date.today())
        months = [shift_month(current, -i) for i in range(MONTHS_OFFERED)]
        words = interface_words()
        self.from_combo, self.to_combo = QComboBox(), QComboBox()
        for combo in (self.from_combo, self.to_combo):
            for month in months:
                combo.addItem(words.month(month_date(month)), month)
        self.from_combo.setCurrentIndex(2)  # the last three months by default
        self.from_combo.setAccessibleName(tr("First month"))
        self.to_combo.setAccessibleName(tr("Last month"))
        from_label, to_label = QLabel(tr("&From")), QLabel(tr("&to"))
        from_label.setBuddy(self.from_combo)
        to_label.setBuddy(self.to_combo)
        row.addWidget(from_label)
        row.addWidget(self.from_combo)
        row.addWidget(to_label)
        row.addWidget(self.to_combo)
        row.addStretch(1)
        layout.addLayout(row)

        self.preview = QTextBrowser()
        self.preview.setAccessibleName(tr("What will be shared"))
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(tr("&Save the file…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.choose_file)
        layout.addWidget(buttons)

        self.from_combo.currentIndexChanged.connect(self.update_preview)
        self.to_combo.currentIndexChanged.connect(self.update_preview)
        self.update_preview()

    def update_preview(self) -> None:
        first, last = self.from_combo.currentData(), self.to_combo.currentData()
        try:
            self.contribution = build_contribution(self.session, first, last)
        except ReflectError as exc:
            self.contribution = None
            self.preview.setPlainText(message_in_language(exc))
            self.save_button.setEnabled(False)
            return
        names = {
            (d.id, s.id): f"{d.short_name} · {tr(s.label)}"
            for d in self.session.instruments.definitions()
            for s in d.subscales
        }
        self.preview.setHtml(preview_html(self.contribution, names))
        self.save_button.setEnabled(True)

    def choose_file(self) -> None:
        chosen, _ = save_file_name(
            self,
            tr("Save the contribution"),
            str(Path.home() / f"{tr('team-contribution')}.json"),
            tr("Contributions (*.json)"),
        )
        if chosen:
            path = Path(chosen) if Path(chosen).suffix else Path(chosen + ".json")
            self.save_to(path)

    def save_to(self, path: Path) -> bool:
        if self.contribution is None:
            return False
        try:
            write_contribution(self.contribution, path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                tr("Not saved"),
                tr("The file could not be written: {reason}").format(reason=exc.strerror or exc),
            )
            return False
        self.written = path
        QMessageBox.information(
            self,
            tr("Contribution saved"),
            tr(
                "Saved to {path}. You can open it in any text editor to read it before sending."
            ).format(path=str(path)),
        )
        self.accept()
        return True
