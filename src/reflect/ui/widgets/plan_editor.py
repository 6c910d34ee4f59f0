"""Edit My plan: warning signs, what helps, people to call, boundaries. Saved as you type.

Changes are saved a moment after typing stops (and before locking), so nothing written here
is lost; printing and saving as PDF are explicit and warn that the copy is not encrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.my_plan import (
    LIST_SECTIONS,
    SECTION_LABELS,
    SECTION_PROMPTS,
    MyPlan,
    PlanPerson,
    entries_from_text,
)
from reflect.ui.asked_across_lock import Button, ask_yes
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import local_date, tr, tr_list
from reflect.ui.native_dialogs import print_accepted, save_file_name
from reflect.ui.widgets.confirm import confirm_destructive
from reflect.ui.widgets.plan_printout import plan_html, write_plan_pdf

AUTOSAVE_MS = 1500
PDF_WARNING = (
    "The PDF will not be encrypted: anyone who can open the file can read your plan. "
    "Save it somewhere private, and delete it when you no longer need it."
)


class PlanEditor(QWidget):
    saved = Signal()

    def __init__(
        self,
        resources,
        printout_extras: Callable[[], tuple] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.resources = resources
        self._printout_extras = printout_extras or (lambda: ((), ()))
        self._dirty = False
        self._loading = False
        self.setAccessibleName(tr("My plan"))

        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Write this on a steadier day so it is ready on a hard one. One idea per line. "
                "It is saved in your encrypted profile as you type."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid = QGridLayout()
        self.section_edits: dict[str, QPlainTextEdit] = {}
        positions = {"warning_signs": (0, 0), "what_helps": (0, 1), "boundaries": (2, 1)}
        for section in LIST_SECTIONS:
            row, col = positions[section]
            grid.addWidget(self._heading(section), row, col)
            edit = QPlainTextEdit()
            edit.setPlaceholderText(tr(SECTION_PROMPTS[section]))
            edit.setAccessibleName(tr(SECTION_LABELS[section]))
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._on_edited)
            grid.addWidget(edit, row + 1, col)
            self.section_edits[section] = edit
        grid.addWidget(self._heading("people"), 2, 0)
        people_box = self._people_box()
        grid.addLayout(people_box, 3, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid, 1)

        bottom = self._bottom_row()
        layout.addLayout(bottom)

        self._connect_signals()
        self.load()

    def _people_box(self) -> QVBoxLayout:
        """People I can reach: a table with buttons to add and remove a row."""
        people_box = QVBoxLayout()
        self.people_table = QTableWidget(0, 3)
        self.people_table.setHorizontalHeaderLabels(tr_list(["Who", "How to reach", "When or why"]))
        # Each column as wide as its heading and entries, the last one taking what is left:
        # three equal columns cut "Quand ou pourquoi" at the smallest window in French. A
        # long entry makes the table scroll sideways rather than cutting it.
        header = self.people_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.people_table.verticalHeader().setVisible(False)
        self.people_table.setAccessibleName(tr(SECTION_LABELS["people"]))
        self.people_table.setToolTip(tr(SECTION_PROMPTS["people"]))
        self.people_table.itemChanged.connect(lambda _item: self._on_edited())
        people_box.addWidget(self.people_table)
        people_buttons = QHBoxLayout()
        self.add_person_button = QPushButton(tr("Add person"))
        self.remove_person_button = QPushButton(tr("Remove selected"))
        people_buttons.addWidget(self.add_person_button)
        people_buttons.addWidget(self.remove_person_button)
        people_buttons.addStretch(1)
        people_box.addLayout(people_buttons)
        return people_box

    def _bottom_row(self) -> QHBoxLayout:
        """The save status, then Save now, Print and Save as PDF."""
        bottom = QHBoxLayout()
        self.status_label = QLabel("")
        self.status_label.setAccessibleName(tr("Save status"))
        bottom.addWidget(self.status_label, 1)
        self.save_button = QPushButton(tr("Save now"))
        self.save_button.setToolTip(tr("Save (Ctrl+S); the plan also saves itself as you type"))
        self.print_button = QPushButton(tr("Print…"))
        self.pdf_button = QPushButton(tr("Save as PDF…"))
        for button in (self.save_button, self.print_button, self.pdf_button):
            bottom.addWidget(button)
        return bottom

    def _connect_signals(self) -> None:
        """Autosave after a pause in typing; Ctrl+S saves at once."""
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        self.add_person_button.clicked.connect(self._on_add_person_clicked)
        self.remove_person_button.clicked.connect(self._on_remove_person_clicked)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)

    @staticmethod
    def _heading(section: str) -> QLabel:
        heading = f"<b>{escape(tr(SECTION_LABELS[section]), quote=False)}</b>"
        label = QLabel(heading)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    # --- load and save --------------------------------------------------------------------

    def load(self) -> None:
        self._loading = True
        try:
            plan = self.resources.load_plan()
            for section, edit in self.section_edits.items():
                edit.setPlainText("\n".join(getattr(plan, section)))
            self.people_table.setRowCount(0)
            for person in plan.people:
                self._append_person(person)
        finally:
            self._loading = False
        self._dirty = False
        self._show_saved(plan)

    def plan(self) -> MyPlan:
        """The plan as currently typed (not yet validated)."""
        people = []
        for row in range(self.people_table.rowCount()):
            cells = [self.people_table.item(row, col) for col in range(3)]
            name, reach, note = (cell.text() if cell else "" for cell in cells)
            people.append(PlanPerson(name, reach, note))
        lists = {s: entries_from_text(e.toPlainText()) for s, e in self.section_edits.items()}
        return MyPlan(
            warning_signs=lists.get("warning_signs", []),
            what_helps=lists.get("what_helps", []),
            people=people,
            boundaries=lists.get("boundaries", []),
        )

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def save(self) -> bool:
        """Save if anything changed; on a problem keep the text and say what to fix."""
        self._autosave.stop()
        if not self._dirty:
            return True
        try:
            saved = self.resources.save_plan(self.plan())
        except Exception as exc:  # noqa: BLE001 - a full disk too: keep the text, say so
            self.status_label.setText(
                tr("Not saved yet: {error}").format(error=message_in_language(exc))
            )
            return False
        self._dirty = False
        self._show_saved(saved)
        self.saved.emit()
        return True

    def _show_saved(self, plan: MyPlan) -> None:
        if plan.updated_at is None:
            self.status_label.setText(tr("Nothing written yet."))
        else:
            self.status_label.setText(
                tr("Saved {when}.").format(when=local_date(plan.updated_at, "d MMM yyyy, HH:mm"))
            )

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.status_label.setText(tr("Unsaved changes…"))
        self._autosave.start()

    # --- people ---------------------------------------------------------------------------

    def _append_person(self, person: PlanPerson) -> None:
        row = self.people_table.rowCount()
        self.people_table.insertRow(row)
        for col, value in enumerate((person.name, person.how_to_reach, person.note)):
            self.people_table.setItem(row, col, QTableWidgetItem(value))

    def _on_add_person_clicked(self) -> None:
        self._append_person(PlanPerson(""))
        row = self.people_table.rowCount() - 1
        self.people_table.setCurrentCell(row, 0)
        item = self.people_table.item(row, 0)
        if item is not None:
            self.people_table.editItem(item)

    def _on_remove_person_clicked(self) -> None:
        rows = sorted({index.row() for index in self.people_table.selectedIndexes()}, reverse=True)
        if not rows:
            return
        cells = [self.people_table.item(r, 0) for r in rows]
        names = [(cell.text() if cell else "") or tr("this person") for cell in cells]
        if not confirm_destructive(
            self,
            tr("Remove from My plan"),
            tr("Remove {names} from your plan?").format(names=", ".join(names)),
            tr("Remove"),
        ):
            return
        for row in rows:
            self.people_table.removeRow(row)
        self._on_edited()

    # --- printing -------------------------------------------------------------------------

    def printout_html(self) -> str:
        lines, contacts = self._printout_extras()
        return plan_html(self.plan().cleaned(), lines, contacts)

    def _on_print_clicked(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        try:
            html = self.printout_html()
        except ReflectError as exc:
            QMessageBox.warning(self, tr("Cannot print yet"), message_in_language(exc))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not print_accepted(QPrintDialog(printer, self)):
            return
        document = QTextDocument()
        document.setHtml(html)
        document.print_(printer)

    def _on_pdf_clicked(self) -> None:
        if not ask_yes(
            self,
            tr("Save My plan as PDF"),
            tr(PDF_WARNING),
            buttons=Button.Save | Button.Cancel,
            default=Button.NoButton,
            yes=Button.Save,
            warning=True,
        ):
            return
        path, _filter = save_file_name(
            self, tr("Save My plan as PDF"), str(Path.home() / "my-plan.pdf"), "PDF (*.pdf)"
        )
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> bool:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_plan_pdf(path, self.printout_html())
        except (ReflectError, OSError) as exc:
            QMessageBox.warning(
                self,
                tr("PDF not saved"),
                tr("The PDF could not be saved: {error}").format(error=message_in_language(exc)),
            )
            return False
        self.status_label.setText(tr("Saved a PDF copy to {path}.").format(path=path))
        return True
