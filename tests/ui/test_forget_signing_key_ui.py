"""Forgetting a pinned signing key from the windows: the Supervision screen (a supervisee) and
Settings (a supervisor). The confirmation keeps the key unless "Forget" itself is chosen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from reflect.ui import i18n
from reflect.ui.screens import supervision_screen
from reflect.ui.screens.supervision_screen import SupervisionScreen
from reflect.ui.widgets import supervision_settings
from reflect.ui.widgets.forget_signing_key import forget_key_confirmation
from reflect.ui.widgets.supervision_settings import SupervisionSettings
from tests.services.test_supervision_signatures import _exchange, _reply


def test_the_confirmation_defaults_to_keeping_the_key(qtbot):
    box, act = forget_key_confirmation(None, "Alex", "3F0B 9C2E")
    qtbot.addWidget(box)
    assert box.defaultButton() is box.escapeButton() is not act
    assert box.defaultButton().objectName() == "safeChoice"
    assert "in person or by phone" in box.informativeText()
    assert "3F0B 9C2E" in box.text()


@pytest.mark.parametrize("answer", [False, True])
def test_supervision_screen_forgets_only_when_confirmed(qtbot, pair, tmp_path, monkeypatch, answer):
    _exchange(pair, tmp_path)
    provider = pair.provider.supervision_send.my_key()[0]
    asked = []
    monkeypatch.setattr(
        supervision_screen, "ask_to_forget", lambda *args: asked.append(args) or answer
    )
    screen = SupervisionScreen(pair.supervisor)
    qtbot.addWidget(screen)
    assert screen.forget_button.isEnabled()
    screen.forget_button.click()
    assert asked and asked[0][1] == "Alex"
    pinned = pair.supervisor.supervision.pins.fingerprint_of(provider)
    assert (pinned == "") is answer
    assert screen.forget_button.isEnabled() is not answer
    if answer:
        assert "Alex" in screen.status.text()


def test_settings_forgets_a_supervisors_key_when_confirmed(qtbot, pair, tmp_path, monkeypatch):
    packet = _exchange(pair, tmp_path)
    _, path = _reply(pair, tmp_path, packet)
    send = pair.provider.supervision_send
    send.import_reply(path)
    supervisor = pair.supervisor.supervision.my_key()[0]
    send.add_supervisor("Sam", supervisor, True)
    monkeypatch.setattr(supervision_settings, "ask_to_forget", lambda *args: True)
    box = SupervisionSettings(pair.provider)
    qtbot.addWidget(box)
    assert not box.forget_button.isEnabled()  # nothing selected yet
    box.supervisors.setCurrentRow(0)
    assert box.forget_button.isEnabled()
    box.forget_button.click()
    assert send.pins.fingerprint_of(supervisor) == ""
    box.supervisors.setCurrentRow(0)
    assert not box.forget_button.isEnabled()


def test_forget_strings_have_french(french):
    box, _ = forget_key_confirmation(None, "Alex", "3F0B")
    assert "comparé" in box.informativeText() or "compar" in box.informativeText()
    assert i18n.tr("Forget this signing key…") != "Forget this signing key…"
    box.deleteLater()
    assert isinstance(box, QMessageBox)


def test_add_supervisor_dialog_shows_and_pins_the_signing_key(qtbot, pair):
    from reflect.ui.screens.supervisor_dialogs import AddSupervisorDialog

    text = pair.supervisor.supervision.pins.my_key_text()
    shown = pair.supervisor.supervision.my_signing_fingerprint()
    dialog = AddSupervisorDialog(pair.provider)
    qtbot.addWidget(dialog)
    dialog.name.setText("Sam")
    dialog.key.setText(pair.supervisor.supervision.my_key()[0])
    assert not dialog.form.isRowVisible(dialog.signing_row)  # an old key text: as before
    dialog.key.setText(text)
    assert dialog.form.isRowVisible(dialog.signing_row)
    assert dialog.signing_label.text() == shown
    assert "Both" in dialog.confirm.text()
    dialog.confirm.setChecked(True)
    dialog.add()
    recipient = pair.supervisor.supervision.my_key()[0]
    assert pair.provider.supervision_send.pins.fingerprint_of(recipient) == shown
    dialog.key.setText(text[:-3] + "!!=")
    assert dialog.signing_label.text() != shown


def test_settings_copies_the_key_text(qtbot, pair):
    from PySide6.QtGui import QGuiApplication

    box = SupervisionSettings(pair.provider)
    qtbot.addWidget(box)
    assert not box.copy_text_button.isEnabled()
    box.show_key()
    box.copy_text_button.click()
    assert QGuiApplication.clipboard().text() == pair.provider.supervision_send.pins.my_key_text()
    assert " sign:" in QGuiApplication.clipboard().text()
