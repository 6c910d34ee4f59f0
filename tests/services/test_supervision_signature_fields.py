"""Hostile signature fields: wrong lengths, non-base64, huge, nested, of the wrong type. Each
file is refused with one clear sentence (a ReflectError) and nothing is kept; the envelope
reader never lets another exception through."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ReflectError, ValidationError
from reflect.domain.signed_envelope import signed_message, unwrap, wrap
from reflect.domain.supervision_messages import PACKET_FORMAT, REPLY_FORMAT
from reflect.storage.sealed_files import open_sealed, seal
from reflect.storage.signatures import new_signing_key, sign
from tests.services.supervision_fixtures import all_rows_text

_b64 = st.binary(max_size=200).map(lambda b: base64.b64encode(b).decode())
_hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=200),
    _b64,
    _b64.map(lambda t: t.rstrip("=")),  # padding dropped
    _b64.map(lambda t: t + "\n"),
    st.sampled_from(["A" * 2_000_000, "=" * 88, "*" * 44, "A" * 43 + "B", "A" * 87 + "="]),
    st.recursive(
        st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=20,
    ),
)
_FIELDS = ("signature", "recipients", "document", "signing_key", "extra")


def _signed_plain(pair, tmp_path) -> bytes:
    recipient, _ = pair.supervisor.supervision.my_key()
    out = tmp_path / "model.age"
    pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, out, with_notes=True, flagged_confirmed=True
    )
    return open_sealed(out.read_bytes(), pair.supervisor.supervision_send.my_identity(), "file")


def _spoil(plain: bytes, field: str, value) -> bytes:
    envelope = json.loads(plain)
    if field == "signing_key":
        doc = json.loads(base64.b64decode(envelope["document"]))
        doc["from"]["signing_key"] = value
        envelope["document"] = base64.b64encode(json.dumps(doc).encode()).decode()
    elif field == "extra":
        envelope["extra"] = value
    else:
        envelope[field] = value
    return json.dumps(envelope).encode()


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(_FIELDS), value=_hostile)
def test_hostile_signature_fields_are_refused_cleanly(pair, tmp_path, field, value):
    recipient, _ = pair.supervisor.supervision.my_key()
    plain = _signed_plain(pair, tmp_path)
    before = all_rows_text(pair.supervisor)
    path = tmp_path / "hostile.age"
    path.write_bytes(seal(_spoil(plain, field, value), [recipient]))
    with pytest.raises(ReflectError):
        pair.supervisor.supervision.import_packet(path)
    assert all_rows_text(pair.supervisor) == before


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from([PACKET_FORMAT, REPLY_FORMAT]),
    field=st.sampled_from(["signature", "recipients", "document", "format", "version"]),
    value=_hostile,
)
def test_the_envelope_reader_refuses_or_passes_on_and_never_crashes(kind, field, value):
    what = "debrief packet" if kind == PACKET_FORMAT else "supervisor's reply"
    secret, _ = new_signing_key()
    document, to = b'{"format": "x"}', ["age1" + "q" * 58]
    envelope = json.loads(
        wrap(kind, document, to, sign(secret, signed_message(kind, to, document)))
    )
    envelope[field] = value
    try:
        found = unwrap(json.dumps(envelope).encode(), kind, what)
    except ValidationError:
        return
    if found.signed is not None:  # taken as an envelope: every field had its exact shape
        assert isinstance(found.document, bytes) and len(found.signed.signature) == 64


def test_a_huge_document_field_is_refused_as_too_large(pair, tmp_path):
    recipient, _ = pair.supervisor.supervision.my_key()
    plain = _signed_plain(pair, tmp_path)
    path = tmp_path / "huge.age"
    path.write_bytes(seal(_spoil(plain, "document", "A" * (5 * 1024 * 1024)), [recipient]))
    with pytest.raises(ReflectError, match="too large"):
        pair.supervisor.supervision.import_packet(path)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(_FIELDS), value=_hostile)
def test_hostile_signature_fields_in_a_reply_are_refused_cleanly(pair, tmp_path, field, value):
    supervisor, _ = pair.supervisor.supervision.my_key()
    provider, _ = pair.provider.supervision_send.my_key()
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, supervisor, tmp_path / "p.age", flagged_confirmed=True
    )
    pair.supervisor.supervision.import_packet(tmp_path / "p.age")
    pair.supervisor.supervision.send_reply(packet.packet_id, tmp_path / "r.age")
    secret = pair.provider.supervision_send.my_identity()
    plain = open_sealed((tmp_path / "r.age").read_bytes(), secret, "file")
    before = all_rows_text(pair.provider)
    path = tmp_path / "hostile.age"
    path.write_bytes(seal(_spoil(plain, field, value), [provider]))
    with pytest.raises(ReflectError):
        pair.provider.supervision_send.import_reply(path)
    assert all_rows_text(pair.provider) == before
