"""What dropping a file on the workspace does: a sealed reply or packet is imported."""

from __future__ import annotations

from pathlib import Path

from reflect.domain.errors import ReflectError
from reflect.services.session import Session
from reflect.services.supervision_inbox import import_sealed, is_sealed_file
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr


def import_dropped_file(session: Session, path: Path) -> tuple[str, str | None]:
    """The message to show, and the screen to go to when something was imported."""
    if not is_sealed_file(path):
        return (
            tr(
                "Only sealed files from Reflect (a supervisor's reply or a debrief packet) can "
                "be dropped here. Other imports are in Settings → Your data."
            ),
            None,
        )
    try:
        opened = import_sealed(session, path)
    except ReflectError as error:
        return message_in_language(error), None
    if opened.kind == "reply" and opened.reply is not None:
        message = tr(
            "Reply imported: {count} action(s) added; they are on Home and in your next debrief."
        ).format(count=opened.reply.actions_added)
        return message, "home"
    return tr("Packet kept in your supervision record."), "supervision"
