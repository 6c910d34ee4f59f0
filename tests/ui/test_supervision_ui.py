"""The supervisor's side in the app: parts of a reflection, sending a packet, the Supervision
screen, a reply coming back (qtbot, two profiles in two data folders)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reflect.ui import i18n
from reflect.ui.screens.debrief_screen import DebriefScreen
from reflect.ui.screens.supervisor_dialogs import AddSupervisorDialog, SendPacketDialog
from reflect.ui.workspace import Workspace
from tests.services.supervision_fixtures import (
    CANARY,
    PART_CANARY,
    PART_SHARED,
    all_rows_text,
)
from tests.ui.test_debrief_ui import all_texts

PNG = Path("/tmp/supervisor-png")


@pytest.fixture(autouse=True)
def _english_afterwards():
    """The tests switch the language; the next test starts in English."""
    yield
    i18n.set_language("en")


def _row_of(widget, ref: str) -> int:
    for row in range(widget.count()):
        if widget.item(row).data(Qt.ItemDataRole.UserRole) == ref:
            return row
    raise AssertionError(ref)


def test_a_ticked_reflection_shares_only_the_chosen_parts(qtbot, pair):
    screen = DebriefScreen(pair.provider)
    qtbot.addWidget(screen)
    screen.show()
    screen.new_debrief()
    ref = str(pair.part_reflection)
    lists = screen.picker.lists["reflection"]
    lists.setCurrentRow(_row_of(lists, ref))
    screen.picker.set_checked("reflection", ref)
    assert screen.parts.isVisible()
    # A new tick starts with the outline only; the reaction and feelings stay unticked.
    assert screen.picker.parts_of(ref) == ("what_happened",)
    assert screen.parts.chosen() == ("what_happened",)
    preview = all_texts(screen.preview)
    assert PART_SHARED in preview and PART_CANARY not in preview
    screen.parts.checks["my_reaction"].setChecked(True)
    assert PART_CANARY in all_texts(screen.preview)
    screen.parts.checks["my_reaction"].setChecked(False)
    assert screen.save()
    assert pair.provider.debrief.get(screen.debrief.id).parts_of(ref) == ("what_happened",)
    view = pair.provider.debrief.shared_view(screen.debrief.id)
    assert PART_CANARY not in view.all_text() and PART_SHARED in view.all_text()
    # The choice is remembered as the start for the next reflection ticked.
    assert pair.provider.settings.get("debrief_share_parts") == ["what_happened"]
    screen.picker.set_checked("reflection", ref, False)
    assert screen.picker.parts() == {}


def _send_packet_through_the_app(qtbot, pair, tmp_path, monkeypatch) -> Path:
    screen = DebriefScreen(pair.provider)
    qtbot.addWidget(screen)
    screen.open_debrief(pair.debrief_id)
    recipient, print_ = pair.supervisor.supervision.my_key()
    add = AddSupervisorDialog(pair.provider)
    qtbot.addWidget(add)
    add.name.setText("Sam")
    add.key.setText(recipient)
    assert add.print_label.text() == print_
    assert not add.ok_button.isEnabled()  # the fingerprint must be compared first
    add.confirm.setChecked(True)
    add.add()
    assert add.added_id is not None
    dialog = SendPacketDialog(pair.provider, pair.debrief_id)
    qtbot.addWidget(dialog)
    assert dialog.supervisor.currentData() == recipient
    dialog.with_notes.setChecked(True)
    dialog.rating_rows["heard"].set_value(4)  # rated, but not ticked to send
    out = tmp_path / "outbox.age"
    monkeypatch.setattr(dialog, "ask_path", lambda: out)
    monkeypatch.setattr(dialog, "confirm_flags", lambda *_a: True)
    monkeypatch.setattr(dialog, "exec", lambda: (dialog.send(), dialog.result())[1])
    assert screen.send_to_supervisor(dialog) == out
    return out


def test_packet_and_reply_through_the_app(qtbot, pair, tmp_path, monkeypatch):
    packet_path = _send_packet_through_the_app(qtbot, pair, tmp_path, monkeypatch)
    assert packet_path.read_bytes().startswith(b"age-encryption.org/v1")
    # The provider's rating is theirs: kept in their profile, not in the packet.
    assert [r.scores for r in pair.provider.supervision.log.ratings("provider")] == [{"heard": 4}]
    assert pair.supervisor.supervision.open_packet(packet_path.read_bytes()).rating == {}

    sup_window = Workspace(pair.supervisor)
    qtbot.addWidget(sup_window)
    sup_window.resize(1200, 800)
    sup_window.show()
    sup_window.show_screen("supervision")
    screen = sup_window.screens["supervision"]
    assert screen.import_packet(packet_path)
    assert not screen.import_packet(packet_path)
    assert "already imported" in screen.status.text()
    view = screen.packet_view
    assert view.packet_id
    shown = all_texts(screen)
    assert PART_SHARED in shown and CANARY not in shown and PART_CANARY not in shown
    view.steps.setCurrentRow(5)  # self-care
    view.note.setPlainText("Short walks after hard visits.")
    view.share_note.setChecked(True)
    view.action_text.setText("Try a wind-down routine for a week")
    view.action_owner.setText("Alex")
    view.add_action_button.click()
    assert view.actions_list.count() == 1
    reply_path = tmp_path / "reply.age"
    monkeypatch.setattr(view, "ask_reply_path", lambda: reply_path)
    assert view.write_reply(date(2030, 1, 15), "See you then.") == reply_path
    assert CANARY not in all_rows_text(pair.supervisor)

    prov_window = Workspace(pair.provider)
    qtbot.addWidget(prov_window)
    prov_window.show()
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    message = prov_window.open_sealed_file(reply_path)
    assert "1 action" in message
    home = prov_window.screens["home"]
    assert "Try a wind-down routine for a week" in all_texts(home)
    debrief = prov_window.screens["debrief"]
    debrief.open_debrief(pair.debrief_id)
    assert "Short walks after hard visits." in debrief.replies.text()
    planned = [
        d for d in pair.provider.debrief.history() if d.scheduled_for.date() == date(2030, 1, 15)
    ]
    assert planned, "the next date became a planned debrief"
    nxt = pair.provider.debrief.shared_view(planned[0].id)
    assert "Try a wind-down routine for a week" in [a.text for a in nxt.carried_over]
    again = prov_window.open_sealed_file(reply_path)
    assert "already imported" in again


def test_wrong_profile_and_plain_files_are_refused_when_dropped(qtbot, pair, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    packet_path = _send_packet_through_the_app(qtbot, pair, tmp_path, monkeypatch)
    stranger_dir = tmp_path / "stranger"
    from tests.services.supervision_fixtures import open_profile

    stranger = open_profile(stranger_dir, "Kim", "supervisor")
    try:
        window = Workspace(stranger)
        qtbot.addWidget(window)
        before = all_rows_text(stranger)
        assert "someone else's key" in window.open_sealed_file(packet_path)
        assert all_rows_text(stranger) == before
        plain = tmp_path / "notes.txt"
        plain.write_text("hello", encoding="utf-8")
        assert "Only sealed files" in window.open_sealed_file(plain)
    finally:
        stranger.close()


def _render(widget, name: str) -> None:
    widget.grab().save(str(PNG / name))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_supervisor_screens_render(qtbot, pair, tmp_path, monkeypatch, language):
    packet_path = _send_packet_through_the_app(qtbot, pair, tmp_path, monkeypatch)
    sup = pair.supervisor.supervision
    sup.import_packet(packet_path)
    from datetime import datetime, timedelta

    from reflect.domain.supervision import Agreement, HotDebrief, HoursEntry

    person = sup.supervisees()[0]
    sup.save_agreement(
        Agreement(
            person.id,
            "Every two weeks, one hour",
            "Restorative first",
            "Between us",
            "Each keeps own notes",
            date.today() + timedelta(days=7),
        )
    )
    sup.log.add_hours(HoursEntry(date.today() - timedelta(days=3), 60, supervisee_id=person.id))
    sup.log.add_hours(HoursEntry(date.today() - timedelta(days=10), 90, "group", "video"))
    sup.log.save_hot_debrief(
        HotDebrief(
            datetime.now() - timedelta(days=4),
            {"outline": "Difficult night shift"},
            ["handover"],
            ["Review the on-call list"],
        )
    )
    i18n.set_language(language)
    window = Workspace(pair.supervisor)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    window.show_screen("supervision")
    screen = window.screens["supervision"]
    qtbot.waitExposed(window)
    assert screen.reminders.isVisible()
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        _render(window, f"supervision-{language}-tab{index}.png")
    window.show_screen("settings")
    settings = window.screens["settings"]
    settings.supervision.show_key()
    settings.supervision.ensurePolished()
    _render(settings.supervision, f"settings-supervision-{language}.png")
    dialog = SendPacketDialog(pair.provider, pair.debrief_id)
    qtbot.addWidget(dialog)
    dialog.show()
    _render(dialog, f"send-packet-{language}.png")
    add = AddSupervisorDialog(pair.provider)
    qtbot.addWidget(add)
    add.show()
    add.key.setText(pair.supervisor.supervision.my_key()[0])
    _render(add, f"add-supervisor-{language}.png")
    debrief = DebriefScreen(pair.provider)
    qtbot.addWidget(debrief)
    debrief.resize(1100, 760)
    debrief.show()
    debrief.open_debrief(pair.debrief_id)
    lists = debrief.picker.lists["reflection"]
    lists.setCurrentRow(_row_of(lists, str(pair.part_reflection)))
    _render(debrief, f"debrief-parts-{language}.png")


def test_supervision_screen_controls_are_named_and_reachable(qtbot, pair, tmp_path, monkeypatch):
    from tests.ui.test_accessibility import _controls, _inside_keyboard_composite, _spoken_name
    from tests.ui.test_workspace_keyboard_names import _open_every_tab, _unnamed

    window = Workspace(pair.supervisor)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    assert [k for k, _ in window.navigation][-1] == "supervision"
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts need the active window (other tests left windows)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, "9", Qt.KeyboardModifier.AltModifier)
    screen = window.screens["supervision"]
    assert window.stack.currentWidget() is screen
    packet_path = _send_packet_through_the_app(qtbot, pair, tmp_path, monkeypatch)
    assert screen.import_packet(packet_path)
    _open_every_tab(screen)
    assert _unnamed(screen) == []
    unreachable = [
        f"{type(w).__name__} {_spoken_name(w)!r}"
        for w in _controls(screen)
        if w.isEnabled()
        and not _inside_keyboard_composite(w, screen)
        and not w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert unreachable == []
    # The settings group of a provider is named too.
    window.show_screen("settings")
    assert _unnamed(window.screens["settings"]) == []


def test_supervisor_role_chosen_at_creation_and_in_settings(qtbot, tmp_path, monkeypatch):
    from reflect.paths import AppPaths
    from reflect.ui.app_window import AppWindow
    from reflect.ui.screens.create_profile_dialog import CreateProfileDialog

    window = AppWindow(AppPaths(tmp_path / "fresh").ensure(), fast_kdf=True)
    qtbot.addWidget(window)
    window.show()

    def fake_exec(dialog):
        dialog.name_edit.setText("Sam")
        dialog.passphrase_edit.setText("a long enough passphrase here")
        dialog.confirm_edit.setText("a long enough passphrase here")
        dialog.understood.setChecked(True)
        dialog.make_recovery_key.setChecked(False)
        dialog.as_supervisor.setChecked(True)
        return CreateProfileDialog.DialogCode.Accepted

    monkeypatch.setattr(CreateProfileDialog, "exec", fake_exec)
    window._on_lock_screen_create()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10000)
    assert window.session.settings.get("role") == "supervisor"
    assert "supervision" in window.workspace.screens
    # Back to provider in Settings: the workspace is rebuilt without the Supervision screen.
    settings = window.workspace.screens["settings"]
    settings.supervision.role.setCurrentIndex(settings.supervision.role.findData("provider"))
    qtbot.waitUntil(lambda: "supervision" not in window.workspace.screens, timeout=5000)
    window.lock()


def test_hours_export_csv_and_pdf_are_private_files(qtbot, pair, tmp_path):
    import stat

    import pypdf

    from reflect.domain.supervision import HoursEntry
    from reflect.ui.widgets.supervision_hours import HoursLog

    sup = pair.supervisor.supervision
    sup.log.add_hours(HoursEntry(date(2026, 3, 2), 75, note="=SUM(A1)"))
    sup.log.add_hours(HoursEntry(date(2025, 11, 5), 60, "group", "video"))
    log = HoursLog(pair.supervisor)
    qtbot.addWidget(log)
    assert log.table.rowCount() == 2
    assert "2026" in log.totals.text() and "2025" in log.totals.text()
    csv_path, pdf_path = tmp_path / "hours.csv", tmp_path / "hours.pdf"
    log.export_to("csv", csv_path)
    log.export_to("pdf", pdf_path)
    for path in (csv_path, pdf_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "2026-03-02,75,1.25" in text and "'=SUM(A1)" in text  # no formula injection
    pdf_text = " ".join(
        " ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf_path).pages
    )
    assert "Supervision hours" in pdf_text and "1.25" in pdf_text
