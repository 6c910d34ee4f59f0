"""Two profiles in two data folders: a provider and a supervisor, for exchange tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from tests.services.debrief_fixtures import CANARY, prepared_debrief, seed

PASSPHRASE = "correct horse battery staple"
PART_CANARY = "PARTCANARY-my-body-felt-heavy-9c1"
PART_SHARED = "Part-shared-what-happened-outline"


@dataclass
class Pair:
    provider: object
    supervisor: object
    provider_dir: Path
    supervisor_dir: Path
    debrief_id: int
    part_reflection: int

    def close(self) -> None:
        self.provider.close()
        self.supervisor.close()


def open_profile(folder: Path, name: str, role: str = "provider"):
    service = ProfileService(AppPaths(folder).ensure(), fast_kdf=True)
    existing = service.list_profiles()
    info = existing[0] if existing else service.create(PASSPHRASE, name)
    session = service.unlock(info, PASSPHRASE)
    session.settings.set("role", role)
    return session


def make_pair(tmp_path: Path) -> Pair:
    """A provider with a prepared debrief (one reflection shared whole, one shared in part,
    the canary reflection not shared) and a supervisor profile, each in its own folder."""
    provider = open_profile(tmp_path / "provider", "Alex")
    supervisor = open_profile(tmp_path / "supervisor", "Sam", "supervisor")
    seeded = seed(provider)
    debrief = prepared_debrief(provider, seeded)
    journal = provider.journal
    draft = replace(
        journal.new_reflection(),
        occurred_at=datetime.now().replace(microsecond=0) - timedelta(days=4),
        answers={"what_happened": PART_SHARED, "my_reaction": PART_CANARY},
        feelings=[PART_CANARY + "-feeling"],
        intensity=7,
    )
    part = journal.save(draft)
    assert part.id is not None
    debrief.shared.append(("reflection", str(part.id)))
    debrief.parts[str(part.id)] = ("what_happened",)
    debrief.notes["impact"] = "Tired but steady."
    saved = provider.debrief.save(debrief)
    assert saved.id is not None
    provider.debrief.add_action(saved.id, "Book a quiet afternoon", "me")
    return Pair(
        provider,
        supervisor,
        tmp_path / "provider",
        tmp_path / "supervisor",
        saved.id,
        part.id,
    )


def all_rows_text(session) -> str:
    """Every value in every table of a profile, as one string (for canary checks)."""
    db = session.db
    chunks = []
    for table in db.table_names():
        if table.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")):
            continue
        for row in db.execute(f"SELECT * FROM [{table}]").fetchall():
            chunks.append(" ".join(str(v) for v in row))
    return "\n".join(chunks)


__all__ = ["CANARY", "PART_CANARY", "PART_SHARED", "Pair", "make_pair", "all_rows_text"]
