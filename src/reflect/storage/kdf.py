"""Argon2id key derivation with parameters stored beside the database."""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

from reflect.storage.database import KEY_BYTES
from reflect.storage.errors import VaultError

# OWASP's minimum for Argon2id; Reflect never derives a key with less.
FLOOR_MEMORY_KIB = 19 * 1024
FLOOR_TIME_COST = 2
TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    time_cost: int
    parallelism: int
    salt_hex: str
    algorithm: str = "argon2id"

    def __post_init__(self) -> None:
        if self.algorithm != "argon2id":
            raise VaultError(f"Unknown key derivation '{self.algorithm}' in vault.json.")
        if self.memory_kib < FLOOR_MEMORY_KIB or self.time_cost < FLOOR_TIME_COST:
            raise VaultError(
                "vault.json asks for key-derivation settings below the safe minimum "
                f"(memory {self.memory_kib} KiB, {self.time_cost} passes); refusing to use them."
            )
        if self.parallelism < 1 or len(bytes.fromhex(self.salt_hex)) < 16:
            raise VaultError("vault.json has an invalid salt or parallelism.")

    @classmethod
    def floor(cls) -> KdfParams:
        """The OWASP minimum with a fresh salt: used by tests and the demo profile."""
        return cls(FLOOR_MEMORY_KIB, FLOOR_TIME_COST, 1, secrets.token_hex(16))

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.memory_kib, self.time_cost, self.parallelism, secrets.token_hex(16))

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> KdfParams:
        try:
            return cls(
                memory_kib=int(data["memory_kib"]),  # type: ignore[call-overload]
                time_cost=int(data["time_cost"]),  # type: ignore[call-overload]
                parallelism=int(data["parallelism"]),  # type: ignore[call-overload]
                salt_hex=str(data["salt_hex"]),
                algorithm=str(data.get("algorithm", "argon2id")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise VaultError(f"vault.json is damaged: {exc}") from exc


def derive_key(passphrase: str, params: KdfParams) -> bytearray:
    """Return the 32-byte database key in a bytearray the caller wipes after use."""
    raw = hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=bytes.fromhex(params.salt_hex),
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return bytearray(raw)


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
