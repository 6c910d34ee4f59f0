"""Every dialog of Settings, Resources, Supervision and Team keeps its text whole in French
(the longer language) when the person makes it as small as it lets them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel

from reflect.ui import i18n
from reflect.ui.theme import apply_theme
from tests.ui.text_fit import cut_texts


@pytest.fixture
def french():
    i18n.set_language("fr")
    apply_theme("light")
    yield
    i18n.set_language("en")


def _dialogs(session) -> dict[str, Callable[[], QDialog]]:
    from reflect.ui.screens.about_dialog import AboutDialog
    from reflect.ui.screens.break_dialog import BreakDialog
    from reflect.ui.screens.data_dialog import DataDialog
    from reflect.ui.screens.delete_profile_dialog import DeleteProfileDialog
    from reflect.ui.screens.get_help_dialog import GetHelpDialog
    from reflect.ui.screens.help_contact_dialog import HelpContactDialog
    from reflect.ui.screens.passphrase_prompt import PassphrasePrompt
    from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog
    from reflect.ui.screens.shift_log_dialog import ShiftLogDialog
    from reflect.ui.screens.supervisor_dialogs import AddSupervisorDialog
    from reflect.ui.screens.team_contribute_dialog import TeamContributeDialog
    from reflect.ui.widgets.supervision_reply_dialog import ReplyDialog

    return {
        "about": AboutDialog,
        "break": lambda: BreakDialog(session.exposure),
        "data": lambda: DataDialog(session),
        "delete": lambda: DeleteProfileDialog("Tester"),
        "help": lambda: GetHelpDialog(country="CA", session=session),
        "contact": HelpContactDialog,
        "recovery key": lambda: RecoveryKeyDialog("Tester", "093XH-GDS7G-NEBKP-R6JGH-JT2ZS"),
        "shift log": lambda: ShiftLogDialog(session.exposure),
        "add supervisor": lambda: AddSupervisorDialog(session),
        "team": lambda: TeamContributeDialog(session),
        "reply": ReplyDialog,
        "passphrase": lambda: PassphrasePrompt(
            i18n.tr("Change passphrase"),
            i18n.tr(
                "Choose a new passphrase. Nobody can recover it if it is lost. If this profile "
                "has a recovery key, you will get a new one and the old one stops working."
            ),
            confirm=True,
        ),
    }


@pytest.mark.parametrize(
    "name",
    ["about", "break", "data", "delete", "help", "contact", "recovery key", "shift log",
     "add supervisor", "team", "reply", "passphrase"],
)  # fmt: skip
def test_text_stays_whole_at_the_smallest_size_in_french(qtbot, session, french, name):
    dialog = _dialogs(session)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumSizeHint())  # as small as the person can drag it
    for _ in range(5):
        QApplication.processEvents()
    assert cut_texts(dialog, skip_scrolled=False) == []


def test_a_focused_check_box_keeps_its_last_letters(qtbot, french):
    """The focus ring is drawn inside the box: it must not cover the end of the text."""
    from reflect.ui.widgets.supervision_reply_dialog import ReplyDialog

    dialog = ReplyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.has_next
    box.setFocus()
    QApplication.processEvents()
    assert isinstance(box, QCheckBox)
    text = box.fontMetrics().horizontalAdvance(box.text())
    indicator = box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth, None, box)
    # Room for the indicator, the text and the 2-pixel ring on both sides.
    assert box.width() >= text + indicator + 4 + 4


def test_the_account_dialog_says_where_the_draft_will_appear(qtbot, pair, french):
    from reflect.ui.screens.account_dialog import AccountDialog

    dialog = AccountDialog(pair.provider, [])
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.empty_note.text()
    assert dialog.empty_note.isVisible() and note.startswith("Votre ébauche")
    assert not dialog.identity.isVisible()  # no blank box before anything is checked
    dialog.choices.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.make_draft()
    qtbot.wait(1)
    shown = [label.text() for label in dialog.body.findChildren(QLabel) if label.isVisible()]
    assert note not in shown and dialog.title.isVisible()
    assert dialog.when.locale().language() == QLocale.Language.French
