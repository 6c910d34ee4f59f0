"""What the workspace needs from every screen, checked by mypy rather than looked up.

A screen redraws itself when the data it shows changes (it subscribes through
``ui/data_events.follow``); ``refresh`` is the same redraw, callable directly. Before the
profile locks, ``save_draft_now`` keeps anything half-typed (most screens keep nothing).
Titles and shortcuts live in ``workspace.NAVIGATION``, in navigation order.
"""

from __future__ import annotations

from typing import Protocol


class Screen(Protocol):
    def refresh(self) -> None:
        """Redraw from stored data."""

    def save_draft_now(self) -> None:
        """Keep anything half-typed before the database closes."""
