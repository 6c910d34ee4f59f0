"""Argon2id key derivation with parameters stored beside the database."""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from reflect.storage.database import KEY_BYTES
from reflect.storage.errors import VaultError

# OWASP's minimum for Argon2id; Reflect never derives a key with less.
FLOOR_MEMORY_KIB = 19 * 1024
FLOOR_TIME_COST = 2
# Lanes split the same memory and passes into parts that threads fill at once (RFC 9106
# recommends as many as there are threads): someone guessing does the same work as with
# one lane, while on two or more cores Reflect waits about 40% less. Stored with the salt,
# so a profile made here opens the same way on a one-core machine (only slower).
FLOOR_LANES = 2
TARGET_SECONDS = 0.5
# The most Reflect itself ever writes (calibrate() stops at 20 passes; archives and vaults
# use 64 MiB). A file asking for more is damaged or hostile: 10^6 passes would hang an
# import for hours and 2^32 KiB of memory cannot be allocated at all.
MAX_MEMORY_KIB = 1024 * 1024
MAX_TIME_COST = 20
MAX_PARALLELISM = 16
SALT_BYTES = (16, 64)
BOUNDS: dict[str, tuple[int, int]] = {
    "memory_kib": (FLOOR_MEMORY_KIB, MAX_MEMORY_KIB),
    "time_cost": (FLOOR_TIME_COST, MAX_TIME_COST),
    "parallelism": (1, MAX_PARALLELISM),
}


def _cut(value: object) -> str:
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else "a huge number"
    return text if len(text) <= 40 else text[:39] + "…"


def check_kdf_settings(data: object, source: str = "vault.json") -> KdfParams:
    """The ONE check for key-derivation settings read from any file (vault.json, a pending
    vault, a backup key file, an archive manifest): only what Reflect could have written.

    Raises VaultError naming ``source`` and the setting; never derives anything first.
    """
    if not isinstance(data, dict):
        raise VaultError(
            "{source} is damaged: its key-derivation settings are missing.", source=source
        )
    algorithm = data.get("algorithm", "argon2id")
    if algorithm != "argon2id":
        raise VaultError(
            "Unknown key derivation {name} in {source}.", name=_cut(algorithm), source=source
        )
    values: dict[str, int] = {}
    for name, (low, high) in BOUNDS.items():
        value = data.get(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise VaultError(
                "{source} is damaged: {name} must be a whole number.", source=source, name=name
            )
        if not low <= value <= high:
            raise VaultError(
                "{source} asks for key-derivation setting {name} = {value}, outside what "
                "Reflect writes ({low} to {high}); refusing to use it.",
                source=source,
                name=name,
                value=_cut(value),
                low=low,
                high=high,
            )
        values[name] = value
    salt = data.get("salt_hex")
    try:
        salt_bytes = bytes.fromhex(salt) if isinstance(salt, str) and len(salt) <= 256 else None
    except ValueError:
        salt_bytes = None
    if salt_bytes is None or not SALT_BYTES[0] <= len(salt_bytes) <= SALT_BYTES[1]:
        raise VaultError("{source} has an invalid salt.", source=source)
    return KdfParams(values["memory_kib"], values["time_cost"], values["parallelism"], str(salt))


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    time_cost: int
    parallelism: int
    salt_hex: str
    algorithm: str = "argon2id"

    def __post_init__(self) -> None:
        if self.algorithm != "argon2id":
            raise VaultError("Unknown key derivation '{name}' in vault.json.", name=self.algorithm)
        if self.memory_kib < FLOOR_MEMORY_KIB or self.time_cost < FLOOR_TIME_COST:
            raise VaultError(
                "vault.json asks for key-derivation settings below the safe minimum "
                "(memory {memory} KiB, {passes} passes); refusing to use them.",
                memory=self.memory_kib,
                passes=self.time_cost,
            )
        if (
            self.memory_kib > MAX_MEMORY_KIB
            or self.time_cost > MAX_TIME_COST
            or self.parallelism > MAX_PARALLELISM
        ):
            raise VaultError(
                "Key-derivation settings above what Reflect writes (memory {memory} KiB, "
                "{passes} passes, {lanes} lanes); refusing to use them.",
                memory=self.memory_kib,
                passes=self.time_cost,
                lanes=self.parallelism,
            )
        if self.parallelism < 1 or len(bytes.fromhex(self.salt_hex)) < 16:
            raise VaultError("vault.json has an invalid salt or parallelism.")

    @classmethod
    def floor(cls) -> KdfParams:
        """The OWASP minimum's memory and passes with a fresh salt: tests, the demo profile
        and recovery keys (125 random bits need no more)."""
        return cls(FLOOR_MEMORY_KIB, FLOOR_TIME_COST, FLOOR_LANES, secrets.token_hex(16))

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.memory_kib, self.time_cost, self.parallelism, secrets.token_hex(16))

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object, source: str = "vault.json") -> KdfParams:
        """Settings read from a file, through check_kdf_settings."""
        return check_kdf_settings(data, source)


def derive_key(passphrase: str, params: KdfParams) -> bytearray:
    """Return the 32-byte database key in a bytearray the caller wipes after use."""
    return bytearray(_argon2id(passphrase.encode("utf-8"), params))


def _argon2id(secret: bytes, params: KdfParams) -> bytes:
    """Argon2id (RFC 9106, version 0x13) through `cryptography`, which the AES-GCM key wrap
    loads anyway: a search then skips importing argon2-cffi (about 10 ms). It fills the
    lanes on threads like argon2-cffi and gives byte for byte the same key
    (tests/storage/test_kdf.py holds keys argon2-cffi derived, so every profile opens)."""
    try:
        kdf = Argon2id(
            salt=bytes.fromhex(params.salt_hex),
            length=KEY_BYTES,
            iterations=params.time_cost,
            lanes=params.parallelism,
            memory_cost=params.memory_kib,
        )
        return kdf.derive(secret)
    except UnsupportedAlgorithm:
        # A cryptography built against an OpenSSL without Argon2 (before 3.2, LibreSSL).
        return _argon2id_cffi(secret, params)


def _argon2id_cffi(secret: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        secret=secret,
        salt=bytes.fromhex(params.salt_hex),
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def wipe(key: bytearray | None) -> None:
    if key is not None:
        for i in range(len(key)):
            key[i] = 0


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Pick parameters that take about ``target_seconds`` here, never below the floor."""
    memory, parallelism = 64 * 1024, 4
    salt = secrets.token_hex(16)
    time_cost = 3
    probe = KdfParams(memory, time_cost, parallelism, salt)
    start = time.perf_counter()
    wipe(derive_key("calibration", probe))
    elapsed = max(time.perf_counter() - start, 1e-3)
    # Time grows linearly with passes, so scale from one measurement.
    time_cost = max(3, min(20, round(time_cost * target_seconds / elapsed)))
    return KdfParams(memory, time_cost, parallelism, salt)
