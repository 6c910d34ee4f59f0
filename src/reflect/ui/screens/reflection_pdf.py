"""Print one reflection, or save it as a PDF, after the identity guard has had its say.

The page shows the template's questions with the answers, in the interface language. Before
anything leaves Reflect, the identity guard runs over every answer; what it flags is listed
and the person decides. A PDF is a plain, unencrypted file: Reflect says so first and writes it
owner-only (0600) through a temporary file and an atomic rename.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from reflect.domain.errors import ReflectError
from reflect.domain.identity_guard import Finding, find_identifiers
from reflect.domain.reflection import Reflection
from reflect.domain.templates import TemplateField
from reflect.paths import write_private_file
from reflect.services.journal import JournalService
from reflect.ui.asked_across_lock import ask_yes, run_modal
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import local_date, tr
from reflect.ui.native_dialogs import print_accepted, save_file_name
from reflect.ui.pdf_render import html_to_pdf

PDF_WARNING = (
    "The PDF will be a normal, unencrypted file that anyone with access to it can read. Continue?"
)


def _answer_html(field: TemplateField, key: str, value: object) -> str:
    label = escape(tr(field.label))
    if key.endswith(".rating"):
        return f"<p><b>{label}:</b> {escape(str(value))}/5</p>"
    if key.endswith(".note"):
        return f"<blockquote>{escape(str(value))}</blockquote>"
    if field.options:
        return f"<p><b>{label}:</b> {escape(tr(field.option_label(str(value))))}</p>"
    if isinstance(value, list):
        items = "".join(f"<li>{escape(tr(str(v)))}</li>" for v in value)
        return f"<p><b>{label}</b></p><ul>{items}</ul>"
    if isinstance(value, bool):
        return f"<p><b>{label}:</b> {tr('yes') if value else tr('no')}</p>"
    body = "<br>".join(escape(line) for line in str(value).splitlines())
    return f"<p><b>{label}</b></p><p>{body}</p>"


def reflection_html(journal: JournalService, reflection: Reflection) -> str:
    template = journal.template_for(reflection)
    when = local_date(reflection.occurred_at, "d MMMM yyyy, HH:mm")
    parts = [
        f"<h1>{escape(tr(template.name))}</h1>",
        f"<p>{escape(when)} · {escape(tr(reflection.setting).capitalize())}</p>",
    ]
    facts = []
    if reflection.intensity is not None:
        facts.append(tr("Intensity {n}/10").format(n=reflection.intensity))
    if reflection.feelings:
        facts.append(tr("Feelings: {words}").format(words=", ".join(reflection.feelings)))
    if reflection.tags:
        facts.append(tr("Tags: {tags}").format(tags=", ".join(reflection.tags)))
    if facts:
        parts.append(f"<p><i>{escape(' · '.join(facts))}</i></p>")
    shown: set[str] = set()
    for field in template.fields():
        for key in field.answer_keys():
            value = reflection.answers.get(key)
            if value in (None, "", [], False) and not isinstance(value, int):
                continue
            shown.add(key)
            parts.append(_answer_html(field, key, value))
    for key, value in reflection.answers.items():  # answers of a template that is gone
        if key not in shown and value not in (None, "", []):
            parts.append(f"<p><b>{escape(key)}:</b> {escape(str(value))}</p>")
    if reflection.follow_ups:
        items = "".join(
            f"<li>{'☑' if f.done_at else '☐'} {escape(f.text)}</li>" for f in reflection.follow_ups
        )
        parts.append(f"<h2>{escape(tr('Follow-up actions'))}</h2><ul>{items}</ul>")
    return "\n".join(parts)


def reflection_findings(reflection: Reflection) -> list[Finding]:
    return find_identifiers(reflection.searchable_text())


def confirm_findings(parent: QWidget, findings: list[Finding]) -> bool:
    """List what the identity guard flagged; the safe answer (do not continue) is the default."""
    if not findings:
        return True
    listed = "\n".join(f"• {tr(f.label)}: {f.text[:60]}" for f in findings[:12])
    more = len(findings) - 12
    if more > 0:
        listed += "\n" + tr("…and {n} more").format(n=more)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("This could identify someone"))
    box.setText(
        tr("Reflect noticed things that could identify a person:") + "\n\n" + listed + "\n\n"
        + tr("Continue anyway? You can cancel, edit the reflection and try again.")
    )  # fmt: skip
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return run_modal(box) == QMessageBox.StandardButton.Yes


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    if not ask_yes(parent, tr("Save a plain copy?"), tr(PDF_WARNING)):
        return None
    path, _ = save_file_name(
        parent, tr("Save as PDF"), str(Path.home() / f"{suggested}.pdf"), "PDF (*.pdf)"
    )
    if not path:
        return None
    return Path(path) if Path(path).suffix else Path(path + ".pdf")


def save_reflection_pdf(parent: QWidget, journal: JournalService, reflection: Reflection) -> bool:
    if not confirm_findings(parent, reflection_findings(reflection)):
        return False
    path = ask_pdf_path(parent, tr("reflection") + " " + reflection.occurred_at.date().isoformat())
    if path is None:
        return False
    data = html_to_pdf(reflection_html(journal, reflection), tr("Reflection"))
    try:
        write_private_file(path, data)
    except (OSError, ReflectError) as exc:
        message = message_in_language(exc) if isinstance(exc, ReflectError) else str(exc)
        QMessageBox.warning(
            parent, tr("Not saved"), tr("The PDF was not saved: {why}").format(why=message)
        )
        return False
    return True


def print_reflection(parent: QWidget, journal: JournalService, reflection: Reflection) -> bool:
    """Qt's print dialog; printing is the person's explicit choice of a paper copy."""
    if not confirm_findings(parent, reflection_findings(reflection)):
        return False
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    if not print_accepted(QPrintDialog(printer, parent)):
        return False
    document = QTextDocument()
    document.setHtml(reflection_html(journal, reflection))
    document.print_(printer)
    return True
