"""Generates fictional demo content. Extended as each capability lands."""

from __future__ import annotations

from collections.abc import Callable

from reflect.services.session import Session


def fill_demo_profile(session: Session, years: int = 1, progress: Callable[[int, str], None] | None = None) -> None:
    if progress:
        progress(100, "Demo profile ready.")
