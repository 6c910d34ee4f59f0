"""The only code that knows where the shipped assets live."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing is not loaded here; type checkers read the block all the same
if TYPE_CHECKING:
    from pathlib import Path


def assets_folder() -> str:
    """Folder holding templates/, instruments/, resources/, checkin/, icons/, translations/.

    An installed wheel carries the assets inside the package; an editable checkout reads them
    from the repository's top-level ``assets/`` folder. A str: `reflect search` reads its
    template names before pathlib has loaded.
    """
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "assets")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "assets")


def assets_dir() -> Path:
    from pathlib import Path

    return Path(assets_folder())


def asset_path(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
