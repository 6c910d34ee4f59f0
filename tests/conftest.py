"""Shared fixtures. Tests run headless and never touch the real user data folder."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("REFLECT_PASSPHRASE", None)

from pathlib import Path

import pytest

from reflect.paths import AppPaths

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "data").ensure()


@pytest.fixture
def profile_service(paths: AppPaths):
    from reflect.services.profiles import ProfileService

    return ProfileService(paths, fast_kdf=True)


@pytest.fixture
def profile(profile_service):
    return profile_service.create(PASSPHRASE, "Tester")


@pytest.fixture
def session(profile_service, profile):
    """An unlocked profile with a real encrypted database."""
    session = profile_service.unlock(profile, PASSPHRASE)
    yield session
    session.close()


@pytest.fixture
def db(session):
    return session.db


@pytest.fixture
def pair(tmp_path):
    """A provider's and a supervisor's profile, each in its own data folder."""
    from tests.services.supervision_fixtures import make_pair

    made = make_pair(tmp_path)
    yield made
    made.close()


@pytest.fixture
def zone(monkeypatch):
    """Switch the local time zone for one test: ``zone("Europe/Paris")`` (TZ and tzset)."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()
