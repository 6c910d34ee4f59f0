"""Where Reflect keeps its files. One object, overridable by --data-dir and by tests."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reflect.data_folder import (  # noqa: F401 - APP_NAME used from here
    APP_NAME,
    data_folder,
    default_data_folder,
)
from reflect.private_output import private_output, sync_folder
from reflect.private_tree import (  # noqa: F401 - used from here
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    tighten_private_tree,
)

__all__ = [
    "AppPaths",
    "ensure_private_dir",
    "sync_folder",
    "tighten_private_tree",
    "write_private_file",
]


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make sure only the owner can enter it."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    # mkdir's mode is filtered by the umask and ignored for existing folders, so set it explicitly.
    os.chmod(path, PRIVATE_DIR_MODE)
    return path


def write_private_file(path: Path, data: bytes) -> None:
    """Create or replace ``path`` with ``data``, readable by the owner only (0600).

    Atomic and flushed to disk: a crash leaves either the old file or the new one, never
    half of one, and (see ``private_output``) no temporary file with the data either.
    """
    with private_output(Path(path)) as output:
        output.write_bytes(data)


@dataclass(frozen=True)
class AppPaths:
    """All folders Reflect writes to. Everything lives under one private data folder."""

    data_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        return cls(Path(default_data_folder()))

    @classmethod
    def from_option(cls, data_dir: str | os.PathLike[str] | None) -> AppPaths:
        return cls(Path(data_folder(data_dir)))

    @property
    def profiles_dir(self) -> Path:
        return self.data_dir / "profiles"

    @property
    def templates_dir(self) -> Path:
        """Organisation-supplied reflection templates (JSON files), added to the shipped ones."""
        return self.data_dir / "templates"

    @property
    def accounts_dir(self) -> Path:
        """Organisation-supplied reflective-account shapes (JSON files), beside the shipped ones."""
        return self.data_dir / "accounts"

    @property
    def instruments_dir(self) -> Path:
        """Imported instrument definitions (for example with licensed item text)."""
        return self.data_dir / "instruments"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "reflect.lock"

    @property
    def interface_file(self) -> Path:
        """The interface language of the last profile open, for the next lock screen."""
        return self.data_dir / "interface.json"

    def profile_dir(self, profile_id: str) -> Path:
        return self.profiles_dir / profile_id

    def backups_dir(self, profile_id: str) -> Path:
        return self.profile_dir(profile_id) / "backups"

    def ensure(self) -> AppPaths:
        ensure_private_dir(self.data_dir)
        ensure_private_dir(self.profiles_dir)
        return self
