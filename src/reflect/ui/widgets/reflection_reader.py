"""A saved reflection to read: its questions and answers, clean and printable.

Opening a reflection from the Journal used to drop the person straight into the editor,
where one stray key changes what they wrote. Reading is now the default; "Edit" is a
separate, deliberate action. Only answered questions are shown, section by section.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.reflection import Reflection
from reflect.domain.templates import Template, TemplateField
from reflect.ui.i18n import local_date, tr
from reflect.ui.native_dialogs import print_accepted


def _answer(field: TemplateField, answers: dict[str, object]) -> str:
    """The answer to ``field`` in words, or "" when it was left empty."""
    if field.type == "rating":
        rating = answers.get(f"{field.id}.rating")
        note = str(answers.get(f"{field.id}.note") or "").strip()
        parts = [tr("{value} of 5").format(value=rating)] if rating is not None else []
        return " · ".join([*parts, note] if note else parts)
    value = answers.get(field.id)
    if field.type == "choice" and value:
        return tr(field.option_label(str(value)))
    if field.type == "yesno" and isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if field.type == "checklist" and isinstance(value, list):
        return ", ".join(tr(field.option_label(str(v))) for v in value)
    return str(value).strip() if isinstance(value, str) else ""


def reflection_html(reflection: Reflection, template: Template) -> str:
    """The reflection as simple HTML (headings, questions in bold, answers as paragraphs)."""

    def para(text: str) -> str:
        return escape(text).replace("\n", "<br>")

    when = local_date(reflection.occurred_at, "d MMMM yyyy, HH:mm")
    out = [f"<h2>{escape(tr(template.name))}</h2>", f"<p><i>{escape(when)}"]
    if reflection.setting:
        out[-1] += " · " + escape(tr(reflection.setting))
    out[-1] += "</i></p>"
    if reflection.intensity is not None or reflection.feelings:
        bits = []
        if reflection.intensity is not None:
            bits.append(tr("Intensity {value} of 10").format(value=reflection.intensity))
        if reflection.feelings:
            bits.append(", ".join(reflection.feelings))
        out.append(f"<p>{escape(' · '.join(bits))}</p>")
    for section in template.sections:
        answered = [(f, _answer(f, reflection.answers)) for f in section.fields]
        answered = [(f, text) for f, text in answered if text]
        if not answered:
            continue
        out.append(f"<h3>{escape(tr(section.title))}</h3>")
        for field, text in answered:
            out.append(f"<p><b>{escape(tr(field.label))}</b><br>{para(text)}</p>")
    if reflection.tags:
        out.append(f"<p><b>{escape(tr('Tags'))}</b><br>{escape(', '.join(reflection.tags))}</p>")
    if reflection.follow_ups:
        items = "".join(
            f"<li>{escape(item.text)}{escape(tr(' (done)')) if item.done_at else ''}</li>"
            for item in reflection.follow_ups
        )
        out.append(f"<h3>{escape(tr('Follow-up actions'))}</h3><ul>{items}</ul>")
    return "\n".join(out)


class ReflectionReader(QWidget):
    edit_requested = Signal(int)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Read a reflection"))
        self._reflection_id = 0
        # The list page's own margins, so the buttons and the last line do not touch the edges
        # of the window when the journal turns from its list to a reflection.
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(tr("Back to the list"))
        self.back_button.setToolTip(tr("Back to the list (Esc)"))
        self.edit_button = QPushButton(tr("Edit"))
        self.edit_button.setToolTip(tr("Change this reflection"))
        self.print_button = QPushButton(tr("Print…"))
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.edit_button)
        layout.addLayout(buttons)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(tr("The reflection"))
        layout.addWidget(self.view, 1)
        self.hint = QLabel(tr("Reading only: nothing here can change by accident."))
        self.hint.setObjectName("mutedLabel")
        layout.addWidget(self.hint)

        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self._reflection_id))
        self.print_button.clicked.connect(self._on_print_clicked)
        escape_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape_key.activated.connect(self.back_requested)

    @property
    def reflection_id(self) -> int:
        return self._reflection_id

    def show_reflection(self, reflection: Reflection, template: Template) -> None:
        self._reflection_id = int(reflection.id or 0)
        self.view.setHtml(reflection_html(reflection, template))
        self.view.verticalScrollBar().setValue(0)  # always from the top
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_print_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if print_accepted(QPrintDialog(printer, self)):
            self.view.document().print_(printer)
