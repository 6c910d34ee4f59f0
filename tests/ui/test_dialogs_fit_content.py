"""The lock screen's dialogs, the self-check and the tag manager can be made small, never
smaller than their words: in French (the longer language), shrunk as far as the window
allows, every caption, field and paragraph keeps the room it needs."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from reflect.domain.recovery import SelfCheck
from reflect.domain.reflection import Reflection
from reflect.ui import i18n
from reflect.ui.screens.create_profile_dialog import CreateProfileDialog
from reflect.ui.screens.passphrase_prompt import PassphrasePrompt
from reflect.ui.screens.recover_dialog import RecoverDialog
from reflect.ui.screens.self_check_dialog import SelfCheckDialog
from reflect.ui.screens.tag_manager_dialog import TagManagerDialog
from reflect.ui.theme import COLOURS, apply_theme


@pytest.fixture(params=["en", "fr"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def _field_height(field: QLineEdit) -> int:
    """A line of text and its frame. (Not the size hint: under the app's style sheet the
    focused field's hint grows by its 2 px focus ring, which the layout does not chase.)"""
    return field.fontMetrics().height() + 6


def _cut_off(dialog: QWidget) -> list[str]:
    """Visible parts of ``dialog`` that are smaller than what they show."""
    problems = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or widget.width() <= 0:
            continue
        size = widget.size()
        if isinstance(widget, QLabel) and widget.text():
            needed = widget.heightForWidth(size.width()) if widget.wordWrap() else -1
            if needed < 0:
                needed = widget.minimumSizeHint().height()
            if size.height() < needed or size.width() < widget.minimumSizeHint().width():
                problems.append(f"label {widget.text()[:40]!r} {size.toTuple()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if size.width() < widget.sizeHint().width():
                problems.append(f"button {widget.text()!r} {size.width()}")
        elif isinstance(widget, QLineEdit) and size.height() < _field_height(widget):
            problems.append(f"field {widget.accessibleName()!r} {size.toTuple()}")
    return problems


def _shrunk(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(1, 1)  # as small as a person could drag it
    QApplication.processEvents()
    return dialog


def _prompt() -> PassphrasePrompt:
    return PassphrasePrompt(
        i18n.tr("Change passphrase"),
        i18n.tr(
            "Choose a new passphrase. Nobody can recover it if it is lost. If this profile "
            "has a recovery key, you will get a new one and the old one stops working."
        ),
        confirm=True,
        minimum=12,
    )


@pytest.mark.parametrize(
    "build",
    [CreateProfileDialog, lambda: RecoverDialog("Demo (fictional data)"), _prompt],
    ids=["create-profile", "recover", "passphrase"],
)
def test_lock_screen_dialogs_keep_their_words_when_shrunk(qtbot, language, build):
    dialog = _shrunk(qtbot, build())
    assert _cut_off(dialog) == []


def test_a_problem_line_makes_room_for_itself(qtbot, language):
    dialog = _shrunk(qtbot, _prompt())
    dialog.first.setText("short")
    dialog._on_ok()  # too short: the problem line appears under the fields
    QApplication.processEvents()
    dialog.resize(1, 1)
    QApplication.processEvents()
    assert dialog.problem.text()
    assert _cut_off(dialog) == []


def test_self_check_and_tag_manager_keep_their_words(qtbot, language, session):
    session.journal.save(
        Reflection("quick", datetime.now(), answers={"what_happened": "x"}, tags=["night-shift"])
    )
    check = SelfCheck("3d", date.today(), id=1)
    for dialog in (SelfCheckDialog(session.exposure, check), TagManagerDialog(session.journal)):
        assert _cut_off(_shrunk(qtbot, dialog)) == []


def test_self_check_says_what_the_numbers_mean_before_any_is_chosen(qtbot, session, language):
    dialog = SelfCheckDialog(session.exposure, SelfCheck("3d", date.today(), id=1))
    qtbot.addWidget(dialog)
    scale = dialog.findChild(QLabel, "selfCheckScale")
    for number, word in enumerate(("Not at all", "A little", "Somewhat", "Quite a bit", "A lot")):
        assert f"<b>{number}</b> {i18n.tr(word)}" in scale.text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_problem_lines_use_the_themes_readable_red(qtbot, scheme):
    """The problem line of the passphrase prompt was drawn in the accent colour, and the
    new-passphrase red was fixed for the light theme: both read at 4.5:1 on either theme."""
    from PySide6.QtGui import QColor

    app = QApplication.instance()
    apply_theme(scheme, app)
    try:
        window = QColor(COLOURS[scheme]["window"])
        create, prompt = CreateProfileDialog(), _prompt()
        for dialog, line in ((create, create.error_label), (prompt, prompt.problem)):
            qtbot.addWidget(dialog)
            dialog.show()
            assert _contrast(line.palette().color(line.foregroundRole()), window) >= 4.5
    finally:
        apply_theme("light", app)


def _contrast(first, second) -> float:
    def luminance(colour) -> float:
        channels = [colour.redF(), colour.greenF(), colour.blueF()]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "build",
    [CreateProfileDialog, lambda: RecoverDialog("Demo (fictional data)"), _prompt],
    ids=["create-profile", "recover", "passphrase"],
)
def test_escape_cancels_and_enter_asks_for_what_is_missing(qtbot, build):
    dialog = build()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field = dialog.focusWidget() or dialog
    # Enter with nothing typed: the dialog stays and says what is missing (or its main
    # button waits, greyed, until there is a passphrase), it never closes on an empty form.
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected


def test_enter_saves_the_self_check(qtbot, session):
    session.exposure.add_self_checks([SelfCheck("3d", date.today())])
    check = session.exposure.self_checks()[0]  # stored: it has an id to complete
    dialog = SelfCheckDialog(session.exposure, check)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    for row in dialog.rows.values():
        row.set_value(1)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.saved is not None  # Save is the default button: the answers were kept


def test_every_control_in_these_dialogs_has_a_name_to_speak(qtbot, session, language):
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QFrame, QProgressBar

    QAccessible.setActive(True)
    session.journal.save(
        Reflection("quick", datetime.now(), answers={"what_happened": "x"}, tags=["night-shift"])
    )
    check = SelfCheck("3d", date.today(), id=1)
    dialogs = [
        CreateProfileDialog(),
        RecoverDialog("Demo (fictional data)"),
        _prompt(),
        SelfCheckDialog(session.exposure, check),
        TagManagerDialog(session.journal),
    ]
    controls = (QAbstractButton, QLineEdit, QAbstractItemView, QCheckBox, QProgressBar)
    silent = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        for widget in dialog.findChildren(QWidget):
            focusable_frame = isinstance(widget, QFrame) and bool(
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            )
            if not widget.isVisibleTo(dialog) or not (
                isinstance(widget, controls) or focusable_frame
            ):
                continue
            interface = QAccessible.queryAccessibleInterface(widget)
            name = interface.text(QAccessible.Text.Name) if interface else ""
            if not (name or widget.accessibleName()).strip():
                silent.append(f"{type(dialog).__name__}: {type(widget).__name__}")
    assert silent == []


@pytest.mark.parametrize("point_size", [9, 24])
def test_the_lock_screen_card_grows_with_the_font(qtbot, language, point_size):
    from reflect.ui.screens.lock_screen import LockScreen

    app = QApplication.instance()
    usual = app.font()
    font = app.font()
    font.setPointSize(point_size)
    app.setFont(font)
    try:
        screen = LockScreen()
        qtbot.addWidget(screen)
        screen.resize(1100, 740)
        screen.show()
        qtbot.waitExposed(screen)
        for button in (screen.create_button, screen.demo_button, screen.forgot_button):
            caption = button.text().replace("&", "")
            assert button.width() >= button.fontMetrics().horizontalAdvance(caption) + 8
    finally:
        app.setFont(usual)
