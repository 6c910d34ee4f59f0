"""Key derivation: Argon2id through argon2-cffi's C binding, `cryptography` only where the
binding cannot load. Both must give the keys argon2-cffi gave when every existing profile
was made, or no profile would open again."""

from __future__ import annotations

import sys

import pytest

from reflect.storage import argon2id, kdf
from reflect.storage.kdf import FLOOR_MEMORY_KIB, FLOOR_TIME_COST, KdfParams, derive_key, wipe
from reflect.storage.seals import open_seal_forms
from tests.conftest import PASSPHRASE

SALT = "000102030405060708090a0b0c0d0e0f"
SECRET = "correct horse — café"
# Computed on 7 December 2026 with argon2-cffi 25.1.0's hash_secret_raw(type=Type.ID), the
# derivation every profile made before then used (19 MiB, 2 passes, 32 bytes).
KNOWN_KEYS = {
    1: "0a1d9fc552f0767e90c18bb7f87d12f32620b3d3b33e266cbef79a9154502e8e",
    2: "a9695a8b21a62914fba001e37c7cb3641a614d95d435d48d60f66b539da2c4ad",
    4: "c252f226d66bd2b8d3f448656b3d350e9474667107aebfd00f7dd367e9f408f9",
}
# A seal of the data key bytes(range(32)) under PASSPHRASE, written by Reflect with
# argon2-cffi before the change (the passphrase entry of a vault.json).
OLD_SEAL = {
    "kdf": {
        "memory_kib": 19456,
        "time_cost": 2,
        "parallelism": 2,
        "salt_hex": "00112233445566778899aabbccddeeff",
        "algorithm": "argon2id",
    },
    "wrapped_key": {
        "nonce": "I9/5obvsloSqR+Uy",
        "sealed": "UbCJtwfQyhJWBo3f6Nz7D9EQ6zm1tQxuk/k4+O9kfzAEf8hC/PK3gM232YUNe90t",
    },
}


@pytest.fixture
def without_the_binding(monkeypatch):
    """As where argon2-cffi's C binding cannot load: `cryptography` derives instead."""
    monkeypatch.setattr(argon2id, "ffi", None)


def _params(lanes: int) -> KdfParams:
    return KdfParams(FLOOR_MEMORY_KIB, FLOOR_TIME_COST, lanes, SALT)


@pytest.mark.parametrize("lanes", sorted(KNOWN_KEYS))
def test_the_key_is_the_one_argon2_cffi_derived_before(lanes):
    key = derive_key(SECRET, _params(lanes))
    assert isinstance(key, bytearray)
    assert key.hex() == KNOWN_KEYS[lanes]


@pytest.mark.parametrize("lanes", sorted(KNOWN_KEYS))
def test_the_fallback_derives_the_same_key(without_the_binding, lanes):
    key = derive_key(SECRET, _params(lanes))
    assert isinstance(key, bytearray)
    assert key.hex() == KNOWN_KEYS[lanes]


def test_the_fallback_really_ran_through_cryptography(without_the_binding, monkeypatch):
    from cryptography.hazmat.primitives.kdf import argon2

    lanes = []
    real = argon2.Argon2id

    def counted(**kwargs):
        lanes.append(kwargs["lanes"])
        return real(**kwargs)

    monkeypatch.setattr(argon2, "Argon2id", counted)
    assert derive_key(SECRET, _params(2)).hex() == KNOWN_KEYS[2]
    assert lanes == [2]


def test_a_key_is_a_bytearray_the_caller_can_wipe():
    key = derive_key(SECRET, _params(1))
    wipe(key)
    assert key == bytearray(32)


def test_a_seal_written_before_the_change_opens():
    data_key, raw_form_only = open_seal_forms(PASSPHRASE, OLD_SEAL)
    assert bytes(data_key) == bytes(range(32))
    assert raw_form_only is False


def test_a_profile_made_through_cryptography_unlocks_through_the_binding(
    profile_service, monkeypatch
):
    monkeypatch.setattr(argon2id, "ffi", None)
    made = profile_service.create(PASSPHRASE, "Made elsewhere")
    monkeypatch.undo()
    assert argon2id.ffi is not None
    session = profile_service.unlock(made, PASSPHRASE)
    session.close()


def test_calibration_stays_at_or_above_the_archive_settings():
    params = kdf.calibrate(target_seconds=0.01)
    assert (params.memory_kib, params.parallelism) == (64 * 1024, 4)
    assert params.time_cost >= 3


def test_the_normal_path_loads_only_the_binding_not_argon2_cffi_or_secrets():
    """argon2-cffi's package costs a search about 20 ms to import, secrets (through hmac)
    about 9 ms: the derivation needs neither."""
    import subprocess

    code = (
        "import sys\n"
        "from reflect.storage.kdf import KdfParams, derive_key, calibrate\n"
        "derive_key('x' * 12, KdfParams.floor())\n"
        "calibrate(0.01)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('argon2', 'secrets', 'hmac', 'cryptography')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "missing", ["_argon2_cffi_bindings", "cryptography.hazmat.primitives.kdf.argon2"]
)
def test_either_library_missing_reflect_still_loads_and_derives_the_same_key(missing):
    """Without argon2-cffi's binding, cryptography derives; with a cryptography lacking
    kdf.argon2 (an OpenSSL before 3.2), nothing changes while the binding is there."""
    import subprocess

    code = (
        "import sys\n"
        f"sys.modules[{missing!r}] = None\n"
        "from reflect.storage.kdf import KdfParams, derive_key\n"
        f"print(derive_key({SECRET!r}, KdfParams(19456, 2, 2, {SALT!r})).hex())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == KNOWN_KEYS[2]
