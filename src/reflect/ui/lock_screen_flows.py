"""The lock screen's ways into a profile: unlock with the passphrase, create a profile,
open one with its recovery key, try the demo. ``AppWindow`` is built on this class.

Each runs its slow part (key derivation, demo data) off the GUI thread and ends in
``AppWindow._on_unlocked`` or ``_on_unlock_failed``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from reflect.diagnostics import record_error, record_timing
from reflect.domain.errors import ReflectError
from reflect.domain.profile import ProfileInfo
from reflect.services.session import Session
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.workers import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService
    from reflect.ui.screens.lock_screen import LockScreen


class LockScreenFlows(QMainWindow):
    """What the lock screen's buttons lead to; ``AppWindow`` builds on it and connects them."""

    paths: AppPaths
    profiles: ProfileService
    lock_screen: LockScreen
    session: Session | None

    def _on_unlocked(self, session: Session) -> None:
        """``AppWindow``: the workspace around ``session``."""
        raise NotImplementedError

    def _on_lock_screen_unlock(self, info: ProfileInfo, passphrase: str) -> None:
        self.lock_screen.set_busy(True, tr("Unlocking…"))
        started = time.perf_counter()

        def unlocked(session: Session) -> None:
            record_timing(self.paths.data_dir, "unlock", time.perf_counter() - started)
            self._on_unlocked(session)

        run_in_background(
            lambda: self.profiles.unlock(info, passphrase), unlocked, self._on_unlock_failed
        )

    def _on_unlock_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ReflectError):
            record_error(self.paths.data_dir, exc, "unlock")
        if isinstance(exc, ReflectError):
            self.lock_screen.show_error(message_in_language(exc))
        else:
            self.lock_screen.show_error(
                tr("Reflect could not open this profile: {error}").format(
                    error=message_in_language(exc)
                )
            )

    def _on_lock_screen_create(self) -> None:
        # Imported when asked for: the lock screen's first frame does not need the dialog.
        from reflect.ui.screens.create_profile_dialog import CreateProfileDialog

        dialog = CreateProfileDialog(self)
        if dialog.exec() != CreateProfileDialog.DialogCode.Accepted:
            return
        name, passphrase = dialog.display_name, dialog.passphrase
        self.lock_screen.set_busy(True, tr("Creating your encrypted profile…"))

        def create() -> tuple[Session, str | None]:
            info = self.profiles.create(passphrase, name)
            session = self.profiles.unlock(info, passphrase)
            if role == "supervisor":
                session.settings.set("role", role)
            code = self.profiles.create_recovery_key(session) if wants_recovery else None
            return session, code

        def created(result: tuple[Session, str | None]) -> None:
            session, code = result
            self._on_unlocked(session)
            if code:
                self.show_recovery_key(code)

        wants_recovery = dialog.wants_recovery_key
        role = dialog.role
        run_in_background(create, created, self._on_unlock_failed)

    def show_recovery_key(self, code: str) -> None:
        from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

        name = self.session.profile.display_name if self.session else ""
        RecoveryKeyDialog(name, code, self).exec()

    def _on_lock_screen_recovery(self, info: ProfileInfo) -> None:
        from reflect.ui.screens.recover_dialog import RecoverDialog

        try:
            has_key = self.profiles.has_recovery_key(info)
        except ReflectError as exc:  # a damaged vault.json: say so, not silence
            self.lock_screen.show_error(message_in_language(exc))
            return
        if not has_key:
            self.lock_screen.show_error(
                tr(
                    "This profile has no recovery key, so a forgotten passphrase cannot be "
                    "recovered. If you remember part of it, take your time and try again."
                )
            )
            return
        dialog = RecoverDialog(info.display_name, self)
        if dialog.exec() != RecoverDialog.DialogCode.Accepted:
            return
        code, new_passphrase = dialog.recovery_key, dialog.new_passphrase
        self.lock_screen.set_busy(True, tr("Checking the recovery key…"))
        run_in_background(
            lambda: self.profiles.unlock_with_recovery_key(
                info, code, new_passphrase, new_passphrase
            ),
            self._on_unlocked,
            self._on_unlock_failed,
        )

    def _on_lock_screen_demo(self) -> None:
        from reflect.services.demo import DEMO_PASSPHRASE, ensure_demo_profile

        self.lock_screen.set_busy(True, tr("Preparing the demo profile (fictional data)…"))

        def open_demo(report: Callable[[int, str], None]) -> Session:
            info = ensure_demo_profile(self.profiles, progress=report)
            return self.profiles.unlock(info, DEMO_PASSPHRASE)

        run_in_background(
            open_demo,
            self._on_unlocked,
            self._on_unlock_failed,
            on_progress=lambda pct, text: self.lock_screen.set_busy(
                True, f"{message_in_language(text)} {pct}%"
            ),
        )
