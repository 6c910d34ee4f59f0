"""Words from a packet are shown as words: markup in a sender's name or a packet's title is
never drawn as rich text on the supervisor's screen (a hostile packet could otherwise restyle
the screen, hide text or show a local image)."""

from __future__ import annotations

import json
import secrets
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reflect.domain.supervision import Agreement
from reflect.storage.sealed_files import seal
from reflect.ui.workspace import Workspace

MARK = "<b style='font-size:60px'>HOSTILE</b>"


def test_packet_name_and_title_are_plain_text_on_the_supervision_screen(qtbot, pair, tmp_path):
    supervisor_key, _ = pair.supervisor.supervision.my_key()
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, supervisor_key, tmp_path / "p.age", flagged_confirmed=True
    )
    data = packet.to_json()
    data["packet_id"] = secrets.token_hex(16)
    data["from"]["name"] = MARK
    data["debrief"]["title"] = f"{MARK} May"
    hostile = tmp_path / "hostile.age"
    hostile.write_bytes(seal(json.dumps(data).encode(), [supervisor_key]))

    window = Workspace(pair.supervisor)
    qtbot.addWidget(window)
    window.show_screen("supervision")
    screen = window.screens["supervision"]
    assert screen.import_packet(hostile)
    person = pair.supervisor.supervision.supervisees()[0]
    pair.supervisor.supervision.save_agreement(
        Agreement(person.id, "monthly", review_on=date.today() + timedelta(days=3))
    )
    screen.refresh()
    showing = [label for label in screen.findChildren(QLabel) if "HOSTILE" in label.text()]
    assert len(showing) >= 3  # the import status, the packet's heading and meta, the reminder
    for label in showing:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
