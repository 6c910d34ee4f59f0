"""The refusals of hostile input reach a French interface in French: each message really
raised carries its English template (domain/message.py), whose French is in the catalogues."""

from __future__ import annotations

import zipfile

import pytest
from tests.faults.input_helpers import GOOD_ROWS

from reflect.domain.errors import ReflectError
from reflect.services.importers.reflect_archive import row_context
from reflect.services.importing import detect_format
from reflect.services.row_validators import validate_tables
from reflect.storage.archive import read_manifest
from reflect.storage.kdf import check_kdf_settings
from reflect.ui import i18n
from reflect.ui.error_text import message_in_language

GOOD_KDF = {"memory_kib": 19456, "time_cost": 2, "parallelism": 1, "salt_hex": "ab" * 16}


def _message(action) -> ReflectError:
    try:
        action()
    except ReflectError as exc:
        return exc
    raise AssertionError("nothing was refused")


def _zip(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def test_every_refusal_matches_a_template_and_reads_in_french(session, tmp_path, french):
    bad_row = {**GOOD_ROWS["reflections"], "intensity": 999}
    odd = tmp_path / "odd.json"
    odd.mkdir()
    messages = [
        _message(lambda: check_kdf_settings({**GOOD_KDF, "time_cost": 10**6}, "a (manifest)")),
        _message(lambda: check_kdf_settings({**GOOD_KDF, "time_cost": "2"}, "vault.json")),
        _message(lambda: check_kdf_settings({**GOOD_KDF, "salt_hex": "zz"}, "vault.json")),
        _message(
            lambda: validate_tables(
                iter([("reflections", iter([bad_row]))]), row_context(session), "a.zip"
            )
        ),
        _message(
            lambda: validate_tables(iter([("mystery", iter([]))]), row_context(session), "a.zip")
        ),
        _message(lambda: detect_format(odd)),
        _message(
            lambda: read_manifest(_zip(tmp_path / "m.zip", [(f"{i}", b"") for i in range(9)]))
        ),
        _message(lambda: read_manifest(_zip(tmp_path / "t.zip", [("../x", b"")]))),
    ]
    for message in messages:
        assert message.message.template in i18n.load_catalogue("fr"), message
        shown = message_in_language(message)
        assert shown != str(message), message
    assert "Rien n'a été importé" in message_in_language(messages[3])
    assert "time_cost" in message_in_language(messages[0])
