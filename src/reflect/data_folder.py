"""Which folder Reflect keeps its profiles in: the one rule, as plain text.

Apart from paths.py (AppPaths wraps it in a Path) because `reflect search` chooses the
folder before pathlib and dataclasses have loaded (commands/search_quick.py).
"""

from __future__ import annotations

import os

APP_NAME = "Reflect"


def default_data_folder() -> str:
    """The platform's user data folder for Reflect."""
    from platformdirs import user_data_dir

    return user_data_dir(APP_NAME, appauthor=False)


def data_folder(option: str | os.PathLike[str] | None) -> str:
    """``--data-dir``, else $REFLECT_DATA_DIR, else the platform's folder."""
    chosen = option or os.environ.get("REFLECT_DATA_DIR")
    if chosen:
        # os.path.realpath, not Path.resolve: resolve raises RuntimeError on a symlink loop,
        # which then escaped even the command line's last net.
        return os.path.realpath(os.path.expanduser(chosen))
    return default_data_folder()
