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


def find_demo_profile(service: ProfileService) -> ProfileInfo | None:
    # By the flag in vault.json, not the folder: a person's own profile called "Demo" gets
    # the folder "demo", and must never be replaced or opened with the public passphrase.
    demos = [info for info in service.list_profiles() if info.is_demo]
    preferred = [info for info in demos if info.profile_id == DEMO_PROFILE_ID]
    found = preferred or demos
    return found[0] if found else None


def ensure_demo_profile(
    service: ProfileService,
    progress: Progress | None = None,
    years: int = 1,
    passphrase: str = DEMO_PASSPHRASE,
    team: int | None = None,
) -> ProfileInfo:
    """Return the demo profile, creating and filling it on first use.

    It is filled while hidden and takes its name only once whole: a demo that failed or
    was killed half way is never listed (deleted at once, or removed as abandoned later),
    so the next try starts clean rather than finding a half-empty demo.
    """
    existing = find_demo_profile(service)
    if existing is not None:
        return existing
    fast = ProfileService(
        service.paths, fast_kdf=True, writer=service.writer, on_lock_wait=service.on_lock_wait
    )
    info = fast.create_hidden(passphrase, DEMO_NAME, is_demo=True)
    try:
        session = fast.unlock(info, passphrase)
        try:
            from reflect.services.demo_data import fill_demo_profile
            from reflect.services.demo_team import DEFAULT_DEMO_TEAM, fill_demo_team

            fill_demo_profile(session, years=years, progress=progress)
            # The demo is also a coordinator, so the Team screen has figures to show.
            fill_demo_team(session, DEFAULT_DEMO_TEAM if team is None else team)
        finally:
            session.close()
        return fast.publish(info, DEMO_PROFILE_ID)
    except BaseException:
        fast.delete(info)
        raise
