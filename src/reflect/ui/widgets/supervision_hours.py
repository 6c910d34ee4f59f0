"""The hours log: sessions held (date, length, individual or group, format), totals per
supervisee and per year, and exports as CSV or PDF (plain files, after a warning)."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.supervision import FORMAT_LABELS, KIND_LABELS, HoursEntry
from reflect.paths import write_private_file
from reflect.services.session import Session
from reflect.ui.asked_across_lock import ask_yes
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_locale, interface_words, number, tr
from reflect.ui.native_dialogs import save_file_name
from reflect.ui.pdf_render import html_to_pdf
from reflect.ui.widgets.wall_clock import keep_kept_years

PLAIN_WARNING = (
    "The hours log will be saved as a normal, unencrypted file that anyone with access to "
    "the computer can open. It holds dates, lengths and supervisees' names. Continue?"
)


def _hours(minutes: int) -> str:
    return number(round(minutes / 60, 2))


def hours_html(session: Session) -> str:
    """The log and its totals as HTML for Qt's PDF writer."""
    service = session.supervision
    words = interface_words()
    names = {p.id: p.name for p in service.supervisees()}
    rows = "".join(
        "<tr>"
        f"<td>{words.day(e.held_on)}</td><td>{_hours(e.minutes)}</td>"
        f"<td>{escape(tr(KIND_LABELS[e.kind]))}</td><td>{escape(tr(FORMAT_LABELS[e.format]))}</td>"
        f"<td>{escape(names.get(e.supervisee_id, '') if e.supervisee_id else '')}</td>"
        f"<td>{escape(e.note)}</td></tr>"
        for e in service.log.hours()
    )
    totals = "".join(
        f"<li>{t['year']} · {escape(t['supervisee'] or tr('Group or other'))}: "
        f"{_hours(int(t['minutes']))} h</li>"
        for t in service.log.hours_totals()
    )
    head = "".join(
        f"<th align='left'>{escape(tr(h))}</th>"
        for h in ("Date", "Hours", "Kind", "Format", "Supervisee", "Note")
    )
    return (
        f"<h1>{escape(tr('Supervision hours'))}</h1>"
        f"<table cellspacing='0' cellpadding='4' border='1' width='100%'><tr>{head}</tr>"
        f"{rows}</table><h2>{escape(tr('Totals'))}</h2><ul>{totals}</ul>"
    )


def render_hours_pdf(session: Session) -> bytes:
    return html_to_pdf(hours_html(session), tr("Supervision hours"))


