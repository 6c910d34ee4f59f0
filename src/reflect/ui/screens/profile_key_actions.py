"""Settings → This profile: changing the passphrase and making a new recovery key.

Each asks first, does the work through ``ProfileService`` and reports one line through
``report`` (the Settings status line).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from reflect.domain.errors import ReflectError
from reflect.domain.passphrase import MIN_PASSPHRASE_LENGTH
from reflect.services.profiles import ProfileService
from reflect.services.session import Session
from reflect.ui.asked_across_lock import accepted, run_modal
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.widgets.confirm import confirm_destructive

PASSPHRASE_NOT_CHANGED = "The passphrase could not be changed: {error}"
RECOVERY_KEY_NOT_MADE = "No new recovery key was made: {error}"


def change_passphrase(
    parent: QWidget, profiles: ProfileService, session: Session, report: Callable[[str], None]
) -> None:
    from reflect.ui.screens.passphrase_prompt import PassphrasePrompt

    prompt = PassphrasePrompt(
        tr("Change passphrase"),
        tr(
            "Choose a new passphrase. Nobody can recover it if it is lost. If this profile "
            "has a recovery key, you will get a new one and the old one stops working."
        ),
        confirm=True,
        minimum=MIN_PASSPHRASE_LENGTH,
        parent=parent,
    )
    if not accepted(prompt):
        return
    new = prompt.passphrase()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        recovery = profiles.change_passphrase(session, new, new)
    except ReflectError as exc:
        report(message_in_language(exc))
        return
    except Exception as exc:  # noqa: BLE001 - a full disk: say so rather than nothing
        report(tr(PASSPHRASE_NOT_CHANGED).format(error=message_in_language(exc)))
        return
    finally:
        QApplication.restoreOverrideCursor()
        prompt.clear()
    report(tr("Passphrase changed. Use the new one next time you unlock."))
    if recovery:
        from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

        run_modal(RecoveryKeyDialog(session.profile.display_name, recovery, parent))


def make_recovery_key(
    parent: QWidget, profiles: ProfileService, session: Session, report: Callable[[str], None]
) -> None:
    text = tr(
        "A recovery key opens this profile if you forget your passphrase. Anyone holding it "
        "can open the profile, so keep it private."
    )
    if profiles.has_recovery_key(session.profile):
        text += " " + tr("Your current recovery key will stop working.")
    if not confirm_destructive(parent, tr("New recovery key"), text, tr("Make a new key")):
        return
    from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

    try:
        code = profiles.create_recovery_key(session)
    except Exception as exc:  # noqa: BLE001 - a full disk: say so rather than nothing
        report(tr(RECOVERY_KEY_NOT_MADE).format(error=message_in_language(exc)))
        return
    if run_modal(RecoveryKeyDialog(session.profile.display_name, code, parent)) is None:
        return  # locked while the key was shown: the lock screen says so
    report(tr("New recovery key made. Any earlier one no longer works."))
