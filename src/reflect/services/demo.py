"""The demo profile: a known passphrase and a year of generated, clearly fictional data."""

from __future__ import annotations

from collections.abc import Callable

from reflect.domain.profile import ProfileInfo
from reflect.services.profiles import ProfileService

DEMO_PROFILE_ID = "demo"
DEMO_NAME = "Demo (fictional)"
# Demo data is invented, so its passphrase can be public; it is shown on the lock screen.
DEMO_PASSPHRASE = "demo-passphrase"

Progress = Callable[[int, str], None]


def ensure_demo_profile(service: ProfileService, progress: Progress | None = None, years: int = 1) -> ProfileInfo:
    """Return the demo profile, creating and filling it on first use."""
    for info in service.list_profiles():
        if info.profile_id == DEMO_PROFILE_ID:
            return info
    fast = ProfileService(service.paths, fast_kdf=True)
    info = fast.create(DEMO_PASSPHRASE, DEMO_NAME, is_demo=True, profile_id=DEMO_PROFILE_ID)
    session = fast.unlock(info, DEMO_PASSPHRASE)
    try:
        from reflect.services.demo_data import fill_demo_profile

        fill_demo_profile(session, years=years, progress=progress)
    finally:
        session.close()
    return info
