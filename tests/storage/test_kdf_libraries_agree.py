"""The two Argon2id libraries behind derive_key (storage/kdf.py) against each other, over
every setting check_kdf_settings accepts, and what happens when cryptography's derivation
fails at derive time rather than when the object is made."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.storage import kdf
from reflect.storage.errors import VaultError
from reflect.storage.kdf import (
    FLOOR_MEMORY_KIB,
    MAX_PARALLELISM,
    MAX_TIME_COST,
    KdfParams,
    check_kdf_settings,
    derive_key,
)

SECRET = "correct horse — café"


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
    assert kdf._argon2id(SECRET.encode(), params) == kdf._argon2id_cffi(SECRET.encode(), params)


@pytest.mark.parametrize("passes", [MAX_TIME_COST])
def test_the_most_passes_and_lanes_accepted_agree(passes):
    params = KdfParams(FLOOR_MEMORY_KIB + 5, passes, MAX_PARALLELISM, "ab" * 64)
    assert kdf._argon2id(b"x", params) == kdf._argon2id_cffi(b"x", params)


class _FailsAtDerive:
    """cryptography made the object, then OpenSSL failed in derive (seen as MemoryError:
    cryptography reports a failed Argon2 derivation that way, whatever OpenSSL's reason)."""

    def __init__(self, **_: object) -> None:
        pass

    def derive(self, _secret: bytes) -> bytes:
        raise MemoryError("Not enough memory to derive key.")


def test_a_failure_at_derive_time_falls_back_to_argon2_cffi(monkeypatch):
    expected = derive_key(SECRET, KdfParams(FLOOR_MEMORY_KIB, 2, 2, "00" * 16))
    monkeypatch.setattr(kdf, "Argon2id", _FailsAtDerive)
    assert derive_key(SECRET, KdfParams(FLOOR_MEMORY_KIB, 2, 2, "00" * 16)) == expected


def test_not_enough_memory_in_either_library_is_a_clear_vault_error(monkeypatch):
    import argon2.low_level
    from argon2.exceptions import HashingError

    def no_memory(**_: object) -> bytes:
        raise HashingError("Memory allocation error")

    monkeypatch.setattr(kdf, "Argon2id", _FailsAtDerive)
    monkeypatch.setattr(argon2.low_level, "hash_secret_raw", no_memory)
    with pytest.raises(VaultError) as caught:
        derive_key(SECRET, KdfParams(64 * 1024, 3, 4, "00" * 16))
    assert "64 MiB" in caught.value.message


def test_a_cryptography_without_the_argon2_module_still_derives():
    """A cryptography build whose kdf.argon2 cannot be imported (or lacks the class) is the
    import-time form of "no Argon2 here": Reflect must still load and derive through
    argon2-cffi, the same key."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "sys.modules['cryptography.hazmat.primitives.kdf.argon2'] = None\n"
        "from reflect.storage.kdf import KdfParams, derive_key\n"
        f"print(derive_key({SECRET!r}, KdfParams(19456, 2, 2, '00' * 16)).hex())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == derive_key(SECRET, KdfParams(19456, 2, 2, "00" * 16)).hex()
