"""`reflect search` on a profile in its everyday state, in about half the time.

A search is one process: most of its time would go to loading code (sqlite-utils, the
services, the migrations) and to deriving the key. Here the key is derived first, with
nothing loaded but the standard library and the vault's own checks, while a thread loads
the code for the search and the templates (Argon2id runs in C and lets it). The database is
then read through its bare SQLCipher connection: no sqlite-utils, no session.

The same functions do the work as on the full path (services/profiles.py): the limited
vault.json reader, the one check of key-derivation settings, the key unwrap, the opening
checks of connect_encrypted, the search index's quick comparison and the repository's
search. Anything unusual is left to the full path, which knows what to do and say:
several profiles or none, an unknown --profile, failed unlocks being counted, a change of
keys or a restore under way, a damaged vault, a wrong passphrase (counted there, once),
a database that does not open cleanly, a schema not exactly current, a search index that
disagrees with the reflections. ``search_quickly`` then returns no result, and the
passphrase it already read so that nobody is asked twice.
"""

from __future__ import annotations

import os
import threading

from reflect.commands.profile_arguments import read_passphrase
from reflect.data_folder import data_folder
from reflect.domain import vault_file
from reflect.domain.passphrase import normalised
from reflect.storage import argon2id
from reflect.storage.kdf_settings import checked_settings

# typing itself is not loaded: `reflect search` reads these files before anything else
# needs it (about 3 ms); type checkers read the block below all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

_UNUSUAL = (vault_file.THROTTLE_FILE, vault_file.PENDING_VAULT_FILE, vault_file.RESTORED_DB_FILE)


def data_dir_of(args: argparse.Namespace) -> str:
    """The folder AppPaths.from_option gives for the same option and environment."""
    return data_folder(getattr(args, "data_dir", None))


def everyday_profile(data_dir: str, wanted: str | None) -> str | None:
    """The one profile folder to search, when choosing it needs no message."""
    profiles = os.path.join(data_dir, "profiles")
    try:
        names = sorted(n for n in os.listdir(profiles) if not n.startswith("."))
    except OSError:
        return None
    found = [n for n in names if os.path.lexists(os.path.join(profiles, n, vault_file.VAULT_FILE))]
    if wanted is not None:
        found = [n for n in found if n == wanted]
    if len(found) != 1:
        return None
    folder = os.path.join(profiles, found[0])
    if any(os.path.lexists(os.path.join(folder, name)) for name in _UNUSUAL):
        return None
    return folder


def _sealed(folder: str) -> tuple[Any, Any] | None:
    """(checked key-derivation settings, wrapped key) from vault.json, or None."""
    from reflect.domain.errors import ReflectError
    from reflect.storage.vault_shape import checked_vault

    try:
        # As ProfileStore._read_vault reads it, and the seal as open_seal_forms checks it.
        vault = checked_vault(
            vault_file.read_vault_json(os.path.join(folder, vault_file.VAULT_FILE))
        )
        sealed = vault["passphrase"]
        return checked_settings(sealed["kdf"]), sealed["wrapped_key"]
    except (OSError, ValueError, RecursionError, ReflectError):  # JsonLimitError: ValueError
        return None


class _Loading(threading.Thread):
    """What the search needs once the key is there: its code, the data folder made private
    again (as every command does) and the template names."""

    def __init__(self, data_dir: str) -> None:
        super().__init__(name="reflect-search-load", daemon=True)
        self.data_dir = data_dir
        self.names: dict[str, str] | None = None

    def run(self) -> None:
        try:
            import sqlcipher3  # noqa: F401 - loaded now, used by connect_encrypted

            from reflect.domain.template_names import shipped_names
            from reflect.private_tree import tighten_private_tree
            from reflect.resources import assets_folder
            from reflect.services.search_index_check import search_index_warning  # noqa: F401
            from reflect.storage import database, keywrap, reflection_search  # noqa: F401

            tighten_private_tree(self.data_dir)
            if not _has_entries(os.path.join(self.data_dir, "templates")):
                self.names = shipped_names(os.path.join(assets_folder(), "templates"))
        except Exception:  # noqa: BLE001 - the full path loads it again and says what failed
            self.names = None


def _has_entries(folder: str) -> bool:
    """An organisation's templates are there (or may be): their names need the full loader."""
    try:
        return bool(os.listdir(folder))
    except FileNotFoundError:
        return False
    except OSError:
        return True


def search_quickly(args: argparse.Namespace) -> tuple[Any, str | None]:
    """(what search.run prints, or None for the full path; the passphrase if read)."""
    data_dir = data_dir_of(args)
    folder = everyday_profile(data_dir, getattr(args, "profile", None))
    sealed = _sealed(folder) if folder is not None else None
    if folder is None or sealed is None:
        return None, None
    settings, wrapped = sealed
    # Started before the passphrase is read: the full path makes the data folder private
    # again first, even when the passphrase then cannot be read.
    loading = _Loading(data_dir)
    loading.start()
    try:
        passphrase = read_passphrase(args)
        kek = bytearray(
            argon2id.derive(
                normalised(passphrase).encode("utf-8"),
                bytes.fromhex(settings.salt_hex),
                settings.time_cost,
                settings.memory_kib,
                settings.parallelism,
            )
        )
    finally:
        loading.join()
    if loading.names is None:
        argon2id.wipe(kek)
        return None, passphrase
    return _search_with(kek, wrapped, folder, args, loading.names), passphrase


def _search_with(
    kek: bytearray, wrapped: Any, folder: str, args: Any, names: dict[str, str]
) -> Any:
    from reflect.domain.errors import ReflectError
    from reflect.storage import database, keywrap, schema_names

    try:
        key = keywrap.unwrap(wrapped, kek)
    except ReflectError:  # a wrong passphrase or a damaged seal: counted and said there
        return None
    finally:
        argon2id.wipe(kek)
    try:
        db_path = os.path.join(folder, vault_file.DB_FILE)
        try:
            conn = database.connect_encrypted(db_path, key, profile=True)
        except Exception:  # noqa: BLE001 - the full path opens it again and says what is wrong
            return None
        try:
            # A restore decided meanwhile: the full path says the data is from before it.
            waiting = os.path.isfile(os.path.join(folder, vault_file.RESTORED_DB_FILE))
            if waiting or not schema_names.is_current(conn):
                return None
            return _found(conn, args, names)
        finally:
            database.close_connection(conn)
    finally:
        argon2id.wipe(key)


def _found(conn: Any, args: Any, names: dict[str, str]) -> Any:
    from types import SimpleNamespace

    from reflect.commands.search import Summary, criteria_values, found
    from reflect.services.search_index_check import search_index_warning
    from reflect.storage import reflection_search

    index_problems, warning = search_index_warning(conn)
    if index_problems:
        return None  # the full path says so, the same way
    criteria = SimpleNamespace(**criteria_values(args))  # JournalFilter's attributes
    rows = reflection_search.matching_rows(conn, criteria, args.limit or None)
    results = [Summary(*row) for row in rows]
    return found(
        args,
        results,
        lambda: reflection_search.count_matching(conn, criteria),
        lambda template_id: _name(names, template_id),
        index_problems,
        warning,
    )


def _name(names: dict[str, str], template_id: str) -> str:
    from reflect.domain.template_names import fallback_name

    return names[template_id] if template_id in names else fallback_name(template_id)
