"""Helpers shared by subcommands: data folder, profile choice, passphrase, JSON output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from reflect.domain.errors import ReflectError
from reflect.domain.profile import ProfileInfo
from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from reflect.services.session import Session

PASSPHRASE_ENV = "REFLECT_PASSPHRASE"


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps "reflect --data-dir X search" working: a None default here would
    # overwrite the value the top-level parser already stored.
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="data folder (default: the platform's user data folder)",
    )
    parser.add_argument("--profile", help="profile id (default: the only profile, if there is one)")
    parser.add_argument(
        "--passphrase-file",
        help=f"read the passphrase from this file (else ${PASSPHRASE_ENV}, else a hidden prompt)",
    )


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    path = getattr(args, "passphrase_file", None)
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise ReflectError(f"Cannot read the passphrase file: {exc.strerror}") from exc
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise ReflectError(
            f"No passphrase given: set {PASSPHRASE_ENV}, pass --passphrase-file, "
            "or run in a terminal."
        )
    return getpass.getpass(prompt)


def paths_from(args: argparse.Namespace) -> AppPaths:
    return AppPaths.from_option(getattr(args, "data_dir", None))


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


def open_session(args: argparse.Namespace) -> Session:
    service = ProfileService(paths_from(args))
    profile = choose_profile(service, getattr(args, "profile", None))
    return service.unlock(profile, read_passphrase(args))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")
