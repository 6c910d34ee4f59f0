"""Where packets, supervisees and replies are listed, an older unsigned one says so, and the
signing fingerprints are there to compare (English and French)."""

from __future__ import annotations

import json

import pytest

from reflect.storage.sealed_files import seal
from reflect.ui import i18n
from reflect.ui.screens.debrief_screen import DebriefScreen
from reflect.ui.workspace import Workspace


def _exchange(pair, tmp_path) -> None:
    """An old unsigned packet and a signed one; an old unsigned reply and a signed one."""
    sup_key = pair.supervisor.supervision.my_key()[0]
    prov_key = pair.provider.supervision_send.my_key()[0]
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, sup_key, tmp_path / "a.age", with_notes=True, flagged_confirmed=True
    )
    doc = packet.to_json()
    doc["packet_id"], doc["debrief"]["title"] = "c" * 32, "Older packet"
    del doc["from"]["signing_key"]
    (tmp_path / "old.age").write_bytes(seal(json.dumps(doc).encode(), [sup_key]))
    pair.supervisor.supervision.import_packet(tmp_path / "old.age")
    pair.supervisor.supervision.import_packet(tmp_path / "a.age")
    reply, _ = pair.supervisor.supervision.send_reply(packet.packet_id, tmp_path / "r.age")
    old = reply.to_json()
    old["reply_id"] = "d" * 32
    del old["from"]["signing_key"]
    (tmp_path / "r-old.age").write_bytes(seal(json.dumps(old).encode(), [prov_key]))
    pair.provider.supervision_send.import_reply(tmp_path / "r-old.age")
    pair.provider.supervision_send.import_reply(tmp_path / "r.age")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_signing_state_is_shown_in_the_lists(qtbot, pair, tmp_path, language):
    _exchange(pair, tmp_path)
    i18n.set_language(language)
    try:
        window = Workspace(pair.supervisor)
        qtbot.addWidget(window)
        window.show_screen("supervision")
        screen = window.screens["supervision"]
        items = [screen.packets.item(i) for i in range(screen.packets.count())]
        unsigned = i18n.tr("not signed")
        old = next(i for i in items if "Older packet" in i.text())
        new = next(i for i in items if "Older packet" not in i.text())
        assert old.text().endswith(unsigned) and not new.text().endswith(unsigned)
        assert i18n.tr("older Reflect") not in new.toolTip()
        pinned = pair.supervisor.supervision.signing_fingerprint_of(
            pair.provider.supervision_send.my_key()[0]
        )
        assert pinned == pair.provider.supervision_send.my_signing_fingerprint()
        assert pinned in screen.people.item(0).toolTip()
        debrief = DebriefScreen(pair.provider)
        qtbot.addWidget(debrief)
        debrief.open_debrief(pair.debrief_id)
        text = debrief.replies.text()
        assert i18n.tr("Reply from {name} (signed):").format(name="Sam") in text
        assert (
            i18n.tr("Reply from {name} (not signed: sent by an older Reflect):").format(name="Sam")
            in text
        )
        if language == "fr":
            assert "non signée" in text and "non signé" in old.text()
    finally:
        i18n.set_language("en")
