"""Argon2id (RFC 9106, version 0x13): the one place a key is derived from a secret.

Through argon2-cffi's C binding (`argon2-cffi-bindings`, the reference implementation):
it fills the lanes on threads, lets other Python threads run meanwhile (a search imports
its database code then, see commands/search_quick.py) and loads in about a millisecond.
argon2-cffi's own ``hash_secret_raw`` is this same call behind a package that costs a
search about 20 ms to import. `cryptography`'s Argon2id gives byte for byte the same key
(tests/storage/test_kdf_libraries_agree.py) and takes over where the binding cannot load.

Imports nothing heavy: the command line derives the key before it loads anything else.
"""

from __future__ import annotations

from reflect.domain.errors import VaultError

try:  # loaded with this module: a search starts loading other code in a thread right after
    from _argon2_cffi_bindings import ffi, lib
except ImportError:  # pragma: no cover - tested in a subprocess without the binding
    ffi = lib = None

KEY_BYTES = 32
_VERSION_13 = 0x13


def derive(secret: bytes, salt: bytes, time_cost: int, memory_kib: int, lanes: int) -> bytes:
    """The 32-byte key; VaultError when the memory cannot be set aside."""
    if ffi is None:
        return derive_with_cryptography(secret, salt, time_cost, memory_kib, lanes)
    password = ffi.new("uint8_t[]", secret)
    output = ffi.new("uint8_t[]", KEY_BYTES)
    try:
        status = lib.argon2_hash(
            time_cost,
            memory_kib,
            lanes,
            password,
            len(secret),
            salt,
            len(salt),
            output,
            KEY_BYTES,
            ffi.NULL,
            0,
            lib.Argon2_id,
            _VERSION_13,
        )
        if status == lib.ARGON2_MEMORY_ALLOCATION_ERROR:
            raise _memory_short(memory_kib)
        if status != lib.ARGON2_OK:
            reason = ffi.string(lib.argon2_error_message(status)).decode("ascii", "replace")
            raise VaultError("The key could not be derived: {reason}.", reason=reason)
        return bytes(ffi.buffer(output, KEY_BYTES))
    finally:
        # The C copies of the passphrase and the key would otherwise stay in freed memory.
        ffi.memmove(password, bytes(len(secret)), len(secret))
        ffi.memmove(output, bytes(KEY_BYTES), KEY_BYTES)


def wipe(key: bytearray | None) -> None:
    """Zero a key held in a bytearray (the caller's copy; Python keeps no other)."""
    if key is not None:
        for i in range(len(key)):
            key[i] = 0


def derive_with_cryptography(
    secret: bytes, salt: bytes, time_cost: int, memory_kib: int, lanes: int
) -> bytes:
    """The same key through `cryptography` (OpenSSL 3.2 or later)."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt, length=KEY_BYTES, iterations=time_cost, lanes=lanes, memory_cost=memory_kib
    )
    try:
        return kdf.derive(secret)
    except MemoryError as exc:
        # cryptography reports every failed derivation as MemoryError, whatever the reason.
        raise _memory_short(memory_kib) from exc


def _memory_short(memory_kib: int) -> VaultError:
    return VaultError(
        "This computer could not set aside the {size} MiB of memory that opening this "
        "needs. Close other programs and try again.",
        size=max(1, memory_kib // 1024),
    )
