import subprocess
import sys

from reflect import __version__
from reflect.cli import build_parser


def test_version_flag():
    out = subprocess.run(
        [sys.executable, "-m", "reflect", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0] == f"reflect {__version__}"
    assert lines[1].startswith("SQLCipher 4.")  # the encryption is really there
    assert lines[2].startswith("Qt 6.")


def test_help_lists_options():
    text = build_parser().format_help()
    for option in ("--data-dir", "--demo", "--version"):
        assert option in text
