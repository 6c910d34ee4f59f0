"""Only the real demo profile is ever treated as the demo (its passphrase is public)."""

from __future__ import annotations

from reflect.services.demo import find_demo_profile
from tests.conftest import PASSPHRASE


def test_a_profile_named_demo_is_not_the_demo(profile_service):
    """A person's own profile called "Demo" gets the folder id "demo": it must never be
    taken for the demo (``reflect demo --replace`` deletes the demo; *Try the demo* types
    the public passphrase into it and counts a wrong try)."""
    mine = profile_service.create(PASSPHRASE, "Demo")
    assert mine.profile_id == "demo" and not mine.is_demo
    assert find_demo_profile(profile_service) is None


def test_the_demo_is_found_beside_a_profile_named_demo(profile_service):
    profile_service.create(PASSPHRASE, "Demo")
    demo = profile_service.create(PASSPHRASE, "Demo (fictional)", is_demo=True, profile_id="demo")
    found = find_demo_profile(profile_service)
    assert found is not None and found.profile_id == demo.profile_id != "demo"
