"""The least any search of an encrypted Reflect profile can do, as a whole process.

A reference for the `reflect search` bar, timed in the same interleaved runs: it reads the
profile's vault.json, derives the key with Argon2id (argon2-cffi's C binding, as Reflect
does, with the profile's own settings) while a thread imports `cryptography` and SQLCipher
(as Reflect's quick path does), unwraps the data key (AES-GCM), opens the database with
SQLCipher and runs the same two queries `reflect search` runs (the page of matches newest
first, then their text), then prints one line per match. No checks, no messages, no profile
choice, no search-index comparison, no argument parsing: what is left is the cost of the
libraries and the work itself, which Reflect cannot go below without weakening the key
derivation or leaving the data unencrypted.

    python benchmarks/search_floor.py WORD LIMIT DATA_DIR   (passphrase in REFLECT_PASSPHRASE)
"""

import base64
import json
import os
import sys
import threading

from _argon2_cffi_bindings import ffi, lib


def _load() -> None:
    import sqlcipher3  # noqa: F401
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401


def main(word: str, limit: int, data_dir: str) -> None:
    profiles = os.path.join(data_dir, "profiles")
    folder = next(
        os.path.join(profiles, n)
        for n in sorted(os.listdir(profiles))
        if os.path.isdir(os.path.join(profiles, n))
    )
    with open(os.path.join(folder, "vault.json"), encoding="utf-8") as handle:
        sealed = json.load(handle)["passphrase"]
    kdf = sealed["kdf"]
    loading = threading.Thread(target=_load)
    loading.start()
    secret = os.environ["REFLECT_PASSPHRASE"].encode("utf-8")
    salt = bytes.fromhex(kdf["salt_hex"])
    out = ffi.new("uint8_t[]", 32)
    status = lib.argon2_hash(
        kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"], secret, len(secret),
        salt, len(salt), out, 32, ffi.NULL, 0, lib.Argon2_id, 0x13,
    )  # fmt: skip
    assert status == lib.ARGON2_OK
    kek = bytes(ffi.buffer(out, 32))
    loading.join()
    import sqlcipher3
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    wrapped = sealed["wrapped_key"]
    key = AESGCM(kek).decrypt(
        base64.b64decode(wrapped["nonce"]), base64.b64decode(wrapped["sealed"]), b"reflect-dek-v1"
    )
    conn = sqlcipher3.connect(os.path.join(folder, "reflect.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    ids = conn.execute(
        "SELECT r.id, r.occurred_at FROM reflections r WHERE +r.id IN (SELECT rowid FROM "
        "reflections_fts WHERE reflections_fts MATCH ?) ORDER BY r.occurred_at DESC, r.id DESC "
        "LIMIT ?",
        (f'"{word}"', limit),
    ).fetchall()
    marks = ",".join("?" * len(ids))
    texts = dict(
        conn.execute(
            f"SELECT id, substr(body, 1, 120) FROM reflections WHERE id IN ({marks})",
            [rid for rid, _ in ids],
        ).fetchall()
    )
    conn.close()
    for rid, occurred in ids:
        print(occurred, texts.get(rid, "").replace("\n", " "))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
