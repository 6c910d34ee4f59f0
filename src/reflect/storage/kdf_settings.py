"""The key-derivation settings a file may hold, and the ONE check of them.

Apart from storage/kdf.py (which derives keys from them) because the command line checks a
profile's settings before it loads anything else: no dataclasses here.
"""

from __future__ import annotations

from collections import namedtuple

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


# A plain named tuple (typing's NamedTuple would load typing, which nothing else needs yet).
Settings = namedtuple("Settings", "memory_kib time_cost parallelism salt_hex")


def checked_settings(data: object, source: str = "vault.json") -> Settings:
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
    return Settings(values["memory_kib"], values["time_cost"], values["parallelism"], str(salt))
