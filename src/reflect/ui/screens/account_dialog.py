"""Write a professional reflective account from chosen reflections, then export it.

The draft gathers the matching answers of the ticked reflections; the person rewrites each
part. The identity guard checks the title and every part as they type: each thing it notices
is listed with a box to tick once checked, and export stays unavailable until every one is
ticked (or changed so the guard no longer sees it). The service refuses the export as well.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.journal import JournalFilter, snippet_of
from reflect.domain.reflective_account import AccountFinding, ReflectiveAccount
from reflect.services.accounts import account_markdown, finding_key
from reflect.services.session import Session
from reflect.ui.asked_across_lock import ask_yes
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import follow_language, interface_words, local_date, tr
from reflect.ui.native_dialogs import save_file_name
from reflect.ui.pdf_render import html_to_pdf
from reflect.ui.widgets.wall_clock import keep_kept_years
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

CHOOSABLE = 200
DEFAULT_SHAPE = "reflective_account"


class AccountDialog(QDialog):
    def __init__(self, session: Session, ticked: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setWindowTitle(tr("Write a reflective account"))
        self.accounts = session.accounts
        self.journal = session.journal
        self.account: ReflectiveAccount | None = None
        self.findings: list[AccountFinding] = []
        self.confirmed: set[tuple[str, str]] = set()
        self._editors: dict[str, QPlainTextEdit] = {}
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(400)
        self._check_timer.timeout.connect(self.check_identity)
        self._build(ticked)
        self.resize(860, 720)

    # --- building -------------------------------------------------------------------------

    def _build(self, ticked: list[int]) -> None:
        root = QVBoxLayout(self)
        self._build_choices(root, ticked)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area.setWidget(self.body)
        root.addWidget(self.scroll_area, 1)
        # Until there is a draft, the empty space says what will appear in it.
        self.empty_note = QLabel(
            tr(
                "Your draft appears here. Tick one or more reflections above, then choose "
                "Draft from ticked reflections."
            )
        )
        self.empty_note.setWordWrap(True)
        self.empty_note.setObjectName("mutedLabel")
        self.body_layout.addWidget(self.empty_note)
        self.body_layout.addStretch(1)

        self.identity = QListWidget()
        self.identity.setAccessibleName(tr("Things that could identify someone"))
        self.identity.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.identity.setVisible(False)  # shown when the guard notices something
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        root.addWidget(self.identity_label)
        root.addWidget(self.identity)

        self._build_bottom(root)

        self.draft_button.clicked.connect(self.make_draft)
        self.identity.itemChanged.connect(self._on_identity_ticked)
        self.markdown_button.clicked.connect(lambda: self.export("markdown"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.close_button.clicked.connect(self.reject)
        if ticked:
            self.make_draft()
        self._update_export()

    def _build_choices(self, root: QVBoxLayout, ticked: list[int]) -> None:
        """What to do, the shape of the account and the reflections to draw on."""
        intro = QLabel(
            tr(
                "Tick the reflections to draw on and choose a shape. Reflect gathers your "
                "answers into a first draft; rewrite each part in your own words. Leave out "
                "anything that could identify a person you served or worked with."
            )
        )
        intro.setWordWrap(True)
        root.addWidget(intro)
        top = QHBoxLayout()
        self.shape = QComboBox()
        self.shape.setAccessibleName(tr("Shape of the account"))
        for shape in self.accounts.shapes():
            self.shape.addItem(tr(shape.name), shape.id)
        self.shape.setCurrentIndex(max(self.shape.findData(DEFAULT_SHAPE), 0))
        self.draft_button = QPushButton(tr("Draft from ticked reflections"))
        shape_label = QLabel(tr("&Shape:"))
        shape_label.setBuddy(self.shape)
        top.addWidget(shape_label)
        top.addWidget(self.shape, 1)
        top.addWidget(self.draft_button)
        root.addLayout(top)
        self.choices = QListWidget()
        self.choices.setAccessibleName(tr("Reflections to draw on"))
        self.choices.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        for row in self.journal.search(JournalFilter(), limit=CHOOSABLE):
            label = f"{local_date(row.occurred_at)} · {snippet_of(row.snippet, 80)}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id in ticked else Qt.CheckState.Unchecked
            )
            self.choices.addItem(item)
        root.addWidget(self.choices)

    def _build_bottom(self, root: QVBoxLayout) -> None:
        """The status line, Save Markdown…, Save PDF… and Close."""
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.markdown_button = QPushButton(tr("Save Markdown…"))
        self.pdf_button = QPushButton(tr("Save PDF…"))
        self.close_button = QPushButton(tr("Close"))
        bottom.addWidget(self.status, 1)
        for button in (self.markdown_button, self.pdf_button, self.close_button):
            bottom.addWidget(button)
        root.addLayout(bottom)

    def ticked_ids(self) -> list[int]:
        items = (self.choices.item(i) for i in range(self.choices.count()))
        return [
            int(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i is not None and i.checkState() == Qt.CheckState.Checked
        ]

    def make_draft(self) -> None:
        try:
            self.account = self.accounts.draft(self.ticked_ids(), str(self.shape.currentData()))
        except ReflectError as exc:
            self.status.setText(message_in_language(exc))
            return
        self.status.clear()
        self._show_account(self.account)
        self.check_identity()

    def _show_account(self, account: ReflectiveAccount) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()  # at once: deleteLater leaves it drawn until the next loop
                old.deleteLater()
        self._editors.clear()
        facts = QWidget()
        form = QFormLayout(facts)
        self.title = QLineEdit(account.title)
        self.title.setPlaceholderText(tr(account.shape.name))
        self.when = QDateEdit(QDate(account.when.year, account.when.month, account.when.day))
        keep_kept_years(self.when)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy")
        follow_language(self.when)  # "4 déc. 2026", not "4 Dec 2026", in French
        self.activity = QComboBox()
        self.activity.setEditable(True)
        for kind in account.shape.activity_kinds:
            self.activity.addItem(tr(kind), kind)
        self.activity.setCurrentText(tr(account.activity))
        form.addRow(tr("Title:"), self.title)
        form.addRow(tr("Date:"), self.when)
        form.addRow(tr("Kind of activity:"), self.activity)
        self.body_layout.addWidget(facts)
        for section in account.shape.sections:
            heading = QLabel("<b>" + tr(section.heading) + "</b>")
            heading.setWordWrap(True)
            self.body_layout.addWidget(heading)
            if section.guidance:
                hint = QLabel(tr(section.guidance))
                hint.setWordWrap(True)
                hint.setObjectName("fieldHelp")
                self.body_layout.addWidget(hint)
            edit = QPlainTextEdit(account.text_of(section))
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(tr(section.heading))
            edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
            edit.textChanged.connect(self._on_text_changed)
            self._editors[section.id] = edit
            self.body_layout.addWidget(edit)
        self.title.textChanged.connect(self._on_text_changed)
        self.body_layout.addStretch(1)

    # --- the identity guard ---------------------------------------------------------------

    def _read_form(self) -> ReflectiveAccount | None:
        account = self.account
        if account is None:
            return None
        account.title = self.title.text()
        when = self.when.date().toPython()
        account.when = when if isinstance(when, date) else account.when
        data = self.activity.currentData()
        account.activity = (
            str(data)
            if data and self.activity.currentText() == tr(str(data))
            else self.activity.currentText()
        )
        for section in account.shape.sections:
            text = self._editors[section.id].toPlainText()
            if section.is_standards:
                account.standards = text
            else:
                account.texts[section.id] = text
        return account

    def _on_text_changed(self) -> None:
        self._check_timer.start()
        self._update_export()

    def check_identity(self) -> None:
        account = self._read_form()
        if account is None:
            return
        self.findings = self.accounts.unconfirmed(account, set())
        keys = {finding_key(f) for f in self.findings}
        self.confirmed &= keys  # a changed text loses its old confirmations
        self.identity.blockSignals(True)
        self.identity.clear()
        for found in self.findings:
            text = tr("{part}: {kind} “{text}”. Ticked: I checked it identifies nobody.").format(
                part=tr(found.section.heading),
                kind=tr(found.finding.label),
                text=found.finding.text[:60],
            )
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            key = finding_key(found)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(
                Qt.CheckState.Checked if key in self.confirmed else Qt.CheckState.Unchecked
            )
            self.identity.addItem(item)
        self.identity.blockSignals(False)
        self.identity.setVisible(bool(self.findings))
        self.identity_label.setText(
            tr(
                "Reflect noticed things that could identify a person. "
                "Change them, or tick each one you have checked."
            )
            if self.findings
            else tr("Reflect noticed nothing that could identify a person.")
        )
        self._update_export()

    def _on_identity_ticked(self, item: QListWidgetItem) -> None:
        key = tuple(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.confirmed.add((str(key[0]), str(key[1])))
        else:
            self.confirmed.discard((str(key[0]), str(key[1])))
        self._update_export()

    def ready_to_export(self) -> bool:
        pending = self._check_timer.isActive()
        return (
            self.account is not None
            and not pending
            and all(finding_key(f) in self.confirmed for f in self.findings)
        )

    def _update_export(self) -> None:
        ready = self.ready_to_export()
        self.markdown_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    # --- export ---------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        self._check_timer.stop()
        self.check_identity()
        account = self._read_form()
        if account is None or not self.ready_to_export():
            return
        path = self.ask_path(kind)
        if path is None:
            return
        words = interface_words()
        markdown = account_markdown(account, tr, words.day)
        if kind == "pdf":
            data = html_to_pdf(_markdown_to_html(markdown), account.title or tr(account.shape.name))
        else:
            data = markdown.encode("utf-8")
        try:
            self.accounts.export(account, path, data, self.confirmed)
        except (OSError, ReflectError) as exc:
            why = message_in_language(exc) if isinstance(exc, ReflectError) else str(exc)
            self.status.setText(tr("Not saved: {why}").format(why=why))
            return
        self.status.setText(tr("Saved to {path}").format(path=path))

    def ask_path(self, kind: str):  # type: ignore[no-untyped-def]
        from pathlib import Path

        if not ask_yes(
            self,
            tr("Save a plain copy?"),
            tr("The account will be a normal, unencrypted file. Continue?"),
        ):
            return None
        suffix = ".pdf" if kind == "pdf" else ".md"
        path, _ = save_file_name(
            self, tr("Save the account"), str(Path.home() / (tr("reflective account") + suffix))
        )
        if not path:
            return None
        return Path(path) if Path(path).suffix else Path(path + suffix)


def _markdown_to_html(markdown: str) -> str:
    """The account's own small Markdown (headings, emphasis, paragraphs) as HTML for Qt."""
    from html import escape

    out: list[str] = []
    for block in markdown.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        if block.startswith("## "):
            out.append(f"<h2>{escape(block[3:])}</h2>")
        elif block.startswith("# "):
            out.append(f"<h1>{escape(block[2:])}</h1>")
        else:
            lines = []
            for line in block.splitlines():
                text = escape(line)
                if line.startswith("**") and "**" in line[2:]:
                    head, tail = line[2:].split("**", 1)
                    text = f"<b>{escape(head)}</b>{escape(tail)}"
                elif line.startswith("*") and line.endswith("*"):
                    text = f"<i>{escape(line.strip('*'))}</i>"
                lines.append(text)
            out.append("<p>" + "<br>".join(lines) + "</p>")
    return "\n".join(out)
