"""A supervisor adds a supervisee from their key text before their first packet: the signing
key is pinned at once, so even that first packet is checked against a key confirmed in person
(without pairing it is trusted on first use)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ValidationError
from reflect.domain.key_text import key_text
from reflect.domain.supervision_messages import PACKET_FORMAT
from reflect.storage.sealed_files import new_identity, seal
from reflect.storage.signatures import new_signing_key
from reflect.storage.supervision_keys import hold_pin
from tests.services.supervision_fixtures import all_rows_text
from tests.services.test_supervision_signatures import _forge, _keys, _packet_doc, _send


def _provider_text(pair) -> str:
    return pair.provider.supervision_send.pins.my_key_text()


def _pins(session) -> list[tuple[str, str]]:
    return session.db.execute("SELECT recipient, key FROM signing_pins").fetchall()


def test_pairing_adds_the_supervisee_and_pins_their_signing_key(pair):
    supervision = pair.supervisor.supervision
    added = supervision.pairing.expect_supervisee("Alex R", _provider_text(pair), True)
    _, provider = _keys(pair)
    assert added.supervisee.recipient == provider and added.supervisee.name == "Alex R"
    assert added.new and added.supervisee.id is not None
    assert [p.recipient for p in supervision.supervisees()] == [provider]
    real = pair.provider.supervision_send.pins.my_signing_key()
    assert _pins(pair.supervisor) == [(provider, real)]
    assert added.signing_fingerprint == pair.provider.supervision_send.my_signing_fingerprint()
    assert supervision.packets() == []


def test_a_forged_first_packet_is_refused_once_paired(pair, tmp_path):
    supervision = pair.supervisor.supervision
    added = supervision.pairing.expect_supervisee("Alex", _provider_text(pair), True)
    supervisor, provider = _keys(pair)
    forged = tmp_path / "forged.age"
    doc = _packet_doc(pair, tmp_path)  # a real packet's content, signed with another key
    forged.write_bytes(_forge(doc, PACKET_FORMAT, [supervisor, provider], [supervisor]))
    before = all_rows_text(pair.supervisor)
    with pytest.raises(ValidationError, match="different key.*compare signing fingerprints"):
        supervision.import_packet(forged)
    assert all_rows_text(pair.supervisor) == before
    # the real first packet is checked against the pin and filed under the same person
    _, out = _send(pair, tmp_path)
    received = supervision.import_packet(out)
    assert received.supervisee.id == added.supervisee.id
    assert [p.id for p in supervision.supervisees()] == [added.supervisee.id]
    assert [row["signed"] for row, _ in supervision.packets()] == [True]


def test_without_pairing_the_same_forged_first_packet_would_be_trusted(pair, tmp_path):
    """The case pairing closes: proves the test above can fail."""
    supervisor, provider = _keys(pair)
    forged = tmp_path / "forged.age"
    doc = _packet_doc(pair, tmp_path)
    forged.write_bytes(_forge(doc, PACKET_FORMAT, [supervisor, provider], [supervisor]))
    pair.supervisor.supervision.import_packet(forged)
    assert len(_pins(pair.supervisor)) == 1


def test_an_unsigned_first_packet_is_refused_once_paired(pair, tmp_path):
    supervision = pair.supervisor.supervision
    supervision.pairing.expect_supervisee("Alex", _provider_text(pair), True)
    supervisor, provider = _keys(pair)
    doc = _packet_doc(pair, tmp_path)
    doc["from"].pop("signing_key", None)
    unsigned = tmp_path / "unsigned.age"
    unsigned.write_bytes(seal(json.dumps(doc).encode(), [supervisor, provider]))
    with pytest.raises(ValidationError, match="not signed"):
        supervision.import_packet(unsigned)


@pytest.mark.parametrize(
    ("make_text", "confirmed", "match"),
    [
        (lambda pair: pair.provider.supervision_send.my_key()[0], True, "no signing key"),
        (lambda pair: _provider_text(pair), False, "Compare"),
        (lambda pair: pair.supervisor.supervision.pins.my_key_text(), True, "own key"),
        (lambda pair: _provider_text(pair)[:-3], True, "damaged"),
        (lambda pair: "age1nothing sign:" + "A" * 43 + "=", True, "."),
        (lambda pair: "", True, "."),
    ],
)
def test_refusals_write_nothing(pair, make_text, confirmed, match):
    text = make_text(pair)
    before = all_rows_text(pair.supervisor)
    with pytest.raises(ValidationError, match=match):
        pair.supervisor.supervision.pairing.expect_supervisee("Alex", text, confirmed)
    assert all_rows_text(pair.supervisor) == before


def test_a_name_is_needed(pair):
    with pytest.raises(ValidationError, match="name"):
        pair.supervisor.supervision.pairing.expect_supervisee("  ", _provider_text(pair), True)
    assert pair.supervisor.supervision.supervisees() == []


def test_a_different_remembered_key_is_never_replaced(pair):
    """Known with another signing key (a forged packet came first, say): refused, pointing to
    Forget this signing key…; neither the row nor the pin is made (one transaction)."""
    _, provider = _keys(pair)
    _, other = new_signing_key()
    db = pair.supervisor.db
    with db.atomic():
        hold_pin(db, provider, other, True)
    before = all_rows_text(pair.supervisor)
    with pytest.raises(ValidationError, match="Forget this signing key"):
        pair.supervisor.supervision.pairing.expect_supervisee("Alex", _provider_text(pair), True)
    assert all_rows_text(pair.supervisor) == before
    # once forgotten on purpose, pairing pins the confirmed key
    pair.supervisor.supervision.pins.forget(provider)
    pair.supervisor.supervision.pairing.expect_supervisee("Alex", _provider_text(pair), True)
    assert _pins(pair.supervisor) == [
        (provider, pair.provider.supervision_send.pins.my_signing_key())
    ]


def test_an_existing_supervisee_is_paired_not_doubled(pair, tmp_path):
    """Already known from a packet: the same key again is fine (renamed as given), no second
    row; known with no pin yet (an unsigned packet, or a forgotten pin): pinned now."""
    supervision = pair.supervisor.supervision
    _, out = _send(pair, tmp_path)
    first = supervision.import_packet(out).supervisee
    again = supervision.pairing.expect_supervisee("Alex Rivera", _provider_text(pair), True)
    assert not again.new and again.supervisee.id == first.id
    assert [p.name for p in supervision.supervisees()] == ["Alex Rivera"]
    supervision.pins.forget(first.recipient)
    supervision.pairing.expect_supervisee("Alex Rivera", _provider_text(pair), True)
    assert len(_pins(pair.supervisor)) == 1 and len(supervision.supervisees()) == 1


def test_two_people_may_share_a_name(pair):
    supervision = pair.supervisor.supervision
    supervision.pairing.expect_supervisee("Alex", _provider_text(pair), True)
    _, someone = new_identity()
    _, signing = new_signing_key()
    supervision.pairing.expect_supervisee("Alex", key_text(someone, signing), True)
    assert [p.name for p in supervision.supervisees()] == ["Alex", "Alex"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=200),
        st.builds(lambda a, b: f"{a} sign:{b}", st.text(max_size=80), st.text(max_size=80)),
    )
)
def test_any_pasted_text_pairs_or_is_refused_cleanly(pair, text):
    supervision = pair.supervisor.supervision
    count = len(supervision.supervisees())
    try:
        supervision.pairing.expect_supervisee("Alex", text, True)
    except ValidationError:
        assert len(supervision.supervisees()) == count
