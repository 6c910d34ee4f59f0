"""Helpers shared by subcommands: data folder, profile choice, passphrase, JSON output."""

from __future__ import annotations

import argparse
import sys

from reflect.commands.profile_arguments import (  # noqa: F401 - used from here by commands
    MAX_PASSPHRASE_FILE_BYTES,
    PASSPHRASE_ENV,
    add_profile_arguments,
    print_json,
    read_passphrase,
    read_passphrase_file,
)
from reflect.domain.errors import ReflectError
from reflect.domain.profile import ProfileInfo
from reflect.paths import AppPaths, tighten_private_tree
from reflect.services.profiles import ProfileService
from reflect.services.session import Session


def paths_from(args: argparse.Namespace) -> AppPaths:
    """The data folder, made private again if it exists (as the app does at start)."""
    paths = AppPaths.from_option(getattr(args, "data_dir", None))
    tighten_private_tree(paths.data_dir)
    return paths


def tell_waiting(message: str) -> None:
    """Printed once when another Reflect holds the profile's writer lock and we wait for it."""
    print(message, file=sys.stderr, flush=True)


def choose_profile(service: ProfileService, profile_id: str | None) -> ProfileInfo:
    if profile_id:
        return service.get(profile_id)
    profiles = service.list_profiles()
    if not profiles:
        raise ReflectError(
            f"No profile in {service.paths.profiles_dir}. Start the app to create one, "
            "or run 'reflect demo'."
        )
    if len(profiles) > 1:
        names = ", ".join(p.profile_id for p in profiles)
        raise ReflectError(f"Several profiles here ({names}); choose one with --profile.")
    return profiles[0]


def open_session(
    args: argparse.Namespace,
    *,
    write: bool = False,
    migrate: bool = True,
    passphrase: str | None = None,
) -> Session:
    """Unlock the chosen profile. ``write``: hold its writer lock until the session closes.

    Commands that write pass ``write=True``: they wait a bounded time for another Reflect
    (the app, another command) to finish, then refuse. Readers never wait, except to apply
    a pending migration (a write); ``migrate=False`` leaves it pending (``reflect check``).
    ``passphrase``: already read (a search that first tried its quick path asks only once).
    """
    service = ProfileService(
        paths_from(args), writer=write, on_lock_wait=tell_waiting, migrate_readers=migrate
    )
    profile = choose_profile(service, getattr(args, "profile", None))
    # Read already (even empty, an Enter pressed at the prompt): never asked for twice.
    typed = passphrase if passphrase is not None else read_passphrase(args)
    session = service.unlock(profile, typed)
    if session.restore_waiting:
        from reflect.services.profiles import RESTORE_WAITING

        print(f"reflect: {RESTORE_WAITING}", file=sys.stderr, flush=True)
    return session
