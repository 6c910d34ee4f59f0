"""The action plan: each gap of the assessment leads to an action (what, who, by when, and a
date to review whether it helped)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.org_assessment import ActionItem
from reflect.services.session import Session
from reflect.ui.asked_across_lock import run_modal
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import follow_language, interface_words, tr
from reflect.ui.widgets.wall_clock import keep_kept_years

COLUMNS = ("Area", "What", "Who", "By when", "Review", "Status")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class TeamActionPlan(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team = session.team
        self.items: list[ActionItem] = []
        self.setAccessibleName(tr("Action plan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)

        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setAccessibleName(tr("Gaps without an action"))
        layout.addWidget(self.gaps_label)

        self._build_table()
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.done_button = QPushButton(tr("Mark &done"))
        self.delete_button = QPushButton(tr("&Delete…"))
        row.addStretch(1)
        row.addWidget(self.done_button)
        row.addWidget(self.delete_button)
        layout.addLayout(row)

        form_box = self._new_action_box()
        layout.addWidget(form_box)

        self.add_button.clicked.connect(self.add_action)
        self.done_button.clicked.connect(self.mark_done)
        self.delete_button.clicked.connect(self.confirm_delete)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.refresh()

    def _build_table(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(tr("Actions"))

    def _new_action_box(self) -> QGroupBox:
        """Area, what, who, by when and review date for a new action."""
        form_box = QGroupBox(tr("New action"))
        form = QFormLayout(form_box)
        self.area_combo = QComboBox()
        self.area_combo.setAccessibleName(tr("Area of the assessment"))
        self.what_edit = QLineEdit()
        self.what_edit.setPlaceholderText(tr("What will change, in one line"))
        self.who_edit = QLineEdit()
        self.who_edit.setPlaceholderText(tr("A role is enough, for example 'Team lead'"))
        today = date.today()
        self.by_edit = QDateEdit(_qdate(today + timedelta(days=42)))
        keep_kept_years(self.by_edit)
        self.by_edit.setCalendarPopup(True)
        self.review_edit = QDateEdit(_qdate(today + timedelta(days=90)))
        keep_kept_years(self.review_edit)
        self.review_edit.setCalendarPopup(True)
        for edit in (self.by_edit, self.review_edit):
            follow_language(edit)  # month names in the interface language
            edit.setDisplayFormat("d MMM yyyy")
        self.add_button = QPushButton(tr("&Add to the plan"))
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(tr("A&rea"), self.area_combo)
        form.addRow(tr("&What"), self.what_edit)
        form.addRow(tr("W&ho"), self.who_edit)
        form.addRow(tr("&By when"), self.by_edit)
        form.addRow(tr("Re&view on"), self.review_edit)
        form.addRow("", self.add_button)
        return form_box

    def refresh(self) -> None:
        words = interface_words()
        definition = self.team.assessment_definition()
        labels = {s.id: tr(s.label) for s in definition.subscales}
        gaps = self.team.gaps_to_plan()
        current = self.area_combo.currentData()
        self.area_combo.clear()
        gap_ids = [g.domain for g in gaps]
        for domain in [*gap_ids, *[d for d in labels if d not in gap_ids]]:
            self.area_combo.addItem(labels.get(domain, domain), domain)
        if current is not None and self.area_combo.findData(current) >= 0 and not gap_ids:
            self.area_combo.setCurrentIndex(self.area_combo.findData(current))
        if gaps:
            names = ", ".join(labels.get(g.domain, g.label) for g in gaps)
            self.gaps_label.setText(
                tr("These gaps have no action yet: {areas}. Add one below.").format(areas=names)
            )
        elif self.team.latest_assessment() is None:
            self.gaps_label.setText(tr("Do the self-assessment first: each gap leads here."))
        else:
            self.gaps_label.setText(tr("Every gap of the latest assessment has an action."))
        self.items = self.team.actions()
        self.table.setRowCount(len(self.items))
        for index, item in enumerate(self.items):
            status = (
                tr("done {date}").format(date=words.day(item.done_on))
                if item.done_on
                else tr("open")
            )
            cells = (
                labels.get(item.domain, item.domain),
                item.what,
                item.who,
                words.day(item.by_when),
                words.day(item.review_on),
                status,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.table.setItem(index, column, cell)
        self._sync_buttons()

    def _selected(self) -> ActionItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _sync_buttons(self) -> None:
        selected = self._selected()
        self.done_button.setEnabled(selected is not None and selected.done_on is None)
        self.delete_button.setEnabled(selected is not None)

    def add_action(self) -> ActionItem | None:
        latest = self.team.latest_assessment()
        item = ActionItem(
            domain=str(self.area_combo.currentData() or ""),
            what=self.what_edit.text(),
            who=self.who_edit.text(),
            by_when=_pydate(self.by_edit.date()),
            review_on=_pydate(self.review_edit.date()),
            assessment_id=latest.id if latest else None,
        )
        try:
            saved = self.team.save_action(item)
        except Exception as exc:  # noqa: BLE001 - a full disk too: keep the text, say so
            QMessageBox.warning(self, tr("Not added"), message_in_language(exc))
            return None
        self.what_edit.clear()
        self.who_edit.clear()
        self.refresh()
        return saved

    def mark_done(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.team.mark_done(selected)
            self.refresh()

    def confirm_delete(self) -> None:
        selected = self._selected()
        if selected is None or selected.id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Delete this action?"),
            tr("The action is removed from the plan."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) == QMessageBox.StandardButton.Yes:
            self.team.delete_action(selected.id)
            self.refresh()
