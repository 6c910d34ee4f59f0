"""Argon2id key derivation with parameters stored beside the database."""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass

from reflect.storage import argon2id
from reflect.storage.argon2id import wipe
from reflect.storage.errors import VaultError
from reflect.storage.kdf_settings import (  # noqa: F401 - the settings' bounds, used from here
    BOUNDS,
    FLOOR_LANES,
    FLOOR_MEMORY_KIB,
    FLOOR_TIME_COST,
    MAX_MEMORY_KIB,
    MAX_PARALLELISM,
    MAX_TIME_COST,
    SALT_BYTES,
    TARGET_SECONDS,
    checked_settings,
)


def check_kdf_settings(data: object, source: str = "vault.json") -> KdfParams:
    """The ONE check for key-derivation settings read from any file (vault.json, a pending
    vault, a backup key file, an archive manifest): only what Reflect could have written.

    Raises VaultError naming ``source`` and the setting; never derives anything first.
    """
    return KdfParams(*checked_settings(data, source))


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
        return cls(FLOOR_MEMORY_KIB, FLOOR_TIME_COST, FLOOR_LANES, _new_salt())

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.memory_kib, self.time_cost, self.parallelism, _new_salt())

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object, source: str = "vault.json") -> KdfParams:
        """Settings read from a file, through check_kdf_settings."""
        return check_kdf_settings(data, source)


def _new_salt() -> str:
    # What secrets.token_hex does; secrets (through hmac) loads OpenSSL's libcrypto a second
    # time, about 9 ms of every search.
    return os.urandom(16).hex()


def derive_key(passphrase: str, params: KdfParams) -> bytearray:
    """Return the 32-byte database key in a bytearray the caller wipes after use."""
    return bytearray(_argon2id(passphrase.encode("utf-8"), params))


def _argon2id(secret: bytes, params: KdfParams) -> bytes:
    return argon2id.derive(
        secret,
        bytes.fromhex(params.salt_hex),
        params.time_cost,
        params.memory_kib,
        params.parallelism,
    )


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Pick parameters that take about ``target_seconds`` here, never below the floor."""
    memory, parallelism = 64 * 1024, 4
    salt = _new_salt()
    time_cost = 3
    probe = KdfParams(memory, time_cost, parallelism, salt)
    start = time.perf_counter()
    wipe(derive_key("calibration", probe))
    elapsed = max(time.perf_counter() - start, 1e-3)
    # Time grows linearly with passes, so scale from one measurement.
    time_cost = max(3, min(20, round(time_cost * target_seconds / elapsed)))
    return KdfParams(memory, time_cost, parallelism, salt)
