"""Fixtures shared by the command-line tests."""

from __future__ import annotations

from datetime import datetime

import pytest

# The harness's assertions explain a difference as a test module's do.
pytest.register_assert_rewrite("tests.cli.search_attacks")

from tests.cli.search_attacks import PASSPHRASE  # noqa: E402


@pytest.fixture(scope="module")
def attack_base(tmp_path_factory) -> str:
    """One data folder with one everyday profile, copied by every test."""
    from reflect.domain.reflection import Reflection
    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    data = tmp_path_factory.mktemp("base") / "data"
    service = ProfileService(AppPaths(data).ensure(), fast_kdf=True)
    session = service.unlock(service.create(PASSPHRASE, "Quick"), PASSPHRASE)
    try:
        for day, text in enumerate(["supervision at noon", "night outreach", "court"], 1):
            session.journal.save(
                Reflection("quick", datetime(2026, 3, day, 9), answers={"what_happened": text})
            )
    finally:
        session.close()
    return str(data)
