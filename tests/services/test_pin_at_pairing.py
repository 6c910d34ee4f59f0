"""A supervisor's key text may carry their signing key: the provider then checks the first
reply against a key confirmed at pairing instead of trusting it on first use. Old key texts
(the age key alone) work exactly as before."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.errors import ValidationError
from reflect.domain.key_text import key_text, parse_key_text
from reflect.domain.supervision_messages import REPLY_FORMAT
from reflect.storage.signatures import new_signing_key
from tests.services.test_supervision_signatures import (
    _exchange,
    _forge,
    _keys,
    _reply,
    _reply_doc,
)

AGE = "age1" + "q" * 58


def test_key_text_round_trip_and_old_texts():
    _, public = new_signing_key()
    assert parse_key_text(key_text(AGE, public)) == (AGE, public)
    # an old key text is handed on untouched, to be checked exactly as before
    assert parse_key_text(AGE) == (AGE, "")
    assert parse_key_text(" AGE1X ") == (" AGE1X ", "")
    assert parse_key_text(f"  {AGE}\n\nsign: {public[:20]}\n{public[20:]} ") == (AGE, public)


@pytest.mark.parametrize(
    "text",
    [
        f"{AGE} sign:",
        f"{AGE} sign:abc",
        f"{AGE} sign:" + "A" * 43 + "B",  # not the form Reflect writes
        f"{AGE} sign:" + "A" * 42 + "B=",  # non-canonical base64 (padding bits set)
        f"{AGE} sign:{'A' * 43}= sign:{'A' * 43}=",
        f"sign:{'A' * 43}= {AGE}",
        "sign:" + "A" * 43 + "=",
        f"{AGE} sign:" + "A" * 100_000,
    ],
)
def test_damaged_key_texts_are_refused(text):
    with pytest.raises(ValidationError):
        parse_key_text(text)


@given(st.text(max_size=300))
def test_any_text_is_read_or_refused_cleanly(text):
    try:
        age, signing = parse_key_text(text)
    except ValidationError:
        return
    assert (signing == "" and age == text) or (age.startswith("age1") and len(signing) == 44)


def test_a_signing_key_given_at_pairing_is_pinned_and_checks_the_first_reply(pair, tmp_path):
    supervisor, provider = _keys(pair)
    real = pair.supervisor.supervision_send.pins.my_signing_key()
    send = pair.provider.supervision_send
    send.add_supervisor("Sam", key_text(supervisor, real), True)
    shown = pair.supervisor.supervision_send.my_signing_fingerprint()
    assert send.pins.fingerprint_of(supervisor) == shown != ""
    packet = _exchange(pair, tmp_path)
    reply, path = _reply(pair, tmp_path, packet)
    # a forged FIRST reply is refused: the key was confirmed at pairing
    forged = tmp_path / "forged-reply.age"
    forged.write_bytes(_forge(_reply_doc(reply), REPLY_FORMAT, [provider, supervisor], [provider]))
    with pytest.raises(ValidationError, match="different key"):
        send.import_reply(forged)
    assert send.import_reply(path).reply.sender.signing_key == real


def test_an_old_key_text_adds_as_before_and_pins_nothing(pair):
    supervisor, _ = _keys(pair)
    send = pair.provider.supervision_send
    added = send.add_supervisor("Sam", supervisor, True)
    assert added.recipient == supervisor
    assert send.pins.fingerprint_of(supervisor) == ""


def test_pairing_never_silently_replaces_a_remembered_key(pair):
    supervisor, _ = _keys(pair)
    send = pair.provider.supervision_send
    _, first = new_signing_key()
    send.add_supervisor("Sam", key_text(supervisor, first), True)
    _, other = new_signing_key()
    with pytest.raises(ValidationError, match="Forget"):
        send.add_supervisor("Sam", key_text(supervisor, other), True)
    assert pair.provider.db.execute("SELECT key FROM signing_pins").fetchall() == [(first,)]
    # the same key again (a rename, say) is fine
    send.add_supervisor("Sam B", key_text(supervisor, first), True)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (f"{AGE} sign:abc", 3),
        (f"{AGE} sign:", 0),
        (f"{AGE} sign: {'A' * 20}\n{'A' * 23}", 43),  # spaces and line breaks are not counted
        (f"{AGE} sign:{'A' * 43}= sign:{'A' * 43}=", 93),
        (f"{AGE} sign:" + "A" * 100_000, 100_000),
    ],
)
def test_a_signing_key_of_the_wrong_length_says_how_long_the_pasted_one_is(text, count):
    """The 44 a signing key has must not read as the length of what was pasted."""
    with pytest.raises(ValidationError) as caught:
        parse_key_text(text)
    said = caught.value.message
    assert f"the part after “sign:” has {count} characters, where a signing key has 44" in said
    assert said.values == {"count": count}  # a literal template with its value


def test_a_signing_key_of_the_right_length_that_is_damaged_says_so():
    for damaged in ("A" * 43 + "B", "A" * 42 + "B=", "A" * 42 + "é="):
        with pytest.raises(ValidationError) as caught:
            parse_key_text(f"{AGE} sign:{damaged}")
        said = caught.value.message
        assert "has the 44 characters of a signing key but is not one" in said, said
