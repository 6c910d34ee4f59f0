"""Debrief summary as PDF, drawn by Qt's own PDF writer from the shared view alone."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reflect.domain.debrief import SHARE_BANNER, VOLUNTARY_NOTE
from reflect.services.debrief_view import ActionView, SharedView, day_text, label_colon


def _action(action: ActionView) -> str:
    extra = [f"owner: {escape(action.owner)}"] if action.owner else []
    if action.due:
        extra.append(f"due {day_text(action.due)}")
    if action.from_title:
        extra.append(f"from {escape(action.from_title)}")
    mark = "✓ done" if action.done else "open"
    tail = f" <small>({'; '.join(extra)})</small>" if extra else ""
    return f"<li>{escape(action.text)} — {mark}{tail}</li>"


def debrief_html(view: SharedView) -> str:
    meta = []
    if view.supervisor:
        meta.append(f"With {escape(view.supervisor)}")
    if view.scheduled_for:
        meta.append(day_text(view.scheduled_for))
    parts = [
        f"<h1>{escape(view.title)}</h1>",
        f"<p>{' · '.join(meta)}</p>" if meta else "",
        f"<p><i>{escape(SHARE_BANNER)}. {escape(VOLUNTARY_NOTE)}</i></p>",
    ]
    if view.topics:
        parts.append(
            "<h2>Topics</h2><ul>" + "".join(f"<li>{escape(t)}</li>" for t in view.topics) + "</ul>"
        )
    if view.cards:
        parts.append("<h2>Shared for this debrief</h2>")
        for card in view.cards:
            parts.append(f"<h3>{escape(card.title)}</h3>")
            if card.subtitle:
                parts.append(f"<p><small>{escape(card.subtitle)}</small></p>")
            rows = [f"<li><b>{escape(label_colon(a))}</b> {escape(b)}</li>" for a, b in card.lines]
            rows += [f"<li>{escape(bar.label)}: {escape(bar.text)}</li>" for bar in card.bars]
            if rows:
                parts.append("<ul>" + "".join(rows) + "</ul>")
    notes = [(s.title, view.note(s.id).strip()) for s in view.agenda if view.note(s.id).strip()]
    if notes:
        parts.append("<h2>Notes</h2>")
        for title, text in notes:
            body = "<br>".join(escape(line) for line in text.splitlines())
            parts.append(f"<h3>{escape(title)}</h3><p>{body}</p>")
    if view.actions:
        parts.append(
            "<h2>Agreed actions</h2><ul>" + "".join(_action(a) for a in view.actions) + "</ul>"
        )
    if view.carried_over:
        parts.append(
            "<h2>Open from earlier debriefs</h2><ul>"
            + "".join(_action(a) for a in view.carried_over)
            + "</ul>"
        )
    return "\n".join(p for p in parts if p)


def render_debrief_pdf(view: SharedView) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(view.title)
    writer.setCreator("Reflect")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
        )
    )
    document = QTextDocument()
    document.setHtml(debrief_html(view))
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())


PLAIN_WARNING = (
    "The summary will be saved as a normal, unencrypted file that anyone with access to the "
    "computer can open. It holds only what you chose to share. Continue?"
)


def ask_export_path(parent: QWidget, kind: str, title: str) -> Path | None:
    """Warn that the copy is plain, then let the person choose where; None if they cancel."""
    answer = QMessageBox.question(parent, "Save a plain copy?", PLAIN_WARNING)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    suffix = ".pdf" if kind == "pdf" else ".md"
    name = "".join(c if c.isalnum() or c in " -_" else "-" for c in title).strip() or "debrief"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        "Export debrief summary",
        str(Path.home() / f"{name}{suffix}"),
        "PDF (*.pdf)" if kind == "pdf" else "Markdown (*.md)",
    )
    if not path:
        return None
    return Path(path) if Path(path).suffix else Path(path + suffix)
