"""The Argon2id libraries behind derive_key (storage/argon2id.py) against each other and
against argon2-cffi's own function, over every setting check_kdf_settings accepts, and what
happens when a derivation fails."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.storage import argon2id, kdf
from reflect.storage.errors import VaultError
from reflect.storage.kdf import (
    FLOOR_MEMORY_KIB,
    MAX_PARALLELISM,
    MAX_TIME_COST,
    KdfParams,
    check_kdf_settings,
)

SECRET = "correct horse — café"


def _three_ways(secret: bytes, params: KdfParams) -> bool:
    """The binding, cryptography and argon2-cffi's hash_secret_raw give one key."""
    from argon2.low_level import Type, hash_secret_raw

    salt = bytes.fromhex(params.salt_hex)
    settings_ = (params.time_cost, params.memory_kib, params.parallelism)
    ours = argon2id.derive(secret, salt, *settings_)
    theirs = argon2id.derive_with_cryptography(secret, salt, *settings_)
    reference = hash_secret_raw(secret, salt, *settings_, hash_len=32, type=Type.ID)
    return ours == theirs == reference


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    memory=st.integers(FLOOR_MEMORY_KIB, FLOOR_MEMORY_KIB + 4096),  # small: fast
    passes=st.integers(kdf.FLOOR_TIME_COST, 3),
    lanes=st.integers(1, MAX_PARALLELISM),
    salt=st.binary(min_size=16, max_size=64),
)
def test_every_accepted_setting_derives_the_same_key_through_both_libraries(
    memory, passes, lanes, salt
):
    """Memory not a multiple of 8 × lanes, odd lanes, long salts: whatever a vault.json or an
    archive manifest may hold opens the same way through cryptography and argon2-cffi."""
    params = check_kdf_settings(
        {"memory_kib": memory, "time_cost": passes, "parallelism": lanes, "salt_hex": salt.hex()}
    )
    assert _three_ways(SECRET.encode(), params)


@pytest.mark.parametrize("passes", [MAX_TIME_COST])
def test_the_most_passes_and_lanes_accepted_agree(passes):
    params = KdfParams(FLOOR_MEMORY_KIB + 5, passes, MAX_PARALLELISM, "ab" * 64)
    assert _three_ways(b"x", params)


def test_memory_that_cannot_be_set_aside_is_a_clear_vault_error():
    """The binding's own allocation fails (the most memory a file may ask for, over and
    over, is not what this checks: a test machine may have it); asked for far more than any
    machine has, the binding says so in one sentence."""
    with pytest.raises(VaultError) as caught:
        argon2id.derive(b"x", b"\0" * 16, 2, 2**32 - 1, 1)
    assert "MiB of memory" in caught.value.message


def test_cryptography_failing_to_derive_is_the_same_clear_message(monkeypatch):
    from cryptography.hazmat.primitives.kdf import argon2

    class _FailsAtDerive:
        def __init__(self, **_: object) -> None:
            pass

        def derive(self, _secret: bytes) -> bytes:
            raise MemoryError("Not enough memory to derive key.")

    monkeypatch.setattr(argon2, "Argon2id", _FailsAtDerive)
    with pytest.raises(VaultError) as caught:
        argon2id.derive_with_cryptography(b"x", b"\0" * 16, 3, 64 * 1024, 4)
    assert "64 MiB" in caught.value.message


def test_another_failure_of_the_binding_names_its_reason():
    with pytest.raises(VaultError) as caught:
        argon2id.derive(b"x", b"short", 2, FLOOR_MEMORY_KIB, 1)  # salt under 8 bytes
    assert "could not be derived" in caught.value.message
