"""An editor holding an older copy of a reflection never writes it back over a change made
elsewhere meanwhile (a tag renamed in the journal, a change made while the editor's draft
waited over a lock): parts only one side changed are combined, and when both changed the
same part the person is asked, the default losing nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reflect.domain.reflection import Reflection
from reflect.storage.reflection_repository import ReflectionRepository
from reflect.ui.screens.reflect_screen import ReflectScreen
from reflect.ui.screens.tag_manager_dialog import TagManagerDialog
from tests.conftest import PASSPHRASE
from tests.ui.app_windows import unlock


def _saved(session, text="first words", tags=("nights",)) -> Reflection:
    return session.journal.save(
        Reflection(
            "trauma_informed",
            datetime(2026, 12, 1, 9, 0),
            answers={"what_happened": text},
            tags=list(tags),
        )
    )


@pytest.fixture
def screen(qtbot, session):
    editor = ReflectScreen(session)
    qtbot.addWidget(editor)
    return editor


def _answer_changed_elsewhere(session, reflection_id: int) -> None:
    """Another screen saves a new first answer, keeping everything else as stored."""
    stored = session.journal.get(reflection_id)
    session.journal.save(
        Reflection(
            "trauma_informed",
            stored.occurred_at,
            answers={"what_happened": "changed elsewhere"},
            tags=stored.tags,
            id=reflection_id,
        )
    )


def _never_asked(merge):
    raise AssertionError(f"asked about {merge.conflicts} with nothing to decide")


def test_a_tag_renamed_in_the_journal_stays_renamed_when_the_open_reflection_is_saved(
    qtbot, session, screen
):
    saved = _saved(session)
    assert screen.edit_reflection(saved.id)
    screen.choose_stale = _never_asked
    # Meanwhile, in the Journal's tag manager, "nights" becomes "night shift".
    dialog = TagManagerDialog(session.journal)
    qtbot.addWidget(dialog)
    dialog.ask_text = lambda *a: "night shift"
    for row in range(dialog.tags.count()):
        item = dialog.tags.item(row)
        item.setSelected(item.data(Qt.ItemDataRole.UserRole) == "nights")
    dialog.rename_selected()
    screen.form.texts["what_happened"].setPlainText("first words, and a second thought")
    assert screen.save() is not None
    again = session.journal.get(saved.id)
    assert again.answers["what_happened"] == "first words, and a second thought"
    assert again.tags == ["night shift"], "saving the editor put the old tag name back"
    assert "changed elsewhere" in screen.status.text()


def test_a_tag_added_here_and_a_rename_elsewhere_both_survive(qtbot, session, screen):
    saved = _saved(session, tags=("nights", "court"))
    assert screen.edit_reflection(saved.id)
    screen.choose_stale = _never_asked
    session.journal.rename_tag("nights", "night shift")
    screen.details.tags.setText("nights, court, hotel")
    assert screen.save() is not None
    assert session.journal.get(saved.id).tags == ["night shift", "court", "hotel"]


def test_the_plain_save_with_nothing_changed_elsewhere_stays_silent(qtbot, session, screen):
    saved = _saved(session)
    assert screen.edit_reflection(saved.id)
    screen.choose_stale = _never_asked
    screen.form.texts["what_happened"].setPlainText("rewritten")
    assert screen.save() is not None
    assert session.journal.get(saved.id).answers["what_happened"] == "rewritten"
    assert screen.status.text() == ""
    assert not screen.kept_text.isVisibleTo(screen)


def test_the_same_part_changed_on_both_sides_asks_and_the_default_overwrites_nothing(
    qtbot, session, screen
):
    saved = _saved(session)
    assert screen.edit_reflection(saved.id)
    _answer_changed_elsewhere(session, saved.id)
    screen.form.texts["what_happened"].setPlainText("typed here")
    asked = []

    def press_enter(merge):
        asked.append(merge.conflicts)
        box, choices = screen.stale_box(merge)
        chosen = choices[box.defaultButton()]
        box.deleteLater()
        return chosen

    screen.choose_stale = press_enter
    assert screen.save() is None
    assert asked == [["answer:what_happened"]]
    assert session.journal.get(saved.id).answers["what_happened"] == "changed elsewhere"
    # The stored version is shown; what was typed here stays visible to copy from.
    assert screen.form.texts["what_happened"].toPlainText() == "changed elsewhere"
    assert screen.kept_text.isVisibleTo(screen)
    assert "typed here" in screen.kept_text.text.toPlainText()
    # Saving now, with the stored version loaded, asks nothing more.
    screen.choose_stale = _never_asked
    assert screen.save() is not None


def test_choosing_to_keep_mine_overwrites_only_the_conflicting_part(qtbot, session, screen):
    saved = _saved(session)
    assert screen.edit_reflection(saved.id)
    session.journal.rename_tag("nights", "night shift")
    _answer_changed_elsewhere(session, saved.id)
    screen.form.texts["what_happened"].setPlainText("typed here")
    screen.choose_stale = lambda merge: "mine"
    assert screen.save() is not None
    again = session.journal.get(saved.id)
    assert again.answers["what_happened"] == "typed here"
    assert again.tags == ["night shift"]


def test_the_question_renders_in_english_and_french(qtbot, session, screen):
    from reflect.ui.i18n import set_language

    saved = _saved(session)
    assert screen.edit_reflection(saved.id)
    session.journal.rename_tag("nights", "night shift")
    merge = session.journal.stored_change(saved, screen.current_reflection())
    merge.conflicts.append("answer:what_happened")
    for language in ("en", "fr"):
        set_language(language)
        try:
            box, choices = screen.stale_box(merge)
            assert set(choices.values()) == {"stored", "mine", None}
            assert choices[box.defaultButton()] == "stored"
            assert choices[box.escapeButton()] is None
            box.show()
            qtbot.waitExposed(box)
            box.grab().save(f"/tmp/staleedit-question-{language}.png")
            box.close()
            box.deleteLater()
        finally:
            set_language("en")
    assert QMessageBox is not None


def test_keep_editing_changes_nothing_anywhere(qtbot, session, screen):
    saved = _saved(session)
    assert screen.edit_reflection(saved.id)
    _answer_changed_elsewhere(session, saved.id)
    screen.form.texts["what_happened"].setPlainText("typed here")
    screen.choose_stale = lambda merge: None
    assert screen.save() is None
    assert screen.form.texts["what_happened"].toPlainText() == "typed here"
    assert screen.is_dirty
    assert session.journal.get(saved.id).answers["what_happened"] == "changed elsewhere"


# --- a draft kept over a lock -----------------------------------------------------------------


def test_a_restored_draft_asks_before_overwriting_a_change_made_while_locked(
    qtbot, window, profile_service, profile
):
    unlock(qtbot, window)
    saved = _saved(window.session)
    reflect = window.workspace.screens["reflect"]
    assert reflect.edit_reflection(saved.id)
    reflect.form.texts["what_happened"].setPlainText("typed before the lock")
    window.lock()
    # While the profile is locked, another Reflect process changes the same reflection (its
    # storage directly: the journal's own save would also drop the kept draft).
    other = profile_service.unlock(profile, PASSPHRASE)
    try:
        ReflectionRepository(other.db).update(
            Reflection(
                "trauma_informed",
                saved.occurred_at,
                answers={"what_happened": "changed while locked"},
                tags=["elsewhere"],
                id=saved.id,
            )
        )
    finally:
        other.close()
    unlock(qtbot, window)
    reflect = window.workspace.screens["reflect"]
    assert reflect.form.texts["what_happened"].toPlainText() == "typed before the lock"
    asked = []
    reflect.choose_stale = lambda merge: asked.append(merge.conflicts) or "stored"
    assert reflect.save() is None
    assert asked == [["answer:what_happened"]]
    stored = window.session.journal.get(saved.id)
    assert stored.answers["what_happened"] == "changed while locked"
    assert stored.tags == ["elsewhere"]
    assert "typed before the lock" in reflect.kept_text.text.toPlainText()


def test_a_restored_draft_with_nothing_changed_meanwhile_saves_silently(qtbot, window):
    unlock(qtbot, window)
    saved = _saved(window.session)
    reflect = window.workspace.screens["reflect"]
    assert reflect.edit_reflection(saved.id)
    reflect.form.texts["what_happened"].setPlainText("typed before the lock")
    window.lock()
    unlock(qtbot, window)
    reflect = window.workspace.screens["reflect"]
    reflect.choose_stale = _never_asked
    assert reflect.save() is not None
    assert window.session.journal.get(saved.id).answers["what_happened"] == "typed before the lock"
    assert reflect.status.text() == ""
