"""PyInstaller's entry script: the same entry point as the `reflect` command."""

from reflect.cli import run

raise SystemExit(run())
