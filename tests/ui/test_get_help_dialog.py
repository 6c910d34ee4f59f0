from __future__ import annotations

import pytest

from reflect.domain.crisis_lines import HelpContact
from reflect.ui.screens.get_help_dialog import GetHelpDialog


@pytest.mark.parametrize("country", ["CA", "US"])
def test_locked_dialog_lists_911_then_988(qtbot, country):
    dialog = GetHelpDialog(country=country, session=None)
    qtbot.addWidget(dialog)
    assert dialog.shown_line_ids[0] == "emergency"
    assert dialog.shown_line_ids[1] == f"988-{country.lower()}"
    assert "911" in dialog.emergency_label.text()
    from PySide6.QtWidgets import QFrame

    cards = dialog.scroll_area.widget().findChildren(QFrame)
    names = [c.accessibleName() for c in cards if c.objectName() in ("emergencyCard", "helpCard")]
    assert names[0] == "Emergency services" and names[1].startswith("988")
    assert dialog.shown_contact_ids == []


def test_country_can_be_switched_in_the_dialog(qtbot):
    dialog = GetHelpDialog(country="CA")
    qtbot.addWidget(dialog)
    assert "trafficking-ca" in dialog.shown_line_ids
    dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("US"))
    assert dialog.shown_line_ids[:2] == ["emergency", "988-us"]
    assert "crisis-text-line" in dialog.shown_line_ids


def test_unknown_country_shows_canada(qtbot):
    dialog = GetHelpDialog(country="XX")
    qtbot.addWidget(dialog)
    assert dialog.country == "CA" and dialog.shown_line_ids[0] == "emergency"


def test_with_session_shows_and_adds_own_contacts(qtbot, session):
    session.resources.save_help_contact(
        HelpContact(name="My EAP", phone="1-800-555-0199", kind="eap")
    )
    dialog = GetHelpDialog(country="US", session=session)
    qtbot.addWidget(dialog)
    assert len(dialog.shown_contact_ids) == 1
    assert dialog.shown_line_ids[0] == "emergency"  # own contacts never push 911 down
    dialog.save_contact(HelpContact(name="Drop-in centre", notes="Tuesdays", kind="local"))
    assert len(dialog.shown_contact_ids) == 2
    assert [c.name for c in session.resources.help_contacts()] == ["My EAP", "Drop-in centre"]


def test_contact_dialog_keeps_input_on_error(qtbot):
    from reflect.ui.screens.help_contact_dialog import HelpContactDialog

    dialog = HelpContactDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("My EAP")
    dialog.accept()
    assert "phone number" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.name_edit.text() == "My EAP"
    dialog.phone_edit.setText("1-800-555-0199")
    dialog.accept()
    assert dialog.result_contact.name == "My EAP" and dialog.result_contact.kind == "eap"


def test_country_comes_from_settings_when_unlocked(qtbot, session):
    session.settings.set("country", "US")
    dialog = GetHelpDialog(session=session)
    qtbot.addWidget(dialog)
    assert dialog.country == "US" and dialog.shown_line_ids[1] == "988-us"


def test_own_contacts_disappear_when_reflect_locks(qtbot, session):
    session.resources.save_help_contact(HelpContact(name="My EAP", phone="1-800-555-0199"))
    dialog = GetHelpDialog(session=session)
    qtbot.addWidget(dialog)
    assert dialog.shown_contact_ids
    session.close()
    qtbot.waitUntil(lambda: dialog.session is None, timeout=3000)
    assert dialog.shown_contact_ids == [] and dialog.shown_line_ids[0] == "emergency"
