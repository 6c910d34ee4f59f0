"""Rename and merge tags across the whole journal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.services.journal import JournalService
from reflect.ui.asked_across_lock import run_modal, unless_locked
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.widgets.dialog_fit import keep_content_visible
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole


class TagManagerDialog(QDialog):
    def __init__(self, journal: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Manage tags"))
        self.journal = journal
        self.changed_any = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Rename a tag everywhere it is used, or merge several tags into one. "
                "Select more than one (Ctrl+click) to merge."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tags = QListWidget()
        self.tags.setAccessibleName(tr("Tags and how many reflections use each"))
        self.tags.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # A handful of tags visible at once, however small the dialog is made.
        self.tags.setMinimumHeight(self.tags.fontMetrics().lineSpacing() * 6)
        layout.addWidget(self.tags, 1)
        self.empty = QLabel(tr("No tags yet. Tags you add to reflections appear here."))
        self.empty.setObjectName("emptyState")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.rename_button = QPushButton(tr("Rename…"))
        self.rename_button.setToolTip(tr("Rename the selected tag (F2)"))
        self.merge_button = QPushButton(tr("Merge…"))
        row.addWidget(self.rename_button)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.tags.itemSelectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self).activated.connect(self.rename_selected)
        self.ask_text = self._ask_text  # replaced in tests
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        keep_content_visible(self)  # its widest caption
        keep_wrapped_text_whole(self)  # its wrapped text, at the width it has
        self.resize(420, 420)
        self.reload()

    def reload(self) -> None:
        self.tags.clear()
        for tag, count in self.journal.tag_counts().items():
            label = tr("{tag} ({n})").format(tag=tag, n=count)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, tag)
            self.tags.addItem(item)
        has_tags = self.tags.count() > 0
        self.tags.setVisible(has_tags)
        self.empty.setVisible(not has_tags)
        if has_tags:
            self.tags.setCurrentRow(0)
        self._update_buttons()

    def selected(self) -> list[str]:
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in self.tags.selectedItems()]

    def _update_buttons(self) -> None:
        chosen = len(self.selected())
        self.rename_button.setEnabled(chosen == 1)
        self.merge_button.setEnabled(chosen >= 2)

    def _ask_text(self, title: str, label: str, value: str) -> str | None:
        answer = unless_locked(lambda: QInputDialog.getText(self, title, label, text=value))
        return answer[0] if answer is not None and answer[1] else None

    def rename_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        new = self.ask_text(
            tr("Rename tag"), tr("New name for “{tag}”:").format(tag=chosen[0]), chosen[0]
        )
        if new is not None:
            self._apply(chosen, new)

    def merge_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) < 2:
            return
        new = self.ask_text(
            tr("Merge tags"),
            tr("Merge {tags} into one tag named:").format(tags=", ".join(chosen)),
            chosen[0],
        )
        if new is None:
            return
        box = QMessageBox(self)
        box.setWindowTitle(tr("Merge tags"))
        box.setText(tr("Merging cannot be undone in one step. Merge these tags?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if self.confirm(box):
            self._apply(chosen, new)

    def confirm(self, box: QMessageBox) -> bool:
        return run_modal(box) == QMessageBox.StandardButton.Yes

    def _apply(self, tags: list[str], into: str) -> None:
        try:
            changed = self.journal.merge_tags(tags, into)
        except ReflectError as exc:
            QMessageBox.warning(self, tr("Tags"), message_in_language(exc))
            return
        self.changed_any = self.changed_any or changed > 0
        self.reload()
