"""The least any search of an encrypted Reflect profile can do, as a whole process.

A reference for the `reflect search` bar, timed in the same interleaved runs: it reads the
profile's vault.json, derives the key with Argon2id (`cryptography`'s, as Reflect does, with
the profile's own settings), unwraps the data key (AES-GCM, `cryptography`), opens the
database with SQLCipher and runs the same two queries `reflect search` runs (the page of
matches newest first, then their text), then prints one line per match. No checks, no
messages, no profile choice, no search-index comparison, no sqlite-utils: what is left is
the cost of the libraries and the work itself, which Reflect cannot go below without
weakening the key derivation or leaving the data unencrypted.

    python benchmarks/search_floor.py WORD LIMIT DATA_DIR   (passphrase in REFLECT_PASSPHRASE)
"""

import base64
import json
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id


def main(word: str, limit: int, data_dir: Path) -> None:
    folder = next(p for p in sorted((data_dir / "profiles").iterdir()) if p.is_dir())
    sealed = json.loads((folder / "vault.json").read_text(encoding="utf-8"))["passphrase"]
    kdf = sealed["kdf"]
    kek = Argon2id(
        salt=bytes.fromhex(kdf["salt_hex"]),
        length=32,
        iterations=kdf["time_cost"],
        lanes=kdf["parallelism"],
        memory_cost=kdf["memory_kib"],
    ).derive(os.environ["REFLECT_PASSPHRASE"].encode("utf-8"))
    wrapped = sealed["wrapped_key"]
    key = AESGCM(kek).decrypt(
        base64.b64decode(wrapped["nonce"]), base64.b64decode(wrapped["sealed"]), b"reflect-dek-v1"
    )
    import sqlcipher3

    conn = sqlcipher3.connect(str(folder / "reflect.db"))
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
    main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))
