"""Killed while a file beside the profile is written (a supervision packet, a team
contribution, the interface language): the file is whole or absent, and the profile agrees
with what was written."""

from __future__ import annotations

import json
import shutil

import pytest

from reflect.domain.errors import ReflectError
from reflect.paths import AppPaths
from tests.crash.killswitch import Outcome, kill_at_every_step
from tests.crash.profile_state import PASSPHRASE, healthy_state, run_cli, service
from tests.crash.starting_state import prepare_profile
from tests.services.supervision_fixtures import PASSPHRASE as PAIR_PASSPHRASE
from tests.services.supervision_fixtures import make_pair


def _session(folder):  # type: ignore[no-untyped-def]
    writer = service(folder)
    return writer.unlock(writer.list_profiles()[0], PAIR_PASSPHRASE)


def test_sending_a_supervision_packet_killed_at_every_step(tmp_path):
    """A packet written but not recorded as sent would make its reply be refused ("answers
    a packet this profile did not send"): whenever the packet exists, its reply imports."""
    pair = make_pair(tmp_path / "template")
    recipient, _ = pair.supervisor.supervision.my_key()
    debrief_id = pair.debrief_id
    pair.close()
    work = tmp_path / "work"
    packet = tmp_path / "outbox" / "packet.age"

    def reset() -> None:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(tmp_path / "template", work)
        shutil.rmtree(packet.parent, ignore_errors=True)
        packet.parent.mkdir()

    def send() -> None:
        session = _session(work / "provider")
        session.supervision_send.send_packet(
            debrief_id, recipient, packet, with_notes=True, flagged_confirmed=True
        )
        session.close()

    def check(outcome: Outcome) -> None:
        leftovers = [p.name for p in packet.parent.iterdir() if p != packet]
        assert all(name.endswith(".part") for name in leftovers)
        if not packet.exists():
            return
        supervisor = _session(work / "supervisor")
        try:
            received = supervisor.supervision.import_packet(packet)
            reply = tmp_path / "outbox" / "reply.age"
            supervisor.supervision.send_reply(
                received.packet.packet_id, reply, flagged_confirmed=True
            )
        finally:
            supervisor.close()
        provider = _session(work / "provider")
        try:
            provider.supervision_send.import_reply(reply)  # refused before the fix
        finally:
            provider.close()

    kill_at_every_step(reset, send, check)


def test_team_contribution_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path)
    out = tmp_path / "out" / "contribution.json"

    def reset() -> None:
        prepared.reset()
        shutil.rmtree(out.parent, ignore_errors=True)
        out.parent.mkdir()

    def contribute() -> None:
        argv = ["--data-dir", str(prepared.work), "team", "contribute", "--out", str(out)]
        argv += ["--from", "2026-01", "--to", "2026-03", "--profile", prepared.profile_id]
        code, _out, err = run_cli(argv, PASSPHRASE)
        assert code == 0, err

    def check(outcome: Outcome) -> None:
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE])
        assert state.rows == prepared.before
        if out.exists():
            json.loads(out.read_text())  # whole, never half a file

    kill_at_every_step(reset, contribute, check)


def test_interface_language_killed_at_every_step(tmp_path):
    from reflect.ui.interface_language import remember_language, remembered_language

    paths = AppPaths(tmp_path / "data").ensure()
    remember_language(paths, "fr")

    def reset() -> None:
        remember_language(paths, "fr")

    def check(outcome: Outcome) -> None:
        assert remembered_language(paths) in ("fr", "en")
        json.loads(paths.interface_file.read_text())  # never a half-written file
        if not outcome.killed:
            assert remembered_language(paths) == "en"

    kill_at_every_step(reset, lambda: remember_language(paths, "en"), check)


def test_a_packet_that_could_not_be_written_is_not_recorded_as_sent(pair, tmp_path):
    recipient, _ = pair.supervisor.supervision.my_key()
    send = pair.provider.supervision_send
    with pytest.raises(ReflectError):
        send.send_packet(
            pair.debrief_id,
            recipient,
            tmp_path / "no such folder" / "p.age",
            flagged_confirmed=True,
        )
    assert send.sent_for(pair.debrief_id) == []


def _who5(item: str) -> dict:
    from reflect.resources import asset_path

    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data["item_text"] = [f"{item} {n}" for n in range(1, 6)]
    return data


def test_importing_an_instrument_again_killed_at_every_step(tmp_path):
    """An older import of the same questionnaire under another file name is replaced: killed
    in between, the questionnaire (and its licensed item text) must never be missing."""
    from reflect.services.instruments import InstrumentService

    paths = AppPaths(tmp_path / "data")
    source = tmp_path / "who5-new.json"
    source.write_text(json.dumps(_who5("New item")))

    def reset() -> None:
        shutil.rmtree(paths.data_dir, ignore_errors=True)
        paths.ensure()
        paths.instruments_dir.mkdir()
        (paths.instruments_dir / "older-who5.json").write_text(json.dumps(_who5("Old item")))

    def check(outcome: Outcome) -> None:
        service = InstrumentService(paths)
        assert service.is_imported("who5"), "the imported questionnaire went missing"
        text = service.get("who5").item_text[0]
        assert text in ("Old item 1", "New item 1")
        if not outcome.killed:
            assert text == "New item 1"
        # once the new file is in place, it is the one used
        if (paths.instruments_dir / "who5.json").exists():
            assert text == "New item 1"

    kill_at_every_step(reset, lambda: InstrumentService(paths).import_definition(source), check)
