"""Where an export or a backup may be written: never into a profile, never over a file by surprise.

``--out`` pointing at a profile's own ``reflect.db`` or ``vault.json`` once destroyed them:
an export is written beside its target and renamed over it. Any folder holding a profile
(``vault.json`` or ``reflect.db``), and anything under the data folder's ``profiles/``, is
refused; an existing file is refused unless the caller was asked (``overwrite``).
"""

from __future__ import annotations

from pathlib import Path

from reflect.domain.errors import ValidationError, cut
from reflect.domain.profile import DB_FILE, VAULT_FILE
from reflect.paths import AppPaths


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def check_output_target(target: Path, paths: AppPaths | None, *, overwrite: bool) -> Path:
    """Return ``target`` if writing there is safe, else raise ValidationError (nothing written)."""
    resolved = Path(target).expanduser().resolve()
    protected = [paths.profiles_dir.resolve()] if paths is not None else []
    for folder in [resolved.parent, *resolved.parent.parents]:
        if (folder / VAULT_FILE).exists() or (folder / DB_FILE).exists():
            protected.append(folder)
    if resolved.name in (VAULT_FILE, DB_FILE) or any(_inside(resolved, f) for f in protected):
        raise ValidationError(
            "{path} is inside a Reflect profile folder; writing there could destroy the "
            "profile. Choose a file elsewhere. Nothing was written.",
            path=cut(target, 200),
        )
    if resolved.exists() and not resolved.is_file():
        # The file is written beside the target and renamed over it: a pipe, a device (for
        # root, /dev/full) or a folder would be replaced, not written to.
        raise ValidationError(
            "{path} is not a regular file (a folder, pipe or device). Choose a file name. "
            "Nothing was written.",
            path=cut(target, 200),
        )
    if resolved.exists() and not overwrite:
        raise ValidationError(
            "{path} already exists. Add --force to replace it, or choose another name. "
            "Nothing was written.",
            path=cut(target, 200),
        )
    return Path(target).expanduser()
