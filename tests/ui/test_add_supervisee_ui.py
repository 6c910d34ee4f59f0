"""*Add supervisee…* on the Supervision screen: a supervisor pairs with a supervisee from
their key text, both fingerprints compared, before their first packet."""

from __future__ import annotations

from reflect.ui import i18n
from reflect.ui.screens import supervisee_dialog
from reflect.ui.screens.supervisee_dialog import AddSuperviseeDialog
from reflect.ui.screens.supervision_screen import SupervisionScreen


def test_the_dialog_shows_both_fingerprints_and_pins_the_signing_key(qtbot, pair):
    send = pair.provider.supervision_send
    text, shown = send.pins.my_key_text(), send.my_signing_fingerprint()
    recipient, age_print = send.my_key()
    dialog = AddSuperviseeDialog(pair.supervisor)
    qtbot.addWidget(dialog)
    dialog.name.setText("Alex")
    dialog.key.setText(recipient)  # the age key alone: nothing to confirm, Add stays off
    assert dialog.form.isRowVisible(dialog.signing_row)
    assert "No signing key" in dialog.signing_label.text()
    dialog.confirm.setChecked(True)
    assert not dialog.ok_button.isEnabled()
    dialog.key.setText(text)
    assert not dialog.confirm.isChecked()  # a new key needs a new comparison
    assert dialog.print_label.text() == age_print
    assert dialog.signing_label.text() == shown
    assert "supervisee" in dialog.confirm.text()
    assert not dialog.ok_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.ok_button.isEnabled()
    dialog.add()
    assert dialog.result() == 1 and dialog.added_id is not None
    assert pair.supervisor.supervision.pins.fingerprint_of(recipient) == shown


def test_a_refusal_is_shown_in_the_dialog(qtbot, pair):
    dialog = AddSuperviseeDialog(pair.supervisor)
    qtbot.addWidget(dialog)
    dialog.name.setText("Me")
    dialog.key.setText(pair.supervisor.supervision.pins.my_key_text())
    dialog.confirm.setChecked(True)
    dialog.add()
    assert "own key" in dialog.status.text()
    assert pair.supervisor.supervision.supervisees() == []


def test_the_screen_adds_and_selects_the_supervisee(qtbot, pair, monkeypatch):
    screen = SupervisionScreen(pair.supervisor)
    qtbot.addWidget(screen)
    text = pair.provider.supervision_send.pins.my_key_text()

    def accept(dialog):
        dialog.name.setText("Alex R")
        dialog.key.setText(text)
        dialog.confirm.setChecked(True)
        dialog.add()
        return dialog.result()

    monkeypatch.setattr(supervisee_dialog.AddSuperviseeDialog, "exec", accept)
    screen.add_button.click()
    assert screen.people.currentItem().text() == "Alex R"
    assert screen.forget_button.isEnabled()  # a signing key is pinned for them


def test_render_in_english_and_french(qtbot, pair):
    text = pair.provider.supervision_send.pins.my_key_text()
    for language in ("en", "fr"):
        i18n.set_language(language)
        try:
            dialog = AddSuperviseeDialog(pair.supervisor)
            qtbot.addWidget(dialog)
            dialog.name.setText("Alex")
            dialog.key.setText(text)
            dialog.confirm.setChecked(True)
            dialog.adjustSize()
            dialog.grab().save(f"/tmp/pairsupervisee-dialog-{language}.png")
            screen = SupervisionScreen(pair.supervisor)
            qtbot.addWidget(screen)
            screen.resize(1000, 640)
            screen.grab().save(f"/tmp/pairsupervisee-screen-{language}.png")
            if language == "fr":
                assert dialog.windowTitle() != "Add a supervisee"
                assert "supervisé" in dialog.confirm.text()
        finally:
            i18n.set_language("en")
