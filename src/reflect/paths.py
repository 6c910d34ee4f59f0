"""Where Reflect keeps its files. One object, overridable by --data-dir and by tests."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reflect.private_output import private_output, sync_folder

__all__ = ["AppPaths", "ensure_private_dir", "sync_folder", "write_private_file"]

APP_NAME = "Reflect"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


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


def tighten_private_tree(data_dir: Path) -> None:
    """Make an existing data folder private again: folders 0700, profile files 0600.

    A folder copied from another machine, unpacked from a zip or made by an older version
    may be readable by others. Only what exists is touched; links are never followed, and a
    folder that is not ours (or is read-only) is left as it is.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir() or data_dir.is_symlink():
        return
    folders = [data_dir, data_dir / "profiles"]
    profiles = data_dir / "profiles"
    if profiles.is_dir():
        for profile in profiles.iterdir():
            if profile.is_dir() and not profile.is_symlink():
                folders += [profile, profile / "backups"]
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink():
            continue
        _chmod_quietly(folder, PRIVATE_DIR_MODE)
        if folder == data_dir:
            continue
        for child in folder.iterdir():
            if child.is_file() and not child.is_symlink():
                _chmod_quietly(child, PRIVATE_FILE_MODE)
    for child in data_dir.iterdir():
        if child.is_file() and not child.is_symlink():
            _chmod_quietly(child, PRIVATE_FILE_MODE)


def _chmod_quietly(path: Path, mode: int) -> None:
    try:
        if (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:
        pass


@dataclass(frozen=True)
class AppPaths:
    """All folders Reflect writes to. Everything lives under one private data folder."""

    data_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        from platformdirs import user_data_path

        return cls(Path(user_data_path(APP_NAME, appauthor=False)))

    @classmethod
    def from_option(cls, data_dir: str | os.PathLike[str] | None) -> AppPaths:
        env = os.environ.get("REFLECT_DATA_DIR")
        if data_dir:
            return cls(Path(data_dir).expanduser().resolve())
        if env:
            return cls(Path(env).expanduser().resolve())
        return cls.default()

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
