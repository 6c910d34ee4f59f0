"""Commands that draw no chart must not pay for numpy or matplotlib at start-up, and a
search derives its key without importing argon2-cffi's package (only its C binding).

sqlite-utils imports numpy at module level when it is installed (matplotlib installs it),
which alone costs about 150 ms; reflect.storage hides it while sqlite-utils loads, and
leaves dateutil's parser to load when used. Each check runs in a fresh interpreter, since
this test process has long imported all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime

import pytest

from reflect.domain.reflection import Reflection
from reflect.services.profiles import ProfileService

PASSPHRASE = "a long enough test passphrase"

# The last two stand for "every command module": only the one being run is imported.
HEAVY = (
    "numpy",
    "matplotlib",
    "pandas",
    "dateutil.parser._parser",  # sqlite-utils' date recipes: registered lazily, never run
    "PySide6",
    # Argon2id comes from argon2-cffi's C binding (storage/argon2id.py): its package
    # (about 20 ms to import) is not needed.
    "argon2",
    "reflect.commands.export",
    "reflect.commands.score",
)

PROBE = f"""
import json, sys
from reflect.cli import main
try:
    code = main(json.loads(sys.argv[1]))
except SystemExit as exit:  # --version exits from inside argparse
    code = exit.code or 0
sys.stdout.flush()
print("\\nMODULES " + json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
raise SystemExit(code)
"""


def _loaded_after(argv: list[str], env_extra: dict[str, str] | None = None) -> list[str]:
    env = {**os.environ, **(env_extra or {})}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    line = [x for x in out.stdout.splitlines() if x.startswith("MODULES ")][-1]
    return json.loads(line.removeprefix("MODULES "))


@pytest.fixture
def data_dir(paths):
    service = ProfileService(paths, fast_kdf=True)
    info = service.create(PASSPHRASE, "Imports")
    session = service.unlock(info, PASSPHRASE)
    try:
        session.journal.save(
            Reflection("quick", datetime(2026, 4, 3, 20, 15), answers={"what_happened": "calm"})
        )
    finally:
        session.close()
    return str(paths.data_dir)


def test_search_on_a_real_profile_loads_no_numpy_or_matplotlib(data_dir):
    loaded = _loaded_after(
        ["search", "calm", "--data-dir", data_dir], {"REFLECT_PASSPHRASE": PASSPHRASE}
    )
    assert loaded == []


# What the quick path of a search (commands/search_quick.py) does without: the session and
# sqlite-utils (about 30 ms), dataclasses (about 9), secrets (a second libcrypto, about 5),
# the full template loader and the migrations; argparse (about 7 ms with gettext and the
# parsers) reads the everyday lines of a search no more (commands/search_arguments.py), and
# pathlib (about 4 ms) is used by none of its steps.
NOT_FOR_A_SEARCH = (
    "argparse",
    "pathlib",
    "sqlite_utils",
    "dataclasses",
    "secrets",
    "reflect.services.session",
    "reflect.services.profiles",
    "reflect.domain.templates",
    "reflect.storage.migrations",
)


def test_a_search_of_an_everyday_profile_loads_only_what_it_uses(data_dir):
    probe = PROBE.replace(repr(HEAVY), repr(NOT_FOR_A_SEARCH))
    env = {**os.environ, "REFLECT_PASSPHRASE": PASSPHRASE}
    argv = json.dumps(["search", "calm", "--data-dir", data_dir])
    out = subprocess.run(
        [sys.executable, "-c", probe, argv], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "calm" in out.stdout
    assert out.stdout.splitlines()[-1] == "MODULES []"


@pytest.mark.parametrize(
    "argv",
    [["score", "who5", "--answers", "3 2 4 3 2"], ["help-lines"]],
    ids=["score", "help-lines"],
)
def test_commands_without_charts_load_no_numpy_or_matplotlib(argv):
    expected = ["reflect.commands.score"] if argv[0] == "score" else []
    assert _loaded_after(argv) == expected


def test_version_reads_qt_but_loads_no_numpy_or_matplotlib():
    # --version names the Qt version, so QtCore loads; nothing heavier does.
    assert _loaded_after(["--version"]) == ["PySide6"]


def test_numpy_still_imports_after_the_storage_layer():
    """The guard only hides numpy while sqlite-utils loads; the charts still get it."""
    code = "import reflect.storage.database, numpy, sqlite_utils; print(numpy.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "numpy"


def test_the_date_recipes_of_sqlite_utils_still_work_when_used():
    """dateutil's parser is only deferred: the first use loads it, unchanged."""
    code = (
        "import sys, reflect.storage.database\n"
        "from sqlite_utils.recipes import parsedate, parsedatetime\n"
        "assert 'dateutil.parser._parser' not in sys.modules\n"
        "print(parsedate('7 December 2026'), parsedatetime('2026-12-07 03:40'))\n"
        "import dateutil.parser\n"
        "print(type(dateutil.parser.ParserError).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["2026-12-07", "2026-12-07T03:40:00", "type"]
