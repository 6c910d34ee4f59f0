"""Debrief summary as PDF, drawn by Qt's own PDF writer from the shared view alone, in the
interface language (the view's cards and agenda already are: see ``i18n.interface_words``)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QWidget

from reflect.services.debrief_content import SHARE_BANNER, VOLUNTARY_NOTE
from reflect.services.debrief_view import ActionView, SharedView, label_colon
from reflect.ui.asked_across_lock import ask_yes
from reflect.ui.i18n import interface_words, tr
from reflect.ui.native_dialogs import save_file_name
from reflect.ui.pdf_render import html_to_pdf


def _action(action: ActionView) -> str:
    words = interface_words()
    extra = [tr("owner: {owner}").format(owner=escape(action.owner))] if action.owner else []
    if action.due:
        extra.append(tr("due {date}").format(date=words.day(action.due)))
    if action.from_title:
        extra.append(tr("from {title}").format(title=escape(action.from_title)))
    mark = tr("✓ done") if action.done else tr("open")
    tail = f" <small>({'; '.join(extra)})</small>" if extra else ""
    return f"<li>{escape(action.text)} — {mark}{tail}</li>"


def debrief_html(view: SharedView) -> str:
    words = interface_words()
    meta = []
    if view.supervisor:
        meta.append(tr("With {name}").format(name=escape(view.supervisor)))
    if view.scheduled_for:
        meta.append(words.day(view.scheduled_for))
    if view.completed_at:
        meta.append(tr("completed"))
    parts = [
        f"<h1>{escape(view.title)}</h1>",
        f"<p>{' · '.join(meta)}</p>" if meta else "",
        f"<p><i>{escape(tr(SHARE_BANNER))}. {escape(tr(VOLUNTARY_NOTE))}</i></p>",
    ]
    if view.topics:
        items = "".join(f"<li>{escape(topic)}</li>" for topic in view.topics)
        parts.append(f"<h2>{tr('Topics')}</h2><ul>{items}</ul>")
    if view.cards:
        parts.append(f"<h2>{tr('Shared for this debrief')}</h2>")
        for card in view.cards:
            parts.append(f"<h3>{escape(card.title)}</h3>")
            if card.subtitle:
                parts.append(f"<p><small>{escape(card.subtitle)}</small></p>")
            rows = [
                f"<li><b>{escape(label_colon(a, words))}</b> {escape(b)}</li>"
                for a, b in card.lines
            ]
            rows += [
                f"<li>{escape(label_colon(bar.label, words))} {escape(bar.text)}</li>"
                for bar in card.bars
            ]
            if rows:
                parts.append("<ul>" + "".join(rows) + "</ul>")
    notes = [(s.title, view.note(s.id).strip()) for s in view.agenda if view.note(s.id).strip()]
    if notes:
        parts.append(f"<h2>{tr('Notes')}</h2>")
        for title, text in notes:
            body = "<br>".join(escape(line) for line in text.splitlines())
            parts.append(f"<h3>{escape(title)}</h3><p>{body}</p>")
    if view.actions:
        items = "".join(_action(a) for a in view.actions)
        parts.append(f"<h2>{tr('Agreed actions')}</h2><ul>{items}</ul>")
    if view.carried_over:
        items = "".join(_action(a) for a in view.carried_over)
        parts.append(f"<h2>{tr('Open from earlier debriefs')}</h2><ul>{items}</ul>")
    return "\n".join(p for p in parts if p)


def render_debrief_pdf(view: SharedView) -> bytes:
    return html_to_pdf(debrief_html(view), view.title)


PLAIN_WARNING = (
    "The summary will be saved as a normal, unencrypted file that anyone with access to the "
    "computer can open. It holds only what you chose to share. Continue?"
)


def ask_export_path(parent: QWidget, kind: str, title: str) -> Path | None:
    """Warn that the copy is plain, then let the person choose where; None if they cancel."""
    if not ask_yes(parent, tr("Save a plain copy?"), tr(PLAIN_WARNING)):
        return None
    suffix = ".pdf" if kind == "pdf" else ".md"
    name = "".join(c if c.isalnum() or c in " -_" else "-" for c in title).strip()
    name = name or tr("debrief")
    path, _ = save_file_name(
        parent,
        tr("Export debrief summary"),
        str(Path.home() / f"{name}{suffix}"),
        "PDF (*.pdf)" if kind == "pdf" else "Markdown (*.md)",
    )
    if not path:
        return None
    return Path(path) if Path(path).suffix else Path(path + suffix)
