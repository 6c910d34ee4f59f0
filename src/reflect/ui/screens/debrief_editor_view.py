"""The widgets of the Debrief screen (mixed into ``DebriefScreen``).

A heading; on the left the history and open actions; on the right the details of the
debrief (title, supervisor, when, topics), what to share beside a preview of it, and the
buttons: save, export, send to a supervisor, import a reply, start debrief mode.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.services.debrief import DebriefService
from reflect.services.debrief_content import VOLUNTARY_NOTE
from reflect.ui.i18n import interface_locale, tr
from reflect.ui.widgets.debrief_sidebar import DebriefSidebar
from reflect.ui.widgets.reflection_parts import ReflectionPartsChooser
from reflect.ui.widgets.share_picker import SharePicker
from reflect.ui.widgets.share_preview import SharePreview
from reflect.ui.widgets.wall_clock import hold_wall_clock


class DebriefEditorView:
    """Builds the screen's widgets as attributes of the screen it is mixed into."""

    def _build_view(self, outer: QVBoxLayout, split: QSplitter, service: DebriefService) -> None:
        # A title that says what the screen is for, before any list or form.
        self.heading = QLabel(
            "<h2>"
            + tr("Debrief with your supervisor")
            + "</h2>"
            + tr(
                "Prepare what you want to talk about, choose what to share, then go through it "
                "together in debrief mode."
            )
        )
        self.heading.setWordWrap(True)
        self.heading.setObjectName("screenHeading")
        outer.addWidget(self.heading)
        outer.addWidget(split)

        # Left column: history and open actions.
        self.sidebar = DebriefSidebar(service)
        self.history = self.sidebar.history
        self.open_actions = self.sidebar.open_actions
        self.undo_button = self.sidebar.undo_button
        self.new_button = self.sidebar.new_button
        self.delete_button = self.sidebar.delete_button
        split.addWidget(self.sidebar)

        # Right: the editor.
        editor = QWidget()
        right = QVBoxLayout(editor)
        intro = QLabel(tr(VOLUNTARY_NOTE))
        intro.setWordWrap(True)
        right.addWidget(intro)
        self._build_details(right)
        self._build_sharing(right)
        self._build_actions(right)
        split.addWidget(editor)
        split.setSizes([280, 720])

    def _build_details(self, right: QVBoxLayout) -> None:
        """Title, supervisor, when and topics."""
        form = QFormLayout()
        self.title = QLineEdit()
        self.supervisor = QLineEdit()
        self.supervisor.setPlaceholderText(tr("Optional"))
        self.when = QDateTimeEdit()
        hold_wall_clock(self.when)
        self.when.setLocale(interface_locale())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy HH:mm")
        self.topics = QPlainTextEdit()
        self.topics.setPlaceholderText(tr("One topic per line, e.g. sleep after late shifts"))
        self.topics.setMaximumHeight(90)
        self.title.setAccessibleName(tr("Title"))
        self.supervisor.setAccessibleName(tr("Supervisor"))
        self.when.setAccessibleName(tr("When"))
        self.topics.setAccessibleName(tr("Topics"))
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Supervisor"), self.supervisor)
        form.addRow(tr("When"), self.when)
        form.addRow(tr("Topics"), self.topics)
        right.addLayout(form)

    def _build_sharing(self, right: QVBoxLayout) -> None:
        """What to share, beside a preview of it (and the parts of a reflection to share)."""
        self.picker = SharePicker()
        self.preview = SharePreview()
        self.parts = ReflectionPartsChooser()
        self.parts.hide()
        looking = QWidget()
        looking_box = QVBoxLayout(looking)
        looking_box.setContentsMargins(0, 0, 0, 0)
        looking_box.addWidget(self.preview, 1)
        looking_box.addWidget(self.parts)
        choose = QSplitter(Qt.Orientation.Horizontal)
        choose.setChildrenCollapsible(False)
        choose.addWidget(self.picker)
        choose.addWidget(looking)
        choose.setSizes([420, 380])
        right.addWidget(choose, 1)

    def _build_actions(self, right: QVBoxLayout) -> None:
        """The status line and the buttons; replies from the supervisor above the last row."""
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        self.save_button = QPushButton(tr("Save"))
        self.save_button.setToolTip(tr("Save (Ctrl+S)"))
        self.start_button = QPushButton(tr("Start debrief mode"))
        self.start_button.setDefault(True)
        # "Export:" once, then the two formats: two "Export …" buttons side by side made the
        # screen wider than a laptop at large type in French.
        self.markdown_button = QPushButton(tr("Markdown…"))
        self.markdown_button.setAccessibleName(tr("Export Markdown…"))
        self.markdown_button.setToolTip(tr("Export Markdown…"))
        self.pdf_button = QPushButton(tr("PDF…"))
        self.pdf_button.setAccessibleName(tr("Export PDF…"))
        self.pdf_button.setToolTip(tr("Export PDF…"))
        row.addWidget(self.save_button)
        # Supervision by files (issue 17): the packet of this debrief, and a reply back.
        self.send_button = QPushButton(tr("Send to supervisor…"))
        self.send_button.setToolTip(
            tr("Seal what this debrief shares into a file only your supervisor can open")
        )
        self.reply_button = QPushButton(tr("Import reply…"))
        # A row of their own: beside Save and the exports they made the screen too wide at
        # large type in French.
        supervision_row = QHBoxLayout()
        supervision_row.addWidget(self.send_button)
        supervision_row.addWidget(self.reply_button)
        supervision_row.addStretch(1)
        row.addStretch(1)
        row.addWidget(QLabel(tr("Export:")))
        row.addWidget(self.markdown_button)
        row.addWidget(self.pdf_button)
        right.addLayout(row)
        right.addLayout(supervision_row)
        # The main action on a row of its own, beside the status: four buttons in one row
        # would not fit at larger type or in French.
        last = QHBoxLayout()
        self.replies = QLabel()
        self.replies.setWordWrap(True)
        self.replies.setTextFormat(Qt.TextFormat.PlainText)
        self.replies.setAccessibleName(tr("Replies from your supervisor"))
        right.addWidget(self.replies)
        last.addWidget(self.status, 1)
        last.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignBottom)
        right.addLayout(last)
