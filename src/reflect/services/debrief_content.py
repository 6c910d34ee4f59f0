"""The debrief's words (agenda steps, the voluntary note, the share banner), read once from
``assets/resources/debrief_agenda.json`` so they are reviewable content, not Python."""

from __future__ import annotations

from functools import lru_cache

from reflect.domain.debrief import AgendaStep, DebriefWording, load_debrief_wording
from reflect.resources import asset_path


@lru_cache(maxsize=1)
def shipped_debrief_wording() -> DebriefWording:
    return load_debrief_wording(asset_path("resources", "debrief_agenda.json"))


_WORDING = shipped_debrief_wording()
AGENDA: tuple[AgendaStep, ...] = _WORDING.agenda
VOLUNTARY_NOTE: str = _WORDING.voluntary_note
SHARE_BANNER: str = _WORDING.share_banner
