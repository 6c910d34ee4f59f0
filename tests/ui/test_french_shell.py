"""Security, data and the window in French: lock screen, profiles, passphrases, recovery
keys, Your data, Resources around its tabs, About the content, and the messages of the
domain, storage and services layers that reach a person there. English stays as it was."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPushButton

from reflect.domain.errors import TooManyAttempts, ValidationError, VaultError, WrongPassphrase
from reflect.domain.passphrase import passphrase_strength, validate_new_passphrase
from reflect.resources import asset_path
from reflect.ui import i18n
from reflect.ui.error_text import message_in_language
from tests.conftest import PASSPHRASE


def _texts(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def _raised(action) -> Exception:
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - the message is what is checked
        return exc
    raise AssertionError("nothing was raised")


# --- messages from the layers below the interface ------------------------------------------


def test_passphrase_errors_and_throttling_in_french(french):
    wrong = message_in_language(WrongPassphrase())
    assert wrong.startswith("Cette phrase de passe n'ouvre pas ce profil")
    wait = message_in_language(TooManyAttempts(30))
    assert "Veuillez attendre 30 s" in wait
    short = message_in_language(_raised(lambda: validate_new_passphrase("abc", "abc")))
    assert short.startswith("Veuillez utiliser au moins 8 caractères.")
    differ = message_in_language(_raised(lambda: validate_new_passphrase("abcdefgh", "x")))
    assert differ == "Les deux phrases de passe sont différentes. Veuillez taper la même deux fois."


def test_strength_hints_all_have_french(french):
    samples = ["", "abcdefgh", "abcd efgh ijkl", "abcd efgh ijkl mnop"]
    samples.append("abcd efgh ijkl mnop qrst uv")
    hints = {passphrase_strength(s)[1] for s in samples}
    assert len(hints) == 5
    assert all(hint in french for hint in hints)


def test_templates_match_the_messages_really_raised(tmp_path):
    """If a sentence below the interface changes, this fails instead of French going stale."""
    from reflect.domain.crisis_lines import HelpContact
    from reflect.domain.my_plan import MyPlan
    from reflect.services.importing import detect_format

    odd = tmp_path / "notes.txt"
    odd.write_text("hello", encoding="utf-8")
    raised = [
        TooManyAttempts(12.4),
        _raised(lambda: validate_new_passphrase("abc", "abc")),
        _raised(lambda: detect_format(tmp_path / "missing.json")),
        _raised(lambda: detect_format(odd)),
        _raised(lambda: MyPlan(what_helps=["x" * 5000]).cleaned()),
        _raised(lambda: MyPlan(what_helps=[f"idea {n}" for n in range(60)]).cleaned()),
    ]
    catalogue = i18n.load_catalogue("fr")
    for error in raised:
        assert error.message.template in catalogue, error
    contact = _raised(lambda: HelpContact(name="").validated())
    assert str(contact) in catalogue


def test_values_are_kept_and_section_names_translated(french):
    from reflect.domain.my_plan import MyPlan

    message = _raised(lambda: MyPlan(what_helps=[f"idea {n}" for n in range(60)]).cleaned())
    shown = message_in_language(message)
    assert "40" in shown and "Ce qui m'aide" in shown
    from reflect.domain.errors import ValidationError

    not_text = ValidationError(
        "{name} is not UTF-8 text; nothing was imported.", name="report.json"
    )
    assert message_in_language(not_text) == (
        "report.json n'est pas du texte UTF-8 ; rien n'a été importé."
    )


def test_messages_stay_english_in_english():
    assert i18n.current_language() == "en"
    for message in (str(WrongPassphrase()), str(TooManyAttempts(30)), "Anything else."):
        assert message_in_language(message) == message
    assert message_in_language(VaultError("This profile is locked.")) == "This profile is locked."


def test_unknown_message_is_shown_as_it_came(french):
    assert message_in_language("Something nobody wrote down.") == "Something nobody wrote down."


# --- profiles, passphrases and recovery keys ------------------------------------------------


def test_create_profile_dialog_in_french(qtbot, french):
    from reflect.ui.screens.create_profile_dialog import CreateProfileDialog

    dialog = CreateProfileDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Créer un profil privé"
    assert "Votre phrase de passe est la seule clé." in _texts(dialog)
    assert dialog.create_button.text() == "Créer le profil"
    assert dialog.passphrase_edit.accessibleName() == "Nouvelle phrase de passe"
    dialog.passphrase_edit.setText("abc")
    assert dialog.strength_label.text() == "Trop courte."
    dialog.passphrase_edit.setText("quatre mots pas liés du tout ici")
    english_hint = passphrase_strength("quatre mots pas liés du tout ici")[1]
    assert dialog.strength_label.text() == french[english_hint]
    dialog.confirm_edit.setText("autre chose")
    dialog.understood.setChecked(True)
    dialog.create_button.click()
    assert dialog.error_label.text().startswith("Les deux phrases de passe sont différentes.")


def test_create_profile_dialog_english_unchanged(qtbot):
    from reflect.ui.screens.create_profile_dialog import CreateProfileDialog

    dialog = CreateProfileDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Create a private profile"
    dialog.passphrase_edit.setText("abc")
    assert dialog.strength_label.text() == "Too short."
    dialog.confirm_edit.setText("abd")
    dialog.understood.setChecked(True)
    dialog.create_button.click()
    assert dialog.error_label.text().startswith("The two passphrases are different.")


def test_recovery_dialogs_and_prompt_in_french(qtbot, french):
    from reflect.ui.screens.passphrase_prompt import PassphrasePrompt
    from reflect.ui.screens.recover_dialog import RecoverDialog
    from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog, recovery_sheet_html

    recover = RecoverDialog("Sam & Co")
    qtbot.addWidget(recover)
    assert recover.windowTitle() == "Ouvrir avec votre clé de récupération"
    assert "Sam &amp; Co" in _texts(recover)
    recover.findChildren(QDialogButtonBox)[0].accepted.emit()
    assert recover.error_label.text() == "Veuillez taper la clé de récupération."

    key = RecoveryKeyDialog("Sam", "ABCDE-12345-FGHIJ-67890-KLMNO")
    qtbot.addWidget(key)
    assert key.windowTitle() == "Votre clé de récupération"
    assert key.ok_button.text() == "Terminé"
    assert key.print_button.text() == "Imprimer…"
    sheet = recovery_sheet_html("Sam", "ABCDE-12345-FGHIJ-67890-KLMNO")
    assert "Clé de récupération Reflect" in sheet and "ABCDE-12345-FGHIJ-67890-KLMNO" in sheet

    prompt = PassphrasePrompt("Titre", "Texte", confirm=True, minimum=8)
    qtbot.addWidget(prompt)
    prompt.first.setText("abc")
    prompt.findChildren(QDialogButtonBox)[0].accepted.emit()
    assert prompt.problem.text() == "Veuillez utiliser au moins 8 caractères."


def test_settings_recovery_key_texts_in_french(qtbot, session, profile_service, french):
    from reflect.ui.screens.settings_screen import SettingsScreen

    screen = SettingsScreen(session, profile_service)
    qtbot.addWidget(screen)
    assert screen.recovery_button.text() == "Nouvelle clé de &récupération…"
    assert screen.recovery_button.accessibleName() == "Créer une nouvelle clé de récupération"


def test_lock_screen_shows_errors_in_french(qtbot, french):
    from reflect.ui.screens.lock_screen import LockScreen

    lock = LockScreen()
    qtbot.addWidget(lock)
    lock.show_error(TooManyAttempts(45))
    assert "Veuillez attendre 45 s" in lock.status_label.text()
    assert "<h1>Reflect</h1>" in _texts(lock)  # the app's name is not the verb "Réfléchir"


def test_a_french_profile_brings_french_to_the_window_and_qt(
    qtbot, paths, profile_service, profile
):
    from reflect.ui.app_window import AppWindow, apply_qt_language

    opened = profile_service.unlock(profile, PASSPHRASE)
    opened.settings.set("language", "fr")
    opened.close()
    window = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(window)
    try:
        window.lock_screen.passphrase_edit.setText(PASSPHRASE)
        window.lock_screen.unlock_button.click()
        qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
        assert window.windowTitle() == "Reflect : Tester"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.buttons()[0].text() == "Annuler"  # Qt's own words follow the profile
        window.lock()
        assert window.windowTitle() == "Reflect"
        window.lock_screen.passphrase_edit.setText("definitely wrong")
        window.lock_screen.unlock_button.click()
        qtbot.waitUntil(
            lambda: "n'ouvre pas ce profil" in window.lock_screen.status_label.text(), timeout=5000
        )
    finally:
        apply_qt_language("en")
        i18n.set_language("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Cancel"
    assert QApplication.instance() is not None


# --- Your data ------------------------------------------------------------------------------


def test_data_dialog_in_french(qtbot, session, french):
    from reflect.ui.screens.data_dialog import DataDialog

    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Vos données"
    assert "Aucune sauvegarde pour l'instant" in dialog.backup_summary.text()
    formats = [dialog.format_combo.itemText(i) for i in range(dialog.format_combo.count())]
    assert "Archive Reflect chiffrée" in formats
    assert all("plain text" not in text for text in formats)
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: "vérifiée" in dialog.status.text(), timeout=5000)
    assert dialog.backup_summary.text().startswith("1 sauvegarde chiffrée. La plus récente : ")
    assert "(manuelle)" in dialog.backup_summary.text()


def test_data_dialog_failure_is_french(qtbot, session, french):
    from reflect.ui.screens.data_dialog import DataDialog

    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    dialog._failed(ValidationError("The folder {path} does not exist.", path="/nowhere"))
    assert dialog.status.text() == "Cela n'a pas fonctionné : Le dossier /nowhere n'existe pas."


def test_import_preview_in_french(qtbot, session, french, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reflect.ui.screens.data_dialog import DataDialog

    export = tmp_path / "journal.json"
    export.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "date": "2026-11-02",
                        "time": "18:00",
                        "title": "Long day",
                        "body": "Tired.",
                        "tags": ["@work"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    from reflect.services.importing import preview_import

    preview = preview_import(session, export, None)
    shown = []

    def decline(*args, **_kwargs):
        shown.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", decline)
    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    dialog._confirm_import(export, None, preview)
    assert "réflexions : 1 à ajouter (0 déjà ici)" in shown[0]
    assert "Les entrées jrnl deviennent des réflexions" in shown[0]
    assert dialog.status.text() == "Rien n'a été importé."


def test_data_dialog_english_unchanged(qtbot, session):
    from reflect.ui.screens.data_dialog import DataDialog

    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Your data"
    assert dialog.format_combo.itemText(0) == "Encrypted Reflect archive"
    dialog._failed(ValidationError("The folder {path} does not exist.", path="/nowhere"))
    assert dialog.status.text() == "That did not work: The folder /nowhere does not exist."


# --- help contacts, resources, about the content, plan printout ------------------------------


def test_help_contact_dialog_in_french(qtbot, french):
    from reflect.ui.screens.help_contact_dialog import HelpContactDialog

    dialog = HelpContactDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Ajouter un contact d'aide"
    assert dialog.name_edit.accessibleName() == "Nom du contact"
    assert dialog.kind_combo.itemText(0) == "Programme d'aide aux employés"
    dialog.accept()
    assert dialog.error_label.text() == (
        "Veuillez donner un nom à ce contact, par exemple «\u00a0Mon PAE\u00a0»."
    )


def test_about_the_content_has_french_for_every_text(french):
    data = json.loads(asset_path("resources", "about_content.json").read_text(encoding="utf-8"))
    texts = []
    for section in data["sections"]:
        texts += [section["title"], section.get("intro", "")]
        texts += [fact["text"] for fact in section["facts"]]
    missing = [t for t in texts if t and t not in french]
    assert missing == []


def test_about_the_content_page_in_french_keeps_citations(qtbot, session, french):
    from reflect.ui.widgets.about_content_view import AboutContentView

    view = AboutContentView(session.resources.about)
    qtbot.addWidget(view)
    page = view.browser.toPlainText()
    assert "Ce que veulent dire les chiffres de Reflect" in page
    assert "Stamm, B. H. (2010). The Concise ProQOL Manual" in page  # citations as published
    assert "https://proqol.org/ProQOl_Test_Manuals.html" in page
    assert "1-833-900-1010" in page
    assert view.browser.accessibleName() == "À propos du contenu : sources et références"


def test_resources_exercises_and_plan_printout_in_french(qtbot, session, french):
    from reflect.domain.my_plan import MyPlan, PlanPerson
    from reflect.ui.screens.resources_screen import ResourcesScreen
    from reflect.ui.widgets.plan_printout import plan_html

    screen = ResourcesScreen(session)
    qtbot.addWidget(screen)
    screen.show_exercise("grounding")
    assert screen.exercises.list.item(0).text() != "Paced breathing"
    screen.exercises.grounding.start()
    screen.exercises.grounding._go_to(1)
    assert screen.exercises.grounding.next_button.text() == "Sens suivant"
    screen.exercises.breathing.pace_slider.setValue(1500)
    assert screen.exercises.breathing.pace_label.text().startswith("1,5 s")
    lines = session.resources.crisis_directory.lines_for("CA")
    html = plan_html(
        MyPlan(people=[PlanPerson("Alex", "555-0100", "")]), lines, (), datetime(2026, 11, 5)
    )
    assert "<h1>Mon plan</h1>" in html and "Imprimé le 5 novembre 2026" in html
    assert "Comment les joindre" in html and "Lignes d'aide" in html
    assert "Ligne d'urgence canadienne contre la traite des personnes" in html


def test_plan_printout_english_unchanged():
    from reflect.domain.my_plan import MyPlan
    from reflect.ui.widgets.plan_printout import plan_html

    html = plan_html(MyPlan(), printed_at=datetime(2026, 11, 5))
    assert "<h1>My plan</h1>" in html and "Printed 5 November 2026." in html
    assert html.count("Nothing written yet.") == 4


def test_french_buttons_fit_at_a_larger_font(qtbot, session, french):
    """French is longer: no button of the data dialog is narrower than its own text."""
    from reflect.ui.screens.data_dialog import DataDialog

    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    font = dialog.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    dialog.setFont(font)
    dialog.show()
    qtbot.waitExposed(dialog)
    for button in dialog.findChildren(QPushButton):
        if button.isVisible():
            text = button.text().replace("&", "")
            assert button.width() >= button.fontMetrics().horizontalAdvance(text), text


def test_a_template_is_translated_with_its_values(french):
    from reflect.domain.errors import ValidationError
    from reflect.domain.message import Message, Term

    catalogue = i18n.load_catalogue("fr")
    template = "“{section}” holds at most {count} entries; please combine some."
    assert template in catalogue
    error = ValidationError(template, section=Term("What helps me"), count=40)
    shown = message_in_language(error)
    assert "40" in shown and "Ce qui m'aide" in shown
    # A value that is not a Term (what a person typed) is never translated.
    typed = ValidationError(template, section="What helps me", count=40)
    assert "What helps me" in message_in_language(typed)
    # A message inside another is translated too.
    inner = Message("{name} is not UTF-8 text; nothing was imported.", name="r.json")
    outer = ValidationError("Cannot read {path}: {error}", path="r.json", error=inner)
    assert "rien n'a été importé" in message_in_language(outer)
