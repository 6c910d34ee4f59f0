"""The only code that knows where the shipped assets live."""

from __future__ import annotations

from pathlib import Path


def assets_dir() -> Path:
    """Folder holding templates/, instruments/, resources/, checkin/, icons/, translations/.

    An installed wheel carries the assets inside the package; an editable checkout reads them
    from the repository's top-level ``assets/`` folder.
    """
    packaged = Path(__file__).resolve().parent / "assets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "assets"


def asset_path(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
