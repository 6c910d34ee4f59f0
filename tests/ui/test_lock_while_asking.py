"""A question the reflection screen asks can end with a lock (the idle lock fires while it
is open: lock_dialogs closes it, as No). The screen then stops: its database is closed.

Found by soaking: changing the template of a reflection with answers asks "Change
template?"; locked meanwhile, the No path rebuilt the form and read the tags from the
closed database ("Cannot operate on a closed database" in the error log)."""

from __future__ import annotations

from tests.ui.app_windows import unlock


def _template_without(screen, key: str) -> int:
    """The row of a template that has no field for ``key``."""
    combo = screen.template_combo
    for row in range(combo.count()):
        template = screen.journal.templates.get(str(combo.itemData(row)))
        if key not in {k for field in template.fields() for k in field.answer_keys()}:
            return row
    raise AssertionError(f"every template asks {key}")


def test_a_lock_while_asking_to_change_the_template_ends_the_change(qtbot, window):
    unlock(qtbot, window)
    screen = window.workspace.reflect
    window.workspace.show_screen("reflect")
    qtbot.keyClicks(screen.form.first_input(), "Answer that would be dropped")
    asked = []

    def the_idle_lock_comes(*_question) -> bool:
        asked.append(True)
        window.lock()
        return False  # the dialog closed by the lock answers No

    screen.confirm = the_idle_lock_comes
    typed = [k for k, v in screen.current_reflection().answers.items() if v]
    screen.template_combo.setCurrentIndex(_template_without(screen, typed[0]))
    assert window.is_locked
    assert asked, "the new template leaves the answer out, so the screen asks first"


def test_the_draft_kept_by_that_lock_holds_the_answer_the_question_was_about(qtbot, window):
    unlock(qtbot, window)
    screen = window.workspace.reflect
    window.workspace.show_screen("reflect")
    qtbot.keyClicks(screen.form.first_input(), "Answer that would be dropped")
    template_id = screen.form.template.id

    def the_idle_lock_comes(*_question) -> bool:
        window.lock()
        return False

    screen.confirm = the_idle_lock_comes
    typed = [k for k, v in screen.current_reflection().answers.items() if v]
    screen.template_combo.setCurrentIndex(_template_without(screen, typed[0]))
    unlock(qtbot, window)
    draft = window.session.journal.load_draft()
    assert draft is not None
    assert draft.reflection.template_id == template_id
    assert "Answer that would be dropped" in str(draft.reflection.answers)
