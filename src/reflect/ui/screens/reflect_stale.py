"""The reflection editor's check, on saving an existing reflection, that nothing changed it
elsewhere since the editor loaded it (mixed into ``ReflectScreen``).

The usual case (nothing changed elsewhere) costs one read and saves as before, silently.
Parts changed elsewhere that the person did not touch here (a tag renamed in the journal)
are kept and the status line says so. Only when the same part changed on both sides is the
person asked; the default shows the stored version and keeps what they wrote in view to copy,
so Enter loses nothing; saving their version over it is a deliberate choice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from reflect.domain.reflection import Reflection
from reflect.domain.reflection_merge import ANSWER_PREFIX, Merge, content
from reflect.domain.templates import Template
from reflect.services.journal import JournalService
from reflect.ui.asked_across_lock import run_modal
from reflect.ui.i18n import tr
from reflect.ui.widgets.kept_text_panel import KeptTextPanel

STORED, MINE = "stored", "mine"


def _part_labels() -> dict[str, str]:
    return {
        "template": tr("template"),
        "when": tr("date and time"),
        "setting": tr("setting"),
        "intensity": tr("intensity"),
        "tags": tr("tags"),
        "feelings": tr("feelings"),
        "follow_ups": tr("follow-ups"),
    }


def part_name(part: str, template: Template) -> str:
    """A part of a reflection as the person knows it: an answer by its question's label."""
    if part.startswith(ANSWER_PREFIX):
        key = part[len(ANSWER_PREFIX) :]
        labels = {f.id: f.label for f in template.fields()}
        label = labels.get(key.split(".")[0])
        return tr(label) if label else key
    return _part_labels().get(part, part)


def _value_text(reflection: Reflection, part: str) -> str:
    if part.startswith(ANSWER_PREFIX):
        value: Any = reflection.answers.get(part[len(ANSWER_PREFIX) :], "")
    elif part == "follow_ups":
        value = "\n".join(f"- {f.text}" for f in reflection.follow_ups)
    elif part in ("tags", "feelings"):
        value = ", ".join(getattr(reflection, part))
    else:
        value = {"template": reflection.template_id, "when": reflection.occurred_at}.get(
            part, getattr(reflection, part, "")
        )
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


class StaleEditGuard:
    """Needs from the screen: ``journal``, ``status``, ``kept_text``, ``_load``, ``_dirty``."""

    journal: JournalService
    kept_text: KeptTextPanel
    _dirty: bool
    _load: Callable[[Reflection], None]
    # The stored reflection as the editor loaded it (None for a new one).
    _base: Reflection | None = None
    _stale_note = ""

    def _init_stale_guard(self) -> None:
        # Replaceable in tests, like ``confirm``: the choice made for a Merge with conflicts.
        self.choose_stale: Callable[[Merge], str | None] = self._ask_stale

    def _settle_stale(self, edited: Reflection) -> Reflection | None:
        """What to save, or None when the person chose not to save it as it is."""
        self._stale_note = ""
        merge = self.journal.stored_change(self._base, edited) if self._base is not None else None
        if merge is None:
            return edited
        template = self.journal.template_for(merge.stored)
        if not merge.conflicts:
            parts = ", ".join(part_name(p, template) for p in merge.changed_elsewhere)
            self._stale_note = tr(
                "This reflection had been changed elsewhere while open here ({parts}); "
                "those changes are kept along with yours."
            ).format(parts=parts)
            return merge.mine_first
        choice = self.choose_stale(merge)
        if choice == MINE:
            return merge.mine_first
        if choice == STORED:
            self._show_stored(merge, template)
        return None

    def _show_stored(self, merge: Merge, template: Template) -> None:
        kept = [
            f"{part_name(p, template)}\n{_value_text(merge.mine_first, p)}" for p in merge.conflicts
        ]
        self._load(merge.theirs_first)
        self._base = merge.stored
        # Parts changed only here are still in the form, unsaved.
        self._dirty = content(merge.theirs_first) != content(merge.stored)
        self.kept_text.show_text("\n\n".join(kept))
        status: Any = getattr(self, "status")  # noqa: B009 - built by the editor view
        status.setText(tr("The stored version is shown. Nothing was saved."))

    def stale_box(self, merge: Merge) -> tuple[QMessageBox, dict[QAbstractButton, str | None]]:
        """The question, not shown: the box and what each of its buttons means."""
        parent = self if isinstance(self, QWidget) else None
        template = self.journal.template_for(merge.stored)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Changed elsewhere"))
        box.setText(
            tr(
                "While this reflection was open here, it was also changed elsewhere (in the "
                "journal, or while Reflect was locked). Both versions changed:\n{parts}"
            ).format(parts="\n".join("• " + part_name(p, template) for p in merge.conflicts))
        )
        box.setInformativeText(
            tr(
                "Show the stored version: it opens here and what you wrote stays beside it, "
                "to copy from. Save mine: your version replaces the stored one for those parts."
            )
        )
        stored = box.addButton(tr("Show the stored version"), QMessageBox.ButtonRole.AcceptRole)
        mine = box.addButton(tr("Save mine"), QMessageBox.ButtonRole.DestructiveRole)
        mine.setAutoDefault(False)
        later = box.addButton(tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stored)
        box.setEscapeButton(later)
        return box, {stored: STORED, mine: MINE, later: None}

    def _ask_stale(self, merge: Merge) -> str | None:
        box, choices = self.stale_box(merge)
        locked = run_modal(box) is None  # then not saved: the lock kept the draft
        chosen = None if locked else choices.get(box.clickedButton())
        box.deleteLater()
        return chosen