class HoursLog(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = session.supervision
        layout = QVBoxLayout(self)
        self._build_table()
        layout.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)

        form = self._entry_row()
        layout.addLayout(form)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.delete_button = QPushButton(tr("Delete selected"))
        self.csv_button = QPushButton(tr("Export CSV…"))
        self.pdf_button = QPushButton(tr("Export PDF…"))
        row.addWidget(self.status, 1)
        row.addWidget(self.delete_button)
        row.addWidget(self.csv_button)
        row.addWidget(self.pdf_button)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete_selected)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.refresh()

    def _build_table(self) -> None:
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(tr("Supervision hours"))
        self.table.setHorizontalHeaderLabels(
            [tr("Date"), tr("Hours"), tr("Kind"), tr("Format"), tr("Supervisee"), tr("Note")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # whole headings
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)

    def _entry_row(self) -> QVBoxLayout:
        """Date, length, kind, format, supervisee and note for a new session."""
        form = QVBoxLayout()
        self.day = QDateEdit(QDate.currentDate())
        keep_kept_years(self.day)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.day.setLocale(interface_locale())
        self.day.setAccessibleName(tr("Date"))
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 720)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(60)
        self.minutes.setSuffix(tr(" min"))
        self.minutes.setAccessibleName(tr("Length in minutes"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind"))
        for key, label in KIND_LABELS.items():
            self.kind.addItem(tr(label), key)
        self.format = QComboBox()
        self.format.setAccessibleName(tr("Format"))
        for key, label in FORMAT_LABELS.items():
            self.format.addItem(tr(label), key)
        self.who = QComboBox()
        self.who.setAccessibleName(tr("Supervisee"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Note (optional)"))
        self.note.setAccessibleName(tr("Note"))
        self.add_button = QPushButton(tr("Log session"))
        # Two lines: on one, the note was squeezed to a letter (and in French the row set
        # the whole window's minimum width past its default size).
        facts = QHBoxLayout()
        for widget in (self.day, self.minutes, self.kind, self.format, self.who):
            facts.addWidget(widget)
        facts.addStretch(1)
        form.addLayout(facts)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.add_button)
        form.addLayout(note_row)
        return form

    def refresh(self, supervisee_id: int | None = None) -> None:
        current = supervisee_id if supervisee_id is not None else self.who.currentData()
        self.who.clear()
        self.who.addItem(tr("Group or other"), None)
        for person in self.service.supervisees():
            self.who.addItem(person.name, person.id)
            if person.id == current:
                self.who.setCurrentIndex(self.who.count() - 1)
        names = {p.id: p.name for p in self.service.supervisees()}
        words = interface_words()
        entries = list(reversed(self.service.log.hours()))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (
                words.day(entry.held_on),
                _hours(entry.minutes),
                tr(KIND_LABELS[entry.kind]),
                tr(FORMAT_LABELS[entry.format]),
                names.get(entry.supervisee_id, "") if entry.supervisee_id else "",
                entry.note,
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, column, item)
        totals = [
            tr("{year}, {who}: {hours} h").format(
                year=t["year"],
                who=t["supervisee"] or tr("Group or other"),
                hours=_hours(int(t["minutes"])),
            )
            for t in self.service.log.hours_totals()
        ]
        self.totals.setText(
            tr("Totals: {list}").format(list="; ".join(totals))
            if totals
            else tr("No hours logged yet.")
        )
        has_rows = bool(entries)
        for button in (self.delete_button, self.csv_button, self.pdf_button):
            button.setEnabled(has_rows)

    def add(self) -> None:
        entry = HoursEntry(
            self.day.date().toPython(),  # type: ignore[arg-type]
            int(self.minutes.value()),
            str(self.kind.currentData()),
            str(self.format.currentData()),
            self.who.currentData(),
            self.note.text().strip(),
        )
        try:
            self.service.log.add_hours(entry)
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        except Exception as error:  # noqa: BLE001 - a full disk, a read-only folder: say so
            self.status.setText(
                tr("Not saved yet: {error}").format(error=message_in_language(error))
            )
            return
        self.note.clear()
        self.status.setText(tr("Logged."))
        self.refresh()

    def delete_selected(self) -> None:
        item = self.table.currentItem()
        if item is None:
            return
        if ask_yes(
            self,
            tr("Delete this session from the log?"),
            tr("The hours of this session will no longer count in the totals."),
        ):
            self.service.log.delete_hours(int(item.data(Qt.ItemDataRole.UserRole)))
            self.refresh()

    def export_bytes(self, kind: str) -> bytes:
        return self.service.log.hours_csv() if kind == "csv" else render_hours_pdf(self.session)

    def export_to(self, kind: str, path: Path) -> None:
        write_private_file(path, self.export_bytes(kind))  # 0600, atomic

    def export(self, kind: str) -> None:
        if not ask_yes(self, tr("Save a plain copy?"), tr(PLAIN_WARNING)):
            return
        suffix = ".csv" if kind == "csv" else ".pdf"
        path, _ = save_file_name(
            self,
            tr("Export supervision hours"),
            str(Path.home() / f"supervision-hours-{date.today().year}{suffix}"),
            "CSV (*.csv)" if kind == "csv" else "PDF (*.pdf)",
        )
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path + suffix)
        try:
            self.export_to(kind, target)
        except OSError as error:
            self.status.setText(
                tr("Could not write {name}: {error}").format(
                    name=target.name, error=error.strerror or error
                )
            )
            return
        self.status.setText(tr("Saved to {path}. It is not encrypted.").format(path=target))
